#nullable enable
using System;
using System.Text;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Modules.Sre;

/// <summary>The subject of a match as the matcher reads it (a simple .NET string, code points,
/// or bytes) plus the original object, and slicing back to Python objects: str slices are
/// exact str, bytes-like slices are bytes (as CPython's getslice).</summary>
internal sealed class SreText
{
    public readonly PyObject Original;
    public readonly bool IsBytes;
    public readonly string? Str;     // str without surrogate pairs
    public readonly int[]? CodePoints;  // str with surrogate pairs
    public readonly byte[]? Bytes;
    public readonly int Length;

    SreText(PyObject original, string? s, int[]? cps, byte[]? bytes)
    {
        Original = original;
        Str = s; CodePoints = cps; Bytes = bytes;
        IsBytes = bytes != null;
        Length = s?.Length ?? cps?.Length ?? bytes!.Length;
    }

    /// <summary>The text of a str or bytes-like object, or null for anything else.</summary>
    public static SreText? From(PyObject o)
    {
        if (o is PyStr s)
            return s.IsSimple ? new SreText(o, s.Value, null, null)
                              : new SreText(o, null, Objects.Formatting.CodePoints.ToArray(s.Value), null);
        if (o is PyBytes b) return new SreText(o, null, null, b.Data);
        if (PyBytes.TryGetBuffer(o, out var mem)) return new SreText(o, null, null, mem.ToArray());
        return null;
    }

    public static SreText Get(PyObject o) =>
        From(o) ?? throw PyExc.TypeError($"expected string or bytes-like object, got '{o.Type.Name}'");

    public PyObject Slice(int i, int j)
    {
        if (j < i) j = i;
        if (Bytes != null)
        {
            if (i == 0 && j == Bytes.Length && Original is PyBytes ob && ob.Type == PyBytes.TypeObject) return ob;
            return PyBytes.From(Bytes.AsSpan(i, j - i).ToArray());
        }
        if (i == 0 && j == Length && Original is PyStr os && os.Type == TypeObjects.Str) return os;
        if (Str != null) return PyStr.From(Str.Substring(i, j - i));
        var sb = new StringBuilder(j - i);
        for (int k = i; k < j; k++) UnicodeInfo.AppendCodePoint(sb, CodePoints![k]);
        return PyStr.From(sb.ToString());
    }

    /// <summary>As Slice, but for a mutable bytes-like original (bytearray) from its current
    /// content, clamped to its current length: a Match reads the buffer when asked, as CPython's does.</summary>
    public PyObject SliceLive(int i, int j)
    {
        if (!IsBytes || Original is PyBytes || !PyBytes.TryGetBuffer(Original, out var mem)) return Slice(i, j);
        int n = mem.Length;
        if (j > n) j = n;
        if (i > j) i = j;
        return PyBytes.From(mem.Span.Slice(i, j - i).ToArray());
    }

    public PyObject Empty => IsBytes ? PyBytes.Empty : PyStr.Empty;

    /// <summary>A matcher state for `code` over this text between pos and endpos (clamped).</summary>
    public SreState NewState(uint[] code, int groups, long pos, long endpos)
    {
        int p = pos < 0 ? 0 : pos > Length ? Length : (int)pos;
        int e = endpos < 0 ? 0 : endpos > Length ? Length : (int)endpos;
        if (Str != null) return new SreMatcher<SreStrSubject>(new SreStrSubject(Str), this, code, groups, p, e);
        if (Bytes != null) return new SreMatcher<SreBytesSubject>(new SreBytesSubject(Bytes), this, code, groups, p, e);
        return new SreMatcher<SreCodePointSubject>(new SreCodePointSubject(CodePoints!), this, code, groups, p, e);
    }
}
