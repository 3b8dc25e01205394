#nullable enable
using System;
using System.Text;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Runtime;

/// <summary>Where a traceback's caret line puts its `^` inside `~`: the operator of a binary
/// operation, or the brackets of a subscript (3.11's extract_anchors_from_line). The segment is
/// parsed on its own; anything else, or anything that does not parse, has no anchors.</summary>
static class CaretAnchors
{
    public static bool Find(string segment, out int leftEnd, out int rightStart)
    {
        leftEnd = rightStart = -1;
        Module mod;
        try { mod = PythonParser.ParseModule(segment, "<traceback>"); }
        catch (Exception e) when (e is not OutOfMemoryException) { return false; }
        if (mod.body.Count != 1 || mod.body[0] is not Expr stmt) return false;
        var bytes = Encoding.UTF8.GetBytes(segment);
        int l, r;
        switch (stmt.value)
        {
            case BinOp b:
            {
                // The operator: the first non-blank between the operands.
                int from = b.left.end_col_offset ?? -1, to = b.right.col_offset;
                l = r = -1;
                for (int i = from; i >= 0 && i < to && i < bytes.Length; i++)
                {
                    if (IsBlank(bytes[i])) continue;
                    l = i; r = i + 1;
                    if (i + 1 < to && !IsBlank(bytes[i + 1])) r++;
                    break;
                }
                if (l < 0) return false;
                break;
            }
            case Subscript s:
                l = s.value.end_col_offset ?? -1;
                r = (s.slice.end_col_offset ?? -2) + 1;
                if (l < 0 || r < 0) return false;
                break;
            default:
                return false;
        }
        leftEnd = TracebackPrinter.ByteToCharOffset(segment, l);
        rightStart = TracebackPrinter.ByteToCharOffset(segment, r);
        return true;
    }

    static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\f';
}
