#nullable enable
using System.Runtime.CompilerServices;
using System;
namespace StacklessIron.Runtime;

/// <summary>
/// The abstract object protocol (CPython's Objects/abstract.c and object.c): what every part of
/// the engine uses to operate on objects of unknown type. Each operation reads the type's
/// slot; fast paths for exact builtin types come first.
/// </summary>
public static class Ops
{
    // ---------------- identity ----------------

    static readonly ConditionalWeakTable<object, StrongBox<long>> _ids = new();
    static long _nextId = 0x7f0000001000;

    /// <summary>id(obj): unique and stable for the object's lifetime.</summary>
    public static long Id(PyObject o)
    {
        if (_ids.TryGetValue(o, out var box)) return box.Value;
        return _ids.GetValue(o, _ => new StrongBox<long>(Interlocked.Add(ref _nextId, 16))).Value;
    }

    // ---------------- repr / str ----------------

    public static PyStr Repr(ThreadState ts, PyObject o)
    {
        var f = o.Type.Repr ?? throw PyExc.TypeError($"'{o.Type.Name}' object has no __repr__");
        ts.CheckStack();
        var r = f(ts, o);
        if (r is PyStr s) return s;
        throw PyExc.TypeError($"__repr__ returned non-string (type {r.Type.Name})");
    }

    public static string ReprString(ThreadState ts, PyObject o) => Repr(ts, o).Value;

    public static PyStr Str(ThreadState ts, PyObject o)
    {
        if (o.Type == TypeObjects.Str) return (PyStr)o;
        var f = o.Type.Str ?? o.Type.Repr!;
        var r = f(ts, o);
        if (r is PyStr s) return s;
        throw PyExc.TypeError($"__str__ returned non-string (type {r.Type.Name})");
    }

    public static string StrString(ThreadState ts, PyObject o) => Str(ts, o).Value;

    /// <summary>The text of a str object, for messages (no Python code runs).</summary>
    public static string StrValue(PyObject o) => o is PyStr s ? s.Value : o.ToString()!;

    public static PyObject Format(ThreadState ts, PyObject o, PyObject spec)
    {
        if (spec is PyStr s0)
        {
            if (o.Type == TypeObjects.Str && s0.Value.Length == 0) return o;
            var fast = FormatFast(o, s0.Value);
            if (fast != null) return fast;
        }
        // looked up on the type, never the instance: format(SomeClass) uses the metaclass's
        // __format__, not the class's own (unbound) one
        var f = o.Type.Lookup("__format__") ?? throw PyExc.TypeError($"Type {o.Type.Name} doesn't define __format__");
        var r = SlotDefs.CallBound(ts, f, o, spec);
        if (r is not PyStr) throw PyExc.TypeError($"__format__ must return a str, not {r.Type.Name}");
        return r;
    }

