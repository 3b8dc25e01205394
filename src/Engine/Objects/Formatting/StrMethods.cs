using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// The str methods whose Python semantics differ from .NET's string methods, on .NET strings.
/// Indexes (start, end, results of find...) are Python code point indexes; strings without
/// surrogates need no conversion, others cost one O(n) walk per conversion (see CodePoints).
/// Whitespace, case and character classes follow CPython 3.11's Unicode 14 tables.
/// Optional start/end arguments are null for None.
/// </summary>
public static class StrMethods
{
    // ---- index helpers ----

    /// <summary>CPython's ADJUST_INDICES: clamps start/end (code points) into [0, len].
    /// start may still exceed end, or len, which callers treat as "no match".</summary>
    private static void AdjustIndices(int length, long? start, long? end, out long s, out long e)
    {
        s = start ?? 0;
        e = end ?? length;
        if (e > length) e = length;
        else if (e < 0) { e += length; if (e < 0) e = 0; }
        if (s < 0) { s += length; if (s < 0) s = 0; }
    }

    /// <summary>The UTF-16 range of code points [start, end) after adjustment; false when
    /// start > end or start > len (then nothing matches, not even "").</summary>
    private static bool CharRange(string s, long? start, long? end, out int from, out int to, out bool plain)
    {
        plain = !CodePoints.HasSurrogates(s);
        int len = plain ? s.Length : CodePoints.Length(s);
        AdjustIndices(len, start, end, out long a, out long b);
        if (a > len || a > b) { from = to = 0; return false; }
        from = plain ? (int)a : CodePoints.ToCharIndex(s, (int)a);
        to = plain ? (int)b : CodePoints.ToCharIndex(s, (int)b);
        return true;
    }

    /// <summary>A match of <paramref name="sub"/> at UTF-16 index i is a real code point match
    /// unless it cuts a surrogate pair of <paramref name="s"/> at either end.</summary>
    private static bool OnBoundaries(string s, int i, int length)
    {
        if (i > 0 && i < s.Length && char.IsLowSurrogate(s[i]) && char.IsHighSurrogate(s[i - 1])) return false;
        int j = i + length;
        if (j > 0 && j < s.Length && char.IsLowSurrogate(s[j]) && char.IsHighSurrogate(s[j - 1])) return false;
        return true;
    }

    private static bool NeedsBoundaryCheck(string sub) =>
        sub.Length > 0 && (char.IsLowSurrogate(sub[0]) || char.IsHighSurrogate(sub[^1]));

    /// <summary>Ordinal search in s[from:to] for sub, respecting code point boundaries.</summary>
    private static int IndexOf(string s, string sub, int from, int to)
    {
        // one non-surrogate char (split(","), find(":")): the char search, no boundary to check
        if (sub.Length == 1 && !char.IsSurrogate(sub[0])) return to > from ? s.IndexOf(sub[0], from, to - from) : -1;
        bool check = NeedsBoundaryCheck(sub);
        while (true)
        {
            if (to - from < sub.Length) return -1;
            int i = s.IndexOf(sub, from, to - from, StringComparison.Ordinal);
            if (i < 0 || !check || OnBoundaries(s, i, sub.Length)) return i;
            from = i + 1;
        }
    }

    private static int LastIndexOf(string s, string sub, int from, int to)
    {
        if (sub.Length == 1 && !char.IsSurrogate(sub[0])) return to > from ? s.LastIndexOf(sub[0], to - 1, to - from) : -1;
        bool check = NeedsBoundaryCheck(sub);
        while (true)
        {
            if (to - from < sub.Length) return -1;
            if (sub.Length == 0) return to;
            int i = s.LastIndexOf(sub, to - 1, to - from, StringComparison.Ordinal);
            if (i < 0 || !check || OnBoundaries(s, i, sub.Length)) return i;
            to = i + sub.Length - 1;
        }
    }

    private static int ToCodePoint(string s, int charIndex, bool plain) =>
        plain || charIndex < 0 ? charIndex : CodePoints.ToCodePointIndex(s, charIndex);

