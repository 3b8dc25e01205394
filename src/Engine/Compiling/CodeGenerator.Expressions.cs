#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

// Expressions: operators, calls, displays, comprehensions, lambda, yield/await (compiler_visit_expr1 & co.).
public sealed partial class CodeGenerator
{
    static BinaryOpArg BinaryOpOf(OperatorNode op) => op switch
    {
        Add => BinaryOpArg.Add, Sub => BinaryOpArg.Subtract, Mult => BinaryOpArg.Multiply,
        MatMult => BinaryOpArg.MatrixMultiply, Div => BinaryOpArg.TrueDivide, Mod => BinaryOpArg.Remainder,
        Pow => BinaryOpArg.Power, LShift => BinaryOpArg.LShift, RShift => BinaryOpArg.RShift,
        BitOr => BinaryOpArg.Or, BitXor => BinaryOpArg.Xor, BitAnd => BinaryOpArg.And,
        FloorDiv => BinaryOpArg.FloorDivide,
        _ => throw new System.ArgumentException(op.PyName),
    };

    void EmitCompare(CmpopNode op)
    {
        switch (op)
        {
            case Is: Emit(Opcode.IS_OP, 0); break;
            case IsNot: Emit(Opcode.IS_OP, 1); break;
            case In: Emit(Opcode.CONTAINS_OP, 0); break;
            case NotIn: Emit(Opcode.CONTAINS_OP, 1); break;
            case Eq: Emit(Opcode.COMPARE_OP, (int)CompareOpArg.Eq); break;
            case NotEq: Emit(Opcode.COMPARE_OP, (int)CompareOpArg.Ne); break;
            case Lt: Emit(Opcode.COMPARE_OP, (int)CompareOpArg.Lt); break;
            case LtE: Emit(Opcode.COMPARE_OP, (int)CompareOpArg.Le); break;
            case Gt: Emit(Opcode.COMPARE_OP, (int)CompareOpArg.Gt); break;
            case GtE: Emit(Opcode.COMPARE_OP, (int)CompareOpArg.Ge); break;
        }
    }

    void VisitExpr(ExprNode e)
    {
        EnterRecursion();
        var saved = _u.Loc;
        if (e.lineno >= 0) SetLoc(e); else UnsetLoc();
        VisitExpr1(e);
        _u.Loc = saved;
        _depth--;
    }

