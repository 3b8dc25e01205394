#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Parsing;

// Function and lambda parameters. The lambda rules are the def rules without annotations
// and type comments, closed by ':' instead of ')', so one set of methods serves both.
internal sealed partial class Parser
{
    sealed class StarEtc
    {
        public Arg? Vararg;
        public List<Arg> KwOnly = new();
        public List<ExprNode> KwDefaults = new();
        public Arg? Kwarg;
    }

    // lambdef: 'lambda' [lambda_params] ':' expression
    ExprNode? Lambdef()
    {
        int m = _pos;
        if (!Accept(K_LAMBDA)) return null;
        Enter();
        var args = LambdaParams();
        if (!Accept(COLON)) { _depth--; _pos = m; return null; }
        var body = Expression();
        _depth--;
        if (body == null) { _pos = m; return null; }
        return Fin(new Lambda { args = args ?? new Arguments(), body = body }, m);
    }

    // params: invalid_parameters | parameters
    Arguments? Params()
    {
        int m = _pos;
        if (_invalidPass) { InvalidParameters(false); _pos = m; }
        return Parameters(false);
    }

    Arguments? LambdaParams()
    {
        int m = _pos;
        if (_invalidPass) { InvalidParameters(true); _pos = m; }
        return Parameters(true);
    }

    int CloseCode(bool lam) => lam ? COLON : RPAR;

    Arguments? Parameters(bool lam)
    {
        int m = _pos;
        // slash_no_default param_no_default* param_with_default* [star_etc]
        var slashNo = SlashNoDefault(lam);
        if (slashNo != null)
        {
            var plain = ParamNoDefaultStar(lam);
            var withDef = ParamWithDefaultStar(lam);
            var se = StarEtcRule(lam);
            return MakeArguments(slashNo, null, plain, withDef, se);
        }
        _pos = m;
        // slash_with_default param_with_default* [star_etc]
        if (SlashWithDefault(lam, out var swdPlain))
        {
            var withDef = ParamWithDefaultStar(lam);
            var se = StarEtcRule(lam);
            return MakeArguments(null, swdPlain, null, withDef, se);
        }
        _pos = m;
        // param_no_default+ param_with_default* [star_etc]
        {
            var plain = ParamNoDefaultStar(lam);
            if (plain.Count > 0)
            {
                var withDef = ParamWithDefaultStar(lam);
                var se = StarEtcRule(lam);
                return MakeArguments(null, null, plain, withDef, se);
            }
        }
        _pos = m;
        // param_with_default+ [star_etc]
        {
            var withDef = ParamWithDefaultStar(lam);
            if (withDef.Count > 0)
            {
                var se = StarEtcRule(lam);
                return MakeArguments(null, null, null, withDef, se);
            }
        }
        _pos = m;
        {
            var se = StarEtcRule(lam);
            if (se != null) return MakeArguments(null, null, null, null, se);
        }
        _pos = m;
        return null;
    }

    /// <summary>_PyPegen_make_arguments: positional-only, plain and keyword-only parameters with
    /// their defaults (kw_defaults holds None where a keyword-only parameter has none).</summary>
    static Arguments MakeArguments(List<Arg>? slashNo, List<(Arg, ExprNode?)>? slashWith,
                                   List<Arg>? plain, List<(Arg, ExprNode?)>? withDef, StarEtc? se)
    {
        var a = new Arguments();
        if (slashNo != null) a.posonlyargs.AddRange(slashNo);
        if (slashWith != null)
        {
            foreach (var (arg, d) in slashWith) { a.posonlyargs.Add(arg); if (d != null) a.defaults.Add(d); }
        }
        if (plain != null) a.args.AddRange(plain);
        if (withDef != null)
            foreach (var (arg, d) in withDef) { a.args.Add(arg); a.defaults.Add(d!); }
        if (se != null)
        {
            a.vararg = se.Vararg; a.kwonlyargs = se.KwOnly; a.kw_defaults = se.KwDefaults; a.kwarg = se.Kwarg;
        }
        return a;
    }

    // slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'
    List<Arg>? SlashNoDefault(bool lam)
    {
        int m = _pos;
        var a = ParamNoDefaultStar(lam);
        if (a.Count > 0 && Accept(SLASH))
        {
            if (Accept(COMMA) || Peek() == CloseCode(lam)) return a;
        }
        _pos = m;
        return null;
    }

    // slash_with_default: param_no_default* param_with_default+ '/' (',' | &')')
    bool SlashWithDefault(bool lam, out List<(Arg, ExprNode?)> items)
    {
        int m = _pos;
        items = new();
        var a = ParamNoDefaultStar(lam);
        var b = ParamWithDefaultStar(lam);
        if (b.Count > 0 && Accept(SLASH))
        {
            if (Accept(COMMA) || Peek() == CloseCode(lam))
            {
                foreach (var x in a) items.Add((x, null));
                items.AddRange(b);
                return true;
            }
        }
        _pos = m;
        return false;
    }

    List<Arg> ParamNoDefaultStar(bool lam)
    {
        var list = new List<Arg>();
        while (true)
        {
            var p = ParamNoDefault(lam);
            if (p == null) break;
            list.Add(p);
        }
        return list;
    }

    List<(Arg, ExprNode?)> ParamWithDefaultStar(bool lam)
    {
        var list = new List<(Arg, ExprNode?)>();
        while (true)
        {
            int m = _pos;
            var p = ParamWithDefault(lam, out var d);
            if (p == null) { _pos = m; break; }
            list.Add((p, d));
        }
        return list;
    }

