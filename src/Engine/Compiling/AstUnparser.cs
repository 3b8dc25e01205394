#nullable enable
using System;
using Tuple = StacklessIron.Parsing.Ast.Tuple;
using Attribute = StacklessIron.Parsing.Ast.Attribute;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>
/// Expression AST -> source text, as CPython 3.11's ast_unparse.c writes the
/// annotations stored as strings under `from __future__ import annotations`
/// (minimal parentheses by precedence, constants by repr).
/// </summary>
public static class AstUnparser
{
    const int PrTuple = 0, PrTest = 1, PrOr = 2, PrAnd = 3, PrNot = 4, PrCmp = 5, PrExpr = 6, PrBor = 6,
        PrBxor = 7, PrBand = 8, PrShift = 9, PrArith = 10, PrTerm = 11, PrFactor = 12, PrPower = 13,
        PrAwait = 14, PrAtom = 15;

    public static string Unparse(ExprNode e)
    {
        var sb = new StringBuilder();
        Append(sb, e, PrTest);
        return sb.ToString();
    }

    static void Append(StringBuilder sb, ExprNode e, int level)
    {
        switch (e)
        {
            case BoolOp b:
            {
                int pr = b.op is And ? PrAnd : PrOr;
                string op = b.op is And ? " and " : " or ";
                if (level > pr) sb.Append('(');
                for (int i = 0; i < b.values.Count; i++)
                {
                    if (i > 0) sb.Append(op);
                    Append(sb, b.values[i], pr + 1);
                }
                if (level > pr) sb.Append(')');
                break;
            }
            case BinOp b:
            {
                var (op, pr) = b.op switch
                {
                    Add => (" + ", PrArith), Sub => (" - ", PrArith), Mult => (" * ", PrTerm), MatMult => (" @ ", PrTerm),
                    Div => (" / ", PrTerm), Mod => (" % ", PrTerm), LShift => (" << ", PrShift), RShift => (" >> ", PrShift),
                    BitOr => (" | ", PrBor), BitXor => (" ^ ", PrBxor), BitAnd => (" & ", PrBand),
                    FloorDiv => (" // ", PrTerm), _ => (" ** ", PrPower),
                };
                int rassoc = b.op is Pow ? 1 : 0;
                if (level > pr) sb.Append('(');
                Append(sb, b.left, pr + rassoc);
                sb.Append(op);
                Append(sb, b.right, pr + 1 - rassoc);
                if (level > pr) sb.Append(')');
                break;
            }
            case UnaryOp u:
            {
                var (op, pr) = u.op switch { Invert => ("~", PrFactor), Not => ("not ", PrNot), UAdd => ("+", PrFactor), _ => ("-", PrFactor) };
                if (level > pr) sb.Append('(');
                sb.Append(op);
                Append(sb, u.operand, pr);
                if (level > pr) sb.Append(')');
                break;
            }
            case Lambda l:
            {
                if (level > PrTest) sb.Append('(');
                var a = l.args;
                int n = a.posonlyargs.Count + a.args.Count + a.kwonlyargs.Count + (a.vararg != null ? 1 : 0) + (a.kwarg != null ? 1 : 0);
                sb.Append(n > 0 ? "lambda " : "lambda");
                AppendArgs(sb, a);
                sb.Append(": ");
                Append(sb, l.body, PrTest);
                if (level > PrTest) sb.Append(')');
                break;
            }
            case IfExp i:
                if (level > PrTest) sb.Append('(');
                Append(sb, i.body, PrTest + 1);
                sb.Append(" if ");
                Append(sb, i.test, PrTest + 1);
                sb.Append(" else ");
                Append(sb, i.orelse, PrTest);
                if (level > PrTest) sb.Append(')');
                break;
            case Dict d:
                sb.Append('{');
                for (int i = 0; i < d.values.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    if (d.keys[i] != null) { Append(sb, d.keys[i], PrTest); sb.Append(": "); Append(sb, d.values[i], PrTest); }
                    else { sb.Append("**"); Append(sb, d.values[i], PrExpr); }
                }
                sb.Append('}');
                break;
            case Set s:
                sb.Append('{');
                for (int i = 0; i < s.elts.Count; i++) { if (i > 0) sb.Append(", "); Append(sb, s.elts[i], PrTest); }
                sb.Append('}');
                break;
            case GeneratorExp g: sb.Append('('); Append(sb, g.elt, PrTest); AppendComprehensions(sb, g.generators); sb.Append(')'); break;
            case ListComp l: sb.Append('['); Append(sb, l.elt, PrTest); AppendComprehensions(sb, l.generators); sb.Append(']'); break;
            case SetComp s: sb.Append('{'); Append(sb, s.elt, PrTest); AppendComprehensions(sb, s.generators); sb.Append('}'); break;
            case DictComp d:
                sb.Append('{'); Append(sb, d.key, PrTest); sb.Append(": "); Append(sb, d.value, PrTest);
                AppendComprehensions(sb, d.generators); sb.Append('}');
                break;
            case Yield y:
                if (y.value == null) sb.Append("(yield)");
                else { sb.Append("(yield "); Append(sb, y.value, PrTest); sb.Append(')'); }
                break;
            case YieldFrom y: sb.Append("(yield from "); Append(sb, y.value, PrTest); sb.Append(')'); break;
            case Await a:
                if (level > PrAwait) sb.Append('(');
                sb.Append("await ");
                Append(sb, a.value, PrAtom);
                if (level > PrAwait) sb.Append(')');
                break;
            case Compare c:
                if (level > PrCmp) sb.Append('(');
                Append(sb, c.left, PrCmp + 1);
                for (int i = 0; i < c.ops.Count; i++)
                {
                    sb.Append(c.ops[i] switch
                    {
                        Eq => " == ", NotEq => " != ", Lt => " < ", LtE => " <= ", Gt => " > ", GtE => " >= ",
                        Is => " is ", IsNot => " is not ", In => " in ", _ => " not in ",
                    });
                    Append(sb, c.comparators[i], PrCmp + 1);
                }
                if (level > PrCmp) sb.Append(')');
                break;
            case Call c:
            {
                Append(sb, c.func, PrAtom);
                if (c.args.Count == 1 && c.keywords.Count == 0 && c.args[0] is GeneratorExp g)
                {
                    Append(sb, g, PrTest);
                    break;
                }
                sb.Append('(');
                bool first = true;
                foreach (var a in c.args) { if (!first) sb.Append(", "); first = false; Append(sb, a, PrTest); }
                foreach (var k in c.keywords)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    if (k.arg == null) sb.Append("**"); else sb.Append(k.arg).Append('=');
                    Append(sb, k.value, PrTest);
                }
                sb.Append(')');
                break;
            }
            case Constant k:
                if (k.value is EllipsisConstant) { sb.Append("..."); break; }
                if (k.kind == "u") sb.Append('u');
                sb.Append(Repr(k.value, infAsLiteral: true));
                break;
            case JoinedStr j:
                sb.Append('f').Append(ReprString(FStringBody(j.values, false)));
                break;
            case FormattedValue f:
                sb.Append('f').Append(ReprString(FStringBody(new List<ExprNode> { f }, false)));
                break;
            case Attribute a:
                Append(sb, a.value, PrAtom);
                sb.Append(a.value is Constant { value: BigInteger or int or long } ? " ." : ".");
                sb.Append(a.attr);
                break;
            case Subscript s:
                Append(sb, s.value, PrAtom);
                sb.Append('[');
                Append(sb, s.slice, PrTuple);
                sb.Append(']');
                break;
            case Starred st: sb.Append('*'); Append(sb, st.value, PrExpr); break;
            case Name n: sb.Append(n.id); break;
            case List l:
                sb.Append('[');
                for (int i = 0; i < l.elts.Count; i++) { if (i > 0) sb.Append(", "); Append(sb, l.elts[i], PrTest); }
                sb.Append(']');
                break;
            case Tuple t:
                if (t.elts.Count == 0) { sb.Append("()"); break; }
                if (level > PrTuple) sb.Append('(');
                for (int i = 0; i < t.elts.Count; i++) { if (i > 0) sb.Append(", "); Append(sb, t.elts[i], PrTest); }
                if (t.elts.Count == 1) sb.Append(',');
                if (level > PrTuple) sb.Append(')');
                break;
            case Slice sl:
                if (sl.lower != null) Append(sb, sl.lower, PrTest);
                sb.Append(':');
                if (sl.upper != null) Append(sb, sl.upper, PrTest);
                if (sl.step != null) { sb.Append(':'); Append(sb, sl.step, PrTest); }
                break;
            case NamedExpr ne:
                if (level > PrTuple) sb.Append('(');
                Append(sb, ne.target, PrAtom);
                sb.Append(" := ");
                Append(sb, ne.value, PrAtom);
                if (level > PrTuple) sb.Append(')');
                break;
            default: throw new ArgumentException("cannot unparse " + e.PyName);
        }
    }

    static void AppendComprehensions(StringBuilder sb, List<Comprehension> gens)
    {
        foreach (var g in gens)
        {
            sb.Append(g.is_async != 0 ? " async for " : " for ");
            Append(sb, g.target, PrTuple);
            sb.Append(" in ");
            Append(sb, g.iter, PrTest + 1);
            foreach (var c in g.ifs) { sb.Append(" if "); Append(sb, c, PrTest + 1); }
        }
    }

    static void AppendArgs(StringBuilder sb, Arguments a)
    {
        bool first = true;
        void Sep() { if (!first) sb.Append(", "); first = false; }
        int argCount = a.posonlyargs.Count + a.args.Count;
        int defaultOffset = argCount - a.defaults.Count;
        for (int i = 0; i < argCount; i++)
        {
            Sep();
            var p = i < a.posonlyargs.Count ? a.posonlyargs[i] : a.args[i - a.posonlyargs.Count];
            sb.Append(p.arg);
            if (i >= defaultOffset) { sb.Append('='); Append(sb, a.defaults[i - defaultOffset], PrTest); }
            if (a.posonlyargs.Count > 0 && i + 1 == a.posonlyargs.Count) { sb.Append(", /"); }
        }
        if (a.vararg != null || a.kwonlyargs.Count > 0)
        {
            Sep();
            sb.Append('*');
            if (a.vararg != null) sb.Append(a.vararg.arg);
        }
        for (int i = 0; i < a.kwonlyargs.Count; i++)
        {
            Sep();
            sb.Append(a.kwonlyargs[i].arg);
            var d = i < a.kw_defaults.Count ? a.kw_defaults[i] : null;
            if (d != null) { sb.Append('='); Append(sb, d, PrTest); }
        }
        if (a.kwarg != null) { Sep(); sb.Append("**").Append(a.kwarg.arg); }
    }

    static string FStringBody(List<ExprNode> values, bool isFormatSpec)
    {
        var sb = new StringBuilder();
        foreach (var v in values)
        {
            switch (v)
            {
                case Constant { value: string s }:
                    sb.Append(s.Replace("{", "{{").Replace("}", "}}"));
                    break;
                case JoinedStr j:
                    sb.Append(FStringBody(j.values, isFormatSpec));
                    break;
                case FormattedValue f:
                {
                    var inner = new StringBuilder();
                    Append(inner, f.value, PrTest + 1);
                    string expr = inner.ToString();
                    sb.Append('{');
                    if (expr.StartsWith('{')) sb.Append(' ');
                    sb.Append(expr);
                    if (f.conversion > 0) sb.Append('!').Append((char)f.conversion);
                    if (f.format_spec != null)
                    {
                        sb.Append(':');
                        sb.Append(f.format_spec is JoinedStr spec ? FStringBody(spec.values, true) : "");
                    }
                    sb.Append('}');
                    break;
                }
            }
        }
        return sb.ToString();
    }

    // ---- repr of constants -------------------------------------------------------------

    public static string Repr(object? v) => Repr(v, false);

    static string Repr(object? v, bool infAsLiteral)
    {
        switch (v)
        {
            case null: return "None";
            case bool b: return b ? "True" : "False";
            case BigInteger i: return i.ToString(CultureInfo.InvariantCulture);
            case int i: return i.ToString(CultureInfo.InvariantCulture);
            case long l: return l.ToString(CultureInfo.InvariantCulture);
            case double d: return ReprFloat(d, infAsLiteral);
            case Complex c:
            {
                string im = ReprFloatForComplex(c.Imaginary, infAsLiteral) + "j";
                if (c.Real == 0 && !double.IsNegative(c.Real)) return im;
                string re = ReprFloatForComplex(c.Real, infAsLiteral);
                string sign = c.Imaginary >= 0 || double.IsNaN(c.Imaginary) ? "+" : "";
                return "(" + re + sign + im + ")";
            }
            case string s: return ReprString(s);
            case byte[] bs: return ReprBytes(bs);
            case EllipsisConstant: return "Ellipsis";
            case ConstTuple t:
            {
                var parts = new List<string>();
                foreach (var x in t.Items) parts.Add(Repr(x, infAsLiteral));
                return parts.Count == 1 ? "(" + parts[0] + ",)" : "(" + string.Join(", ", parts) + ")";
            }
            case ConstFrozenSet f:
            {
                if (f.Items.Length == 0) return "frozenset()";
                var parts = new List<string>();
                foreach (var x in f.Items) parts.Add(Repr(x, infAsLiteral));
                return "frozenset({" + string.Join(", ", parts) + "})";
            }
            default: return v.ToString() ?? "";
        }
    }

    static string ReprFloatForComplex(double d, bool infAsLiteral)
    {
        // complex repr drops ".0" from integral parts: (1+2j)
        string r = ReprFloat(d, infAsLiteral);
        return r.EndsWith(".0") ? r.Substring(0, r.Length - 2) : r;
    }

    /// <summary>Python's float repr: shortest round-trip digits, exponent form outside 1e-4 .. 1e16.</summary>
    public static string ReprFloat(double d, bool infAsLiteral = false)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return infAsLiteral ? (d > 0 ? "1e309" : "-1e309") : (d > 0 ? "inf" : "-inf");
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        string r = d.ToString("E16", CultureInfo.InvariantCulture);
        // Find the shortest precision that round-trips.
        string shortest = d.ToString("R", CultureInfo.InvariantCulture);
        // Decompose "R" into digits and decimal exponent.
        bool neg = shortest.StartsWith('-');
        if (neg) shortest = shortest.Substring(1);
        int exp = 0;
        int ePos = shortest.IndexOfAny(new[] { 'E', 'e' });
        string mant = shortest;
        if (ePos >= 0) { exp = int.Parse(shortest.Substring(ePos + 1), CultureInfo.InvariantCulture); mant = shortest.Substring(0, ePos); }
        int dot = mant.IndexOf('.');
        string intPart = dot >= 0 ? mant.Substring(0, dot) : mant;
        string frac = dot >= 0 ? mant.Substring(dot + 1) : "";
        string digits = (intPart + frac).TrimStart('0');
        int leadingZeros = (intPart + frac).Length - (intPart + frac).TrimStart('0').Length;
        int pointPos = intPart.Length + exp - leadingZeros; // digits[0] is at 10^(pointPos-1)
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        int decExp = pointPos - 1;
        var sb = new StringBuilder();
        if (neg) sb.Append('-');
        if (decExp < -4 || decExp >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(decExp < 0 ? '-' : '+').Append(Math.Abs(decExp).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (pointPos <= 0)
        {
            sb.Append("0.").Append('0', -pointPos).Append(digits);
        }
        else if (pointPos >= digits.Length)
        {
            sb.Append(digits).Append('0', pointPos - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, pointPos).Append('.').Append(digits, pointPos, digits.Length - pointPos);
        }
        _ = r;
        return sb.ToString();
    }

    public static string ReprString(string s)
    {
        bool hasSingle = s.Contains('\''), hasDouble = s.Contains('"');
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        var sb = new StringBuilder();
        sb.Append(quote);
        foreach (var rune in s.EnumerateRunes())
        {
            int c = rune.Value;
            if (c == quote || c == '\\') sb.Append('\\').Append((char)c);
            else if (c == '\t') sb.Append("\\t");
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(c.ToString("x2"));
            else if (c < 0x7f) sb.Append((char)c);
            else if (IsPrintable(rune)) sb.Append(rune.ToString());
            else if (c <= 0xff) sb.Append("\\x").Append(c.ToString("x2"));
            else if (c <= 0xffff) sb.Append("\\u").Append(c.ToString("x4"));
            else sb.Append("\\U").Append(c.ToString("x8"));
        }
        sb.Append(quote);
        return sb.ToString();
    }

    static bool IsPrintable(Rune r)
    {
        var cat = Rune.GetUnicodeCategory(r);
        return cat switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    static string ReprBytes(byte[] bs)
    {
        bool hasSingle = Array.IndexOf(bs, (byte)'\'') >= 0, hasDouble = Array.IndexOf(bs, (byte)'"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        var sb = new StringBuilder("b");
        sb.Append(quote);
        foreach (byte b in bs)
        {
            if (b == quote || b == '\\') sb.Append('\\').Append((char)b);
            else if (b == '\t') sb.Append("\\t");
            else if (b == '\n') sb.Append("\\n");
            else if (b == '\r') sb.Append("\\r");
            else if (b < 0x20 || b >= 0x7f) sb.Append("\\x").Append(b.ToString("x2"));
            else sb.Append((char)b);
        }
        sb.Append(quote);
        return sb.ToString();
    }
}
