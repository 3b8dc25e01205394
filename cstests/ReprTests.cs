using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using StacklessIron.Objects.Formatting;

namespace StacklessIron.Tests;

/// <summary>Repr against python3.11 on many generated values.</summary>
public class ReprTests
{
    // ------------------------------------------------------------ hand-checked cases

    [TestCase(0.0, "0.0")]
    [TestCase(-0.0, "-0.0")]
    [TestCase(1.0, "1.0")]
    [TestCase(0.1, "0.1")]
    [TestCase(1e16, "1e+16")]
    [TestCase(1e15, "1000000000000000.0")]
    [TestCase(1.5e-5, "1.5e-05")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(123456789012345678.0, "1.2345678901234568e+17")]
    [TestCase(5e-324, "5e-324")]
    [TestCase(double.MaxValue, "1.7976931348623157e+308")]
    [TestCase(double.PositiveInfinity, "inf")]
    [TestCase(double.NegativeInfinity, "-inf")]
    [TestCase(double.NaN, "nan")]
    public void FloatKnownCases(double x, string expected)
        => Assert.That(Repr.Float(x), Is.EqualTo(expected));

    [Test]
    public void ShortestDigitsGivesDigitsAndDecimalPoint()
    {
        Span<char> buf = stackalloc char[32];
        int n = Repr.ShortestDigits(1.5e-5, buf, out int decpt);
        Assert.That(buf[..n].ToString(), Is.EqualTo("15"));
        Assert.That(decpt, Is.EqualTo(-4));
        n = Repr.ShortestDigits(1200.0, buf, out decpt);
        Assert.That((buf[..n].ToString(), decpt), Is.EqualTo(("12", 4)));
    }

    [Test]
    public void ComplexKnownCases()
    {
        Assert.That(Repr.Complex(new Complex(0, 1)), Is.EqualTo("1j"));
        Assert.That(Repr.Complex(new Complex(1, 2)), Is.EqualTo("(1+2j)"));
        Assert.That(Repr.Complex(new Complex(-0.0, 0)), Is.EqualTo("(-0+0j)"));
        Assert.That(Repr.Complex(new Complex(0, -0.0)), Is.EqualTo("-0j"));
        Assert.That(Repr.Complex(new Complex(double.NaN, double.PositiveInfinity)), Is.EqualTo("(nan+infj)"));
    }

    [Test]
    public void StrKnownCases()
    {
        Assert.That(Repr.Str("it's"), Is.EqualTo("\"it's\""));
        Assert.That(Repr.Str("'\""), Is.EqualTo("'\\'\"'"));
        Assert.That(Repr.Str("a\tb\n\\\x00\x7f\u00a0\u00e9"), Is.EqualTo("'a\\tb\\n\\\\\\x00\\x7f\\xa0\u00e9'"));
        Assert.That(Repr.Str("\ud800x\udfff"), Is.EqualTo("'\\ud800x\\udfff'"));
        Assert.That(Repr.Str("\U0001F600\U000E0001"), Is.EqualTo("'\U0001F600\\U000e0001'"));
        Assert.That(Repr.Bytes(new byte[] { 39, 0, 255, 92 }), Is.EqualTo("b\"'\\x00\\xff\\\\\""));
    }

    // ------------------------------------------------------------ against python3.11

    static IEnumerable<double> InterestingDoubles()
    {
        var rng = new Random(20261121);
        var bits = new byte[8];
        for (int i = 0; i < 20000; i++)
        {
            rng.NextBytes(bits);
            yield return BitConverter.ToDouble(bits);            // any pattern: NaNs, infinities, huge, tiny
        }
        for (int i = 0; i < 5000; i++)
        {
            // Subnormals: exponent field zero.
            long mant = rng.NextInt64(1, 1L << 52);
            yield return BitConverter.Int64BitsToDouble(mant) * (rng.Next(2) == 0 ? 1 : -1);
        }
        for (int i = 0; i < 10000; i++)
        {
            // Short decimals around every exponent, where the notation switches.
            int digits = rng.Next(1, 18);
            long m = rng.NextInt64(1, (long)Math.Pow(10, digits));
            int e = rng.Next(-30, 30);
            yield return double.Parse($"{m}e{e}", CultureInfo.InvariantCulture);
        }
        for (int e = -330; e <= 310; e++)
        {
            yield return double.Parse($"1e{e}", CultureInfo.InvariantCulture);
            yield return double.Parse($"9.999999999999999e{e}", CultureInfo.InvariantCulture);
            yield return Math.BitIncrement(double.Parse($"1e{e}", CultureInfo.InvariantCulture));
            yield return Math.BitDecrement(double.Parse($"1e{e}", CultureInfo.InvariantCulture));
        }
        for (int i = 0; i < 2000; i++) yield return rng.NextInt64(-(1L << 60), 1L << 60);
        yield return 0.0; yield return -0.0; yield return double.Epsilon; yield return double.MaxValue;
        yield return double.NaN; yield return -double.NaN; yield return double.PositiveInfinity;
        yield return double.NegativeInfinity;
    }

