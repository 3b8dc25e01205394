#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
namespace StacklessIron.Parsing;

/// <summary>
/// Python 3.11's tokenizer, as CPython's C tokenizer (Parser/tokenizer.c) feeds the PEG parser:
/// same tokens, same positions, same errors. It walks a string by index, one physical line at a
/// time, with the same state machine as the C code (indent stacks, bracket stack, pending
/// INDENT/DEDENTs), so that error positions that depend on "where the cursor is" come out the same.
///
/// Positions follow CPython exactly: lines 1-based, columns 0-based UTF-8 byte offsets.
/// INDENT, DEDENT and ENDMARKER carry Col = EndCol = -1 (CPython gives them no start/end), on the
/// line the tokenizer was reading; a parser that reports an error at such a token uses
/// <see cref="CursorLine"/>/<see cref="CursorByteCol"/> as CPython's _PyPegen_raise_error does.
/// NEWLINE is zero-width at the '\n' (or starts at the '#' of a trailing comment).
/// NAME text is not NFKC-normalised: see <see cref="NormalizeIdentifier"/>.
/// Exec input gets a final newline if it lacks one (so NEWLINE then ENDMARKER); eval/single
/// input (execInput: false) does not, as in CPython.
/// </summary>
public sealed class Tokenizer
{
    /// <summary>What went wrong when <see cref="Next"/> threw, as CPython's tok->done tells the
    /// parser. Raised errors (SyntaxError set at once in CPython) replace a parser's generic
    /// "invalid syntax" when found while tokenizing the rest of the file; the others do not
    /// (except Eof with open brackets, which becomes "'(' was never closed").</summary>
    public enum ErrorCode { None, Raised, Eof, Dedent, TabSpace, TooDeep, LineCont }

    /// <summary>An open bracket: the character, its line and its UTF-8 byte column.</summary>
    public readonly record struct OpenBracket(char Char, int Line, int Col);

    /// <summary>A warning CPython's tokenizer would issue (category is "SyntaxWarning" or
    /// "DeprecationWarning"); the caller decides how to report it.</summary>
    public readonly record struct TokenWarning(string Category, string Message, int Line);

    const int TabSize = 8;
    const int AltTabSize = 1;
    const int MaxIndent = 100;
    const int MaxLevel = 200;
    const int EOF = -1;

    readonly string _src;          // newlines translated; ends with '\n' for exec input
    readonly string _filename;
    readonly int[] _lineStarts;    // start index of each physical line
    readonly bool[] _lineNonAscii; // whether that line has a char >= 0x80
    readonly int _shiftLine;       // tokens whose end is on this line get columns shifted by _shiftCol
    readonly int _shiftCol;
    readonly int _lineBase;        // tok->lineno before the first line is read

    // Cursor state, as in struct tok_state.
    int _cur;          // next char to read
    int _inp;          // end of the current line (index after its '\n')
    int _lineStart;    // start of the current line
    int _lineIdx = -1; // index of the current line in _lineStarts
    int _lineNo;       // tok->lineno
    int _buf;          // tok->buf: start of the line where the token in progress began
    bool _inToken;     // tok->start != NULL: lines read now do not move _buf
    bool _eof;

    bool _atBol = true;
    int _pendin;
    int _indent;
    readonly int[] _indStack = new int[MaxIndent + 1];
    readonly int[] _altIndStack = new int[MaxIndent + 1];
    readonly List<OpenBracket> _brackets = new();
    List<TokenWarning>? _warnings;
    int _byteColLineStart = -1, _byteColIdx, _byteColBytes;  // ByteCol's resume point

    public Tokenizer(string text, string filename) : this(text, filename, 1, 0, false, true) { }

    public Tokenizer(string text, string filename, int startLine, int startCol) : this(text, filename, startLine, startCol, true, true) { }

    /// <summary>A tokenizer for "exec" input (execInput = true, as the other constructors) or for
    /// "eval", "single" and "func_type" input (false): CPython then adds no final newline, so
    /// the last line may end without NEWLINE and "1 \\" at the end is a bad continuation.</summary>
    public Tokenizer(string text, string filename, bool execInput) : this(text, filename, 1, 0, false, execInput) { }

