#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`staticmethod`: returns the wrapped callable unchanged from the descriptor protocol.</summary>
[PyType("staticmethod")]
public sealed class PyStaticMethod : PyObject
{
    public PyObject Callable;
    PyDict? _dict;

    public PyStaticMethod(PyObject callable) : base(TypeObjects.StaticMethod) { Callable = callable; }
    public PyStaticMethod(PyType type, PyObject callable) : base(type) { Callable = callable; }

    public override PyDict? Dict { get => _dict ??= new PyDict(); set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length != 1 || kwnames != null) throw PyExc.TypeError($"staticmethod expected 1 argument, got {args.Length}");
        return new PyStaticMethod(cls, args[0]);
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => PyClassMethod.CopyWrappedAttributes(ts, self, ((PyStaticMethod)self).Callable);

    [PyGetter("__dict__")] static PyObject GetDict(ThreadState ts, PyObject self) => self.Dict!;

    [PySlot("__get__")]
    static PyObject Get(ThreadState ts, PyObject self, PyObject? obj, PyType? type) => ((PyStaticMethod)self).Callable;

    [PySlot("__call__")]
    static PyObject CallImpl(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => Ops.Call(ts, ((PyStaticMethod)self).Callable, args, kwnames);

    [PyGetter("__func__")] static PyObject GetFunc(ThreadState ts, PyObject self) => ((PyStaticMethod)self).Callable;
    [PyGetter("__wrapped__")] static PyObject GetWrapped(ThreadState ts, PyObject self) => ((PyStaticMethod)self).Callable;
    [PyGetter("__isabstractmethod__")]
    static PyObject GetAbstract(ThreadState ts, PyObject self)
        => Ops.GetAttrOrNull(ts, ((PyStaticMethod)self).Callable, PyStr.Intern("__isabstractmethod__")) is PyObject o && Ops.IsTrue(ts, o) ? PyBool.True : PyBool.False;
    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self) => new PyStr($"<staticmethod({Ops.ReprString(ts, ((PyStaticMethod)self).Callable)})>");
}
