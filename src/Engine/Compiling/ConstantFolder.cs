#nullable enable
using System;
using Tuple = StacklessIron.Parsing.Ast.Tuple;
using System.Collections;
using System.Collections.Generic;
using System.Numerics;
using System.Reflection;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>
/// CPython 3.11's AST optimiser (ast_opt.c), applied in place before the symbol table:
/// folds unary and binary operations on constants (with the same size limits, and
/// never where Python would raise), tuples of constants, constant subscripts,
/// `in [..]`/`in {..}` and `for x in [..]` into tuples/frozensets, `not (a in b)` into
/// `a not in b`, and `__debug__` into a constant.
/// </summary>
public static class ConstantFolder
{
    const int MaxIntBits = 128, MaxCollectionSize = 256, MaxStrSize = 4096, MaxTotalItems = 1024;
    const int MaxDepth = 3000;

    sealed class Walker
    {
        public int Optimize;
        public bool FutureAnnotations;
        public int Depth;
    }

    static readonly Dictionary<Type, FieldInfo[]> s_fields = new();

    static FieldInfo[] FieldsOf(Type t)
    {
        lock (s_fields)
        {
            if (!s_fields.TryGetValue(t, out var fs))
            {
                var list = new List<FieldInfo>();
                foreach (var f in t.GetFields(BindingFlags.Public | BindingFlags.Instance))
                {
                    var ft = f.FieldType;
                    if (typeof(Node).IsAssignableFrom(ft) || (ft.IsGenericType && ft.GetGenericTypeDefinition() == typeof(List<>)
                        && typeof(Node).IsAssignableFrom(ft.GetGenericArguments()[0])))
                        list.Add(f);
                }
                fs = list.ToArray();
                s_fields[t] = fs;
            }
            return fs;
        }
    }

    /// <summary>Folds `tree` in place. Under `from __future__ import annotations` the
    /// annotations are left as written, since they become their source text.</summary>
    public static void Fold(Node tree, int optimize, bool futureAnnotations = false)
    {
        var w = new Walker { Optimize = optimize, FutureAnnotations = futureAnnotations };
        Visit(tree, w);
    }

    static bool IsAnnotationField(Node node, string field) =>
        (node is Arg && field == "annotation") || (node is AnnAssign && field == "annotation")
        || (node is FunctionDef or AsyncFunctionDef && field == "returns");

    /// <summary>Folds the children of `node`, then returns its replacement (or itself).</summary>
    static Node Visit(Node node, Walker w)
    {
        if (++w.Depth > MaxDepth)
            throw new PythonSyntaxError("RecursionError", "maximum recursion depth exceeded during compilation", "", 0, 0, null);
        foreach (var f in FieldsOf(node.GetType()))
        {
            if (w.FutureAnnotations && IsAnnotationField(node, f.Name)) continue;
            var value = f.GetValue(node);
            if (value is Node child)
            {
                var replaced = Visit(child, w);
                if (!ReferenceEquals(replaced, child)) f.SetValue(node, replaced);
            }
            else if (value is IList list)
            {
                for (int i = 0; i < list.Count; i++)
                {
                    if (list[i] is Node item)
                    {
                        var replaced = Visit(item, w);
                        if (!ReferenceEquals(replaced, item)) list[i] = replaced;
                    }
                }
            }
        }
        w.Depth--;
        switch (node)
        {
            case UnaryOp u: return FoldUnary(u);
            case BinOp b: return FoldBinary(b);
            case Tuple t: return FoldTuple(t);
            case Subscript s: return FoldSubscript(s);
            case Compare c: FoldCompare(c); return c;
            case For f: f.iter = FoldIter(f.iter); return f;
            case AsyncFor f: f.iter = FoldIter(f.iter); return f;
            case Comprehension c: c.iter = FoldIter(c.iter); return c;
            case Name { id: "__debug__", ctx: Load } n: return MakeConst(n, w.Optimize == 0);
        }
        return node;
    }

    static Constant MakeConst(PositionedNode at, object? value)
    {
        var c = new Constant { value = value };
        c.SetPosition(at.lineno, at.col_offset, at.end_lineno, at.end_col_offset);
        return c;
    }

