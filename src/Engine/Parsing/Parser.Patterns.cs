#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Parsing;

// The `match` statement and its patterns (PEP 634). `match`, `case` and `_` are soft keywords.
internal sealed partial class Parser
{
    // match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT | invalid_match_stmt
    StmtNode? MatchStmt()
    {
        int m = _pos;
        if (!AcceptSoft("match")) return null;
        var subject = SubjectExpr();
        if (subject != null && Accept(COLON) && Accept(NEWLINE) && Accept(INDENT))
        {
            List<MatchCase>? cases = null;
            while (true)
            {
                int s = _pos;
                var c = CaseBlock();
                if (c == null) { _pos = s; break; }
                (cases ??= new()).Add(c);
            }
            if (cases != null && Accept(DEDENT)) return Fin(new Match { subject = subject, cases = cases }, m);
        }
        _pos = m;
        if (_invalidPass)
        {
            // invalid_match_stmt
            _pos = m + 1;
            if (SubjectExpr() != null && Peek() == NEWLINE) { _pos++; throw RaiseSyntax("expected ':'"); }
            _pos = m + 1;
            if (SubjectExpr() != null && Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT)
                throw RaiseIndentation($"expected an indented block after 'match' statement on line {_toks[m].Line}");
            _pos = m;
        }
        return null;
    }

    // subject_expr: star_named_expression ',' star_named_expressions? -> Tuple | named_expression
    ExprNode? SubjectExpr()
    {
        int m = _pos;
        var v = StarNamedExpression();
        if (v != null && Accept(COMMA))
        {
            var elts = new List<ExprNode> { v };
            var rest = StarNamedExpressions();
            if (rest != null) elts.AddRange(rest);
            return Fin(new Tuple { elts = elts, ctx = Load.Instance }, m);
        }
        _pos = m;
        return NamedExpression();
    }

    // case_block: invalid_case_block | "case" patterns guard? ':' block
    MatchCase? CaseBlock()
    {
        int m = _pos;
        if (_invalidPass)
        {
            if (AcceptSoft("case") && Patterns() != null)
            {
                Guard();
                if (Peek() == NEWLINE) { _pos++; throw RaiseSyntax("expected ':'"); }
                if (Accept(COLON) && Accept(NEWLINE) && Peek() != INDENT)
                    throw RaiseIndentation($"expected an indented block after 'case' statement on line {_toks[m].Line}");
            }
            _pos = m;
        }
        if (!AcceptSoft("case")) return null;
        var p = Patterns();
        if (p == null) { _pos = m; return null; }
        var g = Guard();
        if (!Accept(COLON)) { _pos = m; return null; }
        var body = Block();
        if (body == null) { _pos = m; return null; }
        return new MatchCase { pattern = p, guard = g, body = body };
    }

    ExprNode? Guard()
    {
        int m = _pos;
        if (!Accept(K_IF)) return null;
        var g = NamedExpression();
        if (g == null) { _pos = m; return null; }
        return g;
    }

    // patterns: open_sequence_pattern -> MatchSequence | pattern
    PatternNode? Patterns()
    {
        int m = _pos;
        var seq = OpenSequencePattern();
        if (seq != null) return Fin(new MatchSequence { patterns = seq }, m);
        _pos = m;
        return Pattern();
    }

    // pattern: as_pattern | or_pattern
    PatternNode? Pattern()
    {
        int m = _pos;
        Enter();
        try
        {
            var a = AsPattern();
            if (a != null) return a;
            _pos = m;
            return OrPattern();
        }
        finally { _depth--; }
    }

    // as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern
    PatternNode? AsPattern()
    {
        int m = _pos;
        var p = OrPattern();
        if (p != null && Accept(K_AS))
        {
            var t = PatternCaptureTarget();
            if (t != null) return Fin(new MatchAs { pattern = p, name = t }, m);
        }
        _pos = m;
        if (_invalidPass)
        {
            if (OrPattern() != null && Accept(K_AS))
            {
                if (AtSoft("_")) throw RaiseAt(_toks[_pos], "cannot use '_' as a target");
                if (Peek() != NAME)
                {
                    var e = Expression();
                    if (e != null) throw RaiseAt(e, "invalid pattern target");
                }
            }
            _pos = m;
        }
        return null;
    }

