#nullable enable
using System.Globalization;
using System;
namespace StacklessIron.Objects;

/// <summary>`float`: an IEEE double. (Minimal core version: the numbers work completes it.)</summary>
[PyType("float")]
public class PyFloat : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("float", typeof(PyFloat));
    public readonly double Value;

    public PyFloat(double v) : base(TypeObject) { Value = v; }
    protected PyFloat(PyType t, double v) : base(t) { Value = v; }

    /// <summary>CPython's hash of a double (equal to the int hash for integral values).</summary>
    public static long HashDouble(double v)
    {
        const long Modulus = (1L << 61) - 1;
        if (double.IsInfinity(v)) return v > 0 ? 314159 : -314159;
        if (double.IsNaN(v)) return 0;
        double m = Math.Abs(v);
        int sign = v < 0 ? -1 : 1;
        int e = 0;
        if (m != 0)
        {
            // frexp
            long bits = BitConverter.DoubleToInt64Bits(m);
            int exp = (int)((bits >> 52) & 0x7FF);
            if (exp == 0) { m *= Math.Pow(2, 54); bits = BitConverter.DoubleToInt64Bits(m); exp = (int)((bits >> 52) & 0x7FF) - 54; }
            e = exp - 1022;
            m = BitConverter.Int64BitsToDouble((bits & ~(0x7FFL << 52)) | (1022L << 52));
        }
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & (ulong)Modulus) | x >> (61 - 28);
            m *= 268435456.0;
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= (ulong)Modulus) x -= (ulong)Modulus;
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
        x = ((x << e) & (ulong)Modulus) | x >> (61 - e);
        long r = (long)x * sign;
        return r == -1 ? -2 : r;
    }

    /// <summary>repr(float) (shortest round-trip digits, CPython's exponent rules).</summary>
    public static string ReprOf(double v)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return BitConverter.DoubleToInt64Bits(v) < 0 ? "-0.0" : "0.0";
        var r = v.ToString("R", CultureInfo.InvariantCulture);
        // Split into digits and decimal exponent, then lay out as Python's repr does.
        string mant = r; int exp10 = 0;
        int ei = r.IndexOfAny(new[] { 'E', 'e' });
        if (ei >= 0) { mant = r[..ei]; exp10 = int.Parse(r[(ei + 1)..], CultureInfo.InvariantCulture); }
        bool neg = mant.StartsWith('-');
        if (neg) mant = mant[1..];
        int dot = mant.IndexOf('.');
        string digits = dot >= 0 ? mant.Remove(dot, 1) : mant;
        int pointPos = (dot >= 0 ? dot : mant.Length) + exp10;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; pointPos--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        int decExp = pointPos - 1;   // exponent in d.ddd form
        string s;
        if (decExp < -4 || decExp >= 16)
        {
            s = digits[..1] + (digits.Length > 1 ? "." + digits[1..] : "") + "e" + (decExp < 0 ? "-" : "+") + Math.Abs(decExp).ToString("00");
        }
        else if (pointPos <= 0) s = "0." + new string('0', -pointPos) + digits;
        else if (pointPos >= digits.Length) s = digits + new string('0', pointPos - digits.Length) + ".0";
        else s = digits[..pointPos] + "." + digits[pointPos..];
        return neg ? "-" + s : s;
    }

    public static PyObject CompareIntFloat(PyInt a, double b, CompareOp op)
    {
        if (double.IsNaN(b)) return PyBool.From(op == CompareOp.Ne);
        int c;
        if (double.IsInfinity(b)) c = b > 0 ? -1 : 1;
        else
        {
            var fb = Math.Floor(b);
            var bi = new System.Numerics.BigInteger(fb);
            c = a.Big.CompareTo(bi);
            if (c == 0 && fb != b) c = -1;
        }
        return PyBool.From(Ops.CompareResult(c, op));
    }

    static bool Coerce(PyObject o, out double v)
    {
        if (o is PyFloat f) { v = f.Value; return true; }
        if (o is PyInt i) { v = i.ToDouble(); return true; }
        v = 0; return false;
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null) throw PyExc.TypeError("float() takes no keyword arguments");
        double v = 0;
        if (args.Length == 1)
        {
            if (args[0] is PyStr s)
            {
                var t = s.Value.Trim().Replace("_", "").ToLowerInvariant();
                if (t is "inf" or "+inf" or "infinity" or "+infinity") v = double.PositiveInfinity;
                else if (t is "-inf" or "-infinity") v = double.NegativeInfinity;
                else if (t is "nan" or "+nan" or "-nan") v = double.NaN;
                else if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out v))
                    throw PyExc.ValueError($"could not convert string to float: {PyStr.ReprOf(s.Value)}");
            }
            else v = Ops.ToDouble(ts, args[0]);
        }
        else if (args.Length > 1) throw PyExc.TypeError($"float expected at most 1 argument, got {args.Length}");
        return cls == TypeObject ? new PyFloat(v) : new PyFloatSubclass(cls, v);
    }

    [PySlot("__repr__")] static PyObject Repr(ThreadState ts, PyObject self) => new PyStr(ReprOf(((PyFloat)self).Value));
    [PySlot("__hash__")] static long Hash(ThreadState ts, PyObject self) => HashDouble(((PyFloat)self).Value);
    [PySlot("__bool__")] static bool Bool(ThreadState ts, PyObject self) => ((PyFloat)self).Value != 0;
    [PySlot("__float__")] static PyObject FloatSlot(ThreadState ts, PyObject self) => self.Type == TypeObject ? self : new PyFloat(((PyFloat)self).Value);
    [PySlot("__int__")]
    static PyObject IntSlot(ThreadState ts, PyObject self)
    {
        var v = ((PyFloat)self).Value;
        if (double.IsNaN(v)) throw PyExc.ValueError("cannot convert float NaN to integer");
        if (double.IsInfinity(v)) throw PyExc.OverflowError("cannot convert float infinity to integer");
        var t = Math.Truncate(v);
        return t >= long.MinValue && t < 9.2e18 ? PyInt.From((long)t) : PyInt.From(new System.Numerics.BigInteger(t));
    }
    [PySlot("__neg__")] static PyObject Neg(ThreadState ts, PyObject self) => new PyFloat(-((PyFloat)self).Value);
    [PySlot("__pos__")] static PyObject Pos(ThreadState ts, PyObject self) => FloatSlot(ts, self);
    [PySlot("__abs__")] static PyObject AbsSlot(ThreadState ts, PyObject self) => new PyFloat(Math.Abs(((PyFloat)self).Value));

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is PyFloat x && b is PyInt bi)
        {
            var swapped = op switch { CompareOp.Lt => CompareOp.Gt, CompareOp.Le => CompareOp.Ge, CompareOp.Gt => CompareOp.Lt, CompareOp.Ge => CompareOp.Le, _ => op };
            return CompareIntFloat(bi, x.Value, swapped);
        }
        if (!Coerce(a, out var u) || !Coerce(b, out var v)) return PyNotImplemented.Value;
        return PyBool.From(op switch
        {
            CompareOp.Lt => u < v, CompareOp.Le => u <= v, CompareOp.Eq => u == v,
            CompareOp.Ne => u != v, CompareOp.Gt => u > v, _ => u >= v,
        });
    }

    [PySlot("__add__", "__radd__")]
    static PyObject Add(ThreadState ts, PyObject a, PyObject b) => Coerce(a, out var u) && Coerce(b, out var v) ? new PyFloat(u + v) : PyNotImplemented.Value;
    [PySlot("__sub__", "__rsub__")]
    static PyObject Sub(ThreadState ts, PyObject a, PyObject b) => Coerce(a, out var u) && Coerce(b, out var v) ? new PyFloat(u - v) : PyNotImplemented.Value;
    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b) => Coerce(a, out var u) && Coerce(b, out var v) ? new PyFloat(u * v) : PyNotImplemented.Value;
    [PySlot("__truediv__", "__rtruediv__")]
    static PyObject Div(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Coerce(a, out var u) || !Coerce(b, out var v)) return PyNotImplemented.Value;
        if (v == 0) throw PyExc.ZeroDivisionError("float division by zero");
        return new PyFloat(u / v);
    }
    [PySlot("__floordiv__", "__rfloordiv__")]
    static PyObject FloorDivSlot(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Coerce(a, out var u) || !Coerce(b, out var v)) return PyNotImplemented.Value;
        if (v == 0) throw PyExc.ZeroDivisionError("float floor division by zero");
        return new PyFloat(Math.Floor(u / v));
    }
    [PySlot("__mod__", "__rmod__")]
    static PyObject Mod(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Coerce(a, out var u) || !Coerce(b, out var v)) return PyNotImplemented.Value;
        if (v == 0) throw PyExc.ZeroDivisionError("float modulo");
        var m = u % v;
        if (m != 0 && ((m < 0) != (v < 0))) m += v;
        return new PyFloat(m);
    }
    [PySlot("__pow__", "__rpow__")]
    static PyObject Pow(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Coerce(a, out var u) || !Coerce(b, out var v)) return PyNotImplemented.Value;
        if (u == 0 && v < 0) throw PyExc.ZeroDivisionError("0.0 cannot be raised to a negative power");
        return new PyFloat(Math.Pow(u, v));
    }

    [PyMethod]
    static PyObject __format__(ThreadState ts, PyFloat self, PyObject spec)
    {
        if (spec is PyStr s && s.Value.Length == 0) return new PyStr(ReprOf(self.Value));
        throw PyExc.ValueError("float format specs are not supported yet");
    }

    [PyMethod] static bool is_integer(ThreadState ts, PyFloat self) => Math.Floor(self.Value) == self.Value && !double.IsInfinity(self.Value);
    [PyGetter("real")] static PyObject GetReal(ThreadState ts, PyObject self) => FloatSlot(ts, self);
    [PyGetter("imag")] static PyObject GetImag(ThreadState ts, PyObject self) => new PyFloat(0);
}
