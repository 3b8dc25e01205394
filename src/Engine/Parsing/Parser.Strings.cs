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
                List<int>? surrogateEscapes;
                try { v = StringLiterals.Decode(t, _filename, null, out surrogateEscapes); }
                catch (PythonSyntaxError e) when (e.Kind == "SyntaxError")
                {
                    // CPython 3.11.2 (the oracle) locates literal errors ("bytes can only contain
                    // ASCII literal characters", "(unicode error) ...") at the last token fetched.
                    throw RaiseSyntax(e.Msg);
                }
                if (isBytes)
                {
                    bytes ??= new List<byte>();
                    bytes.AddRange((byte[])v);
                }
                else fs.AddLiteral((string)v, surrogateEscapes);
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

    /// <summary>Escapes of an f-string literal piece (with the indices of the surrogate code points
    /// escapes made, see StringLiterals.StrValue); a decoding error is raised, as CPython's
    /// RAISE_SYNTAX_ERROR does, at the last token fetched.</summary>
    internal string DecodeFStringPiece(string piece, Token t, out List<int>? surrogateEscapes)
    {
        try { return StringLiterals.DecodeStr(piece, false, t, _filename, out surrogateEscapes); }
        catch (PythonSyntaxError e) when (e.Kind == "SyntaxError") { throw RaiseSyntax(e.Msg); }
    }

    /// <summary>Parses one f-string replacement field expression ("(" + text + ")") with a
    /// sub-parser whose tokens are shifted to the field's place in the source.</summary>
    internal ExprNode ParseFStringExpression(string exprText, int startLine, int startCol)
    {
        var tok = new Tokenizer("(" + exprText + ")", _filename, startLine, startCol);
        var sub = new Parser(tok, _filename, Mode.FString, this) { MaxIntDigits = MaxIntDigits };
        sub._fstringStartLine = startLine;
        sub._fstringStartCol = startCol;
        return sub.Run(sub.FStringRule);
    }

    int _fstringStartLine, _fstringStartCol;

    // ---------------------------------------------------------------- numbers

    /// <summary>The limit on a decimal int literal's digits (sys.get_int_max_str_digits() of
    /// the compiling engine; 0: none). A longer literal is a SyntaxError, as in CPython 3.11.</summary>
    internal int MaxIntDigits = PythonParser.DefaultMaxIntDigits;

    object NumberValue(Token t)
    {
        var v = ParseNumber(t.Text, out int decimalDigits);
        if (MaxIntDigits > 0 && decimalDigits > MaxIntDigits)
            // CPython reports it at the literal's line with no column (offset 0)
            throw RaiseLoc("SyntaxError",
                $"Exceeds the limit ({MaxIntDigits} digits) for integer string conversion: value has {decimalDigits} digits; " +
                "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", t.Line, -1, t.Line, -1);
        return v;
    }

    /// <summary>The value of a NUMBER token: BigInteger, double or Complex (imaginary);
    /// `decimalDigits` is the digit count of a decimal int literal (0 for other numbers).</summary>
    internal static object ParseNumber(string text, out int decimalDigits)
    {
        decimalDigits = 0;
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
        decimalDigits = s.Length;
        if (s.Length <= 18) return new BigInteger(long.Parse(s, CultureInfo.InvariantCulture));
        return BigInteger.Parse(s, CultureInfo.InvariantCulture);
    }

    static double ParseFloat(string s)
        => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