    // ---- searching ----

    /// <summary>str.find: code point index of the first match in s[start:end], or -1.</summary>
    public static int Find(string s, string sub, long? start = null, long? end = null)
    {
        if (!CharRange(s, start, end, out int from, out int to, out bool plain)) return -1;
        return ToCodePoint(s, IndexIn(s, sub, from, to), plain);
    }

    public static int RFind(string s, string sub, long? start = null, long? end = null)
    {
        if (!CharRange(s, start, end, out int from, out int to, out bool plain)) return -1;
        return ToCodePoint(s, LastIndexIn(s, sub, from, to), plain);
    }

    // The same searches on a UTF-16 range [from, to) whose ends lie on code point boundaries,
    // for callers that convert indexes themselves (PyStr caches what a string's surrogates
    // look like, so a find(sub, start) loop over a long string does not rescan it every call).

    /// <summary>UTF-16 index of the first code-point-aligned match of sub in s[from:to], or -1.</summary>
    public static int IndexIn(string s, string sub, int from, int to) => IndexOf(s, sub, from, to);

    /// <summary>UTF-16 index of the last code-point-aligned match of sub in s[from:to], or -1.</summary>
    public static int LastIndexIn(string s, string sub, int from, int to) => LastIndexOf(s, sub, from, to);

    /// <summary>Non-overlapping matches of a non-empty sub in s[from:to].</summary>
    public static int CountIn(string s, string sub, int from, int to)
    {
        if (!NeedsBoundaryCheck(sub))
            return sub.Length == 1 ? s.AsSpan(from, to - from).Count(sub[0]) : s.AsSpan(from, to - from).Count(sub.AsSpan());
        int n = 0;
        while (true)
        {
            int i = IndexOf(s, sub, from, to);
            if (i < 0) return n;
            n++;
            from = i + sub.Length;
        }
    }

    /// <summary>Whether s[from:to] starts (atEnd: ends) with p, on code point boundaries.</summary>
    public static bool StartsOrEndsIn(string s, string p, int from, int to, bool atEnd)
    {
        if (to - from < p.Length) return false;
        int at = atEnd ? to - p.Length : from;
        return string.CompareOrdinal(s, at, p, 0, p.Length) == 0 && (!NeedsBoundaryCheck(p) || OnBoundaries(s, at, p.Length));
    }

    /// <summary>str.index: like find, but ValueError "substring not found".</summary>
    public static int Index(string s, string sub, long? start = null, long? end = null)
    {
        int i = Find(s, sub, start, end);
        if (i < 0) throw FormatError.Value("substring not found");
        return i;
    }

    public static int RIndex(string s, string sub, long? start = null, long? end = null)
    {
        int i = RFind(s, sub, start, end);
        if (i < 0) throw FormatError.Value("substring not found");
        return i;
    }

    /// <summary>str.count: non-overlapping matches; "" matches between every code point.</summary>
    public static int Count(string s, string sub, long? start = null, long? end = null)
    {
        // the whole string, a needle that cannot cut a pair: one vectorised count
        if (start == null && end == null && sub.Length > 0 && !NeedsBoundaryCheck(sub))
            return sub.Length == 1 ? s.AsSpan().Count(sub[0]) : s.AsSpan().Count(sub.AsSpan());
        if (!CharRange(s, start, end, out int from, out int to, out bool plain)) return 0;
        if (sub.Length == 0)
            return (plain ? to - from : CodePoints.Length(s.AsSpan(from, to - from))) + 1;
        return CountIn(s, sub, from, to);
    }

    public static bool StartsWith(string s, string prefix, long? start = null, long? end = null)
        => CharRange(s, start, end, out int from, out int to, out _) && StartsOrEndsIn(s, prefix, from, to, false);

    public static bool EndsWith(string s, string suffix, long? start = null, long? end = null)
        => CharRange(s, start, end, out int from, out int to, out _) && StartsOrEndsIn(s, suffix, from, to, true);