    static object? Norm(object? v) => v switch { int i => new BigInteger(i), long l => new BigInteger(l), _ => v };

    // ---- unary ---------------------------------------------------------------------------

    static ExprNode FoldUnary(UnaryOp u)
    {
        if (u.op is Not && u.operand is Compare { ops.Count: 1 } cmp)
        {
            CmpopNode? neg = cmp.ops[0] switch { Is => IsNot.Instance, IsNot => Is.Instance, In => NotIn.Instance, NotIn => In.Instance, _ => null };
            if (neg != null)
            {
                var c = new Compare { left = cmp.left, ops = new List<CmpopNode> { neg }, comparators = cmp.comparators };
                c.SetPosition(u.lineno, u.col_offset, u.end_lineno, u.end_col_offset);
                return c;
            }
        }
        if (u.operand is not Constant k) return u;
        object? v = Norm(k.value);
        object? r = u.op switch
        {
            Not => (object)!IsTrue(v),
            USub => v switch { bool b => -(BigInteger)(b ? 1 : 0), BigInteger i => -i, double d => -d, Complex c => -c, _ => Fail },
            UAdd => v switch { bool b => (BigInteger)(b ? 1 : 0), BigInteger i => i, double d => d, Complex c => c, _ => Fail },
            Invert => v switch { bool b => -(BigInteger)(b ? 1 : 0) - 1, BigInteger i => -i - 1, _ => Fail },
            _ => Fail,
        };
        return ReferenceEquals(r, Fail) ? u : MakeConst(u, r);
    }

    static readonly object Fail = new();

    // ---- printf-style formatting into an f-string (3.11's optimize_format) -------------

    /// <summary>`'%s=%r' % (a, b)` with only %s/%r/%a (optional width/precision) becomes
    /// the JoinedStr f'{a!s}={b!r}'; anything else stays a BinOp.</summary>
    static ExprNode? OptimizeFormat(BinOp node, string fmt, List<ExprNode> elts)
    {
        var seq = new List<ExprNode>();
        int pos = 0, cnt = 0;
        while (true)
        {
            var lit = ParseLiteral(fmt, ref pos);
            if (lit != null) seq.Add(lit);
            if (pos >= fmt.Length) break;
            if (cnt >= elts.Count) return null;
            var fv = ParseFormat(fmt, ref pos, elts[cnt]);
            if (fv == null) return null;
            seq.Add(fv);
            cnt++;
        }
        if (cnt < elts.Count) return null;
        var res = new JoinedStr { values = seq };
        res.SetPosition(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset);
        return res;
    }

    static Constant NoPositionConst(object? v)
    {
        var c = new Constant { value = v };
        c.SetPosition(-1, -1, -1, -1);
        return c;
    }

    static Constant? ParseLiteral(string fmt, ref int ppos)
    {
        int start = ppos, pos = ppos;
        bool hasPercents = false;
        while (pos < fmt.Length)
        {
            if (fmt[pos] != '%') pos++;
            else if (pos + 1 < fmt.Length && fmt[pos + 1] == '%') { hasPercents = true; pos += 2; }
            else break;
        }
        ppos = pos;
        if (pos == start) return null;
        string str = fmt.Substring(start, pos - start);
        if (hasPercents) str = str.Replace("%%", "%");
        return NoPositionConst(str);
    }

