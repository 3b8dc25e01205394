using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using StacklessIron.Parsing;

namespace StacklessIron.Tests;

/// <summary>The tokenizer, source decoding and literal values against CPython 3.11's behaviour.
/// Expected errors (message, line, offset, text, end) are what CPython 3.11's ast.parse reports.</summary>
public class TokenizerTests
{
    static List<Token> Tokens(string src)
    {
        var tok = new Tokenizer(src, "<test>");
        var list = new List<Token>();
        while (true)
        {
            var t = tok.Next();
            list.Add(t);
            if (t.Kind == TokenKind.EndMarker) return list;
        }
    }

    static string Stream(string src) => string.Join(" ", Tokens(src).Select(Short));

    static string Short(Token t) => t.Kind switch
    {
        TokenKind.Newline => "NL",
        TokenKind.Indent => "IN",
        TokenKind.Dedent => "DE",
        TokenKind.EndMarker => "END",
        _ => t.Text,
    };

    static PythonSyntaxError ErrorOf(string src, bool convert = true)
    {
        var tok = new Tokenizer(src, "<unknown>") { ConvertOffsetsToChars = convert };
        try
        {
            while (tok.Next().Kind != TokenKind.EndMarker) { }
        }
        catch (PythonSyntaxError e)
        {
            return e;
        }
        throw new AssertionException("no error for " + src);
    }

    // ---- token streams ---------------------------------------------------------------------------

    [Test]
    public void SimpleStatementPositions()
    {
        var t = Tokens("x = 1\n");
        Assert.That(t.Select(x => x.ToString()), Is.EqualTo(new[]
        {
            "Name 'x' 1:0-1:1", "Op '=' 1:2-1:3", "Number '1' 1:4-1:5", "Newline '' 1:5-1:5", "EndMarker '' 1:-1-1:-1",
        }));
    }

    [Test]
    public void MissingFinalNewlineIsSynthesised()
    {
        Assert.That(Stream("x = 1"), Is.EqualTo("x = 1 NL END"));
        Assert.That(Stream(""), Is.EqualTo("END"));
        Assert.That(Stream("# only a comment"), Is.EqualTo("END"));
    }

    [Test]
    public void IndentDedentAndBlankLines()
    {
        string src = "if x:\n    a\n\n    # comment\n        # deeper comment\n    b\nc\n";
        Assert.That(Stream(src), Is.EqualTo("if x : NL IN a NL b NL DE c NL END"));
        var dedent = Tokens(src).First(t => t.Kind == TokenKind.Dedent);
        Assert.That((dedent.Line, dedent.Col), Is.EqualTo((7, -1)));
    }

    [Test]
    public void DedentsAtEndOfFile()
    {
        Assert.That(Stream("if a:\n  if b:\n    c"), Is.EqualTo("if a : NL IN if b : NL IN c NL DE DE END"));
    }

    [Test]
    public void NewlineAfterCommentStartsAtTheComment()
    {
        var nl = Tokens("x = 1  # note\n").First(t => t.Kind == TokenKind.Newline);
        Assert.That((nl.Col, nl.EndCol), Is.EqualTo((7, 13)));
    }

    [Test]
    public void ImplicitAndExplicitLineJoining()
    {
        Assert.That(Stream("x = (1,\n     2)\ny = 1 + \\\n  2\n"), Is.EqualTo("x = ( 1 , 2 ) NL y = 1 + 2 NL END"));
        // the first backslash on an indentation line decides its indentation (CPython: "unexpected indent")
        Assert.That(Stream("if 1:\n  x\n    \\\n  y\n"), Is.EqualTo("if 1 : NL IN x NL IN y NL DE DE END"));
    }

    [Test]
    public void FormFeedResetsIndentation()
    {
        Assert.That(Stream("x = 1\n\fy = 2\n"), Is.EqualTo("x = 1 NL y = 2 NL END"));
        Assert.That(Stream("if 1:\n  \f  x\n  y\n"), Is.EqualTo("if 1 : NL IN x NL y NL DE END"));
    }

