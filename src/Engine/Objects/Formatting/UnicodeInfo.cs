using System;
using System.Text;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// Character properties and case mappings of one code point, exactly as CPython 3.11 sees
/// them (tables in UnicodeTables.g.cs are generated from python3.11 itself, because .NET's
/// CharUnicodeInfo follows a newer Unicode and has no full case mappings).
/// </summary>
public static class UnicodeInfo
{
    private static bool InRanges(int[] ranges, int cp)
    {
        int lo = 0, hi = ranges.Length / 2 - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (cp < ranges[2 * mid]) hi = mid - 1;
            else if (cp > ranges[2 * mid + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    public static bool IsAlpha(int cp) => cp < 0x80 ? (uint)((cp | 0x20) - 'a') <= 'z' - 'a' : InRanges(UnicodeTables.Alpha, cp);
    public static bool IsDecimal(int cp) => cp < 0x80 ? (uint)(cp - '0') <= 9 : InRanges(UnicodeTables.Decimal, cp);
    public static bool IsDigit(int cp) => cp < 0x80 ? (uint)(cp - '0') <= 9 : InRanges(UnicodeTables.Digit, cp);
    public static bool IsNumeric(int cp) => cp < 0x80 ? (uint)(cp - '0') <= 9 : InRanges(UnicodeTables.Numeric, cp);
    public static bool IsAlnum(int cp) => IsAlpha(cp) || IsDecimal(cp) || IsDigit(cp) || IsNumeric(cp);

    /// <summary>Python's whitespace: ASCII \t\n\v\f\r, \x1c-\x1f, space, and the Unicode
    /// spaces (Zs and bidirectional WS/B/S).</summary>
    public static bool IsSpace(int cp) => cp < 0x80 ? (cp == ' ' || (uint)(cp - 0x09) <= 4 || (uint)(cp - 0x1C) <= 3) : InRanges(UnicodeTables.Space, cp);
    public static bool IsPrintable(int cp) => cp < 0x80 ? cp >= 0x20 && cp < 0x7F : InRanges(UnicodeTables.Printable, cp);
    public static bool IsLowercase(int cp) => cp < 0x80 ? (uint)(cp - 'a') <= 25 : InRanges(UnicodeTables.Lowercase, cp);
    public static bool IsUppercase(int cp) => cp < 0x80 ? (uint)(cp - 'A') <= 25 : InRanges(UnicodeTables.Uppercase, cp);
    public static bool IsTitlecase(int cp) => cp >= 0x80 && InRanges(UnicodeTables.Titlecase, cp);
    public static bool IsCased(int cp) => cp < 0x80 ? (uint)((cp | 0x20) - 'a') <= 25 : InRanges(UnicodeTables.Cased, cp);
    public static bool IsCaseIgnorable(int cp) => cp < 0x80 ? cp == '\'' || cp == '.' || cp == ':' || cp == '^' || cp == '`' : InRanges(UnicodeTables.CaseIgnorable, cp);
    public static bool IsXidStart(int cp) => cp < 0x80 ? (uint)((cp | 0x20) - 'a') <= 25 : InRanges(UnicodeTables.XidStart, cp);
    public static bool IsXidContinue(int cp) => cp < 0x80 ? (uint)((cp | 0x20) - 'a') <= 25 || (uint)(cp - '0') <= 9 || cp == '_' : InRanges(UnicodeTables.XidContinue, cp);

    /// <summary>The value 0-9 of a decimal digit (any script), or -1.</summary>
    public static int DecimalValue(int cp)
    {
        if (cp < 0x80) return (uint)(cp - '0') <= 9 ? cp - '0' : -1;
        int[] runs = UnicodeTables.DecimalRuns;
        int lo = 0, hi = runs.Length / 3 - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (cp < runs[3 * mid]) hi = mid - 1;
            else if (cp > runs[3 * mid + 1]) lo = mid + 1;
            else return runs[3 * mid + 2] + (cp - runs[3 * mid]);
        }
        return -1;
    }

    private static string? Lookup(int[] keys, string[] values, int cp)
    {
        int i = Array.BinarySearch(keys, cp);
        return i >= 0 ? values[i] : null;
    }

    public static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp < 0x10000) sb.Append((char)cp);
        else
        {
            cp -= 0x10000;
            sb.Append((char)(0xD800 + (cp >> 10))).Append((char)(0xDC00 + (cp & 0x3FF)));
        }
    }

    /// <summary>Appends the full (possibly multi-character) upper case of cp.</summary>
    public static void AppendUpper(StringBuilder sb, int cp)
    {
        if (cp < 0x80) { sb.Append((uint)(cp - 'a') <= 25 ? (char)(cp - 32) : (char)cp); return; }
        string? m = Lookup(UnicodeTables.UpperKeys, UnicodeTables.UpperValues, cp);
        if (m != null) sb.Append(m); else AppendCodePoint(sb, cp);
    }

    public static void AppendLower(StringBuilder sb, int cp)
    {
        if (cp < 0x80) { sb.Append((uint)(cp - 'A') <= 25 ? (char)(cp + 32) : (char)cp); return; }
        string? m = Lookup(UnicodeTables.LowerKeys, UnicodeTables.LowerValues, cp);
        if (m != null) sb.Append(m); else AppendCodePoint(sb, cp);
    }

    public static void AppendTitle(StringBuilder sb, int cp)
    {
        if (cp < 0x80) { sb.Append((uint)(cp - 'a') <= 25 ? (char)(cp - 32) : (char)cp); return; }
        string? m = Lookup(UnicodeTables.TitleKeys, UnicodeTables.TitleValues, cp);
        if (m != null) sb.Append(m); else AppendCodePoint(sb, cp);
    }

    public static void AppendFold(StringBuilder sb, int cp)
    {
        if (cp < 0x80) { sb.Append((uint)(cp - 'A') <= 25 ? (char)(cp + 32) : (char)cp); return; }
        string? m = Lookup(UnicodeTables.FoldKeys, UnicodeTables.FoldValues, cp);
        if (m != null) sb.Append(m); else AppendCodePoint(sb, cp);
    }
}
