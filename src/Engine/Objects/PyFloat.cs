#nullable enable
using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Objects;

/// <summary>`float`: an IEEE double. The arithmetic, parsing, formatting and hashing rules
/// live in Formatting/ (FloatMath, FloatFormatter, NumberParsing); this is the Python face.</summary>
[PyType("float")]
public class PyFloat : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("float", typeof(PyFloat));
    public readonly double Value;

    public PyFloat(double v) : base(TypeObject) { Value = v; }
    protected PyFloat(PyType t, double v) : base(t) { Value = v; }

    // ---------------- helpers shared by the number types ----------------

    /// <summary>The Python exception for an error reported by the Formatting algorithms.</summary>
    public static PyException ToPy(FormatError e) => e.PyType switch
    {
        "ValueError" => PyExc.ValueError(e.Message),
        "TypeError" => PyExc.TypeError(e.Message),
        "OverflowError" => PyExc.OverflowError(e.Message),
        "ZeroDivisionError" => PyExc.ZeroDivisionError(e.Message),
        "IndexError" => PyExc.IndexError(e.Message),
        "MemoryError" => PyExc.MemoryError(),
        "LookupError" => PyExc.LookupError(e.Message),
        _ => PyExc.SystemError(e.Message),
    };

    /// <summary>Runs a Formatting algorithm, turning its FormatError into the Python exception.</summary>
    public static T Call<T>(Func<T> f)
    {
        try { return f(); }
        catch (FormatError e) { throw ToPy(e); }
    }

    /// <summary>The format spec argument of a number's __format__ (positional-only, so the
    /// message names no parameter).</summary>
    public static string SpecText(PyObject spec) =>
        spec is PyStr s ? s.Value : throw PyExc.TypeError($"__format__() argument must be str, not {spec.Type.Name}");

    /// <summary>CPython's hash of a double (equal to the int hash for integral values).</summary>
    public static long HashDouble(double v) => FloatMath.HashDouble(v);

    /// <summary>hash of a double held by <paramref name="owner"/>: NaN hashes by identity, as in 3.11.</summary>
    public static long HashOf(PyObject owner, double v)
    {
        if (!double.IsNaN(v)) return FloatMath.HashDouble(v);
        long h = RuntimeHelpers.GetHashCode(owner);
        return h == -1 ? -2 : h;
    }

    /// <summary>repr(float): shortest round-trip digits, CPython's exponent rules, ".0" added.</summary>
    public static string ReprOf(double v) => FloatFormatter.Format(v, 'r', 0, addDot0: true);

    /// <summary>An int compared with a double, exactly (no rounding of either side).</summary>
    public static PyObject CompareIntFloat(PyInt a, double b, CompareOp op)
    {
        if (double.IsNaN(b)) return PyBool.From(op == CompareOp.Ne);
        int c;
        if (double.IsInfinity(b)) c = b > 0 ? -1 : 1;
        else if (a.FitsLong && a.Small > -(1L << 53) && a.Small < (1L << 53)) c = ((double)a.Small).CompareTo(b);
        else
        {
            var fb = Math.Floor(b);
            c = a.Big.CompareTo(new BigInteger(fb));
            if (c == 0 && fb != b) c = -1;
        }
        return PyBool.From(Ops.CompareResult(c, op));
    }

    /// <summary>An int or float operand as a double; false for other types. A too-large int
    /// raises OverflowError as CPython does.</summary>
    static bool Coerce(PyObject o, out double v)
    {
        if (o is PyFloat f) { v = f.Value; return true; }
        if (o is PyInt i) { v = i.ToDouble(); return true; }
        v = 0; return false;
    }

    public static PyInt ToInt(double v)
    {
        if (double.IsFinite(v) && Math.Abs(v) < 9e18) return PyInt.From((long)v);
        try { return PyInt.From(FloatMath.ToBigInteger(v)); }
        catch (FormatError e) { throw ToPy(e); }
    }

    // ---------------- construction ----------------

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Count > 0) throw PyExc.TypeError("float() takes no keyword arguments");
        if (args.Length > 1) throw PyExc.TypeError($"float expected at most 1 argument, got {args.Length}");
        double v = args.Length == 0 ? 0 : FromObject(ts, args[0]);
        return cls == TypeObject ? new PyFloat(v) : new PyFloatSubclass(cls, v);
    }

    /// <summary>float(x): a str is parsed, otherwise __float__ then __index__.</summary>
    public static double FromObject(ThreadState ts, PyObject x)
    {
        if (x is PyFloat f) return f.Value;
        if (x is PyStr s) { try { return NumberParsing.ParseFloat(s.Value); } catch (FormatError e) { throw PyFloat.ToPy(e); } }
        if (x is PyInt i) return i.ToDouble();
        if (x.Type.Float != null)
        {
            var r = x.Type.Float(ts, x);
            if (r is not PyFloat rf) throw PyExc.TypeError($"{x.Type.Name}.__float__ returned non-float (type {r.Type.Name})");
            return rf.Value;
        }
        if (x.Type.Index != null) return Ops.Index(ts, x).ToDouble();
        if (x.Type.Name is "bytes" or "bytearray")
        {
            var bytes = new byte[Ops.Len(ts, x)];
            int k = 0;
            foreach (var b in Ops.Iterate(ts, x)) bytes[k++] = (byte)((PyInt)b).Small;
            try { return NumberParsing.ParseFloatBytes(bytes); } catch (FormatError e) { throw PyFloat.ToPy(e); }
        }
        throw PyExc.TypeError($"float() argument must be a string or a real number, not '{x.Type.Name}'");
    }

    // ---------------- protocols ----------------

    [PySlot("__repr__")] static PyObject Repr(ThreadState ts, PyObject self) => new PyStr(ReprOf(((PyFloat)self).Value));
    [PySlot("__hash__")] static long Hash(ThreadState ts, PyObject self) => HashOf(self, ((PyFloat)self).Value);
    [PySlot("__bool__")] static bool Bool(ThreadState ts, PyObject self) => ((PyFloat)self).Value != 0;
    [PySlot("__float__")] static PyObject FloatSlot(ThreadState ts, PyObject self) => self.Type == TypeObject ? self : new PyFloat(((PyFloat)self).Value);
    [PySlot("__int__")] static PyObject IntSlot(ThreadState ts, PyObject self) => ToInt(((PyFloat)self).Value);
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
        if (a is PyInt ai && b is PyFloat y) return CompareIntFloat(ai, y.Value, op);
        if (a is not PyFloat fa || b is not PyFloat fb) return PyNotImplemented.Value;
        double u = fa.Value, v = fb.Value;
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
        try { return new PyFloat(FloatMath.FloorDivide(u, v)); }
        catch (FormatError e) { throw ToPy(e); }
    }

    [PySlot("__mod__", "__rmod__")]
    static PyObject Mod(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Coerce(a, out var u) || !Coerce(b, out var v)) return PyNotImplemented.Value;
        try { return new PyFloat(FloatMath.Modulo(u, v)); }
        catch (FormatError e) { throw ToPy(e); }
    }

    static PyObject DivModOf(PyObject a, PyObject b)
    {
        if (!Coerce(a, out var u) || !Coerce(b, out var v)) return PyNotImplemented.Value;
        try
        {
            var (q, r) = FloatMath.DivMod(u, v);
            return new PyTuple(new PyObject[] { new PyFloat(q), new PyFloat(r) });
        }
        catch (FormatError e) { throw ToPy(e); }
    }

    [PyMethod] static PyObject __divmod__(ThreadState ts, PyFloat self, PyObject value) => DivModOf(self, value);
    [PyMethod] static PyObject __rdivmod__(ThreadState ts, PyFloat self, PyObject value) => DivModOf(value, self);

    [PySlot("__pow__", "__rpow__")]
    static PyObject Pow(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Coerce(a, out var u) || !Coerce(b, out var v)) return PyNotImplemented.Value;
        // A negative base to a fractional power has a complex result.
        if (FloatMath.PowIsComplex(u, v))
        {
            var (re, im) = PyComplex.Power(u, 0, v, 0);
            return new PyComplex(re, im);
        }
        try { return new PyFloat(FloatMath.Pow(u, v)); }
        catch (FormatError e) { throw ToPy(e); }
    }

    // ---------------- methods ----------------

    [PyMethod]
    static PyObject __format__(ThreadState ts, PyFloat self, PyObject spec)
    {
        if (SpecText(spec).Length == 0) return Ops.Str(ts, self);
        try { return new PyStr(FormatSpec.FormatFloat(self.Value, SpecText(spec), self.Type.Name)); } catch (FormatError e) { throw PyFloat.ToPy(e); }
    }

    [PyMethod]
    static PyObject __round__(ThreadState ts, PyFloat self, PyObject? ndigits = null)
    {
        if (ndigits == null || ndigits == PyNone.Value)
            try { return PyInt.From(FloatMath.RoundToInt(self.Value)); } catch (FormatError e) { throw PyFloat.ToPy(e); }
        var n = Ops.Index(ts, ndigits);
        long nd = n.FitsLong ? n.Small : (n.Sign > 0 ? long.MaxValue : long.MinValue);
        try { return new PyFloat(FloatMath.Round(self.Value, nd)); } catch (FormatError e) { throw PyFloat.ToPy(e); }
    }

    [PyMethod] static PyObject __trunc__(ThreadState ts, PyFloat self) => ToInt(self.Value);
    [PyMethod] static PyObject __floor__(ThreadState ts, PyFloat self) => ToInt(Math.Floor(self.Value));
    [PyMethod] static PyObject __ceil__(ThreadState ts, PyFloat self) => ToInt(Math.Ceiling(self.Value));
    [PyMethod] static bool is_integer(ThreadState ts, PyFloat self) => FloatMath.IsInteger(self.Value);
    [PyMethod] static PyObject conjugate(ThreadState ts, PyFloat self) => FloatSlot(ts, self);
    [PyMethod] static PyObject __getnewargs__(ThreadState ts, PyFloat self) => new PyTuple(new PyObject[] { new PyFloat(self.Value) });
    [PyMethod] static string hex(ThreadState ts, PyFloat self) => FloatMath.ToHex(self.Value);

    [PyMethod]
    static PyObject as_integer_ratio(ThreadState ts, PyFloat self)
    {
        var (n, d) = Call(() => FloatMath.AsIntegerRatio(self.Value));
        return new PyTuple(new PyObject[] { PyInt.From(n), PyInt.From(d) });
    }

    [PyClassMethod]
    static PyObject fromhex(ThreadState ts, PyType cls, PyStr @string)
    {
        var v = new PyFloat(Call(() => FloatMath.FromHex(@string.Value)));
        return cls == TypeObject ? v : Ops.Call(ts, cls, v);
    }

    [PyClassMethod]
    static string __getformat__(ThreadState ts, PyType cls, string typestr)
    {
        if (typestr != "double" && typestr != "float")
            throw PyExc.ValueError("__getformat__() argument 1 must be 'double' or 'float'");
        return BitConverter.IsLittleEndian ? "IEEE, little-endian" : "IEEE, big-endian";
    }

    [PyGetter("real")] static PyObject GetReal(ThreadState ts, PyObject self) => FloatSlot(ts, self);
    [PyGetter("imag")] static PyObject GetImag(ThreadState ts, PyObject self) => new PyFloat(0);
}
