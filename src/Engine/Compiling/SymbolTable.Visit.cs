#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

// First pass: record every name's uses per scope (symtable_visit_* of symtable.c).
public sealed partial class SymbolTable
{
    void VisitStmts(List<StmtNode> body) { foreach (var s in body) VisitStmt(s); }
    void VisitExprs(List<ExprNode> list) { foreach (var e in list) if (e != null) VisitExpr(e); }

    void VisitStmt(StmtNode s)
    {
        Enter();
        switch (s)
        {
            case FunctionDef f: VisitFunction(f, f.name, f.args, f.body, f.decorator_list, f.returns, false); break;
            case AsyncFunctionDef f: VisitFunction(f, f.name, f.args, f.body, f.decorator_list, f.returns, true); break;
            case ClassDef c:
            {
                AddDef(c.name, SymbolFlags.Local, c);
                VisitExprs(c.bases);
                foreach (var k in c.keywords) VisitExpr(k.value);
                VisitExprs(c.decorator_list);
                EnterBlock(c.name, ScopeKind.Class, c, c);
                string? savedPrivate = _private;
                _private = c.name;
                VisitStmts(c.body);
                _private = savedPrivate;
                ExitBlock();
                break;
            }
            case Return r:
                if (r.value != null) { VisitExpr(r.value); _cur.ReturnsValue = true; }
                break;
            case Delete d: VisitExprs(d.targets); break;
            case Assign a: VisitExprs(a.targets); VisitExpr(a.value); break;
            case AnnAssign a:
            {
                if (a.target is Name n)
                {
                    var cur = Lookup(n.id);
                    if ((cur & (SymbolFlags.Global | SymbolFlags.Nonlocal)) != 0 && _cur != _global && a.simple != 0)
                        throw Error(s, (cur & SymbolFlags.Global) != 0
                            ? $"annotated name '{n.id}' can't be global" : $"annotated name '{n.id}' can't be nonlocal");
                    if (a.simple != 0) AddDef(n.id, SymbolFlags.Annotated | SymbolFlags.Local, n);
                    else if (a.value != null) AddDef(n.id, SymbolFlags.Local, n);
                }
                else VisitExpr(a.target);
                VisitAnnotation(a.annotation, a);
                if (a.value != null) VisitExpr(a.value);
                break;
            }
            case AugAssign a: VisitExpr(a.target); VisitExpr(a.value); break;
            case For f: VisitExpr(f.target); VisitExpr(f.iter); VisitStmts(f.body); VisitStmts(f.orelse); break;
            case AsyncFor f: VisitExpr(f.target); VisitExpr(f.iter); VisitStmts(f.body); VisitStmts(f.orelse); break;
            case While w: VisitExpr(w.test); VisitStmts(w.body); VisitStmts(w.orelse); break;
            case If i: VisitExpr(i.test); VisitStmts(i.body); VisitStmts(i.orelse); break;
            case Match m:
                VisitExpr(m.subject);
                foreach (var c in m.cases)
                {
                    VisitPattern(c.pattern);
                    if (c.guard != null) VisitExpr(c.guard);
                    VisitStmts(c.body);
                }
                break;
            case Raise r:
                if (r.exc != null) { VisitExpr(r.exc); if (r.cause != null) VisitExpr(r.cause); }
                break;
            case Try t: VisitStmts(t.body); VisitStmts(t.orelse); VisitHandlers(t.handlers); VisitStmts(t.finalbody); break;
            case TryStar t: VisitStmts(t.body); VisitStmts(t.orelse); VisitHandlers(t.handlers); VisitStmts(t.finalbody); break;
            case Assert a: VisitExpr(a.test); if (a.msg != null) VisitExpr(a.msg); break;
            case Import i: foreach (var al in i.names) VisitAlias(al); break;
            case ImportFrom i: foreach (var al in i.names) VisitAlias(al); break;
            case Global g:
                foreach (var name in g.names)
                {
                    var cur = Lookup(name);
                    if ((cur & (SymbolFlags.Param | SymbolFlags.Local | SymbolFlags.Use | SymbolFlags.Annotated)) != 0)
                    {
                        string msg = (cur & SymbolFlags.Param) != 0 ? $"name '{name}' is parameter and global"
                            : (cur & SymbolFlags.Use) != 0 ? $"name '{name}' is used prior to global declaration"
                            : (cur & SymbolFlags.Annotated) != 0 ? $"annotated name '{name}' can't be global"
                            : $"name '{name}' is assigned to before global declaration";
                        throw Error(s, msg);
                    }
                    AddDef(name, SymbolFlags.Global, s);
                    RecordDirective(name, s);
                }
                break;
            case Nonlocal nl:
                foreach (var name in nl.names)
                {
                    var cur = Lookup(name);
                    if ((cur & (SymbolFlags.Param | SymbolFlags.Local | SymbolFlags.Use | SymbolFlags.Annotated)) != 0)
                    {
                        string msg = (cur & SymbolFlags.Param) != 0 ? $"name '{name}' is parameter and nonlocal"
                            : (cur & SymbolFlags.Use) != 0 ? $"name '{name}' is used prior to nonlocal declaration"
                            : (cur & SymbolFlags.Annotated) != 0 ? $"annotated name '{name}' can't be nonlocal"
                            : $"name '{name}' is assigned to before nonlocal declaration";
                        throw Error(s, msg);
                    }
                    AddDef(name, SymbolFlags.Nonlocal, s);
                    RecordDirective(name, s);
                }
                break;
            case Expr e: VisitExpr(e.value); break;
            case Pass or Break or Continue: break;
            case With w:
                foreach (var item in w.items) { VisitExpr(item.context_expr); if (item.optional_vars != null) VisitExpr(item.optional_vars); }
                VisitStmts(w.body);
                break;
            case AsyncWith w:
                foreach (var item in w.items) { VisitExpr(item.context_expr); if (item.optional_vars != null) VisitExpr(item.optional_vars); }
                VisitStmts(w.body);
                break;
        }
        _depth--;
    }

