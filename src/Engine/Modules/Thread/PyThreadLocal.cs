#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_thread._local`: attributes private to each thread. Python code runs on one
/// thread per interpreter here (tasklets share it, as in Stackless), so one dict suffices;
/// this type becomes per-ThreadState when threads are supported.</summary>
[PyType("_local")]
public sealed class PyThreadLocal : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("_local", typeof(PyThreadLocal), module: "_thread");
    PyDict? _dict = new();

    public PyThreadLocal(PyType type) : base(type) { }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PyGetter("__dict__")] static PyObject GetDict(ThreadState ts, PyObject self) => ((PyThreadLocal)self)._dict!;

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        // Like CPython: arguments are only accepted when a subclass defines __init__ to take them.
        if (args.Length > 0 && cls.Lookup("__init__") == TypeObjects.Object.Lookup("__init__"))
            throw PyExc.TypeError("Initialization arguments are not supported");
        return new PyThreadLocal(cls);
    }
}
