#nullable enable
using System;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Objects;

/// <summary>`complex`: a pair of doubles, with CPython 3.11's arithmetic (Smith's division,
/// repeated squaring for small integral powers) so results and errors match bit for bit.</summary>
[PyType("complex")]
public class PyComplex : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("complex", typeof(PyComplex));
    public readonly double Real, Imag;

    // The compiler's constant table holds System.Numerics.Complex; this makes them PyComplex.
    static readonly bool s_hooked = InstallConstantHook();
    static bool InstallConstantHook() { ConstantHooks.Complex = z => new PyComplex(z.Real, z.Imaginary); return true; }

    public PyComplex(double real, double imag) : base(TypeObject) { Real = real; Imag = imag; }
    protected PyComplex(PyType t, double real, double imag) : base(t) { Real = real; Imag = imag; }

    /// <summary>Makes sure the constant hook is installed (touching any static does it).</summary>
    public static void EnsureInitialized() => _ = s_hooked;

    static PyObject Make(PyType cls, double re, double im) =>
        cls == TypeObject ? new PyComplex(re, im) : new PyComplexSubclass(cls, re, im);

    /// <summary>int, float and complex operands as a complex; false for other types.</summary>
    static bool Coerce(PyObject o, out double re, out double im)
    {
        im = 0;
        switch (o)
        {
            case PyComplex c: re = c.Real; im = c.Imag; return true;
            case PyFloat f: re = f.Value; return true;
            case PyInt i: re = i.ToDouble(); return true;
            default: re = 0; return false;
        }
    }

    // ---------------- construction ----------------

    static readonly Signature s_newSignature = new("complex", new[] { "real", "imag" }, 0, 2, 0, false, false);

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int given = args.Length;
        if (given > 2) throw PyExc.TypeError($"complex() takes at most 2 arguments ({given} given)");
        var bound = new PyObject?[2];
        s_newSignature.Bind(ts, args, kwnames, bound, null, null, new[] { true, true });
        PyObject? r = bound[0], i = bound[1];
        if (r == null) r = PyInt.From(0);
        if (r is PyStr s)
        {
            if (i != null) throw PyExc.TypeError("complex() can't take second arg if first is a string");
            var (pre, pim) = PyFloat.Call(() => NumberParsing.ParseComplex(s.Value));
            return Make(cls, pre, pim);
        }
        if (i is PyStr) throw PyExc.TypeError("complex() second arg can't be a string");

        // The first argument: __complex__ first, then a real number.
        double rr, ri = 0;
        bool rIsComplex = false;
        if (r.Type == TypeObject && i == null) return cls == TypeObject ? r : Make(cls, ((PyComplex)r).Real, ((PyComplex)r).Imag);
        var cm = r.Type.Lookup("__complex__");
        if (cm != null)
        {
            var res = SlotDefs.CallBoundKw(ts, cm, r, ReadOnlySpan<PyObject>.Empty, null);
            if (res is not PyComplex rc)
                throw PyExc.TypeError($"__complex__ returned non-complex (type {res.Type.Name})");
            rr = rc.Real; ri = rc.Imag; rIsComplex = true;
        }
        else if (r is PyComplex rc0) { rr = rc0.Real; ri = rc0.Imag; rIsComplex = true; }
        else if (r is PyFloat || r is PyInt || r.Type.Float != null || r.Type.Index != null) rr = Ops.ToDouble(ts, r);
        else throw PyExc.TypeError($"complex() first argument must be a string or a number, not '{r.Type.Name}'");

        double ir = 0, ii = 0;
        if (i != null)
        {
            if (i is PyComplex ic) { ir = ic.Real; ii = ic.Imag; }
            else if (i is PyFloat || i is PyInt || i.Type.Float != null || i.Type.Index != null) ir = Ops.ToDouble(ts, i);
            else throw PyExc.TypeError($"complex() second argument must be a number, not '{i.Type.Name}'");
        }
        // real + imag*1j, done part by part as CPython does (so -0.0 survives).
        double re = rr, im = ri;
        if (i != null)
        {
            if (i is PyComplex) re = rr - ii;
            im = rIsComplex ? ir + ri : ir;
        }
        return Make(cls, re, im);
    }

    // ---------------- text ----------------

    public static string ReprOf(double re, double im) => FormatSpec.FormatComplex(re, im, "");

    [PySlot("__repr__")] static PyObject Repr(ThreadState ts, PyObject self) { var c = (PyComplex)self; return new PyStr(ReprOf(c.Real, c.Imag)); }

    [PyMethod]
    static PyObject __format__(ThreadState ts, PyComplex self, PyObject spec) =>
        new PyStr(PyFloat.Call(() => FormatSpec.FormatComplex(self.Real, self.Imag, PyFloat.SpecText(spec))));

    // ---------------- protocols ----------------

    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self)
    {
        var c = (PyComplex)self;
        return FloatMath.HashComplex(PyFloat.HashOf(self, c.Real), PyFloat.HashOf(self, c.Imag));
    }

    [PySlot("__bool__")] static bool Bool(ThreadState ts, PyObject self) { var c = (PyComplex)self; return c.Real != 0 || c.Imag != 0; }
    [PySlot("__neg__")] static PyObject Neg(ThreadState ts, PyObject self) { var c = (PyComplex)self; return new PyComplex(-c.Real, -c.Imag); }
    [PySlot("__pos__")] static PyObject Pos(ThreadState ts, PyObject self) { var c = (PyComplex)self; return self.Type == TypeObject ? self : new PyComplex(c.Real, c.Imag); }

    [PySlot("__abs__")]
    static PyObject AbsSlot(ThreadState ts, PyObject self) => new PyFloat(Abs((PyComplex)self));

    static double Abs(PyComplex c)
    {
        if (!double.IsFinite(c.Real) || !double.IsFinite(c.Imag))
        {
            if (double.IsInfinity(c.Real) || double.IsInfinity(c.Imag)) return double.PositiveInfinity;
            return double.NaN;
        }
        double r = double.Hypot(c.Real, c.Imag);
        if (double.IsInfinity(r)) throw PyExc.OverflowError("absolute value too large");
        return r;
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (op != CompareOp.Eq && op != CompareOp.Ne) return PyNotImplemented.Value;
        var self = a as PyComplex ?? (PyComplex)b;
        var other = ReferenceEquals(self, a) ? b : a;
        bool eq;
        switch (other)
        {
            case PyComplex o: eq = self.Real == o.Real && self.Imag == o.Imag; break;
            case PyFloat f: eq = self.Imag == 0 && self.Real == f.Value; break;
            case PyInt i:
                // Exact: a complex with zero imaginary part equals an int as a float would.
                eq = self.Imag == 0 && PyFloat.CompareIntFloat(i, self.Real, CompareOp.Eq) == PyBool.True;
                break;
            default: return PyNotImplemented.Value;
        }
        return PyBool.From(op == CompareOp.Eq ? eq : !eq);
    }

    [PySlot("__add__", "__radd__")]
    static PyObject Add(ThreadState ts, PyObject a, PyObject b) =>
        Coerce(a, out var ar, out var ai) && Coerce(b, out var br, out var bi) ? new PyComplex(ar + br, ai + bi) : PyNotImplemented.Value;

    [PySlot("__sub__", "__rsub__")]
    static PyObject Sub(ThreadState ts, PyObject a, PyObject b) =>
        Coerce(a, out var ar, out var ai) && Coerce(b, out var br, out var bi) ? new PyComplex(ar - br, ai - bi) : PyNotImplemented.Value;

    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Coerce(a, out var ar, out var ai) || !Coerce(b, out var br, out var bi)) return PyNotImplemented.Value;
        var (r, i) = Product(ar, ai, br, bi);
        return new PyComplex(r, i);
    }

    static (double, double) Product(double ar, double ai, double br, double bi) => (ar * br - ai * bi, ar * bi + ai * br);

    /// <summary>a / b by Smith's method; null when b is zero.</summary>
    static (double, double)? Quotient(double ar, double ai, double br, double bi)
    {
        double absBr = Math.Abs(br), absBi = Math.Abs(bi);
        if (absBr >= absBi)
        {
            if (absBr == 0) return null;
            double ratio = bi / br, denom = br + bi * ratio;
            return ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
        }
        if (absBi >= absBr)
        {
            double ratio = br / bi, denom = br * ratio + bi;
            return ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
        }
        return (double.NaN, double.NaN);   // a NaN in b
    }

    [PySlot("__truediv__", "__rtruediv__")]
    static PyObject Div(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Coerce(a, out var ar, out var ai) || !Coerce(b, out var br, out var bi)) return PyNotImplemented.Value;
        var q = Quotient(ar, ai, br, bi) ?? throw PyExc.ZeroDivisionError("complex division by zero");
        return new PyComplex(q.Item1, q.Item2);
    }

    [PySlot("__pow__", "__rpow__")]
    static PyObject PowSlot(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Coerce(a, out var ar, out var ai) || !Coerce(b, out var br, out var bi)) return PyNotImplemented.Value;
        var (r, i) = Power(ar, ai, br, bi);
        return new PyComplex(r, i);
    }

    /// <summary>a ** b: repeated squaring for integral exponents up to 100 in size, polar form
    /// otherwise; CPython's ZeroDivisionError and OverflowError.</summary>
    public static (double, double) Power(double ar, double ai, double br, double bi)
    {
        double rr, ri;
        if (bi == 0 && br == Math.Floor(br) && Math.Abs(br) <= 100)
        {
            long n = (long)br;
            if (n >= 0) (rr, ri) = PowUnsigned(ar, ai, n);
            else
            {
                var (pr, pi) = PowUnsigned(ar, ai, -n);
                var q = Quotient(1, 0, pr, pi) ?? throw PyExc.ZeroDivisionError("0.0 to a negative or complex power");
                (rr, ri) = q;
            }
        }
        else if (br == 0 && bi == 0) (rr, ri) = (1, 0);
        else if (ar == 0 && ai == 0)
        {
            if (bi != 0 || br < 0) throw PyExc.ZeroDivisionError("0.0 to a negative or complex power");
            (rr, ri) = (0, 0);
        }
        else
        {
            double vabs = double.Hypot(ar, ai), len = Math.Pow(vabs, br), at = Math.Atan2(ai, ar), phase = at * br;
            if (bi != 0) { len /= Math.Exp(at * bi); phase += bi * Math.Log(vabs); }
            // C's cos/sin of an infinite angle set errno to EDOM, which CPython reports so.
            if (double.IsInfinity(phase)) throw PyExc.ZeroDivisionError("0.0 to a negative or complex power");
            (rr, ri) = (len * Math.Cos(phase), len * Math.Sin(phase));
        }
        // CPython turns any infinite part of the result into ERANGE.
        if (double.IsInfinity(rr) || double.IsInfinity(ri)) throw PyExc.OverflowError("complex exponentiation");
        return (rr, ri);
    }

    static (double, double) PowUnsigned(double xr, double xi, long n)
    {
        double rr = 1, ri = 0, pr = xr, pi = xi;
        for (long mask = 1; mask > 0 && n >= mask; mask <<= 1)
        {
            if ((n & mask) != 0) (rr, ri) = Product(rr, ri, pr, pi);
            (pr, pi) = Product(pr, pi, pr, pi);
        }
        return (rr, ri);
    }

    [PyMethod] static PyObject conjugate(ThreadState ts, PyComplex self) => new PyComplex(self.Real, -self.Imag);
    [PyMethod] static PyObject __complex__(ThreadState ts, PyComplex self) => self.Type == TypeObject ? self : new PyComplex(self.Real, self.Imag);
    [PyMethod] static PyObject __getnewargs__(ThreadState ts, PyComplex self) => new PyTuple(new PyObject[] { new PyFloat(self.Real), new PyFloat(self.Imag) });
    [PyGetter("real")] static PyObject GetReal(ThreadState ts, PyObject self) => new PyFloat(((PyComplex)self).Real);
    [PyGetter("imag")] static PyObject GetImag(ThreadState ts, PyObject self) => new PyFloat(((PyComplex)self).Imag);
}
