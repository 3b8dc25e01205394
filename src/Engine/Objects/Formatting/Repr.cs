#nullable enable
using System;
using System.Globalization;
using System.Numerics;
using System.Text;
namespace StacklessIron.Objects.Formatting;

/// <summary>
/// CPython 3.11's `repr` of the built-in value types that have a .NET representation:
/// str (.NET string, UTF-16 with surrogate pairs as one code point), bytes, float, complex,
/// int (BigInteger or long). `str(float)` is the same as `repr(float)` in Python 3.
/// </summary>
public static class Repr
{
    private const string HexDigits = "0123456789abcdef";

    // ---------------------------------------------------------------- str

    public static string Str(string s)
    {
        // the usual case: printable ASCII without a backslash and not both quote kinds, so
        // nothing is escaped and the text goes between the quotes as it is
        var span = s.AsSpan();
        if (!span.ContainsAnyExceptInRange(' ', '~') && !span.Contains('\\'))
        {
            bool single = span.Contains('\''), both = single && span.Contains('"');
            if (!both)
            {
                char quote = single ? '"' : '\'';
                var result = StacklessIron.Objects.PyStr.NewText(s.Length + 2, out var dst);
                dst[0] = quote;
                s.AsSpan().CopyTo(dst.Slice(1));
                dst[^1] = quote;
                return result;
            }
        }
        var sb = new StringBuilder(s.Length + 2);
        AppendStr(sb, s);
        return sb.ToString();
    }

