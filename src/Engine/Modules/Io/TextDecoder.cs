#nullable enable
using System;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Modules;

/// <summary>An incremental decoder as TextIOWrapper drives it (decode, getstate/setstate,
/// reset). UTF-8, Latin-1 and ASCII with the built-in error handlers are decoded here in C#;
/// any other codec is the Python incremental decoder the codec registry returns.</summary>
public abstract class TextDecoder
{
    public abstract string Decode(ThreadState ts, ReadOnlySpan<byte> input, bool final);
    public abstract (byte[] Buffer, long Flags) GetState(ThreadState ts);
    public abstract void SetState(ThreadState ts, byte[] buffer, long flags);
    public abstract void Reset(ThreadState ts);
    /// <summary>The decoder as a Python object (TextIOWrapper._decoder is rarely looked at).</summary>
    public virtual PyObject? PythonObject => null;

    static readonly HashSet<string> s_builtinErrors = new() { "strict", "ignore", "replace", "surrogateescape", "surrogatepass", "backslashreplace" };

    /// <summary>The C# decoder for `encoding`, or null when the codec registry must provide one.</summary>
    public static TextDecoder? Native(string encoding, string errors)
    {
        if (!s_builtinErrors.Contains(errors)) return null;
        return StrCodecs.CanonicalName(encoding) switch
        {
            "utf-8" => new Utf8(errors),
            "latin-1" => new SingleByte("latin-1", errors),
            "ascii" => new SingleByte("ascii", errors),
            _ => null,
        };
    }

    public static TextDecoder Python(PyObject decoder) => new FromPython(decoder);

    /// <summary>UTF-8: bytes of a sequence cut by the chunk boundary wait for the next chunk.</summary>
    sealed class Utf8 : TextDecoder
    {
        readonly string _errors;
        byte[] _pending = Array.Empty<byte>();
        public Utf8(string errors) { _errors = errors; }

        public override string Decode(ThreadState ts, ReadOnlySpan<byte> input, bool final)
        {
            ReadOnlySpan<byte> data = input;
            byte[]? joined = null;
            if (_pending.Length > 0)
            {
                joined = new byte[_pending.Length + input.Length];
                _pending.CopyTo(joined, 0);
                input.CopyTo(joined.AsSpan(_pending.Length));
                data = joined;
            }
            int keep = final ? 0 : IncompleteTail(data);
            _pending = keep == 0 ? Array.Empty<byte>() : data[^keep..].ToArray();
            var head = data[..^keep];
            if (head.Length == 0) return "";
            if (System.Text.Ascii.IsValid(head)) return System.Text.Encoding.ASCII.GetString(head);
            var arr = joined != null && keep == 0 ? joined : head.ToArray();
            return PyStrCodecs.Decode(ts, arr, "utf-8", _errors, PyBytes.From(arr));
        }

        /// <summary>How many bytes at the end start a valid but unfinished sequence.</summary>
        static int IncompleteTail(ReadOnlySpan<byte> d)
        {
            int n = d.Length;
            for (int back = 1; back <= 3 && back <= n; back++)
            {
                byte b = d[n - back];
                if ((b & 0xC0) == 0x80) continue;     // continuation byte: look further back
                int need = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
                if (need <= back) return 0;
                // The second byte's range depends on the lead byte, as in the strict decoder.
                if (back >= 2)
                {
                    byte c = d[n - back + 1];
                    int lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
                    int hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
                    if (c < lo || c > hi) return 0;
                }
                return back;
            }
            return 0;
        }

        public override (byte[] Buffer, long Flags) GetState(ThreadState ts) => (_pending, 0);
        public override void SetState(ThreadState ts, byte[] buffer, long flags) => _pending = buffer;
        public override void Reset(ThreadState ts) => _pending = Array.Empty<byte>();
    }

    sealed class SingleByte : TextDecoder
    {
        readonly string _name, _errors;
        public SingleByte(string name, string errors) { _name = name; _errors = errors; }

        public override string Decode(ThreadState ts, ReadOnlySpan<byte> input, bool final)
        {
            if (input.Length == 0) return "";
            if (_name == "latin-1") return System.Text.Encoding.Latin1.GetString(input);
            if (System.Text.Ascii.IsValid(input)) return System.Text.Encoding.ASCII.GetString(input);
            var arr = input.ToArray();
            return PyStrCodecs.Decode(ts, arr, _name, _errors, PyBytes.From(arr));
        }

        public override (byte[] Buffer, long Flags) GetState(ThreadState ts) => (Array.Empty<byte>(), 0);
        public override void SetState(ThreadState ts, byte[] buffer, long flags) { }
        public override void Reset(ThreadState ts) { }
    }

    sealed class FromPython : TextDecoder
    {
        readonly PyObject _dec;
        public FromPython(PyObject dec) { _dec = dec; }
        public override PyObject? PythonObject => _dec;

        public override string Decode(ThreadState ts, ReadOnlySpan<byte> input, bool final)
        {
            var r = Ops.CallMethod(ts, _dec, "decode", PyBytes.From(input.ToArray()), PyBool.From(final));
            if (r is not PyStr s) throw PyExc.TypeError($"decoder should return a string result, not '{r.Type.Name}'");
            return s.Value;
        }

        public override (byte[] Buffer, long Flags) GetState(ThreadState ts)
        {
            var st = Ops.CallMethod(ts, _dec, "getstate");
            if (st is not PyTuple t || t.Items.Length != 2) throw PyExc.TypeError("illegal decoder state");
            if (t.Items[0] is not PyBytes b) throw PyExc.TypeError($"illegal decoder state: the first item must be bytes, not '{t.Items[0].Type.Name}'");
            return (b.Data, IoModule.IntArg(ts, t.Items[1]));
        }

        public override void SetState(ThreadState ts, byte[] buffer, long flags)
            => Ops.CallMethod(ts, _dec, "setstate", PyTuple.Of(PyBytes.From(buffer), PyInt.From(flags)));

        public override void Reset(ThreadState ts) => Ops.CallMethod(ts, _dec, "reset");
    }
}
