#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>
/// A small direct-mapped cache of parsed format strings (for `%` and str.format): a program's
/// formats are mostly constants, so the same string comes back and one reference comparison
/// finds its parse (an equal string made at run time finds it too, by one text comparison).
/// An entry is an immutable object, so a reader on another thread sees an old entry or a new
/// one, never a torn one.
/// One instance per kind of template, held in a static readonly field of that kind: the
/// lookup then reads instance fields, where a static generic class over a reference type would
/// look its statics up through the generic dictionary and check their initialisation on every
/// call (it showed in profiles of `"%d" % i`).
/// </summary>
public sealed class PyStrTemplateCache<T> where T : class
{
    const int Size = 256;
    const int MaxCachedLength = 400;
    readonly Entry?[] _slots = new Entry?[Size];
    readonly Func<string, T> _parse;

    sealed class Entry
    {
        public readonly string Format;
        public readonly T Template;
        public Entry(string format, T template) { Format = format; Template = template; }
    }

    public PyStrTemplateCache(Func<string, T> parse) { _parse = parse; }

    /// <summary>The parse of `format`, from the cache or made now.</summary>
    public T Get(string format)
    {
        // a long format is parsed each time (its parse is cheap next to its output), so the
        // cache never keeps big texts alive
        int n = format.Length;
        if (n > MaxCachedLength || n == 0) return _parse(format);
        // the slot from the length and three characters: no call (an identity hash code is a
        // runtime call), and formats of one program seldom agree on all four
        int slot = (n * 31 + format[0] * 7 + format[n >> 1] * 3 + format[n - 1] * 5) & (Size - 1);
        var e = _slots[slot];
        if (e != null && (ReferenceEquals(e.Format, format) || string.Equals(e.Format, format))) return e.Template;
        var t = _parse(format);
        _slots[slot] = new Entry(format, t);
        return t;
    }
}
