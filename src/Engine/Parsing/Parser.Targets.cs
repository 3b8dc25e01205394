#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Parsing;

// Assignment, for, with and del targets (star_targets, single_target, t_primary, del_targets).
internal sealed partial class Parser
{
    // star_targets: star_target !',' | star_target (',' star_target)* [','] -> Tuple(Store)
    ExprNode? StarTargets()
    {
        int m = _pos;
        var a = StarTarget();
        if (a == null) return null;
        if (Peek() != COMMA) return a;
        var elts = new List<ExprNode> { a };
        while (true)
        {
            int m2 = _pos;
            if (!Accept(COMMA)) break;
            var b = StarTarget();
            if (b == null) { _pos = m2; break; }
            elts.Add(b);
        }
        Accept(COMMA);
        return Fin(new Tuple { elts = elts, ctx = Store.Instance }, m);
    }

    // star_targets_list_seq: ','.star_target+ [',']
    List<ExprNode>? StarTargetsListSeq()
    {
        List<ExprNode>? list = null;
        while (true)
        {
            int s = _pos;
            var e = StarTarget();
            if (e == null) { if (list != null) _pos = s - 1; break; }
            (list ??= new()).Add(e);
            if (!Accept(COMMA)) break;
        }
        if (list != null) Accept(COMMA);
        return list;
    }

    // star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','
    List<ExprNode>? StarTargetsTupleSeq()
    {
        int m = _pos;
        var a = StarTarget();
        if (a == null) return null;
        var list = new List<ExprNode> { a };
        while (true)
        {
            int m2 = _pos;
            if (!Accept(COMMA)) break;
            var b = StarTarget();
            if (b == null) { _pos = m2; break; }
            list.Add(b);
        }
        if (list.Count > 1) { Accept(COMMA); return list; }
        if (Accept(COMMA)) return list;
        _pos = m;
        return null;
    }

    // star_target (memo): '*' (!'*' star_target) | target_with_star_atom
    ExprNode? StarTarget()
    {
        if (Memo(M_STAR_TARGET, out ExprNode? memo)) return memo;
        int m = _pos;
        if (Accept(STAR))
        {
            if (Peek() != STAR)
            {
                Enter();
                var a = StarTarget();
                _depth--;
                if (a != null) return Save(M_STAR_TARGET, m, Fin(new Starred { value = SetCtx(a, Store.Instance), ctx = Store.Instance }, m));
            }
            _pos = m;
        }
        return Save(M_STAR_TARGET, m, TargetWithStarAtom());
    }

    // target_with_star_atom (memo): t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | star_atom
    ExprNode? TargetWithStarAtom()
    {
        if (Memo(M_TARGET_WITH_STAR_ATOM, out ExprNode? memo)) return memo;
        int m = _pos;
        var r = SubscriptAttributeTarget(Store.Instance);
        if (r == null) { _pos = m; r = StarAtom(); }
        return Save(M_TARGET_WITH_STAR_ATOM, m, r);
    }

    bool AtTLookahead() { int c = Peek(); return c == LPAR || c == LSQB || c == DOT; }

    /// <summary>t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead, with the given context.</summary>
    ExprNode? SubscriptAttributeTarget(ExprContextNode ctx)
    {
        int m = _pos;
        var tp = TPrimary();
        if (tp != null)
        {
            int m2 = _pos;
            if (Accept(DOT) && Peek() == NAME)
            {
                string attr = NameId(_toks[_pos++]);
                if (!AtTLookahead()) return Fin(new Attribute { value = tp, attr = attr, ctx = ctx }, m);
            }
            _pos = m2;
            if (Accept(LSQB))
            {
                var s = Slices();
                if (s != null && Accept(RSQB) && !AtTLookahead()) return Fin(new Subscript { value = tp, slice = s, ctx = ctx }, m);
            }
        }
        _pos = m;
        return null;
    }

    // star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')' | '[' [star_targets_list_seq] ']'
    ExprNode? StarAtom()
    {
        int m = _pos;
        switch (Peek())
        {
            case NAME: return NameExpr(Store.Instance);
            case LPAR:
                {
                    _pos++;
                    Enter();
                    var a = TargetWithStarAtom();
                    if (a != null && Accept(RPAR)) { _depth--; return SetCtx(a, Store.Instance); }
                    _pos = m + 1;
                    var seq = StarTargetsTupleSeq();
                    _depth--;
                    if (Accept(RPAR)) return Fin(new Tuple { elts = seq ?? new(), ctx = Store.Instance }, m);
                    _pos = m;
                    return null;
                }
            case LSQB:
                {
                    _pos++;
                    Enter();
                    var seq = StarTargetsListSeq();
                    _depth--;
                    if (Accept(RSQB)) return Fin(new List { elts = seq ?? new(), ctx = Store.Instance }, m);
                    _pos = m;
                    return null;
                }
        }
        return null;
    }

    // single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
    ExprNode? SingleTarget()
    {
        int m = _pos;
        var a = SubscriptAttributeTarget(Store.Instance);
        if (a != null) return a;
        if (Peek() == NAME) return NameExpr(Store.Instance);
        if (Accept(LPAR))
        {
            Enter();
            var b = SingleTarget();
            _depth--;
            if (b != null && Accept(RPAR)) return b;
        }
        _pos = m;
        return null;
    }

