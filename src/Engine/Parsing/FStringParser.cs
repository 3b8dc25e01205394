#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Parsing;

/// <summary>
/// Builds the value of an implicitly concatenated string that contains f-strings, the way
/// CPython 3.11 does it (Parser/string_parser.c): the f-string body is scanned for literal
/// text and replacement fields; each field's expression is parsed by a sub-parser over
/// "(" + text + ")" whose tokens are shifted to where the text sits in the source.
/// Literal parts and fields take the position of the whole concatenation (3.11's quirk),
/// except the trailing literal of a format spec and the spec itself, which take the
/// position of the current token.
/// </summary>
internal sealed class FStringParser
{
    readonly Parser _p;
    readonly Token _first, _last;
    readonly List<ExprNode> _exprs = new();
    StringBuilder? _lastStr;
    bool _fmode;

    const int MaxLevel = 200;

    internal FStringParser(Parser p, Token first, Token last)
    {
        _p = p; _first = first; _last = last;
    }

    /// <summary>Appends decoded literal text (empty text adds nothing).</summary>
    internal void AddLiteral(string s)
    {
        if (s.Length == 0) return;
        (_lastStr ??= new StringBuilder()).Append(s);
    }

    Constant MakeStr(Token first, Token last)
    {
        var c = new Constant { value = _lastStr!.ToString() };
        _lastStr = null;
        if (_first.Text.Length > 0 && _first.Text[0] == 'u') c.kind = "u";
        c.lineno = first.Line; c.col_offset = first.Col; c.end_lineno = last.EndLine; c.end_col_offset = last.EndCol;
        return c;
    }

    /// <summary>_PyPegen_FstringParser_Finish.</summary>
    internal ExprNode Finish(Token first, Token last)
    {
        if (!_fmode)
        {
            _lastStr ??= new StringBuilder();
            return MakeStr(first, last);
        }
        if (_lastStr != null) _exprs.Add(MakeStr(first, last));
        var j = new JoinedStr { values = new List<ExprNode>(_exprs) };
        j.lineno = first.Line; j.col_offset = first.Col; j.end_lineno = last.EndLine; j.end_col_offset = last.EndCol;
        return j;
    }

    /// <summary>Scans the body of f-string token <paramref name="t"/> (text[bodyStart..bodyStart+bodyLen]).</summary>
    internal void ConcatFString(Token t, int bodyStart, int bodyLen, bool raw)
    {
        int pos = bodyStart;
        ConcatFString(t, ref pos, bodyStart + bodyLen, raw, 0);
    }

    void ConcatFString(Token t, ref int pos, int end, bool raw, int recurseLvl)
    {
        string s = t.Text;
        _fmode = true;
        while (true)
        {
            int result = FindLiteralAndExpr(t, ref pos, end, raw, recurseLvl, out string? literal, out string? exprText, out ExprNode? expression);
            if (literal != null) AddLiteral(literal);
            if (exprText != null) AddLiteral(exprText);
            if (result == 1) continue;
            if (expression == null) break;
            if (_lastStr != null) _exprs.Add(MakeStr(_first, _last));
            _exprs.Add(expression);
        }
        if (recurseLvl == 0 && pos < end - 1) throw _p.RaiseAtLastToken("f-string: unexpected end of string");
        if (recurseLvl != 0 && (pos >= end || s[pos] != '}')) throw _p.RaiseAtLastToken("f-string: expecting '}'");
    }

    int FindLiteralAndExpr(Token t, ref int pos, int end, bool raw, int recurseLvl,
                           out string? literal, out string? exprText, out ExprNode? expression)
    {
        exprText = null; expression = null;
        int result = FindLiteral(t, ref pos, end, raw, recurseLvl, out literal);
        if (result == 1) return 1;
        if (pos >= end || t.Text[pos] == '}') return 0;
        FindExpr(t, ref pos, end, raw, recurseLvl, out exprText, out expression);
        return 0;
    }

