#nullable enable
using System;
using StacklessIron.Objects.Formatting;
using StacklessIron.Parsing;
namespace StacklessIron.Modules;

/// <summary>Character properties for `unicodedata`, for the current database (Unicode 14.0.0,
/// as CPython 3.11) or the 3.2.0 one (`ucd_3_2_0`). In 3.2.0 mode a character that 3.2.0 did
/// not assign has no name, decomposition, numeric value or combining class, as in CPython;
/// its other properties come from the 3.2.0 tables.</summary>
public static class UnicodeData
{
    public const string Version = "14.0.0";

    static string Lookup(int[] runs, string[] names, int cp)
    {
        int lo = 0, hi = runs.Length / 2 - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (runs[2 * mid] <= cp) lo = mid; else hi = mid - 1;
        }
        return names[runs[2 * lo + 1]];
    }

    public static string Category(int cp, bool old) => old
        ? Lookup(UnicodeDataTables.OldCategoryRuns, UnicodeDataTables.OldCategoryNames, cp)
        : Lookup(UnicodeDataTables.CategoryRuns, UnicodeDataTables.CategoryNames, cp);

    public static string Bidirectional(int cp, bool old) => old
        ? Lookup(UnicodeDataTables.OldBidirectionalRuns, UnicodeDataTables.OldBidirectionalNames, cp)
        : Lookup(UnicodeDataTables.BidirectionalRuns, UnicodeDataTables.BidirectionalNames, cp);

    public static string EastAsianWidth(int cp, bool old) => old
        ? Lookup(UnicodeDataTables.OldEastAsianWidthRuns, UnicodeDataTables.OldEastAsianWidthNames, cp)
        : Lookup(UnicodeDataTables.EastAsianWidthRuns, UnicodeDataTables.EastAsianWidthNames, cp);

    public static bool Mirrored(int cp, bool old) => (old
        ? Lookup(UnicodeDataTables.OldMirroredRuns, UnicodeDataTables.OldMirroredNames, cp)
        : Lookup(UnicodeDataTables.MirroredRuns, UnicodeDataTables.MirroredNames, cp)) == "1";

    /// <summary>Unassigned in 3.2.0 but assigned now: 3.2.0 mode treats it as having no data.</summary>
    public static bool UnassignedIn(int cp, bool old) => old && Category(cp, true) == "Cn" && Category(cp, false) != "Cn";

    public static int Combining(int cp, bool old) => UnassignedIn(cp, old) ? 0 : UnicodeNormalization.Ccc(cp);

    public static string Decomposition(int cp, bool old)
    {
        if (UnassignedIn(cp, old)) return "";
        int i = Array.BinarySearch(UnicodeDataTables.DecompositionKeys, cp);
        return i >= 0 ? UnicodeDataTables.DecompositionValues[i] : "";
    }

    public static int? Decimal(int cp, bool old)
    {
        if (UnassignedIn(cp, old)) return null;
        int i = old ? Array.BinarySearch(UnicodeDataTables.OldDecimalKeys, cp) : -1;
        int v = i >= 0 ? UnicodeDataTables.OldDecimalValues[i] : UnicodeInfo.DecimalValue(cp);  // -1 = none
        return v < 0 ? null : v;
    }

    /// <summary>CPython's ucd_3_2_0.digit() reads the current data too.</summary>
    public static int? Digit(int cp, bool old)
    {
        int i = Array.BinarySearch(UnicodeDataTables.DigitKeys, cp);
        return i >= 0 ? UnicodeDataTables.DigitValues[i] : null;
    }

    public static double? Numeric(int cp, bool old)
    {
        if (UnassignedIn(cp, old)) return null;
        int o = old ? Array.BinarySearch(UnicodeDataTables.OldNumericKeys, cp) : -1;
        if (o >= 0) return UnicodeDataTables.OldNumericValues[o] == -1 ? null : UnicodeDataTables.OldNumericValues[o];
        int i = Array.BinarySearch(UnicodeDataTables.NumericKeys, cp);
        return i >= 0 ? UnicodeDataTables.NumericValues[i] : null;
    }

    public static string? Name(int cp, bool old) => UnassignedIn(cp, old) ? null : UnicodeNames.NameOf(cp);
}