    void VisitFunction(StmtNode s, string name, Arguments args, List<StmtNode> body, List<ExprNode> decorators, ExprNode? returns, bool isAsync)
    {
        AddDef(name, SymbolFlags.Local, s);
        VisitExprs(args.defaults);
        foreach (var d in args.kw_defaults) if (d != null) VisitExpr(d);
        VisitArgAnnotations(args, returns, s);
        VisitExprs(decorators);
        EnterBlock(name, ScopeKind.Function, s, s);
        if (isAsync) _cur.IsCoroutine = true;
        VisitParams(args);
        VisitStmts(body);
        ExitBlock();
    }

    void VisitArgAnnotations(Arguments a, ExprNode? returns, Node owner)
    {
        if (_futureAnnotations) EnterBlock("_annotation", ScopeKind.Annotation, new AnnotationOwner(owner), null);
        foreach (var p in a.posonlyargs) if (p.annotation != null) VisitExpr(p.annotation);
        foreach (var p in a.args) if (p.annotation != null) VisitExpr(p.annotation);
        if (a.vararg?.annotation != null) VisitExpr(a.vararg.annotation);
        if (a.kwarg?.annotation != null) VisitExpr(a.kwarg.annotation);
        foreach (var p in a.kwonlyargs) if (p.annotation != null) VisitExpr(p.annotation);
        if (returns != null) VisitExpr(returns);
        if (_futureAnnotations) ExitBlock();
    }

    void VisitAnnotation(ExprNode annotation, Node owner)
    {
        if (_futureAnnotations) EnterBlock("_annotation", ScopeKind.Annotation, new AnnotationOwner(owner), null);
        VisitExpr(annotation);
        if (_futureAnnotations) ExitBlock();
    }

    void VisitParams(Arguments a)
    {
        foreach (var p in a.posonlyargs) AddDef(p.arg, SymbolFlags.Param, p);
        foreach (var p in a.args) AddDef(p.arg, SymbolFlags.Param, p);
        foreach (var p in a.kwonlyargs) AddDef(p.arg, SymbolFlags.Param, p);
        if (a.vararg != null) { AddDef(a.vararg.arg, SymbolFlags.Param, a.vararg); _cur.HasVarArgs = true; }
        if (a.kwarg != null) { AddDef(a.kwarg.arg, SymbolFlags.Param, a.kwarg); _cur.HasVarKeywords = true; }
    }

    void VisitHandlers(List<ExcepthandlerNode> handlers)
    {
        foreach (var h0 in handlers)
        {
            var h = (ExceptHandler)h0;
            if (h.type != null) VisitExpr(h.type);
            if (h.name != null) AddDef(h.name, SymbolFlags.Local, h);
            VisitStmts(h.body);
        }
    }

    void VisitAlias(Alias a)
    {
        string store = a.asname ?? a.name;
        int dot = store.IndexOf('.');
        if (a.asname == null && dot >= 0) store = store.Substring(0, dot);
        if (store != "*") AddDef(store, SymbolFlags.Import, a);
        else if (_cur.Kind != ScopeKind.Module)
            throw Error(a, "import * only allowed at module level");
    }

