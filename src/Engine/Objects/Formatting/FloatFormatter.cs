using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// Turns a double into text the way CPython's PyOS_double_to_string does: 'e', 'f', 'g' with a
/// precision, correctly rounded (round-half-even on the exact binary value), and 'r', the
/// shortest digits that read back to the same double. .NET's own "F"/"E" formats round exact
/// ties away from zero (0.125 -> "0.13", CPython gives "0.12"), so digits come from exact
/// BigInteger arithmetic here; only the shortest digits come from .NET ("R" is shortest
/// round-trip since .NET Core 3.0).
/// </summary>
public static class FloatFormatter
{
    /// <summary>A double has at most 1074 binary fraction digits, hence at most 1074 decimal
    /// ones; beyond that every digit is zero, so precision past this is padding.</summary>
    private const int MaxExactFractionDigits = 1080;

    /// <summary>A double's exact decimal expansion has at most 767 significant digits.</summary>
    private const int MaxExactSignificantDigits = 800;

    private static readonly BigInteger[] PowersOfTen = BuildPowers();

    private static BigInteger[] BuildPowers()
    {
        var powers = new BigInteger[MaxExactFractionDigits + 400];
        powers[0] = BigInteger.One;
        for (int i = 1; i < powers.Length; i++)
            powers[i] = powers[i - 1] * 10;
        return powers;
    }

    private static BigInteger Pow10(int n) => n < PowersOfTen.Length ? PowersOfTen[n] : BigInteger.Pow(10, n);

    /// <summary>
    /// Formats <paramref name="value"/> like PyOS_double_to_string. <paramref name="code"/> is
    /// one of e E f F g G r (r ignores the precision). Infinity and NaN give inf/nan (INF/NAN
    /// for the upper-case codes). The sign is '-' for negative values (including -0.0) and,
    /// with <paramref name="alwaysSign"/>, '+' otherwise.
    /// </summary>
    public static string Format(double value, char code, int precision, bool alt = false, bool addDot0 = false,
                                bool alwaysSign = false)
    {
        bool negative = double.IsNegative(value) && !double.IsNaN(value);
        if ((code == 'f' || code == 'F') && !alt && (precision > 0 || !addDot0) && TryFormatFixed(Math.Abs(value), precision, negative ? '-' : alwaysSign ? '+' : '\0', out var text))
            return text;
        string body = FormatAbs(Math.Abs(value), code, precision, alt, addDot0);
        if (negative) return "-" + body;
        return alwaysSign ? "+" + body : body;
    }

    /// <summary>'f' with a small precision for a value whose scaled, rounded form fits 128 bits
    /// (nearly every value printed with '.2f'): the digits are written once into the result,
    /// with none of the intermediate strings of the general path. False when out of range.</summary>
    private static bool TryFormatFixed(double absValue, int precision, char sign, out string text)
    {
        text = "";
        if (!double.IsFinite(absValue) || precision > 22) return false;
        if (TryRoundScaledSmall(absValue, precision, out ulong small))
        {
            // the common case (a value below ~10**15 with a few decimals): 64-bit arithmetic
            // and the digits written straight into the result
            int nd = StacklessIron.Objects.PyStr.DecimalDigits(small);
            int intDigits = Math.Max(nd - precision, 1);
            int length = (sign != '\0' ? 1 : 0) + intDigits + (precision > 0 ? 1 + precision : 0);
            text = StacklessIron.Objects.PyStr.NewText(length, out var dst);
            ulong v = small;
            int stop = sign != '\0' ? 1 : 0;
            if (stop == 1) dst[0] = sign;
            int fraction = precision > 0 ? precision : -1;   // no point for precision 0
            for (int k = dst.Length - 1; k >= stop; k--)
            {
                if (fraction-- == 0) { dst[k] = '.'; continue; }
                ulong tenth = v / 10;
                dst[k] = (char)('0' + (int)(v - tenth * 10));
                v = tenth;
            }
            return true;
        }
        if (!TryRoundScaledFast(absValue, precision, out UInt128 q)) return false;
        Span<char> digits = stackalloc char[48];
        int n;
        if (q <= ulong.MaxValue) { if (!((ulong)q).TryFormat(digits, out n, default, CultureInfo.InvariantCulture)) return false; }
        else if (!q.TryFormat(digits, out n, default, CultureInfo.InvariantCulture)) return false;
        {
            int intDigits = Math.Max(n - precision, 1);       // "0" before the point when below one
            int length = (sign != '\0' ? 1 : 0) + intDigits + (precision > 0 ? 1 + precision : 0);
            Span<char> dst = length <= 128 ? stackalloc char[length] : new char[length];
            int pos = 0;
            if (sign != '\0') dst[pos++] = sign;
            // the digit string right-aligned under the integer and fraction positions, zeros before it
            int lead = intDigits + precision - n;
            for (int i = 0; i < intDigits + precision; i++)
            {
                if (i == intDigits) dst[pos++] = '.';
                dst[pos++] = i < lead ? '0' : digits[i - lead];
            }
            text = new string(dst);
        }
        return true;
    }

