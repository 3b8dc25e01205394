#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>
/// AST -> CodeObject. Runs the stages in order: `from __future__` checks, constant
/// folding (3.11's AST optimiser), the symbol table, then code generation.
/// Raises PythonSyntaxError for what CPython's compiler rejects.
/// </summary>
public static class Compiler
{
    /// <summary>CPython's CO_FUTURE_* code flags (PyCF_MASK), inherited by every code object.</summary>
    public const CodeFlags FutureDivision = (CodeFlags)0x20000;
    public const CodeFlags FutureAbsoluteImport = (CodeFlags)0x40000;
    public const CodeFlags FutureWithStatement = (CodeFlags)0x80000;
    public const CodeFlags FuturePrintFunction = (CodeFlags)0x100000;
    public const CodeFlags FutureUnicodeLiterals = (CodeFlags)0x200000;
    public const CodeFlags FutureBarryAsBdfl = (CodeFlags)0x400000;
    public const CodeFlags FutureGeneratorStop = (CodeFlags)0x800000;
    public const CodeFlags FutureFlagsMask = (CodeFlags)0x1FE0000;

    public static CodeObject Compile(ModNode tree, string filename, CompileMode mode, int optimize = 0, CodeFlags futureFlags = 0)
    {
        if (tree is Module m) futureFlags |= FutureFeatures.Parse(m.body, filename);
        else if (tree is Interactive i) futureFlags |= FutureFeatures.Parse(i.body, filename);
        ConstantFolder.Fold(tree, optimize);
        bool futureAnnotations = (futureFlags & CodeFlags.FutureAnnotations) != 0;
        var st = SymbolTable.Build(tree, filename, futureAnnotations);
        return CodeGenerator.Generate(tree, filename, mode, st, optimize, futureFlags);
    }

    /// <summary>Compiles and returns the code object together with its symbol table (for tests and the symtable module).</summary>
    public static SymbolTable BuildSymbolTable(ModNode tree, string filename, CodeFlags futureFlags = 0)
    {
        if (tree is Module m) futureFlags |= FutureFeatures.Parse(m.body, filename);
        return SymbolTable.Build(tree, filename, (futureFlags & CodeFlags.FutureAnnotations) != 0);
    }
}
