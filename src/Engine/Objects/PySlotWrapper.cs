#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`wrapper_descriptor`: the dunder (e.g. int.__add__) that exposes a builtin type's
/// C# slot to Python. SlotDefs decides how Python arguments map onto the slot delegate.</summary>
[PyType("wrapper_descriptor")]
public sealed class PySlotWrapper : PyObject
{
    public readonly SlotDef Def;
    public readonly string Name;
    public readonly Delegate Fn;
    public readonly PyType Owner;

    public PySlotWrapper(SlotDef def, string name, Delegate fn, PyType owner) : base(TypeObjects.SlotWrapper)
    {
        Def = def; Name = name; Fn = fn; Owner = owner;
    }

    public PyObject CallWithSelf(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (Name == "__new__") return Def.Invoke(ts, this, self, args, kwnames);
        if (!self.Type.IsSubtypeOf(Owner))
            throw PyExc.TypeError($"descriptor '{Name}' requires a '{Owner.Name}' object but received a '{self.Type.Name}'");
        return Def.Invoke(ts, this, self, args, kwnames);
    }

    [PySlot("__call__")]
    static PyObject CallImpl(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var w = (PySlotWrapper)self;
        if (args.Length - (kwnames?.Items.Length ?? 0) < 1)
            throw PyExc.TypeError($"descriptor '{w.Name}' of '{w.Owner.Name}' object needs an argument");
        return w.CallWithSelf(ts, args[0], args.Slice(1), kwnames);
    }

    [PySlot("__get__")]
    static PyObject Get(ThreadState ts, PyObject self, PyObject? obj, PyType? type)
    {
        var w = (PySlotWrapper)self;
        if (w.Name == "__new__") return w;     // a static method in effect
        if (obj == null) return w;
        return new PyMethod(w, obj);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var w = (PySlotWrapper)self;
        return new PyStr(w.Name == "__new__" ? $"<built-in method __new__ of type object at 0x{Ops.Id(w.Owner):x}>" : $"<slot wrapper '{w.Name}' of '{w.Owner.Name}' objects>");
    }

    [PyGetter("__name__")] static PyObject GetName(ThreadState ts, PyObject self) => new PyStr(((PySlotWrapper)self).Name);
    [PyGetter("__qualname__")] static PyObject GetQualName(ThreadState ts, PyObject self) { var w = (PySlotWrapper)self; return new PyStr(w.Owner.QualName + "." + w.Name); }
    [PyGetter("__objclass__")] static PyObject GetObjClass(ThreadState ts, PyObject self) => ((PySlotWrapper)self).Owner;
    // A type's __new__ stands for CPython's built-in method bound to the type (copyreg reads it).
    [PyGetter("__self__")] static PyObject GetSelf(ThreadState ts, PyObject self)
        => self is PySlotWrapper { Name: "__new__" } w ? w.Owner : throw PyExc.AttributeError("'wrapper_descriptor' object has no attribute '__self__'");
    [PyGetter("__doc__")] static PyObject GetDoc(ThreadState ts, PyObject self) => PyNone.Value;
}
