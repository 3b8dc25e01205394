#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`NotImplemented`: what a binary/comparison slot returns to let the other operand try.</summary>
[PyType("NotImplementedType")]
public sealed class PyNotImplemented : PyObject
{
    public static readonly PyNotImplemented Value = new();
    PyNotImplemented() : base(TypeObjects.NotImplementedType) { }

    [PySlot("__repr__")] static PyObject Repr(ThreadState ts, PyObject self) => PyStr.Intern("NotImplemented");
    [PyMethod] static PyObject __reduce__(ThreadState ts, PyObject self) => PyStr.Intern("NotImplemented");
}
