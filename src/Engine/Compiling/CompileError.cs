#nullable enable
using System;
using System.IO;
using System.Text;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>Builds the SyntaxErrors the symbol table and the code generator raise,
/// located like CPython's (1-based offset = col_offset + 1; the source line is read
/// from the file when it exists, as PyErr_ProgramTextObject does).</summary>
public static class CompileError
{
    public static PythonSyntaxError At(string filename, PositionedNode? node, string message, string? source = null)
    {
        if (node == null) return new PythonSyntaxError("SyntaxError", message, filename, 0, 0, null);
        return At(filename, node.lineno, node.col_offset, node.end_lineno ?? node.lineno, node.end_col_offset ?? node.col_offset, message, source);
    }

    public static PythonSyntaxError At(string filename, int line, int col, int endLine, int endCol, string message, string? source = null)
    {
        string? text = LineOf(filename, line, source);
        int offset = col + 1, endOffset = endCol + 1;
        if (text != null)
        {
            // AST columns are UTF-8 byte offsets; SyntaxError offsets count characters.
            offset = CharOffset(text, col) + 1;
            if (endLine == line && endCol >= 0) endOffset = CharOffset(text, endCol) + 1;
        }
        return new PythonSyntaxError("SyntaxError", message, filename, line, offset, text, endLine, endOffset);
    }

    static int CharOffset(string text, int byteCol)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (byteCol >= bytes.Length) return text.Length + (byteCol - bytes.Length);
        return Encoding.UTF8.GetCharCount(bytes, 0, Math.Max(0, byteCol));
    }

    static string? LineOf(string filename, int line, string? source)
    {
        try
        {
            if (source == null)
            {
                if (string.IsNullOrEmpty(filename) || filename.StartsWith('<') || !File.Exists(filename)) return null;
                source = File.ReadAllText(filename);
            }
            int start = 0;
            for (int i = 1; i < line; i++)
            {
                int nl = source.IndexOf('\n', start);
                if (nl < 0) return null;
                start = nl + 1;
            }
            int end = source.IndexOf('\n', start);
            return end < 0 ? source.Substring(start) : source.Substring(start, end - start + 1);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
