using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using NUnit.Framework;
using StacklessIron.Objects.Formatting;
using static StacklessIron.Tests.FormattingOracle;

namespace StacklessIron.Tests;

/// <summary>int/float parsing, arithmetic and hashing, against python3.11.</summary>
public class NumberTests
{
    private static double D(string bits) => BitConverter.Int64BitsToDouble(long.Parse(bits));
    private static string R(double d) => FormatSpec.FormatFloat(d, "");
    private static string Cx(System.Numerics.Complex z) => FormatSpec.FormatComplex(z.Real, z.Imaginary, "");
    private static BigInteger I(string s) => BigInteger.Parse(s, CultureInfo.InvariantCulture);

    private static string RandomNumberText(Random rng)
    {
        string[] pieces = { "0", "1", "7", "9", "a", "f", "z", "_", "x", "o", "b", "0x", "0o", "0b", "0X", " ", "+", "-", ".", "e", "E", "\u0661", "\u00a0", "\u2003", "\x1c", "inf", "nan", "Infinity", "5", "12", "00", "__", "\U0001D7CE", "\u00b2", "?" };
        var sb = new StringBuilder();
        int n = rng.Next(0, 7);
        for (int i = 0; i < n; i++) sb.Append(pieces[rng.Next(pieces.Length)]);
        return sb.ToString();
    }

    [Test]
    public void IntParsingMatchesCPython()
    {
        var rng = new Random(3);
        int[] bases = { 0, 10, 16, 2, 8, 36, 3, 7 };
        var cases = new List<string[]>();
        for (int i = 0; i < 12000; i++)
            cases.Add(new[] { Enc(RandomNumberText(rng)), bases[rng.Next(bases.Length)].ToString() });
        cases.Add(new[] { Enc(new string('7', 4301)), "10" });
        cases.Add(new[] { Enc(new string('7', 4300)), "10" });
        cases.Add(new[] { Enc(new string('f', 5000)), "16" });
        cases.Add(new[] { Enc(new string('z', 300)), "10" });
        cases.Add(new[] { Enc("1"), "1" });
        cases.Add(new[] { Enc("1"), "37" });
        cases.Add(new[] { Enc("123456789012345678901234567890"), "7" });
        cases.Add(new[] { Enc("-zzzzzzzzzzzzzzzzzzzzzzzzzz"), "36" });
        var expected = Run("r = hex(int(D(a[0]), int(a[1])))", cases);
        var actual = cases.Select(c => Capture(() => NumberParsing.ToPrefixedBase(NumberParsing.ParseInt(Dec(c[0]), int.Parse(c[1])), 16))).ToArray();
        AssertSame(cases, expected, actual, c => $"int({Enc(Dec(c[0]))}, {c[1]})");
    }

    [Test]
    public void FloatParsingMatchesCPython()
    {
        var rng = new Random(4);
        var cases = new List<string[]>();
        for (int i = 0; i < 12000; i++) cases.Add(new[] { Enc(RandomNumberText(rng)) });
        for (int i = 0; i < 3000; i++)
            cases.Add(new[] { Enc(R(FormattingTests.RandomDouble(rng)) + (rng.Next(3) == 0 ? "1" : "")) });
        foreach (var s in new[] { "2.4703282292062328e-324", "2.4703282292062327e-324", "1e400", "-1e-400", "1_000.5", "1e1_0", "1.5_0", "-.e1", "0.1e-0_1", "9007199254740993", "1" + new string('0', 400) })
            cases.Add(new[] { Enc(s) });
        var expected = Run("r = repr(float(D(a[0])))", cases);
        var actual = cases.Select(c => Capture(() => R(NumberParsing.ParseFloat(Dec(c[0]))))).ToArray();
        AssertSame(cases, expected, actual, c => $"float({Enc(Dec(c[0]))})");
    }