    ExprNode? SingleSubscriptAttributeTarget() => SubscriptAttributeTarget(Store.Instance);

    // t_primary (left-recursive, memoised):
    //   t_primary '.' NAME &t_lookahead | t_primary '[' slices ']' &t_lookahead | t_primary genexp &t_lookahead
    //   | t_primary '(' [arguments] ')' &t_lookahead | atom &t_lookahead
    ExprNode? TPrimary()
    {
        if (Memo(M_T_PRIMARY, out ExprNode? memo)) return memo;
        int m = _pos;
        var a = Atom();
        if (a == null || !AtTLookahead()) { _pos = m; return Save<ExprNode>(M_T_PRIMARY, m, null); }
        int chain = 0;
        while (true)
        {
            Chain(++chain);
            int m2 = _pos;
            int c = Peek();
            if (c == DOT)
            {
                _pos++;
                if (Peek() == NAME)
                {
                    string attr = NameId(_toks[_pos++]);
                    if (AtTLookahead()) { a = Fin(new Attribute { value = a, attr = attr, ctx = Load.Instance }, m); continue; }
                }
                _pos = m2;
                break;
            }
            if (c == LSQB)
            {
                _pos++;
                var s = Slices();
                if (s != null && Accept(RSQB) && AtTLookahead())
                {
                    a = Fin(new Subscript { value = a, slice = s, ctx = Load.Instance }, m);
                    continue;
                }
                _pos = m2;
                // t_primary genexp: invalid_comprehension also accepts '['.
                if (_invalidPass) { Genexp(); _pos = m2; }
                break;
            }
            if (c == LPAR)
            {
                var g = Genexp();
                if (g != null && AtTLookahead())
                {
                    a = Fin(new Call { func = a, args = new List<ExprNode> { g } }, m);
                    continue;
                }
                _pos = m2 + 1;
                var args = Arguments();
                if (Accept(RPAR) && AtTLookahead())
                {
                    var call = Fin(new Call { func = a }, m);
                    if (args != null) { call.args = args.args; call.keywords = args.keywords; }
                    a = call;
                    continue;
                }
                _pos = m2;
                break;
            }
            break;
        }
        return Save(M_T_PRIMARY, m, a);
    }

    // del_targets: ','.del_target+ [',']
    List<ExprNode>? DelTargets()
    {
        List<ExprNode>? list = null;
        while (true)
        {
            int s = _pos;
            var e = DelTarget();
            if (e == null) { if (list != null) _pos = s - 1; break; }
            (list ??= new()).Add(e);
            if (!Accept(COMMA)) break;
        }
        if (list != null) Accept(COMMA);
        return list;
    }

    // del_target (memo): t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | del_t_atom
    ExprNode? DelTarget()
    {
        if (Memo(M_DEL_TARGET, out ExprNode? memo)) return memo;
        int m = _pos;
        var r = SubscriptAttributeTarget(Del.Instance);
        if (r == null) { _pos = m; r = DelTAtom(); }
        return Save(M_DEL_TARGET, m, r);
    }

    ExprNode? DelTAtom()
    {
        int m = _pos;
        switch (Peek())
        {
            case NAME: return NameExpr(Del.Instance);
            case LPAR:
                {
                    _pos++;
                    Enter();
                    var a = DelTarget();
                    if (a != null && Accept(RPAR)) { _depth--; return SetCtx(a, Del.Instance); }
                    _pos = m + 1;
                    var seq = DelTargets();
                    _depth--;
                    if (Accept(RPAR)) return Fin(new Tuple { elts = seq ?? new(), ctx = Del.Instance }, m);
                    _pos = m;
                    return null;
                }
            case LSQB:
                {
                    _pos++;
                    Enter();
                    var seq = DelTargets();
                    _depth--;
                    if (Accept(RSQB)) return Fin(new List { elts = seq ?? new(), ctx = Del.Instance }, m);
                    _pos = m;
                    return null;
                }
        }
        return null;
    }

    /// <summary>_PyPegen_set_expr_context: a copy of a target expression with the given context.</summary>
    static ExprNode SetCtx(ExprNode e, ExprContextNode ctx)
    {
        ExprNode r;
        switch (e)
        {
            case Name n: r = new Name { id = n.id, ctx = ctx }; break;
            case Tuple t:
                {
                    var elts = new List<ExprNode>(t.elts.Count);
                    foreach (var x in t.elts) elts.Add(SetCtx(x, ctx));
                    r = new Tuple { elts = elts, ctx = ctx }; break;
                }
            case List l:
                {
                    var elts = new List<ExprNode>(l.elts.Count);
                    foreach (var x in l.elts) elts.Add(SetCtx(x, ctx));
                    r = new List { elts = elts, ctx = ctx }; break;
                }
            case Subscript s: r = new Subscript { value = s.value, slice = s.slice, ctx = ctx }; break;
            case Attribute a: r = new Attribute { value = a.value, attr = a.attr, ctx = ctx }; break;
            case Starred st: r = new Starred { value = SetCtx(st.value, ctx), ctx = ctx }; break;
            default: return e;
        }
        r.lineno = e.lineno; r.col_offset = e.col_offset; r.end_lineno = e.end_lineno; r.end_col_offset = e.end_col_offset;
        return r;
    }
}
