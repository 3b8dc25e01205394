#nullable enable
namespace StacklessIron.Parsing.Ast;

/// <summary>
/// Base of every AST node. The node classes (Nodes.g.cs) mirror CPython 3.11's
/// `ast` module node for node: same class names (PyName), same fields in the same
/// order, so that a generic dump reproduces `ast.dump` exactly.
/// Field values are: a Node, a List of nodes, a string (identifier/string),
/// an int / int?, or for Constant.value a constant, one of: null (None), bool,
/// System.Numerics.BigInteger (int), double (float), System.Numerics.Complex (imaginary),
/// string (str), <see cref="CodePointString"/> (a str with a high surrogate code point directly
/// followed by a low one, which a string would merge into one astral character), byte[] (bytes),
/// <see cref="EllipsisConstant"/>.
/// </summary>
public abstract partial class Node
{
    /// <summary>The node's class name in Python's `ast` module.</summary>
    public abstract string PyName { get; }
    /// <summary>Field names in ASDL order (`_fields`).</summary>
    public abstract string[] FieldNames { get; }
    /// <summary>Per field: declared optional (`?`) in the ASDL, so ast.dump omits it when None.</summary>
    public abstract bool[] FieldOptional { get; }
    /// <summary>Current field values in FieldNames order.</summary>
    public abstract object?[] FieldValues();
}

/// <summary>A node with `_attributes` = (lineno, col_offset, end_lineno, end_col_offset).
/// Columns count UTF-8 bytes, as CPython's do.</summary>
public abstract partial class PositionedNode : Node
{
    public int lineno, col_offset;
    public int? end_lineno, end_col_offset;

    public void SetPosition(int line, int col, int? endLine, int? endCol)
    {
        lineno = line; col_offset = col; end_lineno = endLine; end_col_offset = endCol;
    }
}

/// <summary>The `...` constant in the AST (Constant(value=Ellipsis)).</summary>
public sealed class EllipsisConstant
{
    public static readonly EllipsisConstant Value = new();
    private EllipsisConstant() { }
    public override string ToString() => "Ellipsis";
}