    // or_pattern: '|'.closed_pattern+
    PatternNode? OrPattern()
    {
        int m = _pos;
        var first = ClosedPattern();
        if (first == null) return null;
        if (Peek() != VBAR) return first;
        var list = new List<PatternNode> { first };
        while (true)
        {
            int m2 = _pos;
            if (!Accept(VBAR)) break;
            var p = ClosedPattern();
            if (p == null) { _pos = m2; break; }
            list.Add(p);
        }
        if (list.Count == 1) return first;
        return Fin(new MatchOr { patterns = list }, m);
    }

    PatternNode? ClosedPattern()
    {
        if (Memo(M_CLOSED_PATTERN, out PatternNode? memo)) return memo;
        int m = _pos;
        return Save(M_CLOSED_PATTERN, m, ClosedPatternInner());
    }

    PatternNode? ClosedPatternInner()
    {
        int m = _pos;
        PatternNode? r;
        if ((r = LiteralPattern()) != null) return r;
        _pos = m;
        // capture_pattern
        var name = PatternCaptureTarget();
        if (name != null) return Fin(new MatchAs { name = name }, m);
        _pos = m;
        // wildcard_pattern
        if (AcceptSoft("_")) return Fin(new MatchAs(), m);
        // value_pattern: attr !('.' | '(' | '=')
        var attr = Attr();
        if (attr != null)
        {
            int c = Peek();
            if (c != DOT && c != LPAR && c != EQUAL) return Fin(new MatchValue { value = attr }, m);
        }
        _pos = m;
        // group_pattern: '(' pattern ')'
        if (Accept(LPAR))
        {
            var p = Pattern();
            if (p != null && Accept(RPAR)) return p;
            _pos = m;
        }
        if ((r = SequencePattern()) != null) return r;
        _pos = m;
        if ((r = MappingPattern()) != null) return r;
        _pos = m;
        if ((r = ClassPattern()) != null) return r;
        _pos = m;
        return null;
    }

    // literal_pattern
    PatternNode? LiteralPattern()
    {
        int m = _pos;
        var v = LiteralExprValue(out bool singleton);
        if (v == null) return null;
        if (singleton) return Fin(new MatchSingleton { value = ((Constant)v).value }, m);
        return Fin(new MatchValue { value = v }, m);
    }

    // literal_expr: signed_number !('+' | '-') | complex_number | strings | 'None' | 'True' | 'False'
    ExprNode? LiteralExprValue(out bool singleton)
    {
        int m = _pos;
        singleton = false;
        var n = SignedNumber();
        if (n != null)
        {
            int c = Peek();
            if (c != PLUS && c != MINUS) return n;
        }
        _pos = m;
        var cn = ComplexNumber();
        if (cn != null) return cn;
        _pos = m;
        if (Peek() == STRING) return Strings();
        int k = Peek();
        if (k == K_NONE || k == K_TRUE || k == K_FALSE)
        {
            _pos++;
            singleton = true;
            return Fin(new Constant { value = k == K_NONE ? null : (object)(k == K_TRUE) }, m);
        }
        return null;
    }

    ExprNode? SignedNumber()
    {
        int m = _pos;
        if (Peek() == NUMBER) return NumberExpr();
        if (Accept(MINUS) && Peek() == NUMBER)
        {
            var n = NumberExpr();
            return Fin(new UnaryOp { op = USub.Instance, operand = n }, m);
        }
        _pos = m;
        return null;
    }

    // complex_number: signed_real_number ('+' | '-') imaginary_number
    ExprNode? ComplexNumber()
    {
        int m = _pos;
        var real = SignedRealNumber();
        if (real == null) return null;
        OperatorNode op;
        if (Accept(PLUS)) op = Add.Instance;
        else if (Accept(MINUS)) op = Sub.Instance;
        else { _pos = m; return null; }
        if (Peek() != NUMBER) { _pos = m; return null; }
        var imag = NumberExpr();
        if (!(((Constant)imag).value is System.Numerics.Complex))
            throw RaiseAt(imag, "imaginary number required in complex literal");
        return Fin(new BinOp { left = real, op = op, right = imag }, m);
    }