    /// <summary>format() of an exact int or float for the specs f-strings use most (an
    /// optional '<', '>' or '^' and a width for ints; '.Nf' for floats), without the
    /// __format__ call and the general spec parser; null for anything else.</summary>
    static PyStr? FormatFast(PyObject o, string spec)
    {
        if (o.Type == PyInt.TypeObject)
        {
            var i = (PyInt)o;
            if (!i.FitsLong) return null;
            if (spec.Length == 0) return PyStr.FromDecimal(i.Small);
            int pos = 0;
            char align = '>';
            if (spec[0] is '<' or '>' or '^') { align = spec[0]; pos = 1; }
            if (pos >= spec.Length || spec[pos] is < '1' or > '9' || spec.Length - pos > 6) return null;
            int width = 0;
            for (; pos < spec.Length; pos++)
            {
                char c = spec[pos];
                if (c is < '0' or > '9') return null;
                width = width * 10 + (c - '0');
            }
            long v = i.Small;
            int pad = width - PyStr.DecimalLength(v);
            if (pad <= 0) return PyStr.FromDecimal(v);
            // spaces, then the digits written at their offset: one allocation (none but the
            // str itself for a short one: PyStr.FromSpan keeps it inline)
            int left = align == '>' ? pad : align == '<' ? 0 : pad / 2;
            Span<char> small = stackalloc char[PyStrInline.MaxLength];
            string? text = null;
            scoped Span<char> dst;
            if (width <= PyStrInline.MaxLength) dst = small.Slice(0, width);
            else text = PyStr.NewText(width, out dst);
            dst.Slice(0, left).Fill(' ');
            int end = left + PyStr.WriteDecimal(dst.Slice(left), v);
            dst.Slice(end).Fill(' ');
            return text != null ? new PyStr(text) : PyStr.FromSpanNoSurrogates(dst);
        }
        if (o.Type == PyFloat.TypeObject)
        {
            double v = ((PyFloat)o).Value;
            if (spec.Length < 3 || spec.Length > 4 || spec[0] != '.' || spec[^1] != 'f' || !double.IsFinite(v)) return null;
            int prec = 0;
            for (int k = 1; k < spec.Length - 1; k++)
            {
                char c = spec[k];
                if (c is < '0' or > '9') return null;
                prec = prec * 10 + (c - '0');
            }
            return new PyStr(StacklessIron.Objects.Formatting.FloatFormatter.Format(v, 'f', prec));
        }
        return null;
    }

    // ---------------- hashing and comparison ----------------

    public static long Hash(ThreadState ts, PyObject o)
    {
        // the Python type first: `o is PyStr` on an int would walk the C# class chain
        var t = o.Type;
        if (t == PyInt.TypeObject) return ((PyInt)o).HashValue();
        if (t == TypeObjects.Str) return ((PyStr)o).GetHash();
        var f = t.Hash ?? throw PyExc.TypeError($"unhashable type: '{o.Type.Name}'");
        return f(ts, o);
    }

    public static bool CompareResult(int c, CompareOp op) => op switch
    {
        CompareOp.Lt => c < 0, CompareOp.Le => c <= 0, CompareOp.Eq => c == 0,
        CompareOp.Ne => c != 0, CompareOp.Gt => c > 0, _ => c >= 0,
    };

    static readonly string[] _opSymbols = { "<", "<=", "==", "!=", ">", ">=" };
    static CompareOp Swapped(CompareOp op) => op switch
    {
        CompareOp.Lt => CompareOp.Gt, CompareOp.Le => CompareOp.Ge, CompareOp.Gt => CompareOp.Lt,
        CompareOp.Ge => CompareOp.Le, _ => op,
    };

