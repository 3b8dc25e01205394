#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
namespace StacklessIron.Parsing;

/// <summary>
/// Values of string and bytes literals, as CPython 3.11's parser computes them
/// (Parser/string_parser.c with the unicode-escape and bytes-escape decoders).
///
/// Error locations: "bytes can only contain ASCII literal characters" is located at the token
/// (UTF-8 byte columns + 1, as the token gives them; a parser holding the source converts them
/// with Tokenizer.ByteToCharOffset). "(unicode error) ..." and "(value error) ..." are located by
/// CPython at the parser's last token read, so these carry the token's position only as a
/// default: a parser that wants CPython's exact location re-raises them at its last token.
/// </summary>
public static class StringLiterals
{
    /// <summary>Value of a non-f STRING token: System.String or byte[].</summary>
    public static object Decode(Token token, string filename) => Decode(token, filename, null);

    /// <summary>As <see cref="Decode(Token, string)"/>, collecting CPython's DeprecationWarnings
    /// for invalid escapes (only the first per literal, as CPython warns).</summary>
    public static object Decode(Token token, string filename, List<Tokenizer.TokenWarning>? warnings)
    {
        string text = token.Text;
        int q = 0;
        bool bytes = false, raw = false;
        while (q < text.Length && text[q] != '\'' && text[q] != '"')
        {
            char p = text[q];
            if (p == 'b' || p == 'B') bytes = true;
            else if (p == 'r' || p == 'R') raw = true;
            else if (p == 'f' || p == 'F') throw new ArgumentException("f-strings are decoded by the parser, piece by piece");
            q++;
        }
        char quote = text[q];
        int quoteLen = q + 2 < text.Length && text[q + 1] == quote && text[q + 2] == quote && text.Length - q >= 6 ? 3 : 1;
        int bodyStart = q + quoteLen, bodyEnd = text.Length - quoteLen;
        string body = text.Substring(bodyStart, bodyEnd - bodyStart);

        if (bytes)
        {
            foreach (char ch in body)
            {
                if (ch >= 0x80)
                    throw new PythonSyntaxError("SyntaxError", "bytes can only contain ASCII literal characters",
                        filename, token.Line, token.Col + 1, null, token.EndLine, token.EndCol + 1);
            }
            if (raw || body.IndexOf('\\') < 0)
            {
                var b = new byte[body.Length];
                for (int i = 0; i < body.Length; i++) b[i] = (byte)body[i];
                return b;
            }
            return DecodeBytesEscapes(body, token, filename, warnings);
        }
        // A plain literal without backslashes is decoded as raw (CPython's parsestr does so).
        return DecodeStrPiece(body, raw || body.IndexOf('\\') < 0, token, filename, warnings);
    }

    /// <summary>Decode escapes of a piece of str literal body (used for f-string literal parts too).</summary>
    public static string DecodeStr(string body, bool raw, Token token, string filename) => DecodeStr(body, raw, token, filename, null);

    /// <summary>As <see cref="DecodeStr(string, bool, Token, string)"/>, collecting warnings. A non-raw
    /// piece always goes through the escape decoder, as CPython's fstring_find_literal does, so
    /// invalid UTF-8 is reported with positions relative to its run of non-ASCII bytes.</summary>
    public static string DecodeStr(string body, bool raw, Token token, string filename, List<Tokenizer.TokenWarning>? warnings)
        => DecodeStrPiece(body, raw, token, filename, warnings);

    static string DecodeStrPiece(string body, bool raw, Token token, string filename, List<Tokenizer.TokenWarning>? warnings)
    {
        if (raw)
        {
            // CPython decodes the whole body as UTF-8: positions count from the body's start.
            CheckUtf8(body, 0, body.Length, token, filename);
            return body;
        }
        return DecodeUnicodeEscapes(body, token, filename, warnings);
    }

    static void CheckUtf8(string s, int start, int end, Token token, string filename)
    {
        for (int i = start; i < end; i++)
        {
            if (SourceDecoding.IsEscapedByte(s, i))
            {
                string? why = SourceDecoding.Utf8ErrorMessage(s, start, end);
                if (why != null) throw UnicodeError(why, token, filename);
                return;
            }
        }
    }

