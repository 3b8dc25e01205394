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

/// <summary>format() mini-language and float digit generation, against python3.11.</summary>
public class FormattingTests
{
    internal static double RandomDouble(Random rng)
    {
        switch (rng.Next(12))
        {
            case 0: return BitConverter.Int64BitsToDouble(rng.NextInt64());
            case 1: return rng.Next(-100000, 100000) / 8.0;                    // exact binary ties
            case 2: return Math.Round(rng.NextDouble() * 1000, rng.Next(0, 6)) * (rng.Next(2) == 0 ? -1 : 1);
            case 3: return Math.Pow(10, rng.Next(-30, 30)) * (rng.Next(1, 10));
            case 4: return BitConverter.Int64BitsToDouble(rng.NextInt64(0, 1L << 52)); // subnormal
            case 5: return new[] { 0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 0.5, 1.5, 2.5, 0.125, 0.375, 1e16, 1e15, 9.999999999999999e22, 1e-4, 1e-5, 5e-324, double.MaxValue, 123456789.0 }[rng.Next(18)];
            case 6: return rng.Next(-1000, 1000) + 0.5;
            case 7: return (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-320, 309));
            default: return (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-8, 20));
        }
    }

    internal static string RandomSpec(Random rng, string types)
    {
        var sb = new StringBuilder();
        if (rng.Next(4) == 0)
        {
            if (rng.Next(2) == 0) sb.Append("*x0 \u00e9"[rng.Next(5)]);
            sb.Append("<>=^"[rng.Next(4)]);
        }
        if (rng.Next(3) == 0) sb.Append("+- "[rng.Next(3)]);
        if (rng.Next(8) == 0) sb.Append('z');
        if (rng.Next(5) == 0) sb.Append('#');
        if (rng.Next(4) == 0) sb.Append('0');
        if (rng.Next(2) == 0) sb.Append(rng.Next(0, 25));
        if (rng.Next(4) == 0) sb.Append(",_"[rng.Next(2)]);
        if (rng.Next(2) == 0) sb.Append('.').Append(rng.Next(0, rng.Next(3) == 0 ? 40 : 12));
        if (rng.Next(6) != 0) sb.Append(types[rng.Next(types.Length)]);
        return sb.ToString();
    }

    [Test]
    public void FloatFormatMatchesCPython()
    {
        var rng = new Random(1234);
        var cases = new List<string[]>();
        for (int i = 0; i < 12000; i++)
            cases.Add(new[] { EncDouble(RandomDouble(rng)), Enc(RandomSpec(rng, "eEfFgGn%")) });
        var expected = Run("r = format(F(a[0]), D(a[1]))", cases);
        var actual = cases.Select(c => Capture(() => FormatSpec.FormatFloat(
            BitConverter.Int64BitsToDouble(long.Parse(c[0])), Dec(c[1])))).ToArray();
        AssertSame(cases, expected, actual, c => $"format({BitConverter.Int64BitsToDouble(long.Parse(c[0])):R}, '{Dec(c[1])}')");
    }

    [Test]
    public void FloatStrAndRepr()
    {
        var rng = new Random(99);
        var cases = new List<string[]>();
        for (int i = 0; i < 10000; i++) cases.Add(new[] { EncDouble(RandomDouble(rng)) });
        var expected = Run("r = repr(F(a[0]))", cases);
        var actual = cases.Select(c => FormatSpec.FormatFloat(BitConverter.Int64BitsToDouble(long.Parse(c[0])), "")).ToArray();
        AssertSame(cases, expected, actual, c => c[0]);
    }

    [Test]
    public void FixedAndExponentDigitsAtHighPrecision()
    {
        var rng = new Random(7);
        var cases = new List<string[]>();
        for (int i = 0; i < 3000; i++)
        {
            double d = RandomDouble(rng);
            string spec = "." + rng.Next(0, 800) + "efg"[rng.Next(3)];
            cases.Add(new[] { EncDouble(d), Enc(spec) });
        }
        cases.Add(new[] { EncDouble(5e-324), Enc(".1100f") });
        cases.Add(new[] { EncDouble(double.MaxValue), Enc(".1000e") });
        var expected = Run("r = format(F(a[0]), D(a[1]))", cases);
        var actual = cases.Select(c => Capture(() => FormatSpec.FormatFloat(BitConverter.Int64BitsToDouble(long.Parse(c[0])), Dec(c[1])))).ToArray();
        AssertSame(cases, expected, actual, c => $"{c[0]} '{Dec(c[1])}'");
    }

    internal static BigInteger RandomInt(Random rng)
    {
        switch (rng.Next(5))
        {
            case 0: return rng.Next(-300, 300);
            case 1: return rng.NextInt64(long.MinValue, long.MaxValue);
            case 2:
                var bytes = new byte[rng.Next(1, 40)];
                rng.NextBytes(bytes);
                return new BigInteger(bytes);
            case 3: return BigInteger.Pow(10, rng.Next(0, 30)) * (rng.Next(2) == 0 ? -1 : 1);
            default: return rng.Next(0, 0x11000) * (rng.Next(8) == 0 ? -1 : 1);
        }
    }

    [Test]
    public void IntFormatMatchesCPython()
    {
        var rng = new Random(42);
        var cases = new List<string[]>();
        for (int i = 0; i < 12000; i++)
            cases.Add(new[] { RandomInt(rng).ToString(), Enc(RandomSpec(rng, "bcdoxXneEfFgG%s")) });
        var expected = Run("r = format(int(a[0]), D(a[1]))", cases);
        var actual = cases.Select(c => Capture(() => FormatSpec.FormatInt(BigInteger.Parse(c[0]), Dec(c[1])))).ToArray();
        AssertSame(cases, expected, actual, c => $"format({c[0]}, '{Dec(c[1])}')");
    }

    [Test]
    public void StrFormatMatchesCPython()
    {
        var rng = new Random(5);
        string[] samples = { "", "a", "abc", "h\u00e9llo", "\U0001F600x", "\U0001F600\U0001F601", "tab\there", "\u0301e" };
        var cases = new List<string[]>();
        for (int i = 0; i < 4000; i++)
            cases.Add(new[] { Enc(samples[rng.Next(samples.Length)]), Enc(RandomSpec(rng, "sdx")) });
        cases.Add(new[] { Enc("ab"), Enc("\U0001F600^7") });
        var expected = Run("r = format(D(a[0]), D(a[1]))", cases);
        var actual = cases.Select(c => Capture(() => FormatSpec.FormatStr(Dec(c[0]), Dec(c[1])))).ToArray();
        AssertSame(cases, expected, actual, c => $"format('{Dec(c[0])}', '{Dec(c[1])}')");
    }

    [Test]
    public void ComplexFormatMatchesCPython()
    {
        var rng = new Random(77);
        var cases = new List<string[]>();
        for (int i = 0; i < 5000; i++)
        {
            double re = rng.Next(4) == 0 ? (rng.Next(2) == 0 ? 0.0 : -0.0) : RandomDouble(rng);
            double im = RandomDouble(rng);
            cases.Add(new[] { EncDouble(re), EncDouble(im), Enc(rng.Next(5) == 0 ? "" : RandomSpec(rng, "eEfFgGn%")) });
        }
        var expected = Run("r = format(complex(F(a[0]), F(a[1])), D(a[2]))", cases);
        var actual = cases.Select(c => Capture(() => FormatSpec.FormatComplex(
            BitConverter.Int64BitsToDouble(long.Parse(c[0])), BitConverter.Int64BitsToDouble(long.Parse(c[1])), Dec(c[2])))).ToArray();
        AssertSame(cases, expected, actual, c => $"format(complex({BitConverter.Int64BitsToDouble(long.Parse(c[0])):R}, {BitConverter.Int64BitsToDouble(long.Parse(c[1])):R}), '{Dec(c[2])}')");
    }

    private static (string Python, object? Value) RandomArgs(Random rng, bool bytesFriendly)
    {
        int kind = rng.Next(6);
        if (kind <= 2)
        {
            int n = rng.Next(0, 4);
            var py = new List<string>();
            var vals = new List<object?>();
            for (int i = 0; i < n; i++)
            {
                var (p, v) = FormattingTestHost.RandomValue(rng, allowContainers: false);
                if (bytesFriendly && rng.Next(2) == 0) (p, v) = rng.Next(2) == 0 ? ("b'zz'", new byte[] { 122, 122 }) : ((string, object?))("65", 65L);
                py.Add(p);
                vals.Add(v);
            }
            string text = n == 1 ? "(" + py[0] + ",)" : "(" + string.Join(", ", py) + ")";
            return (text, new FormattingTestHost.Tuple(vals.ToArray()));
        }
        if (kind == 3)
        {
            var (p1, v1) = FormattingTestHost.RandomValue(rng, false);
            var (p2, v2) = FormattingTestHost.RandomValue(rng, false);
            if (bytesFriendly)
                return ($"{{b'k': {p1}, b'a': {p2}}}", FormattingTestHost.MakeDict((new byte[] { (byte)'k' }, v1), (new byte[] { (byte)'a' }, v2)));
            return ($"{{'k': {p1}, 'a': {p2}}}", FormattingTestHost.MakeDict(("k", v1), ("a", v2)));
        }
        return FormattingTestHost.RandomValue(rng);
    }

    private static string RandomPercentFormat(Random rng, bool bytesMode)
    {
        string[] pieces = { "%", "%", "%", "%%", "%(k)", "%(a)", "-", "+", " ", "#", "0", "5", "12", "*", ".", ".2", ".*", ".0",
                            "s", "r", "a", "c", "d", "i", "u", "o", "x", "X", "e", "E", "f", "F", "g", "G", "b", "y", "l",
                            "ab", " ", "\u00e9", "(" };
        var sb = new StringBuilder();
        for (int i = rng.Next(1, 8); i > 0; i--)
        {
            string p = pieces[rng.Next(pieces.Length)];
            // Bytes: a non-ASCII byte, but never right after '%' where CPython's error is garbled.
            if (p == "\u00e9") p = bytesMode ? "q\u00ff" : (rng.Next(2) == 0 ? "\u00e9" : "\U0001F600");
            sb.Append(p);
        }
        // Most cases should be well formed: end with a conversion after a '%'.
        if (rng.Next(3) != 0) sb.Append('%').Append("sdrxfgc"[rng.Next(7)]);
        return sb.ToString();
    }

    [Test]
    public void PercentFormatStrMatchesCPython()
    {
        var rng = new Random(2024);
        var host = new FormattingTestHost();
        var cases = new List<string[]>();
        var values = new List<object?>();
        for (int i = 0; i < 10000; i++)
        {
            var (py, v) = RandomArgs(rng, false);
            cases.Add(new[] { Enc(RandomPercentFormat(rng, false)), Enc(py) });
            values.Add(v);
        }
        var expected = Run(FormattingTestHost.PythonClasses + "\nr = D(a[0]) % eval(D(a[1]))", cases);
        var actual = cases.Select((c, i) => Capture(() => PercentFormat.FormatStr(Dec(c[0]), values[i], host))).ToArray();
        AssertSame(cases, expected, actual, c => $"'{Dec(c[0])}' % {Dec(c[1])}");
    }

    [Test]
    public void PercentFormatBytesMatchesCPython()
    {
        var rng = new Random(2025);
        var host = new FormattingTestHost();
        var cases = new List<string[]>();
        var values = new List<object?>();
        for (int i = 0; i < 8000; i++)
        {
            var (py, v) = RandomArgs(rng, true);
            cases.Add(new[] { Enc(RandomPercentFormat(rng, true)), Enc(py) });
            values.Add(v);
        }
        var expected = Run(FormattingTestHost.PythonClasses + "\nr = (D(a[0]).encode('latin-1') % eval(D(a[1]))).decode('latin-1')", cases);
        var actual = cases.Select((c, i) => Capture(() =>
        {
            byte[] fmt = Dec(c[0]).Select(ch => (byte)ch).ToArray();
            byte[] result = PercentFormat.FormatBytes(fmt, values[i], host);
            return new string(result.Select(b => (char)b).ToArray());
        })).ToArray();
        AssertSame(cases, expected, actual, c => $"b'{Dec(c[0])}' % {Dec(c[1])}");
    }

    [Test]
    public void StrFormatMethodMatchesCPython()
    {
        var rng = new Random(77);
        var host = new FormattingTestHost();
        string[] pieces = { "{", "}", "{{", "}}", "{0}", "{1}", "{}", "{a}", "{k}", "{0.real}", "{0[0]}", "{k[k]}", "{0!r}", "{!s}", "{0!a}",
                            "{0!x}", "{0:>5}", "{1:{2}}", "{:{}}", "{0:{{}}", "{0.}", "{0[}", "{0[0]x}", "{0!r:^9}", "{k:.3}", "{0:,}",
                            "{0:d}", "{0!}", "{:x}", "{2:.{1}}", "x", " ", "\u00e9", "{0:{1:{2}}}", "{0[k]}", "{a.b}", "[", "]", "!", ":" };
        var cases = new List<string[]>();
        var argValues = new List<(object?[] Args, FormattingTestHost.Dict Kw)>();
        for (int i = 0; i < 5000; i++)
        {
            var sb = new StringBuilder();
            for (int k = rng.Next(1, 5); k > 0; k--) sb.Append(pieces[rng.Next(pieces.Length)]);
            int n = rng.Next(0, 4);
            var py = new List<string>();
            var vals = new List<object?>();
            for (int k = 0; k < n; k++)
            {
                var (p, v) = FormattingTestHost.RandomValue(rng);
                if (rng.Next(4) == 0) (p, v) = ("3", 3L);
                py.Add(p);
                vals.Add(v);
            }
            var (pk, vk) = FormattingTestHost.RandomValue(rng);
            var (pa, va) = FormattingTestHost.RandomValue(rng);
            cases.Add(new[] { Enc(sb.ToString()), Enc("[" + string.Join(", ", py) + "]"), Enc($"{{'k': {pk}, 'a': {pa}}}") });
            argValues.Add((vals.ToArray(), FormattingTestHost.MakeDict(("k", vk), ("a", va))));
        }
        var expected = Run(FormattingTestHost.PythonClasses + "\nr = D(a[0]).format(*eval(D(a[1])), **eval(D(a[2])))", cases);
        var actual = cases.Select((c, i) => Capture(() =>
        {
            var (args, kw) = argValues[i];
            StrFormat.KeywordLookup lookup = (string name, out object? value) =>
            {
                foreach (var (key, v) in kw.Items)
                    if ((string)key == name) { value = v; return true; }
                value = null;
                return false;
            };
            return StrFormat.Format(Dec(c[0]), args, lookup, host);
        })).ToArray();
        AssertSame(cases, expected, actual, c => $"'{Dec(c[0])}'.format(*{Dec(c[1])}, **{Dec(c[2])})");
    }

    [Test]
    public void FormatterParserAndFormatMap()
    {
        var pieces = StrFormat.Parse("a{0!r:>{1}}b{{c}}{x.y[z]}");
        Assert.That(pieces.Select(p => $"{p.Literal}|{p.FieldName}|{p.FormatSpec}|{p.Conversion}"),
            Is.EqualTo(new[] { "a|0|>{1}|r", "b{|||", "c}|||", "|x.y[z]||" }));
        var (first, rest) = StrFormat.FieldNameSplit("x.y[0][z]");
        Assert.That(first, Is.EqualTo("x"));
        Assert.That(rest.Select(a => (a.IsAttribute, a.Key.ToString())), Is.EqualTo(new[] { (true, "y"), (false, "0"), (false, "z") }));
        Assert.That(rest[1].Key, Is.TypeOf<System.Numerics.BigInteger>());
        var host = new FormattingTestHost();
        var map = FormattingTestHost.MakeDict(("a", 1L), ("b", "x"));
        Assert.That(StrFormat.FormatMap("{a:>3}{b!r}", map, host), Is.EqualTo("  1'x'"));
        var e = Assert.Throws<FormatError>(() => StrFormat.FormatMap("{}", map, host))!;
        Assert.That(e.Message, Is.EqualTo("Format string contains positional fields"));
        e = Assert.Throws<FormatError>(() => FormatSpec.FormatInt(1, "\0"))!;
        Assert.That(e.Message, Is.EqualTo("Unknown format code '\\x0' for object of type 'int'"));
    }

    [Test]
    public void TargetedFloatCases()
    {
        Assert.That(FormatSpec.FormatFloat(0.125, ".2f"), Is.EqualTo("0.12"));
        Assert.That(FormatSpec.FormatFloat(0.375, ".2f"), Is.EqualTo("0.38"));
        Assert.That(FormatSpec.FormatFloat(2.675, ".2f"), Is.EqualTo("2.67"));
        Assert.That(FormatSpec.FormatFloat(100.0, ".3"), Is.EqualTo("1e+02"));
        Assert.That(FormatSpec.FormatFloat(1e16, ""), Is.EqualTo("1e+16"));
        Assert.That(FormatSpec.FormatFloat(1234567.5, "012,.1f"), Is.EqualTo("01,234,567.5"));
        Assert.That(FormatSpec.FormatFloat(-0.0001, "z.2f"), Is.EqualTo("0.00"));
        Assert.That(FormatSpec.FormatFloat(double.PositiveInfinity, "010"), Is.EqualTo("0000000inf"));
        Assert.That(FormatSpec.FormatInt(1234567, "010,"), Is.EqualTo("01,234,567"));
        Assert.That(FormatSpec.FormatInt(-0x12345, "#012_x"), Is.EqualTo("-0x0001_2345"));
        Assert.That(FormatSpec.FormatInt(65, "c"), Is.EqualTo("A"));
        var e = Assert.Throws<FormatError>(() => FormatSpec.FormatInt(1, ".2"))!;
        Assert.That(e.Message, Is.EqualTo("Precision not allowed in integer format specifier"));
    }
}
