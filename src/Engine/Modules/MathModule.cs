#nullable enable
using System;
using System.Numerics;
using StacklessIron.Objects.Formatting;
using StacklessIron.Compiling;
namespace StacklessIron.Modules;

/// <summary>The `math` module (CPython 3.11 semantics): float functions raise ValueError
/// "math domain error" when a finite input gives NaN and OverflowError "math range error"
/// when a finite input overflows; integer functions are exact on BigInteger.</summary>
public static class MathModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("math", "This module provides access to the mathematical functions\ndefined by the C standard.");
        NativeMembers.FillModule(m, typeof(MathModule));
        m.Set("pi", new PyFloat(Math.PI));
        m.Set("e", new PyFloat(Math.E));
        m.Set("tau", new PyFloat(Math.Tau));
        m.Set("inf", new PyFloat(double.PositiveInfinity));
        m.Set("nan", new PyFloat(StacklessIron.Objects.Formatting.NumberParsing.PositiveNaN));
        return m;
    }

    public static void Register() => Importer.NativeModules["math"] = Create;

    static PyException Domain() => PyExc.ValueError("math domain error");
    static PyException Range() => PyExc.OverflowError("math range error");

    /// <summary>libm-style error check: NaN out of non-NaN in is a domain error, an infinity
    /// out of finite in is a range error.</summary>
    static double Checked(double r, double x)
    {
        if (double.IsNaN(r) && !double.IsNaN(x)) throw Domain();
        if (double.IsInfinity(r) && double.IsFinite(x)) throw Range();
        return r;
    }
    static double Checked2(double r, double x, double y)
    {
        if (double.IsNaN(r) && !double.IsNaN(x) && !double.IsNaN(y)) throw Domain();
        if (double.IsInfinity(r) && double.IsFinite(x) && double.IsFinite(y)) throw Range();
        return r;
    }

    [PyMethod] static double sqrt(ThreadState ts, double x) => x < 0 ? throw Domain() : Math.Sqrt(x);
    [PyMethod] static double exp(ThreadState ts, double x) => Checked(Math.Exp(x), x);
    [PyMethod] static double expm1(ThreadState ts, double x) => Checked(LibM.Available ? LibM.expm1(x) : Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1, x);
    [PyMethod] static double fabs(ThreadState ts, double x) => Math.Abs(x);

    /// <summary>A logarithm of any real. Ints too large for a double are split as
    /// m * 2**e (m in [0.5, 1)) and give f(m) + e*f(2), as CPython does.</summary>
    static double LogOf(ThreadState ts, PyObject x, Func<double, double> f)
    {
        if (x is PyInt i)
        {
            if (i.Sign <= 0) throw Domain();
            if (i.FitsLong) return f(i.Small);
            var big = i.Big;
            long bits = (long)big.GetBitLength();
            if (bits <= 1023) return f((double)big);
            double m = Math.ScaleB((double)(big >> (int)(bits - 64)), -64);
            return f(m) + bits * f(2.0);
        }
        var d = Ops.ToDouble(ts, x);
        if (double.IsNaN(d)) return d;
        if (d <= 0) throw Domain();
        return f(d);
    }

    [PyMethod]
    static double log(ThreadState ts, PyObject x, PyObject? @base = null)
    {
        var n = LogOf(ts, x, Math.Log);
        if (@base == null) return n;
        var d = LogOf(ts, @base, Math.Log);
        if (d == 0) throw PyExc.ZeroDivisionError("float division by zero");
        return n / d;
    }
    [PyMethod] static double log2(ThreadState ts, PyObject x) => LogOf(ts, x, Math.Log2);
    [PyMethod] static double log10(ThreadState ts, PyObject x) => LogOf(ts, x, Math.Log10);
    [PyMethod]
    static double log1p(ThreadState ts, double x)
    {
        if (x <= -1) throw Domain();
        if (LibM.Available) return LibM.log1p(x);
        if (Math.Abs(x) < 1e-4) { var u = 1 + x; return u == 1 ? x : Math.Log(u) * x / (u - 1); }
        return Math.Log(1 + x);
    }

    [PyMethod]
    static double pow(ThreadState ts, double x, double y)
    {
        if (x == 0 && y < 0 && double.IsFinite(y)) throw Domain();
        if (x < 0 && double.IsFinite(x) && double.IsFinite(y) && Math.Floor(y) != y) throw Domain();
        if (x == 1 || y == 0) return 1;
        return Checked2(Math.Pow(x, y), x, y);
    }

    static PyObject RoundVia(ThreadState ts, PyObject x, string dunder, Func<double, double> f)
    {
        if (x is PyFloat fl) return FloatToInt(f(fl.Value));
        if (x is PyInt i) return PyInt.From(i.Big);
        var meth = x.Type.Lookup(dunder);
        if (meth != null) return Ops.CallMethod(ts, x, dunder);
        return FloatToInt(f(Ops.ToDouble(ts, x)));
    }
    static PyObject FloatToInt(double d)
    {
        if (double.IsNaN(d)) throw PyExc.ValueError("cannot convert float NaN to integer");
        if (double.IsInfinity(d)) throw PyExc.OverflowError("cannot convert float infinity to integer");
        return PyInt.From(FloatMath.ToBigInteger(d));
    }
    [PyMethod] static PyObject floor(ThreadState ts, PyObject x) => RoundVia(ts, x, "__floor__", Math.Floor);
    [PyMethod] static PyObject ceil(ThreadState ts, PyObject x) => RoundVia(ts, x, "__ceil__", Math.Ceiling);
    [PyMethod]
    static PyObject trunc(ThreadState ts, PyObject x)
    {
        if (x is PyFloat fl) return FloatToInt(Math.Truncate(fl.Value));
        if (x.Type.Lookup("__trunc__") == null) throw PyExc.TypeError($"type {x.Type.Name} doesn't define __trunc__ method");
        return Ops.CallMethod(ts, x, "__trunc__");
    }

    [PyMethod]
    static PyObject factorial(ThreadState ts, PyObject n)
    {
        if (n is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, n);
        if (v.Sign < 0) throw PyExc.ValueError("factorial() not defined for negative values");
        if (!v.FitsLong) throw PyExc.OverflowError("factorial() argument should not exceed 9223372036854775807");
        return PyInt.From(RangeProduct(1, v.Small));
    }

    /// <summary>Product of lo..hi by binary splitting (balanced multiplications stay fast).</summary>
    static BigInteger RangeProduct(long lo, long hi)
    {
        if (lo > hi) return BigInteger.One;
        if (hi - lo < 16) { BigInteger r = lo; for (long k = lo + 1; k <= hi; k++) r *= k; return r; }
        long mid = lo + (hi - lo) / 2;
        return RangeProduct(lo, mid) * RangeProduct(mid + 1, hi);
    }

    [PyMethod]
    static PyObject gcd(ThreadState ts, params PyObject[] integers)
    {
        BigInteger g = 0;
        foreach (var a in integers) g = BigInteger.GreatestCommonDivisor(g, Ops.Index(ts, a).Big);
        return PyInt.From(g);
    }
    [PyMethod]
    static PyObject lcm(ThreadState ts, params PyObject[] integers)
    {
        BigInteger l = 1;
        foreach (var a in integers)
        {
            var v = BigInteger.Abs(Ops.Index(ts, a).Big);
            if (v.IsZero || l.IsZero) { l = 0; continue; }
            l = l / BigInteger.GreatestCommonDivisor(l, v) * v;
        }
        return PyInt.From(l);
    }

    [PyMethod]
    static PyObject isqrt(ThreadState ts, PyObject n)
    {
        var v = Ops.Index(ts, n).Big;
        if (v.Sign < 0) throw PyExc.ValueError("isqrt() argument must be nonnegative");
        return PyInt.From(ISqrt(v));
    }
    static BigInteger ISqrt(BigInteger n)
    {
        if (n.IsZero) return 0;
        if (n < (BigInteger.One << 52))
        {
            // Exact in a double; the square root's rounding is fixed up by one step either way.
            long v = (long)n, r = (long)Math.Sqrt(v);
            while (r * r > v) r--;
            while ((r + 1) * (r + 1) <= v) r++;
            return r;
        }
        // Newton's iteration at growing precision: each step doubles the number of correct
        // leading bits of a, working on the top bits of n only, so the total cost is a few
        // full-size divisions instead of one per iteration from a poor guess.
        long c = ((long)n.GetBitLength() - 1) / 2;
        BigInteger a = 1;
        long d = 0;
        for (int s = 63 - BitOperations.LeadingZeroCount((ulong)c); s >= 0; s--)
        {
            long e = d;
            d = c >> s;
            a = (a << (int)(d - e - 1)) + (n >> (int)(2 * c - e - d + 1)) / a;
        }
        return a * a > n ? a - 1 : a;
    }
    [PyMethod]
    static PyObject comb(ThreadState ts, PyObject n, PyObject k)
    {
        var nv = Ops.Index(ts, n).Big; var kv = Ops.Index(ts, k).Big;
        if (nv.Sign < 0) throw PyExc.ValueError("n must be a non-negative integer");
        if (kv.Sign < 0) throw PyExc.ValueError("k must be a non-negative integer");
        if (kv > nv) return PyInt.From(0);
        if (kv > nv - kv) kv = nv - kv;
        // n!/(k!(n-k)!) as one division of two products built by binary splitting.
        if (nv < long.MaxValue) return PyInt.From(RangeProduct((long)(nv - kv) + 1, (long)nv) / RangeProduct(1, (long)kv));
        BigInteger r = 1;
        for (BigInteger i = 1; i <= kv; i++) r = r * (nv - kv + i) / i;
        return PyInt.From(r);
    }
    [PyMethod]
    static PyObject perm(ThreadState ts, PyObject n, PyObject? k = null)
    {
        var nv = Ops.Index(ts, n).Big;
        var kv = k == null || k is PyNone ? nv : Ops.Index(ts, k).Big;
        if (nv.Sign < 0) throw PyExc.ValueError("n must be a non-negative integer");
        if (kv.Sign < 0) throw PyExc.ValueError("k must be a non-negative integer");
        if (kv > nv) return PyInt.From(0);
        if (nv < long.MaxValue) return PyInt.From(RangeProduct((long)(nv - kv) + 1, (long)nv));
        BigInteger r = 1;
        for (BigInteger i = nv - kv + 1; i <= nv; i++) r *= i;
        return PyInt.From(r);
    }

    [PyMethod]
    static PyObject prod(ThreadState ts, PyObject iterable, [PyKwOnly] PyObject? start = null)
    {
        PyObject acc = start ?? PyInt.From(1);
        foreach (var x in Ops.Iterate(ts, iterable)) acc = Ops.BinaryOp(ts, acc, x, (int)BinaryOpArg.Multiply);
        return acc;
    }

    /// <summary>Exactly rounded sum (Shewchuk's partials, then CPython's half-way correction).</summary>
    [PyMethod]
    static double fsum(ThreadState ts, PyObject seq)
    {
        var partials = new List<double>();
        double specialSum = 0, infSum = 0;
        foreach (var item in Ops.Iterate(ts, seq))
        {
            double x = Ops.ToDouble(ts, item);
            double xsave = x;
            int i = 0;
            for (int j = 0; j < partials.Count; j++)
            {
                double y = partials[j];
                if (Math.Abs(x) < Math.Abs(y)) (x, y) = (y, x);
                double hi = x + y, lo = y - (hi - x);
                if (lo != 0) partials[i++] = lo;
                x = hi;
            }
            partials.RemoveRange(i, partials.Count - i);
            if (x != 0)
            {
                if (!double.IsFinite(x))
                {
                    if (double.IsFinite(xsave)) throw PyExc.OverflowError("intermediate overflow in fsum");
                    if (double.IsInfinity(xsave)) infSum += xsave;
                    specialSum += xsave;
                    partials.Clear();
                }
                else partials.Add(x);
            }
        }
        if (specialSum != 0)
        {
            if (double.IsNaN(infSum)) throw PyExc.ValueError("-inf + inf in fsum");
            return specialSum;
        }
        int n = partials.Count;
        double total = 0;
        if (n > 0)
        {
            total = partials[--n];
            double lo2 = 0;
            while (n > 0)
            {
                double x = total, y = partials[--n];
                total = x + y;
                double yr = total - x;
                lo2 = y - yr;
                if (lo2 != 0) break;
            }
            if (n > 0 && ((lo2 < 0 && partials[n - 1] < 0) || (lo2 > 0 && partials[n - 1] > 0)))
            {
                double y = lo2 * 2, x = total + y;
                if (y == x - total) total = x;
            }
        }
        return total;
    }

    [PyMethod] static double sin(ThreadState ts, double x) => Checked(Math.Sin(x), x);
    [PyMethod] static double cos(ThreadState ts, double x) => Checked(Math.Cos(x), x);
    [PyMethod] static double tan(ThreadState ts, double x) => Checked(Math.Tan(x), x);
    [PyMethod] static double asin(ThreadState ts, double x) => Checked(Math.Asin(x), x);
    [PyMethod] static double acos(ThreadState ts, double x) => Checked(Math.Acos(x), x);
    [PyMethod] static double atan(ThreadState ts, double x) => Math.Atan(x);
    [PyMethod] static double atan2(ThreadState ts, double y, double x) => Math.Atan2(y, x);
    [PyMethod] static double sinh(ThreadState ts, double x) => Checked(Math.Sinh(x), x);
    [PyMethod] static double cosh(ThreadState ts, double x) => Checked(Math.Cosh(x), x);
    [PyMethod] static double tanh(ThreadState ts, double x) => Math.Tanh(x);
    [PyMethod] static double asinh(ThreadState ts, double x) => Math.Asinh(x);
    [PyMethod] static double acosh(ThreadState ts, double x) => Checked(Math.Acosh(x), x);
    [PyMethod] static double atanh(ThreadState ts, double x) => Math.Abs(x) >= 1 ? throw Domain() : Math.Atanh(x);

    /// <summary>Euclidean norm, scaled by the largest magnitude so it neither overflows nor
    /// underflows needlessly.</summary>
    static double Norm(double[] v)
    {
        double max = 0; bool nan = false;
        foreach (var x in v) { var a = Math.Abs(x); if (double.IsInfinity(a)) return a; if (double.IsNaN(a)) nan = true; else if (a > max) max = a; }
        if (nan) return double.NaN;
        if (max == 0) return 0;
        if (v.Length == 2) { var r = Math.Sqrt(v[0] / max * (v[0] / max) + v[1] / max * (v[1] / max)) * max; return r; }
        double s = 0, c = 0;
        foreach (var x in v) { var q = x / max; var t = q * q - c; var u = s + t; c = u - s - t; s = u; }
        return Math.Sqrt(s) * max;
    }
    [PyMethod]
    static double hypot(ThreadState ts, params PyObject[] coordinates)
    {
        var v = new double[coordinates.Length];
        for (int i = 0; i < v.Length; i++) v[i] = Ops.ToDouble(ts, coordinates[i]);
        if (v.Length == 2) { var r = double.Hypot(v[0], v[1]); return r; }
        return Norm(v);
    }
    [PyMethod]
    static double dist(ThreadState ts, PyObject p, PyObject q)
    {
        if (p is not PyTuple && p is not PyList || q is not PyTuple && q is not PyList)
        {
            var a0 = Ops.ToArray(ts, p); var b0 = Ops.ToArray(ts, q);
            return DistOf(ts, a0, b0);
        }
        return DistOf(ts, Ops.ToArray(ts, p), Ops.ToArray(ts, q));
    }
    static double DistOf(ThreadState ts, PyObject[] a, PyObject[] b)
    {
        if (a.Length != b.Length) throw PyExc.ValueError("both points must have the same number of dimensions");
        var v = new double[a.Length];
        for (int i = 0; i < v.Length; i++) v[i] = Ops.ToDouble(ts, a[i]) - Ops.ToDouble(ts, b[i]);
        return v.Length == 2 ? double.Hypot(v[0], v[1]) : Norm(v);
    }

    [PyMethod] static double degrees(ThreadState ts, double x) => x * (180.0 / Math.PI);
    [PyMethod] static double radians(ThreadState ts, double x) => x * (Math.PI / 180.0);
    [PyMethod] static double copysign(ThreadState ts, double x, double y) => Math.CopySign(x, y);
    [PyMethod]
    static double fmod(ThreadState ts, double x, double y)
    {
        if (double.IsInfinity(y) && double.IsFinite(x)) return x;
        if (y == 0 && !double.IsNaN(x) || double.IsInfinity(x) && !double.IsNaN(y)) throw Domain();
        return Math.IEEERemainder(0, 1) == 0 ? x % y : x % y;
    }
    [PyMethod]
    static PyObject modf(ThreadState ts, double x)
    {
        if (double.IsInfinity(x)) return new PyTuple(new PyObject[] { new PyFloat(Math.CopySign(0.0, x)), new PyFloat(x) });
        var ip = Math.Truncate(x);
        return new PyTuple(new PyObject[] { new PyFloat(Math.CopySign(x - ip, x)), new PyFloat(ip) });
    }
    [PyMethod]
    static PyObject frexp(ThreadState ts, double x)
    {
        if (x == 0 || !double.IsFinite(x)) return new PyTuple(new PyObject[] { new PyFloat(x), PyInt.From(0) });
        int e = Math.ILogB(x) + 1;
        double m = Math.ScaleB(x, -e);
        if (Math.Abs(m) >= 1) { m /= 2; e++; } else if (Math.Abs(m) < 0.5) { m *= 2; e--; }
        return new PyTuple(new PyObject[] { new PyFloat(m), PyInt.From(e) });
    }
    [PyMethod]
    static double ldexp(ThreadState ts, double x, PyObject i)
    {
        if (i is not PyInt) throw PyExc.TypeError("Expected an int as second argument to ldexp.");
        var e = ((PyInt)i).Big;
        if (x == 0 || !double.IsFinite(x)) return x;
        if (e > 10000) throw Range();
        if (e < -10000) return Math.CopySign(0.0, x);
        var r = Math.ScaleB(x, (int)e);
        if (double.IsInfinity(r)) throw Range();
        return r;
    }
    [PyMethod] static bool isfinite(ThreadState ts, double x) => double.IsFinite(x);
    [PyMethod] static bool isinf(ThreadState ts, double x) => double.IsInfinity(x);
    [PyMethod] static bool isnan(ThreadState ts, double x) => double.IsNaN(x);
    [PyMethod]
    static bool isclose(ThreadState ts, [PyKeyword] double a, double b, [PyKwOnly] double rel_tol = 1e-09, double abs_tol = 0.0)
    {
        if (rel_tol < 0 || abs_tol < 0) throw PyExc.ValueError("tolerances must be non-negative");
        if (a == b) return true;
        if (double.IsInfinity(a) || double.IsInfinity(b)) return false;
        var diff = Math.Abs(b - a);
        return diff <= Math.Abs(rel_tol * b) || diff <= Math.Abs(rel_tol * a) || diff <= abs_tol;
    }

    // ---- erf / gamma ----
    [PyMethod]
    static double erf(ThreadState ts, double x)
    {
        if (double.IsNaN(x)) return x;
        if (LibM.Available) return LibM.erf(x);
        if (Math.Abs(x) < 1.5) return ErfSeries(x);
        return Math.CopySign(1 - ErfcContFrac(Math.Abs(x)), x);
    }
    [PyMethod]
    static double erfc(ThreadState ts, double x)
    {
        if (double.IsNaN(x)) return x;
        if (LibM.Available) return LibM.erfc(x);
        if (Math.Abs(x) < 1.5) return 1 - ErfSeries(x);
        var c = ErfcContFrac(Math.Abs(x));
        return x > 0 ? c : 2 - c;
    }
    /// <summary>CPython takes erf, erfc, log1p and expm1 from the C library; calling the same
    /// libm gives the same last bits. Elsewhere the managed versions below stand in.</summary>
    static class LibM
    {
        public static readonly bool Available = Probe();
        static bool Probe()
        {
            try { return OperatingSystem.IsLinux() && erf(0.5) > 0.52; }
            catch (Exception) { return false; }
        }
        [System.Runtime.InteropServices.DllImport("libm.so.6")] public static extern double erf(double x);
        [System.Runtime.InteropServices.DllImport("libm.so.6")] public static extern double erfc(double x);
        [System.Runtime.InteropServices.DllImport("libm.so.6")] public static extern double log1p(double x);
        [System.Runtime.InteropServices.DllImport("libm.so.6")] public static extern double expm1(double x);
    }

    static double ErfSeries(double x)
    {
        // erf(x) = 2x/sqrt(pi) * exp(-x^2) * sum (2x^2)^k / (1*3*...*(2k+1))
        double x2 = x * x, acc = 0, term = 1;
        for (int k = 0; k < 100; k++) { var d = 2.0 * k + 1; term = k == 0 ? 1 : term * 2 * x2 / d; acc += term; if (term < 1e-17 * acc) break; }
        return 2 * x / Math.Sqrt(Math.PI) * Math.Exp(-x2) * acc;
    }
    static double ErfcContFrac(double x)
    {
        if (x >= 30) return 0;
        double x2 = x * x, a = 0, b = 0;
        for (int i = 50; i >= 1; i--) { var t = i - 0.5 - b; var temp = a; b = t; a = -i * (i - 0.5) / (x2 + 0.5 - t) ; _ = temp; }
        // Lentz-free evaluation of the Laplace continued fraction, evaluated bottom-up.
        double f = 0;
        for (int n = 60; n >= 1; n--) f = n / 2.0 / (x + f);
        return Math.Exp(-x2) / Math.Sqrt(Math.PI) / (x + f);
    }

    static readonly double[] s_lanczos = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7 };
    static double LanczosGamma(double x)
    {
        x -= 1;
        double a = s_lanczos[0], t = x + 7.5;
        for (int i = 1; i < 9; i++) a += s_lanczos[i] / (x + i);
        return Math.Sqrt(2 * Math.PI) * Math.Pow(t, x + 0.5) * Math.Exp(-t) * a;
    }
    static double LanczosLogGamma(double x)
    {
        x -= 1;
        double a = s_lanczos[0], t = x + 7.5;
        for (int i = 1; i < 9; i++) a += s_lanczos[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }
    [PyMethod]
    static double gamma(ThreadState ts, double x)
    {
        if (double.IsNaN(x)) return x;
        if (double.IsPositiveInfinity(x)) return x;
        if (double.IsNegativeInfinity(x) || x == 0 && false) throw Domain();
        if (x == 0 || (x < 0 && Math.Floor(x) == x)) throw Domain();
        if (Math.Floor(x) == x && x <= 23) { double r = 1; for (int k = 2; k < (int)x; k++) r *= k; return r; }
        if (x > 171.61447887182298) throw Range();
        if (x < 0.5) return Math.PI / (Math.Sin(Math.PI * x) * LanczosGamma(1 - x));
        return LanczosGamma(x);
    }
    [PyMethod]
    static double lgamma(ThreadState ts, double x)
    {
        if (double.IsNaN(x)) return x;
        if (double.IsInfinity(x)) return double.PositiveInfinity;
        if (x <= 0 && Math.Floor(x) == x) throw Domain();
        if (x == 1 || x == 2) return 0;
        // Where gamma itself is finite its log is the more accurate route.
        if (Math.Abs(x) < 170) return Math.Log(Math.Abs(gamma(ts, x)));
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LanczosLogGamma(1 - x);
        var r = LanczosLogGamma(x);
        if (double.IsInfinity(r)) throw Range();
        return r;
    }

    [PyMethod] static double nextafter(ThreadState ts, double x, double y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : x == y ? y : y > x ? Math.BitIncrement(x) : Math.BitDecrement(x);
    [PyMethod]
    static double ulp(ThreadState ts, double x)
    {
        if (double.IsNaN(x)) return x;
        x = Math.Abs(x);
        if (double.IsInfinity(x)) return x;
        var up = Math.BitIncrement(x);
        if (double.IsInfinity(up)) return x - Math.BitDecrement(x);
        return up - x;
    }
    [PyMethod]
    static double remainder(ThreadState ts, double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y)) return double.NaN;
        if (double.IsInfinity(x) || y == 0) throw Domain();
        if (double.IsInfinity(y)) return x;
        return Math.IEEERemainder(x, y);
    }
}
