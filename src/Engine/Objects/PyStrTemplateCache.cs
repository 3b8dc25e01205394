#nullable enable
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Objects;

/// <summary>
/// A small direct-mapped cache of parsed format strings (for `%` and str.format), keyed by
/// the format string object: a program's formats are mostly constants, so the same object
/// comes back and one reference comparison finds its parse. An entry is an immutable object,
/// so a reader on another thread sees an old entry or a new one, never a torn one.
/// </summary>
public static class PyStrTemplateCache<T> where T : class
{
    const int Size = 256;
    static readonly Entry?[] s_slots = new Entry?[Size];

    sealed class Entry
    {
        public readonly string Format;
        public readonly T Template;
        public Entry(string format, T template) { Format = format; Template = template; }
    }

    /// <summary>The parse of `format`, from the cache or made by `parse` now.</summary>
    public static T Get(string format, Func<string, T> parse)
    {
        int slot = RuntimeHelpers.GetHashCode(format) & (Size - 1);
        var e = s_slots[slot];
        if (e != null && ReferenceEquals(e.Format, format)) return e.Template;
        var t = parse(format);
        s_slots[slot] = new Entry(format, t);
        return t;
    }
}