    Tokenizer(string text, string filename, int startLine, int startCol, bool shift, bool execInput)
    {
        if (text.IndexOf('\0') >= 0)
            throw new PythonSyntaxError("SyntaxError", "source code string cannot contain null bytes", filename, 0, -1, null);
        _src = TranslateNewlines(text, execInput);
        _filename = filename;
        _lineBase = startLine - 1;
        _lineNo = _lineBase;
        _shiftLine = shift ? startLine : int.MinValue;
        _shiftCol = startCol;
        var src = _src.AsSpan();
        int lines = src.Count('\n');
        if (src.Length > 0 && src[^1] != '\n') lines++;  // a last line without '\n' (non-exec input)
        _lineStarts = new int[lines];
        _lineNonAscii = new bool[lines];
        int start = 0;
        for (int li = 0; li < lines; li++)
        {
            int len = src.Slice(start).IndexOf('\n') + 1;
            if (len == 0) len = src.Length - start;
            _lineStarts[li] = start;
            _lineNonAscii[li] = src.Slice(start, len).ContainsAnyExceptInRange('\0', '\x7f');
            start += len;
        }
    }

    /// <summary>Currently open brackets.</summary>
    public int ParenLevel => _brackets.Count;

    /// <summary>The open brackets, outermost first.</summary>
    public IReadOnlyList<OpenBracket> OpenBrackets => _brackets;

    /// <summary>Why the last <see cref="Next"/> threw.</summary>
    public ErrorCode Done { get; private set; }

    /// <summary>The input ended while being read (CPython's E_EOF), or a string literal was
    /// left open (E_EOFS/E_EOLS): more input could complete what failed to parse.</summary>
    public bool InputMayContinue => _eof && Done != ErrorCode.LineCont;

    /// <summary>Closes every open block: the next tokens are its DEDENTs (pegen's implied dedent
    /// at the end of "single" input).</summary>
    public void ImplyDedents()
    {
        _pendin = -_indent;
        _indent = 0;
    }

    /// <summary>tok->lineno: the physical line the tokenizer is reading.</summary>
    public int CursorLine => _lineNo;

    /// <summary>tok->cur - tok->line_start: the cursor's UTF-8 byte column in the current line.</summary>
    public int CursorByteCol => _lineIdx < 0 ? 0 : ByteCol(_lineIdx, _lineStart, _cur);

    /// <summary>Number of physical lines (after newline translation, which may add one).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Warnings issued so far (invalid literal followed by a keyword, ...).</summary>
    public IReadOnlyList<TokenWarning> Warnings => (IReadOnlyList<TokenWarning>?)_warnings ?? Array.Empty<TokenWarning>();

    /// <summary>Text of a source line with its '\n' (the last line of non-exec input may have none),
    /// in this tokenizer's line numbering; null past the end.</summary>
    public string? LineText(int lineno)
    {
        int i = lineno - _lineBase - 1;
        if (i < 0 || i >= _lineStarts.Length) return null;
        int end = i + 1 < _lineStarts.Length ? _lineStarts[i + 1] : _src.Length;
        return ForDisplay(_src.Substring(_lineStarts[i], end - _lineStarts[i]));
    }

    /// <summary>The text CPython puts in a parser-raised SyntaxError for a line: for the line the
    /// tokenizer is on (or a later one), tok->buf..tok->inp, which keeps its '\n' and starts at the
    /// first line of a token that spans lines (a string, a backslash continuation); for an
    /// earlier line, that line without its '\n'.</summary>
    public string? ErrorLineText(int lineno)
    {
        if (_lineIdx >= 0 && lineno >= _lineNo && _inp > _buf)
            return ForDisplay(_src.Substring(_buf, _inp - _buf));
        string? line = LineText(lineno);
        return line == null || line.Length == 0 || line[^1] != '\n' ? line : line.Substring(0, line.Length - 1);
    }

    /// <summary>CPython's offset for a parser-raised error given as a 1-based UTF-8 byte offset:
    /// converted to characters against <see cref="ErrorLineText"/> the way
    /// _PyPegen_byte_offset_to_character_offset does, or left in bytes (see
    /// <see cref="ConvertOffsetsToChars"/>). CPython converts an error's end offset against the
    /// text of its start line too, so pass the start line for both.</summary>
    public int ErrorOffset(int lineno, int byteOffset)
    {
        if (!ConvertOffsetsToChars || byteOffset <= 0) return byteOffset;
        string? line = ErrorLineText(lineno);
        if (line == null) return byteOffset;
        byte[] utf8 = Encoding.UTF8.GetBytes(line);
        if (byteOffset > utf8.Length) return CountCodePoints(line) + Math.Min(byteOffset - utf8.Length, 1);
        return CountCodePoints(Encoding.UTF8.GetString(utf8, 0, byteOffset));
    }

