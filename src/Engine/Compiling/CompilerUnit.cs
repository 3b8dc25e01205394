#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>What kind of code object a unit produces (CPython's COMPILER_SCOPE_*).</summary>
public enum UnitKind { Module, Class, Function, AsyncFunction, Lambda, Comprehension }

/// <summary>The kinds of frame blocks that break/continue/return must unwind.</summary>
public enum FBlockKind
{
    WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith,
    HandlerCleanup, PopValue, ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator,
}

/// <summary>A statically nested block (loop, try, with, handler) of the unit being compiled.</summary>
public sealed class FBlock
{
    public readonly FBlockKind Kind;
    public readonly Label? Block;
    public readonly Label? Exit;
    /// <summary>The finally body, the handler's name, or the `with` statement.</summary>
    public readonly object? Datum;
    public FBlock(FBlockKind kind, Label? block, Label? exit, object? datum) { Kind = kind; Block = block; Exit = exit; Datum = datum; }
}

/// <summary>The state of one code object under construction (CPython's compiler_unit).</summary>
public sealed class CompilerUnit
{
    public readonly Scope Ste;
    public readonly UnitKind Kind;
    public readonly string Name;
    public string QualName = "";
    public readonly int FirstLine;
    public string? Private;
    public readonly List<Instruction> Code = new();
    public readonly List<object?> Consts = new();
    public readonly Dictionary<object, int> ConstIndex = new();
    public readonly List<string> Names = new();
    public readonly Dictionary<string, int> NameIndex = new();
    public readonly List<string> VarNames = new();
    public readonly Dictionary<string, int> VarIndex = new();
    public readonly List<string> CellVars = new();
    public readonly List<string> FreeVars = new();
    public readonly List<FBlock> FBlocks = new();
    public int ArgCount, PosOnlyArgCount, KwOnlyArgCount;
    public SourceLocation Loc;
    /// <summary>A label was marked at the current end of Code (the next instruction starts a block).</summary>
    public int LastLabelAt = -1;

    public CompilerUnit(Scope ste, UnitKind kind, string name, int firstLine)
    {
        Ste = ste; Kind = kind; Name = name; FirstLine = firstLine;
        foreach (var v in ste.VarNames) AddVarName(v);
        var cells = new List<string>();
        var frees = new List<string>();
        foreach (var (n, sc) in ste.Scopes)
        {
            if (sc == SymbolScope.Cell) cells.Add(n);
            if (sc == SymbolScope.Free || (ste.FlagsOf(n) & SymbolFlags.FreeClass) != 0) frees.Add(n);
        }
        cells.Sort(System.StringComparer.Ordinal);
        // Cells that are also parameters come first, in parameter order (3.11's localsplus layout).
        var argCells = new List<string>();
        foreach (var v in ste.VarNames) if (cells.Contains(v) && !argCells.Contains(v)) argCells.Add(v);
        cells.RemoveAll(argCells.Contains);
        cells.InsertRange(0, argCells);
        frees.Sort(System.StringComparer.Ordinal);
        if (ste.NeedsClassClosure) CellVars.Add("__class__");
        CellVars.AddRange(cells);
        FreeVars.AddRange(frees);
        Loc = new SourceLocation(firstLine, 0, firstLine, 0);
    }

    public int AddVarName(string name)
    {
        if (VarIndex.TryGetValue(name, out int i)) return i;
        VarIndex[name] = VarNames.Count;
        VarNames.Add(name);
        return VarNames.Count - 1;
    }

    public int AddName(string name)
    {
        if (NameIndex.TryGetValue(name, out int i)) return i;
        NameIndex[name] = Names.Count;
        Names.Add(name);
        return Names.Count - 1;
    }

    public int AddConst(object? value)
    {
        object key = ConstantKey.Of(value);
        if (ConstIndex.TryGetValue(key, out int i)) return i;
        ConstIndex[key] = Consts.Count;
        Consts.Add(value);
        return Consts.Count - 1;
    }
}