    /// <summary>str.replace(old, new, count); count &lt; 0 means all.</summary>
    public static string Replace(string s, string oldValue, string newValue, long count = -1)
    {
        if (count < 0) count = long.MaxValue;
        if (count == 0) return s;
        if (count == long.MaxValue && oldValue.Length > 0 && !NeedsBoundaryCheck(oldValue))
        {
            // every match, left to right, non-overlapping: .NET's ordinal Replace is exactly that
            // (it returns s itself when nothing matches, which the caller relies on)
            if (oldValue.Length == 1 && newValue.Length == 1) return s.Replace(oldValue[0], newValue[0]);
            return s.Replace(oldValue, newValue, StringComparison.Ordinal);
        }
        var sb = new StringBuilder(s.Length);
        if (oldValue.Length == 0)
        {
            // Insert before every code point and at the end, up to count times.
            long done = 0;
            int i = 0;
            while (i < s.Length && done < count)
            {
                sb.Append(newValue);
                done++;
                CodePoints.At(s, i, out int w);
                sb.Append(s, i, w);
                i += w;
            }
            if (i == s.Length && done < count) sb.Append(newValue);
            else sb.Append(s, i, s.Length - i);
            return sb.ToString();
        }
        int pos = 0;
        long replaced = 0;
        while (replaced < count)
        {
            int j = IndexOf(s, oldValue, pos, s.Length);
            if (j < 0) break;
            sb.Append(s, pos, j - pos).Append(newValue);
            pos = j + oldValue.Length;
            replaced++;
        }
        if (replaced == 0) return s;
        sb.Append(s, pos, s.Length - pos);
        return sb.ToString();
    }

    // ---- splitting ----

    private static bool IsSpaceAt(string s, int i, out int width)
    {
        int cp = CodePoints.At(s, i, out width);
        return UnicodeInfo.IsSpace(cp);
    }

    /// <summary>str.split(sep=None, maxsplit=-1).</summary>
    public static List<string> Split(string s, string? sep = null, long maxsplit = -1)
    {
        if (maxsplit < 0) maxsplit = long.MaxValue;
        var result = new List<string>();
        if (sep == null)
        {
            int i = 0, n = s.Length;
            while (true)
            {
                while (i < n && IsSpaceAt(s, i, out int w)) i += w;
                if (i >= n) break;
                if (result.Count >= maxsplit)
                {
                    // The rest keeps its trailing whitespace; leading whitespace was skipped.
                    result.Add(s.Substring(i));
                    return result;
                }
                int start = i;
                while (i < n && !IsSpaceAt(s, i, out int w2)) i += w2;
                result.Add(s.Substring(start, i - start));
            }
            return result;
        }
        if (sep.Length == 0) throw FormatError.Value("empty separator");
        int pos = 0;
        while (result.Count < maxsplit)
        {
            int j = IndexOf(s, sep, pos, s.Length);
            if (j < 0) break;
            result.Add(s.Substring(pos, j - pos));
            pos = j + sep.Length;
        }
        result.Add(s.Substring(pos));
        return result;
    }

    /// <summary>str.rsplit(sep=None, maxsplit=-1).</summary>
    public static List<string> RSplit(string s, string? sep = null, long maxsplit = -1)
    {
        if (maxsplit < 0) maxsplit = long.MaxValue;
        var result = new List<string>();
        if (sep == null)
        {
            int i = s.Length;
            while (true)
            {
                while (i > 0 && IsSpaceBefore(s, i, out int w)) i -= w;
                if (i <= 0) break;
                if (result.Count >= maxsplit)
                {
                    result.Add(s.Substring(0, i));
                    break;
                }
                int end = i;
                while (i > 0 && !IsSpaceBefore(s, i, out int w2)) i -= w2;
                result.Add(s.Substring(i, end - i));
            }
            result.Reverse();
            return result;
        }
        if (sep.Length == 0) throw FormatError.Value("empty separator");
        int stop = s.Length;
        while (result.Count < maxsplit)
        {
            int j = LastIndexOf(s, sep, 0, stop);
            if (j < 0) break;
            result.Add(s.Substring(j + sep.Length, stop - j - sep.Length));
            stop = j;
        }
        result.Add(s.Substring(0, stop));
        result.Reverse();
        return result;
    }

