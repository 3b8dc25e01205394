using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NUnit.Framework;
using StacklessIron.Objects.Formatting;
using static StacklessIron.Tests.FormattingOracle;

namespace StacklessIron.Tests;

/// <summary>str methods on .NET strings, against python3.11.</summary>
public class StrMethodTests
{
    private static readonly string[] Alphabet =
    {
        "a", "b", "A", "B", " ", " ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u00a0",
        "\u2028", "\u2029", "\u3000", "\u200b", "ab", "ba", ",", "_", "'", ".", "1", "\u0661", "\u00b2", "\u2155", "\u00df", "\ufb01",
        "\u0130", "\u03a3", "\u03c3", "\u0301", "\u01c5", "\u1f88", "\U0001F600", "\U00010400", "\U00010428", "\ud800", "\udc00",
        "\u00e9", "E\u0301", "x", "\u0345", "\u2160", "\u24b6", "\u0149", "\u1e9e", "\u2126", "0", "-", "+", "\u00ad", "\ud83d",
    };

    internal static string RandomText(Random rng, int max = 8)
    {
        var sb = new StringBuilder();
        for (int i = rng.Next(0, max); i > 0; i--) sb.Append(Alphabet[rng.Next(Alphabet.Length)]);
        return sb.ToString();
    }

    private static string L(List<string> items) => "[" + string.Join(", ", items.Select(x => "<" + x + ">")) + "]";
    private static string B(bool b) => b ? "True" : "False";

