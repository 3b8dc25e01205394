#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
namespace StacklessIron.Parsing;

/// <summary>Character names for "\N{...}" escapes, as CPython 3.11's unicodedata resolves them
/// there: names and formal aliases (any ASCII case), Hangul syllables and CJK unified
/// ideographs computed, no named sequences. The table loads on first use.</summary>
internal static partial class UnicodeNames
{
    static Dictionary<string, int>? _byName;
    static readonly object Gate = new();

    public static bool TryLookup(string name, out int codePoint)
    {
        codePoint = 0;
        foreach (char ch in name)
            if (ch >= 0x80) return false;
        if (name.StartsWith("HANGUL SYLLABLE ", StringComparison.OrdinalIgnoreCase))
            return TryHangul(name.Substring(16), out codePoint);
        if (name.StartsWith("CJK UNIFIED IDEOGRAPH-", StringComparison.OrdinalIgnoreCase))
            return TryIdeograph(name.Substring(22), out codePoint);
        return Table().TryGetValue(name.ToUpperInvariant(), out codePoint);
    }

    static Dictionary<string, int> Table()
    {
        lock (Gate)
        {
            if (_byName != null) return _byName;
            byte[] packed = Convert.FromBase64String(NameData);
            using var inflate = new DeflateStream(new MemoryStream(packed), CompressionMode.Decompress);
            using var reader = new StreamReader(inflate, Encoding.ASCII);
            var table = new Dictionary<string, int>(40000, StringComparer.Ordinal);
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                int semi = line.IndexOf(';');
                table[line.Substring(semi + 1)] = Convert.ToInt32(line.Substring(0, semi), 16);
            }
            return _byName = table;
        }
    }

    /// <summary>Four or five upper-case hex digits of a unified ideograph.</summary>
    static bool TryIdeograph(string hex, out int codePoint)
    {
        codePoint = 0;
        if (hex.Length != 4 && hex.Length != 5) return false;
        int v = 0;
        foreach (char ch in hex)
        {
            if (ch >= '0' && ch <= '9') v = v * 16 + ch - '0';
            else if (ch >= 'A' && ch <= 'F') v = v * 16 + ch - 'A' + 10;
            else return false;
        }
        if (!UnicodeTables.Contains(UnifiedIdeographs, v)) return false;
        codePoint = v;
        return true;
    }

    static readonly string[] Leads = { "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H" };
    static readonly string[] Vowels = { "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I" };
    static readonly string[] Tails = { "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H" };

    /// <summary>Hangul syllable from its jamo short names (longest match for each part).</summary>
    static bool TryHangul(string rest, out int codePoint)
    {
        codePoint = 0;
        int pos = 0;
        int l = Longest(rest, ref pos, Leads), v = Longest(rest, ref pos, Vowels), t = Longest(rest, ref pos, Tails);
        if (l < 0 || v < 0 || t < 0 || pos != rest.Length) return false;
        codePoint = 0xAC00 + (l * Vowels.Length + v) * Tails.Length + t;
        return true;
    }

    static int Longest(string s, ref int pos, string[] parts)
    {
        int best = -1, bestLen = -1;
        for (int i = 0; i < parts.Length; i++)
        {
            string p = parts[i];
            if (p.Length <= bestLen) continue;
            if (string.CompareOrdinal(s, pos, p, 0, p.Length) == 0 && pos + p.Length <= s.Length)
            {
                best = i;
                bestLen = p.Length;
            }
        }
        if (bestLen > 0) pos += bestLen;
        return best;
    }
}
