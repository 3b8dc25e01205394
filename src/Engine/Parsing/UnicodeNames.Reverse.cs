#nullable enable
using System;
using System.Collections.Generic;
namespace StacklessIron.Parsing;

/// <summary>Code point to character name (the "namereplace" error handler needs it): the
/// inverse of the name table, computed on first use. Where a code point has several entries
/// (name and aliases) the first in the table wins; the C0/C1 controls, which have only
/// aliases, have no name, as in unicodedata.name().</summary>
internal static partial class UnicodeNames
{
    static Dictionary<int, string>? _byCodePoint;

    public static string? NameOf(int codePoint)
    {
        if (codePoint < 0x20 || codePoint >= 0x7F && codePoint < 0xA0) return null;
        if (codePoint >= 0xAC00 && codePoint <= 0xD7A3)
        {
            int s = codePoint - 0xAC00;
            return "HANGUL SYLLABLE " + Leads[s / (Vowels.Length * Tails.Length)] + Vowels[s % (Vowels.Length * Tails.Length) / Tails.Length] + Tails[s % Tails.Length];
        }
        if (UnicodeTables.Contains(UnifiedIdeographs, codePoint)) return "CJK UNIFIED IDEOGRAPH-" + codePoint.ToString("X");
        var table = Table();
        lock (Gate)
        {
            if (_byCodePoint == null)
            {
                var rev = new Dictionary<int, string>(table.Count);
                foreach (var (name, cp) in table) rev.TryAdd(cp, name);
                _byCodePoint = rev;
            }
            return _byCodePoint.TryGetValue(codePoint, out var n) ? n : null;
        }
    }
}
