#nullable enable
using System.Collections.Generic;
using System.Numerics;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

// Statements: definitions, assignment, control flow, imports (compiler_visit_stmt & co.).
public sealed partial class CodeGenerator
{
    static string? GetDocString(List<StmtNode> body) =>
        body.Count > 0 && body[0] is Expr { value: Constant { value: string doc } } ? doc : null;

    /// <summary>Module and class bodies: SETUP_ANNOTATIONS, docstring into __doc__, statements.</summary>
    void CompileBody(List<StmtNode> stmts)
    {
        if (_u.Kind == UnitKind.Module && stmts.Count > 0) SetLoc(stmts[0]);
        if (FindAnnotations(stmts)) Emit(Opcode.SETUP_ANNOTATIONS);
        if (stmts.Count == 0) return;
        int i = 0;
        if (_optimize < 2 && GetDocString(stmts) != null)
        {
            i = 1;
            var st = (Expr)stmts[0];
            SetLoc(st);
            VisitExpr(st.value);
            NameOp("__doc__", 1);
        }
        for (; i < stmts.Count; i++) VisitStmt(stmts[i]);
    }

    /// <summary>Whether a body holds an annotated assignment outside nested scopes (find_ann).</summary>
    static bool FindAnnotations(List<StmtNode> stmts)
    {
        foreach (var s in stmts)
        {
            bool found = s switch
            {
                AnnAssign => true,
                For f => FindAnnotations(f.body) || FindAnnotations(f.orelse),
                AsyncFor f => FindAnnotations(f.body) || FindAnnotations(f.orelse),
                While w => FindAnnotations(w.body) || FindAnnotations(w.orelse),
                If i => FindAnnotations(i.body) || FindAnnotations(i.orelse),
                With w => FindAnnotations(w.body),
                AsyncWith w => FindAnnotations(w.body),
                Try t => FindAnnotations(t.body) || FindAnnotations(t.finalbody) || FindAnnotations(t.orelse) || HandlersHaveAnnotations(t.handlers),
                TryStar t => FindAnnotations(t.body) || FindAnnotations(t.finalbody) || FindAnnotations(t.orelse) || HandlersHaveAnnotations(t.handlers),
                Match m => m.cases.Exists(c => FindAnnotations(c.body)),
                _ => false,
            };
            if (found) return true;
        }
        return false;
    }

    static bool HandlersHaveAnnotations(List<ExcepthandlerNode> hs) => hs.Exists(h => FindAnnotations(((ExceptHandler)h).body));

    void VisitStmts(List<StmtNode> body) { foreach (var s in body) VisitStmt(s); }

    void VisitStmt(StmtNode s)
    {
        EnterRecursion();
        SetLoc(s);
        switch (s)
        {
            case FunctionDef f: CompileFunction(f, f.name, f.args, f.body, f.decorator_list, f.returns, false); break;
            case AsyncFunctionDef f: CompileFunction(f, f.name, f.args, f.body, f.decorator_list, f.returns, true); break;
            case ClassDef c: CompileClass(c); break;
            case Return r: CompileReturn(r); break;
            case Delete d: foreach (var t in d.targets) VisitExpr(t); break;
            case Assign a:
                VisitExpr(a.value);
                for (int i = 0; i < a.targets.Count; i++)
                {
                    if (i < a.targets.Count - 1) Emit(Opcode.COPY, 1);
                    VisitExpr(a.targets[i]);
                }
                break;
            case AugAssign a: CompileAugAssign(a); break;
            case AnnAssign a: CompileAnnAssign(a); break;
            case For f: CompileFor(f); break;
            case AsyncFor f: CompileAsyncFor(f); break;
            case While w: CompileWhile(w); break;
            case If i: CompileIf(i); break;
            case Match m: CompileMatch(m); break;
            case Raise r:
            {
                int n = 0;
                if (r.exc != null)
                {
                    VisitExpr(r.exc); n++;
                    if (r.cause != null) { VisitExpr(r.cause); n++; }
                }
                SetLoc(s);
                Emit(Opcode.RAISE_VARARGS, n);
                break;
            }
            case Try t:
                if (t.finalbody.Count > 0) CompileTryFinally(t.body, t.handlers, t.orelse, t.finalbody, false);
                else CompileTryExcept(t.body, t.handlers, t.orelse);
                break;
            case TryStar t:
                if (t.finalbody.Count > 0) CompileTryFinally(t.body, t.handlers, t.orelse, t.finalbody, true);
                else CompileTryStarExcept(t.body, t.handlers, t.orelse);
                break;
            case Assert a: CompileAssert(a); break;
            case Import i: CompileImport(i); break;
            case ImportFrom i: CompileImportFrom(i); break;
            case Global or Nonlocal: break;
            case Expr e: CompileExprStmt(e); break;
            case Pass: Emit(Opcode.NOP); break;
            case Break: CompileBreak(); break;
            case Continue: CompileContinue(); break;
            case With w: CompileWith(w, 0); break;
            case AsyncWith w: CompileAsyncWith(w, 0); break;
            default: throw Error("unsupported statement " + s.PyName);
        }
        _depth--;
    }

