#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Parsing;

// Literals: implicit concatenation of STRING tokens (plain, bytes and f-strings) and NUMBER values.
internal sealed partial class Parser
{
    // strings (memo): STRING+
    ExprNode? Strings()
    {
        if (Memo(M_STRINGS, out ExprNode? memo)) return memo;
        int m = _pos;
        while (Peek() == STRING) _pos++;
        if (_pos == m) return Save<ExprNode>(M_STRINGS, m, null);
        return Save(M_STRINGS, m, ConcatenateStrings(m, _pos));
    }

    /// <summary>_PyPegen_concatenate_strings: one Constant (str or bytes) or a JoinedStr for the
    /// tokens [first, end). Every part takes the position of the whole concatenation.</summary>
    ExprNode ConcatenateStrings(int first, int end)
    {
        var firstTok = _toks[first];
        var lastTok = _toks[end - 1];
        bool bytesMode = false;
        List<byte>? bytes = null;
        var fs = new FStringParser(this, firstTok, lastTok);
        for (int i = first; i < end; i++)
        {
            var t = _toks[i];
            ParsePrefix(t.Text, out bool isBytes, out bool isRaw, out bool isF, out int bodyStart, out int bodyLen);
            if (i != first && bytesMode != isBytes) throw RaiseSyntax("cannot mix bytes and nonbytes literals");
            bytesMode = isBytes;
            if (isF)
            {
                fs.ConcatFString(t, bodyStart, bodyLen, isRaw);
            }
            else
            {
                object v;
                try { v = StringLiterals.Decode(t, _filename); }
                catch (PythonSyntaxError e) when (e.Kind == "SyntaxError")
                {
                    // "bytes can only contain ASCII literal characters" is located at the token;
                    // decoding errors ("(unicode error) ...") at the last token fetched.
                    if (e.Msg.StartsWith("bytes can only", StringComparison.Ordinal)) throw RaiseAt(t, e.Msg);
                    throw RaiseSyntax(e.Msg);
                }
                if (isBytes)
                {
                    bytes ??= new List<byte>();
                    bytes.AddRange((byte[])v);
                }
                else fs.AddLiteral((string)v);
            }
        }
        if (bytesMode)
        {
            var c = new Constant { value = (bytes ?? new List<byte>()).ToArray() };
            c.lineno = firstTok.Line; c.col_offset = firstTok.Col; c.end_lineno = lastTok.EndLine; c.end_col_offset = lastTok.EndCol;
            return c;
        }
        return fs.Finish(firstTok, lastTok);
    }

    /// <summary>Splits a STRING token's text into its prefix flags and the body between the quotes.</summary>
    internal static void ParsePrefix(string text, out bool isBytes, out bool isRaw, out bool isF, out int bodyStart, out int bodyLen)
    {
        isBytes = isRaw = isF = false;
        int i = 0;
        while (i < text.Length && text[i] != '\'' && text[i] != '"')
        {
            switch (text[i])
            {
                case 'b': case 'B': isBytes = true; break;
                case 'r': case 'R': isRaw = true; break;
                case 'f': case 'F': isF = true; break;
            }
            i++;
        }
        char q = text[i];
        int qlen = text.Length - i >= 6 && text[i + 1] == q && text[i + 2] == q ? 3 : 1;
        bodyStart = i + qlen;
        bodyLen = text.Length - bodyStart - qlen;
    }

    internal Token LastFetched => _toks[_fill - 1];
    internal string Filename => _filename;
    internal PythonSyntaxError RaiseAtLastToken(string msg) => RaiseSyntax(msg);

    /// <summary>Escapes of an f-string literal piece; a decoding error is raised, as CPython's
    /// RAISE_SYNTAX_ERROR does, at the last token fetched.</summary>
    internal string DecodeFStringPiece(string piece, Token t)
    {
        try { return StringLiterals.DecodeStr(piece, false, t, _filename); }
        catch (PythonSyntaxError e) when (e.Kind == "SyntaxError") { throw RaiseSyntax(e.Msg); }
    }

    /// <summary>Parses one f-string replacement field expression ("(" + text + ")") with a
    /// sub-parser whose tokens are shifted to the field's place in the source.</summary>
    internal ExprNode ParseFStringExpression(string exprText, int startLine, int startCol)
    {
        var tok = new Tokenizer("(" + exprText + ")", _filename, startLine, startCol);
        var sub = new Parser(tok, _filename, Mode.FString, this);
        sub._fstringStartLine = startLine;
        sub._fstringStartCol = startCol;
        return sub.Run(sub.FStringRule);
    }

    int _fstringStartLine, _fstringStartCol;

    // ---------------------------------------------------------------- numbers

    /// <summary>The value of a NUMBER token: BigInteger, double or Complex (imaginary).</summary>
    internal static object ParseNumber(string text)
    {
        string s = text.IndexOf('_') >= 0 ? text.Replace("_", "") : text;
        char last = s[^1];
        if (last == 'j' || last == 'J')
            return new Complex(0, ParseFloat(s.Substring(0, s.Length - 1)));
        if (s.Length > 1 && s[0] == '0' && (s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B'))
        {
            int radix = s[1] is 'x' or 'X' ? 16 : s[1] is 'o' or 'O' ? 8 : 2;
            BigInteger v = BigInteger.Zero;
            if (radix == 16 && s.Length - 2 <= 15)
                return new BigInteger(long.Parse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            for (int i = 2; i < s.Length; i++)
            {
                int d = s[i] <= '9' ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10;
                v = v * radix + d;
            }
            return v;
        }
        foreach (char ch in s)
            if (ch == '.' || ch == 'e' || ch == 'E') return ParseFloat(s);
        if (s.Length <= 18) return new BigInteger(long.Parse(s, CultureInfo.InvariantCulture));
        return BigInteger.Parse(s, CultureInfo.InvariantCulture);
    }

    static double ParseFloat(string s)
        => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
