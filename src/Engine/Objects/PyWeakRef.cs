#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`weakref.ref` (ReferenceType): calling it returns the target or None once collected.
/// Its callback runs on a Python thread after the target died (Runtime/Finalization), unless
/// this weakref died first.</summary>
[PyType("weakref")]
public class PyWeakRef : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("ReferenceType", typeof(PyWeakRef), module: "weakref");
    readonly WeakReference<PyObject> _target;
    PyObject? _callback;
    long _hash = -1;
    PyDict? _dict;

    public PyWeakRef(PyType type, PyObject target, PyObject? callback) : base(type)
    {
        _target = new WeakReference<PyObject>(target);
        _callback = callback == PyNone.Value ? null : callback;
        if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict();
    }

    public PyObject? Callback => _callback;

    /// <summary>The callback, once: CPython clears it when the referent dies and calls it.</summary>
    internal PyObject? TakeCallback()
    {
        var cb = _callback;
        _callback = null;
        return cb;
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    public PyObject? Target => _target.TryGetTarget(out var t) ? t : null;

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int npos = args.Length - (kwnames?.Items.Length ?? 0);
        if (npos < 1) throw PyExc.TypeError("__new__ expected at least 1 argument, got 0");
        if (npos > 2) throw PyExc.TypeError($"__new__ expected at most 2 arguments, got {npos}");
        var target = args[0];
        var callback = npos > 1 && args[1] != PyNone.Value ? args[1] : null;
        CheckReferenceable(target);
        // As CPython: a plain weakref.ref(o) without callback is shared.
        if (cls == TypeObject && callback == null && Finalization.SharedPlainRef(target) is PyWeakRef shared) return shared;
        var wr = new PyWeakRef(cls, target, callback);
        ts.Engine.Finalization.AddWeakRef(target, wr, callback != null);
        return wr;
    }

    /// <summary>As CPython: atoms and a few builtins take no weak references.</summary>
    internal static void CheckReferenceable(PyObject o)
    {
        var t = o.Type;
        bool ok = t.IsHeapType
            ? !(o is PyInt || o is PyTuple || o is PyBytes) && !t.InstanceRefusesWeakrefs   // variable-size bases keep no weakref slot
            : !(o is PyInt || o is PyStr || o is PyTuple || o is PyList || o is PyDict || o is PyBytes || o is PyNone
                || o is PyFloat || o is PyComplex || o is PyRange || t == TypeObjects.Object);
        if (!ok) throw PyExc.TypeError($"cannot create weak reference to '{t.Name}' object");
    }

    /// <summary>Whether instances of the builtin type `t` take weak references (so that a
    /// subclass with `__slots__` does too).</summary>
    internal static bool BuiltinTakesWeakrefs(PyType t)
        => t != TypeObjects.Object && !(t.IsSubtypeOf(PyInt.TypeObject) || t.IsSubtypeOf(TypeObjects.Str) || t.IsSubtypeOf(TypeObjects.Tuple)
            || t.IsSubtypeOf(PyList.TypeObject) || t.IsSubtypeOf(TypeObjects.Dict) || t.IsSubtypeOf(PyBytes.TypeObject)
            || t == TypeObjects.NoneType || t.IsSubtypeOf(PyFloat.TypeObject) || t.IsSubtypeOf(PyComplex.TypeObject) || t == PyRange.TypeObject);

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
