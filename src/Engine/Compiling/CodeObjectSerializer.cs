#nullable enable
using System;
using System.Buffers.Binary;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>
/// Our own marshal format for code objects: a CodeObject (with its constants and nested code
/// objects) to bytes and back. Tasklet pickling carries code by value in it, `marshal` embeds
/// it (type code 'c'), and the compiled-module cache (Runtime/CodeCache) stores it. The bytes
/// start with a magic and a version, so bytes from another format or version are refused
/// rather than misread, and end with a checksum, so a damaged cache file is refused rather
/// than run. Integers are variable-length (most are small: opcodes, indexes, columns) and
/// line numbers are stored as differences, which keeps cache files small.
/// </summary>
public static class CodeObjectSerializer
{
    const uint Magic = 0x53494331;   // "SIC1"
    const int Version = 3;   // 3: opcodes renumbered (the superinstructions before the cold ones)
    /// <summary>Nesting of constants (tuples, code objects) a reader accepts.</summary>
    const int MaxDepth = 200;
    /// <summary>The type code of a code object inside a marshal stream (as CPython's TYPE_CODE);
    /// what follows it is a 4-byte length and then Serialize's bytes.</summary>
    public const byte MarshalTypeCode = (byte)'c';

    public static byte[] Serialize(CodeObject code)
    {
        var w = new Writer();
        w.U32(Magic);
        w.U32(Version);
        WriteCode(ref w, code, 0);
        w.U64(Checksum(w.Written));
        return w.Written.ToArray();
    }

