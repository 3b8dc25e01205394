#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`getset_descriptor`: a computed attribute of a builtin type ([PyGetter]/[PySetter]).
/// Always a data descriptor, so it takes precedence over the instance dict.</summary>
[PyType("getset_descriptor")]
public sealed class PyGetSetDescriptor : PyObject
{
    public readonly string Name;
    public readonly PyType Owner;
    public readonly Func<ThreadState, PyObject, PyObject>? Getter;
    public readonly Action<ThreadState, PyObject, PyObject?>? Setter;

    public PyGetSetDescriptor(PyType owner, string name, Func<ThreadState, PyObject, PyObject>? getter, Action<ThreadState, PyObject, PyObject?>? setter)
        : base(TypeObjects.GetSetDescriptor)
    {
        Owner = owner; Name = name; Getter = getter; Setter = setter;
    }

    [PySlot("__get__")]
    static PyObject Get(ThreadState ts, PyObject self, PyObject? obj, PyType? type)
    {
        var d = (PyGetSetDescriptor)self;
        if (obj == null) return d;
        if (!obj.Type.IsSubtypeOf(d.Owner))
            throw PyExc.TypeError($"descriptor '{d.Name}' for '{d.Owner.Name}' objects doesn't apply to a '{obj.Type.Name}' object");
        if (d.Getter == null) throw PyExc.AttributeError($"attribute '{d.Name}' of '{d.Owner.Name}' objects is not readable");
        return d.Getter(ts, obj);
    }

    [PySlot("__set__", "__delete__")]
    static void Set(ThreadState ts, PyObject self, PyObject obj, PyObject? value)
    {
        var d = (PyGetSetDescriptor)self;
        if (!obj.Type.IsSubtypeOf(d.Owner))
            throw PyExc.TypeError($"descriptor '{d.Name}' for '{d.Owner.Name}' objects doesn't apply to a '{obj.Type.Name}' object");
        if (d.Setter == null) throw PyExc.AttributeError($"attribute '{d.Name}' of '{d.Owner.Name}' objects is not writable");
        d.Setter(ts, obj, value);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var d = (PyGetSetDescriptor)self;
        return new PyStr($"<attribute '{d.Name}' of '{d.Owner.Name}' objects>");
    }

    [PyGetter("__name__")] static PyObject GetName(ThreadState ts, PyObject self) => new PyStr(((PyGetSetDescriptor)self).Name);
    [PyGetter("__objclass__")] static PyObject GetObjClass(ThreadState ts, PyObject self) => ((PyGetSetDescriptor)self).Owner;
}
