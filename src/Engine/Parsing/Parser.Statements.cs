#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Parsing;

// Statements: file/eval/interactive start rules, simple and compound statements.
internal sealed partial class Parser
{
    // file: [statements] ENDMARKER
    internal Module? FileRule()
    {
        var body = Statements() ?? new List<StmtNode>();
        if (!Accept(ENDMARKER)) return null;
        return new Module { body = body };
    }

    // eval: expressions NEWLINE* ENDMARKER
    internal Expression? EvalRule()
    {
        var e = Expressions();
        if (e == null) return null;
        while (Accept(NEWLINE)) { }
        if (!Accept(ENDMARKER)) return null;
        return new Expression { body = e };
    }

    // interactive: statement_newline
    internal Interactive? InteractiveRule()
    {
        var s = StatementNewline();
        if (s == null) return null;
        return new Interactive { body = s };
    }

    // fstring: star_expressions
    internal ExprNode? FStringRule() => StarExpressions();

    List<StmtNode>? StatementNewline()
    {
        int m = _pos;
        if (IsCompoundStart())
        {
            var c = CompoundStmt();
            if (c != null && Accept(NEWLINE)) return new List<StmtNode> { c };
            _pos = m;
        }
        var ss = SimpleStmts();
        if (ss != null) return ss;
        _pos = m;
        if (Accept(NEWLINE)) return new List<StmtNode> { Fin(new Pass(), m) };
        // ENDMARKER: _PyPegen_interactive_exit, which fails the rule.
        return null;
    }

    // statements: statement+
    List<StmtNode>? Statements()
    {
        List<StmtNode>? list = null;
        while (true)
        {
            int m = _pos;
            if (IsCompoundStart())
            {
                var c = CompoundStmt();
                if (c != null) { (list ??= new()).Add(c); continue; }
                _pos = m;
            }
            var ss = SimpleStmts();
            if (ss != null) { if (list == null) list = ss; else list.AddRange(ss); continue; }
            _pos = m;
            return list;
        }
    }

    bool IsCompoundStart()
    {
        switch (Peek())
        {
            case K_DEF: case AT: case K_ASYNC: case K_IF: case K_CLASS: case K_WITH: case K_FOR: case K_TRY: case K_WHILE:
                return true;
            case NAME:
                return _toks[_pos].Text == "match";
            default:
                return false;
        }
    }

    StmtNode? CompoundStmt()
    {
        int m = _pos;
        int c = Peek();
        StmtNode? r;
        if (c == K_DEF || c == AT || c == K_ASYNC) { if ((r = FunctionDef()) != null) return r; _pos = m; }
        if (c == K_IF) { if ((r = IfStmt()) != null) return r; _pos = m; }
        if (c == K_CLASS || c == AT) { if ((r = ClassDef()) != null) return r; _pos = m; }
        if (c == K_WITH || c == K_ASYNC) { if ((r = WithStmt()) != null) return r; _pos = m; }
        if (c == K_FOR || c == K_ASYNC) { if ((r = ForStmt()) != null) return r; _pos = m; }
        if (c == K_TRY) { if ((r = TryStmt()) != null) return r; _pos = m; }
        if (c == K_WHILE) { if ((r = WhileStmt()) != null) return r; _pos = m; }
        if ((r = MatchStmt()) != null) return r;
        _pos = m;
        return null;
    }

    // simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
    List<StmtNode>? SimpleStmts()
    {
        int m = _pos;
        var s = SimpleStmt();
        if (s == null) return null;
        if (Peek() != SEMI && Accept(NEWLINE)) return new List<StmtNode> { s };
        var list = new List<StmtNode> { s };
        while (true)
        {
            int m2 = _pos;
            if (!Accept(SEMI)) break;
            var s2 = SimpleStmt();
            if (s2 == null) { _pos = m2; break; }
            list.Add(s2);
        }
        Accept(SEMI);
        if (Accept(NEWLINE)) return list;
        _pos = m;
        return null;
    }