    /// <summary>round_half_even(|value| * 10**pow10) when the product of the mantissa and the
    /// power fits 64 bits and the shift is below 64 (TryRoundScaledFast's UInt128 arithmetic is
    /// a chain of runtime calls in ReadyToRun code); false otherwise.</summary>
    private static bool TryRoundScaledSmall(double value, int pow10, out ulong result)
    {
        result = 0;
        if (pow10 < 0 || pow10 > 19) return false;
        Decompose(value, out long m, out int e);
        ulong hi = Math.BigMul((ulong)m, s_smallPowersOfTen64[pow10], out ulong num);
        if (hi != 0) return false;
        if (e >= 0)
        {
            if (e >= 64 || (num != 0 && BitOperations.LeadingZeroCount(num) <= e)) return false;
            result = num << e;
            return true;
        }
        int shift = -e;
        if (shift > 63) return false;
        ulong q = num >> shift;
        ulong rest = num - (q << shift);
        ulong half = 1UL << (shift - 1);
        if (rest > half || (rest == half && (q & 1) != 0)) q++;
        result = q;
        return true;
    }

    private static readonly ulong[] s_smallPowersOfTen64 =
    {
        1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000,
        100000000000, 1000000000000, 10000000000000, 100000000000000, 1000000000000000,
        10000000000000000, 100000000000000000, 1000000000000000000, 10000000000000000000,
    };

    /// <summary>Formats |value| (the sign is the caller's business). See <see cref="Format"/>.</summary>
    public static string FormatAbs(double value, char code, int precision, bool alt, bool addDot0)
    {
        value = Math.Abs(value);
        if ((code == 'f' || code == 'F') && !alt && (precision > 0 || !addDot0) && TryFormatFixed(value, precision, '\0', out var text))
            return text;
        bool upper = char.IsUpper(code);
        char lower = char.ToLowerInvariant(code);
        if (double.IsNaN(value)) return upper ? "NAN" : "nan";
        if (double.IsInfinity(value)) return upper ? "INF" : "inf";

        string digits;
        int decpt;
        bool useExp;
        int fractionEnd; // digit position (see DigitAt) where the written digits stop
        switch (lower)
        {
            case 'f':
                FixedDigits(value, precision, out digits, out decpt);
                useExp = false;
                fractionEnd = decpt + precision;
                break;
            case 'e':
                SignificantDigits(value, precision + 1, out digits, out decpt);
                useExp = true;
                fractionEnd = precision + 1;
                break;
            case 'g':
                if (precision == 0) precision = 1;
                SignificantDigits(value, precision, out digits, out decpt);
                useExp = decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision);
                fractionEnd = alt ? precision : digits.Length;
                break;
            case 'r':
                ShortestDigits(value, out digits, out decpt);
                useExp = decpt <= -4 || decpt > 16;
                fractionEnd = digits.Length;
                break;
            default:
                throw new ArgumentException("format code " + code);
        }

