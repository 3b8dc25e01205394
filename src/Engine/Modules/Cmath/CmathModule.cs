#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Cmath;

/// <summary>The `cmath` module with CPython 3.11's behaviour: Kahan's branch cuts (the sign of
/// a zero part picks the side of a cut), C99 Annex G values for infinite and NaN parts
/// (CmathSpecialValues), ValueError "math domain error" and OverflowError "math range error".
/// The real functions come from the C library, as in CPython, so results agree to the bit.</summary>
public static class CmathModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("cmath", "This module provides access to mathematical functions for complex\nnumbers.");
        NativeMembers.FillModule(m, typeof(CmathModule));
        m.Set("pi", new PyFloat(Math.PI));
        m.Set("e", new PyFloat(Math.E));
        m.Set("tau", new PyFloat(Math.Tau));
        m.Set("inf", new PyFloat(double.PositiveInfinity));
        m.Set("infj", new PyComplex(0.0, double.PositiveInfinity));
        m.Set("nan", new PyFloat(double.NaN));
        m.Set("nanj", new PyComplex(0.0, double.NaN));
        return m;
    }

    public static void Register() => Importer.NativeModules["cmath"] = Create;

    /// <summary>What C's errno says after a complex function (CPython's functions set it, then
    /// the wrapper turns it into an exception).</summary>
    enum Err { None, Domain, Range }

    // Beyond these magnitudes the direct formulas overflow, below them they underflow.
    const double LargeDouble = double.MaxValue / 4;
    static readonly double SqrtLargeDouble = Math.Sqrt(LargeDouble);
    static readonly double LogLargeDouble = Math.Log(LargeDouble);
    static readonly double SqrtDblMin = Math.Sqrt(2.2250738585072014e-308);
    const double DblMin = 2.2250738585072014e-308;
    const double Ln2 = 0.6931471805599453094, Ln10 = 2.302585092994045684;

    /// <summary>glibc's libm: CPython calls it, so calling it too gives the same last bits
    /// (.NET's own hypot differs in the last place for some inputs).</summary>
    static class C
    {
        const string Lib = "libm.so.6";
        [DllImport(Lib), SuppressGCTransition] public static extern double hypot(double x, double y);
        [DllImport(Lib), SuppressGCTransition] public static extern double atan2(double y, double x);
        [DllImport(Lib), SuppressGCTransition] public static extern double log(double x);
        [DllImport(Lib), SuppressGCTransition] public static extern double log1p(double x);
        [DllImport(Lib), SuppressGCTransition] public static extern double asinh(double x);
        [DllImport(Lib), SuppressGCTransition] public static extern double exp(double x);
        [DllImport(Lib), SuppressGCTransition] public static extern double cos(double x);
        [DllImport(Lib), SuppressGCTransition] public static extern double sin(double x);
        [DllImport(Lib), SuppressGCTransition] public static extern double tan(double x);
        [DllImport(Lib), SuppressGCTransition] public static extern double cosh(double x);
        [DllImport(Lib), SuppressGCTransition] public static extern double sinh(double x);
        [DllImport(Lib), SuppressGCTransition] public static extern double tanh(double x);
    }

    // ---------------- arguments and results ----------------

    /// <summary>An argument as a C complex: complex itself, else __complex__ (which must give a
    /// complex), else a real number through __float__ or __index__.</summary>
    static (double Re, double Im) Arg(ThreadState ts, PyObject o)
    {
        if (o is PyComplex c) return (c.Real, c.Imag);
        var method = o.Type.Lookup("__complex__");
        if (method != null)
        {
            var r = Ops.Call(ts, Ops.GetAttr(ts, o, "__complex__"));
            if (r is not PyComplex rc) throw PyExc.TypeError($"__complex__ returned non-complex (type {r.Type.Name})");
            return (rc.Real, rc.Imag);
        }
        return (Ops.ToDouble(ts, o), 0.0);
    }

    static PyObject Result((double Re, double Im) z, Err err) => err switch
    {
        Err.Domain => throw PyExc.ValueError("math domain error"),
        Err.Range => throw PyExc.OverflowError("math range error"),
        _ => new PyComplex(z.Re, z.Im),
    };

    /// <summary>C99's classes of a part, the index of the special-value tables.</summary>
    static int Classify(double x)
    {
        if (double.IsNaN(x)) return 6;
        if (double.IsInfinity(x)) return x > 0 ? 5 : 0;
        if (x == 0) return double.IsNegative(x) ? 2 : 3;
        return x > 0 ? 4 : 1;
    }

    /// <summary>The table's value for a non-finite argument, with errno as CPython leaves it.</summary>
    static (double, double) Special(SpecialValue[,] table, double re, double im, ref Err err)
    {
        var cell = table[Classify(re), Classify(im)];
        if (cell.Kind == 1) { err = Err.Domain; return (double.NaN, double.NaN); }
        err = Err.None;
        return (cell.Real, cell.Imag);
    }

    static bool Finite(double re, double im) => double.IsFinite(re) && double.IsFinite(im);

    // ---------------- the complex functions (errno as an out value) ----------------

    static (double, double) Sqrt(double re, double im, ref Err err)
    {
        if (!Finite(re, im)) return Special(CmathSpecialValues.Sqrt, re, im, ref err);
        err = Err.None;
        if (re == 0 && im == 0) return (0.0, im);
        double ax = Math.Abs(re), ay = Math.Abs(im), s;
        if (ax < DblMin && ay < DblMin)
        {
            // Subnormal parts: scale up by 2**53 so hypot keeps its precision, then
            // sqrt(2**53 (ax + h)) = 2**27 sqrt((ax + h) / 2).
            ax = Math.ScaleB(ax, 53);
            s = Math.ScaleB(Math.Sqrt(ax + C.hypot(ax, Math.ScaleB(ay, 53))), -27);
        }
        else
        {
            ax /= 8;
            s = 2 * Math.Sqrt(ax + C.hypot(ax, ay / 8));
        }
        double d = ay / (2 * s);
        return re >= 0 ? (s, Math.CopySign(d, im)) : (d, Math.CopySign(s, im));
    }

    static (double, double) Exp(double re, double im, ref Err err)
    {
        if (!Finite(re, im))
        {
            (double, double) r;
            if (double.IsInfinity(re) && double.IsFinite(im) && im != 0)
                r = re > 0 ? (Math.CopySign(double.PositiveInfinity, C.cos(im)), Math.CopySign(double.PositiveInfinity, C.sin(im)))
                           : (Math.CopySign(0.0, C.cos(im)), Math.CopySign(0.0, C.sin(im)));
            else return Special(CmathSpecialValues.Exp, re, im, ref err);
            err = Err.None;
            return r;
        }
        double l, xr, xi;
        if (re > LogLargeDouble)
        {
            // exp(re) alone would overflow where l*cos(im) might not.
            l = C.exp(re - 1);
            xr = l * C.cos(im) * Math.E; xi = l * C.sin(im) * Math.E;
        }
        else
        {
            l = C.exp(re);
            xr = l * C.cos(im); xi = l * C.sin(im);
        }
        err = double.IsInfinity(xr) || double.IsInfinity(xi) ? Err.Range : Err.None;
        return (xr, xi);
    }

    static (double, double) Log(double re, double im, ref Err err)
    {
        if (!Finite(re, im)) return Special(CmathSpecialValues.Log, re, im, ref err);
        double ax = Math.Abs(re), ay = Math.Abs(im), real;
        err = Err.None;
        if (ax > LargeDouble || ay > LargeDouble)
            real = C.log(C.hypot(ax / 2, ay / 2)) + Ln2;
        else if (ax < DblMin && ay < DblMin)
        {
            if (ax > 0 || ay > 0)
                real = C.log(C.hypot(Math.ScaleB(ax, 53), Math.ScaleB(ay, 53))) - 53 * Ln2;
            else { real = double.NegativeInfinity; err = Err.Domain; }
        }
        else
        {
            double h = C.hypot(ax, ay);
            if (0.71 <= h && h <= 1.73)
            {
                // Near the unit circle log(h) loses its digits; log1p of h*h-1 keeps them.
                double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
                real = C.log1p((am - 1) * (am + 1) + an * an) / 2;
            }
            else real = C.log(h);
        }
        return (real, C.atan2(im, re));
    }

    static (double, double) Acos(double re, double im, ref Err err)
    {
        if (!Finite(re, im)) return Special(CmathSpecialValues.Acos, re, im, ref err);
        err = Err.None;
        if (Math.Abs(re) > LargeDouble || Math.Abs(im) > LargeDouble)
        {
            double real = C.atan2(Math.Abs(im), re);
            double l = C.log(C.hypot(re / 2, im / 2)) + Ln2 * 2;
            return (real, re < 0 ? -Math.CopySign(l, im) : Math.CopySign(l, -im));
        }
        var s1 = Sqrt(1 - re, -im, ref err);
        var s2 = Sqrt(1 + re, im, ref err);
        err = Err.None;
        return (2 * C.atan2(s1.Item1, s2.Item1), C.asinh(s2.Item1 * s1.Item2 - s2.Item2 * s1.Item1));
    }

    static (double, double) Acosh(double re, double im, ref Err err)
    {
        if (!Finite(re, im)) return Special(CmathSpecialValues.Acosh, re, im, ref err);
        err = Err.None;
        if (Math.Abs(re) > LargeDouble || Math.Abs(im) > LargeDouble)
            return (C.log(C.hypot(re / 2, im / 2)) + Ln2 * 2, C.atan2(im, re));
        var s1 = Sqrt(re - 1, im, ref err);
        var s2 = Sqrt(re + 1, im, ref err);
        err = Err.None;
        return (C.asinh(s1.Item1 * s2.Item1 + s1.Item2 * s2.Item2), 2 * C.atan2(s1.Item2, s2.Item1));
    }

    static (double, double) Asinh(double re, double im, ref Err err)
    {
        if (!Finite(re, im)) return Special(CmathSpecialValues.Asinh, re, im, ref err);
        err = Err.None;
        if (Math.Abs(re) > LargeDouble || Math.Abs(im) > LargeDouble)
        {
            double l = C.log(C.hypot(re / 2, im / 2)) + Ln2 * 2;
            return (im >= 0 ? Math.CopySign(l, re) : -Math.CopySign(l, -re), C.atan2(im, Math.Abs(re)));
        }
        var s1 = Sqrt(1 + im, -re, ref err);
        var s2 = Sqrt(1 - im, re, ref err);
        err = Err.None;
        return (C.asinh(s1.Item1 * s2.Item2 - s2.Item1 * s1.Item2), C.atan2(im, s1.Item1 * s2.Item1 - s1.Item2 * s2.Item2));
    }

    static (double, double) Atanh(double re, double im, ref Err err)
    {
        if (!Finite(re, im)) return Special(CmathSpecialValues.Atanh, re, im, ref err);
        // atanh is odd: work in the right half-plane so the formulas below need one sign.
        if (re < 0)
        {
            var (nr, ni) = Atanh(-re, -im, ref err);
            return (-nr, -ni);
        }
        double ay = Math.Abs(im);
        err = Err.None;
        if (re > SqrtLargeDouble || ay > SqrtLargeDouble)
        {
            double h = C.hypot(re / 2, im / 2);
            return (re / 4 / h / h, -Math.CopySign(Math.PI / 2, -im));
        }
        if (re == 1 && ay < SqrtDblMin)
        {
            if (ay == 0) { err = Err.Domain; return (double.PositiveInfinity, im); }
            return (-C.log(Math.Sqrt(ay) / Math.Sqrt(C.hypot(ay, 2))), Math.CopySign(C.atan2(2, -ay) / 2, im));
        }
        double oneMinus = 1 - re;
        return (C.log1p(4 * re / (oneMinus * oneMinus + ay * ay)) / 4, -C.atan2(-2 * im, oneMinus * (1 + re) - ay * ay) / 2);
    }

    static (double, double) Cosh(double re, double im, ref Err err)
    {
        if (!Finite(re, im))
        {
            if (double.IsInfinity(re) && double.IsFinite(im) && im != 0)
            {
                err = Err.None;
                double cr = Math.CopySign(double.PositiveInfinity, C.cos(im)), ci = Math.CopySign(double.PositiveInfinity, C.sin(im));
                return re > 0 ? (cr, ci) : (cr, -ci);
            }
            return Special(CmathSpecialValues.Cosh, re, im, ref err);
        }
        double xr, xi;
        if (Math.Abs(re) > LogLargeDouble)
        {
            double m1 = re - Math.CopySign(1.0, re);
            xr = C.cos(im) * C.cosh(m1) * Math.E; xi = C.sin(im) * C.sinh(m1) * Math.E;
        }
        else { xr = C.cos(im) * C.cosh(re); xi = C.sin(im) * C.sinh(re); }
        err = double.IsInfinity(xr) || double.IsInfinity(xi) ? Err.Range : Err.None;
        return (xr, xi);
    }

    static (double, double) Sinh(double re, double im, ref Err err)
    {
        if (!Finite(re, im))
        {
            if (double.IsInfinity(re) && double.IsFinite(im) && im != 0)
            {
                err = Err.None;
                double cr = Math.CopySign(double.PositiveInfinity, C.cos(im)), ci = Math.CopySign(double.PositiveInfinity, C.sin(im));
                return re > 0 ? (cr, ci) : (-cr, ci);
            }
            return Special(CmathSpecialValues.Sinh, re, im, ref err);
        }
        double xr, xi;
        if (Math.Abs(re) > LogLargeDouble)
        {
            double m1 = re - Math.CopySign(1.0, re);
            xr = C.cos(im) * C.sinh(m1) * Math.E; xi = C.sin(im) * C.cosh(m1) * Math.E;
        }
        else { xr = C.cos(im) * C.sinh(re); xi = C.sin(im) * C.cosh(re); }
        err = double.IsInfinity(xr) || double.IsInfinity(xi) ? Err.Range : Err.None;
        return (xr, xi);
    }

    static (double, double) Tanh(double re, double im, ref Err err)
    {
        if (!Finite(re, im))
        {
            if (double.IsInfinity(re) && double.IsFinite(im) && im != 0)
            {
                err = Err.None;
                return (re > 0 ? 1.0 : -1.0, Math.CopySign(0.0, 2 * C.sin(im) * C.cos(im)));
            }
            return Special(CmathSpecialValues.Tanh, re, im, ref err);
        }
        err = Err.None;
        if (Math.Abs(re) > LogLargeDouble)
            return (Math.CopySign(1.0, re), 4 * C.sin(im) * C.cos(im) * C.exp(-2 * Math.Abs(re)));
        // tanh(x+iy) = (tanh x (1 + tan^2 y) + i tan y sech^2 x) / (1 + tanh^2 x tan^2 y)
        double tx = C.tanh(re), ty = C.tan(im), cx = 1 / C.cosh(re), txty = tx * ty;
        double denom = 1 + txty * txty;
        return (tx * (1 + ty * ty) / denom, ty / denom * cx * cx);
    }

    /// <summary>a / b as complex division does it, errno EDOM for a zero divisor.</summary>
    static (double, double) Quotient((double Re, double Im) a, (double Re, double Im) b, ref Err err)
    {
        double absRe = Math.Abs(b.Re), absIm = Math.Abs(b.Im);
        if (absRe >= absIm)
        {
            if (absRe == 0) { err = Err.Domain; return (0.0, 0.0); }
            double ratio = b.Im / b.Re, denom = b.Re + b.Im * ratio;
            return ((a.Re + a.Im * ratio) / denom, (a.Im - a.Re * ratio) / denom);
        }
        if (absIm >= absRe)
        {
            double ratio = b.Re / b.Im, denom = b.Re * ratio + b.Im;
            return ((a.Re * ratio + a.Im) / denom, (a.Im * ratio - a.Re) / denom);
        }
        return (double.NaN, double.NaN);   // a NaN in b
    }

    /// <summary>phase: atan2 with the C99 conventions for infinities and NaNs.</summary>
    static double Phase(double re, double im, ref Err err)
    {
        if (double.IsNaN(re) || double.IsNaN(im)) return double.NaN;
        if (double.IsInfinity(im))
        {
            if (double.IsInfinity(re))
                return Math.CopySign(double.IsNegative(re) ? 0.75 * Math.PI : 0.25 * Math.PI, im);
            return Math.CopySign(Math.PI / 2, im);
        }
        if (double.IsInfinity(re) || im == 0)
            return Math.CopySign(double.IsNegative(re) ? Math.PI : 0.0, im);
        double r = C.atan2(im, re);
        // glibc's atan2 reports an underflow to zero as ERANGE, which CPython's phase passes on.
        if (r == 0) err = Err.Range;
        return r;
    }

    /// <summary>abs(z) (errno ERANGE when finite parts give an infinite modulus).</summary>
    static double Abs(double re, double im, ref Err err)
    {
        err = Err.None;
        if (!Finite(re, im))
            return double.IsInfinity(re) || double.IsInfinity(im) ? double.PositiveInfinity : double.NaN;
        double r = C.hypot(re, im);
        if (double.IsInfinity(r)) err = Err.Range;
        return r;
    }

    // ---------------- the module's functions ----------------

    delegate (double, double) ComplexFunction(double re, double im, ref Err err);

    static PyObject Apply(ThreadState ts, PyObject z, ComplexFunction f)
    {
        var (re, im) = Arg(ts, z);
        var err = Err.None;
        var r = f(re, im, ref err);
        return Result(r, err);
    }

    [PyMethod] static PyObject sqrt(ThreadState ts, PyObject z) => Apply(ts, z, Sqrt);
    [PyMethod] static PyObject exp(ThreadState ts, PyObject z) => Apply(ts, z, Exp);
    [PyMethod] static PyObject acos(ThreadState ts, PyObject z) => Apply(ts, z, Acos);
    [PyMethod] static PyObject acosh(ThreadState ts, PyObject z) => Apply(ts, z, Acosh);
    [PyMethod] static PyObject asinh(ThreadState ts, PyObject z) => Apply(ts, z, Asinh);
    [PyMethod] static PyObject atanh(ThreadState ts, PyObject z) => Apply(ts, z, Atanh);
    [PyMethod] static PyObject cosh(ThreadState ts, PyObject z) => Apply(ts, z, Cosh);
    [PyMethod] static PyObject sinh(ThreadState ts, PyObject z) => Apply(ts, z, Sinh);
    [PyMethod] static PyObject tanh(ThreadState ts, PyObject z) => Apply(ts, z, Tanh);

    // The circular functions through the hyperbolic ones: f(z) = -i g(iz) (cos(z) = cosh(iz)).
    static (double, double) TimesMinusI((double Re, double Im) w) => (w.Im, -w.Re);
    [PyMethod] static PyObject cos(ThreadState ts, PyObject z) => Apply(ts, z, (double re, double im, ref Err e) => Cosh(-im, re, ref e));
    [PyMethod] static PyObject sin(ThreadState ts, PyObject z) => Apply(ts, z, (double re, double im, ref Err e) => TimesMinusI(Sinh(-im, re, ref e)));
    [PyMethod] static PyObject tan(ThreadState ts, PyObject z) => Apply(ts, z, (double re, double im, ref Err e) => TimesMinusI(Tanh(-im, re, ref e)));
    [PyMethod] static PyObject asin(ThreadState ts, PyObject z) => Apply(ts, z, (double re, double im, ref Err e) => TimesMinusI(Asinh(-im, re, ref e)));
    [PyMethod] static PyObject atan(ThreadState ts, PyObject z) => Apply(ts, z, (double re, double im, ref Err e) => TimesMinusI(Atanh(-im, re, ref e)));

    [PyMethod]
    static PyObject log(ThreadState ts, PyObject z, PyObject? @base = null)
    {
        var (re, im) = Arg(ts, z);
        var err = Err.None;
        var r = Log(re, im, ref err);
        if (@base != null)
        {
            var (bre, bim) = Arg(ts, @base);
            // The base's log sets errno anew, so only its own domain error and the division's survive.
            var b = Log(bre, bim, ref err);
            r = Quotient(r, b, ref err);
        }
        return Result(r, err);
    }

    [PyMethod]
    static PyObject log10(ThreadState ts, PyObject z)
    {
        var (re, im) = Arg(ts, z);
        var err = Err.None;
        var (lr, li) = Log(re, im, ref err);
        return Result((lr / Ln10, li / Ln10), err);
    }

    [PyMethod]
    static double phase(ThreadState ts, PyObject z)
    {
        var (re, im) = Arg(ts, z);
        var err = Err.None;
        double r = Phase(re, im, ref err);
        if (err == Err.Range) throw PyExc.OverflowError("math range error");
        return r;
    }

    [PyMethod]
    static PyObject polar(ThreadState ts, PyObject z)
    {
        var (re, im) = Arg(ts, z);
        var err = Err.None;
        // abs sets errno anew, so an underflow in the angle is no error here.
        double phi = Phase(re, im, ref err), r = Abs(re, im, ref err);
        if (err == Err.Range) throw PyExc.OverflowError("math range error");
        return PyTuple.Of(new PyFloat(r), new PyFloat(phi));
    }

    [PyMethod]
    static PyObject rect(ThreadState ts, double r, double phi)
    {
        if (!Finite(r, phi))
        {
            if (double.IsInfinity(r) && double.IsFinite(phi) && phi != 0)
            {
                double cr = Math.CopySign(double.PositiveInfinity, C.cos(phi)), ci = Math.CopySign(double.PositiveInfinity, C.sin(phi));
                return r > 0 ? new PyComplex(cr, ci) : new PyComplex(-cr, -ci);
            }
            var err = Err.None;
            return Result(Special(CmathSpecialValues.Rect, r, phi, ref err), err);
        }
        // A zero angle keeps its sign in the imaginary part (r * phi), as CPython does.
        if (phi == 0) return new PyComplex(r, r * phi);
        return new PyComplex(r * C.cos(phi), r * C.sin(phi));
    }

    [PyMethod] static bool isfinite(ThreadState ts, PyObject z) { var (re, im) = Arg(ts, z); return Finite(re, im); }
    [PyMethod] static bool isnan(ThreadState ts, PyObject z) { var (re, im) = Arg(ts, z); return double.IsNaN(re) || double.IsNaN(im); }
    [PyMethod] static bool isinf(ThreadState ts, PyObject z) { var (re, im) = Arg(ts, z); return double.IsInfinity(re) || double.IsInfinity(im); }

    [PyMethod]
    static bool isclose(ThreadState ts, [PyKeyword] PyObject a, PyObject b, [PyKwOnly] double rel_tol = 1e-09, double abs_tol = 0.0)
    {
        var (ar, ai) = Arg(ts, a);
        var (br, bi) = Arg(ts, b);
        if (rel_tol < 0 || abs_tol < 0) throw PyExc.ValueError("tolerances must be non-negative");
        if (ar == br && ai == bi) return true;
        // Infinities of the same sign are caught above; any other infinity is far from everything.
        if (double.IsInfinity(ar) || double.IsInfinity(ai) || double.IsInfinity(br) || double.IsInfinity(bi)) return false;
        var err = Err.None;
        double diff = Abs(ar - br, ai - bi, ref err);
        return diff <= rel_tol * Abs(br, bi, ref err) || diff <= rel_tol * Abs(ar, ai, ref err) || diff <= abs_tol;
    }
}