    // simple_stmt: assignment | star_expressions | return | import | raise | pass | del | yield
    //              | assert | break | continue | global | nonlocal
    StmtNode? SimpleStmt()
    {
        if (!_errorPass) return SimpleStmtInner();
        if (Memo(M_SIMPLE_STMT, out StmtNode? memo)) return memo;
        int start = _pos;
        return Save(M_SIMPLE_STMT, start, SimpleStmtInner());
    }

    StmtNode? SimpleStmtInner()
    {
        int m = _pos;
        var a = Assignment();
        if (a != null) return a;
        _pos = m;
        var e = StarExpressions();
        if (e != null) return Fin(new Expr { value = e }, m);
        _pos = m;
        switch (Peek())
        {
            case K_RETURN: return ReturnStmt();
            case K_IMPORT: return ImportName();
            case K_FROM: return ImportFrom();
            case K_RAISE: return RaiseStmt();
            case K_PASS: _pos++; return Fin(new Pass(), m);
            case K_DEL: return DelStmt();
            case K_YIELD:
                {
                    var y = YieldExpr();
                    if (y != null) return Fin(new Expr { value = y }, m);
                    _pos = m; return null;
                }
            case K_ASSERT: return AssertStmt();
            case K_BREAK: _pos++; return Fin(new Break(), m);
            case K_CONTINUE: _pos++; return Fin(new Continue(), m);
            case K_GLOBAL:
            case K_NONLOCAL:
                {
                    bool global = Peek() == K_GLOBAL;
                    _pos++;
                    var names = new List<string>();
                    if (Peek() != NAME) { _pos = m; return null; }
                    names.Add(NameId(_toks[_pos++]));
                    while (Peek() == COMMA && PeekAt(_pos + 1) == NAME) { _pos++; names.Add(NameId(_toks[_pos++])); }
                    return global ? Fin(new Global { names = names }, m) : Fin(new Nonlocal { names = names }, m);
                }
        }
        return null;
    }

    // assignment (see python.gram)
    StmtNode? Assignment()
    {
        int m = _pos;
        // NAME ':' expression ['=' annotated_rhs]
        if (Peek() == NAME && PeekAt(_pos + 1) == COLON)
        {
            var name = NameExpr(Store.Instance);
            _pos++;
            var ann = Expression();
            if (ann != null)
            {
                ExprNode? val = null;
                int m2 = _pos;
                if (Accept(EQUAL)) { val = AnnotatedRhs(); if (val == null) _pos = m2; }
                return Fin(new AnnAssign { target = name, annotation = ann, value = val, simple = 1 }, m);
            }
            _pos = m;
        }
        // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
        {
            ExprNode? target = null;
            if (Accept(LPAR))
            {
                target = SingleTarget();
                if (target == null || !Accept(RPAR)) target = null;
            }
            if (target == null) { _pos = m; target = SingleSubscriptAttributeTarget(); }
            if (target != null && Accept(COLON))
            {
                var ann = Expression();
                if (ann != null)
                {
                    ExprNode? val = null;
                    int m2 = _pos;
                    if (Accept(EQUAL)) { val = AnnotatedRhs(); if (val == null) _pos = m2; }
                    return Fin(new AnnAssign { target = target, annotation = ann, value = val, simple = 0 }, m);
                }
            }
            _pos = m;
        }
        // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
        {
            List<ExprNode>? targets = null;
            while (true)
            {
                int m2 = _pos;
                var t = StarTargets();
                if (t == null || !Accept(EQUAL)) { _pos = m2; break; }
                (targets ??= new()).Add(t);
            }
            if (targets != null)
            {
                var v = YieldExpr() ?? StarExpressions();
                if (v != null && Peek() != EQUAL)
                {
                    Accept(TYPE_COMMENT);
                    return Fin(new Assign { targets = targets, value = v }, m);
                }
            }
            _pos = m;
        }
        // single_target augassign ~ (yield_expr | star_expressions)
        {
            var t = SingleTarget();
            if (t != null)
            {
                var op = AugAssignOp();
                if (op != null)
                {
                    var v = YieldExpr() ?? StarExpressions();
                    if (v != null) return Fin(new AugAssign { target = t, op = op, value = v }, m);
                    _pos = m;
                    return null; // cut
                }
            }
            _pos = m;
        }
        if (_invalidPass) { InvalidAssignment(); _pos = m; }
        return null;
    }

