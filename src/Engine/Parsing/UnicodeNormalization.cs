#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
namespace StacklessIron.Parsing;

/// <summary>
/// Unicode normalization (NFC, NFD, NFKC, NFKD) with CPython 3.11's data. The engine runs with
/// invariant globalization, where string.Normalize leaves non-ASCII text alone, and CPython's
/// Unicode version differs from .NET's anyway; identifiers need NFKC exactly as CPython does it.
/// </summary>
internal static partial class UnicodeNormalization
{
    const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    public static string Nfkc(string s) => Normalize(s, compat: true, compose: true);
    public static string Nfc(string s) => Normalize(s, compat: false, compose: true);
    public static string Nfkd(string s) => Normalize(s, compat: true, compose: false);
    public static string Nfd(string s) => Normalize(s, compat: false, compose: false);

    static string Normalize(string s, bool compat, bool compose)
    {
        bool ascii = true;
        foreach (char ch in s)
            if (ch >= 0x80) { ascii = false; break; }
        if (ascii) return s;

        // 1. Full decomposition.
        var cps = new List<int>(s.Length + 8);
        int[] keys = compat ? NFKDKeys : NFDKeys, offs = compat ? NFKDOffsets : NFDOffsets, data = compat ? NFKDData : NFDData;
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) cp = char.ConvertToUtf32(s[i], s[++i]);
            if (cp >= SBase && cp < SBase + SCount)
            {
                int si = cp - SBase;
                cps.Add(LBase + si / NCount);
                cps.Add(VBase + si % NCount / TCount);
                if (si % TCount != 0) cps.Add(TBase + si % TCount);
                continue;
            }
            int k = Array.BinarySearch(keys, cp);
            if (k < 0) { cps.Add(cp); continue; }
            for (int j = offs[k]; j < offs[k + 1]; j++) cps.Add(data[j]);
        }

        // 2. Canonical ordering: stable sort of each run of non-starters by combining class.
        for (int i = 1; i < cps.Count; i++)
        {
            int cc = Ccc(cps[i]);
            if (cc == 0) continue;
            int j = i;
            while (j > 0 && Ccc(cps[j - 1]) > cc)
            {
                (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
                j--;
            }
        }

        // 3. Canonical composition.
        if (compose && cps.Count > 1)
        {
            var outp = new List<int>(cps.Count);
            int starter = -1, lastCc = 0;
            foreach (int cp in cps)
            {
                int cc = Ccc(cp);
                if (starter >= 0)
                {
                    bool adjacent = outp.Count - 1 == starter;
                    if (adjacent || (lastCc != 0 && lastCc < cc))
                    {
                        int comp = Compose(outp[starter], cp);
                        if (comp >= 0)
                        {
                            outp[starter] = comp;
                            continue;
                        }
                    }
                }
                if (cc == 0) starter = outp.Count;
                lastCc = cc;
                outp.Add(cp);
            }
            cps = outp;
        }

        var sb = new StringBuilder(cps.Count);
        foreach (int cp in cps)
        {
            if (cp >= 0x10000) sb.Append(char.ConvertFromUtf32(cp));
            else sb.Append((char)cp);
        }
        return sb.ToString();
    }

    /// <summary>Canonical combining class of a code point.</summary>
    public static int Ccc(int cp)
    {
        if (cp < 0x300) return 0;
        int[] r = CombiningClasses;
        int lo = 0, hi = r.Length / 3 - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (cp < r[3 * mid]) hi = mid - 1;
            else if (cp > r[3 * mid + 1]) lo = mid + 1;
            else return r[3 * mid + 2];
        }
        return 0;
    }

    static int Compose(int a, int b)
    {
        if (a >= LBase && a < LBase + LCount && b >= VBase && b < VBase + VCount)
            return SBase + ((a - LBase) * VCount + (b - VBase)) * TCount;
        if (a >= SBase && a < SBase + SCount && (a - SBase) % TCount == 0 && b > TBase && b < TBase + TCount)
            return a + (b - TBase);
        int k = Array.BinarySearch(CompositePairs, ((long)a << 21) | (long)b);
        return k >= 0 ? Composites[k] : -1;
    }
}
