#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Parsing;

/// <summary>
/// Recursive-descent parser that follows CPython 3.11's PEG grammar (Grammar/python.gram)
/// rule by rule, in the same ordered choice, so that it accepts the same programs, builds
/// the same AST and fails at the same token. Tokens are fetched lazily into a buffer;
/// backtracking is a reset of the buffer index; a few rules are memoised per token as
/// pegen does. A failed first pass is followed by a second pass with the invalid_* rules
/// switched on (they raise the specific error messages), as _PyPegen_run_parser does.
/// </summary>
internal sealed partial class Parser
{
    // Token codes. Operators and keywords get their own code so that matching is an int compare.
    internal const int ENDMARKER = 0, NAME = 1, NUMBER = 2, STRING = 3, NEWLINE = 4, INDENT = 5, DEDENT = 6, TYPE_COMMENT = 7;
    internal const int LPAR = 10, RPAR = 11, LSQB = 12, RSQB = 13, COLON = 14, COMMA = 15, SEMI = 16, PLUS = 17, MINUS = 18,
        STAR = 19, SLASH = 20, VBAR = 21, AMPER = 22, LESS = 23, GREATER = 24, EQUAL = 25, DOT = 26, PERCENT = 27,
        LBRACE = 28, RBRACE = 29, EQEQUAL = 30, NOTEQUAL = 31, LESSEQUAL = 32, GREATEREQUAL = 33, TILDE = 34,
        CIRCUMFLEX = 35, LEFTSHIFT = 36, RIGHTSHIFT = 37, DOUBLESTAR = 38, PLUSEQUAL = 39, MINEQUAL = 40,
        STAREQUAL = 41, SLASHEQUAL = 42, PERCENTEQUAL = 43, AMPEREQUAL = 44, VBAREQUAL = 45, CIRCUMFLEXEQUAL = 46,
        LEFTSHIFTEQUAL = 47, RIGHTSHIFTEQUAL = 48, DOUBLESTAREQUAL = 49, DOUBLESLASH = 50, DOUBLESLASHEQUAL = 51,
        AT = 52, ATEQUAL = 53, RARROW = 54, ELLIPSIS = 55, COLONEQUAL = 56, OLDNOTEQUAL = 57, OTHEROP = 58;
    internal const int K_FALSE = 100, K_NONE = 101, K_TRUE = 102, K_AND = 103, K_AS = 104, K_ASSERT = 105, K_ASYNC = 106,
        K_AWAIT = 107, K_BREAK = 108, K_CLASS = 109, K_CONTINUE = 110, K_DEF = 111, K_DEL = 112, K_ELIF = 113,
        K_ELSE = 114, K_EXCEPT = 115, K_FINALLY = 116, K_FOR = 117, K_FROM = 118, K_GLOBAL = 119, K_IF = 120,
        K_IMPORT = 121, K_IN = 122, K_IS = 123, K_LAMBDA = 124, K_NONLOCAL = 125, K_NOT = 126, K_OR = 127,
        K_PASS = 128, K_RAISE = 129, K_RETURN = 130, K_TRY = 131, K_WHILE = 132, K_WITH = 133, K_YIELD = 134;

    static readonly Dictionary<string, int> s_ops = new()
    {
        ["("] = LPAR, [")"] = RPAR, ["["] = LSQB, ["]"] = RSQB, [":"] = COLON, [","] = COMMA, [";"] = SEMI,
        ["+"] = PLUS, ["-"] = MINUS, ["*"] = STAR, ["/"] = SLASH, ["|"] = VBAR, ["&"] = AMPER, ["<"] = LESS,
        [">"] = GREATER, ["="] = EQUAL, ["."] = DOT, ["%"] = PERCENT, ["{"] = LBRACE, ["}"] = RBRACE,
        ["=="] = EQEQUAL, ["!="] = NOTEQUAL, ["<="] = LESSEQUAL, [">="] = GREATEREQUAL, ["~"] = TILDE,
        ["^"] = CIRCUMFLEX, ["<<"] = LEFTSHIFT, [">>"] = RIGHTSHIFT, ["**"] = DOUBLESTAR, ["+="] = PLUSEQUAL,
        ["-="] = MINEQUAL, ["*="] = STAREQUAL, ["/="] = SLASHEQUAL, ["%="] = PERCENTEQUAL, ["&="] = AMPEREQUAL,
        ["|="] = VBAREQUAL, ["^="] = CIRCUMFLEXEQUAL, ["<<="] = LEFTSHIFTEQUAL, [">>="] = RIGHTSHIFTEQUAL,
        ["**="] = DOUBLESTAREQUAL, ["//"] = DOUBLESLASH, ["//="] = DOUBLESLASHEQUAL, ["@"] = AT, ["@="] = ATEQUAL,
        ["->"] = RARROW, ["..."] = ELLIPSIS, [":="] = COLONEQUAL, ["<>"] = OLDNOTEQUAL,
    };