    ExprNode? AnnotatedRhs() => YieldExpr() ?? StarExpressions();

    OperatorNode? AugAssignOp()
    {
        OperatorNode? op = Peek() switch
        {
            PLUSEQUAL => Add.Instance, MINEQUAL => Sub.Instance, STAREQUAL => Mult.Instance, ATEQUAL => MatMult.Instance,
            SLASHEQUAL => Div.Instance, PERCENTEQUAL => Mod.Instance, AMPEREQUAL => BitAnd.Instance, VBAREQUAL => BitOr.Instance,
            CIRCUMFLEXEQUAL => BitXor.Instance, LEFTSHIFTEQUAL => LShift.Instance, RIGHTSHIFTEQUAL => RShift.Instance,
            DOUBLESTAREQUAL => Pow.Instance, DOUBLESLASHEQUAL => FloorDiv.Instance, _ => null,
        };
        if (op != null) _pos++;
        return op;
    }

    StmtNode? ReturnStmt()
    {
        int m = _pos;
        if (!Accept(K_RETURN)) return null;
        var v = StarExpressions();
        return Fin(new Return { value = v }, m);
    }

    StmtNode? RaiseStmt()
    {
        int m = _pos;
        if (!Accept(K_RAISE)) return null;
        var e = Expression();
        if (e != null)
        {
            ExprNode? cause = null;
            int m2 = _pos;
            if (Accept(K_FROM)) { cause = Expression(); if (cause == null) _pos = m2; }
            return Fin(new Raise { exc = e, cause = cause }, m);
        }
        _pos = m + 1;
        return Fin(new Raise(), m);
    }

    // del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
    StmtNode? DelStmt()
    {
        int m = _pos;
        if (!Accept(K_DEL)) return null;
        var targets = DelTargets();
        if (targets != null && (Peek() == SEMI || Peek() == NEWLINE)) return Fin(new Delete { targets = targets }, m);
        _pos = m;
        if (_invalidPass)
        {
            _pos = m + 1;
            var a = StarExpressions();
            if (a != null) RaiseInvalidTarget(TargetsType.Del, a);
            _pos = m;
        }
        return null;
    }

    StmtNode? AssertStmt()
    {
        int m = _pos;
        if (!Accept(K_ASSERT)) return null;
        var a = Expression();
        if (a == null) { _pos = m; return null; }
        ExprNode? msg = null;
        int m2 = _pos;
        if (Accept(COMMA)) { msg = Expression(); if (msg == null) _pos = m2; }
        return Fin(new Assert { test = a, msg = msg }, m);
    }

    // import_name: 'import' dotted_as_names
    StmtNode? ImportName()
    {
        int m = _pos;
        if (!Accept(K_IMPORT)) return null;
        var names = new List<Alias>();
        while (true)
        {
            int s = _pos;
            var dn = DottedName();
            if (dn == null) { if (names.Count == 0) { _pos = m; return null; } _pos = s - 1; break; }
            string? asname = null;
            int m2 = _pos;
            if (Accept(K_AS)) { if (Peek() == NAME) asname = NameId(_toks[_pos++]); else _pos = m2; }
            names.Add(Fin(new Alias { name = dn, asname = asname }, s));
            if (!Accept(COMMA)) break;
        }
        return Fin(new Import { names = names }, m);
    }

    string? DottedName()
    {
        if (Peek() != NAME) return null;
        string name = NameId(_toks[_pos++]);
        while (Peek() == DOT && PeekAt(_pos + 1) == NAME)
        {
            _pos++;
            name = name + "." + NameId(_toks[_pos++]);
        }
        return name;
    }