    void VisitExpr1(ExprNode e)
    {
        switch (e)
        {
            case NamedExpr ne:
                VisitExpr(ne.value);
                Emit(Opcode.COPY, 1);
                VisitExpr(ne.target);
                break;
            case BoolOp b:
            {
                var op = b.op is And ? Opcode.JUMP_IF_FALSE_OR_POP : Opcode.JUMP_IF_TRUE_OR_POP;
                var end = new Label();
                int n = b.values.Count - 1;
                for (int i = 0; i < n; i++)
                {
                    VisitExpr(b.values[i]);
                    EmitJump(op, end);
                }
                VisitExpr(b.values[n]);
                Mark(end);
                break;
            }
            case BinOp b:
                VisitExpr(b.left);
                VisitExpr(b.right);
                Emit(Opcode.BINARY_OP, (int)BinaryOpOf(b.op));
                break;
            case UnaryOp u:
                VisitExpr(u.operand);
                Emit(u.op switch
                {
                    UAdd => Opcode.UNARY_POSITIVE, USub => Opcode.UNARY_NEGATIVE,
                    Not => Opcode.UNARY_NOT, _ => Opcode.UNARY_INVERT,
                });
                break;
            case Lambda l: CompileLambda(l); break;
            case IfExp i:
            {
                var end = new Label(); var next = new Label();
                JumpIf(i.test, next, false);
                VisitExpr(i.body);
                EmitJumpNoLine(PseudoOp.Jump, end);
                Mark(next);
                VisitExpr(i.orelse);
                Mark(end);
                break;
            }
            case Dict d: CompileDict(d); break;
            case Set s: StarUnpackHelper(s.elts, 0, Opcode.BUILD_SET, Opcode.SET_ADD, Opcode.SET_UPDATE, false); break;
            case GeneratorExp g: CompileComprehension(g, "<genexpr>", ComprehensionKind.Generator, g.generators, g.elt, null); break;
            case ListComp l: CompileComprehension(l, "<listcomp>", ComprehensionKind.List, l.generators, l.elt, null); break;
            case SetComp s: CompileComprehension(s, "<setcomp>", ComprehensionKind.Set, s.generators, s.elt, null); break;
            case DictComp d: CompileComprehension(d, "<dictcomp>", ComprehensionKind.Dict, d.generators, d.key, d.value); break;
            case Yield y:
                if (_u.Ste.Kind != ScopeKind.Function) throw Error("'yield' outside function");
                if (y.value != null) VisitExpr(y.value);
                else EmitConst(null);
                EmitYield();
                break;
            case YieldFrom y:
                if (_u.Ste.Kind != ScopeKind.Function) throw Error("'yield' outside function");
                if (_u.Kind == UnitKind.AsyncFunction) throw Error("'yield from' inside async function");
                VisitExpr(y.value);
                Emit(Opcode.GET_YIELD_FROM_ITER);
                EmitConst(null);
                YieldFrom(false);
                break;
            case Await a:
                if (!IsTopLevelAwait)
                {
                    if (_u.Ste.Kind != ScopeKind.Function) throw Error("'await' outside function");
                    if (_u.Kind != UnitKind.AsyncFunction && _u.Kind != UnitKind.Comprehension)
                        throw Error("'await' outside async function");
                }
                VisitExpr(a.value);
                Emit(Opcode.GET_AWAITABLE, 0);
                EmitConst(null);
                YieldFrom(true);
                break;
            case Compare c: CompileCompare(c); break;
            case Call c: CompileCall(c); break;
            case Constant c: EmitConst(NormalizeConstant(c.value)); break;
            case JoinedStr j:
                if (j.values.Count > StackUseGuardrail)
                {
                    EmitConst("");
                    EmitName(Opcode.LOAD_METHOD, "join");
                    Emit(Opcode.BUILD_LIST, 0);
                    foreach (var v in j.values) { VisitExpr(v); Emit(Opcode.LIST_APPEND, 1); }
                    Emit(Opcode.CALL, 1);
                }
                else
                {
                    foreach (var v in j.values) VisitExpr(v);
                    if (j.values.Count != 1) Emit(Opcode.BUILD_STRING, j.values.Count);
                }
                break;
            case FormattedValue f:
            {
                VisitExpr(f.value);
                int arg = f.conversion switch { 's' => 1, 'r' => 2, 'a' => 3, _ => 0 };
                if (f.format_spec != null) { VisitExpr(f.format_spec); arg |= 4; }
                Emit(Opcode.FORMAT_VALUE, arg);
                break;
            }
            case Attribute a:
                VisitExpr(a.value);
                switch (a.ctx)
                {
                    case Load: EmitName(Opcode.LOAD_ATTR, a.attr); break;
                    case Store:
                        if (a.attr == "__debug__") throw Error("cannot assign to __debug__");
                        EmitName(Opcode.STORE_ATTR, a.attr); break;
                    default:
                        EmitName(Opcode.DELETE_ATTR, a.attr); break;
                }
                break;
            case Subscript s:
                VisitExpr(s.value);
                VisitExpr(s.slice);
                Emit(s.ctx is Load ? Opcode.BINARY_SUBSCR : s.ctx is Store ? Opcode.STORE_SUBSCR : Opcode.DELETE_SUBSCR);
                break;
            case Starred st:
                if (st.ctx is Store) throw Error("starred assignment target must be in a list or tuple");
                throw Error("can't use starred expression here");
            case Slice sl:
            {
                int n = 2;
                if (sl.lower != null) VisitExpr(sl.lower); else EmitConst(null);
                if (sl.upper != null) VisitExpr(sl.upper); else EmitConst(null);
                if (sl.step != null) { VisitExpr(sl.step); n++; }
                Emit(Opcode.BUILD_SLICE, n);
                break;
            }
            case Name n: CompileName(n.id, n.ctx); break;
            case List l:
                if (l.ctx is Store) AssignmentHelper(l.elts);
                else if (l.ctx is Load) StarUnpackHelper(l.elts, 0, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, false);
                else foreach (var x in l.elts) VisitExpr(x);
                break;
            case Tuple t:
                if (t.ctx is Store) AssignmentHelper(t.elts);
                else if (t.ctx is Load) StarUnpackHelper(t.elts, 0, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, true);
                else foreach (var x in t.elts) VisitExpr(x);
                break;
            default: throw Error("unsupported expression " + e.PyName);
        }
    }