    void VisitPattern(PatternNode p)
    {
        Enter();
        switch (p)
        {
            case MatchValue v: VisitExpr(v.value); break;
            case MatchSingleton: break;
            case MatchSequence s: foreach (var q in s.patterns) VisitPattern(q); break;
            case MatchStar s: if (s.name != null) AddDef(s.name, SymbolFlags.Local, p); break;
            case MatchMapping m:
                VisitExprs(m.keys);
                foreach (var q in m.patterns) VisitPattern(q);
                if (m.rest != null) AddDef(m.rest, SymbolFlags.Local, p);
                break;
            case MatchClass c:
                VisitExpr(c.cls);
                foreach (var q in c.patterns) VisitPattern(q);
                foreach (var q in c.kwd_patterns) VisitPattern(q);
                break;
            case MatchAs a:
                if (a.pattern != null) VisitPattern(a.pattern);
                if (a.name != null) AddDef(a.name, SymbolFlags.Local, p);
                break;
            case MatchOr o: foreach (var q in o.patterns) VisitPattern(q); break;
        }
        _depth--;
    }

    void RaiseIfAnnotationBlock(string what, ExprNode e)
    {
        if (_cur.Kind == ScopeKind.Annotation)
            throw Error(e, $"'{what}' can not be used within an annotation");
    }

    void RaiseIfComprehension(ExprNode e)
    {
        string msg = _cur.Comprehension switch
        {
            ComprehensionKind.List => "'yield' inside list comprehension",
            ComprehensionKind.Set => "'yield' inside set comprehension",
            ComprehensionKind.Dict => "'yield' inside dict comprehension",
            _ => "'yield' inside generator expression",
        };
        throw Error(e, msg);
    }

    void VisitExpr(ExprNode e)
    {
        Enter();
        switch (e)
        {
            case NamedExpr ne:
                RaiseIfAnnotationBlock("named expression", e);
                if (_cur.CompIterExpr > 0)
                    throw Error(e, "assignment expression cannot be used in a comprehension iterable expression");
                if (_cur.Comprehension != ComprehensionKind.None)
                    ExtendNamedExprScope((Name)ne.target);
                VisitExpr(ne.value);
                VisitExpr(ne.target);
                break;
            case BoolOp b: VisitExprs(b.values); break;
            case BinOp b: VisitExpr(b.left); VisitExpr(b.right); break;
            case UnaryOp u: VisitExpr(u.operand); break;
            case Lambda l:
                VisitExprs(l.args.defaults);
                foreach (var d in l.args.kw_defaults) if (d != null) VisitExpr(d);
                EnterBlock("lambda", ScopeKind.Function, l, l);
                VisitParams(l.args);
                VisitExpr(l.body);
                ExitBlock();
                break;
            case IfExp i: VisitExpr(i.test); VisitExpr(i.body); VisitExpr(i.orelse); break;
            case Dict d:
                foreach (var k in d.keys) if (k != null) VisitExpr(k);
                VisitExprs(d.values);
                break;
            case Set s: VisitExprs(s.elts); break;
            case GeneratorExp g: VisitComprehension(g, "genexpr", g.generators, g.elt, null, ComprehensionKind.Generator); break;
            case ListComp l: VisitComprehension(l, "listcomp", l.generators, l.elt, null, ComprehensionKind.List); break;
            case SetComp s: VisitComprehension(s, "setcomp", s.generators, s.elt, null, ComprehensionKind.Set); break;
            case DictComp d: VisitComprehension(d, "dictcomp", d.generators, d.key, d.value, ComprehensionKind.Dict); break;
            case Yield y:
                RaiseIfAnnotationBlock("yield expression", e);
                if (y.value != null) VisitExpr(y.value);
                _cur.IsGenerator = true;
                if (_cur.Comprehension != ComprehensionKind.None) RaiseIfComprehension(e);
                break;
            case YieldFrom y:
                RaiseIfAnnotationBlock("yield expression", e);
                VisitExpr(y.value);
                _cur.IsGenerator = true;
                if (_cur.Comprehension != ComprehensionKind.None) RaiseIfComprehension(e);
                break;
            case Await a:
                RaiseIfAnnotationBlock("await expression", e);
                VisitExpr(a.value);
                _cur.IsCoroutine = true;
                break;
            case Compare c: VisitExpr(c.left); VisitExprs(c.comparators); break;
            case Call c:
                VisitExpr(c.func);
                VisitExprs(c.args);
                foreach (var k in c.keywords) VisitExpr(k.value);
                break;
            case FormattedValue f: VisitExpr(f.value); if (f.format_spec != null) VisitExpr(f.format_spec); break;
            case JoinedStr j: VisitExprs(j.values); break;
            case Constant: break;
            case Attribute a: VisitExpr(a.value); break;
            case Subscript s: VisitExpr(s.value); VisitExpr(s.slice); break;
            case Starred s: VisitExpr(s.value); break;
            case Slice s:
                if (s.lower != null) VisitExpr(s.lower);
                if (s.upper != null) VisitExpr(s.upper);
                if (s.step != null) VisitExpr(s.step);
                break;
            case Name n:
                AddDef(n.id, n.ctx is Load ? SymbolFlags.Use : SymbolFlags.Local, n);
                // super() without arguments reads the implicit __class__ cell.
                if (n.ctx is Load && _cur.Kind == ScopeKind.Function && n.id == "super")
                    AddDef("__class__", SymbolFlags.Use, n);
                break;
            case List l: VisitExprs(l.elts); break;
            case Tuple t: VisitExprs(t.elts); break;
        }
        _depth--;
    }

