#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`Ellipsis` / `...`.</summary>
[PyType("ellipsis")]
public sealed class PyEllipsis : PyObject
{
    public static readonly PyEllipsis Value = new();
    PyEllipsis() : base(TypeObjects.Ellipsis) { }

    [PySlot("__repr__")] static PyObject Repr(ThreadState ts, PyObject self) => PyStr.Intern("Ellipsis");
    [PyMethod] static PyObject __reduce__(ThreadState ts, PyObject self) => PyStr.Intern("Ellipsis");
}