    static string Hex(double x) => BitConverter.DoubleToInt64Bits(x).ToString("x16");

    [Test]
    public void FloatReprMatchesPython()
    {
        var values = InterestingDoubles().ToList();
        var lines = Oracle.RunLines(
            "import sys, struct\n" +
            "for line in sys.stdin:\n" +
            "    print(repr(struct.unpack('>d', bytes.fromhex(line.strip()))[0]))\n",
            values.Select(Hex).ToList());
        int bad = 0;
        var report = new StringBuilder();
        for (int i = 0; i < values.Count; i++)
        {
            string expected = lines[i];
            string actual = Repr.Float(values[i]);
            if (actual != expected && bad++ < 20)
                report.AppendLine($"{Hex(values[i])}: ours {actual} python {expected}");
        }
        Assert.That(bad, Is.Zero, $"{bad} of {values.Count} float reprs differ:\n{report}");
    }

    [Test]
    public void ComplexReprMatchesPython()
    {
        var rng = new Random(7);
        var pool = InterestingDoubles().Where((_, i) => i % 7 == 0).ToList();
        pool.AddRange(new[] { 0.0, -0.0, 1.0, -1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e16, 1e15 });
        var pairs = new List<(double, double)>();
        foreach (var a in new[] { 0.0, -0.0, 1.0, double.NaN, double.NegativeInfinity })
            foreach (var b in new[] { 0.0, -0.0, 2.5, -2.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e16 })
                pairs.Add((a, b));
        for (int i = 0; i < 5000; i++) pairs.Add((pool[rng.Next(pool.Count)], pool[rng.Next(pool.Count)]));
        var lines = Oracle.RunLines(
            "import sys, struct\n" +
            "for line in sys.stdin:\n" +
            "    a, b = line.split()\n" +
            "    print(repr(complex(struct.unpack('>d', bytes.fromhex(a))[0], struct.unpack('>d', bytes.fromhex(b))[0])))\n",
            pairs.Select(p => Hex(p.Item1) + " " + Hex(p.Item2)).ToList());
        var diffs = new List<string>();
        for (int i = 0; i < pairs.Count; i++)
        {
            string actual = Repr.Complex(new Complex(pairs[i].Item1, pairs[i].Item2));
            if (actual != lines[i]) diffs.Add($"{Hex(pairs[i].Item1)} {Hex(pairs[i].Item2)}: ours {actual} python {lines[i]}");
        }
        Assert.That(diffs, Is.Empty, string.Join("\n", diffs.Take(20)));
    }

    [Test]
    public void IntReprMatchesPython()
    {
        var rng = new Random(11);
        var values = new List<BigInteger> { 0, 1, -1, long.MaxValue, long.MinValue, (BigInteger)long.MaxValue + 1, (BigInteger)long.MinValue - 1 };
        for (int i = 0; i < 3000; i++)
        {
            var bytes = new byte[rng.Next(1, 200)];
            rng.NextBytes(bytes);
            values.Add(new BigInteger(bytes));
        }
        var lines = Oracle.RunLines(
            "import sys\nsys.set_int_max_str_digits(0)\nfor line in sys.stdin:\n    print(repr(int(line, 16)))\n",
            values.Select(v => (v.Sign < 0 ? "-" : "") + BigInteger.Abs(v).ToString("x")).ToList());
        for (int i = 0; i < values.Count; i++)
            Assert.That(Repr.Int(values[i]), Is.EqualTo(lines[i]));
        Assert.That(Repr.Int(-42L), Is.EqualTo("-42"));
    }