    [Test]
    public void AllOperators()
    {
        string ops = "-> := **= //= >>= <<= @= ... != <> == <= >= ** // << >> += -= *= /= %= &= |= ^= ( ) [ ] { } , : ; . + - * / % & | ^ ~ < > = @";
        var toks = Tokens(ops).Where(t => t.Kind == TokenKind.Op).Select(t => t.Text);
        Assert.That(string.Join(" ", toks), Is.EqualTo(ops));
        Assert.That(Stream("a.b...c"), Is.EqualTo("a . b ... c NL END"));
        Assert.That(Stream("x ! y $ z ? `"), Is.EqualTo("x ! y $ z ? ` NL END"));
    }

    [Test]
    public void Numbers()
    {
        string src = "0 00 0_0 123 1_000 0x1F 0XdeadBEEF 0o17 0b1010 0b_1 1.5 1. .5 1e10 1E-5 1.5e+3j 10j 0j 00.5 09.5 0e0 1_0.0_1e1_0J";
        var toks = Tokens(src).Where(t => t.Kind == TokenKind.Number).Select(t => t.Text);
        Assert.That(string.Join(" ", toks), Is.EqualTo(src));
        Assert.That(Stream("1if x else 2"), Is.EqualTo("1 if x else 2 NL END"));
        Assert.That(Stream("0x1for"), Is.EqualTo("0x1f or NL END"));
        Assert.That(Stream("1é"), Is.EqualTo("1 é NL END"));
    }

    [Test]
    public void NumberFollowedByKeywordWarns()
    {
        var tok = new Tokenizer("1if x else 2\n", "<test>");
        while (tok.Next().Kind != TokenKind.EndMarker) { }
        Assert.That(tok.Warnings.Select(w => (w.Category, w.Message, w.Line)), Is.EqualTo(new[] { ("SyntaxWarning", "invalid decimal literal", 1) }));
    }

    [Test]
    public void StringsAndPrefixes()
    {
        string src = "'a' \"b\" '''c''' \"\"\"d\"\"\" r'e' u'f' b'g' br'h' rb'i' Rb'j' bR'k' f'l' fr'm' Rf'n' F'o' '' \"\"\"\"\"\" 'x\\'y'";
        var toks = Tokens(src).Where(t => t.Kind == TokenKind.String).Select(t => t.Text);
        Assert.That(string.Join(" ", toks), Is.EqualTo(src));
        // ur, bu and friends are a name followed by a string
        Assert.That(Stream("ur'x'"), Is.EqualTo("ur 'x' NL END"));
        Assert.That(Stream("bu'x'"), Is.EqualTo("bu 'x' NL END"));
    }

    [Test]
    public void MultiLineStringPositions()
    {
        var s = Tokens("x = '''a\nbc''' + 'd\\\ne'\n").Where(t => t.Kind == TokenKind.String).ToList();
        Assert.That(s[0].ToString(), Is.EqualTo("String ''''a\nbc'''' 1:4-2:5"));
        Assert.That(s[1].ToString(), Is.EqualTo("String ''d\\\ne'' 2:8-3:2"));
    }

    [Test]
    public void ColumnsAreUtf8Bytes()
    {
        var t = Tokens("é = '€' + 𝔘\n");
        Assert.That(t[0].ToString(), Is.EqualTo("Name 'é' 1:0-1:2"));
        Assert.That(t[1].ToString(), Is.EqualTo("Op '=' 1:3-1:4"));
        Assert.That(t[2].ToString(), Is.EqualTo("String ''€'' 1:5-1:10"));
        Assert.That(t[4].ToString(), Is.EqualTo("Name '𝔘' 1:13-1:17"));
    }

    [Test, CancelAfter(20000)]
    public void LongNonAsciiLineTakesLinearTime()
    {
        string src = "x = " + string.Join(" + ", Enumerable.Repeat("é", 200000)) + "\n";
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var last = Tokens(src)[^3];
        Assert.That((last.Text, last.Col), Is.EqualTo(("é", 4 + 199999 * 5)));
        Assert.That(sw.ElapsedMilliseconds, Is.LessThan(5000));
    }

    [Test]
    public void UnicodeIdentifiers()
    {
        Assert.That(Stream("été = ℘ + a·b + x󠄀"), Is.EqualTo("été = ℘ + a·b + x󠄀 NL END"));
        Assert.That(Tokenizer.NormalizeIdentifier("ｆｏｏ"), Is.EqualTo("foo"));
        Assert.That(Tokenizer.NormalizeIdentifier("ℌ"), Is.EqualTo("H"));
        Assert.That(Tokenizer.NormalizeIdentifier("plain"), Is.SameAs("plain"));
        Assert.That(Tokenizer.NormalizeIdentifier("µ𝔘𝔫𝔦𝔠𝔬𝔡𝔢"), Is.EqualTo("μUnicode"));
        Assert.That(Tokenizer.NormalizeIdentifier("e\u0301\u1100\u1161\u11a8ﬁ"), Is.EqualTo("é각fi"));
        Assert.That(Tokenizer.NormalizeIdentifier("a\u0323\u0302"), Is.EqualTo("ậ"));
    }