    int FindLiteral(Token t, ref int pos, int end, bool raw, int recurseLvl, out string? literal)
    {
        string str = t.Text;
        int s = pos;
        int literalStart = s;
        int result = 0;
        literal = null;
        while (s < end)
        {
            char ch = str[s++];
            if (!raw && ch == '\\' && s < end)
            {
                ch = str[s++];
                if (ch == 'N')
                {
                    // Skip "\N{name}" so that its brace does not start a field.
                    if (s < end && str[s++] == '{')
                    {
                        while (s < end && str[s++] != '}') { }
                        continue;
                    }
                    continue;
                }
            }
            if (ch == '{' || ch == '}')
            {
                if (recurseLvl == 0)
                {
                    if (s < end && str[s] == ch)
                    {
                        pos = s + 1;
                        result = 1;
                        goto done;
                    }
                    if (ch == '}')
                    {
                        pos = s - 1;
                        throw _p.RaiseAtLastToken("f-string: single '}' is not allowed");
                    }
                }
                s--;
                break;
            }
        }
        pos = s;
    done:
        if (literalStart != s)
        {
            string piece = str.Substring(literalStart, s - literalStart);
            literal = raw ? piece : _p.DecodeFStringPiece(piece, t);
        }
        return result;
    }

    void FindExpr(Token t, ref int pos, int end, bool raw, int recurseLvl, out string? exprText, out ExprNode? expression)
    {
        string str = t.Text;
        exprText = null; expression = null;
        char quoteChar = '\0';
        int stringType = 0;
        int nestedDepth = 0;
        var parenStack = new char[MaxLevel];
        int conversion = -1;
        ExprNode? formatSpec = null;

        if (recurseLvl >= 2) throw _p.RaiseAtLastToken("f-string: expressions nested too deeply");
        pos++; // the '{'
        int exprStart = pos;
        for (; pos < end; pos++)
        {
            char ch = str[pos];
            if (ch == '\\') throw _p.RaiseAtLastToken("f-string expression part cannot include a backslash");
            if (quoteChar != '\0')
            {
                if (ch == quoteChar)
                {
                    if (stringType == 3)
                    {
                        if (pos + 2 < end && str[pos + 1] == ch && str[pos + 2] == ch)
                        {
                            pos += 2; stringType = 0; quoteChar = '\0';
                        }
                    }
                    else { stringType = 0; quoteChar = '\0'; }
                }
                continue;
            }
            if (ch == '\'' || ch == '"')
            {
                if (pos + 2 < end && str[pos + 1] == ch && str[pos + 2] == ch) { stringType = 3; pos += 2; }
                else stringType = 1;
                quoteChar = ch;
            }
            else if (ch == '[' || ch == '{' || ch == '(')
            {
                if (nestedDepth >= MaxLevel) throw _p.RaiseAtLastToken("f-string: too many nested parenthesis");
                parenStack[nestedDepth++] = ch;
            }
            else if (ch == '#')
            {
                throw _p.RaiseAtLastToken("f-string expression part cannot include '#'");
            }
            else if (nestedDepth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<'))
            {
                if (pos + 1 < end)
                {
                    char next = str[pos + 1];
                    if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') || (ch == '>' && next == '='))
                    {
                        pos++;
                        continue;
                    }
                }
                if (ch == '>' || ch == '<') continue;
                break;
            }
            else if (ch == ']' || ch == '}' || ch == ')')
            {
                if (nestedDepth == 0) throw _p.RaiseAtLastToken($"f-string: unmatched '{ch}'");
                nestedDepth--;
                char opening = parenStack[nestedDepth];
                if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}')))
                    throw _p.RaiseAtLastToken($"f-string: closing parenthesis '{ch}' does not match opening parenthesis '{opening}'");
            }
        }
        int exprEnd = pos;
        if (quoteChar != '\0') throw _p.RaiseAtLastToken("f-string: unterminated string");
        if (nestedDepth != 0) throw _p.RaiseAtLastToken($"f-string: unmatched '{parenStack[nestedDepth - 1]}'");
        if (pos >= end) throw _p.RaiseAtLastToken("f-string: expecting '}'");

        var simple = CompileExpr(t, exprStart, exprEnd);

        if (str[pos] == '=')
        {
            pos++;
            while (pos < end && IsSpace(str[pos])) pos++;
            if (pos >= end) throw _p.RaiseAtLastToken("f-string: expecting '}'");
            exprText = str.Substring(exprStart, pos - exprStart);
        }
        if (str[pos] == '!')
        {
            pos++;
            if (pos >= end) throw _p.RaiseAtLastToken("f-string: expecting '}'");
            conversion = str[pos];
            pos++;
            if (!(conversion == 's' || conversion == 'r' || conversion == 'a'))
                throw _p.RaiseAtLastToken("f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        if (pos >= end) throw _p.RaiseAtLastToken("f-string: expecting '}'");
        if (str[pos] == ':')
        {
            pos++;
            if (pos >= end) throw _p.RaiseAtLastToken("f-string: expecting '}'");
            // fstring_parse: a nested parser state for the spec; its JoinedStr takes token t's position.
            var spec = new FStringParser(_p, _first, _last);
            spec.ConcatFString(t, ref pos, end, raw, recurseLvl + 1);
            formatSpec = spec.Finish(t, t);
        }
        if (pos >= end || str[pos] != '}') throw _p.RaiseAtLastToken("f-string: expecting '}'");
        pos++;
        if (exprText != null && formatSpec == null && conversion == -1) conversion = 'r';
        var fv = new FormattedValue { value = simple, conversion = conversion, format_spec = formatSpec };
        fv.lineno = _first.Line; fv.col_offset = _first.Col; fv.end_lineno = _last.EndLine; fv.end_col_offset = _last.EndCol;
        expression = fv;
    }

    static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';

    /// <summary>fstring_compile_expr with fstring_find_expr_location.</summary>
    ExprNode CompileExpr(Token t, int exprStart, int exprEnd)
    {
        string str = t.Text;
        int i = exprStart;
        for (; i < exprEnd; i++)
        {
            char c = str[i];
            if (!(c == ' ' || c == '\t' || c == '\n' || c == '\f')) break;
        }
        if (i == exprEnd)
        {
            char e = str[exprEnd];
            if (e == '!' || e == ':' || e == '=') throw _p.RaiseAtLastToken($"f-string: expression required before '{e}'");
            throw _p.RaiseAtLastToken("f-string: empty expression not allowed");
        }

        // Location: lines = newlines in the token before the '{'; cols = UTF-8 bytes from the
        // last of those newlines (or the token start) to the '{', unless only whitespace
        // separates the '{' from a newline.
        int brace = exprStart - 1;
        bool newlineAfterBrace = true;
        for (int k = exprStart; k < str.Length && str[k] != '}' && str[k] != '\n'; k++)
        {
            char c = str[k];
            if (c != ' ' && c != '\t' && c != '\f') { newlineAfterBrace = false; break; }
        }
        int lines = 0;
        for (int k = 0; k < brace; k++) if (str[k] == '\n') lines++;
        int cols = 0;
        if (!newlineAfterBrace)
        {
            int start = brace;
            while (start > 0 && str[start] != '\n') start--;
            if (str[start] == '\n') cols = Encoding.UTF8.GetByteCount(str.AsSpan(start + 1, brace - start - 1));
            else cols = Encoding.UTF8.GetByteCount(str.AsSpan(0, brace));
        }
        int startLine = t.Line + lines;
        int startCol = (lines == 0 ? t.Col : 0) + cols;
        return _p.ParseFStringExpression(str.Substring(exprStart, exprEnd - exprStart), startLine, startCol);
    }
}
