#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Parsing;

// Expressions: from `expressions` down to `atom`, comprehensions and call arguments.
internal sealed partial class Parser
{
    Name NameExpr(ExprContextNode ctx)
    {
        var t = _toks[_pos++];
        var n = new Name { id = NameId(t), ctx = ctx };
        n.lineno = t.Line; n.col_offset = t.Col; n.end_lineno = t.EndLine; n.end_col_offset = t.EndCol;
        return n;
    }

    /// <summary>Identifiers are NFKC-normalised (PEP 3131), as _PyPegen_new_identifier does.</summary>
    static string NameId(Token t)
    {
        string s = t.Text;
        foreach (char ch in s)
            if (ch >= 128) return Tokenizer.NormalizeIdentifier(s);
        return s;
    }

    // expressions: expression (',' expression)* [','] -> Tuple when there is a comma
    ExprNode? Expressions()
    {
        int m = _pos;
        var a = Expression();
        if (a == null) return null;
        if (Peek() != COMMA) return a;
        var elts = new List<ExprNode> { a };
        while (true)
        {
            int m2 = _pos;
            if (!Accept(COMMA)) break;
            var b = Expression();
            if (b == null) { _pos = m2; break; }
            elts.Add(b);
        }
        Accept(COMMA);
        return Fin(new Tuple { elts = elts, ctx = Load.Instance }, m);
    }

    // expression (memo): invalid_expression | invalid_legacy_expression | disjunction 'if' disjunction 'else' expression
    //                    | disjunction | lambdef
    internal ExprNode? Expression()
    {
        if (Memo(M_EXPRESSION, out ExprNode? memo)) return memo;
        int m = _pos;
        Enter();
        var r = ExpressionInner();
        _depth--;
        return Save(M_EXPRESSION, m, r);
    }

    ExprNode? ExpressionInner()
    {
        int m = _pos;
        if (_invalidPass)
        {
            InvalidExpression(); _pos = m;
            InvalidLegacyExpression(); _pos = m;
        }
        var a = Disjunction();
        if (a != null)
        {
            if (Peek() == K_IF)
            {
                int m2 = _pos;
                _pos++;
                var b = Disjunction();
                if (b != null && Accept(K_ELSE))
                {
                    var c = Expression();
                    if (c != null) return Fin(new IfExp { test = b, body = a, orelse = c }, m);
                }
                _pos = m2;
            }
            return a;
        }
        _pos = m;
        if (Peek() == K_LAMBDA) return Lambdef();
        return null;
    }

    // expression_without_invalid: the same, with the invalid_* rules switched off.
    ExprNode? ExpressionWithoutInvalid()
    {
        bool saved = _invalidPass;
        _invalidPass = false;
        try
        {
            int m = _pos;
            var a = Disjunction();
            if (a != null)
            {
                if (Peek() == K_IF)
                {
                    int m2 = _pos;
                    _pos++;
                    var b = Disjunction();
                    if (b != null && Accept(K_ELSE))
                    {
                        var c = Expression();
                        if (c != null) return Fin(new IfExp { test = b, body = a, orelse = c }, m);
                    }
                    _pos = m2;
                }
                return a;
            }
            _pos = m;
            if (Peek() == K_LAMBDA) return Lambdef();
            return null;
        }
        finally { _invalidPass = saved; }
    }

    // yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    ExprNode? YieldExpr()
    {
        int m = _pos;
        if (!Accept(K_YIELD)) return null;
        if (Accept(K_FROM))
        {
            var a = Expression();
            if (a != null) return Fin(new YieldFrom { value = a }, m);
            _pos = m + 1;
        }
        var v = StarExpressions();
        return Fin(new Yield { value = v }, m);
    }

    // star_expressions
    internal ExprNode? StarExpressions()
    {
        int m = _pos;
        var a = StarExpression();
        if (a == null) return null;
        if (Peek() != COMMA) return a;
        var elts = new List<ExprNode> { a };
        while (true)
        {
            int m2 = _pos;
            if (!Accept(COMMA)) break;
            var b = StarExpression();
            if (b == null) { _pos = m2; break; }
            elts.Add(b);
        }
        Accept(COMMA);
        return Fin(new Tuple { elts = elts, ctx = Load.Instance }, m);
    }