    static FormattedValue? ParseFormat(string fmt, ref int ppos, ExprNode arg)
    {
        const int MaxDigits = 3;
        int pos = ppos, len = fmt.Length;
        bool ljust = false;
        int width = -1, prec = -1;
        char ch;
        // pos points at '%'
        pos++;
        while (true)
        {
            if (pos >= len) return null;
            ch = fmt[pos++];
            if (ch == '-') { ljust = true; continue; }
            if (ch is '+' or ' ' or '#' or '0') continue;
            break;
        }
        if (ch >= '0' && ch <= '9')
        {
            width = 0;
            int digits = 0;
            while (ch >= '0' && ch <= '9')
            {
                width = width * 10 + (ch - '0');
                if (pos >= len) return null;
                ch = fmt[pos++];
                if (++digits >= MaxDigits) return null;
            }
        }
        if (ch == '.')
        {
            if (pos >= len) return null;
            ch = fmt[pos++];
            prec = 0;
            int digits = 0;
            while (ch >= '0' && ch <= '9')
            {
                prec = prec * 10 + (ch - '0');
                if (pos >= len) return null;
                ch = fmt[pos++];
                if (++digits >= MaxDigits) return null;
            }
        }
        if (ch is not ('s' or 'r' or 'a')) return null;
        ppos = pos;
        var spec = new System.Text.StringBuilder();
        if (!ljust && width > 0) spec.Append('>');
        if (width >= 0) spec.Append(width);
        if (prec >= 0) spec.Append('.').Append(prec);
        var fv = new FormattedValue { value = arg, conversion = ch, format_spec = spec.Length > 0 ? NoPositionConst(spec.ToString()) : null };
        fv.SetPosition(arg.lineno, arg.col_offset, arg.end_lineno, arg.end_col_offset);
        return fv;
    }

    // ---- binary ----------------------------------------------------------------------------

    static ExprNode FoldBinary(BinOp b)
    {
        if (b.op is Mod && b.left is Constant { value: string fmt } && b.right is Tuple { ctx: Load } args
            && !args.elts.Exists(x => x is Starred))
            return OptimizeFormat(b, fmt, args.elts) ?? b;
        if (b.left is not Constant l || b.right is not Constant r) return b;
        object? x = Norm(l.value), y = Norm(r.value);
        object? result;
        try { result = Binary(b.op, x, y); }
        catch (ArithmeticException) { return b; }
        return ReferenceEquals(result, Fail) ? b : MakeConst(b, result);
    }

    static bool IsInt(object? v) => v is BigInteger || v is bool;
    static BigInteger AsInt(object? v) => v is bool b ? (b ? 1 : 0) : (BigInteger)v!;
    static bool IsReal(object? v) => IsInt(v) || v is double;
    static double AsDouble(object? v) => v is double d ? d : ToDouble(AsInt(v));
    static bool IsNumber(object? v) => IsReal(v) || v is Complex;
    static Complex AsComplex(object? v) => v is Complex c ? c : new Complex(AsDouble(v), 0.0);

    static double ToDouble(BigInteger i)
    {
        if (BigInteger.Abs(i) > (BigInteger.One << 1023) * 2) throw new OverflowException();
        // correctly rounded, as int.__float__ is ((double)BigInteger truncates)
        return StacklessIron.Objects.Formatting.IntMath.ToDouble(i);
    }

    static int Bits(BigInteger i) => i.IsZero ? 0 : (int)BigInteger.Abs(i).GetBitLength();

