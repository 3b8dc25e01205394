#nullable enable
using System;
using System.Buffers.Binary;
using System.Numerics;
namespace StacklessIron.Modules;

/// <summary>A compiled struct format: the byte order, the items with their offsets, and the
/// packers/unpackers, with CPython 3.11's sizes, native alignment and error messages.
/// CPython uses its "native" packer for '&lt;'/'=' on little-endian hosts wherever the standard
/// size equals the native size (and for b/B everywhere); the messages differ between the two
/// kinds, so each item records which kind CPython would run.</summary>
public sealed class StructFormat
{
    public readonly struct Item
    {
        public readonly char Code;
        public readonly int Offset;
        /// <summary>Byte length for 's'/'p'; 1 otherwise.</summary>
        public readonly int Size;
        public Item(char code, int offset, int size) { Code = code; Offset = offset; Size = size; }
    }

    public readonly string Format;
    public readonly long Size;
    public readonly Item[] Items;
    /// <summary>Arguments pack() takes (pad bytes take none).</summary>
    public readonly int ArgCount;
    readonly bool _native, _little;

    public StructFormat(string format)
    {
        Format = format;
        if (format.IndexOf('\0') >= 0) throw Error("embedded null character");
        int pos = 0;
        char order = format.Length > 0 ? format[0] : '@';
        if (order is '@' or '=' or '<' or '>' or '!') pos = 1; else order = '@';
        _native = order == '@';
        _little = order switch { '<' => true, '>' or '!' => false, _ => BitConverter.IsLittleEndian };
        var items = new System.Collections.Generic.List<Item>();
        // First pass computes the size (raising CPython's errors); the second lays items out.
        long size = 0;
        int args = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            size = 0;
            for (int i = pos; i < format.Length;)
            {
                char c = format[i];
                if (IsSpace(c)) { i++; continue; }
                long num = 1;
                if (c >= '0' && c <= '9')
                {
                    num = 0;
                    while (i < format.Length && format[i] >= '0' && format[i] <= '9')
                    {
                        int digit = format[i] - '0';
                        if (num > (long.MaxValue - digit) / 10) throw Error("total struct size too long");
                        num = num * 10 + digit;
                        i++;
                    }
                    if (i >= format.Length) throw Error("repeat count given without format specifier");
                    c = format[i];
                }
                i++;
                int itemSize = ItemSize(c);
                if (itemSize < 0) throw Error("bad char in struct format");
                if (_native && c is not ('s' or 'p' or 'x' or 'c')) size = (size + itemSize - 1) / itemSize * itemSize;
                if (pass == 0)
                {
                    if (num > (long.MaxValue - size) / itemSize) throw Error("total struct size too long");
                    if (c is 's' or 'p') { if (c == 's' || num > 0) args++; else args++; }
                    else if (c != 'x') args += (int)Math.Min(num, int.MaxValue);
                }
                else if (c is 's' or 'p') items.Add(new Item(c, (int)size, (int)num));
                else if (c != 'x') for (long k = 0; k < num; k++) items.Add(new Item(c, (int)(size + k * itemSize), itemSize));
                size += num * itemSize;
            }
            if (pass == 0 && size > int.MaxValue) throw Error("total struct size too long");
        }
        Size = size;
        ArgCount = args;
        Items = items.ToArray();
    }

    static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    public static PyException Error(string message) => PyExc.New(StructModule.Error, message);

    int ItemSize(char c) => c switch
    {
        'x' or 'c' or 'b' or 'B' or '?' or 's' or 'p' => 1,
        'h' or 'H' or 'e' => 2,
        'i' or 'I' or 'f' => 4,
        'l' or 'L' => _native ? 8 : 4,
        'q' or 'Q' or 'd' => 8,
        'n' or 'N' or 'P' => _native ? 8 : -1,
        _ => -1,
    };

    /// <summary>Whether CPython runs its native packer for this code (see the class comment).</summary>
    bool NativeKind(char c) => _native || c is 'b' or 'B'
        || (_little && BitConverter.IsLittleEndian && c is 'h' or 'H' or 'i' or 'I' or 'q' or 'Q' or 'e');

    // ---------------- packing ----------------

    public void Pack(ThreadState ts, ReadOnlySpan<PyObject> args, Span<byte> dest)
    {
        dest.Slice(0, (int)Size).Clear();
        for (int k = 0; k < Items.Length; k++)
        {
            var it = Items[k];
            var d = dest.Slice(it.Offset);
            var v = args[k];
            switch (it.Code)
            {
                case 'c':
                    if (v is not PyBytes cb || cb.Data.Length != 1) throw Error("char format requires a bytes object of length 1");
                    d[0] = cb.Data[0];
                    break;
                case 's':
                case 'p':
                {
                    ReadOnlySpan<byte> src = v is PyBytes sb ? sb.Data : v is PyByteArray ba ? ba.Span
                        : throw Error($"argument for '{it.Code}' must be a bytes object");
                    if (it.Code == 's') src.Slice(0, Math.Min(src.Length, it.Size)).CopyTo(d);
                    else if (it.Size > 0)
                    {
                        // all that fits is copied; only the length byte stops at 255
                        int n = Math.Min(src.Length, it.Size - 1);
                        src.Slice(0, n).CopyTo(d.Slice(1));
                        d[0] = (byte)Math.Min(n, 255);
                    }
                    break;
                }
                case '?': d[0] = Ops.IsTrue(ts, v) ? (byte)1 : (byte)0; break;
                case 'e': case 'f': case 'd': PackFloat(ts, it.Code, v, d); break;
                default: PackInt(ts, it.Code, v, d.Slice(0, it.Size)); break;
            }
        }
    }

    static PyInt GetInt(ThreadState ts, PyObject v)
    {
        if (v is PyInt i) return i;
        if (v.Type.Index == null) throw Error("required argument is not an integer");
        return Ops.Index(ts, v);
    }

    void PackInt(ThreadState ts, char c, PyObject v, Span<byte> d)
    {
        var big = GetInt(ts, v).Big;
        bool unsigned = char.IsUpper(c) || c == 'P';
        int size = d.Length;
        BigInteger lo, hi;
        if (NativeKind(c))
        {
            // get_long / get_ulong first (C long range), then the per-code check.
            if (c == 'P') { if (big < long.MinValue || big > ulong.MaxValue) throw Error("argument out of range"); }
            else if (unsigned && c != 'B' && c != 'H' ? big < 0 || big > ulong.MaxValue : big < long.MinValue || big > long.MaxValue)
                throw Error("argument out of range");
            switch (c)
            {
                case 'b': if (big < -128 || big > 127) throw Error("byte format requires -128 <= number <= 127"); break;
                case 'B': if (big < 0 || big > 255) throw Error("ubyte format requires 0 <= number <= 255"); break;
                case 'h': if (big < short.MinValue || big > short.MaxValue) throw Error("short format requires -32768 <= number <= 32767"); break;
                case 'H': if (big < 0 || big > ushort.MaxValue) throw Error("ushort format requires 0 <= number <= 65535"); break;
                case 'i': if (big < int.MinValue || big > int.MaxValue) throw RangeError(c, 4, false); break;
                case 'I': if (big > uint.MaxValue) throw RangeError(c, 4, true); break;
            }
        }
        else if (size == 8)
        {
            lo = unsigned ? BigInteger.Zero : long.MinValue;
            hi = unsigned ? (BigInteger)ulong.MaxValue : long.MaxValue;
            if (big < lo || big > hi) throw Error("int too large to convert");
        }
        else
        {
            if (unsigned ? big < 0 || big > ulong.MaxValue : big < long.MinValue || big > long.MaxValue)
                throw Error("argument out of range");
            lo = unsigned ? BigInteger.Zero : -(BigInteger.One << (size * 8 - 1));
            hi = unsigned ? (BigInteger.One << (size * 8)) - 1 : (BigInteger.One << (size * 8 - 1)) - 1;
            if (big < lo || big > hi) throw RangeError(c, size, unsigned);
        }
        ulong bits = big.Sign < 0 ? (ulong)(long)big : (ulong)big;
        for (int k = 0; k < size; k++)
        {
            byte b = (byte)(bits >> (8 * k));
            d[_little ? k : size - 1 - k] = b;
        }
    }

    static PyException RangeError(char c, int size, bool unsigned)
    {
        if (unsigned) return Error($"'{c}' format requires 0 <= number <= {(BigInteger.One << (size * 8)) - 1}");
        var largest = (BigInteger.One << (size * 8 - 1)) - 1;
        return Error($"'{c}' format requires {-largest - 1} <= number <= {largest}");
    }

    void PackFloat(ThreadState ts, char c, PyObject v, Span<byte> d)
    {
        double x;
        try { x = v is PyFloat f ? f.Value : Ops.ToDouble(ts, v); }
        catch (PyException e) when (e.Matches(ExceptionTypes.TypeError) || e.Matches(ExceptionTypes.OverflowError))
        {
            throw Error("required argument is not a float");
        }
        switch (c)
        {
            case 'd':
                if (_little) BinaryPrimitives.WriteDoubleLittleEndian(d, x); else BinaryPrimitives.WriteDoubleBigEndian(d, x);
                break;
            case 'f':
            {
                float y = (float)x;
                if (!_native && float.IsInfinity(y) && !double.IsInfinity(x))
                    throw PyExc.OverflowError("float too large to pack with f format");
                if (_little) BinaryPrimitives.WriteSingleLittleEndian(d, y); else BinaryPrimitives.WriteSingleBigEndian(d, y);
                break;
            }
            default:
            {
                var h = (Half)x;
                if (Half.IsInfinity(h) && !double.IsInfinity(x)) throw PyExc.OverflowError("float too large to pack with e format");
                if (Half.IsNaN(h)) h = BitConverter.UInt16BitsToHalf((ushort)(double.IsNegative(x) ? 0xfe00 : 0x7e00));
                if (_little) BinaryPrimitives.WriteHalfLittleEndian(d, h); else BinaryPrimitives.WriteHalfBigEndian(d, h);
                break;
            }
        }
    }

    // ---------------- unpacking ----------------

    public PyTuple Unpack(ReadOnlySpan<byte> src)
    {
        var r = new PyObject[Items.Length];
        for (int k = 0; k < Items.Length; k++)
        {
            var it = Items[k];
            var s = src.Slice(it.Offset);
            r[k] = it.Code switch
            {
                'c' => PyBytes.From(new[] { s[0] }),
                's' => PyBytes.From(s.Slice(0, it.Size).ToArray()),
                'p' => it.Size == 0 ? PyBytes.Empty : PyBytes.From(s.Slice(1, Math.Min(s[0], it.Size - 1)).ToArray()),
                '?' => PyBool.From(s[0] != 0),
                'e' => new PyFloat((double)(_little ? BinaryPrimitives.ReadHalfLittleEndian(s) : BinaryPrimitives.ReadHalfBigEndian(s))),
                'f' => new PyFloat(_little ? BinaryPrimitives.ReadSingleLittleEndian(s) : BinaryPrimitives.ReadSingleBigEndian(s)),
                'd' => new PyFloat(_little ? BinaryPrimitives.ReadDoubleLittleEndian(s) : BinaryPrimitives.ReadDoubleBigEndian(s)),
                _ => UnpackInt(it.Code, s.Slice(0, it.Size)),
            };
        }
        return new PyTuple(r);
    }

    PyObject UnpackInt(char c, ReadOnlySpan<byte> s)
    {
        ulong bits = 0;
        int size = s.Length;
        for (int k = 0; k < size; k++) bits |= (ulong)s[_little ? k : size - 1 - k] << (8 * k);
        if (char.IsUpper(c) || c == 'P')
            return bits > long.MaxValue ? PyInt.From(new BigInteger(bits)) : PyInt.From((long)bits);
        int shift = 64 - 8 * size;
        return PyInt.From((long)(bits << shift) >> shift);
    }
}