    private static bool IsSpaceBefore(string s, int i, out int width)
    {
        int start = i - 1;
        if (char.IsLowSurrogate(s[start]) && start > 0 && char.IsHighSurrogate(s[start - 1])) start--;
        width = i - start;
        return UnicodeInfo.IsSpace(CodePoints.At(s, start, out _));
    }

    /// <summary>Python's line boundaries: \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.</summary>
    public static bool IsLineBreak(char c) =>
        c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '\x1c' || c == '\x1d' || c == '\x1e' ||
        c == '\x85' || c == '\u2028' || c == '\u2029';

    /// <summary>str.splitlines(keepends).</summary>
    public static List<string> SplitLines(string s, bool keepends = false)
    {
        var result = new List<string>();
        int i = 0, n = s.Length;
        while (i < n)
        {
            int start = i;
            while (i < n && !IsLineBreak(s[i])) i++;
            int eol = i;
            if (i < n)
            {
                if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') i += 2;
                else i++;
                if (keepends) eol = i;
            }
            result.Add(s.Substring(start, eol - start));
        }
        return result;
    }

    /// <summary>str.partition(sep): (head, sep, tail), or (s, "", "").</summary>
    public static (string, string, string) Partition(string s, string sep)
    {
        if (sep.Length == 0) throw FormatError.Value("empty separator");
        int i = IndexOf(s, sep, 0, s.Length);
        if (i < 0) return (s, "", "");
        return (s.Substring(0, i), sep, s.Substring(i + sep.Length));
    }

    public static (string, string, string) RPartition(string s, string sep)
    {
        if (sep.Length == 0) throw FormatError.Value("empty separator");
        int i = LastIndexOf(s, sep, 0, s.Length);
        if (i < 0) return ("", "", s);
        return (s.Substring(0, i), sep, s.Substring(i + sep.Length));
    }

    // ---- stripping and padding ----

    /// <summary>str.strip(chars): chars null strips Python whitespace.</summary>
    public static string Strip(string s, string? chars = null) => DoStrip(s, chars, true, true);
    public static string LStrip(string s, string? chars = null) => DoStrip(s, chars, true, false);
    public static string RStrip(string s, string? chars = null) => DoStrip(s, chars, false, true);

    private static string DoStrip(string s, string? chars, bool left, bool right)
    {
        int i = 0, j = s.Length;
        if (chars == null)
        {
            // every whitespace code point is in the BMP and none is a surrogate: char by char is exact
            if (left) while (i < j && UnicodeInfo.IsSpace(s[i])) i++;
            if (right) while (j > i && UnicodeInfo.IsSpace(s[j - 1])) j--;
        }
        else if (!chars.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            // no surrogate among chars, so no half of a pair in s can match: compare chars
            if (left) { int k = s.AsSpan().IndexOfAnyExcept(chars); i = k < 0 ? j : k; }
            if (right) j = i + s.AsSpan(i).LastIndexOfAnyExcept(chars) + 1;
        }
        else
        {
            var set = new HashSet<int>();
            for (int k = 0; k < chars.Length;)
            {
                set.Add(CodePoints.At(chars, k, out int w));
                k += w;
            }
            if (left)
                while (i < j)
                {
                    int cp = CodePoints.At(s, i, out int w);
                    if (!set.Contains(cp)) break;
                    i += w;
                }
            if (right)
                while (j > i)
                {
                    int start = j - 1;
                    if (char.IsLowSurrogate(s[start]) && start > i && char.IsHighSurrogate(s[start - 1])) start--;
                    if (!set.Contains(CodePoints.At(s, start, out _))) break;
                    j = start;
                }
        }
        return i == 0 && j == s.Length ? s : s.Substring(i, j - i);
    }

