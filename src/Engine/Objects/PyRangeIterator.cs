#nullable enable
using System.Numerics;
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Objects;

/// <summary>`range_iterator`: a range's items as longs (the common case).</summary>
[PyType("range_iterator")]
public sealed class PyRangeIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("range_iterator", typeof(PyRangeIterator), subclassable: false);
    readonly long _start, _step, _len;
    long _index;

    PyRangeIterator(long start, long step, long len) : base(TypeObject) { _start = start; _step = step; _len = len; }

    /// <summary>A long iterator when start, step, length and the last item fit a long, else a big one.</summary>
    public static PyObject Create(BigInteger start, BigInteger step, BigInteger len)
    {
        if (len.IsZero) { start = 0; step = 1; }
        bool fits(BigInteger v) => v >= long.MinValue && v <= long.MaxValue;
        if (fits(start) && fits(step) && fits(len) && fits(start + (len - 1) * step) && fits(start + len * step))
            return new PyRangeIterator((long)start, (long)step, (long)len);
        return new PyLongRangeIterator(start, step, len);
    }

    /// <summary>FOR_ITER's fast path: whether an item is left, then NextValue() takes it.</summary>
    public bool HasNext { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => _index < _len; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long NextValue() => _start + _step * _index++;

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyRangeIterator)self;
        if (it._index >= it._len) return null;
        return PyInt.From(it._start + it._step * it._index++);
    }

    [PyMethod] static long __length_hint__(ThreadState ts, PyRangeIterator self) => self._len - self._index;

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyRangeIterator self)
    {
        var r = new PyRange(PyInt.From(self._start), PyInt.From(self._start + self._len * self._step), PyInt.From(self._step));
        return PyTuple.Of(PySeqIterator.Builtin(ts, "iter"), PyTuple.Of(r), PyInt.From(self._index));
    }

    [PyMethod]
    static void __setstate__(ThreadState ts, PyRangeIterator self, PyObject state)
        => self._index = Math.Max(0, Math.Min(self._len, PySeqIterator.StateIndex(ts, state)));
}
