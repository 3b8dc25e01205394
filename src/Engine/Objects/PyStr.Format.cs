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
    /// <summary>str % args.</summary>
    internal static string PercentFormatStr(ThreadState ts, string format, PyObject args)
    {
        var fast = PercentFast(format, args);
        if (fast != null) return fast;
        try { return PercentFormat.FormatStr(format, args, new PyStrFormatHost(ts)); }
        catch (FormatError e) { throw Raise(e); }
    }

    /// <summary>str % args for the common shape: only %s, %d, %i and %% without flags,
    /// width or precision, each argument an exact str or an exact int that fits a long, as
    /// many arguments as conversions. One pass checks the shape and measures the result, a
    /// second writes it straight into the new string. Null for anything else (the general
    /// formatter decides, errors included).</summary>
    static string? PercentFast(string format, PyObject args)
    {
        PyObject[]? tuple = null;   // null: args itself is the one argument
        int count = 1;
        if (args is PyTuple t) { if (args.Type != TypeObjects.Tuple) return null; tuple = t.Items; count = tuple.Length; }
        else if (args.Type != TypeObjects.Str && args.Type != PyInt.TypeObject) return null;
        long length = 0;
        int next = 0;
        for (int i = 0, n = format.Length; i < n;)
        {
            int pct = format.IndexOf('%', i);
            if (pct < 0) { length += n - i; break; }
            length += pct - i;
            if (pct + 1 >= n) return null;
            char c = format[pct + 1];
            i = pct + 2;
            if (c == '%') { length++; continue; }
            if (next >= count) return null;
            var a = tuple != null ? tuple[next] : args;
            next++;
            if (c == 's' && a.Type == TypeObjects.Str) length += ((PyStr)a).Value.Length;
            else if ((c == 's' || c == 'd' || c == 'i') && a.Type == PyInt.TypeObject && ((PyInt)a).FitsLong) length += DecimalLength(((PyInt)a).Small);
            else return null;
        }
        if (next != count || length > int.MaxValue) return null;
        return string.Create((int)length, (format, tuple, args), static (dst, st) =>
        {
            var (format, tuple, args) = st;
            int pos = 0, next = 0;
            for (int i = 0, n = format.Length; i < n;)
            {
                int pct = format.IndexOf('%', i);
                int end = pct < 0 ? n : pct;
                format.AsSpan(i, end - i).CopyTo(dst.Slice(pos));
                pos += end - i;
                if (pct < 0) break;
                char c = format[pct + 1];
                i = pct + 2;
                if (c == '%') { dst[pos++] = '%'; continue; }
                var a = tuple != null ? tuple[next] : args;
                next++;
                if (a is PyStr sa) { sa.Value.AsSpan().CopyTo(dst.Slice(pos)); pos += sa.Value.Length; }
                else { ((PyInt)a).Small.TryFormat(dst.Slice(pos), out int w, default, System.Globalization.CultureInfo.InvariantCulture); pos += w; }
            }
        });
    }

    /// <summary>The length of a long's decimal text, sign included.</summary>
    internal static int DecimalLength(long v)
    {
        ulong m = v < 0 ? (ulong)(-(v + 1)) + 1 : (ulong)v;
        int n = 1;
        while (m >= 10) { m /= 10; n++; }
        return v < 0 ? n + 1 : n;
    }

    [PyMethod]
    static PyObject format(ThreadState ts, PyStr self, [PyKwArgs] PyDict kwargs, params PyObject[] args)
    {
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
