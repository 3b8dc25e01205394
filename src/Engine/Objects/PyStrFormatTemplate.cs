#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
namespace StacklessIron.Objects;

/// <summary>
/// A str.format string of the common shape, parsed once (PyStrTemplateCache): literal text
/// ("{{" and "}}" already made single) and positional fields, all automatically numbered
/// ("{}") or all numbered by ASCII digits ("{0}"), each with an optional !s/!r/!a conversion
/// and a format spec without nested fields. Anything else (names, attributes, indexes,
/// nested specs, numbering mixed, a syntax error) is remembered as not simple and goes to
/// Formatting/StrFormat, which also raises every parse error. A simple string has no parse
/// error anywhere, so the fields can be rendered eagerly in order: the same calls, in the same
/// order, as CPython's lazy renderer makes.
/// </summary>
public sealed class PyStrFormatTemplate
{
    /// <summary>False: the format string has something the fast path does not do.</summary>
    public readonly bool Simple;
    /// <summary>_literals[k] is the text before field k; the last one follows the last field.</summary>
    readonly string[] _literals;
    readonly int[] _indexes;          // the positional argument of each field
    readonly char[] _conversions;     // 's', 'r', 'a' or '\0' (none)
    readonly PyStr[] _specs;          // the format spec of each field (Empty when none)
    readonly int _maxIndex;           // the largest index used, -1 without fields

    PyStrFormatTemplate(bool simple, string[] literals, int[] indexes, char[] conversions, PyStr[] specs)
    {
        Simple = simple; _literals = literals; _indexes = indexes; _conversions = conversions; _specs = specs;
        _maxIndex = -1;
        foreach (int i in indexes) _maxIndex = Math.Max(_maxIndex, i);
    }

    static readonly PyStrFormatTemplate s_notSimple = new(false, Array.Empty<string>(), Array.Empty<int>(), Array.Empty<char>(), Array.Empty<PyStr>());
    static readonly PyStrTemplateCache<PyStrFormatTemplate> s_cache = new(Parse);

    /// <summary>The parsed form of `format`, from the cache or parsed now.</summary>
    public static PyStrFormatTemplate For(string format) => s_cache.Get(format);

    static PyStrFormatTemplate Parse(string s)
    {
        var literals = new List<string>();
        var indexes = new List<int>();
        var conversions = new List<char>();
        var specs = new List<PyStr>();
        var text = new StringBuilder();
        int numbering = 0;   // 0 none yet, 1 automatic, 2 manual
        int n = s.Length;
        for (int i = 0; i < n;)
        {
            char c = s[i];
            if (c == '}')
            {
                if (i + 1 < n && s[i + 1] == '}') { text.Append('}'); i += 2; continue; }
                return s_notSimple;
            }
            if (c != '{') { text.Append(c); i++; continue; }
            if (i + 1 < n && s[i + 1] == '{') { text.Append('{'); i += 2; continue; }
            // a field: digits or nothing, then !conversion, then :spec, then '}'
            int j = i + 1;
            long index = 0;
            while (j < n && s[j] is >= '0' and <= '9')
            {
                index = index * 10 + (s[j] - '0');
                if (index > int.MaxValue) return s_notSimple;
                j++;
            }
            bool automatic = j == i + 1;
            if (automatic) { if (numbering == 2) return s_notSimple; numbering = 1; index = indexes.Count; }
            else { if (numbering == 1) return s_notSimple; numbering = 2; }
            if (j >= n) return s_notSimple;
            char conversion = '\0';
            if (s[j] == '!')
            {
                if (j + 2 >= n || s[j + 1] is not ('s' or 'r' or 'a')) return s_notSimple;
                conversion = s[j + 1];
                j += 2;
            }
            var spec = PyStr.Empty;
            if (s[j] == ':')
            {
                int end = s.AsSpan(j + 1).IndexOfAny('{', '}');
                if (end < 0 || s[j + 1 + end] == '{') return s_notSimple;
                spec = PyStr.From(s.Substring(j + 1, end));
                j += 1 + end;
            }
            if (s[j] != '}') return s_notSimple;
            literals.Add(text.ToString());
            text.Clear();
            indexes.Add((int)index);
            conversions.Add(conversion);
            specs.Add(spec);
            i = j + 1;
        }
        literals.Add(text.ToString());
        return new PyStrFormatTemplate(true, literals.ToArray(), indexes.ToArray(), conversions.ToArray(), specs.ToArray());
    }

    /// <summary>The formatted text, or null when a field's index is past the arguments (the
    /// general formatter then raises CPython's IndexError, after rendering the fields before
    /// it, as CPython does). Python errors of a conversion or __format__ propagate.</summary>
    public string? Apply(ThreadState ts, ReadOnlySpan<PyObject> args)
    {
        if (_maxIndex >= args.Length) return null;
        int fields = _indexes.Length;
        if (fields == 0) return _literals[0];
        var parts = new string[2 * fields + 1];
        for (int k = 0; k < fields; k++)
        {
            parts[2 * k] = _literals[k];
            var v = args[_indexes[k]];
            switch (_conversions[k])
            {
                case 's': v = Ops.Str(ts, v); break;
                case 'r': v = Ops.Repr(ts, v); break;
                case 'a': v = PyStr.From(PyStr.AsciiOf(ts, v)); break;
            }
            parts[2 * k + 1] = ((PyStr)Ops.Format(ts, v, _specs[k])).Value;
        }
        parts[^1] = _literals[fields];
        return string.Concat(parts);
    }
}
