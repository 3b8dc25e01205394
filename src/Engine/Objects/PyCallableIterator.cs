#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`callable_iterator`: iter(callable, sentinel) calls until the result equals the sentinel.</summary>
[PyType("callable_iterator")]
public sealed class PyCallableIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("callable_iterator", typeof(PyCallableIterator), subclassable: false);
    PyObject? _callable;
    readonly PyObject _sentinel;

    public PyCallableIterator(PyObject callable, PyObject sentinel) : base(TypeObject) { _callable = callable; _sentinel = sentinel; }

    /// <summary>iter(callable, sentinel) with CPython's check.</summary>
    public static PyObject Create(ThreadState ts, PyObject callable, PyObject sentinel)
    {
        if (!Ops.IsCallable(callable)) throw PyExc.TypeError("iter(v, w): v must be callable");
        return new PyCallableIterator(callable, sentinel);
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyCallableIterator)self;
        var f = it._callable;
        if (f == null) return null;
        PyObject r;
        try { r = Ops.Call(ts, f); }
        catch (PyException e) when (e.Matches(ExceptionTypes.StopIteration)) { it._callable = null; return null; }
        if (Ops.RichCompareBool(ts, it._sentinel, r, CompareOp.Eq)) { it._callable = null; return null; }
        return r;
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyCallableIterator self)
        => self._callable == null
            ? PyTuple.Of(PySeqIterator.Builtin(ts, "iter"), PyTuple.Of(PyTuple.Empty))
            : PyTuple.Of(PySeqIterator.Builtin(ts, "iter"), PyTuple.Of(self._callable, self._sentinel));
}
