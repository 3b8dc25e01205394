#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>
/// The symbol table of one module (CPython 3.11's symtable.c): a first pass records
/// how every name is used in every scope, a second pass decides for each name whether
/// it is local, global (explicit or implicit), free or a cell. Scope rules follow 3.11:
/// class bodies do not enclose their methods, comprehensions are function scopes whose
/// first iterable is evaluated outside, walrus targets in comprehensions bind in the
/// nearest enclosing function or module, and super() uses the implicit __class__ cell.
/// </summary>
public sealed partial class SymbolTable
{
    public Scope Top { get; private set; } = null!;
    readonly Dictionary<Node, Scope> _byNode = new(ReferenceEqualityComparer.Instance);
    readonly string _filename;
    readonly bool _futureAnnotations;
    readonly List<Scope> _stack = new();
    Scope _cur = null!;
    Scope _global = null!;
    string? _private;
    int _depth;

    const int MaxDepth = 3000; // deeper nesting gives a clean "too complex" error, not a .NET stack overflow

    SymbolTable(string filename, bool futureAnnotations)
    {
        _filename = filename; _futureAnnotations = futureAnnotations;
    }

    /// <summary>Builds and analyses the table for a whole module/expression/interactive tree.</summary>
    public static SymbolTable Build(ModNode tree, string filename, bool futureAnnotations = false)
    {
        var st = new SymbolTable(filename, futureAnnotations);
        st.EnterBlock("top", ScopeKind.Module, tree, null);
        st._global = st._cur;
        switch (tree)
        {
            case Module m: foreach (var s in m.body) st.VisitStmt(s); break;
            case Interactive i: foreach (var s in i.body) st.VisitStmt(s); break;
            case Expression e: st.VisitExpr(e.body); break;
            default: throw new System.ArgumentException("unsupported tree " + tree.PyName);
        }
        st.ExitBlock();
        st.Analyze();
        return st;
    }

    /// <summary>The scope a function, lambda, class or comprehension node opens.</summary>
    public Scope ScopeFor(Node node) => _byNode[node];
    public bool TryScopeFor(Node node, out Scope scope) => _byNode.TryGetValue(node, out scope!);

    PythonSyntaxError Error(PositionedNode? at, string msg) => CompileError.At(_filename, at, msg);

    void EnterBlock(string name, ScopeKind kind, Node owner, PositionedNode? at)
    {
        var prev = _cur;
        var scope = new Scope(name, kind, owner, at);
        _byNode[owner] = scope;
        if (prev != null)
        {
            prev.Children.Add(scope);
            if (prev.Nested || prev.Kind == ScopeKind.Function) scope.Nested = true;
            // Scopes opened inside a comprehension's iterable stay "inside" it (walrus check).
            scope.CompIterExpr = prev.CompIterExpr;
            _stack.Add(prev);
        }
        _cur = scope;
        if (Top == null) Top = scope;
    }

    void ExitBlock()
    {
        if (_stack.Count > 0) { _cur = _stack[^1]; _stack.RemoveAt(_stack.Count - 1); }
    }

    /// <summary>Private name mangling (`__x` in class C becomes `_C__x`), CPython's _Py_Mangle.</summary>
    public static string Mangle(string? privateName, string name)
    {
        if (privateName == null || !name.StartsWith("__")) return name;
        if (name.EndsWith("__") || name.Contains('.')) return name;
        string stripped = privateName.TrimStart('_');
        if (stripped.Length == 0) return name;
        return "_" + stripped + name;
    }

    SymbolFlags Lookup(string name) => _cur.FlagsOf(Mangle(_private, name));

    void AddDef(string name, SymbolFlags flag, PositionedNode at) => AddDefHelper(name, flag, _cur, at);

    void AddDefHelper(string name, SymbolFlags flag, Scope scope, PositionedNode at)
    {
        string mangled = Mangle(_private, name);
        SymbolFlags val;
        if (scope.Symbols.TryGetValue(mangled, out var old))
        {
            if ((flag & SymbolFlags.Param) != 0 && (old & SymbolFlags.Param) != 0)
                throw Error(at, $"duplicate argument '{name}' in function definition");
            val = old | flag;
        }
        else val = flag;
        if (scope.CompIterTarget)
        {
            if ((val & (SymbolFlags.Global | SymbolFlags.Nonlocal)) != 0)
                throw Error(at, $"comprehension inner loop cannot rebind assignment expression target '{name}'");
            val |= SymbolFlags.CompIter;
        }
        scope.SetFlags(mangled, val);
        if ((flag & SymbolFlags.Param) != 0) scope.VarNames.Add(mangled);
        else if ((flag & SymbolFlags.Global) != 0)
            _global.SetFlags(mangled, flag | _global.FlagsOf(mangled));
    }

    void RecordDirective(string name, PositionedNode at)
    {
        string mangled = Mangle(_private, name);
        _cur.Directives.TryAdd(mangled, at);
    }

    void Enter()
    {
        if (++_depth > MaxDepth)
            throw new PythonSyntaxError("SyntaxError", "too many nested parentheses or statements: code too complex", _filename, 0, 0, null);
    }
}