    void CompileExprStmt(Expr e)
    {
        var value = e.value;
        if (_interactive && _nestLevel <= 1)
        {
            VisitExpr(value);
            Emit(Opcode.PRINT_EXPR);
            return;
        }
        if (value is Constant) { Emit(Opcode.NOP); return; }
        VisitExpr(value);
        UnsetLoc();
        Emit(Opcode.POP_TOP);
    }

    // ---- functions and classes ----------------------------------------------------

    void CheckDebugArgs(Arguments a)
    {
        void Check(Arg? p) { if (p != null && p.arg == "__debug__") throw ErrorAt(p, "cannot assign to __debug__"); }
        foreach (var p in a.posonlyargs) Check(p);
        foreach (var p in a.args) Check(p);
        Check(a.vararg);
        foreach (var p in a.kwonlyargs) Check(p);
        Check(a.kwarg);
    }

    int CompileDefaultArguments(Arguments a)
    {
        int flags = 0;
        if (a.defaults.Count > 0)
        {
            foreach (var d in a.defaults) VisitExpr(d);
            Emit(Opcode.BUILD_TUPLE, a.defaults.Count);
            flags |= 0x01;
        }
        var keys = new List<object?>();
        for (int i = 0; i < a.kwonlyargs.Count; i++)
        {
            var d = i < a.kw_defaults.Count ? a.kw_defaults[i] : null;
            if (d == null) continue;
            keys.Add(SymbolTable.Mangle(_u.Private, a.kwonlyargs[i].arg));
            VisitExpr(d);
        }
        if (keys.Count > 0)
        {
            EmitConst(new ConstTuple(keys.ToArray()));
            Emit(Opcode.BUILD_CONST_KEY_MAP, keys.Count);
            flags |= 0x02;
        }
        return flags;
    }

    /// <summary>Pushes the annotations tuple (name, value, ...) and returns whether there was one.</summary>
    bool CompileAnnotations(Arguments a, ExprNode? returns)
    {
        int count = 0;
        void One(string id, ExprNode? annotation)
        {
            if (annotation == null) return;
            EmitConst(SymbolTable.Mangle(_u.Private, id));
            if (FutureAnnotations) EmitConst(AstUnparser.Unparse(annotation));
            else if (annotation is Starred st)
            {
                VisitExpr(st.value);
                Emit(Opcode.UNPACK_SEQUENCE, 1);
            }
            else VisitExpr(annotation);
            count += 2;
        }
        foreach (var p in a.args) One(p.arg, p.annotation);
        foreach (var p in a.posonlyargs) One(p.arg, p.annotation);
        if (a.vararg != null) One(a.vararg.arg, a.vararg.annotation);
        foreach (var p in a.kwonlyargs) One(p.arg, p.annotation);
        if (a.kwarg != null) One(a.kwarg.arg, a.kwarg.annotation);
        One("return", returns);
        if (count == 0) return false;
        Emit(Opcode.BUILD_TUPLE, count);
        return true;
    }

