#nullable enable
using System;
using StacklessIron.Compiling;
namespace StacklessIron.Modules;

/// <summary>The `_operator` module: the functions operator.py re-exports (add, itemgetter, ...)
/// as natives, so `sorted(key=itemgetter(1))` and `map(add, ...)` run no Python frame per
/// item, and errors are CPython's (operator.index(1.5) is a TypeError, not an AttributeError
/// from the pure fallback).</summary>
public static class OperatorModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_operator", "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.");
        NativeMembers.FillModule(m, typeof(OperatorModule));
        m.Namespace.SetStr("itemgetter", PyItemGetter.TypeObject);
        m.Namespace.SetStr("attrgetter", PyAttrGetter.TypeObject);
        m.Namespace.SetStr("methodcaller", PyMethodCaller.TypeObject);
        return m;
    }

    public static void Register() => Importer.NativeModules["_operator"] = Create;

    static PyObject Bin(ThreadState ts, PyObject a, PyObject b, BinaryOpArg op) => Ops.BinaryOp(ts, a, b, (int)op);

    [PyMethod] static PyObject add(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.Add);
    [PyMethod] static PyObject sub(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.Subtract);
    [PyMethod] static PyObject mul(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.Multiply);
    [PyMethod] static PyObject matmul(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.MatrixMultiply);
    [PyMethod] static PyObject truediv(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.TrueDivide);
    [PyMethod] static PyObject floordiv(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.FloorDivide);
    [PyMethod] static PyObject mod(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.Remainder);
    [PyMethod] static PyObject pow(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.Power);
    [PyMethod] static PyObject lshift(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.LShift);
    [PyMethod] static PyObject rshift(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.RShift);
    [PyMethod] static PyObject and_(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.And);
    [PyMethod] static PyObject or_(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.Or);
    [PyMethod] static PyObject xor(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.Xor);

    [PyMethod] static PyObject iadd(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplaceAdd);
    [PyMethod] static PyObject isub(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplaceSubtract);
    [PyMethod] static PyObject imul(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplaceMultiply);
    [PyMethod] static PyObject imatmul(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplaceMatrixMultiply);
    [PyMethod] static PyObject itruediv(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplaceTrueDivide);
    [PyMethod] static PyObject ifloordiv(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplaceFloorDivide);
    [PyMethod] static PyObject imod(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplaceRemainder);
    [PyMethod] static PyObject ipow(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplacePower);
    [PyMethod] static PyObject ilshift(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplaceLShift);
    [PyMethod] static PyObject irshift(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplaceRShift);
    [PyMethod] static PyObject iand(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplaceAnd);
    [PyMethod] static PyObject ior(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplaceOr);
    [PyMethod] static PyObject ixor(ThreadState ts, PyObject a, PyObject b) => Bin(ts, a, b, BinaryOpArg.InplaceXor);

    /// <summary>a + b for sequences only (operator.py's rule: a must have __getitem__).</summary>
    [PyMethod]
    static PyObject concat(ThreadState ts, PyObject a, PyObject b)
        => Bin(ts, CheckConcatenable(ts, a), b, BinaryOpArg.Add);

    [PyMethod]
    static PyObject iconcat(ThreadState ts, PyObject a, PyObject b)
        => Bin(ts, CheckConcatenable(ts, a), b, BinaryOpArg.InplaceAdd);

    static PyObject CheckConcatenable(ThreadState ts, PyObject a)
    {
        if (a.Type.GetItem == null && Ops.GetAttrOrNull(ts, a, PyStr.Intern("__getitem__")) == null)
            throw PyExc.TypeError($"'{a.Type.Name}' object can't be concatenated");
        return a;
    }

    [PyMethod] static PyObject neg(ThreadState ts, PyObject a) => Ops.Negative(ts, a);
    [PyMethod] static PyObject pos(ThreadState ts, PyObject a) => Ops.Positive(ts, a);
    [PyMethod] static PyObject inv(ThreadState ts, PyObject a) => Ops.Invert(ts, a);
    [PyMethod] static PyObject invert(ThreadState ts, PyObject a) => Ops.Invert(ts, a);
    [PyMethod] static PyObject abs(ThreadState ts, PyObject a) => Ops.Absolute(ts, a);
    [PyMethod] static bool not_(ThreadState ts, PyObject a) => !Ops.IsTrue(ts, a);
    [PyMethod] static bool truth(ThreadState ts, PyObject a) => Ops.IsTrue(ts, a);
    [PyMethod] static bool is_(ThreadState ts, PyObject a, PyObject b) => a == b;
    [PyMethod] static bool is_not(ThreadState ts, PyObject a, PyObject b) => a != b;

    /// <summary>An exact int (True gives 1, as PyNumber_Index does).</summary>
    [PyMethod]
    static PyObject index(ThreadState ts, PyObject a)
    {
        var r = Ops.Index(ts, a);
        return r.Type == PyInt.TypeObject ? r : PyInt.From(r.Big);
    }

    [PyMethod] static PyObject lt(ThreadState ts, PyObject a, PyObject b) => Ops.RichCompare(ts, a, b, CompareOp.Lt);
    [PyMethod] static PyObject le(ThreadState ts, PyObject a, PyObject b) => Ops.RichCompare(ts, a, b, CompareOp.Le);
    [PyMethod] static PyObject eq(ThreadState ts, PyObject a, PyObject b) => Ops.RichCompare(ts, a, b, CompareOp.Eq);
    [PyMethod] static PyObject ne(ThreadState ts, PyObject a, PyObject b) => Ops.RichCompare(ts, a, b, CompareOp.Ne);
    [PyMethod] static PyObject gt(ThreadState ts, PyObject a, PyObject b) => Ops.RichCompare(ts, a, b, CompareOp.Gt);
    [PyMethod] static PyObject ge(ThreadState ts, PyObject a, PyObject b) => Ops.RichCompare(ts, a, b, CompareOp.Ge);

    [PyMethod] static bool contains(ThreadState ts, PyObject a, PyObject b) => Ops.Contains(ts, a, b);
    [PyMethod] static PyObject getitem(ThreadState ts, PyObject a, PyObject b) => Ops.GetItem(ts, a, b);
    [PyMethod] static void setitem(ThreadState ts, PyObject a, PyObject b, PyObject c) => Ops.SetItem(ts, a, b, c);
    [PyMethod] static void delitem(ThreadState ts, PyObject a, PyObject b) => Ops.DelItem(ts, a, b);

    [PyMethod]
    static long countOf(ThreadState ts, PyObject a, PyObject b)
    {
        long n = 0;
        foreach (var x in Iterate(ts, a)) if (x == b || Ops.Equal(ts, x, b)) n++;
        return n;
    }

    [PyMethod]
    static long indexOf(ThreadState ts, PyObject a, PyObject b)
    {
        long i = 0;
        foreach (var x in Iterate(ts, a))
        {
            if (x == b || Ops.Equal(ts, x, b)) return i;
            i++;
        }
        throw PyExc.ValueError("sequence.index(x): x not in sequence");
    }

    /// <summary>Iteration for countOf/indexOf, with the message of CPython's sequence search.</summary>
    static IEnumerable<PyObject> Iterate(ThreadState ts, PyObject a)
    {
        if (a.Type.Iter == null && a.Type.GetItem == null)
            throw PyExc.TypeError($"argument of type '{a.Type.Name}' is not iterable");
        return Ops.Iterate(ts, a);
    }

    [PyMethod]
    static PyObject call(ThreadState ts, PyObject obj, [PyKwArgs] PyDict kwargs, params PyObject[] args) => Ops.CallWithDict(ts, obj, args, kwargs);

    /// <summary>len(obj) if it has one, else __length_hint__, else the default (PEP 424).</summary>
    [PyMethod]
    static PyObject length_hint(ThreadState ts, PyObject obj, PyObject? @default = null)
    {
        var dflt = @default ?? PyInt.From(0);
        if (dflt is not PyInt) throw PyExc.TypeError($"'{dflt.Type.Name}' object cannot be interpreted as an integer");
        if (obj.Type.Len != null)
        {
            try { return PyInt.From(Ops.Len(ts, obj)); }
            catch (PyException e) when (e.Matches(ExceptionTypes.TypeError)) { }
        }
        var hint = obj.Type.Lookup("__length_hint__");
        if (hint == null) return dflt;
        PyObject r;
        try { r = SlotDefs.CallBoundKw(ts, hint, obj, ReadOnlySpan<PyObject>.Empty, null); }
        catch (PyException e) when (e.Matches(ExceptionTypes.TypeError)) { return dflt; }
        if (r == PyNotImplemented.Value) return dflt;
        if (r is not PyInt ri) throw PyExc.TypeError($"__length_hint__ must be an integer, not {r.Type.Name}");
        if (ri.Sign < 0) throw PyExc.ValueError("__length_hint__() should return >= 0");
        return ri;
    }

    /// <summary>The call check of itemgetter/attrgetter/methodcaller: exactly one positional argument.</summary>
    internal static void CheckOneArgument(string what, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError(what + "() takes no keyword arguments");
        if (args.Length != 1) throw PyExc.TypeError($"{what} expected 1 argument, got {args.Length}");
    }

    /// <summary>a == b for two ASCII strs or two bytes-like objects, in time that depends only
    /// on the length of b (hmac.compare_digest).</summary>
    [PyMethod]
    static bool _compare_digest(ThreadState ts, PyObject a, PyObject b)
    {
        byte[] x, y;
        if (a is PyStr sa && b is PyStr sb)
        {
            foreach (var s in new[] { sa.Value, sb.Value })
                foreach (char c in s)
                    if (c > 127) throw PyExc.TypeError("comparing strings with non-ASCII characters is not supported");
            x = System.Text.Encoding.ASCII.GetBytes(sa.Value);
            y = System.Text.Encoding.ASCII.GetBytes(sb.Value);
        }
        else
        {
            if (a is PyStr || b is PyStr)
                throw PyExc.TypeError($"a bytes-like object is required, not '{(a is PyStr ? a : b).Type.Name}'");
            if (!PyBytes.TryGetBuffer(a, out var ma) || !PyBytes.TryGetBuffer(b, out var mb))
                throw PyExc.TypeError($"unsupported operand types(s) or combination of types: '{a.Type.Name}' and '{b.Type.Name}'");
            x = ma.ToArray();
            y = mb.ToArray();
        }
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(x, y);
    }
}