    /// <summary>Appends repr(s). Quotes: single, unless s holds a single quote and no double quote.</summary>
    public static void AppendStr(StringBuilder sb, string s)
    {
        char quote = '\'';
        if (s.Contains('\'') && !s.Contains('"')) quote = '"';
        sb.Append(quote);
        int runStart = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            // Fast path: printable ASCII other than the quote and the backslash is copied in runs.
            if (c >= ' ' && c < 0x7F && c != quote && c != '\\') continue;
            int cp = c;
            int width = 1;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(c, s[i + 1]);
                width = 2;
            }
            if (cp >= 0x7F && UnicodePrintable.IsPrintable(cp))
            {
                i += width - 1;
                continue;
            }
            sb.Append(s, runStart, i - runStart);
            AppendStrEscape(sb, cp, quote);
            i += width - 1;
            runStart = i + 1;
        }
        sb.Append(s, runStart, s.Length - runStart);
        sb.Append(quote);
    }

    /// <summary>repr() of a str given as code points: exact for every Python str, including
    /// one holding a high surrogate code point followed by a low one (which a UTF-16 string
    /// cannot keep apart from the astral code point they encode).</summary>
    public static string StrFromCodePoints(ReadOnlySpan<int> codePoints)
    {
        bool hasSingle = codePoints.Contains('\''), hasDouble = codePoints.Contains('"');
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        var sb = new StringBuilder(codePoints.Length + 2);
        sb.Append(quote);
        foreach (int cp in codePoints)
        {
            if (cp >= ' ' && cp < 0x7F && cp != quote && cp != '\\') sb.Append((char)cp);
            else if (cp >= 0x7F && UnicodePrintable.IsPrintable(cp)) sb.Append(char.ConvertFromUtf32(cp));
            else AppendStrEscape(sb, cp, quote);
        }
        sb.Append(quote);
        return sb.ToString();
    }

    private static void AppendStrEscape(StringBuilder sb, int cp, char quote)
    {
        switch (cp)
        {
            case '\\': sb.Append("\\\\"); return;
            case '\t': sb.Append("\\t"); return;
            case '\n': sb.Append("\\n"); return;
            case '\r': sb.Append("\\r"); return;
        }
        if (cp == quote) { sb.Append('\\').Append(quote); return; }
        if (cp <= 0xFF) AppendHex(sb, "\\x", cp, 2);
        else if (cp <= 0xFFFF) AppendHex(sb, "\\u", cp, 4);
        else AppendHex(sb, "\\U", cp, 8);
    }

    private static void AppendHex(StringBuilder sb, string prefix, int value, int digits)
    {
        sb.Append(prefix);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
            sb.Append(HexDigits[(value >> shift) & 0xF]);
    }

    // ---------------------------------------------------------------- bytes

    public static string Bytes(ReadOnlySpan<byte> b)
    {
        var sb = new StringBuilder(b.Length + 3);
        AppendBytes(sb, b);
        return sb.ToString();
    }

    /// <summary>Appends repr(b): b'...', with the same quote choice as str.</summary>
    public static void AppendBytes(StringBuilder sb, ReadOnlySpan<byte> b)
    {
        char quote = '\'';
        if (b.IndexOf((byte)'\'') >= 0 && b.IndexOf((byte)'"') < 0) quote = '"';
        sb.Append('b').Append(quote);
        foreach (byte x in b)
        {
            if (x == quote || x == '\\') sb.Append('\\').Append((char)x);
            else if (x == '\t') sb.Append("\\t");
            else if (x == '\n') sb.Append("\\n");
            else if (x == '\r') sb.Append("\\r");
            else if (x < ' ' || x >= 0x7F) AppendHex(sb, "\\x", x, 2);
            else sb.Append((char)x);
        }
        sb.Append(quote);
    }

    // ---------------------------------------------------------------- int

    public static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);

    public static string Int(BigInteger v)
    {
        if (v >= long.MinValue && v <= long.MaxValue) return ((long)v).ToString(CultureInfo.InvariantCulture);
        return v.ToString(CultureInfo.InvariantCulture);
    }

    // ---------------------------------------------------------------- float

    /// <summary>repr(x) (and str(x)) for a Python float.</summary>
    public static string Float(double x) => FormatShortest(x, addDotZero: true, alwaysSign: false);

    /// <summary>
    /// The 'r' format of CPython's PyOS_double_to_string: the shortest digits that round-trip,
    /// in positional notation when the decimal exponent is in [-4, 16), otherwise as d.ddde+XX.
    /// addDotZero appends ".0" to integral positional results (float repr does, complex parts don't);
    /// alwaysSign puts '+' before non-negative values (the imaginary part of a complex).
    /// The sign of a NaN is never shown, as in CPython.
    /// </summary>
    public static string FormatShortest(double x, bool addDotZero, bool alwaysSign)
    {
        var sb = new StringBuilder(26);
        AppendShortest(sb, x, addDotZero, alwaysSign);
        return sb.ToString();
    }

    public static void AppendShortest(StringBuilder sb, double x, bool addDotZero, bool alwaysSign)
    {
        if (double.IsNaN(x))
        {
            sb.Append(alwaysSign ? "+nan" : "nan");
            return;
        }
        bool negative = double.IsNegative(x);
        if (negative) sb.Append('-');
        else if (alwaysSign) sb.Append('+');
        if (double.IsInfinity(x))
        {
            sb.Append("inf");
            return;
        }
        Span<char> digits = stackalloc char[32];
        int n = ShortestDigits(x, digits, out int decpt);
        digits = digits[..n];
        if (decpt <= -4 || decpt > 16)
        {
            // Exponent notation: d[.ddd]e(+|-)XX with at least two exponent digits.
            sb.Append(digits[0]);
            if (n > 1) sb.Append('.').Append(digits[1..]);
            int exp = decpt - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+');
            exp = Math.Abs(exp);
            if (exp < 10) sb.Append('0');
            sb.Append(exp);
        }
        else if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= n)
        {
            sb.Append(digits).Append('0', decpt - n);
            if (addDotZero) sb.Append(".0");
        }
        else
        {
            sb.Append(digits[..decpt]).Append('.').Append(digits[decpt..]);
        }
    }

    /// <summary>
    /// The shortest decimal digits that read back as |x| (finite x), as _Py_dg_dtoa mode 0 gives
    /// them: no leading or trailing zeros (zero itself is "0"), and |x| = 0.DIGITS × 10^decpt.
    /// Writes into digits (32 chars is always enough) and returns how many were written.
    /// </summary>
    public static int ShortestDigits(double x, Span<char> digits, out int decpt)
    {
        if (!double.IsFinite(x)) throw new ArgumentOutOfRangeException(nameof(x), "not a finite float");
        if (x == 0)
        {
            digits[0] = '0';
            decpt = 1;
            return 1;
        }
        // .NET Core 3.0+ formats "R" as the shortest round-trip string (same digits as
        // David Gay's shortest mode); only its layout differs, so re-read the digits from it.
        Span<char> text = stackalloc char[40];
        Math.Abs(x).TryFormat(text, out int len, "R", CultureInfo.InvariantCulture);
        text = text[..len];
        int n = 0, dot = -1, i = 0;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '.') dot = n;
            else if (c == 'E' || c == 'e') break;
            else digits[n++] = c;
        }
        if (dot < 0) dot = n;
        int exp = 0;
        if (i < text.Length)
            exp = int.Parse(text[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        decpt = dot + exp;
        int lead = 0;
        while (lead < n - 1 && digits[lead] == '0') lead++;
        if (lead > 0)
        {
            digits[lead..n].CopyTo(digits);
            n -= lead;
            decpt -= lead;
        }
        while (n > 1 && digits[n - 1] == '0') n--;
        return n;
    }

    // ---------------------------------------------------------------- complex

    /// <summary>repr(z): "imagj" when the real part is +0.0, else "(real±imagj)"; parts in 'r'
    /// format without a ".0" suffix.</summary>
    public static string Complex(Complex z)
    {
        var sb = new StringBuilder(32);
        double re = z.Real, im = z.Imaginary;
        if (re == 0 && !double.IsNegative(re))
        {
            AppendShortest(sb, im, addDotZero: false, alwaysSign: false);
            sb.Append('j');
        }
        else
        {
            sb.Append('(');
            AppendShortest(sb, re, addDotZero: false, alwaysSign: false);
            AppendShortest(sb, im, addDotZero: false, alwaysSign: true);
            sb.Append("j)");
        }
        return sb.ToString();
    }
}