    void CompileFunction(StmtNode s, string name, Arguments args, List<StmtNode> body, List<ExprNode> decorators, ExprNode? returns, bool isAsync)
    {
        CheckDebugArgs(args);
        foreach (var d in decorators) VisitExpr(d);
        SetLoc(s);
        int firstLine = decorators.Count > 0 ? decorators[0].lineno : s.lineno;
        int flags = CompileDefaultArguments(args);
        if (CompileAnnotations(args, returns)) flags |= 0x04;

        EnterScope(name, isAsync ? UnitKind.AsyncFunction : UnitKind.Function, s, firstLine);
        string? doc = _optimize < 2 ? GetDocString(body) : null;
        _u.AddConst(doc);
        _u.ArgCount = args.args.Count + args.posonlyargs.Count;
        _u.PosOnlyArgCount = args.posonlyargs.Count;
        _u.KwOnlyArgCount = args.kwonlyargs.Count;
        for (int i = doc != null ? 1 : 0; i < body.Count; i++) VisitStmt(body[i]);
        var co = ExitScope(addReturn: true);

        MakeClosure(co, flags);
        SetLoc(s);
        for (int i = 0; i < decorators.Count; i++) Emit(Opcode.CALL, 0);
        NameOp(name, 1);
    }

    void CompileClass(ClassDef s)
    {
        foreach (var d in s.decorator_list) VisitExpr(d);
        int firstLine = s.decorator_list.Count > 0 ? s.decorator_list[0].lineno : s.lineno;

        EnterScope(s.name, UnitKind.Class, s, firstLine);
        _u.Private = s.name;
        SetLoc(s);
        NameOp("__name__", 0);
        NameOp("__module__", 1);
        EmitConst(_u.QualName);
        NameOp("__qualname__", 1);
        CompileBody(s.body);
        UnsetLoc();
        if (_u.Ste.NeedsClassClosure)
        {
            Emit(Opcode.LOAD_CLOSURE, _u.CellVars.IndexOf("__class__"));
            Emit(Opcode.COPY, 1);
            NameOp("__classcell__", 1);
        }
        else EmitConst(null);
        Emit(Opcode.RETURN_VALUE);
        var co = ExitScope(addReturn: true);

        SetLoc(s);
        Emit(Opcode.PUSH_NULL);
        Emit(Opcode.LOAD_BUILD_CLASS);
        MakeClosure(co, 0);
        EmitConst(s.name);
        CallHelper(2, s.bases, s.keywords);
        SetLoc(s);
        for (int i = 0; i < s.decorator_list.Count; i++) Emit(Opcode.CALL, 0);
        NameOp(s.name, 1);
    }

    void CompileReturn(Return s)
    {
        bool preserveTos = s.value != null && s.value is not Constant;
        if (_u.Ste.Kind != ScopeKind.Function) throw Error("'return' outside function");
        if (s.value != null && _u.Ste.IsCoroutine && _u.Ste.IsGenerator) throw Error("'return' with value in async generator");
        if (preserveTos) VisitExpr(s.value!);
        else if (s.value != null) { SetLoc(s.value); Emit(Opcode.NOP); }
        if (s.value == null || s.value.lineno != s.lineno) { SetLoc(s); Emit(Opcode.NOP); }
        UnwindFBlockStack(preserveTos, out _, false);
        if (s.value == null) EmitConst(null);
        else if (!preserveTos) EmitConst(((Constant)s.value).value);
        Emit(Opcode.RETURN_VALUE);
    }

    void CompileBreak()
    {
        var loc = _u.Loc;
        Emit(Opcode.NOP);
        UnwindFBlockStack(false, out var loop, true);
        if (loop == null) { _u.Loc = loc; throw Error("'break' outside loop"); }
        UnwindFBlock(loop, false);
        EmitJump(PseudoOp.Jump, loop.Exit!);
    }

    void CompileContinue()
    {
        var loc = _u.Loc;
        Emit(Opcode.NOP);
        UnwindFBlockStack(false, out var loop, true);
        if (loop == null) { _u.Loc = loc; throw Error("'continue' not properly in loop"); }
        EmitJump(PseudoOp.Jump, loop.Block!);
    }

    // ---- assignment ------------------------------------------------------------------

