#nullable enable
using System;
using System.Collections;
using System.Collections.Generic;
using System.Numerics;
using System.Text;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Parsing.Ast;

/// <summary>Renders an AST exactly as CPython 3.11's `ast.dump(node, include_attributes=...)`
/// (annotate_fields=True, no indent).</summary>
public static class AstDump
{
    /// <summary>
    /// Every field is written as name=value (annotate_fields=True makes the keyword form
    /// unconditional). An optional (`?`) field holding None is left out; a required one is
    /// written as None. With includeAttributes, lineno and col_offset always follow the
    /// fields, end_lineno and end_col_offset only when set (they are optional in the ASDL).
    /// The walk uses an explicit work stack, not recursion: a legal AST can be thousands of
    /// levels deep (a long chain of `+`), more than the .NET stack may hold.
    /// </summary>
    public static string Dump(Node node, bool includeAttributes = false)
    {
        if (node == null) throw new ArgumentNullException(nameof(node));
        var sb = new StringBuilder(256);
        var work = new Stack<Piece>();
        work.Push(Piece.Value(node));
        var pending = new List<Piece>(16);
        while (work.Count > 0)
        {
            Piece p = work.Pop();
            if (p.Text != null)
            {
                sb.Append(p.Text);
                continue;
            }
            object? value = p.Object;
            if (value is Node n)
            {
                // Lay the node out left to right, then push it reversed so it pops in order.
                pending.Clear();
                pending.Add(Piece.Literal(n.PyName + "("));
                string[] names = n.FieldNames;
                bool[] optional = n.FieldOptional;
                object?[] values = n.FieldValues();
                bool first = true;
                for (int i = 0; i < names.Length; i++)
                {
                    if (values[i] == null && optional[i]) continue;
                    pending.Add(Piece.Literal((first ? "" : ", ") + names[i] + "="));
                    pending.Add(Piece.Value(values[i]));
                    first = false;
                }
                if (includeAttributes && n is PositionedNode pos)
                {
                    pending.Add(Piece.Literal((first ? "" : ", ") + "lineno=" + pos.lineno + ", col_offset=" + pos.col_offset));
                    if (pos.end_lineno is int endLine)
                        pending.Add(Piece.Literal(", end_lineno=" + endLine));
                    if (pos.end_col_offset is int endCol)
                        pending.Add(Piece.Literal(", end_col_offset=" + endCol));
                }
                pending.Add(Piece.Literal(")"));
                for (int i = pending.Count - 1; i >= 0; i--) work.Push(pending[i]);
            }
            else if (value is IList list && value is not byte[])
            {
                if (list.Count == 0)
                {
                    sb.Append("[]");
                    continue;
                }
                sb.Append('[');
                work.Push(Piece.Literal("]"));
                for (int i = list.Count - 1; i >= 0; i--)
                {
                    work.Push(Piece.Value(list[i]));
                    if (i > 0) work.Push(Piece.Literal(", "));
                }
            }
            else
            {
                AppendScalar(sb, value);
            }
        }
        return sb.ToString();
    }

    /// <summary>repr() of a leaf: identifiers and strings, ints, and Constant values.</summary>
    private static void AppendScalar(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("None"); break;
            case bool b: sb.Append(b ? "True" : "False"); break;
            case string s: Repr.AppendStr(sb, s); break;
            case int i: sb.Append(i); break;
            case long l: sb.Append(l); break;
            case BigInteger big: sb.Append(Repr.Int(big)); break;
            case double d: Repr.AppendShortest(sb, d, addDotZero: true, alwaysSign: false); break;
            case Complex z: sb.Append(Repr.Complex(z)); break;
            case byte[] bytes: Repr.AppendBytes(sb, bytes); break;
            case EllipsisConstant: sb.Append("Ellipsis"); break;
            default:
                throw new InvalidOperationException(
                    $"ast dump: a field holds a {value.GetType().FullName}, which is no AST value type");
        }
    }

    /// <summary>One unit of output: either literal text, or a value still to be rendered.</summary>
    private readonly struct Piece
    {
        public readonly string? Text;
        public readonly object? Object;
        private Piece(string? text, object? obj) { Text = text; Object = obj; }
        public static Piece Literal(string text) => new(text, null);
        public static Piece Value(object? obj) => new(null, obj);
    }
}
