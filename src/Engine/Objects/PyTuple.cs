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
        if (kwnames != null) throw PyExc.TypeError("tuple() takes no keyword arguments");
        if (args.Length > 1) throw PyExc.TypeError($"tuple expected at most 1 argument, got {args.Length}");
        var items = args.Length == 0 ? Array.Empty<PyObject>() : Ops.ToArray(ts, args[0]);
        if (cls == TypeObjects.Tuple) return items.Length == 0 ? Empty : new PyTuple(items);
        return new PyTupleSubclass(cls, items);
    }

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyTuple)self).Items.Length;

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var items = ((PyTuple)self).Items;
        if (key is PyInt i)
        {
            long k = i.ToLongChecked();
            if (k < 0) k += items.Length;
            if (k < 0 || k >= items.Length) throw PyExc.IndexError("tuple index out of range");
            return items[k];
        }
        throw PyExc.TypeError($"tuple indices must be integers or slices, not {key.Type.Name}");
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => new PyTupleIterator((PyTuple)self);

    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject item)
    {
        foreach (var x in ((PyTuple)self).Items) if (Ops.Equal(ts, x, item)) return true;
        return false;
    }

    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self)
    {
        // CPython's tuple hash (xxHash-based, 64-bit constants).
        const ulong P1 = 11400714785074694791UL, P2 = 14029467366897019727UL, P5 = 2870177450012600261UL;
        var items = ((PyTuple)self).Items;
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
            var r = new PyObject[x.Items.Length + y.Items.Length];
            x.Items.CopyTo(r, 0); y.Items.CopyTo(r, x.Items.Length);
            return new PyTuple(r);
        }
        if (a is PyTuple) throw PyExc.TypeError($"can only concatenate tuple (not \"{b.Type.Name}\") to tuple");
        return PyNotImplemented.Value;
    }

    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b)
    {
        var (t, n) = a is PyTuple x ? (x, b) : ((PyTuple)b, a);
        if (n is not PyInt count) return PyNotImplemented.Value;
        long k = Math.Max(0, count.ToLongChecked());
        var r = new PyObject[checked(t.Items.Length * (int)k)];
        for (int i = 0; i < k; i++) t.Items.CopyTo(r, i * t.Items.Length);
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
    static long index(ThreadState ts, PyTuple self, PyObject value)
    {
        for (int i = 0; i < self.Items.Length; i++) if (Ops.Equal(ts, self.Items[i], value)) return i;
        throw PyExc.ValueError("tuple.index(x): x not in tuple");
    }

    [PyMethod]
    static long count(ThreadState ts, PyTuple self, PyObject value)
    {
        long n = 0;
        foreach (var x in self.Items) if (Ops.Equal(ts, x, value)) n++;
        return n;
    }
}