    // star_expression (memo): '*' bitwise_or | expression
    ExprNode? StarExpression()
    {
        if (!_errorPass) return StarExpressionInner();
        if (Memo(M_STAR_EXPRESSION, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_STAR_EXPRESSION, start, StarExpressionInner());
    }

    ExprNode? StarExpressionInner()
    {
        int m = _pos;
        ExprNode? r;
        if (Accept(STAR))
        {
            var a = BitwiseOr();
            if (a != null) return Fin(new Starred { value = a, ctx = Load.Instance }, m);
            _pos = m;
        }
        r = Expression();
        return r;
    }

    // star_named_expressions: ','.star_named_expression+ [',']
    List<ExprNode>? StarNamedExpressions()
    {
        List<ExprNode>? list = null;
        while (true)
        {
            int s = _pos;
            var e = StarNamedExpression();
            if (e == null) { if (list != null) _pos = s - 1; break; }
            (list ??= new()).Add(e);
            if (!Accept(COMMA)) break;
        }
        if (list != null) Accept(COMMA);
        return list;
    }

    // star_named_expression: '*' bitwise_or | named_expression
    ExprNode? StarNamedExpression()
    {
        int m = _pos;
        if (Accept(STAR))
        {
            var a = BitwiseOr();
            if (a != null) return Fin(new Starred { value = a, ctx = Load.Instance }, m);
            _pos = m;
        }
        return NamedExpression();
    }

    // assignment_expression: NAME ':=' ~ expression
    ExprNode? AssignmentExpression()
    {
        int m = _pos;
        if (Peek() != NAME || PeekAt(_pos + 1) != COLONEQUAL) return null;
        var target = NameExpr(Store.Instance);
        _pos++;
        var b = Expression();
        if (b == null) { _pos = m; return null; }
        return Fin(new NamedExpr { target = target, value = b }, m);
    }

    // named_expression: assignment_expression | invalid_named_expression | expression !':='
    ExprNode? NamedExpression()
    {
        int m = _pos;
        var a = AssignmentExpression();
        if (a != null) return a;
        if (_invalidPass) { InvalidNamedExpression(); _pos = m; }
        var e = Expression();
        if (e != null && Peek() != COLONEQUAL) return e;
        _pos = m;
        return null;
    }

    // disjunction (memo): conjunction ('or' conjunction)+ | conjunction
    ExprNode? Disjunction()
    {
        if (!_errorPass) return DisjunctionInner();
        if (Memo(M_DISJUNCTION, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_DISJUNCTION, start, DisjunctionInner());
    }

    ExprNode? DisjunctionInner()
    {
        int m = _pos;
        var a = Conjunction();
        if (a == null || Peek() != K_OR) return a;
        var values = new List<ExprNode> { a };
        while (true)
        {
            int m2 = _pos;
            if (!Accept(K_OR)) break;
            var b = Conjunction();
            if (b == null) { _pos = m2; break; }
            values.Add(b);
        }
        if (values.Count == 1) return a;
        return Fin(new BoolOp { op = Or.Instance, values = values }, m);
    }

    ExprNode? Conjunction()
    {
        if (!_errorPass) return ConjunctionInner();
        if (Memo(M_CONJUNCTION, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_CONJUNCTION, start, ConjunctionInner());
    }

    ExprNode? ConjunctionInner()
    {
        int m = _pos;
        var a = Inversion();
        if (a == null || Peek() != K_AND) return a;
        var values = new List<ExprNode> { a };
        while (true)
        {
            int m2 = _pos;
            if (!Accept(K_AND)) break;
            var b = Inversion();
            if (b == null) { _pos = m2; break; }
            values.Add(b);
        }
        if (values.Count == 1) return a;
        return Fin(new BoolOp { op = And.Instance, values = values }, m);
    }

    // inversion (memo): 'not' inversion | comparison
    ExprNode? Inversion()
    {
        if (!_errorPass) return InversionInner();
        if (Memo(M_INVERSION, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_INVERSION, start, InversionInner());
    }

    ExprNode? InversionInner()
    {
        int m = _pos;
        if (Accept(K_NOT))
        {
            Enter();
            var a = Inversion();
            _depth--;
            if (a != null) return Fin(new UnaryOp { op = Not.Instance, operand = a }, m);
            _pos = m;
        }
        return Comparison();
    }

    // comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
    ExprNode? Comparison()
    {
        int m = _pos;
        var a = BitwiseOr();
        if (a == null) return null;
        List<CmpopNode>? ops = null;
        List<ExprNode>? comps = null;
        while (true)
        {
            int m2 = _pos;
            CmpopNode? op;
            switch (Peek())
            {
                case EQEQUAL: op = Eq.Instance; _pos++; break;
                case NOTEQUAL: op = NotEq.Instance; _pos++; break;
                case LESSEQUAL: op = LtE.Instance; _pos++; break;
                case LESS: op = Lt.Instance; _pos++; break;
                case GREATEREQUAL: op = GtE.Instance; _pos++; break;
                case GREATER: op = Gt.Instance; _pos++; break;
                case K_NOT:
                    if (PeekAt(_pos + 1) == K_IN) { op = NotIn.Instance; _pos += 2; } else op = null;
                    break;
                case K_IN: op = In.Instance; _pos++; break;
                case K_IS:
                    if (PeekAt(_pos + 1) == K_NOT)
                    {
                        _pos += 2;
                        var nb = BitwiseOr();
                        if (nb != null) { (ops ??= new()).Add(IsNot.Instance); (comps ??= new()).Add(nb); continue; }
                        _pos = m2 + 1;
                    }
                    else _pos++;
                    op = Is.Instance;
                    break;
                default: op = null; break;
            }
            if (op == null) { _pos = m2; break; }
            var b = BitwiseOr();
            if (b == null) { _pos = m2; break; }
            (ops ??= new()).Add(op);
            (comps ??= new()).Add(b);
        }
        if (ops == null) return a;
        return Fin(new Compare { left = a, ops = ops, comparators = comps! }, m);
    }

    // bitwise_or (left-recursive, memoised as pegen does): bitwise_or '|' bitwise_xor | bitwise_xor
    ExprNode? BitwiseOr()
    {
        if (!_errorPass) return BitwiseOrInner();
        if (Memo(M_BITWISE_OR, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_BITWISE_OR, start, BitwiseOrInner());
    }

    ExprNode? BitwiseOrInner()
    {
        int m = _pos;
        var a = BitwiseXor();
        if (a != null)
        {
            int chain = 0;
            while (Peek() == VBAR)
            {
                int m2 = _pos;
                _pos++;
                var b = BitwiseXor();
                if (b == null) { _pos = m2; break; }
                Chain(++chain);
                a = Fin(new BinOp { left = a, op = BitOr.Instance, right = b }, m);
            }
        }
        return a;
    }

    ExprNode? BitwiseXor()
    {
        if (!_errorPass) return BitwiseXorInner();
        if (Memo(M_BITWISE_XOR, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_BITWISE_XOR, start, BitwiseXorInner());
    }

    ExprNode? BitwiseXorInner()
    {
        int m = _pos;
        var a = BitwiseAnd();
        if (a == null) return null;
        int chain = 0;
            while (Peek() == CIRCUMFLEX)
        {
            int m2 = _pos;
            _pos++;
            var b = BitwiseAnd();
            if (b == null) { _pos = m2; break; }
            Chain(++chain);
                a = Fin(new BinOp { left = a, op = BitXor.Instance, right = b }, m);
        }
        return a;
    }

    ExprNode? BitwiseAnd()
    {
        if (!_errorPass) return BitwiseAndInner();
        if (Memo(M_BITWISE_AND, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_BITWISE_AND, start, BitwiseAndInner());
    }

    ExprNode? BitwiseAndInner()
    {
        int m = _pos;
        var a = ShiftExpr();
        if (a == null) return null;
        int chain = 0;
            while (Peek() == AMPER)
        {
            int m2 = _pos;
            _pos++;
            var b = ShiftExpr();
            if (b == null) { _pos = m2; break; }
            Chain(++chain);
                a = Fin(new BinOp { left = a, op = BitAnd.Instance, right = b }, m);
        }
        return a;
    }

    ExprNode? ShiftExpr()
    {
        if (!_errorPass) return ShiftExprInner();
        if (Memo(M_SHIFT_EXPR, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_SHIFT_EXPR, start, ShiftExprInner());
    }

    ExprNode? ShiftExprInner()
    {
        int m = _pos;
        var a = Sum();
        if (a == null) return null;
        int chain = 0;
        while (true)
        {
            int c = Peek();
            OperatorNode op;
            if (c == LEFTSHIFT) op = LShift.Instance; else if (c == RIGHTSHIFT) op = RShift.Instance; else break;
            int m2 = _pos;
            _pos++;
            var b = Sum();
            if (b == null) { _pos = m2; break; }
            Chain(++chain);
            a = Fin(new BinOp { left = a, op = op, right = b }, m);
        }
        return a;
    }

    ExprNode? Sum()
    {
        if (!_errorPass) return SumInner();
        if (Memo(M_SUM, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_SUM, start, SumInner());
    }

    ExprNode? SumInner()
    {
        int m = _pos;
        var a = Term();
        if (a == null) return null;
        int chain = 0;
        while (true)
        {
            int c = Peek();
            OperatorNode op;
            if (c == PLUS) op = Add.Instance; else if (c == MINUS) op = Sub.Instance; else break;
            int m2 = _pos;
            _pos++;
            var b = Term();
            if (b == null) { _pos = m2; break; }
            Chain(++chain);
            a = Fin(new BinOp { left = a, op = op, right = b }, m);
        }
        return a;
    }

    ExprNode? Term()
    {
        if (!_errorPass) return TermInner();
        if (Memo(M_TERM, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_TERM, start, TermInner());
    }

    ExprNode? TermInner()
    {
        int m = _pos;
        var a = Factor();
        if (a == null) return null;
        int chain = 0;
        while (true)
        {
            OperatorNode op;
            switch (Peek())
            {
                case STAR: op = Mult.Instance; break;
                case SLASH: op = Div.Instance; break;
                case DOUBLESLASH: op = FloorDiv.Instance; break;
                case PERCENT: op = Mod.Instance; break;
                case AT: op = MatMult.Instance; break;
                default: return a;
            }
            int m2 = _pos;
            _pos++;
            var b = Factor();
            if (b == null) { _pos = m2; return a; }
            Chain(++chain);
            a = Fin(new BinOp { left = a, op = op, right = b }, m);
        }
    }

    // factor (memo): '+' factor | '-' factor | '~' factor | power
    ExprNode? Factor()
    {
        if (!_errorPass) return FactorInner();
        if (Memo(M_FACTOR, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_FACTOR, start, FactorInner());
    }

    ExprNode? FactorInner()
    {
        int m = _pos;
        UnaryopNode? op = Peek() switch { PLUS => UAdd.Instance, MINUS => USub.Instance, TILDE => Invert.Instance, _ => null };
        if (op != null)
        {
            _pos++;
            Enter();
            var a = Factor();
            _depth--;
            if (a != null) return Fin(new UnaryOp { op = op, operand = a }, m);
            _pos = m;
        }
        return Power();
    }

    // power: await_primary '**' factor | await_primary
    ExprNode? Power()
    {
        int m = _pos;
        var a = AwaitPrimary();
        if (a == null) return null;
        if (Peek() == DOUBLESTAR)
        {
            int m2 = _pos;
            _pos++;
            // power -> factor -> power: two of CPython's rule levels per '**'.
            Enter(2);
            var b = Factor();
            _depth -= 2;
            if (b != null) return Fin(new BinOp { left = a, op = Pow.Instance, right = b }, m);
            _pos = m2;
        }
        return a;
    }

    // await_primary (memo): AWAIT primary | primary
    ExprNode? AwaitPrimary()
    {
        if (!_errorPass) return AwaitPrimaryInner();
        if (Memo(M_AWAIT_PRIMARY, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_AWAIT_PRIMARY, start, AwaitPrimaryInner());
    }

    ExprNode? AwaitPrimaryInner()
    {
        int m = _pos;
        if (Accept(K_AWAIT))
        {
            var a = Primary();
            if (a != null) return Fin(new Await { value = a }, m);
            _pos = m;
        }
        return Primary();
    }

    // primary (left-recursive): primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']' | atom
    ExprNode? Primary()
    {
        if (!_errorPass) return PrimaryInner();
        if (Memo(M_PRIMARY, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_PRIMARY, start, PrimaryInner());
    }

    ExprNode? PrimaryInner()
    {
        int m = _pos;
        var a = Atom();
        if (a == null) return null;
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
                    a = Fin(new Attribute { value = a, attr = attr, ctx = Load.Instance }, m);
                    continue;
                }
                _pos = m2;
                break;
            }
            if (_invalidPass && (c == LSQB || c == LBRACE))
            {
                // primary genexp: genexp's invalid_comprehension alternative also accepts
                // '[' and '{', so in the error pass it looks inside them first.
                Genexp();
                _pos = m2;
            }
            if (c == LPAR)
            {
                var g = Genexp();
                if (g != null)
                {
                    a = Fin(new Call { func = a, args = new List<ExprNode> { g } }, m);
                    continue;
                }
                _pos = m2 + 1;
                var args = Arguments();
                if (Accept(RPAR))
                {
                    var call = Fin(new Call { func = a }, m);
                    if (args != null) { call.args = args.args; call.keywords = args.keywords; }
                    a = call;
                    continue;
                }
                _pos = m2;
                break;
            }
            if (c == LSQB)
            {
                _pos++;
                var s = Slices();
                if (s != null && Accept(RSQB))
                {
                    a = Fin(new Subscript { value = a, slice = s, ctx = Load.Instance }, m);
                    continue;
                }
                _pos = m2;
                break;
            }
            break;
        }
        return a;
    }

    // slices: slice !',' | ','.(slice | starred_expression)+ [','] -> Tuple
    ExprNode? Slices()
    {
        // Not memoised by CPython: in the error pass it must be re-parsed each time.
        if (_errorPass) { int s0 = _pos; var r = SlicesInner(); if (r == null) _pos = s0; return r; }
        if (Memo(M_SLICES, out ExprNode? memo)) return memo;
        int start = _pos;
        return Save(M_SLICES, start, SlicesInner());
    }

    ExprNode? SlicesInner()
    {
        int m = _pos;
        var a = SliceRule();
        if (a != null && Peek() != COMMA) return a;
        _pos = m;
        List<ExprNode>? elts = null;
        while (true)
        {
            int s = _pos;
            var e = SliceRule();
            if (e == null)
            {
                _pos = s;
                e = StarredExpression();
            }
            if (e == null) { if (elts != null) _pos = s - 1; break; }
            (elts ??= new()).Add(e);
            if (!Accept(COMMA)) break;
        }
        if (elts == null) { _pos = m; return null; }
        Accept(COMMA);
        return Fin(new Tuple { elts = elts, ctx = Load.Instance }, m);
    }

    // slice: [expression] ':' [expression] [':' [expression]] | named_expression
    ExprNode? SliceRule()
    {
        int m = _pos;
        var lower = Expression();
        if (Accept(COLON))
        {
            var upper = Expression();
            ExprNode? step = null;
            int m2 = _pos;
            if (Accept(COLON)) step = Expression();
            else _pos = m2;
            return Fin(new Slice { lower = lower, upper = upper, step = step }, m);
        }
        _pos = m;
        return NamedExpression();
    }

    // atom
    ExprNode? Atom()
    {
        int m = _pos;
        switch (Peek())
        {
            case NAME: return NameExpr(Load.Instance);
            case K_TRUE: _pos++; return Fin(new Constant { value = true }, m);
            case K_FALSE: _pos++; return Fin(new Constant { value = false }, m);
            case K_NONE: _pos++; return Fin(new Constant { value = null }, m);
            case STRING: return Strings();
            case NUMBER: return NumberExpr();
            case ELLIPSIS: _pos++; return Fin(new Constant { value = EllipsisConstant.Value }, m);
            case LPAR:
                {
                    Enter();
                    var r = TupleAtom();
                    if (r == null) { _pos = m; r = Group(); }
                    if (r == null) { _pos = m; r = Genexp(); }
                    _depth--;
                    if (r == null) _pos = m;
                    return r;
                }
            case LSQB:
                {
                    Enter();
                    var r = ListAtom();
                    if (r == null) { _pos = m; r = ListCompRule(); }
                    _depth--;
                    if (r == null) _pos = m;
                    return r;
                }
            case LBRACE:
                {
                    Enter();
                    var r = DictAtom();
                    if (r == null) { _pos = m; r = SetAtom(); }
                    if (r == null) { _pos = m; r = DictCompRule(); }
                    if (r == null) { _pos = m; r = SetCompRule(); }
                    _depth--;
                    if (r == null) _pos = m;
                    return r;
                }
        }
        return null;
    }

    ExprNode NumberExpr()
    {
        int m = _pos;
        var t = _toks[_pos++];
        return Fin(new Constant { value = NumberValue(t) }, m);
    }

    // group: '(' (yield_expr | named_expression) ')' | invalid_group
    ExprNode? Group()
    {
        int m = _pos;
        if (!Accept(LPAR)) return null;
        var a = YieldExpr() ?? NamedExpression();
        if (a != null && Accept(RPAR)) return a;
        _pos = m;
        if (_invalidPass) { InvalidGroup(); _pos = m; }
        return null;
    }

    // tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
    ExprNode? TupleAtom()
    {
        int m = _pos;
        if (!Accept(LPAR)) return null;
        var elts = new List<ExprNode>();
        int m2 = _pos;
        var y = StarNamedExpression();
        if (y != null && Accept(COMMA))
        {
            elts.Add(y);
            var z = StarNamedExpressions();
            if (z != null) elts.AddRange(z);
        }
        else _pos = m2;
        if (!Accept(RPAR)) { _pos = m; return null; }
        return Fin(new Tuple { elts = elts, ctx = Load.Instance }, m);
    }

    // list: '[' [star_named_expressions] ']'
    ExprNode? ListAtom()
    {
        int m = _pos;
        if (!Accept(LSQB)) return null;
        var elts = StarNamedExpressions();
        if (!Accept(RSQB)) { _pos = m; return null; }
        return Fin(new List { elts = elts ?? new(), ctx = Load.Instance }, m);
    }

    // set: '{' star_named_expressions '}'
    ExprNode? SetAtom()
    {
        int m = _pos;
        if (!Accept(LBRACE)) return null;
        var elts = StarNamedExpressions();
        if (elts == null || !Accept(RBRACE)) { _pos = m; return null; }
        return Fin(new Set { elts = elts }, m);
    }

    // dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'
    ExprNode? DictAtom()
    {
        int m = _pos;
        if (!Accept(LBRACE)) return null;
        var keys = new List<ExprNode>();
        var values = new List<ExprNode>();
        int m1 = _pos;
        if (!DoubleStarredKvpairs(keys, values)) { _pos = m1; keys.Clear(); values.Clear(); }
        if (Accept(RBRACE)) return Fin(new Dict { keys = keys!, values = values }, m);
        _pos = m;
        if (_invalidPass)
        {
            _pos = m + 1;
            InvalidDoubleStarredKvpairs();
            _pos = m;
        }
        return null;
    }

    // double_starred_kvpairs: ','.double_starred_kvpair+ [',']
    bool DoubleStarredKvpairs(List<ExprNode> keys, List<ExprNode> values)
    {
        bool any = false;
        while (true)
        {
            int s = _pos;
            if (!DoubleStarredKvpair(out var k, out var v)) { if (any) _pos = s - 1; break; }
            keys.Add(k!); values.Add(v!);
            any = true;
            if (!Accept(COMMA)) break;
        }
        if (any) Accept(COMMA);
        return any;
    }

    // double_starred_kvpair: '**' bitwise_or | kvpair.  A None key marks `**` unpacking.
    bool DoubleStarredKvpair(out ExprNode? key, out ExprNode? value)
    {
        int m = _pos;
        key = null; value = null;
        if (Accept(DOUBLESTAR))
        {
            value = BitwiseOr();
            if (value != null) return true;
            _pos = m;
        }
        return Kvpair(out key, out value);
    }

    bool Kvpair(out ExprNode? key, out ExprNode? value)
    {
        int m = _pos;
        key = Expression(); value = null;
        if (key != null && Accept(COLON))
        {
            value = Expression();
            if (value != null) return true;
        }
        _pos = m;
        key = null; value = null;
        return false;
    }

    // for_if_clauses: for_if_clause+
    List<Comprehension>? ForIfClauses()
    {
        List<Comprehension>? list = null;
        while (true)
        {
            int m = _pos;
            var c = ForIfClause();
            if (c == null) { _pos = m; break; }
            (list ??= new()).Add(c);
        }
        return list;
    }

    Comprehension? ForIfClause()
    {
        int m = _pos;
        bool isAsync = Accept(K_ASYNC);
        if (Accept(K_FOR))
        {
            var t = StarTargets();
            if (t != null && Accept(K_IN))
            {
                // cut
                var iter = Disjunction();
                if (iter == null) { _pos = m; return null; }
                var ifs = new List<ExprNode>();
                while (true)
                {
                    int m2 = _pos;
                    if (!Accept(K_IF)) break;
                    var z = Disjunction();
                    if (z == null) { _pos = m2; break; }
                    ifs.Add(z);
                }
                return new Comprehension { target = t, iter = iter, ifs = ifs, is_async = isAsync ? 1 : 0 };
            }
        }
        _pos = m;
        if (_invalidPass) { InvalidForTarget(); _pos = m; }
        return null;
    }

    // listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension
    ExprNode? ListCompRule()
    {
        int m = _pos;
        if (Accept(LSQB))
        {
            var a = NamedExpression();
            var b = a != null ? ForIfClauses() : null;
            if (b != null && Accept(RSQB)) return Fin(new ListComp { elt = a!, generators = b }, m);
        }
        _pos = m;
        if (_invalidPass) { InvalidComprehension(); _pos = m; }
        return null;
    }

    ExprNode? SetCompRule()
    {
        int m = _pos;
        if (Accept(LBRACE))
        {
            var a = NamedExpression();
            var b = a != null ? ForIfClauses() : null;
            if (b != null && Accept(RBRACE)) return Fin(new SetComp { elt = a!, generators = b }, m);
        }
        _pos = m;
        if (_invalidPass) { InvalidComprehension(); _pos = m; }
        return null;
    }

    // genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension
    ExprNode? Genexp()
    {
        int m = _pos;
        if (Accept(LPAR))
        {
            var a = AssignmentExpression();
            if (a == null)
            {
                a = Expression();
                if (a != null && Peek() == COLONEQUAL) a = null;
            }
            var b = a != null ? ForIfClauses() : null;
            if (b != null && Accept(RPAR)) return Fin(new GeneratorExp { elt = a!, generators = b }, m);
        }
        _pos = m;
        if (_invalidPass) { InvalidComprehension(); _pos = m; }
        return null;
    }

    // dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension
    ExprNode? DictCompRule()
    {
        int m = _pos;
        if (Accept(LBRACE) && Kvpair(out var k, out var v))
        {
            var b = ForIfClauses();
            if (b != null && Accept(RBRACE)) return Fin(new DictComp { key = k!, value = v!, generators = b }, m);
        }
        _pos = m;
        if (_invalidPass)
        {
            // invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
            if (Accept(LBRACE) && Peek() == DOUBLESTAR)
            {
                var star = _toks[_pos++];
                if (BitwiseOr() != null && ForIfClauses() != null && Accept(RBRACE))
                    throw RaiseAt(star, "dict unpacking cannot be used in dict comprehension");
            }
            _pos = m;
        }
        return null;
    }

    // arguments (memo): args [','] &')' | invalid_arguments
    Call? Arguments()
    {
        if (Memo(M_ARGUMENTS, out Call? memo)) return memo;
        int m = _pos;
        var a = Args();
        if (a != null)
        {
            Accept(COMMA);
            if (Peek() == RPAR) return Save(M_ARGUMENTS, m, a);
        }
        _pos = m;
        if (_invalidPass) { InvalidArguments(); _pos = m; }
        return Save<Call>(M_ARGUMENTS, m, null);
    }

    // args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs] | kwargs
    // Returns a dummy Call holding args and keywords, positioned like CPython's.
    Call? Args()
    {
        int m = _pos;
        List<ExprNode>? pos = null;
        while (true)
        {
            int s = _pos;
            var e = PositionalArg();
            if (e == null) { if (pos != null) _pos = s - 1; break; }
            (pos ??= new()).Add(e);
            if (!Accept(COMMA)) break;
        }
        if (pos != null)
        {
            int m2 = _pos;
            List<KwOrStarred>? kw = null;
            if (Accept(COMMA)) { kw = Kwargs(); if (kw == null) _pos = m2; }
            var call = new Call { func = null!, args = pos };
            if (kw != null)
            {
                foreach (var k in kw) if (k.Starred != null) call.args.Add(k.Starred);
                foreach (var k in kw) if (k.Keyword != null) call.keywords.Add(k.Keyword);
            }
            return Fin(call, m);
        }
        _pos = m;
        var kws = Kwargs();
        if (kws != null)
        {
            var call = new Call { func = null! };
            foreach (var k in kws) if (k.Starred != null) call.args.Add(k.Starred);
            foreach (var k in kws) if (k.Keyword != null) call.keywords.Add(k.Keyword);
            return Fin(call, m);
        }
        _pos = m;
        return null;
    }

    ExprNode? PositionalArg()
    {
        int m = _pos;
        var s = StarredExpression();
        if (s != null) return s;
        var a = AssignmentExpression();
        if (a == null)
        {
            a = Expression();
            if (a != null && Peek() == COLONEQUAL) a = null;
        }
        if (a != null && Peek() != EQUAL) return a;
        _pos = m;
        return null;
    }

    readonly struct KwOrStarred
    {
        public readonly Keyword? Keyword;
        public readonly ExprNode? Starred;
        public KwOrStarred(Keyword? k, ExprNode? s) { Keyword = k; Starred = s; }
    }

    // kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+ | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+
    List<KwOrStarred>? Kwargs()
    {
        int m = _pos;
        var a = GatherKw(false);
        if (a != null)
        {
            int m2 = _pos;
            if (Accept(COMMA))
            {
                var b = GatherKw(true);
                if (b != null) { a.AddRange(b); return a; }
            }
            _pos = m2;
            return a;
        }
        _pos = m;
        return GatherKw(true);
    }

    List<KwOrStarred>? GatherKw(bool doubleStarred)
    {
        List<KwOrStarred>? list = null;
        while (true)
        {
            int s = _pos;
            if (!KwargItem(doubleStarred, out var item)) { if (list != null) _pos = s - 1; else _pos = s; break; }
            (list ??= new()).Add(item);
            if (!Accept(COMMA)) break;
        }
        return list;
    }

    // kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
    // kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression
    bool KwargItem(bool doubleStarred, out KwOrStarred item)
    {
        int m = _pos;
        item = default;
        if (_invalidPass) { InvalidKwarg(); _pos = m; }
        if (Peek() == NAME && PeekAt(_pos + 1) == EQUAL)
        {
            string name = NameId(_toks[_pos]);
            _pos += 2;
            var v = Expression();
            if (v != null) { item = new KwOrStarred(Fin(new Keyword { arg = name, value = v }, m), null); return true; }
            _pos = m;
        }
        if (!doubleStarred)
        {
            var s = StarredExpression();
            if (s != null) { item = new KwOrStarred(null, s); return true; }
        }
        else if (Accept(DOUBLESTAR))
        {
            var v = Expression();
            if (v != null) { item = new KwOrStarred(Fin(new Keyword { arg = null, value = v }, m), null); return true; }
        }
        _pos = m;
        return false;
    }

    // starred_expression: '*' expression
    ExprNode? StarredExpression()
    {
        int m = _pos;
        if (!Accept(STAR)) return null;
        var a = Expression();
        if (a == null) { _pos = m; return null; }
        return Fin(new Starred { value = a, ctx = Load.Instance }, m);
    }
}
