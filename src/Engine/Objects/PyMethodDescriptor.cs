#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`method_descriptor`: a native method in a builtin type's namespace (e.g. list.append).
/// Accessed on an instance it becomes a bound builtin method.</summary>
[PyType("method_descriptor")]
public sealed class PyMethodDescriptor : PyObject
{
    public readonly PyType Owner;
    public readonly NativeFunction Func;

    public PyMethodDescriptor(PyType owner, NativeFunction func) : base(TypeObjects.MethodDescriptor)
    {
        Owner = owner; Func = func;
    }

    /// <summary>Calls with an explicit self (what LOAD_METHOD + CALL does).</summary>
    public PyObject CallWithSelf(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (!self.Type.IsSubtypeOf(Owner))
            throw PyExc.TypeError($"descriptor '{Func.Name}' for '{Owner.Name}' objects doesn't apply to a '{self.Type.Name}' object");
        return Func.Call(ts, self, args, kwnames);
    }

    [PySlot("__call__")]
    static PyObject CallImpl(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var d = (PyMethodDescriptor)self;
        if (args.Length - (kwnames?.Items.Length ?? 0) < 1)
            throw PyExc.TypeError($"unbound method {d.Owner.Name}.{d.Func.Name}() needs an argument");
        return d.CallWithSelf(ts, args[0], args.Slice(1), kwnames);
    }

    [PySlot("__get__")]
    static PyObject Get(ThreadState ts, PyObject self, PyObject? obj, PyType? type)
    {
        var d = (PyMethodDescriptor)self;
        if (obj == null) return d;
        if (!obj.Type.IsSubtypeOf(d.Owner))
            throw PyExc.TypeError($"descriptor '{d.Func.Name}' for '{d.Owner.Name}' objects doesn't apply to a '{obj.Type.Name}' object");
        return new PyBuiltinFunction(d.Func, obj);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var d = (PyMethodDescriptor)self;
        return new PyStr($"<method '{d.Func.Name}' of '{d.Owner.Name}' objects>");
    }

    [PyGetter("__name__")] static PyObject GetName(ThreadState ts, PyObject self) => new PyStr(((PyMethodDescriptor)self).Func.Name);
    [PyGetter("__qualname__")] static PyObject GetQualName(ThreadState ts, PyObject self) { var d = (PyMethodDescriptor)self; return new PyStr(d.Owner.QualName + "." + d.Func.Name); }
    [PyGetter("__objclass__")] static PyObject GetObjClass(ThreadState ts, PyObject self) => ((PyMethodDescriptor)self).Owner;

    /// <summary>As CPython: getattr(owner type, name) (a pickled frame may hold one).</summary>
    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyMethodDescriptor self) => new PyTuple(new PyObject[]
    {
        ts.Engine.BuiltinsDict.GetStr("getattr")!,
        new PyTuple(new PyObject[] { self.Owner, new PyStr(self.Func.Name) }),
    });
    [PyGetter("__doc__")] static PyObject GetDoc(ThreadState ts, PyObject self) => PyNone.Value;
}
