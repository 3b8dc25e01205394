#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`set`: the mutable PyAnySet (the shared read-only members come from PyAnySet).</summary>
[PyType("set")]
public sealed class PySet : PyAnySet
{
    public static readonly PyType TypeObject = PyType.Builtin("set", typeof(PySet));

    public PySet() : base(TypeObject) { }
    public PySet(PyType type) : base(type) { }

    /// <summary>A new set of the given items (BUILD_SET).</summary>
    public static PySet FromItems(ThreadState ts, ReadOnlySpan<PyObject> items)
    {
        var s = new PySet();
        foreach (var x in items) s.AddKey(ts, x);
        return s;
    }

    public static PySet FromIterable(ThreadState ts, PyObject iterable)
    {
        var s = new PySet();
        s.UpdateFrom(ts, iterable);
        return s;
    }

    public static void InitType(PyType t)
    {
        AddSharedMembers(t);
        t.Namespace.SetStr("__hash__", PyNone.Value);
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (cls == TypeObject && kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("set() takes no keyword arguments");
        return cls == TypeObject ? new PySet() : new PySet(cls);
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("set() takes no keyword arguments");
        if (args.Length > 1) throw PyExc.TypeError($"set expected at most 1 argument, got {args.Length}");
        var s = (PySet)self;
        if (s.Count > 0) s.ClearTable();
        if (args.Length == 1) s.UpdateFrom(ts, args[0]);
    }

    [PySlot("__iand__")]
    static PyObject IAnd(ThreadState ts, PyObject a, PyObject b)
    {
        if (b is not PyAnySet) return PyNotImplemented.Value;
        ((PySet)a).IntersectionUpdate(ts, b);
        return a;
    }

    [PySlot("__ior__")]
    static PyObject IOr(ThreadState ts, PyObject a, PyObject b)
    {
        if (b is not PyAnySet) return PyNotImplemented.Value;
        ((PySet)a).UpdateFrom(ts, b);
        return a;
    }

    [PySlot("__isub__")]
    static PyObject ISub(ThreadState ts, PyObject a, PyObject b)
    {
        if (b is not PyAnySet) return PyNotImplemented.Value;
        ((PySet)a).DifferenceUpdate(ts, b);
        return a;
    }

    [PySlot("__ixor__")]
    static PyObject IXor(ThreadState ts, PyObject a, PyObject b)
    {
        if (b is not PyAnySet) return PyNotImplemented.Value;
        ((PySet)a).SymmetricDifferenceUpdate(ts, b);
        return a;
    }

    [PyMethod] static void add(ThreadState ts, PySet self, PyObject @object) => self.AddKey(ts, @object);
    [PyMethod] static void clear(ThreadState ts, PySet self) => self.ClearTable();
    [PyMethod] static void discard(ThreadState ts, PySet self, PyObject @object) => self.DiscardKey(ts, @object);
    [PyMethod] static PyObject pop(ThreadState ts, PySet self) => self.Pop();

    [PyMethod]
    static void remove(ThreadState ts, PySet self, PyObject @object)
    {
        if (!self.DiscardKey(ts, @object)) throw PyExc.KeyError(@object);
    }

    [PyMethod]
    static void update(ThreadState ts, PySet self, params PyObject[] others)
    {
        foreach (var o in others) self.UpdateFrom(ts, o);
    }

    [PyMethod]
    static void intersection_update(ThreadState ts, PySet self, params PyObject[] others)
    {
        if (others.Length == 0) return;
        PyAnySet r = self;
        foreach (var o in others) r = r.Intersection(ts, o);
        if (r != self) self.IntersectionUpdate(ts, r);
    }

    [PyMethod]
    static void difference_update(ThreadState ts, PySet self, params PyObject[] others)
    {
        foreach (var o in others) self.DifferenceUpdate(ts, o);
    }

    [PyMethod]
    static void symmetric_difference_update(ThreadState ts, PySet self, PyObject other) => self.SymmetricDifferenceUpdate(ts, other);
}