    // import_from
    StmtNode? ImportFrom()
    {
        int m = _pos;
        if (!Accept(K_FROM)) return null;
        int level = 0;
        while (true)
        {
            if (Accept(DOT)) level++;
            else if (Accept(ELLIPSIS)) level += 3;
            else break;
        }
        int afterDots = _pos;
        var module = DottedName();
        if (module != null && Accept(K_IMPORT))
        {
            var t = ImportFromTargets();
            if (t != null) return Fin(new ImportFrom { module = module, names = t, level = level }, m);
        }
        _pos = afterDots;
        if (level > 0 && Accept(K_IMPORT))
        {
            var t = ImportFromTargets();
            if (t != null) return Fin(new ImportFrom { module = null, names = t, level = level }, m);
        }
        _pos = m;
        return null;
    }

    List<Alias>? ImportFromTargets()
    {
        int m = _pos;
        if (Accept(LPAR))
        {
            var names = ImportFromAsNames();
            if (names != null) { Accept(COMMA); if (Accept(RPAR)) return names; }
            _pos = m;
        }
        {
            var names = ImportFromAsNames();
            if (names != null && Peek() != COMMA) return names;
            _pos = m;
        }
        if (Accept(STAR))
        {
            return new List<Alias> { Fin(new Alias { name = "*" }, m) };
        }
        if (_invalidPass)
        {
            var names = ImportFromAsNames();
            if (names != null && Accept(COMMA) && Peek() == NEWLINE)
                throw RaiseSyntax("trailing comma not allowed without surrounding parentheses");
            _pos = m;
        }
        return null;
    }

    List<Alias>? ImportFromAsNames()
    {
        List<Alias>? list = null;
        while (true)
        {
            int s = _pos;
            if (Peek() != NAME) { if (list != null) _pos = s - 1; break; }
            string name = NameId(_toks[_pos++]);
            string? asname = null;
            int m2 = _pos;
            if (Accept(K_AS)) { if (Peek() == NAME) asname = NameId(_toks[_pos++]); else _pos = m2; }
            (list ??= new()).Add(Fin(new Alias { name = name, asname = asname }, s));
            if (!Accept(COMMA)) break;
        }
        return list;
    }

    // block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
    List<StmtNode>? Block()
    {
        if (Memo(M_BLOCK, out List<StmtNode>? memo)) return memo;
        int m = _pos;
        return Save(M_BLOCK, m, BlockInner());
    }

    List<StmtNode>? BlockInner()
    {
        int m = _pos;
        if (Accept(NEWLINE) && Accept(INDENT))
        {
            // block -> statements -> statement -> compound_stmt -> ...: about 8 rule levels
            // per nested block in CPython's parser.
            Enter(8);
            var s = Statements();
            _depth -= 8;
            if (s != null && Accept(DEDENT)) return s;
        }
        _pos = m;
        var ss = SimpleStmts();
        if (ss != null) return ss;
        _pos = m;
        if (_invalidPass)
        {
            if (Accept(NEWLINE) && Peek() != INDENT) throw RaiseIndentation("expected an indented block");
            _pos = m;
        }
        return null;
    }

    // decorators: ('@' named_expression NEWLINE)+
    List<ExprNode>? Decorators()
    {
        List<ExprNode>? list = null;
        while (true)
        {
            int m = _pos;
            if (!Accept(AT)) break;
            var e = NamedExpression();
            if (e == null || !Accept(NEWLINE)) { _pos = m; break; }
            (list ??= new()).Add(e);
        }
        return list;
    }

    StmtNode? ClassDef()
    {
        int m = _pos;
        var decos = Decorators();
        if (decos == null) _pos = m;
        var c = ClassDefRaw();
        if (c == null) { _pos = m; return null; }
        if (decos != null) c.decorator_list = decos;
        return c;
    }