    [Test]
    public void CaseAndPredicatesMatchCPython()
    {
        var rng = new Random(21);
        var cases = new List<string[]>();
        for (int i = 0; i < 6000; i++) cases.Add(new[] { Enc(RandomText(rng)) });
        // Every single code point of interest alone, too.
        foreach (var a in Alphabet) cases.Add(new[] { Enc(a) });
        var expected = Run(@"s = D(a[0])
r = '|'.join([s.upper(), s.lower(), s.casefold(), s.title(), s.capitalize(), s.swapcase(),
    str([s.isalpha(), s.isalnum(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isspace(), s.isprintable(), s.isidentifier(),
         s.islower(), s.isupper(), s.istitle(), s.isascii()])])", cases);
        var actual = cases.Select(c =>
        {
            string s = Dec(c[0]);
            var flags = new[] { StrMethods.IsAlpha(s), StrMethods.IsAlnum(s), StrMethods.IsDecimal(s), StrMethods.IsDigit(s), StrMethods.IsNumeric(s),
                StrMethods.IsSpace(s), StrMethods.IsPrintable(s), StrMethods.IsIdentifier(s), StrMethods.IsLower(s), StrMethods.IsUpper(s),
                StrMethods.IsTitle(s), StrMethods.IsAsciiString(s) };
            return string.Join("|", StrMethods.Upper(s), StrMethods.Lower(s), StrMethods.CaseFold(s), StrMethods.Title(s),
                StrMethods.Capitalize(s), StrMethods.SwapCase(s), "[" + string.Join(", ", flags.Select(B)) + "]");
        }).ToArray();
        AssertSame(cases, expected, actual, c => Enc(Dec(c[0])));
    }

    [Test]
    public void EveryCodePointPredicateMatchesCPython()
    {
        // One case per 256-code-point block: a bitmask string per predicate. Planes 3-13 are
        // unassigned and 15-16 private use in Unicode 14, so planes 0-2 and 14 cover the data.
        var cases = new List<string[]>();
        for (int block = 0; block < 0x110000 / 256; block++)
            if (block < 0x30000 / 256 || (block >= 0xE0000 / 256 && block < 0xE1000 / 256) || block % 97 == 0)
                cases.Add(new[] { block.ToString() });
        var expected = Run(@"b = int(a[0]) * 256
cs = [chr(c) for c in range(b, b + 256)]
r = ' '.join(''.join('1' if f(c) else '0' for c in cs) for f in (str.isalpha, str.isdecimal, str.isdigit, str.isnumeric, str.isspace,
    str.isprintable, str.islower, str.isupper, str.istitle, str.isidentifier, lambda c: c.upper() == c, lambda c: c.lower() == c))", cases);
        var actual = cases.Select(c =>
        {
            int b = int.Parse(c[0]) * 256;
            var preds = new Func<string, bool>[] { StrMethods.IsAlpha, StrMethods.IsDecimal, StrMethods.IsDigit, StrMethods.IsNumeric, StrMethods.IsSpace,
                StrMethods.IsPrintable, StrMethods.IsLower, StrMethods.IsUpper, StrMethods.IsTitle, StrMethods.IsIdentifier,
                x => StrMethods.Upper(x) == x, x => StrMethods.Lower(x) == x };
            return string.Join(" ", preds.Select(f => new string(Enumerable.Range(b, 256).Select(cp => f(CodePoints.FromCodePoint(cp)) ? '1' : '0').ToArray())));
        }).ToArray();
        AssertSame(cases, expected, actual, c => "block " + c[0]);
    }

    [Test]
    public void SplitStripSearchMatchCPython()
    {
        var rng = new Random(22);
        var cases = new List<string[]>();
        string[] seps = { "", "a", "ab", " ", ",", "\U0001F600", "\ud83d", "\udc00", "\r\n", "aa", "\u00e9" };
        for (int i = 0; i < 6000; i++)
        {
            string s = RandomText(rng, 10);
            string sep = rng.Next(3) == 0 ? RandomText(rng, 3) : seps[rng.Next(seps.Length)];
            cases.Add(new[] { Enc(s), Enc(sep), rng.Next(-2, 4).ToString(), rng.Next(-12, 12).ToString(), rng.Next(-12, 12).ToString(), rng.Next(0, 14).ToString() });
        }
        var expected = Run(@"s, sep, n, st, en, w = D(a[0]), D(a[1]), int(a[2]), int(a[3]), int(a[4]), int(a[5])
def L(x): return '[' + ', '.join('<' + y + '>' for y in x) + ']'
def t(f):
    try: return str(f())
    except Exception as e: return '!%s: %s' % (type(e).__name__, e)
r = '|'.join([t(lambda: L(s.split())), t(lambda: L(s.split(None, n))), t(lambda: L(s.rsplit(None, n))), t(lambda: L(s.split(sep, n))),
    t(lambda: L(s.rsplit(sep, n))), t(lambda: L(s.splitlines())), t(lambda: L(s.splitlines(True))), t(lambda: L(s.partition(sep))),
    t(lambda: L(s.rpartition(sep))), s.strip(), s.lstrip(), s.rstrip(), s.strip(sep), s.lstrip(sep), s.rstrip(sep),
    t(lambda: s.find(sep, st, en)), t(lambda: s.rfind(sep, st, en)), t(lambda: s.find(sep, st)), t(lambda: s.rfind(sep)), t(lambda: s.index(sep, st, en)),
    t(lambda: s.count(sep, st, en)), t(lambda: s.count(sep)), t(lambda: s.startswith(sep, st, en)), t(lambda: s.endswith(sep, st, en)),
    t(lambda: s.replace(sep, '<>', n)), t(lambda: s.replace(sep, '')), s.center(w), t(lambda: s.center(w, sep)), s.ljust(w, '*'), s.rjust(w, '\U0001F600'),
    s.zfill(w), s.expandtabs(n), s.expandtabs()])", cases);
        var actual = cases.Select(c =>
        {
            string s = Dec(c[0]), sep = Dec(c[1]);
            int n = int.Parse(c[2]), st = int.Parse(c[3]), en = int.Parse(c[4]), w = int.Parse(c[5]);
            string T(Func<string> f) => Capture(f);
            (string, string, string) p;
            return string.Join("|", new[]
            {
                T(() => L(StrMethods.Split(s))), T(() => L(StrMethods.Split(s, null, n))), T(() => L(StrMethods.RSplit(s, null, n))),
                T(() => L(StrMethods.Split(s, sep, n))), T(() => L(StrMethods.RSplit(s, sep, n))),
                T(() => L(StrMethods.SplitLines(s))), T(() => L(StrMethods.SplitLines(s, true))),
                T(() => { p = StrMethods.Partition(s, sep); return L(new List<string> { p.Item1, p.Item2, p.Item3 }); }),
                T(() => { p = StrMethods.RPartition(s, sep); return L(new List<string> { p.Item1, p.Item2, p.Item3 }); }),
                StrMethods.Strip(s), StrMethods.LStrip(s), StrMethods.RStrip(s), StrMethods.Strip(s, sep), StrMethods.LStrip(s, sep), StrMethods.RStrip(s, sep),
                T(() => StrMethods.Find(s, sep, st, en).ToString()), T(() => StrMethods.RFind(s, sep, st, en).ToString()),
                T(() => StrMethods.Find(s, sep, st).ToString()), T(() => StrMethods.RFind(s, sep).ToString()),
                T(() => StrMethods.Index(s, sep, st, en).ToString()),
                T(() => StrMethods.Count(s, sep, st, en).ToString()), T(() => StrMethods.Count(s, sep).ToString()),
                T(() => B(StrMethods.StartsWith(s, sep, st, en))), T(() => B(StrMethods.EndsWith(s, sep, st, en))),
                T(() => StrMethods.Replace(s, sep, "<>", n)), T(() => StrMethods.Replace(s, sep, "")),
                StrMethods.Center(s, w), T(() => StrMethods.Center(s, w, sep)), StrMethods.LJust(s, w, "*"), StrMethods.RJust(s, w, "\U0001F600"),
                StrMethods.ZFill(s, w), StrMethods.ExpandTabs(s, n), StrMethods.ExpandTabs(s),
            });
        }).ToArray();
        AssertSame(cases, expected, actual, c => $"s={Enc(Dec(c[0]))} sep={Enc(Dec(c[1]))} n={c[2]} st={c[3]} en={c[4]} w={c[5]}");
    }

    private static readonly string[] Encodings = { "utf-8", "UTF8", "ascii", "latin-1", "Latin_1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf_32_be", "u8" };
    private static readonly string[] Handlers = { "strict", "ignore", "replace", "surrogateescape", "surrogatepass", "backslashreplace", "xmlcharrefreplace", "bogus" };

    [Test]
    public void EncodeMatchesCPython()
    {
        var rng = new Random(31);
        var cases = new List<string[]>();
        for (int i = 0; i < 6000; i++)
        {
            string s = RandomText(rng, 6);
            if (rng.Next(3) == 0) s += "\udcff\udc80"[rng.Next(2)];
            // A .NET string cannot keep a high and a following low surrogate apart.
            if (s.Contains("\ud83d\udc00") || s.Contains("\ud800\udc00")) continue;
            cases.Add(new[] { Enc(s), Encodings[rng.Next(Encodings.Length)], Handlers[rng.Next(Handlers.Length)] });
        }
        var expected = Run("r = D(a[0]).encode(a[1], a[2]).hex()", cases);
        var actual = cases.Select(c => Capture(() =>
        {
            Assert.That(StrCodecs.TryEncode(Dec(c[0]), c[1], c[2], out byte[] bytes), Is.True);
            return Convert.ToHexString(bytes).ToLowerInvariant();
        })).ToArray();
        AssertSame(cases, expected, actual, c => $"{Enc(Dec(c[0]))}.encode({c[1]}, {c[2]})");
    }

    [Test]
    public void DecodeMatchesCPython()
    {
        var rng = new Random(32);
        var cases = new List<string[]>();
        byte[][] pieces =
        {
            new byte[] { 0x61 }, new byte[] { 0x00 }, new byte[] { 0x80 }, new byte[] { 0xff }, new byte[] { 0xfe }, new byte[] { 0xc3, 0xa9 },
            new byte[] { 0xe2, 0x82, 0xac }, new byte[] { 0xe2, 0x82 }, new byte[] { 0xf0, 0x9f, 0x98, 0x80 }, new byte[] { 0xf0, 0x9f },
            new byte[] { 0xed, 0xa0, 0x80 }, new byte[] { 0xed, 0xb2, 0x80 }, new byte[] { 0xc0, 0xaf }, new byte[] { 0xe0, 0x80 }, new byte[] { 0xf4, 0x90 },
            new byte[] { 0x00, 0xd8 }, new byte[] { 0x00, 0xdc }, new byte[] { 0xd8, 0x00 }, new byte[] { 0x3d, 0xd8, 0x00, 0xde }, new byte[] { 0xff, 0xfe },
            new byte[] { 0xfe, 0xff }, new byte[] { 0xff, 0xfe, 0x00, 0x00 }, new byte[] { 0x00, 0x00, 0xfe, 0xff }, new byte[] { 0x11, 0x00 }, new byte[] { 0xc2 },
        };
        for (int i = 0; i < 8000; i++)
        {
            var bytes = new List<byte>();
            for (int k = rng.Next(0, 6); k > 0; k--) bytes.AddRange(pieces[rng.Next(pieces.Length)]);
            cases.Add(new[] { Convert.ToHexString(bytes.ToArray()), Encodings[rng.Next(Encodings.Length)], Handlers[rng.Next(Handlers.Length)] });
        }
        var expected = Run("r = bytes.fromhex(a[0]).decode(a[1], a[2])", cases);
        var actual = cases.Select(c => Capture(() =>
        {
            Assert.That(StrCodecs.TryDecode(Convert.FromHexString(c[0]), c[1], c[2], out string text), Is.True);
            return text;
        })).ToArray();
        AssertSame(cases, expected, actual, c => $"bytes.fromhex('{c[0]}').decode({c[1]}, {c[2]})");
        Assert.That(StrCodecs.TryDecode(new byte[] { 1 }, "cp1252", "strict", out _), Is.False);
    }

    [Test]
    public void TranslateAndMakeTrans()
    {
        var table = StrMethods.MakeTrans("ab\U0001F600", "xyz", "c");
        StrMethods.TranslateLookup lookup = (int cp, out object? v) => table.TryGetValue(cp, out v);
        Assert.That(StrMethods.Translate("abc\U0001F600d", lookup), Is.EqualTo("xyzd"));
        StrMethods.TranslateLookup bad = (int cp, out object? v) => { v = 0x110000L; return true; };
        var e = Assert.Throws<FormatError>(() => StrMethods.Translate("a", bad))!;
        Assert.That(e.Message, Is.EqualTo("character mapping must be in range(0x110000)"));
        Assert.Throws<FormatError>(() => StrMethods.MakeTrans("ab", "x"));
        Assert.That(StrMethods.MakeTransKey("\U0001F600"), Is.EqualTo(0x1F600));
        Assert.That(StrMethods.Upper("\u00df\ufb01"), Is.EqualTo("SSFI"));
        Assert.That(StrMethods.Lower("\u0130"), Is.EqualTo("i\u0307"));
        Assert.That(StrMethods.Lower("\u039f\u03a3 \u03a3"), Is.EqualTo("\u03bf\u03c2 \u03c3"));
    }
}