    static readonly Dictionary<string, int> s_keywords = new()
    {
        ["False"] = K_FALSE, ["None"] = K_NONE, ["True"] = K_TRUE, ["and"] = K_AND, ["as"] = K_AS,
        ["assert"] = K_ASSERT, ["async"] = K_ASYNC, ["await"] = K_AWAIT, ["break"] = K_BREAK, ["class"] = K_CLASS,
        ["continue"] = K_CONTINUE, ["def"] = K_DEF, ["del"] = K_DEL, ["elif"] = K_ELIF, ["else"] = K_ELSE,
        ["except"] = K_EXCEPT, ["finally"] = K_FINALLY, ["for"] = K_FOR, ["from"] = K_FROM, ["global"] = K_GLOBAL,
        ["if"] = K_IF, ["import"] = K_IMPORT, ["in"] = K_IN, ["is"] = K_IS, ["lambda"] = K_LAMBDA,
        ["nonlocal"] = K_NONLOCAL, ["not"] = K_NOT, ["or"] = K_OR, ["pass"] = K_PASS, ["raise"] = K_RAISE,
        ["return"] = K_RETURN, ["try"] = K_TRY, ["while"] = K_WHILE, ["with"] = K_WITH, ["yield"] = K_YIELD,
    };

    internal static bool IsKeyword(string s) => s_keywords.ContainsKey(s);

    internal enum Mode { File, Eval, Single, FString }

    readonly Tokenizer _tokenizer;
    readonly string _filename;
    readonly Mode _mode;
    Token[] _toks;
    int[] _codes;
    short[] _levels;
    int _fill, _pos;
    bool _sawEnd;
    bool _parsingStarted;
    Token? _heldEnd;
    bool _tokError;
    // _invalidPass: the invalid_* rules are called (off again inside expression_without_invalid).
    // _errorPass: this is the second pass, where memoisation must be CPython's exactly.
    bool _invalidPass;
    bool _errorPass;
    int _depth;
    // f-string sub-parser: errors get CPython's "f-string: " prefix.
    readonly Parser? _outer;

    internal Parser(Tokenizer tokenizer, string filename, Mode mode, Parser? outer = null)
    {
        _tokenizer = tokenizer; _filename = filename; _mode = mode; _outer = outer;
        // The buffers of the last finished top-level parse are reused: parsing a whole
        // library then allocates no buffers proportional to file sizes.
        var cached = outer == null ? System.Threading.Interlocked.Exchange(ref s_cache, null) : null;
        if (cached != null)
        {
            _toks = cached.Toks; _codes = cached.Codes; _levels = cached.Levels; _memoVal = cached.MemoVal; _memoEnd = cached.MemoEnd;
        }
        else
        {
            int n = outer == null ? 256 : 16;
            _toks = new Token[n]; _codes = new int[n]; _levels = new short[n];
            _memoVal = new object?[n * M_COUNT]; _memoEnd = new int[n * M_COUNT];
        }
    }

    sealed class Buffers
    {
        public Token[] Toks = null!; public int[] Codes = null!; public short[] Levels = null!;
        public object?[] MemoVal = null!; public int[] MemoEnd = null!;
    }

    static Buffers? s_cache;

    /// <summary>Clears what this parse used and offers the buffers to the next parse.</summary>
    internal void Release()
    {
        if (_outer != null) return;
        Array.Clear(_toks, 0, _fill);
        Array.Clear(_memoVal, 0, Math.Min(_memoVal.Length, (_fill + 1) * M_COUNT));
        Array.Clear(_memoEnd, 0, Math.Min(_memoEnd.Length, (_fill + 1) * M_COUNT));
        s_cache = new Buffers { Toks = _toks, Codes = _codes, Levels = _levels, MemoVal = _memoVal, MemoEnd = _memoEnd };
    }