    static object? Binary(OperatorNode op, object? x, object? y)
    {
        // bool's &, | and ^ stay bool
        if (x is bool p && y is bool q && op is BitAnd or BitOr or BitXor)
            return op is BitAnd ? p & q : op is BitOr ? p | q : p ^ q;
        if (IsInt(x) && IsInt(y)) return IntBinary(op, AsInt(x), AsInt(y));
        if (IsReal(x) && IsReal(y)) return FloatBinary(op, AsDouble(x), AsDouble(y));
        if (IsNumber(x) && IsNumber(y))
        {
            var a = AsComplex(x); var c = AsComplex(y);
            return op switch
            {
                Add => new Complex(a.Real + c.Real, a.Imaginary + c.Imaginary),
                Sub => new Complex(a.Real - c.Real, a.Imaginary - c.Imaginary),
                Mult => new Complex(a.Real * c.Real - a.Imaginary * c.Imaginary, a.Real * c.Imaginary + a.Imaginary * c.Real),
                _ => Fail,
            };
        }
        switch (op)
        {
            case Add:
                if (x is string s1 && y is string s2) return s1 + s2;
                if (x is byte[] b1 && y is byte[] b2) { var r = new byte[b1.Length + b2.Length]; b1.CopyTo(r, 0); b2.CopyTo(r, b1.Length); return r; }
                if (x is ConstTuple t1 && y is ConstTuple t2)
                {
                    var r = new object?[t1.Items.Length + t2.Items.Length];
                    t1.Items.CopyTo(r, 0); t2.Items.CopyTo(r, t1.Items.Length);
                    return new ConstTuple(r);
                }
                return Fail;
            case Mult:
                if (IsInt(x) && !IsInt(y)) (x, y) = (y, x);
                if (!IsInt(y)) return Fail;
                var n = AsInt(y);
                switch (x)
                {
                    case string s:
                        if (s.Length > 0 && (n < 0 || n > MaxStrSize / s.Length)) return n < 0 ? "" : Fail;
                        return Repeat(s, n);
                    case byte[] bs:
                        if (bs.Length > 0 && (n < 0 || n > MaxStrSize / bs.Length)) return n < 0 ? Array.Empty<byte>() : Fail;
                        var outb = new byte[bs.Length * (int)BigInteger.Max(n, 0)];
                        for (int i = 0; i < (int)BigInteger.Max(n, 0); i++) bs.CopyTo(outb, i * bs.Length);
                        return outb;
                    case ConstTuple t:
                        if (t.Items.Length > 0 && (n < 0 || n > MaxCollectionSize / t.Items.Length)) return n < 0 ? new ConstTuple(Array.Empty<object?>()) : Fail;
                        var items = new List<object?>();
                        for (int i = 0; i < (int)BigInteger.Max(n, 0); i++) items.AddRange(t.Items);
                        if (items.Count > MaxTotalItems) return Fail;
                        return new ConstTuple(items.ToArray());
                }
                return Fail;
        }
        return Fail;
    }

