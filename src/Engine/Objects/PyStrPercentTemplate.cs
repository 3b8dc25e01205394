#nullable enable
using System;
using System.Numerics;
using System.Runtime.CompilerServices;
namespace StacklessIron.Objects;

/// <summary>
/// A `str % args` format of the common shape (only %s, %d, %i and %%, no mapping key, flags,
/// width or precision), parsed once (PyStrTemplateCache): the literal text around each
/// conversion and the conversion letters; each call then only measures and writes its
/// arguments. Formats of any other shape are remembered as such (Simple false) and
/// go to the general formatter without a second look.
/// </summary>
public sealed class PyStrPercentTemplate
{
    /// <summary>False: the format has something the fast path does not do.</summary>
    public readonly bool Simple;
    /// <summary>Literals[k] is the text before conversion k; the last one follows the last conversion ("%%" already made "%").</summary>
    readonly string[] _literals;
    /// <summary>'s', 'd' or 'i' per conversion.</summary>
    readonly char[] _conversions;
    /// <summary>Total length of the literal text.</summary>
    readonly int _literalLength;

    PyStrPercentTemplate(bool simple, string[] literals, char[] conversions, int literalLength)
    {
        Simple = simple; _literals = literals; _conversions = conversions; _literalLength = literalLength;
    }

    public int Count => _conversions.Length;

    static readonly PyStrTemplateCache<PyStrPercentTemplate> s_cache = new(Parse);

    /// <summary>The parsed form of `format`, from the cache or parsed now.</summary>
    public static PyStrPercentTemplate For(string format) => s_cache.Get(format);

    static PyStrPercentTemplate Parse(string format)
    {
        var literals = new System.Collections.Generic.List<string>();
        var conversions = new System.Collections.Generic.List<char>();
        var text = new System.Text.StringBuilder();
        int literalLength = 0;
        for (int i = 0, n = format.Length; i < n;)
        {
            int pct = format.IndexOf('%', i);
            if (pct < 0) { text.Append(format, i, n - i); break; }
            text.Append(format, i, pct - i);
            if (pct + 1 >= n) return s_notSimple;
            char c = format[pct + 1];
            i = pct + 2;
            if (c == '%') { text.Append('%'); continue; }
            if (c is not ('s' or 'd' or 'i')) return s_notSimple;
            literalLength += text.Length;
            literals.Add(text.ToString());
            text.Clear();
            conversions.Add(c);
        }
        literalLength += text.Length;
        literals.Add(text.ToString());
        return new PyStrPercentTemplate(true, literals.ToArray(), conversions.ToArray(), literalLength);
    }

    static readonly PyStrPercentTemplate s_notSimple = new(false, Array.Empty<string>(), Array.Empty<char>(), 0);

    /// <summary>The formatted str when every argument is an exact str (for %s) or an exact int
    /// that fits a long, and there are exactly as many as conversions; null otherwise (the
    /// general formatter then decides, errors included). `tuple` null: `single` is the one argument.</summary>
    public PyStr? Apply(PyObject[]? tuple, PyObject single)
    {
        var conv = _conversions;
        int count = tuple != null ? tuple.Length : 1;
        if (count != conv.Length) return null;
        long length = _literalLength;
        for (int k = 0; k < conv.Length; k++)
        {
            var a = tuple != null ? tuple[k] : single;
            if (a.Type == TypeObjects.Str)
            {
                if (conv[k] != 's') return null;
                length += Unsafe.As<PyStr>(a).CharLength;
            }
            else if (a.Type == PyInt.TypeObject && Unsafe.As<PyInt>(a).FitsLong) length += PyStr.DecimalLength(Unsafe.As<PyInt>(a).Small);
            else return null;
        }
        if (length > int.MaxValue) return null;
        if (length <= PyStrInline.MaxLength)
        {
            // a short result goes inline (one object): written on the stack, then copied in
            Span<char> buf = stackalloc char[PyStrInline.MaxLength];
            Write(buf.Slice(0, (int)length), tuple, single);
            return PyStr.FromSpan(buf.Slice(0, (int)length));
        }
        var result = PyStr.NewText((int)length, out var dst);
        Write(dst, tuple, single);
        return new PyStr(result);
    }

    /// <summary>Writes the literals and the arguments (checked by Apply) into dst, which has exactly their length.</summary>
    void Write(Span<char> dst, PyObject[]? tuple, PyObject single)
    {
        var conv = _conversions;
        var lits = _literals;
        int pos = 0;
        for (int k = 0; ; k++)
        {
            var lit = lits[k];
            lit.CopyTo(dst.Slice(pos));
            pos += lit.Length;
            if (k == conv.Length) break;
            var a = tuple != null ? tuple[k] : single;
            if (a.Type == TypeObjects.Str)
            {
                var v = Unsafe.As<PyStr>(a);
                int n = v.CharLength;
                v.CopyTextTo(dst.Slice(pos, n));
                pos += n;
            }
            else pos += PyStr.WriteDecimal(dst.Slice(pos), Unsafe.As<PyInt>(a).Small);
        }
    }
}