    static PythonSyntaxError UnicodeError(string why, Token token, string filename)
        => new("SyntaxError", "(unicode error) " + why, filename, token.Line, token.Col + 1, null, token.EndLine, token.EndCol + 1);

    static PythonSyntaxError ValueError(string why, Token token, string filename)
        => new("SyntaxError", "(value error) " + why, filename, token.Line, token.Col + 1, null, token.EndLine, token.EndCol + 1);

    /// <summary>CPython's decode_unicode_with_escapes: non-ASCII runs are first rewritten as
    /// \UXXXXXXXX (and a backslash before them as \u005c), then the unicode-escape codec runs;
    /// so error positions count in that rewritten buffer, which is what <c>pos</c> tracks.</summary>
    static string DecodeUnicodeEscapes(string s, Token token, string filename, List<Tokenizer.TokenWarning>? warnings)
    {
        var sb = new StringBuilder(s.Length);
        int pos = 0;               // position in CPython's rewritten buffer
        int i = 0, n = s.Length;
        bool warned = false;
        while (i < n)
        {
            char c = s[i];
            if (c != '\\')
            {
                if (c < 0x80)
                {
                    sb.Append(c);
                    i++;
                    pos++;
                    continue;
                }
                int runEnd = i;
                while (runEnd < n && s[runEnd] >= 0x80) runEnd++;
                CheckUtf8(s, i, runEnd, token, filename);
                for (int k = i; k < runEnd; k++)
                {
                    sb.Append(s[k]);
                    if (!(char.IsHighSurrogate(s[k]) && k + 1 < runEnd && char.IsLowSurrogate(s[k + 1]))) pos += 10;
                }
                i = runEnd;
                continue;
            }
            int startPos = pos;
            i++;
            pos++;
            if (i >= n || s[i] >= 0x80)
            {
                // CPython rewrites such a backslash as "\u005c": a plain backslash, no warning.
                sb.Append('\\');
                pos += 5;
                continue;
            }
            c = s[i];
            i++;
            pos++;
            switch (c)
            {
                case '\n': continue;
                case '\\': sb.Append('\\'); continue;
                case '\'': sb.Append('\''); continue;
                case '"': sb.Append('"'); continue;
                case 'b': sb.Append('\b'); continue;
                case 'f': sb.Append('\f'); continue;
                case 't': sb.Append('\t'); continue;
                case 'n': sb.Append('\n'); continue;
                case 'r': sb.Append('\r'); continue;
                case 'v': sb.Append('\v'); continue;
                case 'a': sb.Append('\a'); continue;
                case '0': case '1': case '2': case '3':
                case '4': case '5': case '6': case '7':
                {
                    int ch = c - '0';
                    int escStart = i - 2;
                    if (i < n && s[i] >= '0' && s[i] <= '7')
                    {
                        ch = (ch << 3) + s[i++] - '0';
                        pos++;
                        if (i < n && s[i] >= '0' && s[i] <= '7')
                        {
                            ch = (ch << 3) + s[i++] - '0';
                            pos++;
                        }
                    }
                    if (ch > 0xFF && !warned)
                    {
                        warned = true;
                        warnings?.Add(new Tokenizer.TokenWarning("DeprecationWarning",
                            $"invalid octal escape sequence '\\{s.Substring(escStart + 1, Math.Min(3, n - escStart - 1))}'", token.Line));
                    }
                    sb.Append((char)ch);
                    continue;
                }
                case 'x':
                case 'u':
                case 'U':
                {
                    int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                    string message = c == 'x' ? "truncated \\xXX escape" : c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                    long ch = 0;
                    for (; count > 0; count--)
                    {
                        if (i >= n || !IsHex(s[i]))
                            throw EscapeError(startPos, pos, message, token, filename);
                        ch = (ch << 4) + HexValue(s[i]);
                        i++;
                        pos++;
                    }
                    if (ch > 0x10FFFF)
                        throw EscapeError(startPos, pos, "illegal Unicode character", token, filename);
                    AppendCodePoint(sb, (int)ch);
                    continue;
                }
                case 'N':
                {
                    const string malformed = "malformed \\N character escape";
                    if (i >= n) throw EscapeError(startPos, pos, malformed, token, filename);
                    if (s[i] == '{')
                    {
                        int nameStart = ++i;
                        pos++;
                        while (i < n && s[i] != '}') { pos += s[i] < 0x80 ? 1 : 10; i++; }
                        if (i >= n) throw EscapeError(startPos, pos, malformed, token, filename);
                        if (i > nameStart)
                        {
                            string name = s.Substring(nameStart, i - nameStart);
                            i++;
                            pos++;
                            if (UnicodeNames.TryLookup(name, out int cp))
                            {
                                AppendCodePoint(sb, cp);
                                continue;
                            }
                            throw EscapeError(startPos, pos, "unknown Unicode character name", token, filename);
                        }
                    }
                    throw EscapeError(startPos, pos, malformed, token, filename);
                }
                default:
                    if (!warned)
                    {
                        warned = true;
                        warnings?.Add(new Tokenizer.TokenWarning("DeprecationWarning", $"invalid escape sequence '\\{c}'", token.Line));
                    }
                    sb.Append('\\').Append(c);
                    continue;
            }
        }
        return sb.ToString();
    }