    [Test]
    public void NewlinesAreTranslated()
    {
        Assert.That(Stream("x = 1\r\ny = 2\rz = 3"), Is.EqualTo("x = 1 NL y = 2 NL z = 3 NL END"));
        var tok = new Tokenizer("if x:\r\n", "<t>");
        Assert.That(tok.LineCount, Is.EqualTo(2), "CPython adds a blank line after a final \\r\\n");
        Assert.That(tok.LineText(1), Is.EqualTo("if x:\n"));
    }

    [Test]
    public void AsyncAndAwaitAreNames()
    {
        var t = Tokens("async def f(): await x\n");
        Assert.That(t[0].Kind, Is.EqualTo(TokenKind.Name));
        Assert.That(t[6].IsName("await"), Is.True);
    }

    [Test]
    public void BracketStackIsExposed()
    {
        var tok = new Tokenizer("x = [a, (b,\n  {c", "<t>");
        for (int i = 0; i < 9; i++) tok.Next();
        Assert.That(tok.ParenLevel, Is.EqualTo(3));
        Assert.That(tok.OpenBrackets.Select(b => (b.Char, b.Line, b.Col)), Is.EqualTo(new[] { ('[', 1, 4), ('(', 1, 8), ('{', 2, 2) }));
    }

    [Test]
    public void FStringSubTokenizerShiftsFirstLine()
    {
        var tok = new Tokenizer("(a +\nb)", "<t>", 3, 10);
        var a = tok.Next();
        a = tok.Next();
        Assert.That((a.Text, a.Line, a.Col, a.EndCol), Is.EqualTo(("a", 3, 11, 12)));
        tok.Next();
        var b = tok.Next();
        Assert.That((b.Text, b.Line, b.Col, b.EndCol), Is.EqualTo(("b", 4, 0, 1)));
    }

    [Test]
    public void ErrorLineTextFollowsCPython()
    {
        var tok = new Tokenizer("a\nb\nc\n", "<t>");
        tok.Next(); tok.Next(); tok.Next();  // a NEWLINE b
        Assert.That(tok.CursorLine, Is.EqualTo(2));
        Assert.That(tok.ErrorLineText(1), Is.EqualTo("a"));
        Assert.That(tok.ErrorLineText(2), Is.EqualTo("b\n"));
    }

    // ---- errors (CPython 3.11's ast.parse: type, msg, lineno, offset, text, end_lineno, end_offset) ----

