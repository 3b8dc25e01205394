#nullable enable
using System;
namespace StacklessIron.Compiling;

/// <summary>CodeObject.Flags: CPython's CO_* values.</summary>
[Flags]
public enum CodeFlags
{
    None = 0, Optimized = 0x1, NewLocals = 0x2, VarArgs = 0x4, VarKeywords = 0x8,
    Nested = 0x10, Generator = 0x20, NoFree = 0x40, Coroutine = 0x80,
    IterableCoroutine = 0x100, AsyncGenerator = 0x200,
    FutureAnnotations = 0x1000000,
}

/// <summary>One row of the exception table: instructions [Start, End) are covered;
/// on an exception the value stack is popped to Depth, (if PushLasti) the offset of
/// the raising instruction is pushed, then the exception, and execution continues at Target.</summary>
public readonly record struct ExceptionTableEntry(int Start, int End, int Target, int Depth, bool PushLasti);

/// <summary>A compile-time tuple constant (elements are constants too).</summary>
public sealed class ConstTuple
{
    public readonly object?[] Items;
    public ConstTuple(object?[] items) { Items = items; }
}

/// <summary>A compile-time frozenset constant (from `x in {1, 2}`).</summary>
public sealed class ConstFrozenSet
{
    public readonly object?[] Items;
    public ConstFrozenSet(object?[] items) { Items = items; }
}

/// <summary>
/// The compiler's output and the VM's input: bytecode plus everything needed to run it.
/// It is independent of the runtime object model: Constants hold compile-time values
/// (null = None, bool, System.Numerics.BigInteger, double, System.Numerics.Complex,
/// string, byte[], Parsing.Ast.EllipsisConstant, ConstTuple, ConstFrozenSet, CodeObject);
/// the runtime materialises them once into Python objects and keeps them in RuntimeCache.
/// Local slots ("fast locals") are laid out as VarNames, then CellVars, then FreeVars.
/// Serialisable by value (our marshal format) for module caching and tasklet pickling.
/// </summary>
public sealed class CodeObject
{
    public string Name = "";
    public string QualName = "";
    public string Filename = "";
    public int FirstLineNo;
    public int ArgCount;          // positional parameters, including positional-only
    public int PosOnlyArgCount;
    public int KwOnlyArgCount;
    public CodeFlags Flags;
    public int StackSize;         // max value-stack depth

    public int[] Code = Array.Empty<int>();           // (int)Opcode | (arg << 8)
    public object?[] Constants = Array.Empty<object?>();
    public string[] Names = Array.Empty<string>();    // globals, attributes, imports
    public string[] VarNames = Array.Empty<string>(); // parameters first, then other locals
    public string[] CellVars = Array.Empty<string>();
    public string[] FreeVars = Array.Empty<string>();
    public ExceptionTableEntry[] ExceptionTable = Array.Empty<ExceptionTableEntry>();

    // Source positions per instruction (parallel to Code; -1 = none). Columns are UTF-8
    // byte offsets as in the AST.
    public int[] Lines = Array.Empty<int>();
    public int[] EndLines = Array.Empty<int>();
    public int[] Cols = Array.Empty<int>();
    public int[] EndCols = Array.Empty<int>();

    public string? DocString;     // first constant if a docstring (functions: Constants[0])

    /// <summary>Runtime-owned cache (materialised constants, inline caches). Not serialised.</summary>
    public object? RuntimeCache;

    public int NLocalsPlus => VarNames.Length + CellVars.Length + FreeVars.Length;

    /// <summary>A copy sharing the instruction and table arrays (code.replace changes only
    /// scalar fields), without the runtime view of this one.</summary>
    public CodeObject ShallowCopy()
    {
        var copy = (CodeObject)MemberwiseClone();
        copy.RuntimeCache = null;
        return copy;
    }

    public static Opcode OpOf(int instr) => (Opcode)(instr & 0xFF);
    public static int ArgOf(int instr) => instr >> 8;
    public static int Encode(Opcode op, int arg = 0) => (int)op | (arg << 8);
}
