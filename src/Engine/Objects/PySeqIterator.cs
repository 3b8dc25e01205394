#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`iterator`: iterates anything with __getitem__ by index until IndexError/StopIteration.</summary>
[PyType("iterator")]
public sealed class PySeqIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("iterator", typeof(PySeqIterator), subclassable: false);
    PyObject? _seq;
    long _index;

    public PySeqIterator(PyObject seq) : base(TypeObject) { _seq = seq; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PySeqIterator)self;
        if (it._seq == null) return null;
        try { return Ops.GetItem(ts, it._seq, PyInt.From(it._index++)); }
        catch (PyException e) when (e.Matches(ExceptionTypes.IndexError) || e.Matches(ExceptionTypes.StopIteration))
        {
            it._seq = null;
            return null;
        }
    }
}
