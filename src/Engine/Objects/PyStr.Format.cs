#nullable enable
using System.Text;
using StacklessIron.Objects.Formatting;
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

// str.format / str.format_map (Formatting/StrFormat) and str % args (Formatting/PercentFormat),
// with the object protocols they call back into supplied by PyStrFormatHost.
public partial class PyStr
{
    /// <summary>str % args by the general formatter (PercentFast first: see Percent).</summary>
    internal static string PercentFormatStr(ThreadState ts, string format, PyObject args)
    {
        try { return PercentFormat.FormatStr(format, args, new PyStrFormatHost(ts)); }
        catch (FormatError e) { throw Raise(e); }
    }

    /// <summary>str % args for the common shape: only %s, %d, %i and %% without flags,
    /// width or precision, each argument an exact str or an exact int that fits a long, as
    /// many arguments as conversions. The format's parse comes from PyStrPercentTemplate's
    /// cache; the result is measured, then written straight into the new str. Null for
    /// anything else (the general formatter decides, errors included).</summary>
    static PyStr? PercentFast(string format, PyObject args)
    {
        PyObject[]? tuple = null;   // null: args itself is the one argument
        if (args.Type == TypeObjects.Tuple) tuple = ((PyTuple)args).Items;
        else if (args.Type != TypeObjects.Str && args.Type != PyInt.TypeObject) return null;
        var template = PyStrPercentTemplate.For(format);
        return template.Simple ? template.Apply(tuple, args) : null;
    }

    static readonly ulong[] s_powersOf10 =
    {
        1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000,
        100000000000, 1000000000000, 10000000000000, 100000000000000, 1000000000000000,
        10000000000000000, 100000000000000000, 1000000000000000000, 10000000000000000000,
    };

    /// <summary>The number of decimal digits of m (1 for 0).</summary>
    internal static int DecimalDigits(ulong m)
    {
        // log10 from the bit length (1233/4096 ~ log10(2)), corrected by one comparison;
        // m | 1 has the same digit count as m and no log of zero
        m |= 1;
        int t = ((64 - System.Numerics.BitOperations.LeadingZeroCount(m)) * 1233) >> 12;
        return t + (m >= s_powersOf10[t] ? 1 : 0);
    }

    /// <summary>The length of a long's decimal text, sign included.</summary>
    internal static int DecimalLength(long v)
        => v < 0 ? DecimalDigits((ulong)(-(v + 1)) + 1) + 1 : DecimalDigits((ulong)v);

    /// <summary>str(v) of a long: the digits written straight into the new str.</summary>
    internal static PyStr FromDecimal(long v)
    {
        Span<char> buf = stackalloc char[20];
        return FromSpanNoSurrogates(buf.Slice(0, WriteDecimal(buf, v)));
    }

    /// <summary>Writes v in decimal at the start of dst (which has room); returns the length.</summary>
    internal static int WriteDecimal(Span<char> dst, long v)
    {
        int start = 0;
        ulong m = (ulong)v;
        if (v < 0) { dst[0] = '-'; start = 1; m = (ulong)(-(v + 1)) + 1; }
        int end = start + DecimalDigits(m);
        for (int k = end - 1; k >= start; k--)
        {
            ulong q = m / 10;
            dst[k] = (char)('0' + (int)(m - q * 10));
            m = q;
        }
        return end;
    }

    [PyMethod]
    static PyObject format(ThreadState ts, PyStr self, [PyKwArgs] PyDict kwargs, params PyObject[] args)
    {
        var template = PyStrFormatTemplate.For(self.Value);
        if (template.Simple && template.Apply(ts, args) is string fast) return From(fast);
        var host = new PyStrFormatHost(ts);
        try
        {
            return From(StrFormat.Format(self.Value, args, (string name, out object? value) =>
            {
                value = kwargs.GetItem(ts, From(name));
                return value != null;
            }, host));
        }
        catch (FormatError e) { throw Raise(e); }
    }

    [PyMethod]
    static PyObject format_map(ThreadState ts, PyStr self, PyObject mapping)
    {
        try { return From(StrFormat.FormatMap(self.Value, mapping, new PyStrFormatHost(ts))); }
        catch (FormatError e) { throw Raise(e); }
    }

    /// <summary>ascii(o): repr(o) with every non-ASCII code point escaped.</summary>
    public static string AsciiOf(ThreadState ts, PyObject o)
    {
        string r = Ops.ReprString(ts, o);
        if (IsAscii(r)) return r;
        var sb = new StringBuilder(r.Length + 8);
        for (int i = 0; i < r.Length;)
        {
            int cp = CodePoints.At(r, i, out int w);
            i += w;
            if (cp < 0x80) sb.Append((char)cp);
            else if (cp < 0x100) sb.Append("\\x").Append(cp.ToString("x2"));
            else if (cp < 0x10000) sb.Append("\\u").Append(cp.ToString("x4"));
            else sb.Append("\\U").Append(cp.ToString("x8"));
        }
        return sb.ToString();
    }
}
