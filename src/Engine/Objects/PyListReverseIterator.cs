#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`list_reverseiterator`: reversed(list), from the end; stops if the list shrinks past it.</summary>
[PyType("list_reverseiterator")]
public sealed class PyListReverseIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("list_reverseiterator", typeof(PyListReverseIterator), subclassable: false);
    PyList? _list;
    long _pos;

    public PyListReverseIterator(PyList l) : base(TypeObject) { _list = l; _pos = l.Count - 1; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyListReverseIterator)self;
        var l = it._list;
        if (l != null && it._pos >= 0 && it._pos < l.Count) return l.Items[it._pos--];
        it._pos = -1;
        it._list = null;
        return null;
    }

    [PyMethod]
    static long __length_hint__(ThreadState ts, PyListReverseIterator self)
        => self._list == null || self._pos >= self._list.Count ? 0 : self._pos + 1;

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyListReverseIterator self)
        => self._list == null
            ? PyTuple.Of(PySeqIterator.Builtin(ts, "iter"), PyTuple.Of(new PyList()))
            : PyTuple.Of(PySeqIterator.Builtin(ts, "reversed"), PyTuple.Of(self._list), PyInt.From(self._pos));

    [PyMethod]
    static void __setstate__(ThreadState ts, PyListReverseIterator self, PyObject state)
    {
        if (self._list == null) return;
        long p = PySeqIterator.StateIndex(ts, state);
        self._pos = Math.Max(-1, Math.Min(self._list.Count - 1, p));
    }
}
