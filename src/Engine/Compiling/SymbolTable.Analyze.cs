#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

// Second pass: decide each name's scope (analyze_block & co. of symtable.c).
public sealed partial class SymbolTable
{
    void Analyze()
    {
        var free = new HashSet<string>();
        var global = new HashSet<string>();
        AnalyzeBlock(Top, null, free, global);
    }

    PositionedNode? DirectiveOf(Scope s, string name) => s.Directives.TryGetValue(name, out var d) ? d : null;

    void AnalyzeName(Scope ste, string name, SymbolFlags flags, HashSet<string>? bound,
                     HashSet<string> local, HashSet<string> free, HashSet<string> global)
    {
        if ((flags & SymbolFlags.Global) != 0)
        {
            if ((flags & SymbolFlags.Nonlocal) != 0)
                throw Error(DirectiveOf(ste, name), $"name '{name}' is nonlocal and global");
            ste.Scopes[name] = SymbolScope.GlobalExplicit;
            global.Add(name);
            bound?.Remove(name);
            return;
        }
        if ((flags & SymbolFlags.Nonlocal) != 0)
        {
            if (bound == null)
                throw Error(DirectiveOf(ste, name), "nonlocal declaration not allowed at module level");
            if (!bound.Contains(name))
                throw Error(DirectiveOf(ste, name), $"no binding for nonlocal '{name}' found");
            ste.Scopes[name] = SymbolScope.Free;
            ste.HasFree = true;
            free.Add(name);
            return;
        }
        if ((flags & SymbolFlags.Bound) != 0)
        {
            ste.Scopes[name] = SymbolScope.Local;
            local.Add(name);
            global.Remove(name);
            return;
        }
        // A binding in an enclosing function makes this a free variable, not a global.
        if (bound != null && bound.Contains(name))
        {
            ste.Scopes[name] = SymbolScope.Free;
            ste.HasFree = true;
            free.Add(name);
            return;
        }
        if (global.Contains(name)) { ste.Scopes[name] = SymbolScope.GlobalImplicit; return; }
        if (ste.Nested) ste.HasFree = true;
        ste.Scopes[name] = SymbolScope.GlobalImplicit;
    }

    void AnalyzeBlock(Scope ste, HashSet<string>? bound, HashSet<string> free, HashSet<string> global)
    {
        var local = new HashSet<string>();
        var newGlobal = new HashSet<string>();
        var newFree = new HashSet<string>();
        var newBound = new HashSet<string>();
        // A class namespace is invisible to nested functions: children see what the class saw.
        if (ste.Kind == ScopeKind.Class)
        {
            newGlobal.UnionWith(global);
            if (bound != null) newBound.UnionWith(bound);
        }
        foreach (var name in ste.SymbolOrder)
            AnalyzeName(ste, name, ste.Symbols[name], bound, local, free, global);
        if (ste.Kind != ScopeKind.Class)
        {
            if (ste.Kind == ScopeKind.Function) newBound.UnionWith(local);
            if (bound != null) newBound.UnionWith(bound);
            newGlobal.UnionWith(global);
        }
        else newBound.Add("__class__");

        var allFree = new HashSet<string>();
        foreach (var child in ste.Children)
        {
            var tempBound = new HashSet<string>(newBound);
            var tempFree = new HashSet<string>(newFree);
            var tempGlobal = new HashSet<string>(newGlobal);
            AnalyzeBlock(child, tempBound, tempFree, tempGlobal);
            allFree.UnionWith(tempFree);
            if (child.HasFree || child.ChildHasFree) ste.ChildHasFree = true;
        }
        newFree.UnionWith(allFree);

        if (ste.Kind == ScopeKind.Function)
        {
            // Locals that nested scopes use become cells.
            foreach (var name in ste.SymbolOrder)
                if (ste.ScopeOf(name) == SymbolScope.Local && newFree.Contains(name))
                {
                    ste.Scopes[name] = SymbolScope.Cell;
                    newFree.Remove(name);
                }
        }
        else if (ste.Kind == ScopeKind.Class)
        {
            if (newFree.Remove("__class__")) ste.NeedsClassClosure = true;
        }
        UpdateSymbols(ste, bound, newFree, ste.Kind == ScopeKind.Class);
        free.UnionWith(newFree);
    }

    static void UpdateSymbols(Scope ste, HashSet<string>? bound, HashSet<string> free, bool isClass)
    {
        // Free variables of children not bound here pass through this scope as free.
        foreach (var name in free)
        {
            if (ste.Symbols.TryGetValue(name, out var flags))
            {
                if (isClass && (flags & (SymbolFlags.Bound | SymbolFlags.Global)) != 0)
                    ste.Symbols[name] = flags | SymbolFlags.FreeClass;
                continue;
            }
            if (bound != null && !bound.Contains(name)) continue; // a global
            ste.SetFlags(name, SymbolFlags.None);
            ste.Scopes[name] = SymbolScope.Free;
        }
    }
}
