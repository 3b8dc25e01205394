#nullable enable
using System.Text;
using System;
namespace StacklessIron.Objects;

/// <summary>`tuple`: an immutable array. (Minimal core version: the containers work adds the rest.)</summary>
[PyType("tuple")]
public class PyTuple : PyObject
{
    public readonly PyObject[] Items;
    public static readonly PyTuple Empty = new(Array.Empty<PyObject>());

    public PyTuple(PyObject[] items) : base(TypeObjects.Tuple) { Items = items; }
    public PyTuple(PyType type, PyObject[] items) : base(type) { Items = items; }

    public static PyTuple Of(params PyObject[] items) => items.Length == 0 ? Empty : new PyTuple(items);
    public int Count => Items.Length;

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("tuple() takes no keyword arguments");
        if (args.Length > 1) throw PyExc.TypeError($"tuple expected at most 1 argument, got {args.Length}");
        if (cls == TypeObjects.Tuple)
        {
            if (args.Length == 0) return Empty;
            if (args[0] is PyTuple t0 && t0.Type == TypeObjects.Tuple) return t0;
            // tuples share item arrays safely: they never change
            var items = Ops.ToArray(ts, args[0]);
            return items.Length == 0 ? Empty : new PyTuple(items);
        }
        return new PyTupleSubclass(cls, args.Length == 0 ? Array.Empty<PyObject>() : Ops.ToArray(ts, args[0]));
    }

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyTuple)self).Items.Length;

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var t = (PyTuple)self;
        var items = t.Items;
        if (PySlice.TryIndex(ts, key, out long k))
        {
            if (k < 0) k += items.Length;
            if ((ulong)k >= (ulong)items.Length) throw PyExc.IndexError("tuple index out of range");
            return items[k];
        }
        if (key is PySlice s)
        {
            long n = s.GetIndices(ts, items.Length, out long start, out _, out long step);
            if (n == items.Length && step == 1 && t.Type == TypeObjects.Tuple) return t;
            if (n == 0) return Empty;
            var r = new PyObject[n];
            if (step == 1) Array.Copy(items, start, r, 0, n);
            else for (long i = 0, j = start; i < n; i++, j += step) r[i] = items[j];
            return new PyTuple(r);
        }
        throw PyExc.TypeError($"tuple indices must be integers or slices, not {key.Type.Name}");
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => new PyTupleIterator((PyTuple)self);

    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self) => HashItems(ts, ((PyTuple)self).Items);

    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject item)
    {
        foreach (var x in ((PyTuple)self).Items) if (Ops.Equal(ts, x, item)) return true;
        return false;
    }

    /// <summary>CPython 3.11's tuple hash (xxHash-style lanes, 64-bit primes).</summary>
    public static long HashItems(ThreadState ts, PyObject[] items)
    {
        const ulong P1 = 11400714785074694791UL, P2 = 14029467366897019727UL, P5 = 2870177450012600261UL;
        ulong acc = P5;
        foreach (var x in items)
        {
            ulong lane = (ulong)Ops.Hash(ts, x);
            acc += lane * P2;
            acc = (acc << 31) | (acc >> 33);
            acc *= P1;
        }
        acc += (ulong)items.Length ^ (P5 ^ 3527539UL);
        if (acc == ulong.MaxValue) return 1546275796;
        return (long)acc;
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyTuple x || b is not PyTuple y) return PyNotImplemented.Value;
        return Ops.CompareSequences(ts, x.Items, x.Items.Length, y.Items, y.Items.Length, op);
    }

    [PySlot("__add__")]
    static PyObject Add(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is PyTuple x && b is PyTuple y)
        {
            if (y.Items.Length == 0 && x.Type == TypeObjects.Tuple) return x;
            if (x.Items.Length == 0 && y.Type == TypeObjects.Tuple) return y;
            var r = new PyObject[x.Items.Length + y.Items.Length];
            x.Items.CopyTo(r, 0); y.Items.CopyTo(r, x.Items.Length);
            return new PyTuple(r);
        }
        if (a is PyTuple) return PyList.ConcatFallback(ts, a, b, Add, "tuple");
        return PyNotImplemented.Value;
    }

    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b)
    {
        bool left = a is PyTuple;
        var t = left ? (PyTuple)a : (PyTuple)b;
        var k = PyList.RepeatCount(ts, left ? b : a);
        if (k == null) return PyList.RepeatFallback(ts, a, b, left, Mul);
        int len = t.Items.Length;
        if (k.Value == 1 && t.Type == TypeObjects.Tuple) return t;
        if (k.Value == 0 || len == 0) return Empty;
        if (k.Value > Array.MaxLength / len) throw PyExc.MemoryError();
        var r = new PyObject[len * k.Value];
        for (long i = 0; i < k.Value; i++) Array.Copy(t.Items, 0, r, i * len, len);
        return new PyTuple(r);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var items = ((PyTuple)self).Items;
        if (items.Length == 0) return PyStr.Intern("()");
        if (!ts.EnterRepr(self)) return PyStr.Intern("(...)");
        try
        {
            var sb = new StringBuilder("(");
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Ops.ReprString(ts, items[i]));
            }
            if (items.Length == 1) sb.Append(',');
            return new PyStr(sb.Append(')').ToString());
        }
        finally { ts.LeaveRepr(self); }
    }

    [PyMethod]
    static long index(ThreadState ts, PyTuple self, PyObject value, PyObject? start = null, PyObject? stop = null)
    {
        PyList.SearchBounds(ts, start, stop, self.Items.Length, out long lo, out long hi);
        for (long i = lo; i < hi && i < self.Items.Length; i++)
            if (Ops.Equal(ts, self.Items[i], value)) return i;
        throw PyExc.ValueError("tuple.index(x): x not in tuple");
    }

    [PyMethod]
    static long count(ThreadState ts, PyTuple self, PyObject value)
    {
        long n = 0;
        foreach (var x in self.Items) if (Ops.Equal(ts, x, value)) n++;
        return n;
    }

    [PyMethod] static PyObject __getnewargs__(ThreadState ts, PyTuple self) => PyTuple.Of(new PyTuple(self.Items));
    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => PyList.GenericAlias(ts, cls, item);
}