    /// <summary>Reads what Serialize wrote; malformed input raises FormatException.</summary>
    public static CodeObject Deserialize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 16) throw new FormatException("truncated code object");
        var r = new Reader(data[..^8]);
        if (r.U32() != Magic) throw new FormatException("not a code object of this engine");
        if (r.U32() != Version) throw new FormatException("code object of another format version");
        if (BinaryPrimitives.ReadUInt64LittleEndian(data[^8..]) != Checksum(data[..^8])) throw new FormatException("damaged code object (checksum)");
        var code = ReadCode(ref r, 0);
        if (!r.AtEnd) throw new FormatException("extra data after the code object");
        return code;
    }

    public static CodeObject Deserialize(byte[] data) => Deserialize((ReadOnlySpan<byte>)data);

    /// <summary>A 64-bit hash of the bytes, eight at a time: catches damaged files, not forgery.</summary>
    static ulong Checksum(ReadOnlySpan<byte> data)
    {
        ulong h = 0x9E3779B97F4A7C15UL ^ (ulong)data.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var x in words) h = (BitOperations.RotateLeft(h ^ x, 29) + 0x9E3779B97F4A7C15UL) * 0xBF58476D1CE4E5B9UL;
        for (int i = words.Length * 8; i < data.Length; i++) h = (h ^ data[i]) * 0x100000001B3UL;
        h ^= h >> 31; h *= 0x94D049BB133111EBUL; h ^= h >> 29;
        return h;
    }

    static void WriteCode(ref Writer w, CodeObject c, int depth)
    {
        if (depth > MaxDepth) throw new FormatException("code object nested too deeply");
        w.Str(c.Name); w.Str(c.QualName); w.Str(c.Filename);
        w.Int(c.FirstLineNo); w.Int(c.ArgCount); w.Int(c.PosOnlyArgCount); w.Int(c.KwOnlyArgCount);
        w.Int((int)c.Flags); w.Int(c.StackSize);
        w.Ints(c.Code, delta: false);
        w.Int(c.Constants.Length);
        foreach (var k in c.Constants) WriteConst(ref w, k, depth + 1);
        w.Strs(c.Names); w.Strs(c.VarNames); w.Strs(c.CellVars); w.Strs(c.FreeVars);
        w.Int(c.ExceptionTable.Length);
        foreach (var e in c.ExceptionTable) { w.Int(e.Start); w.Int(e.End); w.Int(e.Target); w.Int(e.Depth); w.Byte(e.PushLasti ? (byte)1 : (byte)0); }
        w.Ints(c.Lines, delta: true); w.Ints(c.EndLines, delta: true); w.Ints(c.Cols, delta: false); w.Ints(c.EndCols, delta: false);
        w.Byte(c.DocString != null ? (byte)1 : (byte)0);
        if (c.DocString != null) w.Str(c.DocString);
    }

    static CodeObject ReadCode(ref Reader r, int depth)
    {
        if (depth > MaxDepth) throw new FormatException("code object nested too deeply");
        var c = new CodeObject
        {
            Name = r.Str(), QualName = r.Str(), Filename = r.Str(),
            FirstLineNo = r.Int(), ArgCount = r.Int(), PosOnlyArgCount = r.Int(), KwOnlyArgCount = r.Int(),
            Flags = (CodeFlags)r.Int(), StackSize = r.Int(),
        };
        c.Code = r.Ints(delta: false);
        var consts = new object?[r.Count()];
        for (int i = 0; i < consts.Length; i++) consts[i] = ReadConst(ref r, depth + 1);
        c.Constants = consts;
        c.Names = r.Strs(); c.VarNames = r.Strs(); c.CellVars = r.Strs(); c.FreeVars = r.Strs();
        var table = new ExceptionTableEntry[r.Count()];
        for (int i = 0; i < table.Length; i++)
            table[i] = new ExceptionTableEntry(r.Int(), r.Int(), r.Int(), r.Int(), r.Byte() != 0);
        c.ExceptionTable = table;
        c.Lines = r.Ints(delta: true); c.EndLines = r.Ints(delta: true); c.Cols = r.Ints(delta: false); c.EndCols = r.Ints(delta: false);
        if (r.Byte() != 0) c.DocString = r.Str();
        Validate(c);
        return c;
    }

    /// <summary>The VM trusts a code object's indexes: a corrupted one must not get that far.</summary>
    static void Validate(CodeObject c)
    {
        int n = c.Code.Length;
        if (c.StackSize < 0 || c.StackSize > 1 << 20 || c.ArgCount < 0 || c.KwOnlyArgCount < 0 || c.PosOnlyArgCount < 0
            || c.ArgCount + c.KwOnlyArgCount > c.VarNames.Length)
            throw new FormatException("inconsistent code object");
        if (c.Lines.Length != n || c.EndLines.Length != n || c.Cols.Length != n || c.EndCols.Length != n)
            throw new FormatException("inconsistent code object positions");
        foreach (var e in c.ExceptionTable)
            if (e.Start < 0 || e.End > n || e.Target < 0 || e.Target >= n || e.Depth < 0 || e.Depth > c.StackSize)
                throw new FormatException("inconsistent exception table");
    }

    static void WriteConst(ref Writer w, object? k, int depth)
    {
        if (depth > MaxDepth) throw new FormatException("constant nested too deeply");
        switch (k)
        {
            case null: w.Byte((byte)'N'); break;
            case bool b: w.Byte((byte)(b ? 'T' : 'F')); break;
            case int i: w.Byte((byte)'i'); w.Long(i); break;
            case long l: w.Byte((byte)'l'); w.Long(l); break;
            case BigInteger bi: w.Byte((byte)'b'); w.Bytes(bi.ToByteArray()); break;
            case double d: w.Byte((byte)'d'); w.U64((ulong)BitConverter.DoubleToInt64Bits(d)); break;
            case Complex z: w.Byte((byte)'z'); w.U64((ulong)BitConverter.DoubleToInt64Bits(z.Real)); w.U64((ulong)BitConverter.DoubleToInt64Bits(z.Imaginary)); break;
            case string s: w.Byte((byte)'s'); w.Str(s); break;
            case CodePointString cps: w.Byte((byte)'u'); w.Ints(cps.CodePoints, delta: false); break;
            case byte[] by: w.Byte((byte)'y'); w.Bytes(by); break;
            case EllipsisConstant: w.Byte((byte)'.'); break;
            case ConstTuple t: w.Byte((byte)'('); w.Int(t.Items.Length); foreach (var x in t.Items) WriteConst(ref w, x, depth + 1); break;
            case ConstFrozenSet fs: w.Byte((byte)'<'); w.Int(fs.Items.Length); foreach (var x in fs.Items) WriteConst(ref w, x, depth + 1); break;
            case CodeObject co: w.Byte((byte)'c'); WriteCode(ref w, co, depth + 1); break;
            default: throw new FormatException($"unknown constant {k.GetType().Name}");
        }
    }

    static object? ReadConst(ref Reader r, int depth)
    {
        if (depth > MaxDepth) throw new FormatException("constant nested too deeply");
        byte tag = r.Byte();
        switch ((char)tag)
        {
            case 'N': return null;
            case 'T': return true;
            case 'F': return false;
            case 'i':
            {
                long v = r.Long();
                if (v < int.MinValue || v > int.MaxValue) throw new FormatException("bad int constant");
                return (int)v;
            }
            case 'l': return r.Long();
            case 'b': return new BigInteger(r.Bytes());
            case 'd': return BitConverter.Int64BitsToDouble((long)r.U64());
            case 'z': { double re = BitConverter.Int64BitsToDouble((long)r.U64()); return new Complex(re, BitConverter.Int64BitsToDouble((long)r.U64())); }
            case 's': return r.Str();
            case 'u':
            {
                var cps = r.Ints(delta: false);
                foreach (var cp in cps) if (cp < 0 || cp > 0x10FFFF) throw new FormatException("bad code point");
                return new CodePointString(cps);
            }
            case 'y': return r.Bytes();
            case '.': return EllipsisConstant.Value;
            case '(': case '<':
            {
                var items = new object?[r.Count()];
                for (int i = 0; i < items.Length; i++) items[i] = ReadConst(ref r, depth + 1);
                return tag == '(' ? new ConstTuple(items) : new ConstFrozenSet(items);
            }
            case 'c': return ReadCode(ref r, depth + 1);
            default: throw new FormatException("unknown constant tag in code object");
        }
    }

    /// <summary>Appends to a growing buffer.</summary>
    struct Writer
    {
        byte[] _buf;
        int _len;
        public Writer() { _buf = new byte[4096]; _len = 0; }
        public readonly ReadOnlySpan<byte> Written => _buf.AsSpan(0, _len);

        Span<byte> Take(int n)
        {
            if (_len + n > _buf.Length) Array.Resize(ref _buf, Math.Max(_buf.Length * 2, _len + n));
            var s = _buf.AsSpan(_len, n);
            _len += n;
            return s;
        }

        public void Byte(byte b) => Take(1)[0] = b;
        public void U32(uint v) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4), v);
        public void U64(ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), v);
        /// <summary>Unsigned LEB128.</summary>
        public void VarU(ulong v)
        {
            while (v >= 0x80) { Byte((byte)(v | 0x80)); v >>= 7; }
            Byte((byte)v);
        }
        /// <summary>Signed values zigzag-encoded, so small negatives (-1 = none) stay short.</summary>
        public void Long(long v) => VarU((ulong)((v << 1) ^ (v >> 63)));
        public void Int(int v) => Long(v);
        public void Ints(int[] a, bool delta)
        {
            Int(a.Length);
            long prev = 0;
            foreach (var x in a) { Long(x - prev); if (delta) prev = x; }
        }
        public void Bytes(byte[] b) { Int(b.Length); b.CopyTo(Take(b.Length)); }
        /// <summary>Strings as UTF-16 code units: names and constants may hold lone surrogates.
        /// A string of ASCII only (nearly all names) is stored one byte per character.</summary>
        public void Str(string s)
        {
            bool ascii = System.Text.Ascii.IsValid(s);
            Long(ascii ? s.Length : -s.Length - 1);
            if (ascii) System.Text.Encoding.ASCII.GetBytes(s, Take(s.Length));
            else MemoryMarshal.AsBytes(s.AsSpan()).CopyTo(Take(s.Length * 2));
        }
        public void Strs(string[] a) { Int(a.Length); foreach (var s in a) Str(s); }
    }

    /// <summary>Reads from a span, every length checked against what is left.</summary>
    ref struct Reader
    {
        readonly ReadOnlySpan<byte> _d;
        int _p;
        public Reader(ReadOnlySpan<byte> d) { _d = d; _p = 0; }
        public readonly bool AtEnd => _p == _d.Length;

        ReadOnlySpan<byte> Take(int n)
        {
            if (n < 0 || n > _d.Length - _p) throw new FormatException("truncated code object");
            var s = _d.Slice(_p, n);
            _p += n;
            return s;
        }

        public byte Byte() => Take(1)[0];
        public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
        public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
        public ulong VarU()
        {
            ulong v = 0;
            for (int shift = 0; shift < 64; shift += 7)
            {
                byte b = Byte();
                v |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return v;
            }
            throw new FormatException("bad number in code object");
        }
        public long Long() { ulong u = VarU(); return (long)(u >> 1) ^ -(long)(u & 1); }
        public int Int()
        {
            long v = Long();
            if (v < int.MinValue || v > int.MaxValue) throw new FormatException("bad number in code object");
            return (int)v;
        }
        /// <summary>A count of items that each take at least one byte.</summary>
        public int Count()
        {
            int n = Int();
            if (n < 0 || n > _d.Length - _p) throw new FormatException("bad length in code object");
            return n;
        }
        public int[] Ints(bool delta)
        {
            var a = new int[Count()];
            long prev = 0;
            for (int i = 0; i < a.Length; i++)
            {
                long v = Long() + prev;
                if (v < int.MinValue || v > int.MaxValue) throw new FormatException("bad number in code object");
                a[i] = (int)v;
                if (delta) prev = v;
            }
            return a;
        }
        public byte[] Bytes() => Take(Count()).ToArray();
        public string Str()
        {
            long n = Long();
            if (n >= 0)
            {
                if (n > _d.Length - _p) throw new FormatException("bad length in code object");
                var bytes = Take((int)n);
                foreach (var b in bytes) if (b >= 0x80) throw new FormatException("bad string in code object");
                return System.Text.Encoding.ASCII.GetString(bytes);
            }
            long units = -(n + 1);
            if (units > (_d.Length - _p) / 2) throw new FormatException("bad length in code object");
            return new string(MemoryMarshal.Cast<byte, char>(Take((int)units * 2)));
        }
        public string[] Strs()
        {
            var a = new string[Count()];
            for (int i = 0; i < a.Length; i++) a[i] = Str();
            return a;
        }
    }
}
