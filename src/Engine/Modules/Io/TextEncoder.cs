#nullable enable
using System;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Modules;

/// <summary>An incremental encoder as TextIOWrapper drives it. UTF-8, Latin-1 and ASCII are
/// encoded here (text that cannot fail goes straight into the caller's byte buffer); other
/// codecs are the Python incremental encoder from the codec registry.</summary>
public abstract class TextEncoder
{
    /// <summary>Appends the encoding of `s` to `output` (growing it as needed) and returns the new length.</summary>
    public abstract int Encode(ThreadState ts, string s, ref byte[] output, int length);
    public abstract void Reset(ThreadState ts);
    /// <summary>encoder.setstate(0): continue a stream, so no BOM is written again.</summary>
    public abstract void SetStateZero(ThreadState ts);
    public virtual PyObject? PythonObject => null;

    static readonly HashSet<string> s_builtinErrors = new() { "strict", "ignore", "replace", "surrogateescape", "surrogatepass", "backslashreplace", "xmlcharrefreplace" };

    public static TextEncoder? Native(string encoding, string errors)
    {
        if (!s_builtinErrors.Contains(errors)) return null;
        return StrCodecs.CanonicalName(encoding) switch
        {
            "utf-8" => new Simple("utf-8", 0xFFFF, errors),
            "latin-1" => new Simple("latin-1", 0xFF, errors),
            "ascii" => new Simple("ascii", 0x7F, errors),
            _ => null,
        };
    }

    public static TextEncoder Python(PyObject encoder) => new FromPython(encoder);

    protected static void Append(ref byte[] output, ref int length, ReadOnlySpan<byte> data)
    {
        if (length + data.Length > output.Length) Array.Resize(ref output, Math.Max(output.Length * 2, length + data.Length));
        data.CopyTo(output.AsSpan(length));
        length += data.Length;
    }

    sealed class Simple : TextEncoder
    {
        readonly string _name, _errors;
        readonly char _max;
        public Simple(string name, int max, string errors) { _name = name; _max = (char)max; _errors = errors; }

        public override int Encode(ThreadState ts, string s, ref byte[] output, int length)
        {
            if (_max == 0xFFFF)
            {
                if (!CodePoints.HasSurrogates(s))
                {
                    int need = System.Text.Encoding.UTF8.GetMaxByteCount(s.Length);
                    if (length + need > output.Length) Array.Resize(ref output, Math.Max(output.Length * 2, length + need));
                    return length + System.Text.Encoding.UTF8.GetBytes(s, output.AsSpan(length));
                }
            }
            else if (s.AsSpan().IndexOfAnyExceptInRange('\0', _max) < 0)
            {
                if (length + s.Length > output.Length) Array.Resize(ref output, Math.Max(output.Length * 2, length + s.Length));
                for (int i = 0; i < s.Length; i++) output[length + i] = (byte)s[i];
                return length + s.Length;
            }
            var bytes = PyStrCodecs.Encode(ts, new PyStr(s), _name, _errors);
            Append(ref output, ref length, bytes);
            return length;
        }

        public override void Reset(ThreadState ts) { }
        public override void SetStateZero(ThreadState ts) { }
    }

    sealed class FromPython : TextEncoder
    {
        readonly PyObject _enc;
        public FromPython(PyObject enc) { _enc = enc; }
        public override PyObject? PythonObject => _enc;

        public override int Encode(ThreadState ts, string s, ref byte[] output, int length)
        {
            var r = Ops.CallMethod(ts, _enc, "encode", new PyStr(s));
            if (r is not PyBytes b) throw PyExc.TypeError($"encoder should return a bytes object, not '{r.Type.Name}'");
            Append(ref output, ref length, b.Data);
            return length;
        }

        public override void Reset(ThreadState ts) => Ops.CallMethod(ts, _enc, "reset");
        public override void SetStateZero(ThreadState ts) => Ops.CallMethod(ts, _enc, "setstate", PyInt.From(0));
    }
}