    void ExtendNamedExprScope(Name target)
    {
        string name = target.id;
        for (int i = _stack.Count; i >= 0; i--)
        {
            var ste = i == _stack.Count ? _cur : _stack[i];
            if (ste.Comprehension != ComprehensionKind.None)
            {
                if ((ste.FlagsOf(name) & SymbolFlags.CompIter) != 0)
                    throw Error(target, $"assignment expression cannot rebind comprehension iteration variable '{name}'");
                continue;
            }
            if (ste.Kind == ScopeKind.Function)
            {
                if ((ste.FlagsOf(name) & SymbolFlags.Global) != 0) AddDef(name, SymbolFlags.Global, target);
                else AddDef(name, SymbolFlags.Nonlocal, target);
                RecordDirective(name, target);
                AddDefHelper(name, SymbolFlags.Local, ste, target);
                return;
            }
            if (ste.Kind == ScopeKind.Module)
            {
                AddDef(name, SymbolFlags.Global, target);
                RecordDirective(name, target);
                AddDefHelper(name, SymbolFlags.Global, ste, target);
                return;
            }
            if (ste.Kind == ScopeKind.Class)
                throw Error(target, "assignment expression within a comprehension cannot be used in a class body");
        }
    }

    void VisitComprehension(ExprNode e, string scopeName, List<Comprehension> generators, ExprNode elt, ExprNode? value, ComprehensionKind kind)
    {
        var outermost = generators[0];
        _cur.CompIterExpr++;
        VisitExpr(outermost.iter);
        _cur.CompIterExpr--;
        EnterBlock(scopeName, ScopeKind.Function, e, e);
        _cur.Comprehension = kind;
        if (outermost.is_async != 0) _cur.IsCoroutine = true;
        AddDef(".0", SymbolFlags.Param, e);
        _cur.CompIterTarget = true;
        VisitExpr(outermost.target);
        _cur.CompIterTarget = false;
        VisitExprs(outermost.ifs);
        for (int i = 1; i < generators.Count; i++)
        {
            var g = generators[i];
            _cur.CompIterTarget = true;
            VisitExpr(g.target);
            _cur.CompIterTarget = false;
            _cur.CompIterExpr++;
            VisitExpr(g.iter);
            _cur.CompIterExpr--;
            VisitExprs(g.ifs);
            if (g.is_async != 0) _cur.IsCoroutine = true;
        }
        if (value != null) VisitExpr(value);
        VisitExpr(elt);
        bool isGenerator = kind == ComprehensionKind.Generator;
        if (isGenerator) _cur.IsGenerator = true;
        bool isAsync = _cur.IsCoroutine && !isGenerator;
        ExitBlock();
        if (isAsync) _cur.IsCoroutine = true;
    }
}

/// <summary>Key for the throw-away scope that holds a stringified annotation's names
/// under `from __future__ import annotations`.</summary>
sealed class AnnotationOwner : Node
{
    public readonly Node Of;
    public AnnotationOwner(Node of) { Of = of; }
    public override string PyName => "_annotation";
    public override string[] FieldNames => System.Array.Empty<string>();
    public override bool[] FieldOptional => System.Array.Empty<bool>();
    public override object?[] FieldValues() => System.Array.Empty<object?>();
}
