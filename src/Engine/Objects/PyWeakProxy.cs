#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`weakproxy`: forwards attribute access, calls and str/repr to the target while it lives.</summary>
[PyType("weakproxy")]
public sealed class PyWeakProxy : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("ProxyType", typeof(PyWeakProxy), subclassable: false, module: "weakref");
    readonly WeakReference<PyObject> _target;
    PyObject? _callback;

    public PyWeakProxy(PyObject target, PyObject? callback = null) : base(TypeObject)
    {
        _target = new WeakReference<PyObject>(target);
        _callback = callback;
    }

    internal bool HasCallback => _callback != null;
    internal bool IsAlive => _target.TryGetTarget(out _);

    /// <summary>The callback, once (called with this proxy after the target died).</summary>
    internal PyObject? TakeCallback()
    {
        var cb = _callback;
        _callback = null;
        return cb;
    }

    PyObject Target => _target.TryGetTarget(out var t) ? t : throw PyExc.New(ExceptionTypes.ReferenceError, "weakly-referenced object no longer exists");

    [PySlot("__getattribute__")] static PyObject? GetAttr(ThreadState ts, PyObject self, PyStr name) => Ops.GetAttrOrNull(ts, ((PyWeakProxy)self).Target, name);
    [PySlot("__setattr__", "__delattr__")] static void SetAttr(ThreadState ts, PyObject self, PyStr name, PyObject? v) => Ops.SetAttr(ts, ((PyWeakProxy)self).Target, name, v);
    [PySlot("__call__")]
    static PyObject CallImpl(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => Ops.Call(ts, ((PyWeakProxy)self).Target, args, kwnames);
    [PySlot("__str__")] static PyObject Str(ThreadState ts, PyObject self) => Ops.Str(ts, ((PyWeakProxy)self).Target);
    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var p = (PyWeakProxy)self;
        return new PyStr(p._target.TryGetTarget(out var t) ? $"<weakproxy at 0x{Ops.Id(self):x}; to '{t.Type.FullName}' at 0x{Ops.Id(t):x}>" : $"<weakproxy at 0x{Ops.Id(self):x}; dead>");
    }
    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => Ops.Len(ts, ((PyWeakProxy)self).Target);
    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => Ops.GetIter(ts, ((PyWeakProxy)self).Target);
    [PySlot("__getitem__")] static PyObject GetItem(ThreadState ts, PyObject self, PyObject k) => Ops.GetItem(ts, ((PyWeakProxy)self).Target, k);
    [PySlot("__contains__")] static bool Contains(ThreadState ts, PyObject self, PyObject k) => Ops.Contains(ts, ((PyWeakProxy)self).Target, k);
    [PySlot("__bool__")] static bool Bool(ThreadState ts, PyObject self) => Ops.IsTrue(ts, ((PyWeakProxy)self).Target);
}
