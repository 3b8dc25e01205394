using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// Python float semantics on double: floor division and modulo take the divisor's sign,
/// round() is correctly rounded on the exact binary value, hex()/fromhex(),
/// as_integer_ratio(), and the numeric hash shared by int, float and complex
/// (sys.hash_info: modulus 2**61 - 1, inf 314159, imag 1000003).
/// </summary>
public static class FloatMath
{
    public const long HashModulus = (1L << 61) - 1;
    public const long HashInf = 314159;
    public const long HashImag = 1000003;

    public static double Modulo(double x, double y)
    {
        if (y == 0) throw FormatError.ZeroDivision("float modulo");
        double mod = x % y;
        if (mod != 0)
        {
            if ((y < 0) != (mod < 0)) mod += y;
        }
        else
            mod = Math.CopySign(0.0, y);
        return mod;
    }

    public static double FloorDivide(double x, double y)
    {
        if (y == 0) throw FormatError.ZeroDivision("float floor division by zero");
        return DivModUnchecked(x, y).Quotient;
    }

    public static (double Quotient, double Remainder) DivMod(double x, double y)
    {
        if (y == 0) throw FormatError.ZeroDivision("float divmod()");
        return DivModUnchecked(x, y);
    }

    /// <summary>The quotient is computed from the exact remainder, (x - mod) / y, which is
    /// nearly an integer; rounding it to the nearest integer fixes the float error.</summary>
    private static (double Quotient, double Remainder) DivModUnchecked(double x, double y)
    {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0)
        {
            if ((y < 0) != (mod < 0))
            {
                mod += y;
                div -= 1.0;
            }
        }
        else
            mod = Math.CopySign(0.0, y);
        double floorDiv;
        if (div != 0)
        {
            floorDiv = Math.Floor(div);
            if (div - floorDiv > 0.5) floorDiv += 1.0;
        }
        else
            floorDiv = Math.CopySign(0.0, x / y);
        return (floorDiv, mod);
    }

    public static double TrueDivide(double x, double y)
    {
        if (y == 0) throw FormatError.ZeroDivision("float division by zero");
        return x / y;
    }

    /// <summary>True when x ** y has a complex result in Python (negative base, non-integer
    /// exponent); the caller then uses complex power instead of <see cref="Pow"/>.</summary>
    public static bool PowIsComplex(double x, double y) =>
        x < 0 && double.IsFinite(x) && double.IsFinite(y) && y != Math.Floor(y);

    /// <summary>float.__pow__ for real results, with CPython's errors.</summary>
    public static double Pow(double x, double y)
    {
        if (y == 0) return 1.0;
        if (double.IsNaN(x)) return x;
        if (double.IsNaN(y)) return x == 1.0 ? 1.0 : y;
        if (double.IsInfinity(y) || double.IsInfinity(x)) return Math.Pow(x, y);
        if (x == 0 && y < 0) throw FormatError.ZeroDivision("0.0 cannot be raised to a negative power");
        if (PowIsComplex(x, y)) throw new ArgumentException("complex result: use complex power");
        double r = Math.Pow(x, y);
        if (double.IsInfinity(r) && double.IsFinite(x) && double.IsFinite(y))
            throw FormatError.Overflow("(34, 'Numerical result out of range')");
        return r;
    }

    /// <summary>int(x): truncation toward zero.</summary>
    public static BigInteger ToBigInteger(double x)
    {
        if (double.IsNaN(x)) throw FormatError.Value("cannot convert float NaN to integer");
        if (double.IsInfinity(x)) throw FormatError.Overflow("cannot convert float infinity to integer");
        x = Math.Truncate(x);
        if (Math.Abs(x) < 9.2e18) return new BigInteger((long)x);
        FloatFormatter.Decompose(x, out long m, out int e);
        BigInteger v = e >= 0 ? (BigInteger)m << e : (BigInteger)(m >> -e);
        return x < 0 ? -v : v;
    }

    /// <summary>round(x) with no ndigits: nearest int, ties to even.</summary>
    public static BigInteger RoundToInt(double x) => ToBigInteger(Math.Round(x, MidpointRounding.ToEven));

    /// <summary>round(x, ndigits): the double nearest to x rounded (half even, on the exact
    /// binary value) to ndigits decimal places, as CPython does through its dtoa.</summary>
    public static double Round(double x, long ndigits)
    {
        // Beyond these, the answer is x itself or a signed zero (CPython's NDIGITS_MAX/MIN).
        if (ndigits > 323) return x;
        if (ndigits < -308) return 0.0 * x;
        if (x == 0 || !double.IsFinite(x)) return x;
        int n = (int)ndigits;
        BigInteger scaled = RoundScaledHalfEven(Math.Abs(x), n);
        double result;
        if (scaled.IsZero) result = 0;
        else
        {
            string text = scaled.ToString(CultureInfo.InvariantCulture) + "e" + (-n).ToString(CultureInfo.InvariantCulture);
            result = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        if (double.IsInfinity(result)) throw FormatError.Overflow("rounded value too large to represent");
        return Math.CopySign(result, x);
    }

    private static BigInteger RoundScaledHalfEven(double value, int pow10)
    {
        FloatFormatter.Decompose(value, out long m, out int e);
        BigInteger num = m, den = BigInteger.One;
        if (e > 0) num <<= e; else den <<= -e;
        if (pow10 > 0) num *= BigInteger.Pow(10, pow10); else den *= BigInteger.Pow(10, -pow10);
        BigInteger q = BigInteger.DivRem(num, den, out BigInteger r);
        int cmp = (r << 1).CompareTo(den);
        if (cmp > 0 || (cmp == 0 && !q.IsEven)) q += 1;
        return q;
    }

    public static bool IsInteger(double x) => double.IsFinite(x) && Math.Floor(x) == x;

    /// <summary>float.as_integer_ratio(): the exact value as a reduced fraction.</summary>
    public static (BigInteger Numerator, BigInteger Denominator) AsIntegerRatio(double x)
    {
        if (double.IsInfinity(x)) throw FormatError.Overflow("cannot convert Infinity to integer ratio");
        if (double.IsNaN(x)) throw FormatError.Value("cannot convert NaN to integer ratio");
        if (x == 0) return (BigInteger.Zero, BigInteger.One);
        FloatFormatter.Decompose(x, out long m, out int e);
        int tz = BitOperations.TrailingZeroCount(m);
        m >>= tz;
        e += tz;
        BigInteger num = m, den = BigInteger.One;
        if (e > 0) num <<= e; else den <<= -e;
        return (x < 0 ? -num : num, den);
    }

    /// <summary>float.hex(): "0x1.8000000000000p+1", "-0x0.0p+0", "inf", "nan".</summary>
    public static string ToHex(double x)
    {
        if (double.IsNaN(x)) return "nan";
        if (double.IsInfinity(x)) return x > 0 ? "inf" : "-inf";
        string sign = double.IsNegative(x) ? "-" : "";
        if (x == 0) return sign + "0x0.0p+0";
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        int biased = (int)(bits >> 52);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        // Subnormals keep a leading 0 and the minimum exponent.
        int lead = biased == 0 ? 0 : 1;
        int exponent = biased == 0 ? -1022 : biased - 1023;
        return sign + "0x" + lead + "." + fraction.ToString("x13", CultureInfo.InvariantCulture) + "p" +
               (exponent >= 0 ? "+" : "") + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private static FormatError InvalidHex() => FormatError.Value("invalid hexadecimal floating-point string");

    /// <summary>float.fromhex(s): [sign] ["0x"] hexdigits ["." hexdigits] ["p" [sign] digits],
    /// or inf/infinity/nan; surrounding whitespace allowed; correctly rounded.</summary>
    public static double FromHex(string s)
    {
        int pos = 0, end = s.Length;
        while (pos < end && IsSpace(s[pos])) pos++;
        while (end > pos && IsSpace(s[end - 1])) end--;
        bool negative = false;
        if (pos < end && (s[pos] == '+' || s[pos] == '-')) negative = s[pos++] == '-';
        ReadOnlySpan<char> body = s.AsSpan(pos, end - pos);
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase)) return negative ? -NumberParsing.PositiveNaN : NumberParsing.PositiveNaN;
        int i = 0;
        if (body.Length >= 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) i = 2;
        BigInteger mantissa = BigInteger.Zero;
        int digitCount = 0, fracDigits = 0;
        while (i < body.Length && HexValue(body[i]) >= 0) { mantissa = mantissa * 16 + HexValue(body[i]); i++; digitCount++; }
        if (i < body.Length && body[i] == '.')
        {
            i++;
            while (i < body.Length && HexValue(body[i]) >= 0) { mantissa = mantissa * 16 + HexValue(body[i]); i++; digitCount++; fracDigits++; }
        }
        if (digitCount == 0) throw InvalidHex();
        long exp = 0;
        if (i < body.Length && (body[i] == 'p' || body[i] == 'P'))
        {
            i++;
            bool expNeg = false;
            if (i < body.Length && (body[i] == '+' || body[i] == '-')) expNeg = body[i++] == '-';
            int start = i;
            while (i < body.Length && body[i] >= '0' && body[i] <= '9')
            {
                if (exp < 100_000_000) exp = exp * 10 + (body[i] - '0');
                i++;
            }
            if (i == start) throw InvalidHex();
            if (expNeg) exp = -exp;
        }
        // CPython reports an overflowing value before it looks at what follows the number.
        bool trailing = i != body.Length;
        exp -= 4L * fracDigits;
        double result;
        if (mantissa.IsZero) result = 0;
        else
        {
            long top = (long)mantissa.GetBitLength() - 1 + exp;
            if (top >= 1024) throw FormatError.Overflow("hexadecimal value too large to represent as a float");
            if (top < -1080) result = 0;
            else
            {
                result = IntMath.RoundToDouble(mantissa, false, (int)exp);
                if (double.IsInfinity(result)) throw FormatError.Overflow("hexadecimal value too large to represent as a float");
            }
        }
        if (trailing) throw InvalidHex();
        return negative ? -result : result;
    }

    private static bool IsSpace(char c) => c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : UnicodeInfo.IsSpace(c);

    private static int HexValue(char c) =>
        c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    // ---- hashing ----

    /// <summary>hash(int) for a long.</summary>
    public static long HashInt(long v)
    {
        if (v >= 0) return v < HashModulus ? v : v % HashModulus;
        if (v == long.MinValue) return -(long)(unchecked((ulong)long.MinValue) % (ulong)HashModulus);
        long h = -((-v) % HashModulus);
        return h == -1 ? -2 : h;
    }

    /// <summary>hash(int) for any int: |v| mod (2**61 - 1) with v's sign; -1 becomes -2.</summary>
    public static long HashInt(BigInteger v)
    {
        if (v >= long.MinValue && v <= long.MaxValue) return HashInt((long)v);
        long h = (long)BigInteger.Remainder(BigInteger.Abs(v), HashModulus);
        if (v.Sign < 0) h = -h;
        return h == -1 ? -2 : h;
    }

    /// <summary>hash(float), equal to hash(int) and hash(Fraction) of the same value. NaN
    /// hashes by object identity in CPython 3.11; this returns 0 for it and the caller
    /// substitutes the identity hash.</summary>
    public static long HashDouble(double x)
    {
        if (double.IsNaN(x)) return 0;
        if (double.IsInfinity(x)) return x > 0 ? HashInf : -HashInf;
        if (x == 0) return 0;
        // x = m * 2**e; modulo the Mersenne prime P = 2**61 - 1, 2**61 == 1, so 2**e == 2**(e mod 61).
        FloatFormatter.Decompose(x, out long m, out int e);
        int shift = ((e % 61) + 61) % 61;
        ulong h = MulPow2Mod((ulong)m % (ulong)HashModulus, shift);
        long result = (long)h;
        if (x < 0) result = -result;
        return result == -1 ? -2 : result;
    }

    /// <summary>(a * 2**k) mod (2**61 - 1) for a &lt; 2**61 - 1, 0 &lt;= k &lt; 61: a rotation
    /// of the 61-bit value.</summary>
    private static ulong MulPow2Mod(ulong a, int k)
    {
        if (k == 0) return a;
        ulong p = (ulong)HashModulus;
        ulong r = ((a << k) & p) | (a >> (61 - k));
        return r >= p ? r - p : r;
    }

    /// <summary>hash(complex) from the hashes of its parts (wrapping unsigned arithmetic).</summary>
    public static long HashComplex(long realHash, long imagHash)
    {
        ulong h = unchecked((ulong)realHash + (ulong)HashImag * (ulong)imagHash);
        long result = unchecked((long)h);
        return result == -1 ? -2 : result;
    }

    public static long HashComplex(double real, double imag) => HashComplex(HashDouble(real), HashDouble(imag));
}