    // ---------------------------------------------------------------- tokens

    void FillOne()
    {
        if (_fill == _toks.Length) Grow();
        Token t;
        if (_heldEnd.HasValue) { t = _heldEnd.Value; _heldEnd = null; }
        else if (_sawEnd) t = _toks[_fill - 1];
        else
        {
            try { t = _tokenizer.Next(); }
            catch (PythonSyntaxError) { _tokError = true; throw; }
        }
        if (_mode == Mode.Single)
        {
            // _PyPegen_fill_token: in single-input mode the first ENDMARKER after some input
            // becomes a NEWLINE, so that a compound statement is terminated.
            if (t.Kind == TokenKind.EndMarker && _parsingStarted)
            {
                _parsingStarted = false;
                // the tokenizer, still at the end, gives the implied DEDENTs and then ENDMARKER again
                if (ImplyDedent) _tokenizer.ImplyDedents();
                else _heldEnd = t;
                t = new Token(TokenKind.Newline, "", t.Line, t.Col, t.EndLine, t.EndCol);
            }
            else _parsingStarted = true;
        }
        int code;
        switch (t.Kind)
        {
            case TokenKind.Name: code = s_keywords.TryGetValue(t.Text, out int k) ? k : NAME; break;
            case TokenKind.Number: code = NUMBER; break;
            case TokenKind.String: code = STRING; break;
            case TokenKind.Newline: code = NEWLINE; break;
            case TokenKind.Indent: code = INDENT; break;
            case TokenKind.Dedent: code = DEDENT; break;
            case TokenKind.EndMarker: code = ENDMARKER; _sawEnd = true; break;
            case TokenKind.Op: code = s_ops.TryGetValue(t.Text, out int o) ? o : OTHEROP; break;
            default: code = TYPE_COMMENT; break;
        }
        _toks[_fill] = t; _codes[_fill] = code; _levels[_fill] = (short)_tokenizer.ParenLevel;
        _fill++;
        EnsureMemoCapacity();
    }

    void Grow()
    {
        int n = _toks.Length * 2;
        Array.Resize(ref _toks, n); Array.Resize(ref _codes, n); Array.Resize(ref _levels, n);
    }

    /// <summary>Code of the token at the current position (fetching it if needed).</summary>
    int Peek()
    {
        if (_pos == _fill) FillOne();
        return _codes[_pos];
    }

    int PeekAt(int i)
    {
        while (i >= _fill) FillOne();
        return _codes[i];
    }


    bool Accept(int code)
    {
        if (_pos == _fill) FillOne();
        if (_codes[_pos] == code) { _pos++; return true; }
        return false;
    }

    /// <summary>Accept one of the tokens a lookahead-only alternative needs, without consuming.</summary>
    bool At(int code) => Peek() == code;

    bool AtSoft(string word) => Peek() == NAME && _toks[_pos].Text == word;

    bool AcceptSoft(string word)
    {
        if (AtSoft(word)) { _pos++; return true; }
        return false;
    }

    /// <summary>`&&'x'`: a forced token raises "expected 'x'" at the current token even in the first pass.</summary>
    void Forced(int code, string text)
    {
        if (Peek() != code)
        {
            var t = _toks[_pos];
            throw RaiseLoc("SyntaxError", $"expected '{text}'", t.Line, t.Col, t.EndLine, t.EndCol);
        }
        _pos++;
    }

    // ---------------------------------------------------------------- positions

    T Fin<T>(T node, int start) where T : PositionedNode
    {
        var s = _toks[start];
        // EXTRA ends at the last token that is not NEWLINE/INDENT/DEDENT/ENDMARKER
        // (_PyPegen_get_last_nonnwhitespace_token).
        int last = _pos - 1;
        while (last > 0 && (_codes[last] == ENDMARKER || (_codes[last] >= NEWLINE && _codes[last] <= DEDENT))) last--;
        var e = _toks[last];
        node.lineno = s.Line; node.col_offset = s.Col; node.end_lineno = e.EndLine; node.end_col_offset = e.EndCol;
        return node;
    }

