#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Text;
using StacklessIron.Objects;
namespace StacklessIron.Modules;

/// <summary>`marshal` for plain values in CPython's format (version 4): None, bools, Ellipsis,
/// StopIteration, int, float, complex, str, bytes, tuple, list, dict, set, frozenset. loads()
/// reads CPython's output, back references included; dumps() writes no references (CPython
/// reads that too). Code objects are ours, not CPython's: type code 'c' is followed by a
/// 4-byte length and our own code format (Compiling/CodeObjectSerializer), which refuses
/// CPython's code objects cleanly. importlib's loaders, py_compile and compileall write and read
/// .pyc files through this; the native import reads the same files (Runtime/CodeCache).</summary>
public static class MarshalModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("marshal");
        NativeMembers.FillModule(m, typeof(MarshalModule));
        m.Dict!.SetStr("version", PyInt.From(4));
        return m;
    }

    public static void Register() => Importer.NativeModules["marshal"] = Create;

    [PyMethod]
    static PyObject dumps(ThreadState ts, PyObject value, long version = 4)
    {
        var ms = new MemoryStream();
        Write(ts, ms, value, 0);
        return PyBytes.From(ms.ToArray());
    }

    [PyMethod]
    static void dump(ThreadState ts, PyObject value, PyObject file, long version = 4) =>
        Ops.CallMethod(ts, file, "write", dumps(ts, value, version));

    [PyMethod]
    static PyObject loads(ThreadState ts, PyObject bytes)
    {
        var data = BytesOf(ts, bytes);
        int pos = 0;
        return new Reader(ts, data).Read(ref pos);
    }

    [PyMethod]
    static PyObject load(ThreadState ts, PyObject file) => loads(ts, Ops.CallMethod(ts, file, "read"));

    static byte[] BytesOf(ThreadState ts, PyObject o)
    {
        if (o is PyBytes b) return b.Data;
        var list = new List<byte>();
        foreach (var x in Ops.Iterate(ts, Ops.Call(ts, PyBytes.TypeObject, o))) list.Add((byte)((PyInt)x).Small);
        return list.ToArray();
    }

    static void Write(ThreadState ts, MemoryStream o, PyObject v, int depth)
    {
        if (depth > 2000) throw PyExc.ValueError("object too deeply nested to marshal");
        ts.CheckStack();
        if (v == PyNone.Value) { o.WriteByte((byte)'N'); return; }
        if (v == PyEllipsis.Value) { o.WriteByte((byte)'.'); return; }
        if (v == ExceptionTypes.StopIteration) { o.WriteByte((byte)'S'); return; }
        if (v is PyBool bo) { o.WriteByte(bo == PyBool.True ? (byte)'T' : (byte)'F'); return; }
        var t = v.Type;
        if (t == PyInt.TypeObject)
        {
            var big = ((PyInt)v).Big;
            if (big >= int.MinValue && big <= int.MaxValue) { o.WriteByte((byte)'i'); Int32(o, (int)big); return; }
            // 'l': count of 15-bit digits (negative for a negative number), then the digits, least significant first.
            var mag = BigInteger.Abs(big);
            var digits = new List<ushort>();
            while (!mag.IsZero) { digits.Add((ushort)(int)(mag & 0x7FFF)); mag >>= 15; }
            o.WriteByte((byte)'l');
            Int32(o, big.Sign < 0 ? -digits.Count : digits.Count);
            foreach (var d in digits) { o.WriteByte((byte)d); o.WriteByte((byte)(d >> 8)); }
            return;
        }
        if (t == PyFloat.TypeObject) { o.WriteByte((byte)'g'); Double(o, ((PyFloat)v).Value); return; }
        if (t == PyComplex.TypeObject) { var z = (PyComplex)v; o.WriteByte((byte)'y'); Double(o, z.Real); Double(o, z.Imag); return; }
        if (t == TypeObjects.Str)
        {
            var b = Utf8SurrogatePass(((PyStr)v).Value);
            o.WriteByte((byte)'u'); Int32(o, b.Length); o.Write(b); return;
        }
        if (t == PyBytes.TypeObject) { var b = ((PyBytes)v).Data; o.WriteByte((byte)'s'); Int32(o, b.Length); o.Write(b); return; }
        if (t == TypeObjects.Tuple)
        {
            var items = ((PyTuple)v).Items;
            if (items.Length < 256) { o.WriteByte((byte)')'); o.WriteByte((byte)items.Length); }
            else { o.WriteByte((byte)'('); Int32(o, items.Length); }
            foreach (var x in items) Write(ts, o, x, depth + 1);
            return;
        }
        if (t == PyList.TypeObject)
        {
            var l = (PyList)v;
            o.WriteByte((byte)'['); Int32(o, l.Count);
            for (int i = 0; i < l.Count; i++) Write(ts, o, l.Items[i], depth + 1);
            return;
        }
        if (t == TypeObjects.Dict)
        {
            o.WriteByte((byte)'{');
            foreach (var (k, x) in ((PyDict)v).Items()) { Write(ts, o, k, depth + 1); Write(ts, o, x, depth + 1); }
            o.WriteByte((byte)'0');
            return;
        }
        if (t == PySet.TypeObject || t == PyFrozenSet.TypeObject)
        {
            var items = Ops.ToArray(ts, v);
            o.WriteByte(t == PySet.TypeObject ? (byte)'<' : (byte)'>'); Int32(o, items.Length);
            foreach (var x in items) Write(ts, o, x, depth + 1);
            return;
        }
        if (t == PyCode.TypeObject)
        {
            var body = Compiling.CodeObjectSerializer.Serialize(((PyCode)v).Code);
            o.WriteByte(Compiling.CodeObjectSerializer.MarshalTypeCode); Int32(o, body.Length); o.Write(body);
            return;
        }
        throw PyExc.ValueError("unmarshallable object");
    }

    static void Int32(MemoryStream o, int v) { Span<byte> b = stackalloc byte[4]; System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(b, v); o.Write(b); }
    static void Double(MemoryStream o, double v) { Span<byte> b = stackalloc byte[8]; System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(b, v); o.Write(b); }

    /// <summary>UTF-8 that keeps lone surrogates (as 3-byte sequences), as marshal's "surrogatepass".</summary>
    static byte[] Utf8SurrogatePass(string s)
    {
        var o = new List<byte>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            int c = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) c = char.ConvertToUtf32(s[i], s[++i]);
            if (c < 0x80) o.Add((byte)c);
            else if (c < 0x800) { o.Add((byte)(0xC0 | c >> 6)); o.Add((byte)(0x80 | c & 0x3F)); }
            else if (c < 0x10000) { o.Add((byte)(0xE0 | c >> 12)); o.Add((byte)(0x80 | c >> 6 & 0x3F)); o.Add((byte)(0x80 | c & 0x3F)); }
            else { o.Add((byte)(0xF0 | c >> 18)); o.Add((byte)(0x80 | c >> 12 & 0x3F)); o.Add((byte)(0x80 | c >> 6 & 0x3F)); o.Add((byte)(0x80 | c & 0x3F)); }
        }
        return o.ToArray();
    }

    /// <summary>Reads one value; objects flagged 0x80 are remembered for later 'r' references.</summary>
    sealed class Reader
    {
        readonly ThreadState _ts;
        readonly byte[] _d;
        readonly List<PyObject?> _refs = new();
        int _depth;

        public Reader(ThreadState ts, byte[] d) { _ts = ts; _d = d; }

        static PyException Bad(string why = "bad marshal data (unknown type code)") => PyExc.ValueError(why);
        /// <summary>No type code where a value should start.</summary>
        static PyException Eof() => PyExc.New(ExceptionTypes.EOFError, new PyStr("EOF read where object expected"));
        /// <summary>A value's fixed-size or counted part runs past the end.</summary>
        static PyException Short() => PyExc.New(ExceptionTypes.EOFError, new PyStr("marshal data too short"));

        byte Byte(ref int p) => p < _d.Length ? _d[p++] : throw Short();
        int I32(ref int p)
        {
            if (p + 4 > _d.Length) throw Short();
            int v = BitConverter.ToInt32(_d, p); p += 4; return v;
        }
        byte[] Bytes(ref int p, int n)
        {
            if (n < 0 || p + n > _d.Length) throw Short();
            var b = _d.AsSpan(p, n).ToArray(); p += n; return b;
        }
        double F64(ref int p) => BitConverter.ToDouble(Bytes(ref p, 8));

        public PyObject Read(ref int p)
        {
            if (++_depth > 2000) throw Bad("recursion limit exceeded");
            _ts.CheckStack();
            try
            {
                if (p >= _d.Length) throw Eof();
                byte code = _d[p++];
                bool flag = (code & 0x80) != 0;
                char type = (char)(code & 0x7F);
                int slot = -1;
                if (flag) { slot = _refs.Count; _refs.Add(null); }
                PyObject Keep(PyObject v) { if (slot >= 0) _refs[slot] = v; return v; }
                switch (type)
                {
                    case 'N': return PyNone.Value;
                    case 'F': return PyBool.False;
                    case 'T': return PyBool.True;
                    case '.': return PyEllipsis.Value;
                    case 'S': return ExceptionTypes.StopIteration;
                    case 'i': return Keep(PyInt.From(I32(ref p)));
                    case 'l':
                    {
                        int n = I32(ref p);
                        BigInteger v = 0;
                        int count = Math.Abs(n);
                        for (int i = count - 1; i >= 0; i--)
                        {
                            int at = p + 2 * i;
                            if (at + 2 > _d.Length) throw Short();
                            v = (v << 15) | (_d[at] | _d[at + 1] << 8);
                        }
                        p += 2 * count;
                        return Keep(PyInt.From(n < 0 ? -v : v));
                    }
                    case 'g': return Keep(new PyFloat(F64(ref p)));
                    case 'y': { double re = F64(ref p), im = F64(ref p); return Keep(new PyComplex(re, im)); }
                    case 's': return Keep(PyBytes.From(Bytes(ref p, I32(ref p))));
                    case 'u': case 't': return Keep(new PyStr(DecodeUtf8(Bytes(ref p, I32(ref p)))));
                    case 'a': case 'A': return Keep(new PyStr(Encoding.Latin1.GetString(Bytes(ref p, I32(ref p)))));
                    case 'z': case 'Z': return Keep(new PyStr(Encoding.Latin1.GetString(Bytes(ref p, Byte(ref p)))));
                    case ')': case '(': case '[': case '<': case '>':
                    {
                        int n = type == ')' ? Byte(ref p) : I32(ref p);
                        if (n < 0) throw Bad("bad marshal data (size out of range)");
                        if (type == '[')
                        {
                            var list = new PyList();
                            Keep(list);
                            for (int i = 0; i < n; i++) Ops.CallMethod(_ts, list, "append", Read(ref p));
                            return list;
                        }
                        var items = new PyObject[n];
                        for (int i = 0; i < n; i++) items[i] = Read(ref p);
                        if (type == '<') { var s = new PySet(); foreach (var x in items) s.AddKey(_ts, x); return Keep(s); }
                        if (type == '>') { var s = new PyFrozenSet(); foreach (var x in items) s.AddKey(_ts, x); return Keep(s); }
                        return Keep(n == 0 ? PyTuple.Empty : new PyTuple(items));
                    }
                    case '{':
                    {
                        var d = new PyDict();
                        Keep(d);
                        while (true)
                        {
                            if (p < _d.Length && _d[p] == (byte)'0') { p++; break; }
                            var k = Read(ref p);
                            var v = Read(ref p);
                            d.SetItem(_ts, k, v);
                        }
                        return d;
                    }
                    case (char)Compiling.CodeObjectSerializer.MarshalTypeCode:
                    {
                        var body = Bytes(ref p, I32(ref p));
                        try { return Keep(PyCode.For(Compiling.CodeObjectSerializer.Deserialize(body))); }
                        catch (FormatException e) { throw Bad("bad marshal data (" + e.Message + ")"); }
                    }
                    case 'r':
                    {
                        int i = I32(ref p);
                        if (i < 0 || i >= _refs.Count || _refs[i] == null) throw Bad("bad marshal data (invalid reference)");
                        return _refs[i]!;
                    }
                    default: throw Bad();
                }
            }
            finally { _depth--; }
        }

        static string DecodeUtf8(byte[] b)
        {
            var sb = new StringBuilder(b.Length);
            for (int i = 0; i < b.Length;)
            {
                int c = b[i], n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
                if (i + n > b.Length) throw Bad("bad marshal data (string)");
                int cp = n switch
                {
                    1 => c,
                    2 => (c & 0x1F) << 6 | b[i + 1] & 0x3F,
                    3 => (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F,
                    _ => (c & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | b[i + 3] & 0x3F,
                };
                if (cp >= 0x10000) sb.Append(char.ConvertFromUtf32(cp)); else sb.Append((char)cp);
                i += n;
            }
            return sb.ToString();
        }
    }
}