    ClassDef? ClassDefRaw()
    {
        int m = _pos;
        if (_invalidPass) { InvalidClassDefRaw(); _pos = m; }
        if (!Accept(K_CLASS)) return null;
        if (Peek() != NAME) { _pos = m; return null; }
        string name = NameId(_toks[_pos++]);
        Call? args = null;
        int m2 = _pos;
        if (Accept(LPAR))
        {
            args = Arguments();
            if (!Accept(RPAR)) { _pos = m2; args = null; goto afterArgs; }
            args ??= new Call();
        }
    afterArgs:
        if (!Accept(COLON)) { _pos = m; return null; }
        var body = Block();
        if (body == null) { _pos = m; return null; }
        var node = new ClassDef { name = name, body = body };
        if (args != null) { node.bases = args.args; node.keywords = args.keywords; }
        return Fin(node, m);
    }

    StmtNode? FunctionDef()
    {
        int m = _pos;
        var decos = Decorators();
        if (decos == null) _pos = m;
        var f = FunctionDefRaw();
        if (f == null) { _pos = m; return null; }
        if (decos != null)
        {
            if (f is FunctionDef fd) fd.decorator_list = decos;
            else ((AsyncFunctionDef)f).decorator_list = decos;
        }
        return f;
    }

    StmtNode? FunctionDefRaw()
    {
        int m = _pos;
        if (_invalidPass) { InvalidDefRaw(); _pos = m; }
        bool isAsync = Accept(K_ASYNC);
        if (!Accept(K_DEF)) { _pos = m; return null; }
        if (Peek() != NAME) { _pos = m; return null; }
        string name = NameId(_toks[_pos++]);
        Forced(LPAR, "(");
        var pars = Params();
        if (!Accept(RPAR)) { _pos = m; return null; }
        ExprNode? returns = null;
        int m2 = _pos;
        if (Accept(RARROW)) { returns = Expression(); if (returns == null) _pos = m2; }
        Forced(COLON, ":");
        FuncTypeComment();
        var body = Block();
        if (body == null) { _pos = m; return null; }
        pars ??= new Arguments();
        if (isAsync) return Fin(new AsyncFunctionDef { name = name, args = pars, body = body, returns = returns }, m);
        return Fin(new FunctionDef { name = name, args = pars, body = body, returns = returns }, m);
    }

    void FuncTypeComment()
    {
        // Type comments are only produced when asked for; the plain tokenizer never yields them.
        int m = _pos;
        if (Accept(NEWLINE) && Accept(TYPE_COMMENT) && At(NEWLINE)) return;
        _pos = m;
        Accept(TYPE_COMMENT);
    }

    // if_stmt / elif_stmt
    StmtNode? IfStmt()
    {
        int m = _pos;
        if (_invalidPass) { InvalidIfLike(K_IF, "if"); _pos = m; }
        if (!Accept(K_IF)) return null;
        return IfTail(m);
    }

    StmtNode? IfTail(int m)
    {
        var test = NamedExpression();
        if (test == null || !Accept(COLON)) { _pos = m; return null; }
        var body = Block();
        if (body == null) { _pos = m; return null; }
        int m2 = _pos;
        var elif = ElifStmt();
        if (elif != null) return Fin(new If { test = test, body = body, orelse = new List<StmtNode> { elif } }, m);
        _pos = m2;
        var orelse = ElseBlock();
        if (orelse == null) _pos = m2;
        return Fin(new If { test = test, body = body, orelse = orelse ?? new List<StmtNode>() }, m);
    }

    StmtNode? ElifStmt()
    {
        int m = _pos;
        if (_invalidPass) { InvalidIfLike(K_ELIF, "elif"); _pos = m; }
        if (!Accept(K_ELIF)) return null;
        return IfTail(m);
    }

    List<StmtNode>? ElseBlock()
    {
        int m = _pos;
        if (_invalidPass)
        {
            if (Accept(K_ELSE) && Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT)
                throw RaiseIndentation($"expected an indented block after 'else' statement on line {_toks[m].Line}");
            _pos = m;
        }
        if (!Accept(K_ELSE)) return null;
        Forced(COLON, ":");
        var b = Block();
        if (b == null) { _pos = m; return null; }
        return b;
    }