    [Test]
    public void IntToStringInBases()
    {
        var rng = new Random(8);
        var cases = new List<string[]>();
        for (int i = 0; i < 3000; i++) cases.Add(new[] { FormattingTests.RandomInt(rng).ToString() });
        cases.Add(new[] { BigInteger.Pow(10, 4299).ToString() });
        var expected = Run("v = int(a[0]); r = ' '.join([bin(v), oct(v), hex(v), str(v)])", cases);
        var actual = cases.Select(c => Capture(() =>
        {
            var v = I(c[0]);
            return string.Join(" ", NumberParsing.ToPrefixedBase(v, 2), NumberParsing.ToPrefixedBase(v, 8), NumberParsing.ToPrefixedBase(v, 16), NumberParsing.ToDecimalString(v));
        })).ToArray();
        AssertSame(cases, expected, actual, c => c[0].Length > 50 ? c[0].Substring(0, 50) + "... " + expected[cases.IndexOf(c)] + " / " + actual[cases.IndexOf(c)] : c[0]);
        // Round trip through every base.
        for (int b = 2; b <= 36; b++)
        {
            var v = BigInteger.Parse("-98765432109876543210987654321");
            Assert.That(NumberParsing.ParseInt("-" + NumberParsing.ToBase(v, b), b), Is.EqualTo(v), "base " + b);
        }
    }