    void EmitYield()
    {
        if (_u.Ste.IsGenerator && _u.Ste.IsCoroutine) Emit(Opcode.ASYNC_GEN_WRAP);
        Emit(Opcode.YIELD_VALUE);
    }

    // ---- conditions ----------------------------------------------------------------------

    /// <summary>Jump to `next` when `e` is true (cond) or false (!cond), without
    /// materialising booleans for not/and/or/if-else/chained comparisons (compiler_jump_if).</summary>
    void JumpIf(ExprNode e, Label next, bool cond)
    {
        EnterRecursion();
        var saved = _u.Loc;
        switch (e)
        {
            case UnaryOp { op: Not } u:
                JumpIf(u.operand, next, !cond);
                _depth--;
                return;
            case BoolOp b:
            {
                int n = b.values.Count - 1;
                bool cond2 = b.op is Or;
                var next2 = next;
                if (cond2 != cond) next2 = new Label();
                for (int i = 0; i < n; i++) JumpIf(b.values[i], next2, cond2);
                JumpIf(b.values[n], next, cond);
                if (next2 != next) Mark(next2);
                _depth--;
                return;
            }
            case IfExp i:
            {
                var end = new Label(); var next2 = new Label();
                JumpIf(i.test, next2, false);
                JumpIf(i.body, next, cond);
                EmitJumpNoLine(PseudoOp.Jump, end);
                Mark(next2);
                JumpIf(i.orelse, next, cond);
                Mark(end);
                _depth--;
                return;
            }
            case Compare c when c.ops.Count > 1:
            {
                SetLoc(e);
                int n = c.ops.Count - 1;
                var cleanup = new Label();
                VisitExpr(c.left);
                for (int i = 0; i < n; i++)
                {
                    VisitExpr(c.comparators[i]);
                    Emit(Opcode.SWAP, 2);
                    Emit(Opcode.COPY, 2);
                    EmitCompare(c.ops[i]);
                    EmitJump(Opcode.POP_JUMP_IF_FALSE, cleanup);
                }
                VisitExpr(c.comparators[n]);
                EmitCompare(c.ops[n]);
                EmitJump(cond ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE, next);
                var end = new Label();
                EmitJumpNoLine(PseudoOp.Jump, end);
                Mark(cleanup);
                Emit(Opcode.POP_TOP);
                if (!cond) EmitJumpNoLine(PseudoOp.Jump, next);
                Mark(end);
                // 3.11 leaves a comparison's location current after the jump: an assert's
                // raise then points at the comparison, as its tracebacks show.
                _depth--;
                return;
            }
        }
        VisitExpr(e);
        SetLoc(e);
        EmitCondJump(cond, next);
        if (e is not Compare) _u.Loc = saved;
        _depth--;
    }

    /// <summary>POP_JUMP_IF_TRUE/FALSE, or POP_JUMP_IF_(NOT_)NONE after `x is (not) None` as 3.11's optimiser makes it.</summary>
    void EmitCondJump(bool cond, Label next)
    {
        var code = _u.Code;
        if (code.Count >= 2 && _u.LastLabelAt != code.Count && _u.LastLabelAt != code.Count - 1)
        {
            var isOp = code[^1];
            var load = code[^2];
            if (isOp.Op == Opcode.IS_OP && load.Op == Opcode.LOAD_CONST && load.Target == null && _u.Consts[load.Arg] == null)
            {
                bool isNot = isOp.Arg == 1;
                // jump when (x is None) == cond, i.e. x is None xor isNot
                bool jumpIfNone = cond != isNot;
                code.RemoveAt(code.Count - 1);
                code.RemoveAt(code.Count - 1);
                code.Add(new Instruction(jumpIfNone ? Opcode.POP_JUMP_IF_NONE : Opcode.POP_JUMP_IF_NOT_NONE, 0, next, isOp.Loc));
                return;
            }
        }
        EmitJump(cond ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE, next);
    }

