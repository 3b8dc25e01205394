using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// Python complex arithmetic where System.Numerics.Complex gives different bits or no error:
/// division (Smith's method, as CPython), power (repeated squaring for small integer
/// exponents, polar form otherwise), abs (hypot with overflow check), with CPython's errors.
/// </summary>
public static class ComplexMath
{
    /// <summary>C's hypot. CPython uses the platform libm; .NET's double.Hypot is its own code
    /// and differs in the last bit for some inputs, so call libm where it exists.</summary>
    private static class LibM
    {
        [DllImport("libm.so.6", EntryPoint = "hypot")]
        private static extern double NativeHypot(double x, double y);

        private static bool unavailable;

        public static double Hypot(double x, double y)
        {
            if (!unavailable)
            {
                try { return NativeHypot(x, y); }
                catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { unavailable = true; }
            }
            return double.Hypot(x, y);
        }
    }

    public static double Hypot(double x, double y) => LibM.Hypot(x, y);

    public static Complex Multiply(Complex a, Complex b) =>
        new(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);

    /// <summary>a / b. Scaling by the larger component of b avoids needless overflow.</summary>
    public static Complex Divide(Complex a, Complex b)
    {
        if (!TryDivide(a, b, out Complex r)) throw FormatError.ZeroDivision("complex division by zero");
        return r;
    }

    private static bool TryDivide(Complex a, Complex b, out Complex r)
    {
        double absReal = Math.Abs(b.Real), absImag = Math.Abs(b.Imaginary);
        if (absReal >= absImag)
        {
            if (absReal == 0) { r = Complex.Zero; return false; }
            double ratio = b.Imaginary / b.Real;
            double denom = b.Real + b.Imaginary * ratio;
            r = new Complex((a.Real + a.Imaginary * ratio) / denom, (a.Imaginary - a.Real * ratio) / denom);
        }
        else if (absImag >= absReal)
        {
            double ratio = b.Real / b.Imaginary;
            double denom = b.Real * ratio + b.Imaginary;
            r = new Complex((a.Real * ratio + a.Imaginary) / denom, (a.Imaginary * ratio - a.Real) / denom);
        }
        else
            r = new Complex(double.NaN, double.NaN); // b has a NaN component
        return true;
    }

    /// <summary>abs(z): hypot, OverflowError when finite parts give an infinite result.</summary>
    public static double Abs(Complex z)
    {
        double re = z.Real, im = z.Imaginary;
        if (double.IsInfinity(re) || double.IsInfinity(im)) return double.PositiveInfinity;
        if (double.IsNaN(re) || double.IsNaN(im)) return double.NaN;
        double r = Hypot(re, im);
        if (double.IsInfinity(r)) throw FormatError.Overflow("absolute value too large");
        return r;
    }

    /// <summary>a ** b as complex.__pow__ computes it.</summary>
    public static Complex Pow(Complex a, Complex b)
    {
        Complex r;
        bool domainError = false;
        if (b.Imaginary == 0 && b.Real == Math.Floor(b.Real) && Math.Abs(b.Real) <= 100)
            r = PowInt(a, (int)b.Real, ref domainError);
        else
            r = PowPolar(a, b, ref domainError);
        if (domainError) throw FormatError.ZeroDivision("0.0 to a negative or complex power");
        if (double.IsInfinity(r.Real) || double.IsInfinity(r.Imaginary)) throw FormatError.Overflow("complex exponentiation");
        return r;
    }

    private static Complex PowPolar(Complex a, Complex b, ref bool domainError)
    {
        if (b.Real == 0 && b.Imaginary == 0) return Complex.One;
        if (a.Real == 0 && a.Imaginary == 0)
        {
            if (b.Imaginary != 0 || b.Real < 0) domainError = true;
            return Complex.Zero;
        }
        double vabs = Hypot(a.Real, a.Imaginary);
        double len = Math.Pow(vabs, b.Real);
        double at = Math.Atan2(a.Imaginary, a.Real);
        double phase = at * b.Real;
        if (b.Imaginary != 0)
        {
            len /= Math.Exp(at * b.Imaginary);
            phase += b.Imaginary * Math.Log(vabs);
        }
        // C's cos/sin of an infinite angle set errno to EDOM, which CPython reports as the
        // same ZeroDivisionError as 0 ** -1.
        if (double.IsInfinity(phase)) domainError = true;
        return new Complex(len * Math.Cos(phase), len * Math.Sin(phase));
    }

    /// <summary>Binary powering by repeated products (and one division for n &lt; 0).</summary>
    private static Complex PowInt(Complex x, int n, ref bool domainError)
    {
        if (n > 0) return PowUnsigned(x, n);
        Complex p = PowUnsigned(x, -n);
        if (!TryDivide(Complex.One, p, out Complex r)) domainError = true;
        return r;
    }

    private static Complex PowUnsigned(Complex x, int n)
    {
        Complex r = Complex.One, p = x;
        for (int mask = 1; mask > 0 && n >= mask; mask <<= 1)
        {
            if ((n & mask) != 0) r = Multiply(r, p);
            p = Multiply(p, p);
        }
        return r;
    }
}