    [Test]
    public void IntArithmeticMatchesCPython()
    {
        var rng = new Random(11);
        var cases = new List<string[]>();
        for (int i = 0; i < 6000; i++)
        {
            var a = FormattingTests.RandomInt(rng);
            var b = rng.Next(6) == 0 ? new BigInteger(rng.Next(-3, 4)) : FormattingTests.RandomInt(rng);
            cases.Add(new[] { a.ToString(), b.ToString(), rng.Next(-3, 70).ToString() });
        }
        var expected = Run(@"x, y, k = int(a[0]), int(a[1]), int(a[2])
def t(f):
    try: return str(f())
    except Exception as e: return '!%s: %s' % (type(e).__name__, e)
def h(v): return hash(v)
r = ' | '.join([t(lambda: x // y), t(lambda: x % y), t(lambda: divmod(x, y)), t(lambda: repr(x / y)),
    t(lambda: pow(x, abs(k) % 7, y)), t(lambda: pow(x, -1, y)), t(lambda: x << k), t(lambda: x >> k),
    t(lambda: round(x, -(abs(k) % 30))), t(lambda: repr(float(x))), t(lambda: hash(x)), t(lambda: x.bit_length()), t(lambda: x.bit_count()),
    t(lambda: x.to_bytes(abs(k) % 20, 'big', signed=True).hex()), t(lambda: x.to_bytes(abs(k) % 20, 'little').hex()),
    t(lambda: repr(x ** (k % 5 - 2))) ])", cases);
        var actual = cases.Select(c =>
        {
            BigInteger x = I(c[0]), y = I(c[1]);
            int k = int.Parse(c[2]);
            string T(Func<string> f) => Capture(f);
            return string.Join(" | ", new[]
            {
                T(() => IntMath.FloorDivide(x, y).ToString()),
                T(() => IntMath.Modulo(x, y).ToString()),
                T(() => { var (q, r) = IntMath.DivMod(x, y); return $"({q}, {r})"; }),
                T(() => R(IntMath.TrueDivide(x, y))),
                T(() => IntMath.PowMod(x, Math.Abs(k) % 7, y).ToString()),
                T(() => IntMath.PowMod(x, -1, y).ToString()),
                T(() => IntMath.LeftShift(x, k).ToString()),
                T(() => IntMath.RightShift(x, k).ToString()),
                T(() => IntMath.Round(x, -(Math.Abs(k) % 30)).ToString()),
                T(() => R(IntMath.ToDouble(x))),
                T(() => FloatMath.HashInt(x).ToString()),
                T(() => IntMath.BitLength(x).ToString()),
                T(() => IntMath.BitCount(x).ToString()),
                T(() => Convert.ToHexString(IntMath.ToBytes(x, Math.Abs(k) % 20, true, true)).ToLowerInvariant()),
                T(() => Convert.ToHexString(IntMath.ToBytes(x, Math.Abs(k) % 20, false, false)).ToLowerInvariant()),
                T(() => { int e = ((k % 5) + 5) % 5 - 2; return e >= 0 ? IntMath.Pow(x, e).ToString() : R(IntMath.PowToDouble(x, e)); }),
            });
        }).ToArray();
        AssertSame(cases, expected, actual, c => $"x={c[0]} y={c[1]} k={c[2]}");
    }

    [Test]
    public void FloatArithmeticMatchesCPython()
    {
        var rng = new Random(12);
        var cases = new List<string[]>();
        for (int i = 0; i < 8000; i++)
        {
            double a = FormattingTests.RandomDouble(rng);
            double b = rng.Next(8) == 0 ? new[] { 0.0, -0.0, 1.0, -1.0, double.PositiveInfinity, double.NegativeInfinity, 2.0, 0.5 }[rng.Next(8)] : FormattingTests.RandomDouble(rng);
            cases.Add(new[] { EncDouble(a), EncDouble(b), rng.Next(-12, 20).ToString() });
        }
        var expected = Run(@"x, y, k = F(a[0]), F(a[1]), int(a[2])
def t(f):
    try: return repr(f())
    except Exception as e: return '!%s: %s' % (type(e).__name__, e)
r = ' | '.join([t(lambda: x // y), t(lambda: x % y), t(lambda: divmod(x, y)), t(lambda: x / y), t(lambda: round(x, k)), t(lambda: round(x)),
    t(lambda: x.hex()), t(lambda: float.fromhex(x.hex())), t(lambda: x.as_integer_ratio()), t(lambda: x.is_integer()),
    t(lambda: hash(x) if x == x else 0), t(lambda: hash(complex(x, y)) if x == x and y == y else 0), t(lambda: int(x)),
    t(lambda: x ** y if not (x < 0 and math.isfinite(x) and math.isfinite(y) and y != math.floor(y)) else 'complex')])", cases);
        var actual = cases.Select(c =>
        {
            double x = D(c[0]), y = D(c[1]);
            int k = int.Parse(c[2]);
            string T(Func<string> f) => Capture(f);
            return string.Join(" | ", new[]
            {
                T(() => R(FloatMath.FloorDivide(x, y))),
                T(() => R(FloatMath.Modulo(x, y))),
                T(() => { var (q, r) = FloatMath.DivMod(x, y); return $"({R(q)}, {R(r)})"; }),
                T(() => R(FloatMath.TrueDivide(x, y))),
                T(() => R(FloatMath.Round(x, k))),
                T(() => FloatMath.RoundToInt(x).ToString()),
                T(() => "'" + FloatMath.ToHex(x) + "'"),
                T(() => R(FloatMath.FromHex(FloatMath.ToHex(x)))),
                T(() => { var (n, d) = FloatMath.AsIntegerRatio(x); return $"({n}, {d})"; }),
                T(() => FloatMath.IsInteger(x) ? "True" : "False"),
                T(() => FloatMath.HashDouble(x).ToString()),
                T(() => double.IsNaN(x) || double.IsNaN(y) ? "0" : FloatMath.HashComplex(x, y).ToString()),
                T(() => FloatMath.ToBigInteger(x).ToString()),
                T(() => FloatMath.PowIsComplex(x, y) ? "'complex'" : R(FloatMath.Pow(x, y))),
            });
        }).ToArray();
        AssertSame(cases, expected, actual, c => $"x={R(D(c[0]))} y={R(D(c[1]))} k={c[2]}");
    }

    [Test]
    public void FromHexMatchesCPython()
    {
        var rng = new Random(13);
        string[] pieces = { "0x", "0X", "1", "f", "8", ".", "p", "P", "-", "+", "0", "3", "a", " ", "inf", "nan", "_", "10", "99", "p-1074", "p-1075", "p1023", "p1024" };
        var cases = new List<string[]>();
        for (int i = 0; i < 8000; i++)
        {
            var sb = new StringBuilder();
            for (int j = rng.Next(1, 7); j > 0; j--) sb.Append(pieces[rng.Next(pieces.Length)]);
            cases.Add(new[] { Enc(sb.ToString()) });
        }
        var expected = Run("r = repr(float.fromhex(D(a[0])))", cases);
        var actual = cases.Select(c => Capture(() => R(FloatMath.FromHex(Dec(c[0]))))).ToArray();
        AssertSame(cases, expected, actual, c => $"fromhex('{Dec(c[0])}')");
    }

    [Test]
    public void ComplexAndBytesParsingMatchCPython()
    {
        var rng = new Random(14);
        string[] pieces = { "1", "2.5", "e3", "e-2", "j", "J", "+", "-", "(", ")", " ", "inf", "nan", "infinity", "_", "0", ".", "x", "\u00a0", "\u0661", "1_0" };
        var cases = new List<string[]>();
        for (int i = 0; i < 8000; i++)
        {
            var sb = new StringBuilder();
            for (int k = rng.Next(0, 7); k > 0; k--) sb.Append(pieces[rng.Next(pieces.Length)]);
            cases.Add(new[] { Enc(sb.ToString()) });
        }
        var expected = Run(@"s = D(a[0])
def t(f):
    try: return repr(f())
    except Exception as e: return '!%s: %s' % (type(e).__name__, e)
b = s.encode('latin-1', 'replace')
r = ' | '.join([t(lambda: complex(s)), t(lambda: int(b)), t(lambda: float(b))])", cases);
        var actual = cases.Select(c =>
        {
            string s = Dec(c[0]);
            byte[] b = s.Select(ch => ch < 0x100 ? (byte)ch : (byte)'?').ToArray();
            string T(Func<string> f) => Capture(f);
            return string.Join(" | ", new[]
            {
                T(() => { var (re, im) = NumberParsing.ParseComplex(s); return FormatSpec.FormatComplex(re, im, ""); }),
                T(() => NumberParsing.ParseIntBytes(b).ToString()),
                T(() => R(NumberParsing.ParseFloatBytes(b))),
            });
        }).ToArray();
        AssertSame(cases, expected, actual, c => $"'{Dec(c[0])}'");
    }

    [Test]
    public void ComplexArithmeticMatchesCPython()
    {
        var rng = new Random(15);
        double Part() => rng.Next(6) switch
        {
            0 => 0.0,
            1 => rng.Next(-5, 6),
            2 => new[] { double.PositiveInfinity, double.NaN, -0.0, 1e300, -1e-300 }[rng.Next(5)],
            _ => FormattingTests.RandomDouble(rng),
        };
        var cases = new List<string[]>();
        for (int i = 0; i < 6000; i++)
        {
            double br = Part(), bi = Part();
            if (rng.Next(3) == 0) { br = rng.Next(-120, 120); bi = 0; }
            if (rng.Next(8) == 0) br = rng.Next(-3, 4) + 0.5;
            cases.Add(new[] { EncDouble(Part()), EncDouble(Part()), EncDouble(br), EncDouble(bi) });
        }
        var expected = Run(@"x, y = complex(F(a[0]), F(a[1])), complex(F(a[2]), F(a[3]))
def t(f):
    try: return repr(f())
    except Exception as e: return '!%s: %s' % (type(e).__name__, e)
r = ' | '.join([t(lambda: x / y), t(lambda: x ** y), t(lambda: abs(x)), t(lambda: x * y)])", cases);
        var actual = cases.Select(c =>
        {
            var x = new System.Numerics.Complex(D(c[0]), D(c[1]));
            var y = new System.Numerics.Complex(D(c[2]), D(c[3]));
            string T(Func<string> f) => Capture(f);
            return string.Join(" | ", new[]
            {
                T(() => Cx(ComplexMath.Divide(x, y))),
                T(() => Cx(ComplexMath.Pow(x, y))),
                T(() => R(ComplexMath.Abs(x))),
                T(() => Cx(ComplexMath.Multiply(x, y))),
            });
        }).ToArray();
        AssertSame(cases, expected, actual, c => $"x=({R(D(c[0]))}, {R(D(c[1]))}) y=({R(D(c[2]))}, {R(D(c[3]))})");
    }

    [Test]
    public void TargetedNumberCases()
    {
        Assert.That(FloatMath.HashDouble(1.0), Is.EqualTo(FloatMath.HashInt(1)));
        Assert.That(FloatMath.HashDouble(-1.0), Is.EqualTo(-2));
        Assert.That(FloatMath.HashInt(-1), Is.EqualTo(-2));
        Assert.That(FloatMath.HashDouble(double.PositiveInfinity), Is.EqualTo(314159));
        Assert.That(FloatMath.HashDouble(0.5), Is.EqualTo(1L << 60));
        Assert.That(FloatMath.HashInt(BigInteger.Pow(2, 61) - 1), Is.EqualTo(0));
        Assert.That(IntMath.ToDouble(BigInteger.Pow(10, 23)), Is.EqualTo(1e23));
        Assert.That(IntMath.TrueDivide(BigInteger.Pow(10, 400), BigInteger.Pow(10, 399)), Is.EqualTo(10.0));
        var e = Assert.Throws<FormatError>(() => IntMath.ToDouble(BigInteger.Pow(10, 400)))!;
        Assert.That(e.PyType, Is.EqualTo("OverflowError"));
        Assert.That(e.Message, Is.EqualTo("int too large to convert to float"));
        e = Assert.Throws<FormatError>(() => NumberParsing.ParseInt(new string('1', 5000)))!;
        Assert.That(e.Message, Does.StartWith("Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits"));
        e = Assert.Throws<FormatError>(() => NumberParsing.ToDecimalString(BigInteger.Pow(10, 5000)))!;
        Assert.That(e.Message, Does.StartWith("Exceeds the limit (4300 digits) for integer string conversion; use"));
        Assert.That(NumberParsing.ParseInt("\u0661\u0662\u0663"), Is.EqualTo(new BigInteger(123)));
        Assert.That(IntMath.PowMod(3, -2, -7), Is.EqualTo(new BigInteger(-3)));
        Assert.That(IntMath.FromBytes(new byte[] { 0xff, 0x7f }, false, true), Is.EqualTo(new BigInteger(0x7fff)));
        Assert.That(IntMath.FromBytes(new byte[] { 0xff, 0x7f }, true, true), Is.EqualTo(new BigInteger(-129)));
        Assert.That(IntMath.FromBytes(new byte[] { 0xff }, true, false), Is.EqualTo(new BigInteger(255)));
        Assert.That(IntMath.TryFloorDivide(long.MinValue, -1, out _), Is.False);
        Assert.That(IntMath.TryFloorDivide(-7, 2, out long q) && q == -4, Is.True);
        Assert.That(IntMath.Modulo(-7L, 2L), Is.EqualTo(1));
        Assert.That(IntMath.Modulo(7L, -2L), Is.EqualTo(-1));
        Assert.That(IntMath.TrueDivide(1L, 3L), Is.EqualTo(1.0 / 3));
        Assert.That(IntMath.TrueDivide(long.MaxValue, 3L), Is.EqualTo(IntMath.TrueDivide(new BigInteger(long.MaxValue), 3)));
        Assert.That(IntMath.TrueDivide((1L << 62) + 1, 1L), Is.EqualTo(4611686018427387904.0));
        // Results too big to store fail as MemoryError, never as a .NET crash.
        Assert.That(Assert.Throws<FormatError>(() => IntMath.Pow(2, BigInteger.Pow(10, 10)))!.PyType, Is.EqualTo("MemoryError"));
        Assert.That(Assert.Throws<FormatError>(() => IntMath.Pow(3, int.MaxValue))!.PyType, Is.EqualTo("MemoryError"));
        Assert.That(Assert.Throws<FormatError>(() => IntMath.LeftShift(1, BigInteger.Pow(2, 40)))!.PyType, Is.EqualTo("MemoryError"));
        Assert.That(Assert.Throws<FormatError>(() => IntMath.ToBytes(1, 1L << 62, true, false))!.PyType, Is.EqualTo("MemoryError"));
        Assert.That(Assert.Throws<FormatError>(() => FormatSpec.FormatInt(1, "3000000000"))!.PyType, Is.EqualTo("MemoryError"));
        Assert.That(Assert.Throws<FormatError>(() => StrMethods.Center("a", 1L << 62))!.PyType, Is.EqualTo("MemoryError"));
        Assert.That(IntMath.Pow(2, 100), Is.EqualTo(BigInteger.One << 100));
        Assert.That(IntMath.RightShift(-5, BigInteger.Pow(2, 70)), Is.EqualTo(BigInteger.MinusOne));
    }
}
