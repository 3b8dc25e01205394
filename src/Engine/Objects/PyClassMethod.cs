#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`classmethod`: binds the wrapped callable to the class.</summary>
[PyType("classmethod")]
public sealed class PyClassMethod : PyObject
{
    public PyObject Callable;
    PyDict? _dict;

    public PyClassMethod(PyObject callable) : base(TypeObjects.ClassMethod) { Callable = callable; }
    public PyClassMethod(PyType type, PyObject callable) : base(type) { Callable = callable; }

    public override PyDict? Dict { get => _dict ??= new PyDict(); set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length != 1 || kwnames != null) throw PyExc.TypeError($"classmethod expected 1 argument, got {args.Length}");
        return new PyClassMethod(cls, args[0]);
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => CopyWrappedAttributes(ts, self, ((PyClassMethod)self).Callable);

    static readonly PyStr[] s_wrappedAttributes =
        { PyStr.Intern("__module__"), PyStr.Intern("__name__"), PyStr.Intern("__qualname__"), PyStr.Intern("__doc__"), PyStr.Intern("__annotations__") };

    /// <summary>classmethod(f) and staticmethod(f) carry f's name, module, doc and annotations
    /// in their own __dict__, as functools.wraps would copy them (those f has).</summary>
    internal static void CopyWrappedAttributes(ThreadState ts, PyObject wrapper, PyObject callable)
    {
        var dict = wrapper.Dict!;
        foreach (var name in s_wrappedAttributes)
            if (Ops.GetAttrOrNull(ts, callable, name) is PyObject value) dict.SetItem(ts, name, value);
    }

    [PyGetter("__dict__")] static PyObject GetDict(ThreadState ts, PyObject self) => self.Dict!;

    [PySlot("__get__")]
    static PyObject Get(ThreadState ts, PyObject self, PyObject? obj, PyType? type)
    {
        var c = (PyClassMethod)self;
        type ??= obj!.Type;
        // A native classmethod binds its cls parameter directly.
        if (c.Callable is PyBuiltinFunction bf && bf.Func.HasSelf && bf.Self == null) return new PyBuiltinFunction(bf.Func, type);
        if (c.Callable.Type.DescrGet != null && c.Callable is not PyFunction && c.Callable is not PyBuiltinFunction)
            return c.Callable.Type.DescrGet(ts, c.Callable, type, type.Type);
        return new PyMethod(c.Callable, type);
    }

    [PyGetter("__func__")] static PyObject GetFunc(ThreadState ts, PyObject self) => ((PyClassMethod)self).Callable;
    [PyGetter("__wrapped__")] static PyObject GetWrapped(ThreadState ts, PyObject self) => ((PyClassMethod)self).Callable;
    [PyGetter("__isabstractmethod__")]
    static PyObject GetAbstract(ThreadState ts, PyObject self)
        => Ops.GetAttrOrNull(ts, ((PyClassMethod)self).Callable, PyStr.Intern("__isabstractmethod__")) is PyObject o && Ops.IsTrue(ts, o) ? PyBool.True : PyBool.False;
    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self) => new PyStr($"<classmethod({Ops.ReprString(ts, ((PyClassMethod)self).Callable)})>");
}
