#nullable enable
namespace StacklessIron.Parsing;

/// <summary>Token kinds, as CPython's tokenizer produces them (Include/token.h).
/// Operators and delimiters are all Op; Token.Text says which.</summary>
public enum TokenKind : byte
{
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    Op,
    /// <summary>A `# type: ...` comment (only when the tokenizer is asked for them; ignored by the parser).</summary>
    TypeComment,
}

/// <summary>
/// One token. Lines are 1-based; columns are 0-based UTF-8 byte offsets into the
/// source line, exactly as CPython reports them in AST positions.
/// For String tokens, Text is the whole literal including prefix and quotes.
/// </summary>
public readonly struct Token
{
    public readonly TokenKind Kind;
    public readonly string Text;
    public readonly int Line, Col, EndLine, EndCol;

    public Token(TokenKind kind, string text, int line, int col, int endLine, int endCol)
    {
        Kind = kind; Text = text; Line = line; Col = col; EndLine = endLine; EndCol = endCol;
    }

    public bool IsOp(string op) => Kind == TokenKind.Op && Text == op;
    public bool IsName(string name) => Kind == TokenKind.Name && Text == name;
    public override string ToString() => $"{Kind} '{Text}' {Line}:{Col}-{EndLine}:{EndCol}";
}
