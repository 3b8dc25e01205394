#nullable enable
using System;
using System.Collections.Generic;
namespace StacklessIron.Parsing;

/// <summary>Code point to name (unicodedata.name), from the same table as "\N{...}". The
/// generator lists the real names by ascending code point, then the formal aliases (which
/// unicodedata.name never returns): the first step back in code point ends the real names.</summary>
internal static partial class UnicodeNames
{
    static Dictionary<int, string>? _byCodePoint;

    public static string? NameOf(int cp)
    {
        if (cp >= 0xAC00 && cp <= 0xD7A3)
        {
            int s = cp - 0xAC00;
            return "HANGUL SYLLABLE " + Leads[s / (Vowels.Length * Tails.Length)] + Vowels[s % (Vowels.Length * Tails.Length) / Tails.Length] + Tails[s % Tails.Length];
        }
        if (UnicodeTables.Contains(UnifiedIdeographs, cp)) return "CJK UNIFIED IDEOGRAPH-" + cp.ToString("X");
        lock (Gate)
        {
            if (_byCodePoint == null)
            {
                var reverse = new Dictionary<int, string>(40000);
                int last = -1;
                // Table() is a Dictionary filled in line order and never removed from, so it
                // enumerates in the generator's order.
                foreach (var (name, code) in Table())
                {
                    if (code <= last) break;
                    reverse[code] = name;
                    last = code;
                }
                _byCodePoint = reverse;
            }
        }
        return _byCodePoint.TryGetValue(cp, out var n) ? n : null;
    }

    /// <summary>Whether `name` (upper case) is a formal alias rather than the real name of cp.</summary>
    public static bool IsAlias(string name, int cp) => NameOf(cp) != name
        && !name.StartsWith("HANGUL SYLLABLE ", StringComparison.Ordinal) && !name.StartsWith("CJK UNIFIED IDEOGRAPH-", StringComparison.Ordinal);
}
