using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using StacklessIron.Objects.Formatting;

namespace StacklessIron.Tests;

/// <summary>
/// A stand-in for the runtime in formatting tests: a few Python-like values built from the
/// same source text that python3.11 evaluates (ints, floats, str, bytes, None, tuples, dicts
/// and objects with only __index__, __float__ or __int__), with their str/repr/ascii.
/// </summary>
public sealed class FormattingTestHost : IFormatHost
{
    public sealed record Tuple(object?[] Items);
    public sealed record IndexOnly(long Value);   // class I: __index__
    public sealed record FloatOnly(double Value); // class F: __float__
    public sealed record IntOnly(long Value);     // class T: __int__
    public sealed class Dict
    {
        public readonly List<(object Key, object? Value)> Items = new();
    }
    public sealed class Obj
    {
        public readonly Dictionary<string, object?> Attributes = new();
    }

    /// <summary>Python definitions matching the records above, for the oracle.</summary>
    public const string PythonClasses = @"
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
    def __repr__(self): return 'I(%d)' % self.v
class F:
    def __init__(self, v): self.v = v
    def __float__(self): return self.v
    def __repr__(self): return 'F(%r)' % self.v
class T:
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    def __repr__(self): return 'T(%d)' % self.v
class O:
    def __init__(self, **kw): self.__dict__.update(kw)
    def __repr__(self): return 'O()'
";

    public int MaxStrDigits => 4300;

