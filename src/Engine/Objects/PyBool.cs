#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`bool`: the two singletons True and False.</summary>
[PyType("bool")]
public sealed class PyBool : PyInt
{
    public static new readonly PyType TypeObject = PyType.Builtin("bool", typeof(PyBool), PyInt.IntType, subclassable: false);
    public static readonly PyBool True = new(1), False = new(0);

    PyBool(long v) : base(TypeObject, v) { }

    public static PyBool From(bool b) => b ? True : False;

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null) throw PyExc.TypeError("bool() takes no keyword arguments");
        if (args.Length > 1) throw PyExc.TypeError($"bool expected at most 1 argument, got {args.Length}");
        return From(args.Length == 1 && Ops.IsTrue(ts, args[0]));
    }

    [PySlot("__repr__")] static PyObject Repr(ThreadState ts, PyObject self) => PyStr.Intern(self == True ? "True" : "False");

    [PySlot("__and__", "__rand__")]
    static PyObject And(ThreadState ts, PyObject a, PyObject b)
        => a is PyBool x && b is PyBool y ? From(x == True && y == True) : PyInt.IntType.NumberOps[1]!(ts, a, b);
    [PySlot("__or__", "__ror__")]
    static PyObject Or(ThreadState ts, PyObject a, PyObject b)
        => a is PyBool x && b is PyBool y ? From(x == True || y == True) : PyInt.IntType.NumberOps[7]!(ts, a, b);
    [PySlot("__xor__", "__rxor__")]
    static PyObject Xor(ThreadState ts, PyObject a, PyObject b)
        => a is PyBool x && b is PyBool y ? From(x != y) : PyInt.IntType.NumberOps[12]!(ts, a, b);
}
