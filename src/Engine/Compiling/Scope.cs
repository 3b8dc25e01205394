#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>One block of the symbol table (CPython's PySTEntryObject): the names a
/// module, class, function, lambda or comprehension uses, and after analysis where
/// each of them lives.</summary>
public sealed class Scope
{
    public readonly string Name;
    public readonly ScopeKind Kind;
    public readonly Node Owner;
    public readonly int Lineno, ColOffset, EndLineno, EndColOffset;
    /// <summary>Names in first-seen order with their use flags.</summary>
    public readonly Dictionary<string, SymbolFlags> Symbols = new();
    public readonly List<string> SymbolOrder = new();
    /// <summary>Resolved scope per name (filled by the analysis).</summary>
    public readonly Dictionary<string, SymbolScope> Scopes = new();
    /// <summary>Parameters in co_varnames order.</summary>
    public readonly List<string> VarNames = new();
    public readonly List<Scope> Children = new();
    /// <summary>Where each global/nonlocal directive for a name was written (first one).</summary>
    public readonly Dictionary<string, PositionedNode> Directives = new();

    public bool Nested;                 // inside a function (or is a nested function)
    public bool HasFree;                // uses free variables
    public bool ChildHasFree;           // a child uses free variables
    public bool IsGenerator, IsCoroutine;
    public ComprehensionKind Comprehension;
    public bool HasVarArgs, HasVarKeywords;
    public bool ReturnsValue;
    public bool NeedsClassClosure;      // a class whose methods use __class__/super()
    public int CompIterExpr;            // >0 while visiting a comprehension's iterable
    public bool CompIterTarget;         // while visiting a comprehension's target

    public Scope(string name, ScopeKind kind, Node owner, PositionedNode? at)
    {
        Name = name; Kind = kind; Owner = owner;
        if (at != null) { Lineno = at.lineno; ColOffset = at.col_offset; EndLineno = at.end_lineno ?? at.lineno; EndColOffset = at.end_col_offset ?? at.col_offset; }
    }

    public bool IsFunction => Kind == ScopeKind.Function;

    public SymbolFlags FlagsOf(string name) => Symbols.TryGetValue(name, out var f) ? f : SymbolFlags.None;

    public SymbolScope ScopeOf(string name) => Scopes.TryGetValue(name, out var s) ? s : SymbolScope.Unknown;

    public void SetFlags(string name, SymbolFlags flags)
    {
        if (!Symbols.ContainsKey(name)) SymbolOrder.Add(name);
        Symbols[name] = flags;
    }

    public override string ToString() => $"{Kind} {Name}";
}