    static PythonSyntaxError EscapeError(int start, int end, string message, Token token, string filename)
        => UnicodeError(end - start == 1
            ? $"'unicodeescape' codec can't decode byte 0x5c in position {start}: {message}"
            : $"'unicodeescape' codec can't decode bytes in position {start}-{end - 1}: {message}", token, filename);

    /// <summary>CPython's _PyBytes_DecodeEscape (strict).</summary>
    static byte[] DecodeBytesEscapes(string s, Token token, string filename, List<Tokenizer.TokenWarning>? warnings)
    {
        var r = new List<byte>(s.Length);
        int i = 0, n = s.Length;
        bool warned = false;
        while (i < n)
        {
            char c = s[i];
            if (c != '\\')
            {
                r.Add((byte)c);
                i++;
                continue;
            }
            i++;
            if (i == n) throw ValueError("Trailing \\ in string", token, filename);
            c = s[i++];
            switch (c)
            {
                case '\n': break;
                case '\\': r.Add((byte)'\\'); break;
                case '\'': r.Add((byte)'\''); break;
                case '"': r.Add((byte)'"'); break;
                case 'b': r.Add(8); break;
                case 'f': r.Add(12); break;
                case 't': r.Add(9); break;
                case 'n': r.Add(10); break;
                case 'r': r.Add(13); break;
                case 'v': r.Add(11); break;
                case 'a': r.Add(7); break;
                case '0': case '1': case '2': case '3':
                case '4': case '5': case '6': case '7':
                {
                    int v = c - '0';
                    int escStart = i - 2;
                    if (i < n && s[i] >= '0' && s[i] <= '7')
                    {
                        v = (v << 3) + s[i++] - '0';
                        if (i < n && s[i] >= '0' && s[i] <= '7') v = (v << 3) + s[i++] - '0';
                    }
                    if (v > 0xFF && !warned)
                    {
                        warned = true;
                        warnings?.Add(new Tokenizer.TokenWarning("DeprecationWarning",
                            $"invalid octal escape sequence '\\{s.Substring(escStart + 1, Math.Min(3, n - escStart - 1))}'", token.Line));
                    }
                    r.Add((byte)v);
                    break;
                }
                case 'x':
                    if (i + 1 < n && IsHex(s[i]) && IsHex(s[i + 1]))
                    {
                        r.Add((byte)((HexValue(s[i]) << 4) + HexValue(s[i + 1])));
                        i += 2;
                        break;
                    }
                    throw ValueError($"invalid \\x escape at position {i - 2}", token, filename);
                default:
                    if (!warned)
                    {
                        warned = true;
                        warnings?.Add(new Tokenizer.TokenWarning("DeprecationWarning", $"invalid escape sequence '\\{c}'", token.Line));
                    }
                    r.Add((byte)'\\');
                    i--;
                    break;
            }
        }
        return r.ToArray();
    }

    static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp >= 0x10000) sb.Append(char.ConvertFromUtf32(cp));
        else sb.Append((char)cp);
    }
}