    private static string FillChar(string fill)
    {
        if (CodePoints.Length(fill) != 1) throw FormatError.Type("The fill character must be exactly one character long");
        return fill;
    }

    private static string Pad(string s, long left, long right, string fill)
    {
        if (left + right > FormatError.MaxResultLength) throw FormatError.Memory();
        var sb = new StringBuilder((int)Math.Min(s.Length + (left + right) * fill.Length, 1 << 20));
        for (int i = 0; i < left; i++) sb.Append(fill);
        sb.Append(s);
        for (int i = 0; i < right; i++) sb.Append(fill);
        return sb.ToString();
    }

    /// <summary>str.center(width, fillchar): odd padding goes right, except CPython puts the
    /// extra one on the left when both the padding and the width are odd.</summary>
    public static string Center(string s, long width, string fill = " ")
    {
        fill = FillChar(fill);
        int len = CodePoints.Length(s);
        if (width <= len) return s;
        long marg = width - len;
        long left = marg / 2 + (marg & width & 1);
        return Pad(s, left, marg - left, fill);
    }

    public static string LJust(string s, long width, string fill = " ")
    {
        fill = FillChar(fill);
        int len = CodePoints.Length(s);
        return width <= len ? s : Pad(s, 0, width - len, fill);
    }

    public static string RJust(string s, long width, string fill = " ")
    {
        fill = FillChar(fill);
        int len = CodePoints.Length(s);
        return width <= len ? s : Pad(s, width - len, 0, fill);
    }

