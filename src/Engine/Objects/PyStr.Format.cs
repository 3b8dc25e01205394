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
        try { return PercentFormat.FormatStr(format, args, new PyStrFormatHost(ts)); }
        catch (FormatError e) { throw Raise(e); }
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
