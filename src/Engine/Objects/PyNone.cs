#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`None` (NoneType has exactly this one instance).</summary>
[PyType("NoneType")]
public sealed class PyNone : PyObject
{
    public static readonly PyNone Value = new();
    PyNone() : base(TypeObjects.NoneType) { }

    [PySlot("__repr__")] static PyObject Repr(ThreadState ts, PyObject self) => PyStr.Intern("None");
    [PySlot("__bool__")] static bool Bool(ThreadState ts, PyObject self) => false;
    [PySlot("__hash__")] static long Hash(ThreadState ts, PyObject self) => 0xFCA86420L;
    [PySlot("__new__")] static PyObject New(ThreadState ts, PyType cls, System.ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length != 0) throw PyExc.TypeError("NoneType takes no arguments");
        return Value;
    }
}
