#nullable enable
using System;
namespace StacklessIron.Objects;

[PyType("tuple_iterator")]
public sealed class PyTupleIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("tuple_iterator", typeof(PyTupleIterator), subclassable: false);
    PyTuple? _tuple;
    public int Pos;

    public PyTupleIterator(PyTuple t) : base(TypeObject) { _tuple = t; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyTupleIterator)self;
        var t = it._tuple;
        if (t == null) return null;
        if (it.Pos < t.Items.Length) return t.Items[it.Pos++];
        it._tuple = null;
        return null;
    }

    [PyMethod]
    static long __length_hint__(ThreadState ts, PyTupleIterator self)
        => self._tuple == null ? 0 : Math.Max(0, self._tuple.Items.Length - self.Pos);

    [PyMethod] static PyObject __reduce__(ThreadState ts, PyTupleIterator self) => PySeqIterator.ReduceIter(ts, self._tuple, self.Pos);

    [PyMethod]
    static void __setstate__(ThreadState ts, PyTupleIterator self, PyObject state)
    {
        if (self._tuple == null) return;
        self.Pos = (int)Math.Max(0, Math.Min(self._tuple.Items.Length, PySeqIterator.StateIndex(ts, state)));
    }
}