    void CompileAugAssign(AugAssign s)
    {
        var e = s.target;
        SetLoc(e);
        switch (e)
        {
            case Attribute a:
                VisitExpr(a.value);
                Emit(Opcode.COPY, 1);
                EmitName(Opcode.LOAD_ATTR, a.attr);
                break;
            case Subscript sub:
                VisitExpr(sub.value);
                VisitExpr(sub.slice);
                Emit(Opcode.COPY, 2);
                Emit(Opcode.COPY, 2);
                Emit(Opcode.BINARY_SUBSCR);
                break;
            case Name n:
                NameOp(n.id, 0);
                break;
            default: throw Error("invalid node type for augmented assignment");
        }
        SetLoc(s);
        VisitExpr(s.value);
        Emit(Opcode.BINARY_OP, (int)BinaryOpOf(s.op) + (int)BinaryOpArg.InplaceAdd);
        SetLoc(e);
        switch (e)
        {
            case Attribute a:
                Emit(Opcode.SWAP, 2);
                EmitName(Opcode.STORE_ATTR, a.attr);
                break;
            case Subscript:
                Emit(Opcode.SWAP, 3);
                Emit(Opcode.SWAP, 2);
                Emit(Opcode.STORE_SUBSCR);
                break;
            case Name n:
                NameOp(n.id, 1);
                break;
        }
    }

    void CompileAnnAssign(AnnAssign s)
    {
        var target = s.target;
        if (s.value != null)
        {
            VisitExpr(s.value);
            VisitExpr(target);
        }
        switch (target)
        {
            case Name n:
                if (n.id == "__debug__") throw Error("cannot assign to __debug__");
                if (s.simple != 0 && _u.Kind is UnitKind.Module or UnitKind.Class)
                {
                    SetLoc(s);
                    if (FutureAnnotations) EmitConst(AstUnparser.Unparse(s.annotation));
                    else VisitExpr(s.annotation);
                    EmitName(Opcode.LOAD_NAME, "__annotations__");
                    EmitConst(SymbolTable.Mangle(_u.Private, n.id));
                    Emit(Opcode.STORE_SUBSCR);
                }
                break;
            case Attribute a:
                if (a.attr == "__debug__") throw Error("cannot assign to __debug__");
                if (s.value == null) CheckAnnExpr(a.value);
                break;
            case Subscript sub:
                if (s.value == null) { CheckAnnExpr(sub.value); CheckAnnSubscript(sub.slice); }
                break;
            default: throw Error("invalid node type for annotated assignment");
        }
        if (s.simple == 0 && !FutureAnnotations && _u.Kind is UnitKind.Module or UnitKind.Class)
            CheckAnnExpr(s.annotation);
    }

    void CheckAnnExpr(ExprNode e) { VisitExpr(e); Emit(Opcode.POP_TOP); }

    void CheckAnnSubscript(ExprNode e)
    {
        switch (e)
        {
            case Slice sl:
                if (sl.lower != null) CheckAnnExpr(sl.lower);
                if (sl.upper != null) CheckAnnExpr(sl.upper);
                if (sl.step != null) CheckAnnExpr(sl.step);
                break;
            case Tuple t: foreach (var x in t.elts) CheckAnnSubscript(x); break;
            default: CheckAnnExpr(e); break;
        }
    }

    // ---- control flow ------------------------------------------------------------------

    void CompileIf(If s)
    {
        var end = new Label();
        var next = s.orelse.Count > 0 ? new Label() : end;
        JumpIf(s.test, next, false);
        VisitStmts(s.body);
        if (s.orelse.Count > 0)
        {
            EmitJumpNoLine(PseudoOp.Jump, end);
            Mark(next);
            VisitStmts(s.orelse);
        }
        Mark(end);
    }

    void CompileWhile(While s)
    {
        var loop = new Label(); var body = new Label(); var end = new Label(); var anchor = new Label();
        Mark(loop);
        PushFBlock(FBlockKind.WhileLoop, loop, end);
        JumpIf(s.test, anchor, false);
        Mark(body);
        VisitStmts(s.body);
        SetLoc(s);
        JumpIf(s.test, body, true);
        PopFBlock(FBlockKind.WhileLoop);
        Mark(anchor);
        VisitStmts(s.orelse);
        Mark(end);
    }

