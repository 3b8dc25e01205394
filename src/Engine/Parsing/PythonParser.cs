#nullable enable
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Parsing;

/// <summary>The parser's public entry points (source -> AST). Raises PythonSyntaxError.
/// Besides SyntaxError/IndentationError/TabError, the error's Kind may be "MemoryError"
/// (CPython's parser gives up past 6000 nested rules: "too complex") or "RecursionError"
/// (ast.parse refuses trees deeper than 3000 levels: "maximum recursion depth exceeded
/// during ast construction"); the runtime raises the exception of that name.</summary>
public static partial class PythonParser
{
    /// <summary>CPython's default limit on the digits of a decimal int literal
    /// (sys.int_info.default_max_str_digits); 0 means no limit.</summary>
    public const int DefaultMaxIntDigits = 4300;

    /// <summary>compile() flags the parser honours (CPython's PyCF_*): in "single" mode do not
    /// close open blocks at the end of input, and report input that may go on (open brackets,
    /// blocks or strings at its end) as SyntaxError "incomplete input". codeop uses both to
    /// tell the interactive prompt whether to ask for another line.</summary>
    public const int DontImplyDedent = 0x200, AllowIncompleteInput = 0x4000;

    /// <summary>Parse a module from raw source bytes, honouring a UTF-8 BOM and a PEP 263
    /// coding declaration, as `ast.parse(bytes)` does.</summary>
    public static Module ParseModule(byte[] source, string filename = "<unknown>", int maxIntDigits = DefaultMaxIntDigits, int compileFlags = 0)
        => (Module)Parse(Decode(source, filename, out bool conv), filename, Parser.Mode.File, conv, maxIntDigits, compileFlags);

    /// <summary>Parse a module from text (mode "exec"), as `ast.parse(str)` does.</summary>
    public static Module ParseModule(string text, string filename = "<unknown>", int maxIntDigits = DefaultMaxIntDigits, int compileFlags = 0)
        => (Module)Parse(text, filename, Parser.Mode.File, true, maxIntDigits, compileFlags);

    /// <summary>Parse an expression (mode "eval").</summary>
    public static Expression ParseExpression(string text, string filename = "<unknown>", int maxIntDigits = DefaultMaxIntDigits, int compileFlags = 0)
        => (Expression)Parse(text, filename, Parser.Mode.Eval, true, maxIntDigits, compileFlags);

    public static Expression ParseExpression(byte[] source, string filename = "<unknown>", int maxIntDigits = DefaultMaxIntDigits, int compileFlags = 0)
        => (Expression)Parse(Decode(source, filename, out bool conv), filename, Parser.Mode.Eval, conv, maxIntDigits, compileFlags);

    /// <summary>Parse one interactive statement (mode "single").</summary>
    public static Interactive ParseInteractive(string text, string filename = "<unknown>", int maxIntDigits = DefaultMaxIntDigits, int compileFlags = 0)
        => (Interactive)Parse(text, filename, Parser.Mode.Single, true, maxIntDigits, compileFlags);

    public static Interactive ParseInteractive(byte[] source, string filename = "<unknown>", int maxIntDigits = DefaultMaxIntDigits, int compileFlags = 0)
        => (Interactive)Parse(Decode(source, filename, out bool conv), filename, Parser.Mode.Single, conv, maxIntDigits, compileFlags);

    /// <summary>CPython reports error offsets in bytes for bytes input that declares no encoding.</summary>
    static string Decode(byte[] source, string filename, out bool convertOffsets)
    {
        string text = SourceDecoding.Decode(source, filename, out string? declared);
        convertOffsets = declared != null;
        return text;
    }

    static ModNode Parse(string text, string filename, Parser.Mode mode, bool convertOffsets, int maxIntDigits, int compileFlags)
    {
        // Non-exec input gets no implicit final newline in CPython, so an empty source has no
        // line at all: the error is at line 0 (the tokenizer always adds the newline).
        if (text.Length == 0 && mode != Parser.Mode.File)
            throw new PythonSyntaxError("SyntaxError", "invalid syntax", filename, 0, 0, null);
        return OnBigStack(filename, () =>
        {
            // As CPython, only "exec" input gets a final newline; "single" input is closed by the
            // parser (a NEWLINE at the end, then the dedents unless PyCF_DONT_IMPLY_DEDENT).
            var tok = new Tokenizer(text, filename, execInput: mode == Parser.Mode.File) { ConvertOffsetsToChars = convertOffsets };
            var p = new Parser(tok, filename, mode) { MaxIntDigits = maxIntDigits, ImplyDedent = (compileFlags & DontImplyDedent) == 0 };
            try
            {
                ModNode r = mode switch
                {
                    Parser.Mode.Eval => p.Run(p.EvalRule),
                    Parser.Mode.Single => p.RunSingle(),
                    _ => p.Run(p.FileRule),
                };
                if (p.AstMayBeDeep) CheckDepth(r, filename);
                return r;
            }
            catch (PythonSyntaxError e) when ((compileFlags & AllowIncompleteInput) != 0 && tok.InputMayContinue
                                              && e.Kind is "SyntaxError" or "IndentationError" or "TabError")
            {
                throw p.IncompleteInput();
            }
            finally { p.Release(); }
        });
    }

    /// <summary>Thrown inside the parser when the .NET stack of the calling thread runs low;
    /// the parse is then redone on a thread with a large stack.</summary>
    internal sealed class StackLowException : Exception { }

    const int BigStackSize = 512 * 1024 * 1024;

    static T OnBigStack<T>(string filename, Func<T> parse) where T : class
    {
        try
        {
            return parse();
        }
        catch (StackLowException)
        {
            T? result = null;
            Exception? error = null;
            var th = new Thread(() =>
            {
                try { result = parse(); }
                catch (Exception e) { error = e; }
            }, BigStackSize);
            th.Start();
            th.Join();
            if (error is StackLowException)
                throw new PythonSyntaxError("MemoryError", "", filename, 0, 0, null);
            if (error != null) { System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw(); }
            return result!;
        }
    }

    // ast.parse converts the tree to Python objects with a recursion limit of 3 x 1000.
    const int MaxAstDepth = 3000;

    /// <summary>Rejects trees deeper than CPython's ast construction accepts. Iterative, so
    /// that a deep tree cannot overflow the .NET stack here.</summary>
    static bool IsSingleton(Node n) => n is ExprContextNode || n is OperatorNode || n is BoolopNode || n is UnaryopNode || n is CmpopNode;

    static void CheckDepth(Node root, string filename)
    {
        var stack = new Stack<(Node, int)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (n, d) = stack.Pop();
            if (d > MaxAstDepth)
                throw new PythonSyntaxError("RecursionError", "maximum recursion depth exceeded during ast construction", filename, 0, 0, null);
            foreach (var v in n.FieldValues())
            {
                if (v is Node child) { if (!IsSingleton(child)) stack.Push((child, d + 1)); }
                else if (v is System.Collections.IList list)
                {
                    foreach (var x in list) if (x is Node c2 && !IsSingleton(c2)) stack.Push((c2, d + 1));
                }
            }
        }
    }
}