    static string Repeat(string s, BigInteger n)
    {
        if (n <= 0 || s.Length == 0) return "";
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < (int)n; i++) sb.Append(s);
        return sb.ToString();
    }

    static object? IntBinary(OperatorNode op, BigInteger a, BigInteger b)
    {
        switch (op)
        {
            case Add: return a + b;
            case Sub: return a - b;
            case Mult:
                if (!a.IsZero && !b.IsZero && Bits(a) + Bits(b) > MaxIntBits) return Fail;
                return a * b;
            case Div:
                if (b.IsZero) return Fail;
                if (BigInteger.Abs(a) > (BigInteger.One << 53) || BigInteger.Abs(b) > (BigInteger.One << 53)) return Fail;
                return (double)a / (double)b;
            case FloorDiv:
                if (b.IsZero) return Fail;
                return FloorDivInt(a, b);
            case Mod:
                if (b.IsZero) return Fail;
                return a - b * FloorDivInt(a, b);
            case Pow:
                if (b.Sign < 0)
                {
                    if (a.IsZero) return Fail;
                    double r = Math.Pow(ToDouble(a), ToDouble(b));
                    return double.IsFinite(r) ? r : Fail;
                }
                if (!a.IsZero && !b.IsZero && Bits(a) > MaxIntBits / (double)b) return Fail;
                if (b > 100000) return a.IsOne ? BigInteger.One : a.IsZero ? BigInteger.Zero : Fail;
                return BigInteger.Pow(a, (int)b);
            case LShift:
                if (b.Sign < 0) return Fail;
                if (a.IsZero) return BigInteger.Zero;
                if (b > MaxIntBits || Bits(a) > MaxIntBits - (int)b) return Fail;
                return a << (int)b;
            case RShift:
                if (b.Sign < 0) return Fail;
                if (b > int.MaxValue) return a.Sign < 0 ? BigInteger.MinusOne : BigInteger.Zero;
                return a >> (int)b;
            case BitAnd: return a & b;
            case BitOr: return a | b;
            case BitXor: return a ^ b;
        }
        return Fail;
    }

    static BigInteger FloorDivInt(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var rem);
        if (!rem.IsZero && (rem.Sign < 0) != (b.Sign < 0)) q -= 1;
        return q;
    }

    static object? FloatBinary(OperatorNode op, double a, double b)
    {
        switch (op)
        {
            case Add: return a + b;
            case Sub: return a - b;
            case Mult: return a * b;
            case Div:
            {
                if (b == 0) return Fail;
                double r = a / b;
                return double.IsFinite(r) || !double.IsFinite(a) ? r : Fail;
            }
            case FloorDiv: case Mod:
            {
                if (b == 0 || !double.IsFinite(a) || !double.IsFinite(b)) return Fail;
                double mod = a % b;
                double div = (a - mod) / b;
                if (mod != 0) { if ((b < 0) != (mod < 0)) { mod += b; div -= 1.0; } }
                else mod = Math.CopySign(0.0, b);
                if (op is Mod) return mod;
                double floordiv;
                if (div != 0) { floordiv = Math.Floor(div); if (div - floordiv > 0.5) floordiv += 1.0; }
                else floordiv = Math.CopySign(0.0, a / b);
                return floordiv;
            }
            case Pow:
            {
                if (!double.IsFinite(a) || !double.IsFinite(b)) return Fail;
                if (a < 0 && b != Math.Floor(b)) return Fail;   // Python gives a complex here
                if (a == 0 && b < 0) return Fail;
                double r = Math.Pow(a, b);
                return double.IsFinite(r) ? r : Fail;
            }
        }
        return Fail;
    }

    // ---- collections ----------------------------------------------------------------------

    static ExprNode FoldTuple(Tuple t)
    {
        if (t.ctx is not Load) return t;
        var items = new object?[t.elts.Count];
        for (int i = 0; i < items.Length; i++)
        {
            if (t.elts[i] is not Constant c) return t;
            items[i] = Norm(c.value);
        }
        return MakeConst(t, new ConstTuple(items));
    }

    static ExprNode FoldSubscript(Subscript s)
    {
        if (s.ctx is not Load || s.value is not Constant v || s.slice is not Constant k) return s;
        var key = Norm(k.value);
        if (!IsInt(key)) return s;
        var index = AsInt(key);
        int len;
        switch (v.value)
        {
            case string str:
            {
                // Python indexes code points; surrogate pairs make that differ from UTF-16 indexing.
                var runes = new List<string>();
                foreach (var r in str.EnumerateRunes()) runes.Add(r.ToString());
                len = runes.Count;
                if (index < 0) index += len;
                if (index < 0 || index >= len) return s;
                return MakeConst(s, runes[(int)index]);
            }
            case byte[] bytes:
                len = bytes.Length;
                if (index < 0) index += len;
                if (index < 0 || index >= len) return s;
                return MakeConst(s, new BigInteger(bytes[(int)index]));
            case ConstTuple tuple:
                len = tuple.Items.Length;
                if (index < 0) index += len;
                if (index < 0 || index >= len) return s;
                return MakeConst(s, tuple.Items[(int)index]);
        }
        return s;
    }

    static void FoldCompare(Compare c)
    {
        int last = c.ops.Count - 1;
        if (last < 0 || c.ops[last] is not (In or NotIn)) return;
        c.comparators[last] = FoldIter(c.comparators[last]);
    }

    /// <summary>A list to iterate becomes a tuple, a set of constants a frozenset.</summary>
    static ExprNode FoldIter(ExprNode e)
    {
        if (e is List { ctx: Load } l)
        {
            var t = new Tuple { elts = l.elts, ctx = l.ctx };
            t.SetPosition(l.lineno, l.col_offset, l.end_lineno, l.end_col_offset);
            return FoldTuple(t);
        }
        if (e is Set s)
        {
            var items = new object?[s.elts.Count];
            for (int i = 0; i < items.Length; i++)
            {
                if (s.elts[i] is not Constant c) return e;
                items[i] = Norm(c.value);
            }
            return MakeConst(s, new ConstFrozenSet(items));
        }
        return e;
    }

    /// <summary>Truth value of a compile-time constant.</summary>
    public static bool IsTrue(object? v) => v switch
    {
        null => false,
        bool b => b,
        BigInteger i => !i.IsZero,
        int i => i != 0,
        long l => l != 0,
        double d => d != 0.0,
        Complex c => c != Complex.Zero,
        string s => s.Length > 0,
        byte[] b => b.Length > 0,
        ConstTuple t => t.Items.Length > 0,
        ConstFrozenSet f => f.Items.Length > 0,
        _ => true,
    };
}
