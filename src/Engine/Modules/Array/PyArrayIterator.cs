#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`array.arrayiterator`: walks an array by position (sees appends).</summary>
[PyType("arrayiterator")]
public sealed class PyArrayIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("arrayiterator", typeof(PyArrayIterator), subclassable: false, module: "array");

    PyArray? _array;
    int _pos;

    public PyArrayIterator(PyArray a) : base(TypeObject) { _array = a; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyArrayIterator)self;
        if (it._array == null) return null;
        if (it._pos < it._array.Count) return it._array.Get(it._pos++);
        it._array = null;
        return null;
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyArrayIterator self)
        => PySeqIterator.ReduceIter(ts, self._array, self._pos);

    [PyMethod]
    static void __setstate__(ThreadState ts, PyArrayIterator self, PyObject state)
    {
        if (self._array == null) return;
        self._pos = (int)Math.Max(0, Math.Min(self._array.Count, PySeqIterator.StateIndex(ts, state)));
    }
}
