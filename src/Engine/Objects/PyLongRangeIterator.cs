#nullable enable
using System.Numerics;
using System;
namespace StacklessIron.Objects;

/// <summary>`longrange_iterator`: a range's items when they do not fit a long.</summary>
[PyType("longrange_iterator")]
public sealed class PyLongRangeIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("longrange_iterator", typeof(PyLongRangeIterator), subclassable: false);
    readonly BigInteger _start, _step, _len;
    BigInteger _index;

    public PyLongRangeIterator(BigInteger start, BigInteger step, BigInteger len) : base(TypeObject) { _start = start; _step = step; _len = len; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyLongRangeIterator)self;
        if (it._index >= it._len) return null;
        var v = it._start + it._step * it._index;
        it._index++;
        return PyInt.From(v);
    }

    [PyMethod] static PyObject __length_hint__(ThreadState ts, PyLongRangeIterator self) => PyInt.From(self._len - self._index);

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyLongRangeIterator self)
    {
        var r = new PyRange(PyInt.From(self._start), PyInt.From(self._start + self._len * self._step), PyInt.From(self._step));
        return PyTuple.Of(PySeqIterator.Builtin(ts, "iter"), PyTuple.Of(r), PyInt.From(self._index));
    }

    [PyMethod]
    static void __setstate__(ThreadState ts, PyLongRangeIterator self, PyObject state)
    {
        var i = Ops.Index(ts, state).Big;
        self._index = i.Sign < 0 ? 0 : i > self._len ? self._len : i;
    }
}