    static int CountCodePoints(string s)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            n++;
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
        }
        return n;
    }

    /// <summary>Converts a UTF-8 byte column of a line into CPython's character offset
    /// (_PyPegen_byte_offset_to_character_offset, which clamps to the line's length + 1).</summary>
    public int ByteToCharOffset(int lineno, int byteCol)
    {
        int i = lineno - _lineBase - 1;
        if (i < 0 || i >= _lineStarts.Length || byteCol <= 0) return byteCol;
        int start = _lineStarts[i];
        int end = i + 1 < _lineStarts.Length ? _lineStarts[i + 1] : _src.Length;
        int bytes = 0, chars = 0, p = start;
        while (p < end && bytes < byteCol)
        {
            int n = Utf8Length(p, out int units);
            bytes += n; chars++; p += units;
        }
        if (bytes < byteCol) chars += byteCol - bytes > 1 ? 1 : byteCol - bytes;
        return chars;
    }

    /// <summary>Whether parser-located error offsets are converted from UTF-8 bytes to characters.
    /// CPython converts them only when it knows the source encoding: always for text input, but
    /// for bytes input only with a BOM or a coding cookie (see SourceDecoding.Decode's
    /// declaredEncoding). The tokenizer's own syntaxerror()-style offsets are always characters.</summary>
    public bool ConvertOffsetsToChars { get; set; } = true;

    /// <summary>NFKC form of a NAME token's text, as CPython's parser stores identifiers
    /// (ASCII names are returned unchanged).</summary>
    public static string NormalizeIdentifier(string name) => UnicodeNormalization.Nfkc(name);

    // ---- reading characters -------------------------------------------------------------

    int NextC()
    {
        while (true)
        {
            if (_cur != _inp) return _src[_cur++];
            if (_eof) return EOF;
            int next = _lineIdx + 1;
            if (next >= _lineStarts.Length)
            {
                _eof = true;
                return EOF;
            }
            _lineIdx = next;
            _lineNo++;
            _lineStart = _lineStarts[next];
            if (!_inToken) _buf = _lineStart;
            _inp = next + 1 < _lineStarts.Length ? _lineStarts[next + 1] : _src.Length;
            _cur = _lineStart;
        }
    }

    void Backup(int c)
    {
        if (c != EOF) _cur--;
    }

    // ---- the tokenizer proper (tok_get) ----------------------------------------------------

    /// <summary>The next token. Tokenizer errors raise PythonSyntaxError (and set <see cref="Done"/>).</summary>
    public Token Next()
    {
        int c;
        bool blankline;
        int start;
    nextline:
        _inToken = false;
        blankline = false;
        if (_atBol)
        {
            int col = 0, altcol = 0, contLineCol = 0;
            _atBol = false;
            for (;;)
            {
                c = NextC();
                if (c == ' ') { col++; altcol++; }
                else if (c == '\t')
                {
                    col = (col / TabSize + 1) * TabSize;
                    altcol = (altcol / AltTabSize + 1) * AltTabSize;
                }
                else if (c == '\f') col = altcol = 0;
                else if (c == '\\')
                {
                    // The first backslash found decides the indentation of what follows.
                    contLineCol = contLineCol != 0 ? contLineCol : col;
                    ContinuationLine();
                }
                else break;
            }
            Backup(c);
            if (c == '#' || c == '\n') blankline = true;  // comment-only and blank lines do not count
            if (!blankline && _brackets.Count == 0)
            {
                if (contLineCol != 0) { col = contLineCol; altcol = contLineCol; }
                if (col == _indStack[_indent])
                {
                    if (altcol != _altIndStack[_indent]) throw IndentError(ErrorCode.TabSpace);
                }
                else if (col > _indStack[_indent])
                {
                    if (_indent + 1 >= MaxIndent) throw IndentError(ErrorCode.TooDeep);
                    if (altcol <= _altIndStack[_indent]) throw IndentError(ErrorCode.TabSpace);
                    _pendin++;
                    _indent++;
                    _indStack[_indent] = col;
                    _altIndStack[_indent] = altcol;
                }
                else
                {
                    while (_indent > 0 && col < _indStack[_indent])
                    {
                        _pendin--;
                        _indent--;
                    }
                    if (col != _indStack[_indent]) throw IndentError(ErrorCode.Dedent);
                    if (altcol != _altIndStack[_indent]) throw IndentError(ErrorCode.TabSpace);
                }
            }
        }

        _inToken = true;
        if (_pendin != 0)
        {
            if (_pendin < 0) { _pendin++; return NoPosToken(TokenKind.Dedent); }
            _pendin--;
            return NoPosToken(TokenKind.Indent);
        }

    again:
        _inToken = false;
        do { c = NextC(); } while (c == ' ' || c == '\t' || c == '\f');
        start = _cur - 1;
        _inToken = true;

        if (c == '#')
        {
            while (c != EOF && c != '\n') c = NextC();
        }

        if (c == EOF)
        {
            if (_brackets.Count > 0)
            {
                Done = ErrorCode.Eof;
                throw UnclosedBracket();
            }
            return NoPosToken(TokenKind.EndMarker);
        }

        if (IsPotentialIdentifierStart(c))
        {
            // Prefixes of string literals: b, r, u, f and their legal combinations.
            bool sawB = false, sawR = false, sawU = false, sawF = false;
            while (true)
            {
                if (!(sawB || sawU || sawF) && (c == 'b' || c == 'B')) sawB = true;
                else if (!(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U')) sawU = true;
                else if (!(sawR || sawU) && (c == 'r' || c == 'R')) sawR = true;
                else if (!(sawF || sawB || sawU) && (c == 'f' || c == 'F')) sawF = true;
                else break;
                c = NextC();
                if (c == '"' || c == '\'') return ReadString(start, c);
            }
            bool nonAscii = false;
            while (IsPotentialIdentifierChar(c))
            {
                if (c >= 128) nonAscii = true;
                c = NextC();
            }
            Backup(c);
            if (nonAscii) VerifyIdentifier(start);
            return MakeToken(TokenKind.Name, _src.Substring(start, _cur - start), start, _cur);
        }

        if (c == '\n')
        {
            _atBol = true;
            if (blankline || _brackets.Count > 0) goto nextline;
            return MakeToken(TokenKind.Newline, "", start, _cur - 1);
        }

        if (c == '.')
        {
            c = NextC();
            if (IsDigit(c)) return ReadNumber(start, c, true);
            if (c == '.')
            {
                c = NextC();
                if (c == '.') return MakeToken(TokenKind.Op, "...", start, _cur);
                Backup(c);
                Backup('.');
            }
            else Backup(c);
            return MakeToken(TokenKind.Op, ".", start, _cur);
        }

        if (IsDigit(c)) return ReadNumber(start, c, false);

        if (c == '\'' || c == '"') return ReadString(start, c);

        if (c == '\\')
        {
            ContinuationLine();
            goto again;
        }

        {
            int c2 = NextC();
            string? op2 = TwoCharOp(c, c2);
            if (op2 != null)
            {
                int c3 = NextC();
                string? op3 = ThreeCharOp(c, c2, c3);
                if (op3 != null) return MakeToken(TokenKind.Op, op3, start, _cur);
                Backup(c3);
                return MakeToken(TokenKind.Op, op2, start, _cur);
            }
            Backup(c2);
        }

        switch (c)
        {
            case '(':
            case '[':
            case '{':
                if (_brackets.Count >= MaxLevel) throw Error("too many nested parentheses");
                _brackets.Add(new OpenBracket((char)c, _lineNo, ByteCol(_lineIdx, _lineStart, start)));
                break;
            case ')':
            case ']':
            case '}':
                if (_brackets.Count == 0) throw Error($"unmatched '{(char)c}'");
                var open = _brackets[^1];
                _brackets.RemoveAt(_brackets.Count - 1);
                if (!((open.Char == '(' && c == ')') || (open.Char == '[' && c == ']') || (open.Char == '{' && c == '}')))
                {
                    if (open.Line != _lineNo)
                        throw Error($"closing parenthesis '{(char)c}' does not match opening parenthesis '{open.Char}' on line {open.Line}");
                    throw Error($"closing parenthesis '{(char)c}' does not match opening parenthesis '{open.Char}'");
                }
                break;
        }

        if (c < 32 || c == 127)
            throw Error($"invalid non-printable character U+{c:X4}");

        return MakeToken(TokenKind.Op, OneCharOp(c), start, _cur);
    }

    // ---- pieces of tok_get ----------------------------------------------------------------

    /// <summary>After a backslash: the next char must be the end of the line; the line after must exist.</summary>
    void ContinuationLine()
    {
        int c = NextC();
        if (c != '\n')
        {
            Done = ErrorCode.LineCont;
            // CPython: RAISE_ERROR_KNOWN_LOCATION at tok->cur - tok->buf - 1 (0-based), which counts
            // from the first line of a token spanning lines.
            // (CPython reads bytes: its cursor is after the first byte of that character.)
            int fromBuf = c == EOF ? Utf8Count(_buf, _cur) : Utf8Count(_buf, _cur - 1) + 1;
            throw new PythonSyntaxError("SyntaxError", "unexpected character after line continuation character",
                _filename, _lineNo, ErrorOffset(_lineNo, fromBuf), ErrorLineText(_lineNo), _lineNo, 0);
        }
        c = NextC();
        if (c == EOF)
        {
            Done = ErrorCode.Eof;
            _cur = _inp;
            if (_brackets.Count > 0) throw UnclosedBracket();
            throw new PythonSyntaxError("SyntaxError", "unexpected EOF while parsing",
                _filename, _lineNo, CursorErrorOffset(), ErrorLineText(_lineNo), _lineNo, -1);
        }
        Backup(c);
    }

    Token ReadString(int start, int quote)
    {
        int quoteSize = 1, endQuoteSize = 0;
        int firstLineNo = _lineNo, firstLineIdx = _lineIdx, multiLineStart = _lineStart;
        int c = NextC();
        if (c == quote)
        {
            c = NextC();
            if (c == quote) quoteSize = 3;
            else endQuoteSize = 1;  // empty string
        }
        if (c != quote) Backup(c);

        while (endQuoteSize != quoteSize)
        {
            c = NextC();
            if (c == EOF || (quoteSize == 1 && c == '\n'))
            {
                // Reported from the opening quote's line, at the token start + 1.
                int detected = _lineNo;
                string msg = quoteSize == 3
                    ? $"unterminated triple-quoted string literal (detected at line {detected})"
                    : $"unterminated string literal (detected at line {detected})";
                Done = ErrorCode.Raised;
                int off = CharCol(multiLineStart, start + 1);
                throw new PythonSyntaxError("SyntaxError", msg, _filename, firstLineNo, off,
                    LineWithoutNewline(multiLineStart), firstLineNo, off);
            }
            if (c == quote) endQuoteSize++;
            else
            {
                endQuoteSize = 0;
                if (c == '\\') NextC();  // skip the escaped char
            }
        }
        string text = _src.Substring(start, _cur - start);
        int col = ByteCol(firstLineIdx, multiLineStart, start);
        int endCol = ByteCol(_lineIdx, _lineStart, _cur);
        return Shifted(TokenKind.String, text, firstLineNo, col, endCol);
    }

    Token ReadNumber(int start, int c, bool afterDot)
    {
        if (afterDot) goto Fraction;
        if (c == '0')
        {
            c = NextC();
            if (c == 'x' || c == 'X')
            {
                c = NextC();
                do
                {
                    if (c == '_') c = NextC();
                    if (!IsHexDigit(c))
                    {
                        Backup(c);
                        throw Error("invalid hexadecimal literal");
                    }
                    do { c = NextC(); } while (IsHexDigit(c));
                } while (c == '_');
                VerifyEndOfNumber(c, "hexadecimal");
                Backup(c);
                return NumberToken(start);
            }
            if (c == 'o' || c == 'O')
            {
                c = NextC();
                do
                {
                    if (c == '_') c = NextC();
                    if (c < '0' || c >= '8')
                    {
                        if (IsDigit(c)) throw Error($"invalid digit '{(char)c}' in octal literal");
                        Backup(c);
                        throw Error("invalid octal literal");
                    }
                    do { c = NextC(); } while ('0' <= c && c < '8');
                } while (c == '_');
                if (IsDigit(c)) throw Error($"invalid digit '{(char)c}' in octal literal");
                VerifyEndOfNumber(c, "octal");
                Backup(c);
                return NumberToken(start);
            }
            if (c == 'b' || c == 'B')
            {
                c = NextC();
                do
                {
                    if (c == '_') c = NextC();
                    if (c != '0' && c != '1')
                    {
                        if (IsDigit(c)) throw Error($"invalid digit '{(char)c}' in binary literal");
                        Backup(c);
                        throw Error("invalid binary literal");
                    }
                    do { c = NextC(); } while (c == '0' || c == '1');
                } while (c == '_');
                if (IsDigit(c)) throw Error($"invalid digit '{(char)c}' in binary literal");
                VerifyEndOfNumber(c, "binary");
                Backup(c);
                return NumberToken(start);
            }
            // '0', '00', or an old-style octal (now an error) unless it turns out to be a float.
            bool nonzero = false;
            while (true)
            {
                if (c == '_')
                {
                    c = NextC();
                    if (!IsDigit(c))
                    {
                        Backup(c);
                        throw Error("invalid decimal literal");
                    }
                }
                if (c != '0') break;
                c = NextC();
            }
            int zerosEnd = _cur;
            if (IsDigit(c))
            {
                nonzero = true;
                c = DecimalTail();
            }
            if (c == '.')
            {
                c = NextC();
                goto Fraction;
            }
            if (c == 'e' || c == 'E') goto Exponent;
            if (c == 'j' || c == 'J') goto Imaginary;
            if (nonzero)
            {
                Backup(c);
                // A known range in bytes, not converted to characters (as CPython does).
                Done = ErrorCode.Raised;
                throw new PythonSyntaxError("SyntaxError",
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    _filename, _lineNo, ByteCol(_lineIdx, _lineStart, start) + 1, LineWithoutNewline(_lineStart),
                    _lineNo, ByteCol(_lineIdx, _lineStart, zerosEnd));
            }
            VerifyEndOfNumber(c, "decimal");
            Backup(c);
            return NumberToken(start);
        }

        c = DecimalTail();
        if (c == '.')
        {
            c = NextC();
            goto Fraction;
        }
        goto AfterFraction;

    Fraction:
        if (IsDigit(c)) c = DecimalTail();
    AfterFraction:
        if (c == 'e' || c == 'E') goto Exponent;
        goto AfterExponent;

    Exponent:
        {
            int e = c;
            c = NextC();
            if (c == '+' || c == '-')
            {
                c = NextC();
                if (!IsDigit(c))
                {
                    Backup(c);
                    throw Error("invalid decimal literal");
                }
            }
            else if (!IsDigit(c))
            {
                // "1e" followed by something else: the number ends before the 'e'.
                Backup(c);
                VerifyEndOfNumber(e, "decimal");
                Backup(e);
                return NumberToken(start);
            }
            c = DecimalTail();
        }
    AfterExponent:
        if (c == 'j' || c == 'J') goto Imaginary;
        VerifyEndOfNumber(c, "decimal");
        Backup(c);
        return NumberToken(start);

    Imaginary:
        c = NextC();
        VerifyEndOfNumber(c, "imaginary");
        Backup(c);
        return NumberToken(start);
    }

    Token NumberToken(int start) => MakeToken(TokenKind.Number, _src.Substring(start, _cur - start), start, _cur);

    /// <summary>Digits and single underscores between digits; returns the first char after them.</summary>
    int DecimalTail()
    {
        int c;
        while (true)
        {
            do { c = NextC(); } while (IsDigit(c));
            if (c != '_') break;
            c = NextC();
            if (!IsDigit(c))
            {
                Backup(c);
                throw Error("invalid decimal literal");
            }
        }
        return c;
    }

    /// <summary>A number directly followed by a name is an error, except before the keywords that
    /// can follow a number in valid code (and, else, for, if, in, is, not, or), which only warn.</summary>
    void VerifyEndOfNumber(int c, string kind)
    {
        bool r = false;
        if (c == 'a') r = Lookahead("nd");
        else if (c == 'e') r = Lookahead("lse");
        else if (c == 'f') r = Lookahead("or");
        else if (c == 'i')
        {
            int c2 = NextC();
            if (c2 == 'f' || c2 == 'n' || c2 == 's') r = true;
            Backup(c2);
        }
        else if (c == 'o') r = Lookahead("r");
        else if (c == 'n') r = Lookahead("ot");
        if (r)
        {
            Backup(c);
            (_warnings ??= new()).Add(new TokenWarning("SyntaxWarning", $"invalid {kind} literal", _lineNo));
            NextC();
        }
        else if (c < 128 && IsPotentialIdentifierChar(c))
        {
            // Non-ASCII after a number is left to the parser ("1é" is NUMBER NAME).
            Backup(c);
            throw Error($"invalid {kind} literal");
        }
    }

    bool Lookahead(string test)
    {
        int i = 0;
        bool res = false;
        while (true)
        {
            int c = NextC();
            if (i == test.Length) res = !IsPotentialIdentifierChar(c);
            else if (c == test[i])
            {
                i++;
                continue;
            }
            Backup(c);
            while (i > 0) { i--; Backup(test[i]); }
            return res;
        }
    }

    /// <summary>PEP 3131: the first code point must be XID_Start or '_', the others XID_Continue.</summary>
    void VerifyIdentifier(int start)
    {
        int end = _cur;
        // Bytes that were not valid UTF-8 make CPython fail to decode the identifier at all.
        for (int p = start; p < end; p++)
        {
            if (SourceDecoding.IsEscapedByte(_src, p))
            {
                Done = ErrorCode.Raised;
                string why = SourceDecoding.Utf8ErrorMessage(_src, start, end);
                throw new PythonSyntaxError("SyntaxError", "(unicode error) " + why, _filename, _lineNo,
                    CursorErrorOffset(), ErrorLineText(_lineNo), _lineNo, -1);
            }
        }
        int i = start;
        bool first = true;
        while (i < end)
        {
            int cp = CodePointAt(_src, i, out int units);
            bool ok = first ? (cp == '_' || UnicodeTables.Contains(UnicodeTables.XidStart, cp))
                            : UnicodeTables.Contains(UnicodeTables.XidContinue, cp);
            if (!ok)
            {
                if (i + units < end) _cur = i + units;
                string msg = UnicodeTables.Contains(UnicodeTables.Printable, cp)
                    ? $"invalid character '{char.ConvertFromUtf32(cp)}' (U+{cp:X4})"
                    : $"invalid non-printable character U+{cp:X4}";
                throw Error(msg);
            }
            first = false;
            i += units;
        }
    }

    // ---- operators -------------------------------------------------------------------------

    static string? TwoCharOp(int c1, int c2)
    {
        switch (c1)
        {
            case '!': return c2 == '=' ? "!=" : null;
            case '%': return c2 == '=' ? "%=" : null;
            case '&': return c2 == '=' ? "&=" : null;
            case '*': return c2 == '*' ? "**" : c2 == '=' ? "*=" : null;
            case '+': return c2 == '=' ? "+=" : null;
            case '-': return c2 == '=' ? "-=" : c2 == '>' ? "->" : null;
            case '/': return c2 == '/' ? "//" : c2 == '=' ? "/=" : null;
            case ':': return c2 == '=' ? ":=" : null;
            case '<': return c2 == '<' ? "<<" : c2 == '=' ? "<=" : c2 == '>' ? "<>" : null;
            case '=': return c2 == '=' ? "==" : null;
            case '>': return c2 == '=' ? ">=" : c2 == '>' ? ">>" : null;
            case '@': return c2 == '=' ? "@=" : null;
            case '^': return c2 == '=' ? "^=" : null;
            case '|': return c2 == '=' ? "|=" : null;
        }
        return null;
    }

    static string? ThreeCharOp(int c1, int c2, int c3)
    {
        if (c3 == '=')
        {
            if (c1 == '*' && c2 == '*') return "**=";
            if (c1 == '/' && c2 == '/') return "//=";
            if (c1 == '<' && c2 == '<') return "<<=";
            if (c1 == '>' && c2 == '>') return ">>=";
        }
        else if (c1 == '.' && c2 == '.' && c3 == '.') return "...";
        return null;
    }

    static readonly string[] AsciiStrings = BuildAsciiStrings();

    static string[] BuildAsciiStrings()
    {
        var a = new string[128];
        for (int i = 0; i < 128; i++) a[i] = ((char)i).ToString();
        return a;
    }

    static string OneCharOp(int c) => c < 128 ? AsciiStrings[c] : ((char)c).ToString();

    // ---- character classes ---------------------------------------------------------------------

    static int CodePointAt(string s, int i, out int units)
    {
        char ch = s[i];
        if (char.IsHighSurrogate(ch) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            units = 2;
            return char.ConvertToUtf32(ch, s[i + 1]);
        }
        units = 1;
        return ch;
    }

    static bool IsDigit(int c) => c >= '0' && c <= '9';
    static bool IsHexDigit(int c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    static bool IsPotentialIdentifierStart(int c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
    static bool IsPotentialIdentifierChar(int c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 128;

    // ---- positions and tokens --------------------------------------------------------------------

    Token MakeToken(TokenKind kind, string text, int start, int end)
    {
        int col = ByteCol(_lineIdx, _lineStart, start);
        int endCol = start == end ? col : ByteCol(_lineIdx, _lineStart, end);
        return Shifted(kind, text, _lineNo, col, endCol);
    }

    Token NoPosToken(TokenKind kind) => Shifted(kind, "", _lineNo, -1, -1);

    Token Shifted(TokenKind kind, string text, int line, int col, int endCol)
    {
        // CPython shifts both columns when the tokenizer is still on the f-string's first line.
        if (_lineNo == _shiftLine) { col += _shiftCol; endCol += _shiftCol; }
        return new Token(kind, text, line, col, _lineNo, endCol);
    }

    /// <summary>UTF-8 byte count from lineStart to idx (an escaped invalid byte counts one).</summary>
    int ByteCol(int lineIdx, int lineStart, int idx)
    {
        if (lineIdx < 0 || !_lineNonAscii[lineIdx]) return idx - lineStart;
        // Resume from the last position asked on this line, so a long non-ASCII line costs
        // linear time, not quadratic.
        int p = lineStart, bytes = 0;
        if (_byteColLineStart == lineStart && idx >= _byteColIdx)
        {
            p = _byteColIdx;
            bytes = _byteColBytes;
        }
        while (p < idx)
        {
            bytes += Utf8Length(p, out int units);
            p += units;
        }
        _byteColLineStart = lineStart;
        _byteColIdx = p;
        _byteColBytes = bytes;
        return bytes;
    }

    int Utf8Length(int p, out int units)
    {
        char ch = _src[p];
        units = 1;
        if (ch < 0x80) return 1;
        if (ch < 0x800) return 2;
        if (char.IsHighSurrogate(ch) && p + 1 < _src.Length && char.IsLowSurrogate(_src[p + 1]))
        {
            units = 2;
            return 4;
        }
        if (SourceDecoding.IsEscapedByte(_src, p)) return 1;
        return 3;
    }

    /// <summary>Code points from lineStart to idx: CPython's character offset of idx.</summary>
    int CharCol(int lineStart, int idx)
    {
        int n = 0;
        for (int p = lineStart; p < idx; p++)
        {
            n++;
            if (char.IsHighSurrogate(_src[p]) && p + 1 < idx && char.IsLowSurrogate(_src[p + 1])) p++;
        }
        return n;
    }

    int LineEnd(int lineStart)
    {
        int e = _src.IndexOf('\n', lineStart);
        return e < 0 ? _src.Length : e;
    }

    string LineWithoutNewline(int lineStart) => ForDisplay(_src.Substring(lineStart, LineEnd(lineStart) - lineStart));

    int Utf8Count(int from, int to)
    {
        int n = 0;
        for (int p = from; p < to;)
        {
            n += Utf8Length(p, out int units);
            p += units;
        }
        return n;
    }

    /// <summary>Invalid source bytes show as CPython's "replace" decoding shows them: one U+FFFD
    /// for each maximal invalid subsequence.</summary>
    static string ForDisplay(string s)
    {
        int first = -1;
        for (int i = 0; i < s.Length; i++)
            if (SourceDecoding.IsEscapedByte(s, i)) { first = i; break; }
        if (first < 0) return s;
        var sb = new StringBuilder(s.Length);
        sb.Append(s, 0, first);
        for (int i = first; i < s.Length;)
        {
            if (!SourceDecoding.IsEscapedByte(s, i))
            {
                sb.Append(s[i++]);
                continue;
            }
            int j = i;
            while (j < s.Length && SourceDecoding.IsEscapedByte(s, j)) j++;
            sb.Append(Encoding.UTF8.GetString(SourceDecoding.OriginalBytes(s, i, j)));
            i = j;
        }
        return sb.ToString();
    }

    // ---- errors ----------------------------------------------------------------------------------

    /// <summary>The cursor's offset as CPython's parser reports it for a token without position.</summary>
    int CursorErrorOffset() => ErrorOffset(_lineNo, ByteCol(_lineIdx, _lineStart, _cur));

    /// <summary>CPython's syntaxerror(): at the cursor, text = the line without its '\n'.</summary>
    PythonSyntaxError Error(string msg)
    {
        Done = ErrorCode.Raised;
        int off = CharCol(_lineStart, _cur);
        return new PythonSyntaxError("SyntaxError", msg, _filename, _lineNo, off, LineWithoutNewline(_lineStart), _lineNo, off);
    }

    /// <summary>Indentation errors, located as CPython's parser locates them from tok->done.</summary>
    PythonSyntaxError IndentError(ErrorCode code)
    {
        Done = code;
        _cur = _inp;
        string text = ErrorLineText(_lineNo);
        return code switch
        {
            ErrorCode.TabSpace => new PythonSyntaxError("TabError", "inconsistent use of tabs and spaces in indentation",
                _filename, _lineNo, 1, text, _lineNo, 0),
            ErrorCode.TooDeep => new PythonSyntaxError("IndentationError", "too many levels of indentation",
                _filename, _lineNo, 1, text, _lineNo, 0),
            _ => new PythonSyntaxError("IndentationError", "unindent does not match any outer indentation level",
                _filename, _lineNo, CursorErrorOffset(), text, _lineNo, -1),
        };
    }

    /// <summary>EOF inside brackets: "'(' was never closed" at the innermost open bracket.</summary>
    PythonSyntaxError UnclosedBracket()
    {
        var open = _brackets[^1];
        string? text = ErrorLineText(open.Line);
        int off = ErrorOffset(open.Line, open.Col + 1);
        return new PythonSyntaxError("SyntaxError", $"'{open.Char}' was never closed", _filename, open.Line, off, text, open.Line, 0);
    }

    // ---- set-up ----------------------------------------------------------------------------------

    /// <summary>CPython's translate_newlines: "\r\n" and "\r" become "\n"; for exec input a final
    /// "\n" is added when the text does not end with one (also, as CPython does, after a final "\r\n").</summary>
    static string TranslateNewlines(string s, bool execInput)
    {
        if (s.IndexOf('\r') < 0)
            return !execInput || (s.Length > 0 && s[^1] == '\n') ? s : s + "\n";
        var sb = new StringBuilder(s.Length + 1);
        char last = '\0';
        bool skipNextLf = false;
        for (int i = 0; i < s.Length; i++)
        {
            char ch = s[i];
            if (skipNextLf)
            {
                skipNextLf = false;
                if (ch == '\n')
                {
                    if (i + 1 >= s.Length) { last = '\0'; break; }  // CPython's loop then ends on '\0'
                    ch = s[++i];
                }
            }
            if (ch == '\r')
            {
                skipNextLf = true;
                ch = '\n';
            }
            sb.Append(ch);
            last = ch;
        }
        if (execInput && last != '\n') sb.Append('\n');
        return sb.ToString();
    }
}
