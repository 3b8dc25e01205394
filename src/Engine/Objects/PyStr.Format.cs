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
    /// many arguments as conversions. Null for anything else (the general formatter decides,
    /// errors included).</summary>
    static string? PercentFast(string format, PyObject args)
    {
        PyObject[] items;
        if (args is PyTuple t) { if (args.Type != TypeObjects.Tuple) return null; items = t.Items; }
        else if (args.Type == TypeObjects.Str || args.Type == PyInt.TypeObject) items = new[] { args };
        else return null;
        var sb = new StringBuilder(format.Length + 16 * items.Length);
        int next = 0, i = 0, n = format.Length;
        while (i < n)
        {
            int pct = format.IndexOf('%', i);
            if (pct < 0) { sb.Append(format, i, n - i); break; }
            sb.Append(format, i, pct - i);
            if (pct + 1 >= n) return null;
            char c = format[pct + 1];
            i = pct + 2;
            if (c == '%') { sb.Append('%'); continue; }
            if (next >= items.Length) return null;
            var a = items[next++];
            if (c == 's')
            {
                if (a.Type == TypeObjects.Str) sb.Append(((PyStr)a).Value);
                else if (a.Type == PyInt.TypeObject && ((PyInt)a).FitsLong) sb.Append(((PyInt)a).Small);
                else return null;
            }
            else if (c == 'd' || c == 'i')
            {
                if (a.Type == PyInt.TypeObject && ((PyInt)a).FitsLong) sb.Append(((PyInt)a).Small);
                else return null;
            }
            else return null;
        }
        if (next != items.Length) return null;
        return sb.ToString();
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
