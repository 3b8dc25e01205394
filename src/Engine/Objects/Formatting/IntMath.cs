using System;
using System.Numerics;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// Python int arithmetic on BigInteger (and long fast paths) where Python differs from C#:
/// floor division and modulo (the remainder takes the divisor's sign), pow with a modulus,
/// shifts, conversions to bytes and to a correctly rounded double.
/// </summary>
public static class IntMath
{
    private static FormatError DivByZero() => FormatError.ZeroDivision("integer division or modulo by zero");

    /// <summary>a // b. False when the result does not fit a long (long.MinValue // -1).</summary>
    public static bool TryFloorDivide(long a, long b, out long result)
    {
        if (b == 0) throw DivByZero();
        if (b == -1 && a == long.MinValue) { result = 0; return false; }
        long q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        result = q;
        return true;
    }

    /// <summary>a % b with the sign of b.</summary>
    public static long Modulo(long a, long b)
    {
        if (b == 0) throw FormatError.ZeroDivision("integer modulo by zero");
        if (b == -1) return 0;
        long r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) r += b;
        return r;
    }

    public static BigInteger FloorDivide(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw DivByZero();
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0)) q -= 1;
        return q;
    }

    public static BigInteger Modulo(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw FormatError.ZeroDivision("integer modulo by zero");
        BigInteger r = BigInteger.Remainder(a, b);
        if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0)) r += b;
        return r;
    }

    /// <summary>divmod(a, b) = (a // b, a % b).</summary>
    public static (BigInteger Quotient, BigInteger Remainder) DivMod(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw DivByZero();
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0))
        {
            q -= 1;
            r += b;
        }
        return (q, r);
    }

    /// <summary>base ** exponent for exponent >= 0 (a negative exponent gives a float in
    /// Python; see <see cref="PowToDouble"/>).</summary>
    public static BigInteger Pow(BigInteger @base, BigInteger exponent)
    {
        if (exponent.Sign < 0) throw new ArgumentOutOfRangeException(nameof(exponent));
        if (@base.IsOne || exponent.IsZero) return BigInteger.One;
        if (@base.IsZero) return BigInteger.Zero;
        if (@base == BigInteger.MinusOne) return exponent.IsEven ? BigInteger.One : BigInteger.MinusOne;
        // The result has about bitLength(base) * exponent bits; past 2**31 bits (256 MB)
        // BigInteger itself overflows, so that is MemoryError here.
        if (exponent > int.MaxValue || (double)BigInteger.Abs(@base).GetBitLength() * (double)exponent > int.MaxValue)
            throw FormatError.Memory();
        // A power of two is a shift; otherwise repeated squaring.
        if (@base.Sign > 0 && @base.IsPowerOfTwo)
            return BigInteger.One << (int)((long)(@base.GetBitLength() - 1) * (long)exponent);
        return BigInteger.Pow(@base, (int)exponent);
    }

    /// <summary>int ** negative int: the float result of Python's int.__pow__.</summary>
    public static double PowToDouble(BigInteger @base, BigInteger exponent)
    {
        double b = ToDouble(@base);
        if (b == 0 && exponent.Sign < 0) throw FormatError.ZeroDivision("0.0 cannot be raised to a negative power");
        return FloatMath.Pow(b, ToDouble(exponent));
    }

    /// <summary>pow(base, exponent, modulus) with Python's rules: the result has the modulus'
    /// sign; a negative exponent uses the modular inverse of base.</summary>
    public static BigInteger PowMod(BigInteger @base, BigInteger exponent, BigInteger modulus)
    {
        if (modulus.IsZero) throw FormatError.Value("pow() 3rd argument cannot be 0");
        bool negativeModulus = modulus.Sign < 0;
        BigInteger m = BigInteger.Abs(modulus);
        if (m.IsOne) return BigInteger.Zero;
        BigInteger b = Modulo(@base, m);
        if (exponent.Sign < 0)
        {
            b = Inverse(b, m);
            exponent = -exponent;
        }
        BigInteger r = BigInteger.ModPow(b, exponent, m);
        if (negativeModulus && !r.IsZero) r -= m;
        return r;
    }

    /// <summary>The x in [0, m) with a*x = 1 (mod m), by the extended Euclidean algorithm.</summary>
    private static BigInteger Inverse(BigInteger a, BigInteger m)
    {
        BigInteger oldR = a, r = m, oldS = BigInteger.One, s = BigInteger.Zero;
        while (!r.IsZero)
        {
            BigInteger q = BigInteger.Divide(oldR, r);
            (oldR, r) = (r, oldR - q * r);
            (oldS, s) = (s, oldS - q * s);
        }
        if (!oldR.IsOne) throw FormatError.Value("base is not invertible for the given modulus");
        return Modulo(oldS, m);
    }

    /// <summary>a &lt;&lt; count.</summary>
    public static BigInteger LeftShift(BigInteger a, BigInteger count)
    {
        if (count.Sign < 0) throw FormatError.Value("negative shift count");
        if (a.IsZero) return a;
        if (count + (long)a.GetBitLength() > int.MaxValue) throw FormatError.Memory(); // 256 MB of bits
        return a << (int)count;
    }

    /// <summary>a >> count: floor division by 2**count, so negative values go to -1.</summary>
    public static BigInteger RightShift(BigInteger a, BigInteger count)
    {
        if (count.Sign < 0) throw FormatError.Value("negative shift count");
        if (count >= a.GetBitLength() + 1) return a.Sign < 0 ? BigInteger.MinusOne : BigInteger.Zero;
        return a >> (int)count; // BigInteger's >> rounds toward negative infinity, as Python does
    }

    /// <summary>int.bit_length(): bits of |a|, without sign.</summary>
    public static long BitLength(BigInteger a) => (long)BigInteger.Abs(a).GetBitLength();

    /// <summary>int.bit_count(): ones in |a|.</summary>
    public static long BitCount(BigInteger a)
    {
        long n = 0;
        foreach (byte b in BigInteger.Abs(a).ToByteArray(isUnsigned: true)) n += BitOperations.PopCount(b);
        return n;
    }

    /// <summary>int.to_bytes(length, byteorder, signed=...).</summary>
    public static byte[] ToBytes(BigInteger value, long length, bool bigEndian, bool signed)
    {
        if (length < 0) throw FormatError.Value("length argument must be non-negative");
        if (length > FormatError.MaxResultLength) throw FormatError.Memory();
        if (!signed && value.Sign < 0) throw FormatError.Overflow("can't convert negative int to unsigned");
        byte[] raw = signed ? value.ToByteArray(isUnsigned: false, isBigEndian: false)
                            : value.ToByteArray(isUnsigned: true, isBigEndian: false);
        int needed = raw.Length;
        // ToByteArray gives the minimal two's complement form; "0" is one zero byte.
        // CPython 3.11 accepts 0 and -1 in zero bytes (b'').
        if (value.IsZero || (signed && value == BigInteger.MinusOne)) needed = 0;
        if (needed > length) throw FormatError.Overflow("int too big to convert");
        var result = new byte[length];
        byte padding = value.Sign < 0 ? (byte)0xFF : (byte)0;
        for (long i = 0; i < length; i++) result[i] = i < raw.Length ? raw[i] : padding;
        if (bigEndian) Array.Reverse(result);
        return result;
    }

    /// <summary>int.from_bytes(bytes, byteorder, signed=...).</summary>
    public static BigInteger FromBytes(ReadOnlySpan<byte> bytes, bool bigEndian, bool signed) =>
        new BigInteger(bytes, isUnsigned: !signed, isBigEndian: bigEndian);

    /// <summary>round(int, ndigits): round half to even at 10**-ndigits.</summary>
    public static BigInteger Round(BigInteger value, long ndigits)
    {
        if (ndigits >= 0) return value;
        if (-ndigits > 100000) return BigInteger.Zero; // 10**100000 exceeds any int anyone formats
        BigInteger pow = BigInteger.Pow(10, (int)-ndigits);
        var (q, r) = DivMod(value, pow);
        // r is in [0, pow): compare 2r with pow, ties go to the even quotient.
        int cmp = (r * 2).CompareTo(pow);
        if (cmp > 0 || (cmp == 0 && !q.IsEven)) q += 1;
        return q * pow;
    }

    /// <summary>float(int), correctly rounded (half to even).</summary>
    public static double ToDouble(BigInteger value)
    {
        if (BigInteger.Abs(value) < (BigInteger.One << 53)) return (double)(long)value;
        double d = RoundToDouble(BigInteger.Abs(value), false, 0);
        if (double.IsInfinity(d)) throw FormatError.Overflow("int too large to convert to float");
        return value.Sign < 0 ? -d : d;
    }

    public static double ToDouble(long value)
    {
        if (Math.Abs(value) < (1L << 53) || value == long.MinValue) return value;
        return ToDouble(new BigInteger(value));
    }

    /// <summary>a / b for small ints: both exact as doubles, so one IEEE division is correctly
    /// rounded; otherwise the exact path.</summary>
    public static double TrueDivide(long a, long b)
    {
        const long Exact = 1L << 53;
        if (b == 0) throw FormatError.ZeroDivision("division by zero");
        if (a > -Exact && a < Exact && b > -Exact && b < Exact) return (double)a / b;
        return TrueDivide(new BigInteger(a), new BigInteger(b));
    }

    /// <summary>a / b for ints: the correctly rounded quotient, even when both are huge.</summary>
    public static double TrueDivide(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw FormatError.ZeroDivision("division by zero");
        BigInteger limit = BigInteger.One << 53;
        bool negative = (a.Sign < 0) != (b.Sign < 0);
        BigInteger x = BigInteger.Abs(a), y = BigInteger.Abs(b);
        double result;
        if (x < limit && y < limit)
            result = (double)(long)x / (double)(long)y; // both exact; IEEE division rounds correctly
        else if (x.IsZero)
            result = 0;
        else
        {
            // Scale so the integer quotient has 55-56 bits, keep the remainder as a sticky bit.
            long n = (long)x.GetBitLength() - (long)y.GetBitLength();
            long s = n - 55;
            if (n > 1100) throw FormatError.Overflow("integer division result too large for a float");
            if (n < -1200) result = 0;
            else
            {
                BigInteger num = x, den = y;
                if (s < 0) num <<= (int)-s; else den <<= (int)s;
                BigInteger q = BigInteger.DivRem(num, den, out BigInteger r);
                result = RoundToDouble(q, !r.IsZero, (int)s);
                if (double.IsInfinity(result)) throw FormatError.Overflow("integer division result too large for a float");
            }
        }
        return negative ? -result : result;
    }

    /// <summary>(q + f) * 2**s rounded half-even to a double, where 0 &lt;= f &lt; 1 and
    /// sticky says f != 0. Handles subnormal results; returns infinity on overflow.</summary>
    internal static double RoundToDouble(BigInteger q, bool sticky, int s)
    {
        if (q.IsZero) return 0;
        long bits = (long)q.GetBitLength();
        long topExponent = bits - 1 + s;
        if (topExponent >= 1024) return double.PositiveInfinity;
        long keep = 53;
        if (topExponent < -1022) keep = 53 - (-1022 - topExponent);
        long drop = bits - keep;
        if (drop > 0)
        {
            if (drop > bits + 1) return 0; // far below the smallest subnormal
            BigInteger kept = q >> (int)drop;
            BigInteger rest = q - (kept << (int)drop);
            BigInteger half = BigInteger.One << (int)(drop - 1);
            int cmp = rest.CompareTo(half);
            if (cmp > 0 || (cmp == 0 && (sticky || !kept.IsEven))) kept += 1;
            q = kept;
            s += (int)drop;
        }
        double mantissa = (double)(long)q; // at most 2**53: exact
        double result = Math.ScaleB(mantissa, s);
        return result;
    }
}