    /// <summary>a OP b with the reflected-operand rules of CPython's do_richcompare.</summary>
    public static PyObject RichCompare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is PyInt x && b is PyInt y && x.FitsLong && y.FitsLong && a.Type == PyInt.TypeObject && b.Type == PyInt.TypeObject)
            return PyBool.From(CompareResult(x.Small.CompareTo(y.Small), op));
        ts.CheckStack();
        {
            var ta = a.Type; var tb = b.Type;
            bool checkedReverse = false;
            PyObject r;
            // As CPython's do_richcompare: a subtype's reflected comparison goes first whenever it
            // has one (unlike binary operators, overriding is not required). A class's slot is one
            // generic delegate that looks up its own dunder, so only a native subtype that shares
            // its base's delegate (the same comparison) may skip the reflected try.
            if (ta != tb && tb.IsSubtypeOf(ta) && tb.RichCompare != null && (tb.IsHeapType || tb.RichCompare != ta.RichCompare))
            {
                checkedReverse = true;
                r = tb.RichCompare(ts, b, a, Swapped(op));
                if (r != PyNotImplemented.Value) return r;
            }
            if (ta.RichCompare != null)
            {
                r = ta.RichCompare(ts, a, b, op);
                if (r != PyNotImplemented.Value) return r;
            }
            if (!checkedReverse && tb.RichCompare != null)
            {
                r = tb.RichCompare(ts, b, a, Swapped(op));
                if (r != PyNotImplemented.Value) return r;
            }
            switch (op)
            {
                case CompareOp.Eq: return PyBool.From(a == b);
                case CompareOp.Ne: return PyBool.From(a != b);
            }
            throw PyExc.TypeError($"'{_opSymbols[(int)op]}' not supported between instances of '{ta.Name}' and '{tb.Name}'");
        }
    }

    public static bool RichCompareBool(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a == b) { if (op == CompareOp.Eq) return true; if (op == CompareOp.Ne) return false; }
        var r = RichCompare(ts, a, b, op);
        return r is PyBool bb ? bb == PyBool.True : IsTrue(ts, r);
    }

    public static bool Equal(ThreadState ts, PyObject a, PyObject b) => a == b || RichCompareBool(ts, a, b, CompareOp.Eq);

    /// <summary>Lexicographic comparison of two sequences (list/tuple semantics).</summary>
    public static PyObject CompareSequences(ThreadState ts, PyObject[] a, int na, PyObject[] b, int nb, CompareOp op)
    {
        if ((op == CompareOp.Eq || op == CompareOp.Ne) && na != nb) return PyBool.From(op == CompareOp.Ne);
        int i = 0;
        for (; i < na && i < nb; i++)
            if (!Equal(ts, a[i], b[i])) break;
        if (i >= na || i >= nb) return PyBool.From(CompareResult(na.CompareTo(nb), op));
        if (op == CompareOp.Eq) return PyBool.False;
        if (op == CompareOp.Ne) return PyBool.True;
        return RichCompare(ts, a[i], b[i], op);
    }

    // ---------------- truth ----------------

    public static bool IsTrue(ThreadState ts, PyObject o)
    {
        if (o == PyBool.True) return true;
        if (o == PyBool.False || o == PyNone.Value) return false;
        var t = o.Type;
        if (t.Bool != null) return t.Bool(ts, o);
        if (t.Len != null) return t.Len(ts, o) != 0;
        return true;
    }

    // ---------------- attributes ----------------

    /// <summary>object.__getattribute__: data descriptors, then the instance dict, then other
    /// class attributes. Returns null when missing.</summary>
    public static PyObject? GenericGetAttr(ThreadState ts, PyObject obj, PyStr name)
    {
        var type = obj.Type;
        var descr = type.Lookup(name);
        DescrGetSlot? get = null;
        if (descr != null)
        {
            get = descr.Type.DescrGet;
            if (get != null && descr.Type.DescrSet != null) return get(ts, descr, obj, type);
        }
        if (obj is PyInstance inst)
        {
            // its own store without building a dict from inline values
            if (inst.GetOwn(name) is PyObject own) return own;
        }
        else if (obj.Dict is PyDict dict && dict.GetStr(name) is PyObject v) return v;
        if (get != null) return get(ts, descr!, obj, type);
        return descr;
    }

    public static void GenericSetAttr(ThreadState ts, PyObject obj, PyStr name, PyObject? value)
    {
        var type = obj.Type;
        var descr = type.Lookup(name);
        if (descr != null && descr.Type.DescrSet is DescrSetSlot set) { set(ts, descr, obj, value); return; }
        if (obj is PyInstance inst && inst.HasDict)
        {
            if (value != null) inst.SetOwn(name, value);
            else if (!inst.DelOwn(name)) throw PyExc.NoAttribute(obj, name);
            return;
        }
        var dict = obj.Dict;
        if (dict == null)
        {
            if (descr != null) throw PyExc.AttributeError($"'{type.Name}' object attribute '{name.Value}' is read-only");
            throw PyExc.NoAttribute(obj, name);
        }
        if (value != null) dict.SetStr(name, value);
        else if (!dict.RemoveStr(name)) throw PyExc.NoAttribute(obj, name);
    }

    public static PyObject GetAttr(ThreadState ts, PyObject obj, PyStr name)
    {
        var f = obj.Type.GetAttr;
        var r = f != null ? f(ts, obj, name) : GenericGetAttr(ts, obj, name);
        return r ?? throw PyExc.NoAttribute(obj, name);
    }

    public static PyObject GetAttr(ThreadState ts, PyObject obj, string name) => GetAttr(ts, obj, PyStr.Intern(name));

    /// <summary>getattr(obj, name, None)-style: null when missing or AttributeError is raised.</summary>
    public static PyObject? GetAttrOrNull(ThreadState ts, PyObject obj, PyStr name)
    {
        try
        {
            var f = obj.Type.GetAttr;
            return f != null ? f(ts, obj, name) : GenericGetAttr(ts, obj, name);
        }
        catch (PyException e) when (e.Matches(ExceptionTypes.AttributeError)) { return null; }
    }

    public static void SetAttr(ThreadState ts, PyObject obj, PyStr name, PyObject? value)
    {
        var f = obj.Type.SetAttr;
        if (f == null)
            throw PyExc.TypeError($"'{obj.Type.Name}' object has no attributes ({(value == null ? "del" : "assign to")} .{name.Value})");
        f(ts, obj, name, value);
    }

    // ---------------- calls ----------------

    public static bool IsCallable(PyObject o) => o.Type.Call != null;

    /// <summary>Calls `callable` with positional args then the values of kwnames (vectorcall).</summary>
    public static PyObject Call(ThreadState ts, PyObject callable, ReadOnlySpan<PyObject> args, PyTuple? kwnames = null)
    {
        var f = callable.Type.Call ?? throw PyExc.TypeError($"'{callable.Type.Name}' object is not callable");
        ts.UnwindAllowed = false;
        return f(ts, callable, args, kwnames);
    }

    public static PyObject Call(ThreadState ts, PyObject callable, params PyObject[] args) => Call(ts, callable, args.AsSpan(), null);

    /// <summary>Calls with positional args plus a dict of keyword arguments (CALL_FUNCTION_EX).</summary>
    public static PyObject CallWithDict(ThreadState ts, PyObject callable, PyObject[] args, PyDict? kwargs)
    {
        if (kwargs == null || kwargs.Count == 0) return Call(ts, callable, args.AsSpan(), null);
        var names = FlattenKwargs(args, kwargs, out var all);
        return Call(ts, callable, all.AsSpan(), names);
    }

    /// <summary>Positional args then a **kwargs dict as one vectorcall: the arguments followed by
    /// the dict's values in `flat`, and the tuple of their names (which must be strs).</summary>
    /// <remarks>Not inlined: the dispatch loop calls it for CALL_FUNCTION_EX, and a foreach over
    /// the dict is a try/finally, whose exception handler would keep the loop's locals in memory.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static PyTuple FlattenKwargs(PyObject[] args, PyDict kwargs, out PyObject[] flat)
    {
        flat = new PyObject[args.Length + kwargs.Count];
        args.CopyTo(flat, 0);
        var names = new PyObject[kwargs.Count];
        int i = 0;
        foreach (var (k, v) in kwargs.Items())
        {
            if (k is not PyStr) throw PyExc.TypeError("keywords must be strings");
            names[i] = k; flat[args.Length + i] = v; i++;
        }
        return new PyTuple(names);
    }

    /// <summary>obj.name(*args).</summary>
    public static PyObject CallMethod(ThreadState ts, PyObject obj, string name, params PyObject[] args)
    {
        var pname = PyStr.Intern(name);
        var f = obj.Type.Lookup(pname);
        if (f != null && (f is PyFunction || f is PyMethodDescriptor || f is PySlotWrapper) && (obj is PyInstance inst ? inst.GetOwn(pname) == null : obj.Dict == null || obj.Dict.GetStr(pname) == null))
            return SlotDefs.CallBoundKw(ts, f, obj, args, null);
        return Call(ts, GetAttr(ts, obj, pname), args);
    }

    // ---------------- iteration ----------------

    public static PyObject GetIter(ThreadState ts, PyObject o)
    {
        var f = o.Type.Iter;
        if (f != null)
        {
            var it = f(ts, o);
            if (it.Type.IterNext == null) throw PyExc.TypeError($"iter() returned non-iterator of type '{it.Type.Name}'");
            return it;
        }
        if (o.Type.GetItem != null && o is not PyDict) return new PySeqIterator(o);
        throw PyExc.TypeError($"'{o.Type.Name}' object is not iterable");
    }

    /// <summary>next(it) at the native level: null when exhausted.</summary>
    public static PyObject? Next(ThreadState ts, PyObject it)
    {
        var f = it.Type.IterNext ?? throw PyExc.TypeError($"'{it.Type.Name}' object is not an iterator");
        // a native iterating (list(x), sorted(x) ...) must not pass on the soft-switch permission
        // the loop gave it: a __next__ that switches (a channel) would return Unwind to it
        ts.UnwindAllowed = false;
        return f(ts, it);
    }

    public static IEnumerable<PyObject> Iterate(ThreadState ts, PyObject o)
    {
        var it = GetIter(ts, o);
        while (true)
        {
            var x = Next(ts, it);
            if (x == null) yield break;
            yield return x;
        }
    }

    public static PyObject[] ToArray(ThreadState ts, PyObject o)
    {
        if (o is PyTuple t) return t.Items;
        if (o is PyList l) return l.ToArray();
        var r = new List<PyObject>();
        foreach (var x in Iterate(ts, o)) r.Add(x);
        return r.ToArray();
    }

    // ---------------- containers ----------------

    public static PyObject GetItem(ThreadState ts, PyObject o, PyObject key)
    {
        var f = o.Type.GetItem;
        if (f != null) return f(ts, o, key);
        if (o is PyType t)
        {
            // `type[int]` (PEP 585): type itself, not its instances' classes, is generic.
            if (t == TypeObjects.Type) return new PyGenericAlias(t, key);
            var cg = TypeGetAttrOrNull(ts, t, "__class_getitem__");
            if (cg != null) return Call(ts, cg, key);
            throw PyExc.TypeError($"type '{t.Name}' is not subscriptable");
        }
        throw PyExc.TypeError($"'{o.Type.Name}' object is not subscriptable");
    }

    static PyObject? TypeGetAttrOrNull(ThreadState ts, PyType t, string name)
    {
        var a = t.Lookup(name);
        if (a == null) return null;
        return a.Type.DescrGet != null ? a.Type.DescrGet(ts, a, null, t) : a;
    }

    public static void SetItem(ThreadState ts, PyObject o, PyObject key, PyObject value)
    {
        var f = o.Type.SetItem ?? throw PyExc.TypeError($"'{o.Type.Name}' object does not support item assignment");
        f(ts, o, key, value);
    }

    public static void DelItem(ThreadState ts, PyObject o, PyObject key)
    {
        var f = o.Type.SetItem ?? throw PyExc.TypeError($"'{o.Type.Name}' object does not support item deletion");
        f(ts, o, key, null);
    }

    public static bool Contains(ThreadState ts, PyObject container, PyObject item)
    {
        var f = container.Type.Contains;
        if (f != null) return f(ts, container, item);
        if (container.Type.Iter == null && container.Type.GetItem == null)
            throw PyExc.TypeError($"argument of type '{container.Type.Name}' is not iterable");
        foreach (var x in Iterate(ts, container)) if (Equal(ts, x, item)) return true;
        return false;
    }

    public static long Len(ThreadState ts, PyObject o)
    {
        var f = o.Type.Len ?? throw PyExc.TypeError($"object of type '{o.Type.Name}' has no len()");
        return f(ts, o);
    }

    // ---------------- numbers ----------------

    static readonly string[] _binSymbols = { "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^" };

    /// <summary>a OP b (op: BinaryOpArg numbering, 0..12 binary, 13..25 in-place).</summary>
    public static PyObject BinaryOp(ThreadState ts, PyObject a, PyObject b, int op)
    {
        if (op >= 13)
        {
            var fi = a.Type.NumberOps[op];
            if (fi != null)
            {
                var r = fi(ts, a, b);
                if (r != PyNotImplemented.Value) return r;
            }
            op -= 13;
            var rr = BinaryOpOrNull(ts, a, b, op);
            if (rr != null) return rr;
            throw PyExc.TypeError($"unsupported operand type(s) for {_binSymbols[op]}=: '{a.Type.Name}' and '{b.Type.Name}'");
        }
        var res = BinaryOpOrNull(ts, a, b, op);
        if (res != null) return res;
        if (op == 8) throw PyExc.TypeError($"unsupported operand type(s) for ** or pow(): '{a.Type.Name}' and '{b.Type.Name}'");
        if (op == 9 && a is PyBuiltinFunction bf && bf.Name == "print")
            throw PyExc.TypeError($"unsupported operand type(s) for >>: '{a.Type.Name}' and '{b.Type.Name}'. Did you mean \"print(<message>, file=<output_stream>)\"?");
        throw PyExc.TypeError($"unsupported operand type(s) for {_binSymbols[op]}: '{a.Type.Name}' and '{b.Type.Name}'");
    }

    /// <summary>pow(v, w, z) (CPython's ternary_op on nb_power): each distinct operand type's
    /// power gets its turn, the modulus's type last; None as z is plain `v ** w`.</summary>
    public static PyObject Power(ThreadState ts, PyObject v, PyObject w, PyObject z)
    {
        if (z == PyNone.Value) return BinaryOp(ts, v, w, (int)StacklessIron.Compiling.BinaryOpArg.Power);
        const int pow = 8;
        var slotV = v.Type.NumberOps[pow];
        var slotW = w.Type != v.Type ? w.Type.NumberOps[pow] : null;
        if (ReferenceEquals(slotW, slotV)) slotW = null;
        PyObject r;
        if (slotV != null)
        {
            if (slotW != null && w.Type.IsSubtypeOf(v.Type))
            {
                r = TernaryPowerOf(ts, slotW)(ts, v, w, z);
                if (r != PyNotImplemented.Value) return r;
                slotW = null;
            }
            r = TernaryPowerOf(ts, slotV)(ts, v, w, z);
            if (r != PyNotImplemented.Value) return r;
        }
        if (slotW != null)
        {
            r = TernaryPowerOf(ts, slotW)(ts, v, w, z);
            if (r != PyNotImplemented.Value) return r;
        }
        var slotZ = z.Type.NumberOps[pow];
        if (slotZ != null && slotZ != slotV && slotZ != slotW)
        {
            r = TernaryPowerOf(ts, slotZ)(ts, v, w, z);
            if (r != PyNotImplemented.Value) return r;
        }
        throw PyExc.TypeError($"unsupported operand type(s) for ** or pow(): '{v.Type.Name}', '{w.Type.Name}', '{z.Type.Name}'");
    }

    /// <summary>The three-argument form of a type's `**` slot: ints compute modulo z, float and
    /// complex refuse a modulus as CPython's do, a Python class's __pow__ gets (w, z) when it is
    /// the left operand (three-argument pow never calls __rpow__), anything else declines.</summary>
    public static Func<ThreadState, PyObject, PyObject, PyObject, PyObject> TernaryPowerOf(ThreadState ts, BinarySlot slot)
    {
        var owner = slot.Method.DeclaringType;
        if (owner == typeof(PyInt)) return PyInt.PowMod;
        if (owner == typeof(PyFloat))
            return (ts, v, w, z) => throw PyExc.TypeError("pow() 3rd argument not allowed unless all arguments are integers");
        if (owner == typeof(PyComplex)) return (ts, v, w, z) => throw PyExc.ValueError("complex modulo");
        if (slot == SlotDefs.GenericBinary[8])
            return (ts, v, w, z) =>
            {
                if (v.Type.NumberOps[8] != slot) return PyNotImplemented.Value;
                var f = v.Type.Lookup(s_pow);
                return f == null ? PyNotImplemented.Value : SlotDefs.CallBoundKw(ts, f, v, new[] { w, z }, null);
            };
        return (ts, v, w, z) => PyNotImplemented.Value;
    }

    static readonly PyStr s_pow = PyStr.Intern("__pow__");

    static PyObject? BinaryOpOrNull(ThreadState ts, PyObject a, PyObject b, int op)
    {
        var ta = a.Type; var tb = b.Type;
        var slotA = ta.NumberOps[op];
        var slotB = ta != tb ? tb.NumberOps[op] : null;
        // by reference: a type that inherits the slot holds the same delegate, and == on two
        // different static-method delegates is a slow runtime lookup (int * float paid it)
        if (ReferenceEquals(slotB, slotA)) slotB = null;
        PyObject r;
        if (slotA != null)
        {
            if (slotB != null && tb.IsSubtypeOf(ta))
            {
                r = slotB(ts, a, b);
                if (r != PyNotImplemented.Value) return r;
                slotB = null;
            }
            r = slotA(ts, a, b);
            if (r != PyNotImplemented.Value) return r;
        }
        if (slotB != null)
        {
            r = slotB(ts, a, b);
            if (r != PyNotImplemented.Value) return r;
        }
        return null;
    }

    public static PyObject Unary(ThreadState ts, PyObject o, UnarySlot? f, string symbol)
    {
        if (f == null) throw PyExc.TypeError($"bad operand type for unary {symbol}: '{o.Type.Name}'");
        return f(ts, o);
    }

    public static PyObject Negative(ThreadState ts, PyObject o) => Unary(ts, o, o.Type.Neg, "-");
    public static PyObject Positive(ThreadState ts, PyObject o) => Unary(ts, o, o.Type.Pos, "+");
    public static PyObject Invert(ThreadState ts, PyObject o) => Unary(ts, o, o.Type.Invert, "~");
    public static PyObject Absolute(ThreadState ts, PyObject o)
    {
        // an exact int that fits a long without the slot's two calls (abs(self.x) in a method);
        // a non-negative one is itself, as in CPython
        if (o.Type == PyInt.TypeObject)
        {
            var i = (PyInt)o;
            if (i.FitsLong && i.Small != long.MinValue) return i.Small >= 0 ? o : PyInt.From(-i.Small);
        }
        return Unary(ts, o, o.Type.Abs, "abs()");
    }

    /// <summary>operator.index(o): an int, via __index__.</summary>
    public static PyInt Index(ThreadState ts, PyObject o)
    {
        if (o is PyInt i && o.Type == PyInt.TypeObject) return i;
        var f = o.Type.Index ?? throw PyExc.TypeError($"'{o.Type.Name}' object cannot be interpreted as an integer");
        var r = f(ts, o);
        if (r is not PyInt ri) throw PyExc.TypeError($"__index__ returned non-int (type {r.Type.Name})");
        return ri;
    }

    /// <summary>int(o) for a non-str o: __int__, then __index__, then __trunc__.</summary>
    public static PyInt ToIntValue(ThreadState ts, PyObject o)
    {
        if (o is PyInt i && o.Type == PyInt.TypeObject) return i;
        if (o.Type.Int != null)
        {
            var r = o.Type.Int(ts, o);
            if (r is not PyInt ri) throw PyExc.TypeError($"__int__ returned non-int (type {r.Type.Name})");
            return ri;
        }
        if (o.Type.Index != null) return Index(ts, o);
        var trunc = o.Type.Lookup("__trunc__");
        if (trunc != null) return Index(ts, SlotDefs.CallBoundKw(ts, trunc, o, ReadOnlySpan<PyObject>.Empty, null));
        throw PyExc.TypeError($"int() argument must be a string, a bytes-like object or a real number, not '{o.Type.Name}'");
    }

    public static double ToDouble(ThreadState ts, PyObject o)
    {
        if (o is PyFloat f) return f.Value;
        if (o is PyInt i) return i.ToDouble();
        if (o.Type.Float != null)
        {
            var r = o.Type.Float(ts, o);
            if (r is not PyFloat rf) throw PyExc.TypeError($"{o.Type.Name}.__float__ returned non-float (type {r.Type.Name})");
            return rf.Value;
        }
        if (o.Type.Index != null) return Index(ts, o).ToDouble();
        throw PyExc.TypeError($"must be real number, not {o.Type.Name}");
    }

    // ---------------- isinstance / issubclass ----------------

    static readonly PyStr s_instancecheck = PyStr.Intern("__instancecheck__"), s_subclasscheck = PyStr.Intern("__subclasscheck__");
    static readonly PyStr s_class = PyStr.Intern("__class__"), s_bases = PyStr.Intern("__bases__");

    public static bool IsInstance(ThreadState ts, PyObject inst, PyObject cls)
    {
        if (inst.Type == cls) return true;
        if (cls is PyType t && t.Type == TypeObjects.Type) return RecursiveIsInstance(ts, inst, t);
        if (cls is PyTuple tup)
        {
            foreach (var c in tup.Items) if (IsInstance(ts, inst, c)) return true;
            return false;
        }
        var check = cls.Type.Lookup(s_instancecheck);
        if (check != null) return IsTrue(ts, SlotDefs.CallBound(ts, check, cls, inst));
        return RecursiveIsInstance(ts, inst, cls);
    }

    public static bool RecursiveIsInstance(ThreadState ts, PyObject inst, PyObject cls)
    {
        if (cls is PyType t)
        {
            if (inst.Type.IsSubtypeOf(t)) return true;
            var c = GetAttrOrNull(ts, inst, s_class);
            return c is PyType ct && ct != inst.Type && ct.IsSubtypeOf(t);
        }
        if (GetAttrOrNull(ts, cls, s_bases) is not PyTuple)
            throw PyExc.TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
        var icls = GetAttrOrNull(ts, inst, s_class);
        return icls != null && AbstractIsSubclass(ts, icls, cls);
    }

    public static bool IsSubclass(ThreadState ts, PyObject sub, PyObject cls)
    {
        if (cls is PyType t && t.Type == TypeObjects.Type) return RecursiveIsSubclass(ts, sub, t);
        if (cls is PyTuple tup)
        {
            foreach (var c in tup.Items) if (IsSubclass(ts, sub, c)) return true;
            return false;
        }
        var check = cls.Type.Lookup(s_subclasscheck);
        if (check != null) return IsTrue(ts, SlotDefs.CallBound(ts, check, cls, sub));
        return RecursiveIsSubclass(ts, sub, cls);
    }

    public static bool RecursiveIsSubclass(ThreadState ts, PyObject sub, PyObject cls)
    {
        if (sub is PyType st && cls is PyType ct) return st.IsSubtypeOf(ct);
        if (GetAttrOrNull(ts, sub, s_bases) is not PyTuple)
            throw PyExc.TypeError("issubclass() arg 1 must be a class");
        if (GetAttrOrNull(ts, cls, s_bases) is not PyTuple)
            throw PyExc.TypeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return AbstractIsSubclass(ts, sub, cls);
    }

    static bool AbstractIsSubclass(ThreadState ts, PyObject sub, PyObject cls)
    {
        while (true)
        {
            if (sub == cls) return true;
            if (GetAttrOrNull(ts, sub, s_bases) is not PyTuple bases || bases.Items.Length == 0) return false;
            if (bases.Items.Length == 1) { sub = bases.Items[0]; continue; }
            foreach (var b in bases.Items) if (AbstractIsSubclass(ts, b, cls)) return true;
            return false;
        }
    }
}