    StmtNode? WhileStmt()
    {
        int m = _pos;
        if (_invalidPass) { InvalidIfLike(K_WHILE, "while"); _pos = m; }
        if (!Accept(K_WHILE)) return null;
        var test = NamedExpression();
        if (test == null || !Accept(COLON)) { _pos = m; return null; }
        var body = Block();
        if (body == null) { _pos = m; return null; }
        int m2 = _pos;
        var orelse = ElseBlock();
        if (orelse == null) _pos = m2;
        return Fin(new While { test = test, body = body, orelse = orelse ?? new List<StmtNode>() }, m);
    }

    StmtNode? ForStmt()
    {
        int m = _pos;
        if (_invalidPass) { InvalidForStmt(); _pos = m; }
        bool isAsync = Accept(K_ASYNC);
        if (Accept(K_FOR))
        {
            var t = StarTargets();
            if (t != null && Accept(K_IN))
            {
                // cut: from here on no other alternative is tried
                var ex = StarExpressions();
                if (ex == null || !Accept(COLON)) { _pos = m; return null; }
                Accept(TYPE_COMMENT);
                var body = Block();
                if (body == null) { _pos = m; return null; }
                int m2 = _pos;
                var orelse = ElseBlock();
                if (orelse == null) _pos = m2;
                if (isAsync) return Fin(new AsyncFor { target = t, iter = ex, body = body, orelse = orelse ?? new() }, m);
                return Fin(new For { target = t, iter = ex, body = body, orelse = orelse ?? new() }, m);
            }
        }
        _pos = m;
        if (_invalidPass) { InvalidForTarget(); _pos = m; }
        return null;
    }

    StmtNode? WithStmt()
    {
        int m = _pos;
        if (_invalidPass) { InvalidWithStmtIndent(); _pos = m; }
        bool isAsync = Accept(K_ASYNC);
        if (!Accept(K_WITH)) { _pos = m; return null; }
        int afterWith = _pos;
        // 'with' '(' ','.with_item+ ','? ')' ':' block
        if (Accept(LPAR))
        {
            var items = WithItems();
            if (items != null)
            {
                Accept(COMMA);
                if (Accept(RPAR) && Accept(COLON))
                {
                    var body = Block();
                    if (body != null)
                        return isAsync ? Fin(new AsyncWith { items = items, body = body }, m) : Fin(new With { items = items, body = body }, m);
                }
            }
            _pos = afterWith;
        }
        {
            var items = WithItems();
            if (items != null && Accept(COLON))
            {
                Accept(TYPE_COMMENT);
                var body = Block();
                if (body != null)
                    return isAsync ? Fin(new AsyncWith { items = items, body = body }, m) : Fin(new With { items = items, body = body }, m);
            }
        }
        _pos = m;
        if (_invalidPass) { InvalidWithStmt(); _pos = m; }
        return null;
    }

    List<WithItem>? WithItems()
    {
        List<WithItem>? list = null;
        while (true)
        {
            int s = _pos;
            var w = WithItemRule();
            if (w == null) { if (list != null) _pos = s - 1; break; }
            (list ??= new()).Add(w);
            if (!Accept(COMMA)) break;
        }
        return list;
    }

    WithItem? WithItemRule()
    {
        int m = _pos;
        var e = Expression();
        if (e == null) return null;
        int m2 = _pos;
        if (Accept(K_AS))
        {
            var t = StarTarget();
            int c = t != null ? Peek() : -1;
            if (t != null && (c == COMMA || c == RPAR || c == COLON)) return new WithItem { context_expr = e, optional_vars = t };
        }
        _pos = m;
        if (_invalidPass)
        {
            // invalid_with_item: expression 'as' expression &(',' | ')' | ':')
            if (Expression() != null && Accept(K_AS))
            {
                var a = Expression();
                int c = a != null ? Peek() : -1;
                if (a != null && (c == COMMA || c == RPAR || c == COLON)) RaiseInvalidTarget(TargetsType.Star, a);
            }
            _pos = m;
        }
        e = Expression();
        if (e == null) { _pos = m; return null; }
        return new WithItem { context_expr = e };
    }

