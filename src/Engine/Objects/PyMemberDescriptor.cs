#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`member_descriptor`: one `__slots__` entry of a user class, stored in PyInstance.Slots.</summary>
[PyType("member_descriptor")]
public sealed class PyMemberDescriptor : PyObject
{
    public readonly string Name;
    public readonly PyType Owner;
    public readonly int Index;

    /// <summary>A read-only field of a builtin type (CPython's READONLY PyMemberDef, such as
    /// function.__globals__) rather than a `__slots__` cell; its Index is -1.</summary>
    public readonly Func<ThreadState, PyObject, PyObject>? ReadOnlyGetter;

    public PyMemberDescriptor(PyType owner, string name, int index) : base(TypeObjects.MemberDescriptor)
    {
        Owner = owner; Name = name; Index = index;
    }

    PyMemberDescriptor(PyType owner, string name, Func<ThreadState, PyObject, PyObject> getter) : this(owner, name, -1)
    {
        ReadOnlyGetter = getter;
    }

    /// <summary>Turns the [PyGetter] `name` of a builtin type into a read-only member, where
    /// CPython has a member rather than a getset (types.MemberDescriptorType is
    /// type(FunctionType.__globals__), and dataclasses tells `__slots__` entries by it).</summary>
    public static void MakeReadOnlyMember(PyType owner, string name)
    {
        var getset = (PyGetSetDescriptor)owner.Namespace.GetStr(name)!;
        owner.Namespace.SetStr(name, new PyMemberDescriptor(owner, name, getset.Getter!));
    }

    [PySlot("__get__")]
    static PyObject Get(ThreadState ts, PyObject self, PyObject? obj, PyType? type)
    {
        var d = (PyMemberDescriptor)self;
        if (obj == null) return d;
        if (d.ReadOnlyGetter != null && obj.Type.IsSubtypeOf(d.Owner)) return d.ReadOnlyGetter(ts, obj);
        if (obj is PyInstance inst && inst.Slots != null && d.Index < inst.Slots.Length && obj.Type.IsSubtypeOf(d.Owner))
            return inst.Slots[d.Index] ?? throw PyExc.AttributeError($"'{obj.Type.Name}' object has no attribute '{d.Name}'");
        throw PyExc.TypeError($"descriptor '{d.Name}' for '{d.Owner.Name}' objects doesn't apply to a '{obj.Type.Name}' object");
    }

    [PySlot("__set__", "__delete__")]
    static void Set(ThreadState ts, PyObject self, PyObject obj, PyObject? value)
    {
        var d = (PyMemberDescriptor)self;
        if (d.ReadOnlyGetter != null && obj.Type.IsSubtypeOf(d.Owner)) throw PyExc.AttributeError("readonly attribute");
        if (obj is PyInstance inst && inst.Slots != null && d.Index < inst.Slots.Length && obj.Type.IsSubtypeOf(d.Owner))
        {
            if (value == null && inst.Slots[d.Index] == null)
                throw PyExc.AttributeError($"'{obj.Type.Name}' object has no attribute '{d.Name}'");
            inst.Slots[d.Index] = value;
            return;
        }
        throw PyExc.TypeError($"descriptor '{d.Name}' for '{d.Owner.Name}' objects doesn't apply to a '{obj.Type.Name}' object");
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var d = (PyMemberDescriptor)self;
        return new PyStr($"<member '{d.Name}' of '{d.Owner.Name}' objects>");
    }

    [PyGetter("__name__")] static PyObject GetName(ThreadState ts, PyObject self) => new PyStr(((PyMemberDescriptor)self).Name);
    [PyGetter("__objclass__")] static PyObject GetObjClass(ThreadState ts, PyObject self) => ((PyMemberDescriptor)self).Owner;
}