    static T Span<T>(T node, PositionedNode a, PositionedNode b) where T : PositionedNode
    {
        node.lineno = a.lineno; node.col_offset = a.col_offset; node.end_lineno = b.end_lineno; node.end_col_offset = b.end_col_offset;
        return node;
    }

    // ---------------------------------------------------------------- memo

    // Per-token memo slots for the rules pegen memoises (or that we backtrack over a lot).
    internal const int M_EXPRESSION = 0, M_T_PRIMARY = 1, M_ARGUMENTS = 2, M_STAR_TARGET = 3,
        M_TARGET_WITH_STAR_ATOM = 4, M_DEL_TARGET = 5, M_STRINGS = 6, M_BLOCK = 7, M_CLOSED_PATTERN = 8,
        M_STAR_PATTERN = 9, M_INVALID_NAMED = 10, M_SLICES = 11,
        // Memoised in the error pass only: there memoisation decides which invalid_* rules run
        // (a rule reached again at the same token is not re-parsed), so it must be CPython's.
        M_SIMPLE_STMT = 12, M_STAR_EXPRESSION = 13, M_DISJUNCTION = 14, M_CONJUNCTION = 15, M_INVERSION = 16,
        M_FACTOR = 17, M_AWAIT_PRIMARY = 18, M_BITWISE_OR = 19, M_BITWISE_XOR = 20, M_BITWISE_AND = 21,
        M_SHIFT_EXPR = 22, M_SUM = 23, M_TERM = 24, M_PRIMARY = 25, M_COUNT = 26;

    object?[] _memoVal;
    int[] _memoEnd;

    void EnsureMemoCapacity()
    {
        if (_memoEnd.Length < _toks.Length * M_COUNT)
        {
            Array.Resize(ref _memoVal, _toks.Length * M_COUNT);
            Array.Resize(ref _memoEnd, _toks.Length * M_COUNT);
        }
    }

    /// <summary>If rule <paramref name="rule"/> was already tried at the current position, restore its
    /// result and end position.</summary>
    bool Memo<T>(int rule, out T? result) where T : class
    {
        if (_pos == _fill) FillOne();
        int slot = _pos * M_COUNT + rule;
        int end = _memoEnd[slot];
        if (end != 0)
        {
            result = (T?)_memoVal[slot];
            _pos = end - 1;
            return true;
        }
        result = null;
        return false;
    }

    T? Save<T>(int rule, int start, T? result) where T : class
    {
        int slot = start * M_COUNT + rule;
        _memoVal[slot] = result;
        _memoEnd[slot] = (result == null ? start : _pos) + 1;
        if (result == null) _pos = start;
        return result;
    }

    void ClearMemo()
    {
        Array.Clear(_memoVal, 0, Math.Min(_memoVal.Length, (_fill + 1) * M_COUNT)); Array.Clear(_memoEnd, 0, Math.Min(_memoEnd.Length, (_fill + 1) * M_COUNT));
    }

    // ---------------------------------------------------------------- depth guard

    // CPython's generated parser gives up with MemoryError past MAXSTACK (6000) nested rule calls.
    // We count the recursive entry points; the parser runs on a thread with a big stack.
    const int MaxDepth = 6000;

    int _maxDepthSeen, _maxChain;

    /// <summary>Records the length of a left-recursive chain (a.b.c, a+b+c): each link nests the tree.</summary>
    void Chain(int n) { if (n > _maxChain) _maxChain = n; }

    /// <summary>Whether the tree may be deeper than ast.parse accepts: every nesting level of the
    /// recursive rules adds a bounded number of tree levels plus at most one chain.</summary>
    internal bool AstMayBeDeep => (_maxDepthSeen + 1) * (12 + _maxChain) + 250 > 3000;

    // CPython's parser is already about 30 rules deep when it reaches the first expression of
    // a top-level statement; our depth counts only the recursive entry points, so the limit is
    // lowered by that much (calibrated: "-" * 5970 + "x" is the shortest MemoryError).
    const int BaseDepth = 30;

    void Enter(int weight = 1)
    {
        _depth += weight;
        if (_depth > _maxDepthSeen) _maxDepthSeen = _depth;
        if (_depth + BaseDepth > MaxDepth) throw new PythonSyntaxError("MemoryError", "", _filename, 0, 0, null);
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw new PythonParser.StackLowException();
    }

    // ---------------------------------------------------------------- errors