    StmtNode? TryStmt()
    {
        int m = _pos;
        if (_invalidPass) { InvalidTryStmt(); _pos = m; }
        if (!Accept(K_TRY)) return null;
        Forced(COLON, ":");
        var body = Block();
        if (body == null) { _pos = m; return null; }
        int afterBody = _pos;
        var fin = FinallyBlock();
        if (fin != null) return Fin(new Try { body = body, finalbody = fin }, m);
        _pos = afterBody;
        // except_block+
        List<ExcepthandlerNode>? handlers = null;
        while (true)
        {
            int s = _pos;
            var h = ExceptBlock();
            if (h == null) { _pos = s; break; }
            (handlers ??= new()).Add(h);
        }
        if (handlers != null)
        {
            int m2 = _pos;
            var orelse = ElseBlock();
            if (orelse == null) _pos = m2;
            int m3 = _pos;
            var f = FinallyBlock();
            if (f == null) _pos = m3;
            return Fin(new Try { body = body, handlers = handlers, orelse = orelse ?? new(), finalbody = f ?? new() }, m);
        }
        _pos = afterBody;
        while (true)
        {
            int s = _pos;
            var h = ExceptStarBlock();
            if (h == null) { _pos = s; break; }
            (handlers ??= new()).Add(h);
        }
        if (handlers != null)
        {
            int m2 = _pos;
            var orelse = ElseBlock();
            if (orelse == null) _pos = m2;
            int m3 = _pos;
            var f = FinallyBlock();
            if (f == null) _pos = m3;
            return Fin(new TryStar { body = body, handlers = handlers, orelse = orelse ?? new(), finalbody = f ?? new() }, m);
        }
        _pos = m;
        return null;
    }

    ExceptHandler? ExceptBlock()
    {
        int m = _pos;
        if (_invalidPass) { InvalidExceptStmtIndent(); _pos = m; }
        if (!Accept(K_EXCEPT)) return null;
        var e = Expression();
        if (e != null)
        {
            string? name = null;
            int m2 = _pos;
            if (Accept(K_AS) && Peek() == NAME) name = NameId(_toks[_pos++]); else _pos = m2;
            if (Accept(COLON))
            {
                var b = Block();
                if (b != null) return Fin(new ExceptHandler { type = e, name = name, body = b }, m);
            }
        }
        _pos = m + 1;
        if (Accept(COLON))
        {
            var b = Block();
            if (b != null) return Fin(new ExceptHandler { body = b }, m);
        }
        _pos = m;
        if (_invalidPass) { InvalidExceptStmt(); _pos = m; }
        return null;
    }

    ExceptHandler? ExceptStarBlock()
    {
        int m = _pos;
        if (_invalidPass)
        {
            // invalid_except_star_stmt_indent
            if (Accept(K_EXCEPT) && Accept(STAR) && Expression() != null)
            {
                int m2 = _pos;
                if (!(Accept(K_AS) && Accept(NAME))) _pos = m2;
                if (Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT)
                    throw RaiseIndentation($"expected an indented block after 'except*' statement on line {_toks[m].Line}");
            }
            _pos = m;
        }
        if (Accept(K_EXCEPT) && Accept(STAR))
        {
            var e = Expression();
            if (e != null)
            {
                string? name = null;
                int m2 = _pos;
                if (Accept(K_AS) && Peek() == NAME) name = NameId(_toks[_pos++]); else _pos = m2;
                if (Accept(COLON))
                {
                    var b = Block();
                    if (b != null) return Fin(new ExceptHandler { type = e, name = name, body = b }, m);
                }
            }
        }
        _pos = m;
        if (_invalidPass) { InvalidExceptStmt(); _pos = m; }
        return null;
    }

    List<StmtNode>? FinallyBlock()
    {
        int m = _pos;
        if (_invalidPass)
        {
            if (Accept(K_FINALLY) && Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT)
                throw RaiseIndentation($"expected an indented block after 'finally' statement on line {_toks[m].Line}");
            _pos = m;
        }
        if (!Accept(K_FINALLY)) return null;
        Forced(COLON, ":");
        var b = Block();
        if (b == null) { _pos = m; return null; }
        return b;
    }
}
