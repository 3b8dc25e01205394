#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>
/// A str made by `a + b` whose text is built only when something reads it as a whole, so
/// that a loop of `s += piece` costs O(len(piece)) per step, not O(len(s)): CPython gets the
/// same from appending in place when the left operand's reference count is one.
/// Two forms. A concatenation of two plain strs keeps both texts (one copy, later, if ever:
/// a one-off `head + body` costs what it did). Appending to a PyStrAppendable writes into a
/// buffer with room to spare, shared by every str of the chain: each str covers the buffer's
/// first `_length` chars, and the buffer's Length says how far any str reaches, so only the
/// str that reaches the end (the last one made from it) may write past it; any other copies.
/// Nothing already covered is ever written again, so every str keeps its value.
/// Always of exact type str. Relies on the interpreter lock (one writer at a time).
/// </summary>
internal sealed class PyStrAppendable : PyStr
{
    /// <summary>Shorter results of `+` are plain strs (copying them is as cheap as deferring).</summary>
    internal const int MinLength = 128;

    sealed class Buffer
    {
        public readonly char[] Chars;
        public int Length;   // chars used by the strs of this buffer (the end of the longest)
        public Buffer(char[] chars, int length) { Chars = chars; Length = length; }
    }

    // Either both parts of a pending concatenation (plain texts: chains stay flat) ...
    string? _left, _right;
    // ... or a buffer and how much of it this str covers. Null both once the text is built,
    // except that the str at the buffer's end keeps it, to append in place again.
    Buffer? _buffer;
    readonly int _length;

    /// <summary>a + b, kept as its two texts (neither operand is a PyStrAppendable in a chain).</summary>
    internal PyStrAppendable(PyStr a, PyStr b)
    {
        _cpLength = JoinedCpLength(a, b);
        _left = a.Value;
        _right = b.Value;
        _length = _left.Length + _right.Length;
    }

    PyStrAppendable(Buffer buffer, int length, int cpLength)
    {
        _buffer = buffer;
        _length = length;
        _cpLength = cpLength;
    }

    /// <summary>this + b (b not empty): written into this buffer's spare room when this str
    /// reaches its end, else into a new buffer twice the size.</summary>
    internal PyStr Append(PyStr b)
    {
        int bn = b.CharLength;
        long need = (long)_length + bn;
        if (need > int.MaxValue) throw PyExc.OverflowError("strings are too large to concat");
        int cp = JoinedCpLength(this, b);
        var buf = _buffer;
        if (buf != null && buf.Length == _length && need <= buf.Chars.Length)
        {
            // b may share this buffer; its chars lie before _length, so they are not overwritten
            b.CopyTextTo(buf.Chars.AsSpan(_length, bn));
            buf.Length = (int)need;
            return new PyStrAppendable(buf, (int)need, cp);
        }
        int capacity = (int)Math.Min(Array.MaxLength, Math.Max(2 * need, 2 * MinLength));
        var chars = GC.AllocateUninitializedArray<char>(capacity);
        CopyTextTo(chars.AsSpan(0, _length));
        b.CopyTextTo(chars.AsSpan(_length, bn));
        return new PyStrAppendable(new Buffer(chars, (int)need), (int)need, cp);
    }

    private protected override string MaterializeValue()
    {
        string v;
        if (_buffer != null)
        {
            v = new string(_buffer.Chars, 0, _length);
            if (_buffer.Length != _length) _buffer = null;   // another str reaches further: never in place again
        }
        else
        {
            v = string.Concat(_left, _right);
            _left = _right = null;
        }
        _value = v;
        return v;
    }

    internal override int TextLength() => _length;

    internal override void CopyTextTo(Span<char> dst)
    {
        if (_value != null) _value.AsSpan().CopyTo(dst);
        else if (_buffer != null) _buffer.Chars.AsSpan(0, _length).CopyTo(dst);
        else
        {
            _left.AsSpan().CopyTo(dst);
            _right.AsSpan().CopyTo(dst.Slice(_left!.Length));
        }
    }

    internal override char FirstChar
        => _value != null ? _value[0] : _buffer != null ? _buffer.Chars[0] : _left!.Length > 0 ? _left[0] : _right![0];

    internal override char LastChar
        => _value != null ? _value[^1] : _buffer != null ? _buffer.Chars[_length - 1] : _right!.Length > 0 ? _right[^1] : _left![^1];
}
