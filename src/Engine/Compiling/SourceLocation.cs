#nullable enable
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>The source span an instruction belongs to (Line -1: none, inherited later).</summary>
public readonly record struct SourceLocation(int Line, int Col, int EndLine, int EndCol)
{
    public static readonly SourceLocation None = new(-1, -1, -1, -1);
    public static SourceLocation Of(PositionedNode n) => new(n.lineno, n.col_offset, n.end_lineno ?? n.lineno, n.end_col_offset ?? n.col_offset);
}