    void CompileFor(For s)
    {
        var start = new Label(); var body = new Label(); var cleanup = new Label(); var end = new Label();
        PushFBlock(FBlockKind.ForLoop, start, end);
        VisitExpr(s.iter);
        Emit(Opcode.GET_ITER);
        Mark(start);
        EmitJump(Opcode.FOR_ITER, cleanup);
        Mark(body);
        VisitExpr(s.target);
        VisitStmts(s.body);
        UnsetLoc();
        EmitJump(PseudoOp.Jump, start);
        Mark(cleanup);
        PopFBlock(FBlockKind.ForLoop);
        VisitStmts(s.orelse);
        Mark(end);
    }

    bool IsTopLevelAwait => false;

    void CompileAsyncFor(AsyncFor s)
    {
        if (_u.Kind != UnitKind.AsyncFunction) throw Error("'async for' outside async function");
        var start = new Label(); var except = new Label(); var end = new Label();
        VisitExpr(s.iter);
        Emit(Opcode.GET_AITER);
        Mark(start);
        PushFBlock(FBlockKind.ForLoop, start, end);
        EmitJump(PseudoOp.SetupFinally, except);
        Emit(Opcode.GET_ANEXT);
        EmitConst(null);
        YieldFrom(true);
        Emit(PseudoOp.PopBlock);
        VisitExpr(s.target);
        VisitStmts(s.body);
        UnsetLoc();
        EmitJump(PseudoOp.Jump, start);
        PopFBlock(FBlockKind.ForLoop);
        Mark(except);
        SetLoc(s.iter);
        Emit(Opcode.END_ASYNC_FOR);
        VisitStmts(s.orelse);
        Mark(end);
    }

    void CompileAssert(Assert s)
    {
        if (_optimize > 0) return;
        var end = new Label();
        JumpIf(s.test, end, true);
        Emit(Opcode.LOAD_ASSERTION_ERROR);
        if (s.msg != null)
        {
            VisitExpr(s.msg);
            Emit(Opcode.CALL, 0);
        }
        Emit(Opcode.RAISE_VARARGS, 1);
        Mark(end);
    }

    // ---- imports ---------------------------------------------------------------------------

    void CompileImport(Import s)
    {
        foreach (var alias in s.names)
        {
            EmitConst(BigInteger.Zero);
            EmitConst(null);
            EmitName(Opcode.IMPORT_NAME, alias.name);
            if (alias.asname != null)
            {
                string name = alias.name;
                int dot = name.IndexOf('.');
                if (dot >= 0)
                {
                    while (true)
                    {
                        int pos = dot + 1;
                        dot = name.IndexOf('.', pos);
                        string attr = dot < 0 ? name.Substring(pos) : name.Substring(pos, dot - pos);
                        Emit(Opcode.IMPORT_FROM, _u.AddName(attr));
                        if (dot < 0) break;
                        Emit(Opcode.SWAP, 2);
                        Emit(Opcode.POP_TOP);
                    }
                    NameOp(alias.asname, 1);
                    Emit(Opcode.POP_TOP);
                }
                else NameOp(alias.asname, 1);
            }
            else
            {
                string store = alias.name;
                int dot = store.IndexOf('.');
                if (dot >= 0) store = store.Substring(0, dot);
                NameOp(store, 1);
            }
        }
    }

    int _futureLine = int.MinValue;

    void CompileImportFrom(ImportFrom s)
    {
        EmitConst(new BigInteger(s.level ?? 0));
        var names = new object?[s.names.Count];
        for (int i = 0; i < names.Length; i++) names[i] = s.names[i].name;
        if (s.module == "__future__")
        {
            if (_futureLine == int.MinValue)
                _futureLine = _st.Top.Owner is Module m ? FutureFeatures.LastFutureLine(m.body) : -1;
            if (s.lineno > _futureLine) throw Error("from __future__ imports must occur at the beginning of the file");
        }
        EmitConst(new ConstTuple(names));
        EmitName(Opcode.IMPORT_NAME, s.module ?? "");
        for (int i = 0; i < s.names.Count; i++)
        {
            var alias = s.names[i];
            if (i == 0 && alias.name.StartsWith('*'))
            {
                Emit(Opcode.IMPORT_STAR);
                return;
            }
            EmitName(Opcode.IMPORT_FROM, alias.name);
            NameOp(alias.asname ?? alias.name, 1);
        }
        Emit(Opcode.POP_TOP);
    }
}