    public static string PyRepr(object? v) => v switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        long or int or BigInteger => Convert.ToString(v, CultureInfo.InvariantCulture)!,
        double d => FormatSpec.FormatFloat(d, ""),
        string s => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'",
        byte[] b => "b'" + string.Concat(b.Select(x => x >= 0x20 && x < 0x7F && x != '\'' && x != '\\' ? ((char)x).ToString() : "\\x" + x.ToString("x2"))) + "'",
        Tuple t => t.Items.Length == 1 ? "(" + PyRepr(t.Items[0]) + ",)" : "(" + string.Join(", ", t.Items.Select(PyRepr)) + ")",
        Dict d => "{" + string.Join(", ", d.Items.Select(kv => PyRepr(kv.Key) + ": " + PyRepr(kv.Value))) + "}",
        IndexOnly i => $"I({i.Value})",
        FloatOnly f => $"F({FormatSpec.FormatFloat(f.Value, "")})",
        IntOnly t => $"T({t.Value})",
        Obj => "O()",
        _ => throw new ArgumentException(v.GetType().Name),
    };

    public string Str(object? value) => value switch
    {
        string s => s,
        byte[] or _ => PyRepr(value),
    };

    public string Repr(object? value) => PyRepr(value);

    public string Ascii(object? value)
    {
        var sb = new StringBuilder();
        string r = PyRepr(value);
        for (int i = 0; i < r.Length; i++)
        {
            int cp = char.ConvertToUtf32(r, i);
            if (cp > 0xFFFF) i++;
            if (cp < 0x80) sb.Append((char)cp);
            else if (cp < 0x100) sb.Append("\\x").Append(cp.ToString("x2"));
            else if (cp < 0x10000) sb.Append("\\u").Append(cp.ToString("x4"));
            else sb.Append("\\U").Append(cp.ToString("x8"));
        }
        return sb.ToString();
    }

    public string Format(object? value, string spec) => value switch
    {
        string s => FormatSpec.FormatStr(s, spec),
        bool b => spec.Length == 0 ? (b ? "True" : "False") : FormatSpec.FormatInt(b ? 1 : 0, spec, "bool"),
        long l => FormatSpec.FormatInt(l, spec),
        BigInteger bi => FormatSpec.FormatInt(bi, spec),
        double d => FormatSpec.FormatFloat(d, spec),
        _ => spec.Length == 0 ? Str(value) : throw FormatError.Type($"unsupported format string passed to {TypeName(value)}.__format__"),
    };

    public string TypeName(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long or int or BigInteger => "int",
        double => "float",
        string => "str",
        byte[] => "bytes",
        Tuple => "tuple",
        Dict => "dict",
        IndexOnly => "I",
        FloatOnly => "F",
        IntOnly => "T",
        Obj => "O",
        _ => value.GetType().Name,
    };

    public bool TryGetInt(object? value, out BigInteger result)
    {
        switch (value)
        {
            case bool b: result = b ? 1 : 0; return true;
            case long l: result = l; return true;
            case int i: result = i; return true;
            case BigInteger bi: result = bi; return true;
        }
        result = default;
        return false;
    }

    public bool TryIndex(object? value, out BigInteger result)
    {
        if (TryGetInt(value, out result)) return true;
        if (value is IndexOnly i) { result = i.Value; return true; }
        return false;
    }

    public bool TryInt(object? value, out BigInteger result)
    {
        if (TryIndex(value, out result)) return true;
        if (value is IntOnly t) { result = t.Value; return true; }
        return false;
    }

    public bool TryFloat(object? value, out double result)
    {
        if (value is double d) { result = d; return true; }
        if (value is FloatOnly f) { result = f.Value; return true; }
        if (TryIndex(value, out var bi)) { result = IntMath.ToDouble(bi); return true; }
        result = 0;
        return false;
    }

    public bool TryGetTuple(object? value, out IReadOnlyList<object?> items)
    {
        if (value is Tuple t) { items = t.Items; return true; }
        items = Array.Empty<object?>();
        return false;
    }

    public bool IsMapping(object? value) => value is Dict || value is byte[] || value is Tuple;

    private static bool KeyEquals(object a, object b) => a switch
    {
        string s => b is string t && s == t,
        byte[] x => b is byte[] y && x.AsSpan().SequenceEqual(y),
        _ => Equals(a, b) || (TryBig(a, out var p) && TryBig(b, out var q) && p == q),
    };

    private static bool TryBig(object o, out BigInteger v)
    {
        switch (o)
        {
            case long l: v = l; return true;
            case int i: v = i; return true;
            case BigInteger b: v = b; return true;
        }
        v = default;
        return false;
    }

    public object? GetItem(object? value, object key)
    {
        if (value is Dict d)
        {
            foreach (var (k, v) in d.Items) if (KeyEquals(k, key)) return v;
            throw new FormatError("KeyError", PyRepr(key));
        }
        if (value is Tuple t && TryBig(key, out var idx))
        {
            if (idx < 0) idx += t.Items.Length;
            if (idx < 0 || idx >= t.Items.Length) throw FormatError.Index("tuple index out of range");
            return t.Items[(int)idx];
        }
        if (value is string && key is string) throw FormatError.Type("string indices must be integers, not 'str'");
        if (value is Tuple && key is string) throw FormatError.Type("tuple indices must be integers or slices, not str");
        if (value is byte[] bs && TryBig(key, out var bi))
        {
            if (bi < 0) bi += bs.Length;
            if (bi < 0 || bi >= bs.Length) throw FormatError.Index("index out of range");
            return (long)bs[(int)bi];
        }
        if (value is string s && TryBig(key, out var si))
        {
            int[] cps = CodePoints.ToArray(s);
            if (si < 0) si += cps.Length;
            if (si < 0 || si >= cps.Length) throw FormatError.Index("string index out of range");
            return CodePoints.FromCodePoint(cps[(int)si]);
        }
        if (value is byte[]) throw FormatError.Type($"byte indices must be integers or slices, not {TypeName(key)}");
        throw FormatError.Type($"'{TypeName(value)}' object is not subscriptable");
    }

    public object? GetAttr(object? value, string name)
    {
        if (value is Obj o && o.Attributes.TryGetValue(name, out var v)) return v;
        if (value is double d && name == "real") return d;
        if ((name == "real" || name == "numerator") && TryGetInt(value, out var iv)) return iv;
        if (value is double d2 && name == "imag") return 0.0;
        throw new FormatError("AttributeError", $"'{TypeName(value)}' object has no attribute '{name}'");
    }

    public bool TryGetBytes(object? value, out byte[] bytes)
    {
        if (value is byte[] b) { bytes = b; return true; }
        bytes = Array.Empty<byte>();
        return false;
    }

    public bool TryGetString(object? value, out string text)
    {
        if (value is string s) { text = s; return true; }
        text = "";
        return false;
    }

    // ---- random values with their Python source ----

    /// <summary>A random value and the Python expression that builds the same value.</summary>
    public static (string Python, object? Value) RandomValue(Random rng, bool allowContainers = true)
    {
        switch (rng.Next(allowContainers ? 16 : 14))
        {
            case 0: { long v = rng.Next(-300, 300); return (v.ToString(), v); }
            case 1: { var v = BigInteger.Pow(10, rng.Next(18, 40)) + rng.Next(); return (v.ToString(), v); }
            case 2: return rng.Next(2) == 0 ? ("True", true) : ("False", false);
            case 3:
            {
                double d = new[] { 1.5, -0.0, 0.125, 2.5, 1e100, -3.75, 1e-7, 123456.789, 0.0 }[rng.Next(9)];
                return (FormatSpec.FormatFloat(d, ""), d);
            }
            case 4: return rng.Next(2) == 0 ? ("float('inf')", double.PositiveInfinity) : ("float('nan')", double.NaN);
            case 5: { string s = new[] { "ab", "", "x", "hello world" }[rng.Next(4)]; return ("'" + s + "'", s); }
            case 6: return rng.Next(2) == 0 ? ("'\\xe9t\\xe9'", "\u00e9t\u00e9") : ("'\\U0001f600'", "\U0001F600");
            case 7: return rng.Next(2) == 0 ? ("b'xy'", new byte[] { (byte)'x', (byte)'y' }) : ("b'q'", new byte[] { (byte)'q' });
            case 8: { long v = rng.Next(0, 130); return ($"I({v})", new IndexOnly(v)); }
            case 9: return ("F(2.5)", new FloatOnly(2.5));
            case 10: return ("T(3)", new IntOnly(3));
            case 11: return ("None", null);
            case 12: { long v = rng.Next(0, 0x2000); return (v.ToString(), v); }
            case 13: return ("'\\u0394'", "\u0394");
            case 14: return ("(1, 2)", new Tuple(new object?[] { 1L, 2L }));
            default: return ("{'k': 1}", MakeDict(("k", 1L)));
        }
    }

    public static Dict MakeDict(params (object Key, object? Value)[] items)
    {
        var d = new Dict();
        d.Items.AddRange(items);
        return d;
    }
}