    /// <summary>Every code point, one Unicode block at a time: str.isprintable and repr of the block's
    /// text agree with python3.11. On a difference it prints the ranges that differ, ready to paste
    /// into UnicodePrintable's table (.NET's Unicode tables change with the runtime).</summary>
    [Test]
    public void EveryCodePointIsPrintableAsInPython()
    {
        string flags = Oracle.RunOk(
            "import sys\nsys.stdout.write(''.join('1' if chr(c).isprintable() else '0' for c in range(0x110000)))\n");
        Assert.That(flags.Length, Is.EqualTo(0x110000));
        var diffs = new List<(int start, int end, bool python)>();
        for (int cp = 0; cp < 0x110000; cp++)
        {
            bool python = flags[cp] == '1';
            if (UnicodePrintable.IsPrintable(cp) == python) continue;
            if (diffs.Count > 0 && diffs[^1].end == cp - 1 && diffs[^1].python == python)
                diffs[^1] = (diffs[^1].start, cp, python);
            else diffs.Add((cp, cp, python));
        }
        Assert.That(diffs, Is.Empty, "code points whose printability differs from python3.11:\n" +
            string.Join("\n", diffs.Select(d => $"0x{d.start:X4}, 0x{d.end:X4},  // python: {(d.python ? "printable" : "not printable")}")));
    }

    [Test]
    public void StrReprMatchesPythonOverAllCodePoints()
    {
        // One case per block of 128 code points, surrogates left out (tested apart: a .NET string
        // cannot tell a Python pair of lone surrogates from one astral code point).
        var cases = new List<int[]>();
        for (int start = 0; start < 0x110000; start += 128)
        {
            var cps = Enumerable.Range(start, 128).Where(c => c < 0xD800 || c > 0xDFFF).ToArray();
            if (cps.Length > 0) cases.Add(cps);
        }
        var rng = new Random(3);
        int[] special = { '\'', '"', '\\', '\n', '\r', '\t', 0, 0x7f, 0xa0, 0xad, 0x2028, 0xfeff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0x1f600, 0xe0001, 0x10ffff, 'a', ' ' };
        for (int i = 0; i < 3000; i++)
        {
            var cps = new List<int>();
            int len = rng.Next(0, 12);
            for (int j = 0; j < len; j++)
            {
                int c = rng.Next(3) == 0 ? special[rng.Next(special.Length)] : rng.Next(0, 0x110000);
                // A high surrogate directly before a low one would pair up in .NET; keep them apart.
                if (c >= 0xDC00 && c <= 0xDFFF && cps.Count > 0 && cps[^1] >= 0xD800 && cps[^1] <= 0xDBFF) c = 'x';
                cps.Add(c);
            }
            cases.Add(cps.ToArray());
        }
        var lines = Oracle.RunLines(
            "import sys, json\n" +
            "for line in sys.stdin:\n" +
            "    s = ''.join(chr(int(h, 16)) for h in line.split())\n" +
            "    print(json.dumps(repr(s)))\n",
            cases.Select(c => string.Join(" ", c.Select(x => x.ToString("x")))).ToList());
        var diffs = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            var sb = new StringBuilder();
            foreach (int c in cases[i])
                if (c >= 0xD800 && c <= 0xDFFF) sb.Append((char)c); else sb.Append(char.ConvertFromUtf32(c));
            string expected = JsonSerializer.Deserialize<string>(lines[i])!;
            string actual = Repr.Str(sb.ToString());
            if (actual != expected) diffs.Add($"case {i} (first code point {cases[i].FirstOrDefault():x}): ours {Repr.Str(actual)} python {Repr.Str(expected)}");
        }
        Assert.That(diffs, Is.Empty, string.Join("\n", diffs.Take(10)));
    }

    [Test]
    public void BytesReprMatchesPython()
    {
        var rng = new Random(5);
        var cases = new List<byte[]> { Array.Empty<byte>(), Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(),
            new byte[] { 39 }, new byte[] { 34 }, new byte[] { 39, 34 } };
        for (int i = 0; i < 2000; i++)
        {
            var b = new byte[rng.Next(0, 10)];
            for (int j = 0; j < b.Length; j++)
                b[j] = rng.Next(3) == 0 ? (byte)"'\"\\\n\t\ra"[rng.Next(7)] : (byte)rng.Next(256);
            cases.Add(b);
        }
        var lines = Oracle.RunLines("import sys\nfor line in sys.stdin:\n    print(repr(bytes.fromhex(line.strip())))\n",
            cases.Select(c => Convert.ToHexString(c)).ToList());
        for (int i = 0; i < cases.Count; i++)
            Assert.That(Repr.Bytes(cases[i]), Is.EqualTo(lines[i]), Convert.ToHexString(cases[i]));
    }
}
