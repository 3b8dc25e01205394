#nullable enable
using System;
namespace StacklessIron.Parsing;

/// <summary>
/// A syntax error found by the tokenizer or parser, carrying what CPython's
/// SyntaxError carries. Kind is "SyntaxError", "IndentationError" or "TabError".
/// Lineno/Offset are 1-based; Offset counts characters (not bytes) as CPython's
/// SyntaxError.offset does. The runtime turns this into a Python exception object.
/// </summary>
public sealed class PythonSyntaxError : Exception
{
    public string Kind { get; }
    public string Msg { get; }
    public string Filename { get; }
    public int Lineno { get; }
    public int Offset { get; }
    public string? Text { get; }
    public int EndLineno { get; }
    public int EndOffset { get; }

    public PythonSyntaxError(string kind, string msg, string filename, int lineno, int offset,
                             string? text, int endLineno = 0, int endOffset = 0)
        : base($"{kind}: {msg} ({filename}, line {lineno})")
    {
        Kind = kind; Msg = msg; Filename = filename; Lineno = lineno; Offset = offset;
        Text = text; EndLineno = endLineno; EndOffset = endOffset;
    }

    /// <summary>CPython's rendering of an uncaught SyntaxError (traceback.format_exception_only).</summary>
    public string Format()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append($"  File \"{Filename}\", line {Lineno}\n");
        if (Text != null)
        {
            string line = Text.TrimEnd('\n', '\r');
            string stripped = line.TrimStart(' ', '\t', '\f');
            int removed = line.Length - stripped.Length;
            sb.Append("    ").Append(stripped).Append('\n');
            if (Offset >= 1)
            {
                int caret = Math.Max(0, Offset - 1 - removed);
                int width = 1;
                if (EndLineno == Lineno && EndOffset > Offset) width = EndOffset - Offset;
                sb.Append("    ").Append(' ', caret).Append('^', Math.Max(1, Math.Min(width, Math.Max(1, stripped.Length - caret)))).Append('\n');
            }
        }
        sb.Append(Kind).Append(": ").Append(Msg).Append('\n');
        return sb.ToString();
    }
}
