#nullable enable
using System.Numerics;
using System;
using System.Runtime.CompilerServices;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Objects;

/// <summary>
/// `int`: a long fast path, a boxed BigInteger only when the value does not fit. Values in
/// -5..1024 are cached. The big-number algorithms live in Formatting/ (IntMath, NumberParsing).
/// </summary>
[PyType("int")]
public class PyInt : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("int", typeof(PyInt));
    public static PyType IntType => TypeObject;
    /// <summary>The value when it fits a long; for a big value, its sign (+1 or -1).</summary>
    public readonly long Small;

    /// <summary>The magnitude of a value that does not fit a long: BigInteger's own limb
    /// array (see PyIntLimbs), shared and never written; null for a value that fits. Only the
    /// two sealed classes that can hold a big value carry the field (PyBigInt, and
    /// PyIntSubclass), so every other int is 32 bytes instead of 40: programs keep millions
    /// of ints alive, and the GC's time grows with their bytes. Two type-handle compares.</summary>
    uint[]? BigLimbs
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => this is PyBigInt b ? b.Limbs : this is PyIntSubclass s ? s.Limbs : null;
    }

    const int CacheMin = -5, CacheMax = 1024;
    static readonly PyInt[] _cache = MakeCache();
    static PyInt[] MakeCache()
    {
        var c = new PyInt[CacheMax - CacheMin + 1];
        for (int i = 0; i < c.Length; i++) c[i] = new PyInt(TypeObject, i + CacheMin);
        return c;
    }

    protected PyInt(PyType type, long v) : base(type) { Small = v; }

    /// <summary>Splits v into the Small field's value and, when it does not fit a long, its
    /// magnitude (Small is then the sign).</summary>
    internal static long Split(BigInteger v, out uint[]? mag)
    {
        if (v >= long.MinValue && v <= long.MaxValue) { mag = null; return (long)v; }
        mag = PyIntLimbs.Decompose(v, out int sign);
        return sign;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyInt From(long v) => v >= CacheMin && v <= CacheMax ? _cache[v - CacheMin] : new PyInt(TypeObject, v);
    public static PyInt From(int v) => From((long)v);
    public static PyInt From(BigInteger v)
    {
        long small = Split(v, out var mag);
        return mag == null ? From(small) : new PyBigInt((int)small, mag);
    }
    public static PyInt WithType(PyType t, BigInteger v) => t == TypeObject ? From(v) : new PyIntSubclass(t, v);

    /// <summary>The int with this sign and normalized magnitude: a long when it fits.</summary>
    static PyInt FromMagnitude(int sign, uint[] mag)
    {
        if (mag.Length <= 2)
        {
            ulong m = mag.Length == 0 ? 0 : mag.Length == 1 ? mag[0] : ((ulong)mag[1] << 32) | mag[0];
            if (m <= long.MaxValue) return From(sign < 0 ? -(long)m : (long)m);
            if (sign < 0 && m == 1UL << 63) return From(long.MinValue);
        }
        return new PyBigInt(sign, mag);
    }

    public bool IsBig => BigLimbs != null;
    public bool FitsLong => BigLimbs == null;
    public BigInteger Big => BigLimbs != null ? PyIntLimbs.Compose((int)Small, BigLimbs) : Small;
    public int Sign => BigLimbs != null ? (int)Small : Math.Sign(Small);

    /// <summary>|value| as limbs; a small value's go into <paramref name="buf"/> (two limbs).</summary>
    ReadOnlySpan<uint> Magnitude(Span<uint> buf) => BigLimbs ?? PyIntLimbs.OfLong(Small, buf);

    public long ToLongChecked()
    {
        if (BigLimbs != null) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        return Small;
    }

    public double ToDouble()
    {
        if (BigLimbs == null && Small > -(1L << 53) && Small < (1L << 53)) return Small;
        if (BigLimbs != null)
        {
            double d = PyIntLimbs.ToDouble(BigLimbs);
            if (double.IsInfinity(d)) throw PyExc.OverflowError("int too large to convert to float");
            return Small < 0 ? -d : d;
        }
        try { return IntMath.ToDouble(Big); }
        catch (FormatError e) { throw PyFloat.ToPy(e); }
    }

    const long Modulus = (1L << 61) - 1;

    /// <summary>sys.int_info.str_digits_check_threshold: the smallest nonzero digit limit.</summary>
    public const int MaxStrDigitsThreshold = 640;
    public static bool IsValidMaxStrDigits(long n) => n == 0 || (n >= MaxStrDigitsThreshold && n <= int.MaxValue);

    /// <summary>PYTHONINTMAXSTRDIGITS when set to a valid limit (CPython refuses to start
    /// otherwise; here an invalid value is ignored).</summary>
    public static int? MaxStrDigitsFromEnvironment() =>
        long.TryParse(Environment.GetEnvironmentVariable("PYTHONINTMAXSTRDIGITS"), out long n) && IsValidMaxStrDigits(n) ? (int)n : null;

    /// <summary>The hash of an exact int (Type is int) without a call, when its value needs no
    /// reduction: |value| below 2**61 - 1 and not -1 (a big int's Small is only its sign). Dict
    /// lookups with int keys take this before the general HashValue.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPlainHash(out long h)
    {
        h = Small;
        return this is not PyBigInt && h > -Modulus && h < Modulus && h != -1;
    }

    /// <summary>CPython's numeric hash: value modulo 2**61 - 1, sign kept, -1 mapped to -2.</summary>
    public long HashValue()
    {
        long h;
        if (BigLimbs == null)
        {
            if (Small > -Modulus && Small < Modulus) h = Small;
            else h = Small % Modulus;
        }
        else
        {
            h = PyIntLimbs.HashMagnitude(BigLimbs);
            if (Small < 0) h = -h;
        }
        return h == -1 ? -2 : h;
    }

    public override string ToString() => BigLimbs != null ? Big.ToString() : Small.ToString();

    // ---------------- slots ----------------

    static bool Get2(PyObject a, PyObject b, out PyInt x, out PyInt y)
    {
        x = (a as PyInt)!; y = (b as PyInt)!;
        return x != null && y != null;
    }

    static readonly Signature s_newSignature = new("int", new[] { "x", "base" }, 1, 2, 0, false, false);

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        // CPython's own message for int(x=...): x is positional-only.
        if (kwnames != null)
            foreach (var k in kwnames.Items)
                if (k is PyStr ks && ks.Value != "base") throw PyExc.TypeError($"'{ks.Value}' is an invalid keyword argument for int()");
        var bound = new PyObject?[2];
        s_newSignature.Bind(ts, args, kwnames, bound, null, null, new[] { true, true });
        var x = bound[0];
        if (x == null)
        {
            if (bound[1] != null) throw PyExc.TypeError("int() missing string argument");
            return WithType(cls, 0);
        }
        if (bound[1] != null)
        {
            var bi = Ops.Index(ts, bound[1]!);
            int b = bi.FitsLong && bi.Small >= int.MinValue && bi.Small <= int.MaxValue ? (int)bi.Small : 99;
            if ((b != 0 && b < 2) || b > 36) throw PyExc.ValueError("int() base must be >= 2 and <= 36, or 0");
            if (x is PyStr bs) { try { return WithType(cls, NumberParsing.ParseInt(bs.Value, b, ts.Engine.IntMaxStrDigits)); } catch (FormatError e) { throw PyFloat.ToPy(e); } }
            if (x.Type.Name is "bytes" or "bytearray") return WithType(cls, ParseBytes(ts, x, b));
            throw PyExc.TypeError("int() can't convert non-string with explicit base");
        }
        if (x is PyStr s) { try { return WithType(cls, NumberParsing.ParseInt(s.Value, 10, ts.Engine.IntMaxStrDigits)); } catch (FormatError e) { throw PyFloat.ToPy(e); } }
        if (x is PyFloat f) return cls == TypeObject ? PyFloat.ToInt(f.Value) : WithType(cls, PyFloat.ToInt(f.Value).Big);
        if (x.Type.Name is "bytes" or "bytearray" && x.Type.Int == null && x.Type.Index == null) return WithType(cls, ParseBytes(ts, x, 10));
        var v = Ops.ToIntValue(ts, x);
        return cls == TypeObject ? (v.Type == TypeObject ? v : From(v.Big)) : WithType(cls, v.Big);
    }

    /// <summary>int(b'...', base): the bytes come through iteration so any bytes-like works.</summary>
    static BigInteger ParseBytes(ThreadState ts, PyObject x, int b)
    {
        var bytes = new byte[Ops.Len(ts, x)];
        int k = 0;
        foreach (var o in Ops.Iterate(ts, x)) bytes[k++] = (byte)((PyInt)o).Small;
        try { return NumberParsing.ParseIntBytes(bytes, b, ts.Engine.IntMaxStrDigits); } catch (FormatError e) { throw PyFloat.ToPy(e); }
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var x = (PyInt)self;
        if (x.FitsLong) return PyStr.FromDecimal(x.Small);
        try { return new PyStr(NumberParsing.ToDecimalString(x.Big, ts.Engine.IntMaxStrDigits)); } catch (FormatError e) { throw PyFloat.ToPy(e); }
    }
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
        if (x.BigLimbs == null && y.BigLimbs == null)
        {
            long p = x.Small, q = y.Small, r = p + q;
            if (((p ^ r) & (q ^ r)) >= 0) return From(r);
        }
        return AddBig(x, y, y.Sign);
    }

    [PySlot("__sub__", "__rsub__")]
    static PyObject Sub(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (x.BigLimbs == null && y.BigLimbs == null)
        {
            long p = x.Small, q = y.Small, r = p - q;
            if (((p ^ q) & (p ^ r)) >= 0) return From(r);
        }
        return AddBig(x, y, -y.Sign);
    }

    /// <summary>x + y (signY = y's sign) or x - y (signY = minus y's sign) on magnitudes.</summary>
    static PyInt AddBig(PyInt x, PyInt y, int signY)
    {
        Span<uint> bx = stackalloc uint[2], by = stackalloc uint[2];
        ReadOnlySpan<uint> mx = x.Magnitude(bx), my = y.Magnitude(by);
        int signX = x.Sign;
        if (signY == 0) return FromMagnitude(signX, x.BigLimbs ?? mx.ToArray());
        if (signX == 0) return FromMagnitude(signY, y.BigLimbs ?? my.ToArray());
        if (signX == signY) return FromMagnitude(signX, PyIntLimbs.Add(mx, my));
        int c = PyIntLimbs.CompareMagnitudes(mx, my);
        if (c == 0) return From(0);
        return c > 0 ? FromMagnitude(signX, PyIntLimbs.Subtract(mx, my)) : FromMagnitude(signY, PyIntLimbs.Subtract(my, mx));
    }

    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (x.BigLimbs == null && y.BigLimbs == null)
        {
            long high = Math.BigMul(x.Small, y.Small, out long low);
            if (high == (low >> 63)) return From(low);
        }
        int sign = x.Sign * y.Sign;
        if (sign == 0) return From(0);
        // A big int times one limb (f *= i): one pass straight into the result.
        Span<uint> bx = stackalloc uint[2], by = stackalloc uint[2];
        ReadOnlySpan<uint> mx = x.Magnitude(bx), my = y.Magnitude(by);
        if (my.Length == 1) return FromMagnitude(sign, PyIntLimbs.MultiplyByLimb(mx, my[0]));
        if (mx.Length == 1) return FromMagnitude(sign, PyIntLimbs.MultiplyByLimb(my, mx[0]));
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
        if (y.Sign == 0) throw PyExc.ZeroDivisionError("integer modulo by zero");
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
        if (x.FitsLong && y.FitsLong && x.Small > -(1L << 53) && x.Small < (1L << 53) && y.Small > -(1L << 53) && y.Small < (1L << 53))
            return new PyFloat((double)x.Small / y.Small);
        try { return new PyFloat(IntMath.TrueDivide(x.Big, y.Big)); } catch (FormatError e) { throw PyFloat.ToPy(e); }
    }

    [PySlot("__pow__", "__rpow__")]
    static PyObject Pow(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (y.Sign < 0) { try { return new PyFloat(IntMath.PowToDouble(x.Big, y.Big)); } catch (FormatError e) { throw PyFloat.ToPy(e); } }
        if (x.FitsLong && y.FitsLong && y.Small < 64)
        {
            // Repeated squaring on longs while it fits.
            long r = 1, p = x.Small, n = y.Small;
            try
            {
                checked
                {
                    while (n > 0)
                    {
                        if ((n & 1) != 0) r *= p;
                        n >>= 1;
                        if (n > 0) p *= p;
                    }
                }
                return From(r);
            }
            catch (OverflowException) { }
        }
        try { return From(IntMath.Pow(x.Big, y.Big)); } catch (FormatError e) { throw PyFloat.ToPy(e); }
    }

    /// <summary>pow(v, w, z) for ints (long_pow with a modulus): NotImplemented unless all
    /// three are ints; a negative exponent takes the modular inverse.</summary>
    internal static PyObject PowMod(ThreadState ts, PyObject v, PyObject w, PyObject z)
    {
        if (v is not PyInt b || w is not PyInt e || z is not PyInt m) return PyNotImplemented.Value;
        var mm = m.Big;
        if (mm.IsZero) throw PyExc.ValueError("pow() 3rd argument cannot be 0");
        var abs = System.Numerics.BigInteger.Abs(mm);
        var bb = b.Big; var ee = e.Big;
        if (ee.Sign < 0)
        {
            bb = ModInverse(bb, abs) ?? throw PyExc.ValueError("base is not invertible for the given modulus");
            ee = -ee;
        }
        var r = System.Numerics.BigInteger.ModPow(bb, ee, abs);
        if (r.Sign < 0) r += abs;
        if (mm.Sign < 0 && !r.IsZero) r += mm;
        return From(r);
    }

    static System.Numerics.BigInteger? ModInverse(System.Numerics.BigInteger a, System.Numerics.BigInteger m)
    {
        if (m.IsOne) return System.Numerics.BigInteger.Zero;
        System.Numerics.BigInteger oldR = ((a % m) + m) % m, r = m, oldS = 1, s = 0;
        while (!r.IsZero)
        {
            var q = oldR / r;
            (oldR, r) = (r, oldR - q * r);
            (oldS, s) = (s, oldS - q * s);
        }
        if (oldR != 1) return null;
        return ((oldS % m) + m) % m;
    }

    [PySlot("__lshift__", "__rlshift__")]
    static PyObject LShift(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (y.Sign < 0) throw PyExc.ValueError("negative shift count");
        if (x.FitsLong && y.Small < 62 && y.FitsLong)
        {
            long r = x.Small << (int)y.Small;
            if (r >> (int)y.Small == x.Small) return From(r);
        }
        if (!y.FitsLong && x.Sign != 0) throw PyExc.OverflowError("too many digits in integer");
        if (x.Sign == 0) return From(0);
        // Sign and magnitude: the magnitude shifts, the sign stays (256 MB of bits at most, as IntMath).
        Span<uint> bx = stackalloc uint[2];
        var mx = x.Magnitude(bx);
        if (y.Small + PyIntLimbs.BitLength(mx) > int.MaxValue) throw PyExc.MemoryError();
        return FromMagnitude(x.Sign, PyIntLimbs.ShiftLeft(mx, y.Small));
    }

    [PySlot("__rshift__", "__rrshift__")]
    static PyObject RShift(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (y.Sign < 0) throw PyExc.ValueError("negative shift count");
        if (x.FitsLong && y.FitsLong) return From(y.Small >= 64 ? (x.Small < 0 ? -1 : 0) : x.Small >> (int)y.Small);
        if (!y.FitsLong) return From(x.Sign < 0 ? -1 : 0);
        // Floor division by 2**n: a negative value whose shifted-out bits are not all zero
        // rounds one further from zero.
        Span<uint> bx = stackalloc uint[2];
        var q = PyIntLimbs.ShiftRight(x.Magnitude(bx), y.Small, out bool lostOnes);
        var r = FromMagnitude(x.Sign, q);
        return x.Sign < 0 && lostOnes ? AddBig(r, From(-1), -1) : r;
    }

    [PySlot("__and__", "__rand__")]
    static PyObject And(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (x.FitsLong && y.FitsLong) return From(x.Small & y.Small);
        return BitwiseBig(x, y, '&');
    }

    [PySlot("__or__", "__ror__")]
    static PyObject Or(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (x.FitsLong && y.FitsLong) return From(x.Small | y.Small);
        return BitwiseBig(x, y, '|');
    }

    [PySlot("__xor__", "__rxor__")]
    static PyObject Xor(ThreadState ts, PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (x.FitsLong && y.FitsLong) return From(x.Small ^ y.Small);
        return BitwiseBig(x, y, '^');
    }

    /// <summary>&amp;, |, ^ with a big operand: on the limbs when neither is negative, else
    /// through BigInteger's two's complement.</summary>
    static PyObject BitwiseBig(PyInt x, PyInt y, char op)
    {
        if (x.Sign >= 0 && y.Sign >= 0)
        {
            Span<uint> bx = stackalloc uint[2], by = stackalloc uint[2];
            return FromMagnitude(1, PyIntLimbs.Bitwise(x.Magnitude(bx), y.Magnitude(by), op));
        }
        return From(op == '&' ? x.Big & y.Big : op == '|' ? x.Big | y.Big : x.Big ^ y.Big);
    }

    static PyObject DivModOf(PyObject a, PyObject b)
    {
        if (!Get2(a, b, out var x, out var y)) return PyNotImplemented.Value;
        if (y.Sign == 0) throw PyExc.ZeroDivisionError("integer division or modulo by zero");
        var (q, r) = IntMath.DivMod(x.Big, y.Big);
        return new PyTuple(new PyObject[] { From(q), From(r) });
    }

    [PyMethod] static PyObject __divmod__(ThreadState ts, PyInt self, PyObject value) => DivModOf(self, value);
    [PyMethod] static PyObject __rdivmod__(ThreadState ts, PyInt self, PyObject value) => DivModOf(value, self);

    [PyMethod]
    static PyObject __format__(ThreadState ts, PyInt self, PyObject spec)
    {
        if (PyFloat.SpecText(spec).Length == 0) return Ops.Str(ts, self);
        if (self.FitsLong) { try { return new PyStr(FormatSpec.FormatInt(self.Small, PyFloat.SpecText(spec), self.Type.Name)); } catch (FormatError e) { throw PyFloat.ToPy(e); } }
        try { return new PyStr(FormatSpec.FormatInt(self.Big, PyFloat.SpecText(spec), self.Type.Name, maxStrDigits: ts.Engine.IntMaxStrDigits)); } catch (FormatError e) { throw PyFloat.ToPy(e); }
    }

    [PyMethod]
    static PyObject __round__(ThreadState ts, PyInt self, PyObject? ndigits = null)
    {
        if (ndigits == null || ndigits == PyNone.Value) return IndexSlot(ts, self);
        var n = Ops.Index(ts, ndigits);
        if (n.Sign >= 0) return IndexSlot(ts, self);
        long nd = n.FitsLong ? n.Small : long.MinValue;
        return From(IntMath.Round(self.Big, nd));
    }

    [PyMethod] static PyObject __trunc__(ThreadState ts, PyInt self) => IndexSlot(ts, self);
    [PyMethod] static PyObject __floor__(ThreadState ts, PyInt self) => IndexSlot(ts, self);
    [PyMethod] static PyObject __ceil__(ThreadState ts, PyInt self) => IndexSlot(ts, self);
    [PyMethod] static PyObject conjugate(ThreadState ts, PyInt self) => IndexSlot(ts, self);
    [PyMethod] static PyObject __getnewargs__(ThreadState ts, PyInt self) => new PyTuple(new PyObject[] { IndexSlot(ts, self) });

    [PyMethod]
    static PyObject bit_length(ThreadState ts, PyInt self) =>
        From(self.FitsLong ? (self.Small == long.MinValue ? 64 : 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Abs(self.Small))) : PyIntLimbs.BitLength(self.BigLimbs));

    [PyMethod]
    static PyObject bit_count(ThreadState ts, PyInt self) =>
        From(self.FitsLong && self.Small != long.MinValue ? System.Numerics.BitOperations.PopCount((ulong)Math.Abs(self.Small)) : IntMath.BitCount(self.Big));

    [PyMethod]
    static PyObject as_integer_ratio(ThreadState ts, PyInt self) => new PyTuple(new PyObject[] { IndexSlot(ts, self), From(1) });

    static bool BigEndian(string byteorder) => byteorder switch
    {
        "big" => true,
        "little" => false,
        _ => throw PyExc.ValueError("byteorder must be either 'little' or 'big'"),
    };

    [PyMethod]
    static PyObject to_bytes(ThreadState ts, PyInt self, [PyKeyword] long length = 1, string byteorder = "big", [PyKwOnly] bool signed = false)
    {
        bool big = BigEndian(byteorder);
        try { return ConstantHooks.MakeBytes(IntMath.ToBytes(self.Big, length, big, signed)); } catch (FormatError e) { throw PyFloat.ToPy(e); }
    }

    [PyClassMethod]
    static PyObject from_bytes(ThreadState ts, PyType cls, [PyKeyword] PyObject bytes, string byteorder = "big", [PyKwOnly] bool signed = false)
    {
        bool big = BigEndian(byteorder);
        if (bytes is PyStr) throw PyExc.TypeError("cannot convert 'str' object to bytes");
        var data = new System.Collections.Generic.List<byte>();
        foreach (var o in Ops.Iterate(ts, bytes))
        {
            var v = Ops.Index(ts, o);
            if (!v.FitsLong || v.Small < 0 || v.Small > 255) throw PyExc.ValueError("bytes must be in range(0, 256)");
            data.Add((byte)v.Small);
        }
        var r = From(IntMath.FromBytes(data.ToArray(), big, signed));
        return cls == TypeObject ? r : Ops.Call(ts, cls, r);
    }

    [PyGetter("real")] static PyObject GetReal(ThreadState ts, PyObject self) => IndexSlot(ts, self);
    [PyGetter("imag")] static PyObject GetImag(ThreadState ts, PyObject self) => From(0);
    [PyGetter("numerator")] static PyObject GetNum(ThreadState ts, PyObject self) => IndexSlot(ts, self);
    [PyGetter("denominator")] static PyObject GetDen(ThreadState ts, PyObject self) => From(1);
}
