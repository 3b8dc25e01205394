#nullable enable
using System.Numerics;
using System;
namespace StacklessIron.Objects;

/// <summary>
/// `int`: a long fast path, a boxed BigInteger only when the value does not fit. Values in
/// -5..1024 are cached. (Minimal core version: the numbers work completes it.)
/// </summary>
[PyType("int")]
public class PyInt : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("int", typeof(PyInt));
    public static PyType IntType => TypeObject;
    public readonly long Small;
    readonly object? _big;     // boxed BigInteger when the value does not fit a long

    const int CacheMin = -5, CacheMax = 1024;
    static readonly PyInt[] _cache = MakeCache();
    static PyInt[] MakeCache()
    {
        var c = new PyInt[CacheMax - CacheMin + 1];
        for (int i = 0; i < c.Length; i++) c[i] = new PyInt(TypeObject, i + CacheMin);
        return c;
    }

    protected PyInt(PyType type, long v) : base(type) { Small = v; }
    protected PyInt(PyType type, BigInteger v) : base(type)
    {
        if (v >= long.MinValue && v <= long.MaxValue) Small = (long)v;
        else _big = v;
    }

    public static PyInt From(long v) => v >= CacheMin && v <= CacheMax ? _cache[v - CacheMin] : new PyInt(TypeObject, v);
    public static PyInt From(int v) => From((long)v);
    public static PyInt From(BigInteger v) => v >= long.MinValue && v <= long.MaxValue ? From((long)v) : new PyInt(TypeObject, v);
    public static PyInt WithType(PyType t, BigInteger v) => t == TypeObject ? From(v) : new PyIntSubclass(t, v);

    public bool IsBig => _big != null;
    public bool FitsLong => _big == null;
    public BigInteger Big => _big != null ? (BigInteger)_big : Small;
    public int Sign => _big != null ? ((BigInteger)_big).Sign : Math.Sign(Small);

    public long ToLongChecked()
    {
        if (_big != null) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        return Small;
    }

    public double ToDouble()
    {
        if (_big == null) return Small;
        var d = (double)(BigInteger)_big;
        if (double.IsInfinity(d)) throw PyExc.OverflowError("int too large to convert to float");
        return d;
    }

    const long Modulus = (1L << 61) - 1;

    /// <summary>CPython's numeric hash: value modulo 2**61 - 1, sign kept, -1 mapped to -2.</summary>
    public long HashValue()
    {
        long h;
        if (_big == null)
        {
            if (Small > -Modulus && Small < Modulus) h = Small;
            else h = (long)(BigInteger.Remainder(Small, Modulus));
        }
        else h = (long)BigInteger.Remainder((BigInteger)_big, Modulus);
        return h == -1 ? -2 : h;
    }

    public override string ToString() => _big != null ? ((BigInteger)_big).ToString() : Small.ToString();

    // ---------------- slots ----------------

    static bool Get2(PyObject a, PyObject b, out PyInt x, out PyInt y)
    {
        x = (a as PyInt)!; y = (b as PyInt)!;
        return x != null && y != null;
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var sig = new Signature("int", new[] { "x", "base" }, 1, 2, 0, false, false);
        var bound = new PyObject?[2];
        sig.Bind(ts, args, kwnames, bound, null, null, new[] { true, true });
        BigInteger v;
        var x = bound[0];
        if (x == null) v = 0;
        else if (bound[1] != null || x is PyStr)
        {
            if (x is not PyStr s) throw PyExc.TypeError("int() can't convert non-string with explicit base");
            int b = bound[1] == null ? 10 : (int)((PyInt)bound[1]!).ToLongChecked();
            v = ParseInt(s.Value, b);
        }
        else v = Ops.ToIntValue(ts, x).Big;
        return WithType(cls, v);
    }

    static BigInteger ParseInt(string text, int b)
    {
        var s = text.Trim().Replace("_", "");
        bool neg = false;
        if (s.StartsWith('-')) { neg = true; s = s[1..]; } else if (s.StartsWith('+')) s = s[1..];
        if (b == 0 || b == 16 || b == 8 || b == 2)
        {
            var low = s.ToLowerInvariant();
            if (low.StartsWith("0x") && (b == 0 || b == 16)) { b = 16; s = s[2..]; }
            else if (low.StartsWith("0o") && (b == 0 || b == 8)) { b = 8; s = s[2..]; }
            else if (low.StartsWith("0b") && (b == 0 || b == 2)) { b = 2; s = s[2..]; }
            else if (b == 0) b = 10;
        }
        if (s.Length == 0) throw PyExc.ValueError($"invalid literal for int() with base {b}: {PyStr.ReprOf(text)}");
        BigInteger v = 0;
        foreach (var c in s)
        {
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
            if (d >= b) throw PyExc.ValueError($"invalid literal for int() with base {b}: {PyStr.ReprOf(text)}");
            v = v * b + d;
        }
        return neg ? -v : v;
    }

    [PySlot("__repr__")] static PyObject Repr(ThreadState ts, PyObject self) => new PyStr(((PyInt)self).ToString());
    [PySlot("__hash__")] static long Hash(ThreadState ts, PyObject self) => ((PyInt)self).HashValue();
    [PySlot("__bool__")] static bool Bool(ThreadState ts, PyObject self) => ((PyInt)self).Sign != 0;
    [PySlot("__index__")] static PyObject IndexSlot(ThreadState ts, PyObject self) => self.Type == TypeObject || self is PyBool ? (self is PyBool ? From(((PyInt)self).Small) : self) : From(((PyInt)self).Big);
    [PySlot("__int__")] static PyObject IntSlot(ThreadState ts, PyObject self) => IndexSlot(ts, self);
    [PySlot("__float__")] static PyObject FloatSlot(ThreadState ts, PyObject self) => new PyFloat(((PyInt)self).ToDouble());
    [PySlot("__neg__")] static PyObject Neg(ThreadState ts, PyObject self) { var x = (PyInt)self; return x.FitsLong && x.Small != long.MinValue ? From(-x.Small) : From(-x.Big); }
    [PySlot("__pos__")] static PyObject Pos(ThreadState ts, PyObject self) => IndexSlot(ts, self);
    [PySlot("__abs__")] static PyObject AbsSlot(ThreadState ts, PyObject self) { var x = (PyInt)self; return x.Sign < 0 ? Neg(ts, self) : IndexSlot(ts, self); }
    [PySlot("__invert__")] static PyObject Invert(ThreadState ts, PyObject self) { var x = (PyInt)self; return x.FitsLong ? From(~x.Small) : From(-x.Big - 1); }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (!Get2(a, b, out var x, out var y))
        {
            if (a is PyInt ai && b is PyFloat bf) return PyFloat.CompareIntFloat(ai, bf.Value, op);
            return PyNotImplemented.Value;
        }
        int c = x.FitsLong && y.FitsLong ? x.Small.CompareTo(y.Small) : x.Big.CompareTo(y.Big);
        return PyBool.From(Ops.CompareResult(c, op));
    }

    [PySlot("__add__", "__radd__")]
    static PyObject Add(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (x.FitsLong && y.FitsLong) { long r; try { r = checked(x.Small + y.Small); } catch (OverflowException) { return From(x.Big + y.Big); } return From(r); }
        return From(x.Big + y.Big);
    }

    [PySlot("__sub__", "__rsub__")]
    static PyObject Sub(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (x.FitsLong && y.FitsLong) { long r; try { r = checked(x.Small - y.Small); } catch (OverflowException) { return From(x.Big - y.Big); } return From(r); }
        return From(x.Big - y.Big);
    }

    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (x.FitsLong && y.FitsLong) { long r; try { r = checked(x.Small * y.Small); } catch (OverflowException) { return From(x.Big * y.Big); } return From(r); }
        return From(x.Big * y.Big);
    }

    public static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var r);
        if (!r.IsZero && ((r.Sign < 0) != (b.Sign < 0))) q -= 1;
        return q;
    }

    [PySlot("__floordiv__", "__rfloordiv__")]
    static PyObject FloorDivSlot(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (y.Sign == 0) throw PyExc.ZeroDivisionError("integer division or modulo by zero");
        if (x.FitsLong && y.FitsLong && !(x.Small == long.MinValue && y.Small == -1))
        {
            long q = x.Small / y.Small, r = x.Small % y.Small;
            if (r != 0 && ((r < 0) != (y.Small < 0))) q--;
            return From(q);
        }
        return From(FloorDiv(x.Big, y.Big));
    }

    [PySlot("__mod__", "__rmod__")]
    static PyObject Mod(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (y.Sign == 0) throw PyExc.ZeroDivisionError("integer division or modulo by zero");
        if (x.FitsLong && y.FitsLong && y.Small != -1)
        {
            long r = x.Small % y.Small;
            if (r != 0 && ((r < 0) != (y.Small < 0))) r += y.Small;
            return From(r);
        }
        var m = BigInteger.Remainder(x.Big, y.Big);
        if (!m.IsZero && ((m.Sign < 0) != (y.Sign < 0))) m += y.Big;
        return From(m);
    }

    [PySlot("__truediv__", "__rtruediv__")]
    static PyObject TrueDiv(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (y.Sign == 0) throw PyExc.ZeroDivisionError("division by zero");
        if (x.FitsLong && y.FitsLong && Math.Abs(x.Small) < (1L << 53) && Math.Abs(y.Small) < (1L << 53))
            return new PyFloat((double)x.Small / y.Small);
        return new PyFloat((double)x.Big / (double)y.Big);
    }

    [PySlot("__pow__", "__rpow__")]
    static PyObject Pow(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (y.Sign < 0) return new PyFloat(Math.Pow(x.ToDouble(), y.ToDouble()));
        if (!y.FitsLong || y.Small > int.MaxValue) throw PyExc.OverflowError("exponent too large");
        return From(BigInteger.Pow(x.Big, (int)y.Small));
    }

    [PySlot("__lshift__", "__rlshift__")]
    static PyObject LShift(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (y.Sign < 0) throw PyExc.ValueError("negative shift count");
        if (!y.FitsLong || y.Small > int.MaxValue) throw PyExc.OverflowError("too many digits in integer");
        return From(x.Big << (int)y.Small);
    }

    [PySlot("__rshift__", "__rrshift__")]
    static PyObject RShift(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (y.Sign < 0) throw PyExc.ValueError("negative shift count");
        if (!y.FitsLong || y.Small > int.MaxValue) return From(x.Sign < 0 ? -1 : 0);
        if (x.FitsLong) return From(y.Small >= 64 ? (x.Small < 0 ? -1 : 0) : x.Small >> (int)y.Small);
        return From(x.Big >> (int)y.Small);
    }

    [PySlot("__and__", "__rand__")]
    static PyObject And(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        return x.FitsLong && y.FitsLong ? From(x.Small & y.Small) : From(x.Big & y.Big);
    }

    [PySlot("__or__", "__ror__")]
    static PyObject Or(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        return x.FitsLong && y.FitsLong ? From(x.Small | y.Small) : From(x.Big | y.Big);
    }

    [PySlot("__xor__", "__rxor__")]
    static PyObject Xor(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        return x.FitsLong && y.FitsLong ? From(x.Small ^ y.Small) : From(x.Big ^ y.Big);
    }

    [PyMethod]
    static PyObject __format__(ThreadState ts, PyInt self, PyObject spec)
    {
        if (spec is PyStr s && s.Value.Length == 0) return new PyStr(self.ToString());
        throw PyExc.ValueError("int format specs are not supported yet");
    }

    [PyGetter("real")] static PyObject GetReal(ThreadState ts, PyObject self) => IndexSlot(ts, self);
    [PyGetter("imag")] static PyObject GetImag(ThreadState ts, PyObject self) => From(0);
    [PyGetter("numerator")] static PyObject GetNum(ThreadState ts, PyObject self) => IndexSlot(ts, self);
    [PyGetter("denominator")] static PyObject GetDen(ThreadState ts, PyObject self) => From(1);
}
