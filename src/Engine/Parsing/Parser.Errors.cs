#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Parsing;

// The invalid_* rules of python.gram. They run only in the second pass and either raise
// a specific SyntaxError or fail without consuming anything (callers reset the position).
internal sealed partial class Parser
{
    enum TargetsType { Star, Del, For }

    /// <summary>_PyPegen_get_expr_name: how error messages name an expression.</summary>
    internal static string ExprName(ExprNode e) => e switch
    {
        Attribute => "attribute",
        Subscript => "subscript",
        Starred => "starred",
        Name => "name",
        List => "list",
        Tuple => "tuple",
        Lambda => "lambda",
        Call => "function call",
        BoolOp or BinOp or UnaryOp => "expression",
        GeneratorExp => "generator expression",
        Yield or YieldFrom => "yield expression",
        Await => "await expression",
        ListComp => "list comprehension",
        SetComp => "set comprehension",
        DictComp => "dict comprehension",
        Dict => "dict literal",
        Set => "set display",
        JoinedStr or FormattedValue => "f-string expression",
        Constant c => c.value switch
        {
            null => "None",
            false => "False",
            true => "True",
            EllipsisConstant => "ellipsis",
            _ => "literal",
        },
        Compare => "comparison",
        IfExp => "conditional expression",
        NamedExpr => "named expression",
        _ => "expression",
    };

    /// <summary>_PyPegen_get_invalid_target: the first sub-expression that cannot be a target.</summary>
    static ExprNode? InvalidTarget(ExprNode? e, TargetsType type)
    {
        if (e == null) return null;
        switch (e)
        {
            case List l:
                foreach (var x in l.elts) { var c = InvalidTarget(x, type); if (c != null) return c; }
                return null;
            case Tuple t:
                foreach (var x in t.elts) { var c = InvalidTarget(x, type); if (c != null) return c; }
                return null;
            case Starred s:
                if (type == TargetsType.Del) return e;
                return InvalidTarget(s.value, type);
            case Compare cmp:
                if (type == TargetsType.For)
                {
                    if (cmp.ops[0] is In) return InvalidTarget(cmp.left, type);
                    return null;
                }
                return e;
            case Name or Subscript or Attribute:
                return null;
            default:
                return e;
        }
    }

    void RaiseInvalidTarget(TargetsType type, ExprNode e)
    {
        var t = InvalidTarget(e, type);
        if (t == null) return;
        string msg = type == TargetsType.Del ? "cannot delete " : "cannot assign to ";
        throw RaiseAt(t, msg + ExprName(t));
    }

    static bool IsLegacyName(ExprNode e) => e is Name n && (n.id == "print" || n.id == "exec");

    // invalid_expression
    void InvalidExpression()
    {
        int m = _pos;
        // !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
        bool blocked = Peek() == NAME && (PeekAt(_pos + 1) == STRING || IsSoftKeyword(_toks[_pos].Text));
        if (!blocked)
        {
            var a = Disjunction();
            if (a != null)
            {
                var b = ExpressionWithoutInvalid();
                if (b != null && !IsLegacyName(a) && _levels[_pos - 1] != 0)
                    throw RaiseRange(a, b, "invalid syntax. Perhaps you forgot a comma?");
            }
        }
        _pos = m;
        // disjunction 'if' disjunction !('else' | ':')
        {
            var a = Disjunction();
            if (a != null && Accept(K_IF))
            {
                var b = Disjunction();
                if (b != null && Peek() != K_ELSE && Peek() != COLON)
                    throw RaiseRange(a, b, "expected 'else' after 'if' expression");
            }
        }
        _pos = m;
    }

    static bool IsSoftKeyword(string s) => s == "_" || s == "case" || s == "match";