    List<(Arg, ExprNode?)> ParamMaybeDefaultStar(bool lam)
    {
        var list = new List<(Arg, ExprNode?)>();
        while (true)
        {
            int m = _pos;
            var p = ParamMaybeDefault(lam, out var d);
            if (p == null) { _pos = m; break; }
            list.Add((p, d));
        }
        return list;
    }

    // param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')'
    Arg? ParamNoDefault(bool lam)
    {
        int m = _pos;
        var p = Param(lam);
        if (p == null) return null;
        if (Accept(COMMA)) { if (!lam) Accept(TYPE_COMMENT); return p; }
        if (!lam) Accept(TYPE_COMMENT);
        if (Peek() == CloseCode(lam)) return p;
        _pos = m;
        return null;
    }

    Arg? ParamWithDefault(bool lam, out ExprNode? d)
    {
        int m = _pos;
        d = null;
        var p = Param(lam);
        if (p == null) return null;
        d = Default();
        if (d == null) { _pos = m; return null; }
        if (Accept(COMMA)) { if (!lam) Accept(TYPE_COMMENT); return p; }
        if (!lam) Accept(TYPE_COMMENT);
        if (Peek() == CloseCode(lam)) return p;
        _pos = m;
        return null;
    }

    Arg? ParamMaybeDefault(bool lam, out ExprNode? d)
    {
        int m = _pos;
        var p = Param(lam);
        d = null;
        if (p == null) return null;
        int m2 = _pos;
        d = Default();
        if (d == null) _pos = m2;
        if (Accept(COMMA)) { if (!lam) Accept(TYPE_COMMENT); return p; }
        if (!lam) Accept(TYPE_COMMENT);
        if (Peek() == CloseCode(lam)) return p;
        _pos = m;
        return null;
    }

    // param: NAME annotation?     lambda_param: NAME
    Arg? Param(bool lam)
    {
        int m = _pos;
        if (Peek() != NAME) return null;
        string name = NameId(_toks[_pos++]);
        ExprNode? ann = null;
        if (!lam && Peek() == COLON)
        {
            int m2 = _pos;
            _pos++;
            ann = Expression();
            if (ann == null) _pos = m2;
        }
        return Fin(new Arg { arg = name, annotation = ann }, m);
    }

    // param_star_annotation: NAME ':' star_expression
    Arg? ParamStarAnnotation()
    {
        int m = _pos;
        if (Peek() != NAME) return null;
        string name = NameId(_toks[_pos++]);
        if (!Accept(COLON)) { _pos = m; return null; }
        var ann = StarExpression();
        if (ann == null) { _pos = m; return null; }
        return Fin(new Arg { arg = name, annotation = ann }, m);
    }

    // default: '=' expression | invalid_default
    ExprNode? Default()
    {
        int m = _pos;
        if (Accept(EQUAL))
        {
            var e = Expression();
            if (e != null) return e;
            _pos = m;
        }
        if (_invalidPass && Peek() == EQUAL)
        {
            int c = PeekAt(_pos + 1);
            if (c == RPAR || c == COMMA) throw RaiseAt(_toks[_pos], "expected default value expression");
        }
        return null;
    }

    // star_etc
    StarEtc? StarEtcRule(bool lam)
    {
        int m = _pos;
        if (_invalidPass) { InvalidStarEtc(lam); _pos = m; }
        if (Accept(STAR))
        {
            int m1 = _pos;
            var a = ParamNoDefault(lam);
            if (a != null)
            {
                var b = ParamMaybeDefaultStar(lam);
                var c = Kwds(lam);
                return MakeStarEtc(a, b, c);
            }
            _pos = m1;
            if (!lam)
            {
                // param_no_default_star_annotation: param_star_annotation (',' TYPE_COMMENT? | TYPE_COMMENT? &')')
                var s = ParamStarAnnotation();
                if (s != null)
                {
                    bool ok;
                    if (Accept(COMMA)) { Accept(TYPE_COMMENT); ok = true; }
                    else { Accept(TYPE_COMMENT); ok = Peek() == RPAR; }
                    if (ok)
                    {
                        var b = ParamMaybeDefaultStar(lam);
                        var c = Kwds(lam);
                        return MakeStarEtc(s, b, c);
                    }
                }
                _pos = m1;
            }
            if (Accept(COMMA))
            {
                var b = ParamMaybeDefaultStar(lam);
                if (b.Count > 0)
                {
                    var c = Kwds(lam);
                    return MakeStarEtc(null, b, c);
                }
            }
            _pos = m;
        }
        var k = Kwds(lam);
        if (k != null) return MakeStarEtc(null, null, k);
        _pos = m;
        return null;
    }

    static StarEtc MakeStarEtc(Arg? vararg, List<(Arg, ExprNode?)>? kw, Arg? kwarg)
    {
        var se = new StarEtc { Vararg = vararg, Kwarg = kwarg };
        if (kw != null)
            foreach (var (a, d) in kw) { se.KwOnly.Add(a); se.KwDefaults.Add(d!); }
        return se;
    }

    // kwds: invalid_kwds | '**' param_no_default
    Arg? Kwds(bool lam)
    {
        int m = _pos;
        if (_invalidPass) { InvalidKwds(lam); _pos = m; }
        if (Accept(DOUBLESTAR))
        {
            var a = ParamNoDefault(lam);
            if (a != null) return a;
        }
        _pos = m;
        return null;
    }
}