    ExprNode? SignedRealNumber()
    {
        int m = _pos;
        bool neg = Accept(MINUS);
        if (Peek() != NUMBER) { _pos = m; return null; }
        var n = NumberExpr();
        if (((Constant)n).value is System.Numerics.Complex) throw RaiseAt(n, "real number required in complex literal");
        if (!neg) return n;
        return Fin(new UnaryOp { op = USub.Instance, operand = n }, m);
    }

    // pattern_capture_target: !"_" NAME !('.' | '(' | '=')
    string? PatternCaptureTarget()
    {
        if (Peek() != NAME || _toks[_pos].Text == "_") return null;
        int c = PeekAt(_pos + 1);
        if (c == DOT || c == LPAR || c == EQUAL) return null;
        return NameId(_toks[_pos++]);
    }

    // attr: name_or_attr '.' NAME
    ExprNode? Attr()
    {
        int m = _pos;
        var n = NameOrAttr();
        if (n is Attribute) return n;
        _pos = m;
        return null;
    }

    // name_or_attr: attr | NAME
    ExprNode? NameOrAttr()
    {
        int m = _pos;
        if (Peek() != NAME) return null;
        ExprNode a = NameExpr(Load.Instance);
        int chain = 0;
        while (Peek() == DOT && PeekAt(_pos + 1) == NAME)
        {
            Chain(++chain);
            _pos++;
            string attr = NameId(_toks[_pos++]);
            a = Fin(new Attribute { value = a, attr = attr, ctx = Load.Instance }, m);
        }
        return a;
    }

    // sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'
    PatternNode? SequencePattern()
    {
        int m = _pos;
        if (Accept(LSQB))
        {
            var ps = MaybeSequencePattern();
            if (Accept(RSQB)) return Fin(new MatchSequence { patterns = ps ?? new() }, m);
            _pos = m;
            return null;
        }
        if (Accept(LPAR))
        {
            var ps = OpenSequencePattern();
            if (Accept(RPAR)) return Fin(new MatchSequence { patterns = ps ?? new() }, m);
            _pos = m;
        }
        return null;
    }

    // open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
    List<PatternNode>? OpenSequencePattern()
    {
        int m = _pos;
        var p = MaybeStarPattern();
        if (p == null || !Accept(COMMA)) { _pos = m; return null; }
        var list = new List<PatternNode> { p };
        var rest = MaybeSequencePattern();
        if (rest != null) list.AddRange(rest);
        return list;
    }

    // maybe_sequence_pattern: ','.maybe_star_pattern+ ','?
    List<PatternNode>? MaybeSequencePattern()
    {
        List<PatternNode>? list = null;
        while (true)
        {
            int s = _pos;
            var p = MaybeStarPattern();
            if (p == null) { if (list != null) _pos = s - 1; else _pos = s; break; }
            (list ??= new()).Add(p);
            if (!Accept(COMMA)) break;
        }
        if (list != null) Accept(COMMA);
        return list;
    }

    PatternNode? MaybeStarPattern() => StarPattern() ?? Pattern();

    // star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern
    PatternNode? StarPattern()
    {
        if (Memo(M_STAR_PATTERN, out PatternNode? memo)) return memo;
        int m = _pos;
        PatternNode? r = null;
        if (Accept(STAR))
        {
            var name = PatternCaptureTarget();
            if (name != null) r = Fin(new MatchStar { name = name }, m);
            else if (AcceptSoft("_")) r = Fin(new MatchStar(), m);
        }
        return Save(M_STAR_PATTERN, m, r);
    }

    // mapping_pattern
    PatternNode? MappingPattern()
    {
        int m = _pos;
        if (!Accept(LBRACE)) return null;
        if (Accept(RBRACE)) return Fin(new MatchMapping(), m);
        int m1 = _pos;
        var rest = DoubleStarPattern();
        if (rest != null)
        {
            Accept(COMMA);
            if (Accept(RBRACE)) return Fin(new MatchMapping { rest = rest }, m);
        }
        _pos = m1;
        var keys = new List<ExprNode>();
        var pats = new List<PatternNode>();
        if (ItemsPattern(keys, pats))
        {
            int m2 = _pos;
            if (Accept(COMMA))
            {
                var r2 = DoubleStarPattern();
                if (r2 != null)
                {
                    Accept(COMMA);
                    if (Accept(RBRACE)) return Fin(new MatchMapping { keys = keys, patterns = pats, rest = r2 }, m);
                }
            }
            _pos = m2;
            Accept(COMMA);
            if (Accept(RBRACE)) return Fin(new MatchMapping { keys = keys, patterns = pats }, m);
        }
        _pos = m;
        return null;
    }

