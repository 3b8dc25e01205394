#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`callable_iterator`: iter(callable, sentinel).</summary>
[PyType("callable_iterator")]
public sealed class PyCallIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("callable_iterator", typeof(PyCallIterator), subclassable: false);
    PyObject? _func;
    readonly PyObject _sentinel;

    public PyCallIterator(PyObject func, PyObject sentinel) : base(TypeObject) { _func = func; _sentinel = sentinel; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyCallIterator)self;
        if (it._func == null) return null;
        PyObject v;
        try { v = Ops.Call(ts, it._func); }
        catch (PyException e) when (e.Matches(ExceptionTypes.StopIteration)) { it._func = null; return null; }
        if (Ops.Equal(ts, v, it._sentinel)) { it._func = null; return null; }
        return v;
    }
}
