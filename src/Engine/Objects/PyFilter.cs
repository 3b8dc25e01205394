#nullable enable
using System;
namespace StacklessIron.Objects;

[PyType("filter")]
public sealed class PyFilter : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("filter", typeof(PyFilter));
    PyObject _func = null!;
    PyObject _it = null!;

    PyFilter(PyType t) : base(t) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("filter() takes no keyword arguments");
        if (args.Length != 2) throw PyExc.TypeError($"filter expected 2 arguments, got {args.Length}");
        return new PyFilter(cls) { _func = args[0], _it = Ops.GetIter(ts, args[1]) };
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var f = (PyFilter)self;
        while (true)
        {
            var v = Ops.Next(ts, f._it);
            if (v == null) return null;
            bool keep = f._func == PyNone.Value || f._func == PyBool.TypeObject ? Ops.IsTrue(ts, v) : Ops.IsTrue(ts, Ops.Call(ts, f._func, v));
            if (keep) return v;
        }
    }
}
