#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`set_iterator`: walks the table slots; a change of size is an error, as in CPython.</summary>
[PyType("set_iterator")]
public sealed class PySetIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("set_iterator", typeof(PySetIterator), subclassable: false);
    PyAnySet? _set;
    int _used, _pos, _len;

    public PySetIterator(PyAnySet s) : base(TypeObject) { _set = s; _used = _len = s.Count; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PySetIterator)self;
        var s = it._set;
        if (s == null) return null;
        if (it._used != s.Count)
        {
            it._used = -1;   // stays broken, as CPython's
            throw PyExc.RuntimeError("Set changed size during iteration");
        }
        if (!s.NextEntry(ref it._pos, out var k, out _)) { it._set = null; return null; }
        it._len--;
        return k;
    }

    [PyMethod]
    static long __length_hint__(ThreadState ts, PySetIterator self)
        => self._set != null && self._used == self._set.Count ? self._len : 0;

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PySetIterator self)
    {
        var rest = new PyList();
        if (self._set != null && self._used == self._set.Count)
        {
            int pos = self._pos;
            while (self._set.NextEntry(ref pos, out var k, out _)) rest.Append(k);
        }
        return PyTuple.Of(PySeqIterator.Builtin(ts, "iter"), PyTuple.Of(rest));
    }
}