    // items_pattern: ','.key_value_pattern+
    bool ItemsPattern(List<ExprNode> keys, List<PatternNode> pats)
    {
        bool any = false;
        while (true)
        {
            int s = _pos;
            // key_value_pattern: (literal_expr | attr) ':' pattern
            ExprNode? key = LiteralExprValue(out _);
            if (key == null) { _pos = s; key = Attr(); }
            PatternNode? p = null;
            if (key != null && Accept(COLON)) p = Pattern();
            if (p == null) { _pos = any ? s - 1 : s; break; }
            keys.Add(key!); pats.Add(p);
            any = true;
            if (!Accept(COMMA)) break;
        }
        return any;
    }

    string? DoubleStarPattern()
    {
        int m = _pos;
        if (!Accept(DOUBLESTAR)) return null;
        var t = PatternCaptureTarget();
        if (t == null) { _pos = m; return null; }
        return t;
    }

    // class_pattern
    PatternNode? ClassPattern()
    {
        int m = _pos;
        var cls = NameOrAttr();
        if (cls == null || !Accept(LPAR)) { _pos = m; return null; }
        int afterParen = _pos;
        if (Accept(RPAR)) return Fin(new MatchClass { cls = cls }, m);
        // positional_patterns ','?
        var pos = PositionalPatterns();
        if (pos != null)
        {
            int m2 = _pos;
            Accept(COMMA);
            if (Accept(RPAR)) return Fin(new MatchClass { cls = cls, patterns = pos }, m);
            _pos = m2;
        }
        _pos = afterParen;
        {
            var kn = new List<string>(); var kp = new List<PatternNode>();
            if (KeywordPatterns(kn, kp))
            {
                Accept(COMMA);
                if (Accept(RPAR)) return Fin(new MatchClass { cls = cls, kwd_attrs = kn, kwd_patterns = kp }, m);
            }
        }
        _pos = afterParen;
        pos = PositionalPatterns();
        if (pos != null && Accept(COMMA))
        {
            var kn = new List<string>(); var kp = new List<PatternNode>();
            if (KeywordPatterns(kn, kp))
            {
                Accept(COMMA);
                if (Accept(RPAR)) return Fin(new MatchClass { cls = cls, patterns = pos, kwd_attrs = kn, kwd_patterns = kp }, m);
            }
        }
        _pos = m;
        if (_invalidPass)
        {
            // invalid_class_pattern: name_or_attr '(' [positional_patterns ','] keyword_patterns ',' positional_patterns
            if (NameOrAttr() != null && Accept(LPAR))
            {
                int s = _pos;
                if (!(PositionalPatterns() != null && Accept(COMMA))) _pos = s;
                var kn = new List<string>(); var kp = new List<PatternNode>();
                if (KeywordPatterns(kn, kp) && Accept(COMMA))
                {
                    var a = PositionalPatterns();
                    if (a != null) throw RaiseRange(a[0], a[^1], "positional patterns follow keyword patterns");
                }
            }
            _pos = m;
        }
        return null;
    }

    List<PatternNode>? PositionalPatterns()
    {
        List<PatternNode>? list = null;
        while (true)
        {
            int s = _pos;
            var p = Pattern();
            if (p == null) { if (list != null) _pos = s - 1; else _pos = s; break; }
            (list ??= new()).Add(p);
            if (!Accept(COMMA)) break;
        }
        return list;
    }

    bool KeywordPatterns(List<string> names, List<PatternNode> pats)
    {
        bool any = false;
        while (true)
        {
            int s = _pos;
            PatternNode? p = null;
            string? name = null;
            if (Peek() == NAME && PeekAt(_pos + 1) == EQUAL)
            {
                name = NameId(_toks[_pos]);
                _pos += 2;
                p = Pattern();
            }
            if (p == null) { _pos = any ? s - 1 : s; break; }
            names.Add(name!); pats.Add(p);
            any = true;
            if (!Accept(COMMA)) break;
        }
        return any;
    }
}