    void CompileCompare(Compare c)
    {
        int n = c.ops.Count - 1;
        VisitExpr(c.left);
        if (n == 0)
        {
            VisitExpr(c.comparators[0]);
            EmitCompare(c.ops[0]);
            return;
        }
        var cleanup = new Label();
        for (int i = 0; i < n; i++)
        {
            VisitExpr(c.comparators[i]);
            Emit(Opcode.SWAP, 2);
            Emit(Opcode.COPY, 2);
            EmitCompare(c.ops[i]);
            EmitJump(Opcode.JUMP_IF_FALSE_OR_POP, cleanup);
        }
        VisitExpr(c.comparators[n]);
        EmitCompare(c.ops[n]);
        var end = new Label();
        EmitJumpNoLine(PseudoOp.Jump, end);
        Mark(cleanup);
        Emit(Opcode.SWAP, 2);
        Emit(Opcode.POP_TOP);
        Mark(end);
    }

    // ---- calls ------------------------------------------------------------------------------

    void ValidateKeywords(List<Keyword> keywords)
    {
        for (int i = 0; i < keywords.Count; i++)
        {
            var k = keywords[i];
            if (k.arg == null) continue;
            if (k.arg == "__debug__") throw Error("cannot assign to __debug__");
            for (int j = i + 1; j < keywords.Count; j++)
                if (keywords[j].arg == k.arg)
                    throw ErrorAt(keywords[j], "keyword argument repeated: " + k.arg);
        }
    }

    void CompileCall(Call e)
    {
        if (TryMethodCall(e)) return;
        SetLoc(e.func);
        Emit(Opcode.PUSH_NULL);
        SetLoc(e);
        VisitExpr(e.func);
        CallHelper(0, e.args, e.keywords);
    }

    bool TryMethodCall(Call e)
    {
        if (e.func is not Attribute { ctx: Load } meth) return false;
        // 3.11 keeps a plain attribute call on names imported at module level (is_import_originated).
        if (meth.value is Name baseName && (_st.Top.FlagsOf(baseName.id) & SymbolFlags.Import) != 0) return false;
        int argsl = e.args.Count, kwdsl = e.keywords.Count;
        if (argsl + kwdsl + (kwdsl != 0 ? 1 : 0) >= StackUseGuardrail) return false;
        foreach (var a in e.args) if (a is Starred) return false;
        foreach (var k in e.keywords) if (k.arg == null) return false;
        ValidateKeywords(e.keywords);
        VisitExpr(meth.value);
        var saved = _u.Loc;
        _u.Loc = SourceLocation.Of(meth);
        EmitName(Opcode.LOAD_METHOD, meth.attr);
        foreach (var a in e.args) VisitExpr(a);
        if (kwdsl > 0)
        {
            foreach (var k in e.keywords) VisitExpr(k.value);
            EmitKwNames(e.keywords, 0, kwdsl);
        }
        _u.Loc = SourceLocation.Of(e);
        Emit(Opcode.CALL, argsl + kwdsl);
        _u.Loc = saved;
        return true;
    }

    void EmitKwNames(List<Keyword> keywords, int begin, int end)
    {
        var names = new object?[end - begin];
        for (int i = begin; i < end; i++) names[i - begin] = keywords[i].arg;
        Emit(Opcode.KW_NAMES, _u.AddConst(new ConstTuple(names)));
    }

