#nullable enable
using System;
namespace StacklessIron.Objects;

[PyType("map")]
public sealed class PyMap : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("map", typeof(PyMap));
    PyObject _func = null!;
    PyObject[] _its = Array.Empty<PyObject>();

    PyMap(PyType t) : base(t) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("map() takes no keyword arguments");
        if (args.Length < 2) throw PyExc.TypeError("map() must have at least two arguments.");
        var its = new PyObject[args.Length - 1];
        for (int i = 0; i < its.Length; i++) its[i] = Ops.GetIter(ts, args[i + 1]);
        return new PyMap(cls) { _func = args[0], _its = its };
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var m = (PyMap)self;
        var a = new PyObject[m._its.Length];
        for (int i = 0; i < a.Length; i++)
        {
            var v = Ops.Next(ts, m._its[i]);
            if (v == null) return null;
            a[i] = v;
        }
        return Ops.Call(ts, m._func, a);
    }
}