    /// <summary>CURRENT_POS of pegen: the end of the error is where the tokenizer stands.</summary>
    const int CurrentPos = int.MinValue;

    /// <summary>_PyPegen_raise_error_known_location. col/endCol are 0-based UTF-8 byte columns
    /// (or -1 when unknown); SyntaxError gets 1-based character offsets.</summary>
    PythonSyntaxError RaiseLoc(string kind, string msg, int line, int col, int endLine, int endCol)
    {
        if (_mode == Mode.FString)
        {
            msg = "f-string: " + msg;
            if (line == _fstringStartLine) col -= _fstringStartCol;
            if (endCol != CurrentPos && endLine == _fstringStartLine) endCol -= _fstringStartCol;
        }
        if (endCol == CurrentPos)
        {
            var lt = _toks[_fill - 1];
            endLine = lt.EndLine;
            endCol = lt.EndCol - 1;
            if (_mode == Mode.FString && endLine == _fstringStartLine) endCol -= _fstringStartCol;
        }
        string? text = line > 0 ? _tokenizer.ErrorLineText(line) : null;
        int offset = col + 1 > 0 ? _tokenizer.ErrorOffset(line, col + 1) : col + 1;
        int endOffset = endCol + 1 > 0 ? _tokenizer.ErrorOffset(endLine, endCol + 1) : endCol + 1;
        return new PythonSyntaxError(kind, msg, _filename, line, offset, text, endLine, endOffset);
    }

    /// <summary>RAISE_SYNTAX_ERROR: located at the last token fetched.</summary>
    PythonSyntaxError RaiseSyntax(string msg, string kind = "SyntaxError")
    {
        if (_fill == 0) return RaiseLoc(kind, msg, 0, 0, 0, -1);
        var t = _toks[_fill - 1];
        if (t.Col < 0)
        {
            // INDENT/DEDENT/ENDMARKER have no columns: CPython uses the tokenizer's cursor
            // as the (1-based) offset.
            return RaiseLoc(kind, msg, t.Line, _tokenizer.CursorByteCol - 1, t.EndLine, -2);
        }
        return RaiseLoc(kind, msg, t.Line, t.Col, t.EndLine, t.EndCol);
    }

    PythonSyntaxError RaiseIndentation(string msg) => RaiseSyntax(msg, "IndentationError");

    /// <summary>compile()'s "incomplete input" (PyCF_ALLOW_INCOMPLETE_INPUT), at the last token read.</summary>
    internal PythonSyntaxError IncompleteInput() => RaiseSyntax("incomplete input");

    /// <summary>"single" mode: close open blocks at the end of input (false for compile()'s
    /// PyCF_DONT_IMPLY_DEDENT).</summary>
    internal bool ImplyDedent = true;

    PythonSyntaxError RaiseAt(PositionedNode a, string msg)
        => RaiseLoc("SyntaxError", msg, a.lineno, a.col_offset, a.end_lineno ?? a.lineno, a.end_col_offset ?? -1);

    PythonSyntaxError RaiseAt(Token a, string msg)
        => RaiseLoc("SyntaxError", msg, a.Line, a.Col, a.EndLine, a.EndCol);

    PythonSyntaxError RaiseRange(PositionedNode a, PositionedNode b, string msg)
        => RaiseLoc("SyntaxError", msg, a.lineno, a.col_offset, b.end_lineno ?? b.lineno, b.end_col_offset ?? -1);

    PythonSyntaxError RaiseRange(Token a, Token b, string msg)
        => RaiseLoc("SyntaxError", msg, a.Line, a.Col, b.EndLine, b.EndCol);

    PythonSyntaxError RaiseRange(Token a, PositionedNode b, string msg)
        => RaiseLoc("SyntaxError", msg, a.Line, a.Col, b.end_lineno ?? b.lineno, b.end_col_offset ?? -1);

    PythonSyntaxError RaiseRange(PositionedNode a, Token b, string msg)
        => RaiseLoc("SyntaxError", msg, a.lineno, a.col_offset, b.EndLine, b.EndCol);

    // CURRENT_POS in CPython is -5; RAISE_SYNTAX_ERROR_STARTING_FROM passes it for the end.
    PythonSyntaxError RaiseStartingFrom(PositionedNode a, string msg)
        => RaiseLoc("SyntaxError", msg, a.lineno, a.col_offset, 0, CurrentPos);