        var sb = new StringBuilder(24);
        if (useExp)
        {
            // One digit before the point; the exponent moves the rest.
            int exponent = digits.Length == 0 ? 0 : decpt - 1;
            sb.Append(DigitAt(digits, 0));
            int end = Math.Max(fractionEnd, 1);
            if (end > 1 || alt) sb.Append('.');
            for (int i = 1; i < end; i++) sb.Append(DigitAt(digits, i));
            sb.Append(upper ? 'E' : 'e');
            sb.Append(exponent < 0 ? '-' : '+');
            int absExp = Math.Abs(exponent);
            if (absExp < 10) sb.Append('0');
            sb.Append(absExp.ToString(CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        // Integer part: positions [0, decpt); "0" when the value is below one.
        if (decpt <= 0) sb.Append('0');
        else for (int i = 0; i < decpt; i++) sb.Append(DigitAt(digits, i));
        int fracStart = decpt;
        int fracEnd = Math.Max(fractionEnd, decpt);
        if (fracEnd > fracStart)
        {
            sb.Append('.');
            for (int i = fracStart; i < fracEnd; i++) sb.Append(DigitAt(digits, i));
        }
        else if (addDot0)
            sb.Append(".0");
        else if (alt)
            sb.Append('.');
        return sb.ToString();
    }

    /// <summary>Digit at position i of the digit string (position 0 is the first significant
    /// digit); positions before it or past its end are zeros.</summary>
    private static char DigitAt(string digits, int i) => i >= 0 && i < digits.Length ? digits[i] : '0';

    /// <summary>Splits a finite double into mantissa * 2**exponent with an integer mantissa.</summary>
    public static void Decompose(double value, out long mantissa, out int exponent)
    {
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        int biased = (int)(bits >> 52) & 0x7FF;
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        if (biased == 0)
        {
            mantissa = fraction;
            exponent = -1074;
        }
        else
        {
            mantissa = fraction | (1L << 52);
            exponent = biased - 1075;
        }
    }

    private static readonly UInt128[] SmallPowersOfTen = BuildSmallPowers();

    private static UInt128[] BuildSmallPowers()
    {
        var p = new UInt128[23];
        p[0] = 1;
        for (int i = 1; i < p.Length; i++) p[i] = p[i - 1] * 10;
        return p;
    }

    private static int BitLength(UInt128 v) => 128 - (int)UInt128.LeadingZeroCount(v);

    /// <summary>The common case of <see cref="RoundScaled"/> in 128-bit integers: the mantissa
    /// (below 2**53) times 10**pow10 (at most 10**22, below 2**74) fits, and dividing by a
    /// power of two is a shift. False when out of that range.</summary>
    private static bool TryRoundScaledFast(double value, int pow10, out UInt128 result)
    {
        result = 0;
        if (pow10 < 0 || pow10 > 22) return false;
        Decompose(value, out long m, out int e);
        UInt128 num = (UInt128)(ulong)m * SmallPowersOfTen[pow10];
        if (e >= 0)
        {
            if (BitLength(num) + e > 127) return false;
            result = num << e;
            return true;
        }
        int shift = -e;
        if (shift > 127) return false;
        UInt128 q = num >> shift;
        UInt128 rest = num - (q << shift);
        UInt128 half = (UInt128)1 << (shift - 1);
        if (rest > half || (rest == half && (q & 1) != 0)) q++;
        result = q;
        return true;
    }

    /// <summary>Decimal text of round_half_even(|value| * 10**pow10).</summary>
    private static string RoundScaledText(double value, int pow10) =>
        TryRoundScaledFast(value, pow10, out UInt128 q)
            ? q.ToString(CultureInfo.InvariantCulture)
            : RoundScaled(value, pow10).ToString(CultureInfo.InvariantCulture);

    /// <summary>round_half_even(|value| * 10**pow10) computed exactly.</summary>
    private static BigInteger RoundScaled(double value, int pow10)
    {
        Decompose(value, out long m, out int e);
        BigInteger num = m, den = BigInteger.One;
        if (e > 0) num <<= e; else den <<= -e;
        if (pow10 > 0) num *= Pow10(pow10); else den *= Pow10(-pow10);
        BigInteger q = BigInteger.DivRem(num, den, out BigInteger r);
        int cmp = (r << 1).CompareTo(den);
        if (cmp > 0 || (cmp == 0 && !q.IsEven)) q += 1;
        return q;
    }

    /// <summary>Digits of |value| rounded to <paramref name="precision"/> places after the point
    /// (dtoa mode 3). value == 0.d1d2... * 10**decpt; trailing zeros are stripped; an empty
    /// string means the rounded value is zero.</summary>
    public static void FixedDigits(double value, int precision, out string digits, out int decpt)
    {
        int p = Math.Min(precision, MaxExactFractionDigits);
        string s = RoundScaledText(value, p);
        if (s == "0") { digits = ""; decpt = 1; return; }
        decpt = s.Length - p;
        digits = s.TrimEnd('0');
    }

    /// <summary>Digits of |value| rounded to <paramref name="count"/> significant digits
    /// (dtoa mode 2), as in <see cref="FixedDigits"/>.</summary>
    public static void SignificantDigits(double value, int count, out string digits, out int decpt)
    {
        if (value == 0) { digits = ""; decpt = 1; return; }
        int n = Math.Min(count, MaxExactSignificantDigits);
        // The exact decimal exponent first (log10 may be one off near powers of ten); then
        // rounding can only carry into one more digit (9.99 -> 10.0).
        int k = (int)Math.Floor(Math.Log10(value));
        while (CompareWithPowerOfTen(value, k) < 0) k--;
        while (CompareWithPowerOfTen(value, k + 1) >= 0) k++;
        string q = RoundScaledText(value, n - 1 - k);
        if (q.Length > n)
        {
            k++;
            q = RoundScaledText(value, n - 1 - k);
        }
        decpt = k + 1;
        digits = q.TrimEnd('0');
    }

    /// <summary>Shortest digits by trying 1, 2, ... 17 significant digits: the correctly
    /// rounded candidate first, then its neighbours (the round-trip interval of a power of two
    /// is lopsided, so the nearest candidate may miss while the next one above fits).</summary>
    private static void ShortestBySearch(double value, out string digits, out int decpt)
    {
        for (int n = 1; n <= 17; n++)
        {
            SignificantDigits(value, n, out string d, out int dp);
            BigInteger q = BigInteger.Parse(d.PadRight(n, '0'), CultureInfo.InvariantCulture);
            foreach (BigInteger candidate in new[] { q, q + 1, q - 1 })
            {
                if (candidate.Sign <= 0) continue;
                string text = candidate.ToString(CultureInfo.InvariantCulture) + "e" + (dp - n).ToString(CultureInfo.InvariantCulture);
                if (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) != value) continue;
                string c = candidate.ToString(CultureInfo.InvariantCulture);
                // A carry (999 -> 1000) lengthens the digit string by one.
                decpt = dp + (c.Length - n);
                digits = c.TrimEnd('0');
                return;
            }
        }
        throw new InvalidOperationException("no round-trip digits for " + value.ToString("E17", CultureInfo.InvariantCulture));
    }

    /// <summary>Sign of |value| - 10**k, exactly.</summary>
    private static int CompareWithPowerOfTen(double value, int k)
    {
        Decompose(value, out long m, out int e);
        // 128-bit fast paths for |k| <= 22: compare m * 2**e with 10**k without BigInteger.
        if (k >= 0 && k <= 22)
        {
            UInt128 p = SmallPowersOfTen[k];
            if (e >= 0 && e <= 70) return ((UInt128)(ulong)m << e).CompareTo(p);
            if (e < 0 && -e <= 53) return ((UInt128)(ulong)m).CompareTo(p << -e);
            if (e < -53) return -1; // below 1
        }
        else if (k < 0 && k >= -22)
        {
            if (e >= 0) return 1; // at least 1
            if (-e <= 126) return ((UInt128)(ulong)m * SmallPowersOfTen[-k]).CompareTo((UInt128)1 << -e);
        }
        BigInteger num = m, den = BigInteger.One;
        if (e > 0) num <<= e; else den <<= -e;
        if (k >= 0) return num.CompareTo(Pow10(k) * den);
        return (num * Pow10(-k)).CompareTo(den);
    }

    /// <summary>The shortest digits that read back as |value| (dtoa mode 0), as in
    /// <see cref="FixedDigits"/>.</summary>
    public static void ShortestDigits(double value, out string digits, out int decpt)
    {
        if (value == 0) { digits = ""; decpt = 1; return; }
        // .NET's shortest formatting is wrong for some powers of two, where the gap to the
        // next lower double is half the gap above (2**-25 gives "2.980232238769531E-08",
        // which reads back as a different double). Those take the exact search instead.
        if ((BitConverter.DoubleToInt64Bits(value) & 0xFFFFFFFFFFFFFL) == 0)
        {
            ShortestBySearch(Math.Abs(value), out digits, out decpt);
            return;
        }
        string r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int ePos = r.IndexOf('E');
        int exp10 = 0;
        string mant = r;
        if (ePos >= 0)
        {
            exp10 = int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mant = r.Substring(0, ePos);
        }
        int dot = mant.IndexOf('.');
        int intLen = dot < 0 ? mant.Length : dot;
        string all = dot < 0 ? mant : mant.Remove(dot, 1);
        int lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0') lead++;
        digits = all.Substring(lead).TrimEnd('0');
        decpt = intLen - lead + exp10;
    }
}