    // invalid_legacy_expression: NAME !'(' star_expressions
    void InvalidLegacyExpression()
    {
        int m = _pos;
        if (Peek() != NAME) return;
        var a = NameExpr(Load.Instance);
        if (Peek() != LPAR)
        {
            var b = StarExpressions();
            if (b != null && IsLegacyName(a))
                throw RaiseRange(a, b, $"Missing parentheses in call to '{a.id}'. Did you mean {a.id}(...)?");
        }
        _pos = m;
    }

    // invalid_named_expression (memo)
    void InvalidNamedExpression()
    {
        int m = _pos;
        if (Memo(M_INVALID_NAMED, out object? _)) { _pos = m; return; }
        {
            var a = Expression();
            if (a != null && Accept(COLONEQUAL) && Expression() != null)
                throw RaiseAt(a, $"cannot use assignment expressions with {ExprName(a)}");
        }
        _pos = m;
        if (Peek() == NAME && PeekAt(_pos + 1) == EQUAL)
        {
            var a = NameExpr(Load.Instance);
            _pos++;
            var b = BitwiseOr();
            if (b != null && Peek() != EQUAL && Peek() != COLONEQUAL)
                throw RaiseRange(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        _pos = m;
        // !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
        bool blocked = false;
        int k = Peek();
        if (k == K_TRUE || k == K_NONE || k == K_FALSE) blocked = true;
        else if (k == LSQB) { blocked = ListAtom() != null; _pos = m; }
        else if (k == LPAR) { blocked = TupleAtom() != null || (Reset(m) && Genexp() != null); _pos = m; }
        if (!blocked)
        {
            var a = BitwiseOr();
            if (a != null && Accept(EQUAL) && BitwiseOr() != null && Peek() != EQUAL && Peek() != COLONEQUAL)
                throw RaiseAt(a, $"cannot assign to {ExprName(a)} here. Maybe you meant '==' instead of '='?");
        }
        _pos = m;
        Save<object>(M_INVALID_NAMED, m, null);
    }

    bool Reset(int m) { _pos = m; return true; }

    // invalid_assignment
    void InvalidAssignment()
    {
        int m = _pos;
        {
            var a = InvalidAnnAssignTarget();
            if (a != null && Accept(COLON) && Expression() != null)
                throw RaiseAt(a, $"only single target (not {ExprName(a)}) can be annotated");
        }
        _pos = m;
        {
            var a = StarNamedExpression();
            if (a != null && Accept(COMMA))
            {
                while (StarNamedExpressions() != null) { }
                if (Accept(COLON) && Expression() != null)
                    throw RaiseAt(a, "only single target (not tuple) can be annotated");
            }
        }
        _pos = m;
        {
            var a = Expression();
            if (a != null && Accept(COLON) && Expression() != null)
                throw RaiseAt(a, "illegal target for annotation");
        }
        _pos = m;
        SkipStarTargetsEq();
        {
            var a = StarExpressions();
            if (a != null && Accept(EQUAL)) RaiseInvalidTarget(TargetsType.Star, a);
        }
        _pos = m;
        SkipStarTargetsEq();
        {
            var a = YieldExpr();
            if (a != null && Accept(EQUAL)) throw RaiseAt(a, "assignment to yield expression not possible");
        }
        _pos = m;
        {
            var a = StarExpressions();
            if (a != null && AugAssignOp() != null && (YieldExpr() ?? StarExpressions()) != null)
                throw RaiseAt(a, $"'{ExprName(a)}' is an illegal expression for augmented assignment");
        }
        _pos = m;
    }

    void SkipStarTargetsEq()
    {
        while (true)
        {
            int m2 = _pos;
            if (StarTargets() != null && Accept(EQUAL)) continue;
            _pos = m2;
            break;
        }
    }

    // invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
    ExprNode? InvalidAnnAssignTarget()
    {
        int m = _pos;
        var a = ListAtom();
        if (a != null) return a;
        _pos = m;
        a = TupleAtom();
        if (a != null) return a;
        _pos = m;
        if (Accept(LPAR))
        {
            a = InvalidAnnAssignTarget();
            if (a != null && Accept(RPAR)) return a;
        }
        _pos = m;
        return null;
    }

    // invalid_comprehension
    void InvalidComprehension()
    {
        int m = _pos;
        int c = Peek();
        if (c != LSQB && c != LPAR && c != LBRACE) return;
        _pos++;
        {
            var a = StarredExpression();
            if (a != null && ForIfClauses() != null) throw RaiseAt(a, "iterable unpacking cannot be used in comprehension");
        }
        _pos = m + 1;
        if (c == LSQB || c == LBRACE)
        {
            var a = StarNamedExpression();
            if (a != null && Accept(COMMA))
            {
                int m2 = _pos;
                var b = StarNamedExpressions();
                if (b != null && ForIfClauses() != null)
                    throw RaiseRange(a, b[^1], "did you forget parentheses around the comprehension target?");
                _pos = m2;
                if (ForIfClauses() != null)
                    throw RaiseRange(a, _toks[m2 - 1], "did you forget parentheses around the comprehension target?");
            }
        }
        _pos = m;
    }

    static ExprNode LastComprehensionItem(Comprehension c) => c.ifs.Count == 0 ? c.iter : c.ifs[^1];

    // invalid_arguments
    void InvalidArguments()
    {
        int m = _pos;
        {
            var a = Args();
            // Located at the args node, as the grammar says. (A fresh CPython process sometimes
            // reports the '*' instead: its cached dummy Name makes that position unreliable.)
            if (a != null && Accept(COMMA) && Peek() == STAR)
                throw RaiseAt(a, "iterable argument unpacking follows keyword argument unpacking");
        }
        _pos = m;
        {
            var a = Expression();
            List<Comprehension>? b;
            if (a != null && (b = ForIfClauses()) != null && Accept(COMMA))
            {
                // [args | expression for_if_clauses] is tried (and may hit a tokenizer error) first.
                int m3 = _pos;
                if (Args() == null) { _pos = m3; if (!(Expression() != null && ForIfClauses() != null)) _pos = m3; }
                throw RaiseRange(a, LastComprehensionItem(b[^1]), "Generator expression must be parenthesized");
            }
        }
        _pos = m;
        if (Peek() == NAME && PeekAt(_pos + 1) == EQUAL)
        {
            var a = _toks[_pos];
            var eq = _toks[_pos + 1];
            _pos += 2;
            if (Expression() != null && ForIfClauses() != null)
                throw RaiseRange(a, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        _pos = m;
        {
            var a = Args();
            List<Comprehension>? b;
            if (a != null && (b = ForIfClauses()) != null)
            {
                if (a.args.Count > 1)
                    throw RaiseRange(a.args[^1], LastComprehensionItem(b[^1]), "Generator expression must be parenthesized");
            }
        }
        _pos = m;
        {
            var a = Args();
            if (a != null && Accept(COMMA))
            {
                var e = Expression();
                List<Comprehension>? b;
                if (e != null && (b = ForIfClauses()) != null)
                    throw RaiseRange(e, LastComprehensionItem(b[^1]), "Generator expression must be parenthesized");
            }
        }
        _pos = m;
        {
            var a = Args();
            if (a != null && Accept(COMMA) && Args() != null)
            {
                bool unpacking = false;
                foreach (var k in a.keywords) if (k.arg == null) unpacking = true;
                throw RaiseSyntax(unpacking ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument");
            }
        }
        _pos = m;
    }

    // invalid_kwarg
    void InvalidKwarg()
    {
        int m = _pos;
        int c = Peek();
        if ((c == K_TRUE || c == K_FALSE || c == K_NONE) && PeekAt(_pos + 1) == EQUAL)
            throw RaiseRange(_toks[_pos], _toks[_pos + 1], $"cannot assign to {_toks[_pos].Text}");
        if (c == NAME && PeekAt(_pos + 1) == EQUAL)
        {
            var a = _toks[_pos];
            var eq = _toks[_pos + 1];
            _pos += 2;
            if (Expression() != null && ForIfClauses() != null)
                throw RaiseRange(a, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            _pos = m;
            return;
        }
        {
            var a = Expression();
            if (a != null && Peek() == EQUAL)
                throw RaiseRange(a, _toks[_pos], "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        _pos = m;
    }

    // invalid_group
    void InvalidGroup()
    {
        int m = _pos;
        if (!Accept(LPAR)) return;
        var a = StarredExpression();
        if (a != null && Accept(RPAR)) throw RaiseAt(a, "cannot use starred expression here");
        _pos = m + 1;
        if (Peek() == DOUBLESTAR)
        {
            var star = _toks[_pos++];
            if (Expression() != null && Accept(RPAR)) throw RaiseAt(star, "cannot use double starred expression here");
        }
        _pos = m;
    }

    // invalid_double_starred_kvpairs (called just after '{')
    void InvalidDoubleStarredKvpairs()
    {
        int m = _pos;
        {
            var keys = new List<ExprNode>(); var values = new List<ExprNode>();
            bool any = false;
            while (true)
            {
                int s = _pos;
                if (!DoubleStarredKvpair(out var k, out var v)) { if (any) _pos = s - 1; break; }
                any = true;
                if (!Accept(COMMA)) break;
            }
            if (any && Accept(COMMA)) InvalidKvpair();
        }
        _pos = m;
        InvalidKvpairTail(m);
        _pos = m;
    }

    void InvalidKvpair()
    {
        int m = _pos;
        var a = Expression();
        if (a != null && Peek() != COLON)
            throw RaiseLoc("SyntaxError", "':' expected after dictionary key", a.lineno, (a.end_col_offset ?? 0) - 1, a.end_lineno ?? a.lineno, -1);
        _pos = m;
        InvalidKvpairTail(m);
        _pos = m;
    }

    // expression ':' '*' bitwise_or | expression ':' &('}'|',')
    void InvalidKvpairTail(int m)
    {
        _pos = m;
        var a = Expression();
        if (a != null && Peek() == COLON)
        {
            var colon = _toks[_pos++];
            if (Peek() == STAR)
            {
                var star = _toks[_pos++];
                if (BitwiseOr() != null) throw RaiseStartingFrom(star, "cannot use a starred expression in a dictionary value");
            }
            _pos = m;
            Expression();
            _pos++;
            int c = Peek();
            if (c == RBRACE || c == COMMA) throw RaiseAt(colon, "expression expected after dictionary key and ':'");
        }
        _pos = m;
    }

    // invalid_parameters / invalid_lambda_parameters
    void InvalidParameters(bool lam)
    {
        int m = _pos;
        string paren = lam ? "Lambda expression parameters cannot be parenthesized" : "Function parameters cannot be parenthesized";
        // param_no_default* invalid_parameters_helper param_no_default
        {
            ParamNoDefaultStar(lam);
            int h = _pos;
            bool helper = SlashWithDefault(lam, out _);
            if (!helper) { _pos = h; helper = ParamWithDefaultStar(lam).Count > 0; }
            if (helper)
            {
                var a = ParamNoDefault(lam);
                if (a != null) throw RaiseAt(a, "non-default argument follows default argument");
            }
        }
        _pos = m;
        // param_no_default* '(' param_no_default+ ','? ')'   (lambda: ','.lambda_param+)
        {
            ParamNoDefaultStar(lam);
            if (Peek() == LPAR)
            {
                var a = _toks[_pos++];
                bool ok;
                if (lam)
                {
                    ok = false;
                    while (Peek() == NAME) { _pos++; ok = true; if (!(Peek() == COMMA && PeekAt(_pos + 1) == NAME)) break; _pos++; }
                }
                else ok = ParamNoDefaultStar(lam).Count > 0;
                if (ok)
                {
                    Accept(COMMA);
                    if (Peek() == RPAR) throw RaiseRange(a, _toks[_pos], paren);
                }
            }
        }
        _pos = m;
        // "/" ','
        if (Peek() == SLASH && PeekAt(_pos + 1) == COMMA) throw RaiseAt(_toks[_pos], "at least one argument must precede /");
        // (slash_no_default | slash_with_default) param_maybe_default* '/'
        {
            bool s = SlashNoDefault(lam) != null;
            if (!s) { _pos = m; s = SlashWithDefault(lam, out _); }
            if (s)
            {
                ParamMaybeDefaultStar(lam);
                if (Peek() == SLASH) throw RaiseAt(_toks[_pos], "/ may appear only once");
            }
        }
        _pos = m;
        // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default) param_maybe_default* '/'
        {
            bool s = SlashNoDefault(lam) != null;
            if (!s) { _pos = m; s = SlashWithDefault(lam, out _); }
            if (!s) _pos = m;
            ParamMaybeDefaultStar(lam);
            if (Accept(STAR) && (Accept(COMMA) || ParamNoDefault(lam) != null))
            {
                ParamMaybeDefaultStar(lam);
                if (Peek() == SLASH) throw RaiseAt(_toks[_pos], "/ must be ahead of *");
            }
        }
        _pos = m;
        // param_maybe_default+ '/' '*'
        if (ParamMaybeDefaultStar(lam).Count > 0 && Accept(SLASH) && Peek() == STAR)
            throw RaiseAt(_toks[_pos], "expected comma between / and *");
        _pos = m;
    }

    // invalid_star_etc / invalid_lambda_star_etc
    void InvalidStarEtc(bool lam)
    {
        int m = _pos;
        if (Peek() != STAR) return;
        var star = _toks[_pos++];
        int close = CloseCode(lam);
        if (Peek() == close || (Peek() == COMMA && (PeekAt(_pos + 1) == close || PeekAt(_pos + 1) == DOUBLESTAR)))
        {
            if (lam) { _pos += Peek() == COMMA ? 2 : 1; throw RaiseSyntax("named arguments must follow bare *"); }
            throw RaiseAt(star, "named arguments must follow bare *");
        }
        if (!lam && Peek() == COMMA && PeekAt(_pos + 1) == TYPE_COMMENT)
        {
            _pos += 2;
            throw RaiseSyntax("bare * has associated type comment");
        }
        if (Param(lam) != null && Peek() == EQUAL) throw RaiseAt(_toks[_pos], "var-positional argument cannot have default value");
        _pos = m + 1;
        if (ParamNoDefault(lam) != null || Accept(COMMA))
        {
            ParamMaybeDefaultStar(lam);
            if (Peek() == STAR)
            {
                var a = _toks[_pos++];
                if (ParamNoDefault(lam) != null || Accept(COMMA)) throw RaiseAt(a, "* argument may appear only once");
            }
        }
        _pos = m;
    }

    // invalid_kwds / invalid_lambda_kwds
    void InvalidKwds(bool lam)
    {
        int m = _pos;
        if (!Accept(DOUBLESTAR)) return;
        if (Param(lam) != null)
        {
            if (Peek() == EQUAL) throw RaiseAt(_toks[_pos], "var-keyword argument cannot have default value");
            if (Accept(COMMA))
            {
                var a = Param(lam);
                if (a != null) throw RaiseAt(a, "arguments cannot follow var-keyword argument");
                int c = Peek();
                if (c == STAR || c == DOUBLESTAR || c == SLASH) throw RaiseAt(_toks[_pos], "arguments cannot follow var-keyword argument");
            }
        }
        _pos = m;
    }

    // invalid_class_def_raw
    void InvalidClassDefRaw()
    {
        int m = _pos;
        if (!Accept(K_CLASS) || Peek() != NAME) { _pos = m; return; }
        _pos++;
        int m2 = _pos;
        if (Accept(LPAR)) { Arguments(); if (!Accept(RPAR)) _pos = m2; }
        if (Peek() == NEWLINE) { _pos++; throw RaiseSyntax("expected ':'"); }
        if (Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT)
            throw RaiseIndentation($"expected an indented block after class definition on line {_toks[m].Line}");
        _pos = m;
    }

    // invalid_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
    void InvalidDefRaw()
    {
        int m = _pos;
        Accept(K_ASYNC);
        int d = _pos;
        if (Accept(K_DEF) && Peek() == NAME)
        {
            _pos++;
            if (Accept(LPAR))
            {
                Params();
                if (Accept(RPAR))
                {
                    int m2 = _pos;
                    if (!(Accept(RARROW) && Expression() != null)) _pos = m2;
                    if (Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT)
                        throw RaiseIndentation($"expected an indented block after function definition on line {_toks[d].Line}");
                }
            }
        }
        _pos = m;
    }

    // invalid_if_stmt / invalid_elif_stmt / invalid_while_stmt
    void InvalidIfLike(int kw, string word)
    {
        int m = _pos;
        if (!Accept(kw)) return;
        if (NamedExpression() != null && Peek() == NEWLINE) { _pos++; throw RaiseSyntax("expected ':'"); }
        _pos = m + 1;
        if (NamedExpression() != null && Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT)
            throw RaiseIndentation($"expected an indented block after '{word}' statement on line {_toks[m].Line}");
        _pos = m;
    }

    // invalid_for_stmt
    void InvalidForStmt()
    {
        int m = _pos;
        Accept(K_ASYNC);
        int f = _pos;
        if (Accept(K_FOR) && StarTargets() != null && Accept(K_IN) && StarExpressions() != null)
        {
            if (Peek() == NEWLINE) { _pos++; throw RaiseSyntax("expected ':'"); }
            if (Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT)
                throw RaiseIndentation($"expected an indented block after 'for' statement on line {_toks[f].Line}");
        }
        _pos = m;
    }

    // invalid_for_target: ASYNC? 'for' star_expressions
    void InvalidForTarget()
    {
        int m = _pos;
        Accept(K_ASYNC);
        if (Accept(K_FOR))
        {
            var a = StarExpressions();
            if (a != null) RaiseInvalidTarget(TargetsType.For, a);
        }
        _pos = m;
    }

    // invalid_with_stmt: [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
    //                  | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
    void InvalidWithStmt()
    {
        int m = _pos;
        Accept(K_ASYNC);
        if (!Accept(K_WITH)) { _pos = m; return; }
        int w = _pos;
        if (WithItemsLoose(false) && Peek() == NEWLINE) { _pos++; throw RaiseSyntax("expected ':'"); }
        _pos = w;
        if (Accept(LPAR) && WithItemsLoose(true))
        {
            Accept(COMMA);
            if (Accept(RPAR) && Peek() == NEWLINE) { _pos++; throw RaiseSyntax("expected ':'"); }
        }
        _pos = m;
    }

    void InvalidWithStmtIndent()
    {
        int m = _pos;
        Accept(K_ASYNC);
        int w = _pos;
        if (!Accept(K_WITH)) { _pos = m; return; }
        int after = _pos;
        string msg = $"expected an indented block after 'with' statement on line {_toks[w].Line}";
        if (WithItemsLoose(false) && Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT) throw RaiseIndentation(msg);
        _pos = after;
        if (Accept(LPAR) && WithItemsLoose(true))
        {
            Accept(COMMA);
            if (Accept(RPAR) && Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT) throw RaiseIndentation(msg);
        }
        _pos = m;
    }

    /// <summary>','.(expression ['as' star_target])+ (or with `expressions` inside parentheses).</summary>
    bool WithItemsLoose(bool plural)
    {
        bool any = false;
        while (true)
        {
            int s = _pos;
            var e = plural ? Expressions() : Expression();
            if (e == null) { if (any) _pos = s - 1; break; }
            int m2 = _pos;
            if (!(Accept(K_AS) && StarTarget() != null)) _pos = m2;
            any = true;
            if (!Accept(COMMA)) break;
        }
        return any;
    }

    // invalid_try_stmt
    void InvalidTryStmt()
    {
        int m = _pos;
        if (!Accept(K_TRY)) return;
        if (Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT)
            throw RaiseIndentation($"expected an indented block after 'try' statement on line {_toks[m].Line}");
        _pos = m + 1;
        if (Accept(COLON) && Block() != null && Peek() != K_EXCEPT && Peek() != K_FINALLY)
            throw RaiseSyntax("expected 'except' or 'finally' block");
        _pos = m + 1;
        if (Accept(COLON))
        {
            while (Block() != null) { }
            int afterBlocks = _pos;
            bool anyExcept = false;
            while (true) { int s = _pos; if (ExceptBlock() == null) { _pos = s; break; } anyExcept = true; }
            if (anyExcept && Peek() == K_EXCEPT && PeekAt(_pos + 1) == STAR)
            {
                var a = _toks[_pos]; var b = _toks[_pos + 1];
                _pos += 2;
                if (Expression() != null)
                {
                    int m2 = _pos;
                    if (!(Accept(K_AS) && Accept(NAME))) _pos = m2;
                    if (Accept(COLON)) throw RaiseRange(a, b, "cannot have both 'except' and 'except*' on the same 'try'");
                }
            }
            _pos = afterBlocks;
            bool anyStar = false;
            while (true) { int s = _pos; if (ExceptStarBlock() == null) { _pos = s; break; } anyStar = true; }
            if (anyStar && Peek() == K_EXCEPT)
            {
                var a = _toks[_pos++];
                int m2 = _pos;
                if (Expression() != null) { int m3 = _pos; if (!(Accept(K_AS) && Accept(NAME))) _pos = m3; }
                else _pos = m2;
                if (Accept(COLON)) throw RaiseAt(a, "cannot have both 'except' and 'except*' on the same 'try'");
            }
        }
        _pos = m;
    }

    // invalid_except_stmt
    void InvalidExceptStmt()
    {
        int m = _pos;
        if (!Accept(K_EXCEPT)) return;
        Accept(STAR);
        int s = _pos;
        var a = Expression();
        if (a != null && Accept(COMMA) && Expressions() != null)
        {
            int m2 = _pos;
            if (!(Accept(K_AS) && Accept(NAME))) _pos = m2;
            if (Accept(COLON)) throw RaiseStartingFrom(a, "multiple exception types must be parenthesized");
        }
        _pos = s;
        if (Expression() != null)
        {
            int m2 = _pos;
            if (!(Accept(K_AS) && Accept(NAME))) _pos = m2;
            if (Peek() == NEWLINE) { _pos++; throw RaiseSyntax("expected ':'"); }
        }
        _pos = m + 1;
        if (Peek() == NEWLINE) { _pos++; throw RaiseSyntax("expected ':'"); }
        if (Accept(STAR) && (Peek() == NEWLINE || Peek() == COLON)) { _pos++; throw RaiseSyntax("expected one or more exception types"); }
        _pos = m;
    }

    // invalid_except_stmt_indent
    void InvalidExceptStmtIndent()
    {
        int m = _pos;
        if (!Accept(K_EXCEPT)) return;
        string msg = $"expected an indented block after 'except' statement on line {_toks[m].Line}";
        if (Expression() != null)
        {
            int m2 = _pos;
            if (!(Accept(K_AS) && Accept(NAME))) _pos = m2;
            if (Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT) throw RaiseIndentation(msg);
        }
        _pos = m + 1;
        if (Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT) throw RaiseIndentation(msg);
        _pos = m;
    }
}