    [TestCase("if x:\n        a\n    b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 6, "    b\n", 3, -1)]
    [TestCase("if x:\n\ta\n        b\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, "        b\n", 3, 0)]
    [TestCase("if 1:\n\tx\n        y\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, "        y\n", 3, 0)]
    [TestCase("x = \\", "SyntaxError", "unexpected EOF while parsing", 1, 6, "x = \\\n", 1, -1)]
    [TestCase("x = 1 \\ 2", "SyntaxError", "unexpected character after line continuation character", 1, 8, "x = 1 \\ 2\n", 1, 0)]
    [TestCase("x = \\ \n", "SyntaxError", "unexpected character after line continuation character", 1, 6, "x = \\ \n", 1, 0)]
    [TestCase("0x", "SyntaxError", "invalid hexadecimal literal", 1, 2, "0x", 1, 2)]
    [TestCase("0xg", "SyntaxError", "invalid hexadecimal literal", 1, 2, "0xg", 1, 2)]
    [TestCase("1_", "SyntaxError", "invalid decimal literal", 1, 2, "1_", 1, 2)]
    [TestCase("1__0", "SyntaxError", "invalid decimal literal", 1, 2, "1__0", 1, 2)]
    [TestCase("1abc", "SyntaxError", "invalid decimal literal", 1, 1, "1abc", 1, 1)]
    [TestCase("1e", "SyntaxError", "invalid decimal literal", 1, 1, "1e", 1, 1)]
    [TestCase("1e+", "SyntaxError", "invalid decimal literal", 1, 3, "1e+", 1, 3)]
    [TestCase("1jx", "SyntaxError", "invalid imaginary literal", 1, 2, "1jx", 1, 2)]
    [TestCase("012", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, "012", 1, 2)]
    [TestCase("é = 012", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 6, "é = 012", 1, 7)]
    [TestCase("0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 3, "0o8", 1, 3)]
    [TestCase("0o", "SyntaxError", "invalid octal literal", 1, 2, "0o", 1, 2)]
    [TestCase("0o7a", "SyntaxError", "invalid octal literal", 1, 3, "0o7a", 1, 3)]
    [TestCase("0b2", "SyntaxError", "invalid digit '2' in binary literal", 1, 3, "0b2", 1, 3)]
    [TestCase("0b", "SyntaxError", "invalid binary literal", 1, 2, "0b", 1, 2)]
    [TestCase("'abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 1, "'abc", 1, 1)]
    [TestCase("a = 'é\nb", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, "a = 'é", 1, 5)]
    [TestCase("'''abc\n\nd", "SyntaxError", "unterminated triple-quoted string literal (detected at line 3)", 1, 1, "'''abc", 1, 1)]
    [TestCase("x = '''\nabc", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, "x = '''", 1, 5)]
    [TestCase("€", "SyntaxError", "invalid character '€' (U+20AC)", 1, 1, "€", 1, 1)]
    [TestCase("é€ = 1", "SyntaxError", "invalid character '€' (U+20AC)", 1, 2, "é€ = 1", 1, 2)]
    [TestCase("a\u00a0b", "SyntaxError", "invalid non-printable character U+00A0", 1, 2, "a\u00a0b", 1, 2)]
    [TestCase("\ufeffx = 1", "SyntaxError", "invalid non-printable character U+FEFF", 1, 1, "\ufeffx = 1", 1, 1)]
    [TestCase("(]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 2, "(]", 1, 2)]
    [TestCase("(\n]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1, "]", 2, 1)]
    [TestCase(")", "SyntaxError", "unmatched ')'", 1, 1, ")", 1, 1)]
    [TestCase("x = (1,", "SyntaxError", "'(' was never closed", 1, 5, "x = (1,\n", 1, 0)]
    [TestCase("x = (1,\n\n", "SyntaxError", "'(' was never closed", 1, 5, "x = (1,", 1, 0)]
    [TestCase("x = [1,\n2,\n3", "SyntaxError", "'[' was never closed", 1, 5, "x = [1,", 1, 0)]
    // a token spanning lines makes CPython's error text start at its first line (tok->buf)
    [TestCase("x = \"\"\"a\nb\"\"\" + é\\ 1", "SyntaxError", "unexpected character after line continuation character", 2, 19, "x = \"\"\"a\nb\"\"\" + é\\ 1\n", 2, 0)]
    [TestCase("x = \"\"\"é\nb\"\"\" + (", "SyntaxError", "'(' was never closed", 2, 8, "x = \"\"\"é\nb\"\"\" + (\n", 2, 0)]
    [TestCase("x = 1 + \\\n  (", "SyntaxError", "'(' was never closed", 2, 3, "x = 1 + \\\n  (\n", 2, 0)]
    public void TokenizerErrors(string src, string kind, string msg, int line, int offset, string? text, int endLine, int endOffset)
    {
        var e = ErrorOf(src);
        Assert.That((e.Kind, e.Msg, e.Lineno, e.Offset, e.Text, e.EndLineno, e.EndOffset),
            Is.EqualTo((kind, msg, line, offset, text, endLine, endOffset)));
    }

    [Test]
    public void NonPrintableAsciiCharacter()
    {
        // (not a TestCase: test adapters drop cases whose names hold control characters)
        var e = ErrorOf("a\u0001b");
        Assert.That((e.Kind, e.Msg, e.Lineno, e.Offset, e.Text, e.EndLineno, e.EndOffset),
            Is.EqualTo(("SyntaxError", "invalid non-printable character U+0001", 1, 2, "a\u0001b", 1, 2)));
        e = ErrorOf("x = 1\n\u000bx");
        Assert.That((e.Msg, e.Lineno, e.Offset), Is.EqualTo(("invalid non-printable character U+000B", 2, 1)));
    }

    [Test]
    public void TooManyNestedParentheses()
    {
        Assert.DoesNotThrow(() => Tokens(new string('(', 200) + new string(')', 200)));
        var e = ErrorOf(new string('(', 201) + new string(')', 201));
        Assert.That((e.Msg, e.Lineno, e.Offset), Is.EqualTo(("too many nested parentheses", 1, 201)));
    }

    [Test]
    public void TooManyLevelsOfIndentation()
    {
        string Nest(int n) => string.Join("\n", Enumerable.Range(0, n).Select(i => new string(' ', i) + "if 1:")) + "\n" + new string(' ', n) + "x\n";
        Assert.DoesNotThrow(() => Tokens(Nest(99)));
        var e = ErrorOf(Nest(100));
        Assert.That((e.Kind, e.Msg, e.Lineno, e.Offset, e.EndOffset), Is.EqualTo(("IndentationError", "too many levels of indentation", 101, 1, 0)));
    }

    [Test]
    public void NullBytesAreRejected()
    {
        var e = Assert.Throws<PythonSyntaxError>(() => new Tokenizer("a\0b", "<t>"));
        Assert.That(e!.Msg, Is.EqualTo("source code string cannot contain null bytes"));
    }

    [Test]
    public void ErrorDoneCodes()
    {
        var tok = new Tokenizer("if x:\n        a\n    b\n", "<t>");
        Assert.Throws<PythonSyntaxError>(() => { while (tok.Next().Kind != TokenKind.EndMarker) { } });
        Assert.That(tok.Done, Is.EqualTo(Tokenizer.ErrorCode.Dedent));
        tok = new Tokenizer("x = (", "<t>");
        Assert.Throws<PythonSyntaxError>(() => { while (tok.Next().Kind != TokenKind.EndMarker) { } });
        Assert.That(tok.Done, Is.EqualTo(Tokenizer.ErrorCode.Eof));
        tok = new Tokenizer("0x", "<t>");
        Assert.Throws<PythonSyntaxError>(() => tok.Next());
        Assert.That(tok.Done, Is.EqualTo(Tokenizer.ErrorCode.Raised));
    }

    // ---- source decoding -------------------------------------------------------------------------

    static byte[] B(string latin1) => Encoding.Latin1.GetBytes(latin1);

    [Test]
    public void DecodeUtf8AndBom()
    {
        Assert.That(SourceDecoding.Decode(Encoding.UTF8.GetBytes("é = 1\n"), "f"), Is.EqualTo("é = 1\n"));
        Assert.That(SourceDecoding.Decode(B("\xef\xbb\xbfx = 1\n"), "f", out var enc), Is.EqualTo("x = 1\n"));
        Assert.That(enc, Is.EqualTo("utf-8"));
        SourceDecoding.Decode(B("x = 1\n"), "f", out enc);
        Assert.That(enc, Is.Null);
    }

    [Test]
    public void DecodeCodingCookies()
    {
        Assert.That(SourceDecoding.Decode(B("# -*- coding: latin-1 -*-\nx = '\xe9'\n"), "f"), Is.EqualTo("# -*- coding: latin-1 -*-\nx = 'é'\n"));
        Assert.That(SourceDecoding.Decode(B("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nx = '\xa4'\n"), "f"), Does.EndWith("x = '€'\n"));
        Assert.That(SourceDecoding.Decode(B("# coding: cp1252\nx = '\x80'\n"), "f"), Does.EndWith("x = '€'\n"));
        // from test_source_encoding
        Assert.That(SourceDecoding.Decode(B("# coding: cp932\nprint '\x94\x4e'"), "f"), Does.EndWith("print '年'\n"));
        Assert.That(SourceDecoding.Decode(B("# coding: cp949\na = \"\xaa\xa7\"\n"), "f"), Does.EndWith("a = \"\u3047\"\n"));
        Assert.That(SourceDecoding.Decode(B("\n# coding: utf-8\nu = '\xc3\xb3'\n"), "f"), Does.EndWith("u = '\u00f3'\n"));
        Assert.That(SourceDecoding.Decode(B("# coding: euc-jp\nx = '\xc6\xfc'\n"), "f"), Does.EndWith("x = '日'\n"));
        Assert.That(SourceDecoding.Decode(B("# coding: gbk\nx = '\x81\x40'\n"), "f"), Does.EndWith("x = '\u4e02'\n"));
        Assert.That(SourceDecoding.Decode(B("# coding: koi8_u\nx = '\xa4'\n"), "f"), Does.EndWith("x = '\u0454'\n"));
        // CPython translates newlines in the bytes before decoding with a declared codec
        Assert.That(SourceDecoding.Decode(B("# coding: latin-1\r\nx = '\xe9'\r\n"), "f"), Is.EqualTo("# coding: latin-1\nx = 'é'\n\n"));
        // a cookie after a line of code does not count
        Assert.That(SourceDecoding.Decode(B("x = 1\n# coding: bogus\n"), "f"), Is.EqualTo("x = 1\n# coding: bogus\n"));
        Assert.That(SourceDecoding.Decode(B("\xef\xbb\xbf# coding: utf-8\nx=1\n"), "f"), Is.EqualTo("# coding: utf-8\nx=1\n"));
    }

    [TestCase("2320636f64696e673a20666f6f0a783d31", "unknown encoding: foo")]
    [TestCase("0a2320636f64696e673a20666f6f0a", "unknown encoding: foo")]
    [TestCase("092320636f64696e673a20626f6775730a", "unknown encoding: bogus")]
    [TestCase("efbbbf2320636f64696e673a206c6174696e2d310a783d31", "encoding problem: iso-8859-1 with BOM")]
    [TestCase("efbbbf23636f64696e673a20757466380a783d31", "encoding problem: utf8 with BOM")]
    [TestCase("2320636f64696e673a2061736369690a78203d2027e9270a", "'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)")]
    [TestCase("2320636f64696e673a2061736369690ae29883", "'ascii' codec can't decode byte 0xe2 in position 16: ordinal not in range(128)")]
    [TestCase("efbbbf23202d2a2d20636f64696e673a2066616b65202d2a2d0a", "encoding problem: fake with BOM")]
    [TestCase("2320636f64696e673a206370313235320a78203d202781270a", "'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>")]
    [TestCase("2320636f64696e673a20757466380a78203d2031202320ff0a", "'utf-8' codec can't decode byte 0xff in position 23: invalid start byte")]
    [TestCase("2320636f64696e673a2061736369690d0a78203d20310d0a80", "'ascii' codec can't decode byte 0x80 in position 22: ordinal not in range(128)")]
    public void DecodeErrors(string hex, string msg)
    {
        var e = Assert.Throws<PythonSyntaxError>(() => SourceDecoding.Decode(Convert.FromHexString(hex), "f"));
        Assert.That((e!.Msg, e.Lineno, e.Offset, e.Text), Is.EqualTo((msg, 0, -1, (string?)null)));
    }

    [Test]
    public void InvalidUtf8IsReportedWhereCPythonDecodes()
    {
        // in a comment: fine
        Assert.DoesNotThrow(() => Tokens(SourceDecoding.Decode(B("x = 1 # \xe9\n"), "f")));
        // in a name: the tokenizer reports it
        var tok = new Tokenizer(SourceDecoding.Decode(B("\xc3\xa9\xff = 1"), "f"), "f") { ConvertOffsetsToChars = false };
        var e = Assert.Throws<PythonSyntaxError>(() => tok.Next());
        Assert.That((e!.Msg, e.Lineno, e.Offset, e.Text, e.EndOffset),
            Is.EqualTo(("(unicode error) 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte", 1, 3, "é\ufffd = 1\n", -1)));
        // in a string: the literal's decoding reports it
        var s = Tokens(SourceDecoding.Decode(B("x = 'ab\u00e9cd'"), "f"))[2];
        var e2 = Assert.Throws<PythonSyntaxError>(() => StringLiterals.Decode(s, "f"));
        Assert.That(e2!.Msg, Is.EqualTo("(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 2: invalid continuation byte"));
        s = Tokens(SourceDecoding.Decode(B("x = '\\n\xe2\x82'"), "f"))[2];
        e2 = Assert.Throws<PythonSyntaxError>(() => StringLiterals.Decode(s, "f"));
        Assert.That(e2!.Msg, Is.EqualTo("(unicode error) 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"));
    }

    /// <summary>As ast.parse(bytes): offsets stay in bytes unless a BOM or cookie declares the encoding.</summary>
    static PythonSyntaxError ErrorOfBytes(byte[] source)
    {
        string text = SourceDecoding.Decode(source, "<unknown>", out var enc);
        return ErrorOf(text, convert: enc != null);
    }

    [TestCase("6120f09f92bb", "invalid character '💻' (U+1F4BB)", 1, 3, "a 💻", 1, 3)]
    [TestCase("e18041", "(unicode error) 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte", 1, 3, "\ufffdA\n", 1, -1)]
    [TestCase("62ddadf3be", "(unicode error) 'utf-8' codec can't decode bytes in position 3-4: unexpected end of data", 1, 5, "b\u076d\ufffd\n", 1, -1)]
    [TestCase("5cd09f", "unexpected character after line continuation character", 1, 2, "\\П\n", 1, 0)]
    [TestCase("23636f64696e673a7574662d380ac3a9203d205c2031", "unexpected character after line continuation character", 2, 6, "é = \\ 1\n", 2, 0)]
    public void BytesInputErrors(string hex, string msg, int line, int offset, string text, int endLine, int endOffset)
    {
        var e = ErrorOfBytes(Convert.FromHexString(hex));
        Assert.That((e.Msg, e.Lineno, e.Offset, e.Text, e.EndLineno, e.EndOffset), Is.EqualTo((msg, line, offset, text, endLine, endOffset)));
    }

    [Test]
    public void ParserOffsetsFollowTheDeclaredEncoding()
    {
        // "'(' was never closed" is located by CPython's parser: bytes unless the encoding is known.
        string src = SourceDecoding.Decode(Encoding.UTF8.GetBytes("é = ("), "f", out var enc);
        Assert.That(enc, Is.Null);
        Assert.That(ErrorOf(src, convert: false).Offset, Is.EqualTo(6));
        Assert.That(ErrorOf(src, convert: true).Offset, Is.EqualTo(5));
    }

    // ---- literal values --------------------------------------------------------------------------

    static object Literal(string src)
    {
        var t = Tokens(src)[0];
        Assert.That(t.Kind, Is.EqualTo(TokenKind.String));
        return StringLiterals.Decode(t, "<test>");
    }

    [TestCase(@"'a\nb\tc\\d\'e\""'", "a\nb\tc\\d'e\"")]
    [TestCase(@"'\a\b\f\v\r\0\7\101\x41\u0041\U00000041'", "\a\b\f\v\r\0\u0007AAAA")]
    [TestCase(@"'\N{LATIN SMALL LETTER E WITH ACUTE}\N{bullet}\N{LF}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GAG}'", "é•\n一각")]
    [TestCase(@"'\U0001F40D'", "🐍")]
    [TestCase(@"'\d\w'", @"\d\w")]
    [TestCase(@"r'\n\x'", @"\n\x")]
    [TestCase("'a\\\nb'", "ab")]
    [TestCase("'''a\nb'''", "a\nb")]
    [TestCase(@"u'\u00e9'", "é")]
    [TestCase(@"'\777'", "\u01ff")]
    [TestCase(@"'\é'", @"\é")]
    [TestCase("''", "")]
    public void StrValues(string src, string expected)
    {
        Assert.That(Literal(src), Is.EqualTo(expected));
    }

    [TestCase(@"b'a\x00\xff\n'", new byte[] { 97, 0, 255, 10 })]
    [TestCase(@"br'\x00'", new byte[] { 92, 120, 48, 48 })]
    [TestCase(@"b'\777\q'", new byte[] { 255, 92, 113 })]
    public void BytesValues(string src, byte[] expected)
    {
        Assert.That(Literal(src), Is.EqualTo(expected));
    }

    [TestCase(@"'\x'", @"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape")]
    [TestCase(@"'ab\x4'", @"(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \xXX escape")]
    [TestCase(@"'\u12'", @"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape")]
    [TestCase(@"'\U1234'", @"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: truncated \UXXXXXXXX escape")]
    [TestCase(@"'\U00110000'", @"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character")]
    [TestCase(@"'\N{NO SUCH NAME}'", @"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name")]
    [TestCase(@"'\N'", @"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape")]
    [TestCase(@"'\N{'", @"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \N character escape")]
    [TestCase(@"'é\x'", @"(unicode error) 'unicodeescape' codec can't decode bytes in position 10-11: truncated \xXX escape")]
    [TestCase(@"b'\x4'", @"(value error) invalid \x escape at position 0")]
    [TestCase("b'é'", "bytes can only contain ASCII literal characters")]
    public void LiteralErrors(string src, string msg)
    {
        var e = Assert.Throws<PythonSyntaxError>(() => Literal(src));
        Assert.That(e!.Msg, Is.EqualTo(msg));
    }

    [Test]
    public void FStringPiecesUseTheEscapeDecoder()
    {
        // CPython decodes f-string literal parts with escapes always: invalid UTF-8 is reported
        // relative to its run of non-ASCII bytes (a plain literal counts from the body's start).
        var tok = Tokens(SourceDecoding.Decode(B("f'ab\u00e9cd'"), "f"))[0];
        var e = Assert.Throws<PythonSyntaxError>(() => StringLiterals.DecodeStr("ab\udce9cd", false, tok, "f"));
        Assert.That(e!.Msg, Is.EqualTo("(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data"));
        Assert.That(StringLiterals.DecodeStr(@"a\tb{", false, tok, "f"), Is.EqualTo("a\tb{"));
        Assert.That(StringLiterals.DecodeStr(@"a\tb", true, tok, "f"), Is.EqualTo(@"a\tb"));
    }

    [Test]
    public void InvalidEscapesWarnOnce()
    {
        var warnings = new List<Tokenizer.TokenWarning>();
        StringLiterals.Decode(Tokens(@"'\d\q'")[0], "<t>", warnings);
        StringLiterals.Decode(Tokens(@"b'\400'")[0], "<t>", warnings);
        Assert.That(warnings.Select(w => (w.Category, w.Message)), Is.EqualTo(new[]
        {
            ("DeprecationWarning", @"invalid escape sequence '\d'"),
            ("DeprecationWarning", @"invalid octal escape sequence '\400'"),
        }));
    }

    // ---- the standard library --------------------------------------------------------------------

    /// <summary>Files of /usr/lib/python3.11 that CPython 3.11 itself refuses to tokenize, with
    /// the error its ast.parse reports (msg, lineno, offset).</summary>
    static readonly Dictionary<string, (string Msg, int Line, int Offset)> RejectedByCPython = new()
    {
        ["lib2to3/tests/data/py2_test_grammar.py"] = ("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 31, 27),
        ["test/bad_coding.py"] = ("unknown encoding: uft-8", 0, -1),
        ["test/bad_coding2.py"] = ("encoding problem: utf8 with BOM", 0, -1),
        ["test/badsyntax_3131.py"] = ("invalid character '€' (U+20AC)", 2, 1),
    };

    [Test]
    public void TokenizesTheWholeStandardLibrary()
    {
        const string root = "/usr/lib/python3.11";
        if (!Directory.Exists(root)) Assert.Ignore("no CPython 3.11 standard library here");
        var unexpected = new List<string>();
        int files = 0, literals = 0;
        var rejected = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories))
        {
            files++;
            string rel = Path.GetRelativePath(root, path);
            try
            {
                var tok = new Tokenizer(SourceDecoding.Decode(File.ReadAllBytes(path), path), path);
                Token t;
                while ((t = tok.Next()).Kind != TokenKind.EndMarker)
                {
                    if (t.Kind != TokenKind.String || IsFString(t.Text)) continue;
                    literals++;
                    try { StringLiterals.Decode(t, path); }
                    catch (PythonSyntaxError e) when (rel == "test/badsyntax_pep3120.py") { _ = e; }
                }
            }
            catch (PythonSyntaxError e)
            {
                rejected.Add(rel);
                if (!RejectedByCPython.TryGetValue(rel, out var expected) || expected != (e.Msg, e.Lineno, e.Offset))
                    unexpected.Add($"{rel}: {e.Msg} ({e.Lineno}, {e.Offset})");
            }
            catch (Exception e)
            {
                unexpected.Add($"{rel}: CRASH {e}");
            }
        }
        Assert.That(files, Is.GreaterThan(1000));
        Assert.That(literals, Is.GreaterThan(100000));
        Assert.That(unexpected, Is.Empty);
        Assert.That(rejected.OrderBy(x => x), Is.EqualTo(RejectedByCPython.Keys.OrderBy(x => x)));
    }

    static bool IsFString(string text)
    {
        foreach (char c in text)
        {
            if (c == '\'' || c == '"') return false;
            if (c == 'f' || c == 'F') return true;
        }
        return false;
    }
}
