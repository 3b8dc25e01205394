#nullable enable
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

/// <summary>`bytes_iterator` / `bytearray_iterator`: yields the byte values as ints. Reads the
/// live content on each step, so a bytearray that changes size is seen as it is.</summary>
[PyType("bytes_iterator")]
public sealed class PyBytesIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("bytes_iterator", typeof(PyBytesIterator), subclassable: false);
    public static readonly PyType ByteArrayIteratorType = PyType.Builtin("bytearray_iterator", typeof(PyBytesIterator), subclassable: false);
    IPyBytesLike? _seq;
    int _index;

    public PyBytesIterator(PyObject seq) : base(seq is PyByteArray ? ByteArrayIteratorType : TypeObject) { _seq = (IPyBytesLike)seq; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyBytesIterator)self;
        if (it._seq == null) return null;
        var span = it._seq.Span;
        if (it._index < span.Length) return PyInt.From(span[it._index++]);
        it._seq = null;
        return null;
    }

    [PyMethod]
    static long __length_hint__(ThreadState ts, PyBytesIterator self)
        => self._seq == null ? 0 : Math.Max(0, self._seq.Span.Length - self._index);

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyBytesIterator self)
    {
        var iter = ts.Engine.Modules.GetStr("builtins") is PyObject b ? Ops.GetAttr(ts, b, "iter") : PyNone.Value;
        if (self._seq == null) return PyTuple.Of(iter, PyTuple.Of(PyTuple.Empty));
        return PyTuple.Of(iter, PyTuple.Of((PyObject)self._seq), PyInt.From(self._index));
    }

    [PyMethod]
    static void __setstate__(ThreadState ts, PyBytesIterator self, PyObject state)
    {
        long n = Ops.Index(ts, state).ToLongChecked();
        if (self._seq == null) return;
        self._index = (int)Math.Clamp(n, 0, self._seq.Span.Length);
    }
}