    /// <summary>Arguments after `n` already pushed ones, then CALL or CALL_FUNCTION_EX (compiler_call_helper).</summary>
    void CallHelper(int n, List<ExprNode> args, List<Keyword> keywords)
    {
        ValidateKeywords(keywords);
        int nelts = args.Count, nkwelts = keywords.Count;
        bool ex = nelts + nkwelts * 2 > StackUseGuardrail;
        if (!ex) foreach (var a in args) if (a is Starred) { ex = true; break; }
        if (!ex) foreach (var k in keywords) if (k.arg == null) { ex = true; break; }
        if (!ex)
        {
            foreach (var a in args) VisitExpr(a);
            if (nkwelts > 0)
            {
                foreach (var k in keywords) VisitExpr(k.value);
                EmitKwNames(keywords, 0, nkwelts);
            }
            Emit(Opcode.CALL, n + nelts + nkwelts);
            return;
        }
        if (n == 0 && nelts == 1 && args[0] is Starred only) VisitExpr(only.value);
        else StarUnpackHelper(args, n, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, true);
        if (nkwelts > 0)
        {
            bool haveDict = false;
            int nseen = 0;
            for (int i = 0; i < nkwelts; i++)
            {
                var kw = keywords[i];
                if (kw.arg == null)
                {
                    if (nseen > 0)
                    {
                        SubKwArgs(keywords, i - nseen, i);
                        if (haveDict) Emit(Opcode.DICT_MERGE, 1);
                        haveDict = true;
                        nseen = 0;
                    }
                    if (!haveDict) { Emit(Opcode.BUILD_MAP, 0); haveDict = true; }
                    VisitExpr(kw.value);
                    Emit(Opcode.DICT_MERGE, 1);
                }
                else nseen++;
            }
            if (nseen > 0)
            {
                SubKwArgs(keywords, nkwelts - nseen, nkwelts);
                if (haveDict) Emit(Opcode.DICT_MERGE, 1);
            }
        }
        Emit(Opcode.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
    }

    void SubKwArgs(List<Keyword> keywords, int begin, int end)
    {
        int n = end - begin;
        bool big = n * 2 > StackUseGuardrail;
        if (n > 1 && !big)
        {
            for (int i = begin; i < end; i++) VisitExpr(keywords[i].value);
            var names = new object?[n];
            for (int i = begin; i < end; i++) names[i - begin] = keywords[i].arg;
            EmitConst(new ConstTuple(names));
            Emit(Opcode.BUILD_CONST_KEY_MAP, n);
            return;
        }
        if (big) EmitNoLine(Opcode.BUILD_MAP, 0);
        for (int i = begin; i < end; i++)
        {
            EmitConst(keywords[i].arg);
            VisitExpr(keywords[i].value);
            if (big) EmitNoLine(Opcode.MAP_ADD, 1);
        }
        if (!big) Emit(Opcode.BUILD_MAP, n);
    }

    // ---- displays ----------------------------------------------------------------------------

    static bool AllConstant(List<ExprNode> elts, int begin, int end)
    {
        for (int i = begin; i < end; i++) if (elts[i] is not Constant) return false;
        return true;
    }

    void StarUnpackHelper(List<ExprNode> elts, int pushed, Opcode build, Opcode add, Opcode extend, bool tuple)
    {
        int n = elts.Count;
        if (n > 2 && AllConstant(elts, 0, n))
        {
            var items = new object?[n];
            for (int i = 0; i < n; i++) items[i] = NormalizeConstant(((Constant)elts[i]).value);
            if (tuple && pushed == 0) EmitConst(new ConstTuple(items));
            else
            {
                Emit(build, pushed);
                EmitConst(add == Opcode.SET_ADD ? new ConstFrozenSet(items) : new ConstTuple(items));
                Emit(extend, 1);
                if (tuple) Emit(Opcode.LIST_TO_TUPLE);
            }
            return;
        }
        bool big = n + pushed > StackUseGuardrail;
        bool seenStar = false;
        foreach (var x in elts) if (x is Starred) { seenStar = true; break; }
        if (!seenStar && !big)
        {
            foreach (var x in elts) VisitExpr(x);
            Emit(tuple ? Opcode.BUILD_TUPLE : build, n + pushed);
            return;
        }
        bool built = false;
        if (big) { Emit(build, pushed); built = true; }
        for (int i = 0; i < n; i++)
        {
            var elt = elts[i];
            if (elt is Starred st)
            {
                if (!built) { Emit(build, i + pushed); built = true; }
                VisitExpr(st.value);
                Emit(extend, 1);
            }
            else
            {
                VisitExpr(elt);
                if (built) Emit(add, 1);
            }
        }
        if (tuple) Emit(Opcode.LIST_TO_TUPLE);
    }

    void AssignmentHelper(List<ExprNode> elts)
    {
        int n = elts.Count;
        bool seenStar = false;
        for (int i = 0; i < n; i++)
        {
            var elt = elts[i];
            if (elt is Starred && !seenStar)
            {
                if (i >= (1 << 8) || n - i - 1 >= (int.MaxValue >> 8))
                    throw Error("too many expressions in star-unpacking assignment");
                Emit(Opcode.UNPACK_EX, i + ((n - i - 1) << 8));
                seenStar = true;
            }
            else if (elt is Starred) throw Error("multiple starred expressions in assignment");
        }
        if (!seenStar) Emit(Opcode.UNPACK_SEQUENCE, n);
        foreach (var elt in elts) VisitExpr(elt is Starred st ? st.value : elt);
    }

    void CompileDict(Dict d)
    {
        int n = d.values.Count;
        int elements = 0;
        bool haveDict = false;
        for (int i = 0; i < n; i++)
        {
            if (d.keys[i] == null)
            {
                if (elements > 0)
                {
                    SubDict(d, i - elements, i);
                    if (haveDict) Emit(Opcode.DICT_UPDATE, 1);
                    haveDict = true;
                    elements = 0;
                }
                if (!haveDict) { Emit(Opcode.BUILD_MAP, 0); haveDict = true; }
                VisitExpr(d.values[i]);
                Emit(Opcode.DICT_UPDATE, 1);
            }
            else
            {
                if (elements * 2 > StackUseGuardrail)
                {
                    SubDict(d, i - elements, i + 1);
                    if (haveDict) Emit(Opcode.DICT_UPDATE, 1);
                    haveDict = true;
                    elements = 0;
                }
                else elements++;
            }
        }
        if (elements > 0)
        {
            SubDict(d, n - elements, n);
            if (haveDict) Emit(Opcode.DICT_UPDATE, 1);
            haveDict = true;
        }
        if (!haveDict) Emit(Opcode.BUILD_MAP, 0);
    }

    void SubDict(Dict d, int begin, int end)
    {
        int n = end - begin;
        bool big = n * 2 > StackUseGuardrail;
        if (n > 1 && !big && AllConstant(d.keys, begin, end))
        {
            for (int i = begin; i < end; i++) VisitExpr(d.values[i]);
            var keys = new object?[n];
            for (int i = begin; i < end; i++) keys[i - begin] = NormalizeConstant(((Constant)d.keys[i]).value);
            EmitConst(new ConstTuple(keys));
            Emit(Opcode.BUILD_CONST_KEY_MAP, n);
            return;
        }
        if (big) Emit(Opcode.BUILD_MAP, 0);
        for (int i = begin; i < end; i++)
        {
            VisitExpr(d.keys[i]);
            VisitExpr(d.values[i]);
            if (big) Emit(Opcode.MAP_ADD, 1);
        }
        if (!big) Emit(Opcode.BUILD_MAP, n);
    }

    // ---- lambda and comprehensions -----------------------------------------------------

    void CompileLambda(Lambda e)
    {
        CheckDebugArgs(e.args);
        int flags = CompileDefaultArguments(e.args);
        EnterScope("<lambda>", UnitKind.Lambda, e, e.lineno);
        SetLoc(e);
        _u.AddConst(null); // no docstring for a lambda
        _u.ArgCount = e.args.args.Count + e.args.posonlyargs.Count;
        _u.PosOnlyArgCount = e.args.posonlyargs.Count;
        _u.KwOnlyArgCount = e.args.kwonlyargs.Count;
        VisitExpr(e.body);
        Emit(Opcode.RETURN_VALUE);
        var co = ExitScope(addReturn: false);
        MakeClosure(co, flags);
    }

    void CompileComprehension(ExprNode e, string name, ComprehensionKind kind, List<Comprehension> generators, ExprNode elt, ExprNode? value)
    {
        var outermost = generators[0];
        var outerKind = _u.Kind;
        EnterScope(name, UnitKind.Comprehension, e, e.lineno);
        SetLoc(e);
        bool isAsyncGenerator = _u.Ste.IsCoroutine;
        if (isAsyncGenerator && kind != ComprehensionKind.Generator
            && outerKind != UnitKind.AsyncFunction && outerKind != UnitKind.Comprehension && !IsTopLevelAwait)
            throw Error("asynchronous comprehension outside of an asynchronous function");
        if (kind != ComprehensionKind.Generator)
            Emit(kind == ComprehensionKind.List ? Opcode.BUILD_LIST : kind == ComprehensionKind.Set ? Opcode.BUILD_SET : Opcode.BUILD_MAP, 0);
        ComprehensionGenerator(generators, 0, 0, elt, value, kind);
        if (kind != ComprehensionKind.Generator) Emit(Opcode.RETURN_VALUE);
        var co = ExitScope(addReturn: true);

        MakeClosure(co, 0);
        VisitExpr(outermost.iter);
        Emit(outermost.is_async != 0 ? Opcode.GET_AITER : Opcode.GET_ITER);
        Emit(Opcode.CALL, 0);
        if (isAsyncGenerator && kind != ComprehensionKind.Generator)
        {
            Emit(Opcode.GET_AWAITABLE, 0);
            EmitConst(null);
            YieldFrom(true);
        }
    }

    void ComprehensionGenerator(List<Comprehension> generators, int index, int depth, ExprNode elt, ExprNode? value, ComprehensionKind kind)
    {
        if (generators[index].is_async != 0) AsyncComprehensionGenerator(generators, index, depth, elt, value, kind);
        else SyncComprehensionGenerator(generators, index, depth, elt, value, kind);
    }

    void ComprehensionElement(int depth, ExprNode elt, ExprNode? value, ComprehensionKind kind)
    {
        switch (kind)
        {
            case ComprehensionKind.Generator:
                VisitExpr(elt);
                EmitYield();
                Emit(Opcode.POP_TOP);
                break;
            case ComprehensionKind.List:
                VisitExpr(elt);
                Emit(Opcode.LIST_APPEND, depth + 1);
                break;
            case ComprehensionKind.Set:
                VisitExpr(elt);
                Emit(Opcode.SET_ADD, depth + 1);
                break;
            case ComprehensionKind.Dict:
                VisitExpr(elt);
                VisitExpr(value!);
                Emit(Opcode.MAP_ADD, depth + 1);
                break;
        }
    }

    void SyncComprehensionGenerator(List<Comprehension> generators, int index, int depth, ExprNode elt, ExprNode? value, ComprehensionKind kind)
    {
        Label? start = new Label();
        var ifCleanup = new Label(); var anchor = new Label();
        var gen = generators[index];
        if (index == 0)
        {
            _u.ArgCount = 1;
            Emit(Opcode.LOAD_FAST, 0);
        }
        else
        {
            // `for y in [f(x)]` binds without iterating.
            List<ExprNode>? elts = gen.iter switch { List l => l.elts, Tuple t => t.elts, _ => null };
            if (elts != null && elts.Count == 1 && elts[0] is not Starred)
            {
                VisitExpr(elts[0]);
                start = null;
            }
            if (start != null)
            {
                VisitExpr(gen.iter);
                Emit(Opcode.GET_ITER);
            }
        }
        if (start != null)
        {
            depth++;
            Mark(start);
            EmitJump(Opcode.FOR_ITER, anchor);
        }
        VisitExpr(gen.target);
        foreach (var cond in gen.ifs) JumpIf(cond, ifCleanup, false);
        if (++index < generators.Count) ComprehensionGenerator(generators, index, depth, elt, value, kind);
        if (index >= generators.Count) ComprehensionElement(depth, elt, value, kind);
        Mark(ifCleanup);
        if (start != null)
        {
            EmitJump(PseudoOp.Jump, start);
            Mark(anchor);
        }
    }

    void AsyncComprehensionGenerator(List<Comprehension> generators, int index, int depth, ExprNode elt, ExprNode? value, ComprehensionKind kind)
    {
        var start = new Label(); var except = new Label(); var ifCleanup = new Label();
        var gen = generators[index];
        if (index == 0)
        {
            _u.ArgCount = 1;
            Emit(Opcode.LOAD_FAST, 0);
        }
        else
        {
            VisitExpr(gen.iter);
            Emit(Opcode.GET_AITER);
        }
        Mark(start);
        PushFBlock(FBlockKind.AsyncComprehensionGenerator, start, null);
        EmitJump(PseudoOp.SetupFinally, except);
        Emit(Opcode.GET_ANEXT);
        EmitConst(null);
        YieldFrom(true);
        Emit(PseudoOp.PopBlock);
        VisitExpr(gen.target);
        foreach (var cond in gen.ifs) JumpIf(cond, ifCleanup, false);
        depth++;
        if (++index < generators.Count) ComprehensionGenerator(generators, index, depth, elt, value, kind);
        if (index >= generators.Count) ComprehensionElement(depth, elt, value, kind);
        Mark(ifCleanup);
        EmitJump(PseudoOp.Jump, start);
        PopFBlock(FBlockKind.AsyncComprehensionGenerator);
        Mark(except);
        Emit(Opcode.END_ASYNC_FOR);
    }
}
