#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`weakref.ref` (ReferenceType): calling it returns the target or None once collected.</summary>
[PyType("weakref")]
public class PyWeakRef : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("ReferenceType", typeof(PyWeakRef), module: "weakref");
    readonly WeakReference<PyObject> _target;
    public PyObject? Callback;
    long _hash = -1;
    PyDict? _dict;

    public PyWeakRef(PyType type, PyObject target, PyObject? callback) : base(type)
    {
        _target = new WeakReference<PyObject>(target);
        Callback = callback == PyNone.Value ? null : callback;
        if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    public PyObject? Target => _target.TryGetTarget(out var t) ? t : null;

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int npos = args.Length - (kwnames?.Items.Length ?? 0);
        if (npos < 1) throw PyExc.TypeError("__new__ expected at least 1 argument, got 0");
        return new PyWeakRef(cls, args[0], npos > 1 ? args[1] : null);
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) { }

    [PySlot("__call__")]
    static PyObject CallImpl(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length != 0) throw PyExc.TypeError($"weakref() takes no arguments ({args.Length} given)");
        return ((PyWeakRef)self).Target ?? PyNone.Value;
    }

    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self)
    {
        var r = (PyWeakRef)self;
        if (r._hash != -1) return r._hash;
        var t = r.Target ?? throw PyExc.TypeError("weak object has gone away");
        r._hash = Ops.Hash(ts, t);
        return r._hash;
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if ((op != CompareOp.Eq && op != CompareOp.Ne) || a is not PyWeakRef x || b is not PyWeakRef y) return PyNotImplemented.Value;
        var tx = x.Target; var ty = y.Target;
        if (tx == null || ty == null) return PyBool.From((x == y) == (op == CompareOp.Eq));
        return Ops.RichCompare(ts, tx, ty, op);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var t = ((PyWeakRef)self).Target;
        if (t == null) return new PyStr($"<weakref at 0x{Ops.Id(self):x}; dead>");
        return new PyStr($"<weakref at 0x{Ops.Id(self):x}; to '{t.Type.FullName}' at 0x{Ops.Id(t):x}>");
    }

    [PyGetter("__callback__")] static PyObject GetCallback(ThreadState ts, PyObject self) => ((PyWeakRef)self).Callback ?? PyNone.Value;

    [PyClassMethod]
    static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => cls;
}