    PythonSyntaxError RaiseStartingFrom(Token a, string msg)
        => RaiseLoc("SyntaxError", msg, a.Line, a.Col, 0, CurrentPos);

    // ---------------------------------------------------------------- driver

    /// <summary>Runs a start rule the way _PyPegen_run_parser does: a plain pass, then on failure
    /// a pass with the invalid_* rules, then the generic error at the furthest first-pass token.</summary>
    internal T Run<T>(Func<T?> startRule) where T : class
    {
        T? result;
        try
        {
            result = startRule();
        }
        catch (PythonSyntaxError e)
        {
            if (e.Kind == "MemoryError" || _tokError) throw;
            throw CheckRestOfSource(e);
        }
        if (result != null) return result;

        Token lastToken = _toks[_fill - 1];
        _pos = 0; _depth = 0; _invalidPass = true; _errorPass = true;
        ClearMemo();
        try
        {
            startRule();
        }
        catch (PythonSyntaxError e)
        {
            if (e.Kind == "MemoryError" || _tokError) throw;
            throw CheckRestOfSource(e);
        }
        // No specific error: generic one at the furthest token of the first pass.
        if (lastToken.Kind == TokenKind.Indent || lastToken.Kind == TokenKind.Dedent)
        {
            // RAISE_INDENTATION_ERROR uses the last token fetched (by either pass).
            throw RaiseIndentation(lastToken.Kind == TokenKind.Indent ? "unexpected indent" : "unexpected unindent");
        }
        var err = RaiseLoc("SyntaxError", "invalid syntax", lastToken.Line, lastToken.Col, lastToken.EndLine, lastToken.EndCol);
        throw CheckRestOfSource(err);
    }

    /// <summary>Mode "single": one statement, then nothing but blank lines and comments
    /// (bad_single_statement: "multiple statements found while compiling a single statement").</summary>
    internal Interactive RunSingle()
    {
        var r = Run(InteractiveRule);
        // bad_single_statement: only blank lines and comments may follow. The error is located
        // at the last token the parse fetched.
        int fill = _fill;
        int c;
        try { c = Peek(); }
        catch (PythonSyntaxError) { c = -1; }
        while (c == NEWLINE || c == DEDENT) { _pos++; c = Peek(); }
        if (c != ENDMARKER)
        {
            var t = _toks[fill - 1];
            throw RaiseLoc("SyntaxError", "multiple statements found while compiling a single statement", t.Line, t.Col, t.EndLine, t.EndCol);
        }
        return r;
    }

    /// <summary>_PyPegen_tokenize_full_source_to_check_for_errors: a tokenizer error later in the
    /// source replaces a parser error; an unclosed bracket opened on an earlier line than the
    /// error replaces it with "'(' was never closed".</summary>
    PythonSyntaxError CheckRestOfSource(PythonSyntaxError err)
    {
        if (_mode == Mode.Single || _outer != null) return err;
        int errLine = _fill > 0 ? _toks[_fill - 1].Line : 0;
        if (_sawEnd) return err;
        try
        {
            while (true)
            {
                var t = _tokenizer.Next();
                if (t.Kind == TokenKind.EndMarker) break;
            }
        }
        catch (PythonSyntaxError te)
        {
            // Only errors CPython's tokenizer raises at once (not E_DEDENT, E_TABSPACE, E_TOODEEP,
            // E_LINECONT, which the parser turns into exceptions itself) replace the parser's;
            // EOF inside brackets does when the bracket was opened on an earlier line.
            if (_tokenizer.Done == Tokenizer.ErrorCode.Raised) return te;
            // ERRORTOKEN without an exception: inside brackets opened on an earlier line than
            // the error, the error becomes "'(' was never closed".
            if (_tokenizer.ParenLevel > 0)
            {
                var b = _tokenizer.OpenBrackets[^1];
                if (errLine > b.Line)
                {
                    if (_tokenizer.Done == Tokenizer.ErrorCode.Eof) return te;
                    return new PythonSyntaxError("SyntaxError", $"'{b.Char}' was never closed", _filename, b.Line,
                        _tokenizer.ErrorOffset(b.Line, b.Col + 1), _tokenizer.ErrorLineText(b.Line), b.Line, 0);
                }
            }
            return err;
        }
        return err;
    }
}