    /// <summary>str.zfill(width): zeros after a leading sign.</summary>
    public static string ZFill(string s, long width)
    {
        int len = CodePoints.Length(s);
        if (width <= len) return s;
        if (width > FormatError.MaxResultLength) throw FormatError.Memory();
        string padded = new string('0', (int)(width - len)) + s;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            var chars = padded.ToCharArray();
            chars[0] = s[0];
            chars[(int)(width - len)] = '0';
            return new string(chars);
        }
        return padded;
    }

    /// <summary>str.expandtabs(tabsize): columns count code points; \n and \r reset them.</summary>
    public static string ExpandTabs(string s, long tabsize = 8)
    {
        var sb = new StringBuilder(s.Length);
        long column = 0;
        for (int i = 0; i < s.Length;)
        {
            char c = s[i];
            if (c == '\t')
            {
                if (tabsize > 0)
                {
                    long spaces = tabsize - column % tabsize;
                    if (sb.Length + spaces > FormatError.MaxResultLength) throw FormatError.Memory();
                    sb.Append(' ', (int)spaces);
                    column += spaces;
                }
                i++;
                continue;
            }
            CodePoints.At(s, i, out int w);
            sb.Append(s, i, w);
            i += w;
            column++;
            if (c == '\n' || c == '\r') column = 0;
        }
        return sb.ToString();
    }

    // ---- case ----

    private const int CapitalSigma = 0x3A3;

    /// <summary>Lower case of Σ at UTF-16 index i: final ς when a cased letter precedes it
    /// (skipping case-ignorable ones) and none follows it (same skipping).</summary>
    private static void AppendLowerSigma(StringBuilder sb, string s, int i)
    {
        bool final = false;
        int j = i;
        while (j > 0)
        {
            int start = j - 1;
            if (char.IsLowSurrogate(s[start]) && start > 0 && char.IsHighSurrogate(s[start - 1])) start--;
            int cp = CodePoints.At(s, start, out _);
            j = start;
            if (UnicodeInfo.IsCaseIgnorable(cp)) continue;
            final = UnicodeInfo.IsCased(cp);
            break;
        }
        if (final)
        {
            int k = i + 1;
            while (k < s.Length)
            {
                int cp = CodePoints.At(s, k, out int w);
                k += w;
                if (UnicodeInfo.IsCaseIgnorable(cp)) continue;
                if (UnicodeInfo.IsCased(cp)) final = false;
                break;
            }
        }
        sb.Append(final ? '\u03C2' : '\u03C3');
    }

    private static void AppendLowerAt(StringBuilder sb, string s, int i, int cp)
    {
        if (cp == CapitalSigma) AppendLowerSigma(sb, s, i);
        else UnicodeInfo.AppendLower(sb, cp);
    }

    private static bool IsAscii(string s) => System.Text.Ascii.IsValid(s);

    /// <summary>Upper- or lower-cases an all-ASCII string (vectorised; ASCII case maps 1:1).</summary>
    static string AsciiCase(string s, bool upper)
    {
        if (s.Length == 0) return s;
        var result = StacklessIron.Objects.PyStr.NewText(s.Length, out var dst);
        if (upper) System.Text.Ascii.ToUpper(s, dst, out _);
        else System.Text.Ascii.ToLower(s, dst, out _);
        return result;
    }

    public static string Upper(string s)
    {
        if (IsAscii(s)) return AsciiCase(s, true);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            UnicodeInfo.AppendUpper(sb, CodePoints.At(s, i, out int w));
            i += w;
        }
        return sb.ToString();
    }

    public static string Lower(string s)
    {
        if (IsAscii(s)) return AsciiCase(s, false);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int w);
            AppendLowerAt(sb, s, i, cp);
            i += w;
        }
        return sb.ToString();
    }

    public static string CaseFold(string s)
    {
        if (IsAscii(s)) return AsciiCase(s, false);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            UnicodeInfo.AppendFold(sb, CodePoints.At(s, i, out int w));
            i += w;
        }
        return sb.ToString();
    }

    public static string SwapCase(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int w);
            if (UnicodeInfo.IsUppercase(cp)) AppendLowerAt(sb, s, i, cp);
            else if (UnicodeInfo.IsLowercase(cp)) UnicodeInfo.AppendUpper(sb, cp);
            else UnicodeInfo.AppendCodePoint(sb, cp);
            i += w;
        }
        return sb.ToString();
    }

    /// <summary>str.capitalize(): first code point title-cased, the rest lower-cased.</summary>
    public static string Capitalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int w);
            if (i == 0) UnicodeInfo.AppendTitle(sb, cp);
            else AppendLowerAt(sb, s, i, cp);
            i += w;
        }
        return sb.ToString();
    }

    /// <summary>str.title(): title case after an uncased character, lower case after a cased one.</summary>
    public static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool previousCased = false;
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int w);
            if (previousCased) AppendLowerAt(sb, s, i, cp);
            else UnicodeInfo.AppendTitle(sb, cp);
            previousCased = UnicodeInfo.IsCased(cp);
            i += w;
        }
        return sb.ToString();
    }

    // ---- predicates ----

    private static bool All(string s, Func<int, bool> predicate, bool emptyResult = false)
    {
        if (s.Length == 0) return emptyResult;
        for (int i = 0; i < s.Length;)
        {
            if (!predicate(CodePoints.At(s, i, out int w))) return false;
            i += w;
        }
        return true;
    }

    public static bool IsAlpha(string s) => All(s, UnicodeInfo.IsAlpha);
    public static bool IsAlnum(string s) => All(s, UnicodeInfo.IsAlnum);
    public static bool IsDecimal(string s) => All(s, UnicodeInfo.IsDecimal);
    public static bool IsDigit(string s) => All(s, UnicodeInfo.IsDigit);
    public static bool IsNumeric(string s) => All(s, UnicodeInfo.IsNumeric);
    public static bool IsSpace(string s) => All(s, UnicodeInfo.IsSpace);
    public static bool IsPrintable(string s) => All(s, UnicodeInfo.IsPrintable, emptyResult: true);
    public static bool IsAsciiString(string s) => IsAscii(s);

    public static bool IsIdentifier(string s)
    {
        if (s.Length == 0) return false;
        int first = CodePoints.At(s, 0, out int w);
        if (first != '_' && !UnicodeInfo.IsXidStart(first)) return false;
        for (int i = w; i < s.Length;)
        {
            if (!UnicodeInfo.IsXidContinue(CodePoints.At(s, i, out int w2))) return false;
            i += w2;
        }
        return true;
    }

    public static bool IsLower(string s)
    {
        bool cased = false;
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int w);
            i += w;
            if (UnicodeInfo.IsUppercase(cp) || UnicodeInfo.IsTitlecase(cp)) return false;
            if (!cased && UnicodeInfo.IsLowercase(cp)) cased = true;
        }
        return cased;
    }

    public static bool IsUpper(string s)
    {
        bool cased = false;
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int w);
            i += w;
            if (UnicodeInfo.IsLowercase(cp) || UnicodeInfo.IsTitlecase(cp)) return false;
            if (!cased && UnicodeInfo.IsUppercase(cp)) cased = true;
        }
        return cased;
    }

    /// <summary>str.istitle(): upper/title case only after uncased characters, lower case only
    /// after cased ones, and at least one cased character.</summary>
    public static bool IsTitle(string s)
    {
        bool cased = false, previousCased = false;
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int w);
            i += w;
            if (UnicodeInfo.IsUppercase(cp) || UnicodeInfo.IsTitlecase(cp))
            {
                if (previousCased) return false;
                previousCased = true;
                cased = true;
            }
            else if (UnicodeInfo.IsLowercase(cp))
            {
                if (!previousCased) return false;
                previousCased = true;
                cased = true;
            }
            else previousCased = false;
        }
        return cased;
    }

    // ---- translate / maketrans ----

    /// <summary>Looks a code point up in a translate table. Returns false when the table has
    /// no entry (LookupError: the character stays); otherwise value is null (None: delete),
    /// an integer code point, or a string.</summary>
    public delegate bool TranslateLookup(int codePoint, out object? value);

    /// <summary>str.translate(table).</summary>
    public static string Translate(string s, TranslateLookup lookup)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int w);
            i += w;
            if (!lookup(cp, out object? value)) { UnicodeInfo.AppendCodePoint(sb, cp); continue; }
            switch (value)
            {
                case null: break;
                case string str: sb.Append(str); break;
                case int n: AppendMapped(sb, n); break;
                case long n: AppendMapped(sb, n); break;
                case BigInteger n: AppendMapped(sb, n < 0 || n > 0x10FFFF ? -1 : (long)n); break;
                case bool b: AppendMapped(sb, b ? 1 : 0); break;
                default: throw FormatError.Type("character mapping must return integer, None or str");
            }
        }
        return sb.ToString();
    }

    private static void AppendMapped(StringBuilder sb, long n)
    {
        if (n < 0 || n > 0x10FFFF) throw FormatError.Value("character mapping must be in range(0x110000)");
        UnicodeInfo.AppendCodePoint(sb, (int)n);
    }

    /// <summary>str.maketrans(x, y[, z]) with strings: maps x[i] to y[i] (as code points) and
    /// every character of z to None.</summary>
    public static Dictionary<int, object?> MakeTrans(string x, string y, string? z = null)
    {
        int[] from = CodePoints.ToArray(x), to = CodePoints.ToArray(y);
        if (from.Length != to.Length) throw FormatError.Value("the first two maketrans arguments must have equal length");
        var table = new Dictionary<int, object?>();
        for (int i = 0; i < from.Length; i++) table[from[i]] = (long)to[i];
        if (z != null)
            foreach (int cp in CodePoints.ToArray(z)) table[cp] = null;
        return table;
    }

    /// <summary>The key of str.maketrans(dict): an int stays, a one-character str becomes its
    /// code point.</summary>
    public static long MakeTransKey(object? key)
    {
        switch (key)
        {
            case string s:
                if (CodePoints.Length(s) != 1) throw FormatError.Value("string keys in translate table must be of length 1");
                return CodePoints.At(s, 0, out _);
            case int i: return i;
            case long l: return l;
            case bool b: return b ? 1 : 0;
            default: throw FormatError.Type("keys in translate table must be strings or integers");
        }
    }
}
