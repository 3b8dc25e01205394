#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>`from __future__ import ...` at the top of a module (CPython's future.c):
/// known features set code flags, unknown ones are SyntaxErrors.</summary>
public static class FutureFeatures
{
    public static CodeFlags Parse(List<StmtNode> body, string filename)
    {
        CodeFlags flags = 0;
        bool done = false;
        for (int i = 0; i < body.Count; i++)
        {
            var s = body[i];
            if (done) break;
            if (i == 0 && s is Expr { value: Constant { value: string } }) continue;
            if (s is ImportFrom f && f.module == "__future__")
            {
                foreach (var a in f.names)
                {
                    switch (a.name)
                    {
                        // Features that are mandatory in Python 3 set no flag (as in 3.11's future.c).
                        case "nested_scopes": case "generators": case "with_statement": case "division":
                        case "absolute_import": case "print_function": case "unicode_literals": case "generator_stop":
                            break;
                        case "barry_as_FLUFL": flags |= Compiler.FutureBarryAsBdfl; break;
                        case "annotations": flags |= CodeFlags.FutureAnnotations; break;
                        case "braces": throw CompileError.At(filename, f.lineno, f.col_offset, f.lineno, -1, "not a chance");
                        default: throw CompileError.At(filename, f.lineno, f.col_offset, f.lineno, -1, $"future feature {a.name} is not defined");
                    }
                }
                continue;
            }
            done = true;
        }
        return flags;
    }

    /// <summary>Line of the last `from __future__` statement of the leading block (ff_lineno), or -1.</summary>
    public static int LastFutureLine(List<StmtNode> body)
    {
        int line = -1;
        for (int i = 0; i < body.Count; i++)
        {
            var s = body[i];
            if (i == 0 && s is Expr { value: Constant { value: string } }) continue;
            if (s is ImportFrom f && f.module == "__future__") { line = s.lineno; continue; }
            break;
        }
        return line;
    }
}
