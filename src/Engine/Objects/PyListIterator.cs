#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`list_iterator`: walks a list by position (sees appends made while iterating).</summary>
[PyType("list_iterator")]
public sealed class PyListIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("list_iterator", typeof(PyListIterator), subclassable: false);
    public PyList? List;
    public int Pos;

    public PyListIterator(PyList l) : base(TypeObject) { List = l; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyListIterator)self;
        var l = it.List;
        if (l == null) return null;
        if (it.Pos < l.Count) return l.Items[it.Pos++];
        it.List = null;
        return null;
    }

    [PyMethod]
    static long __length_hint__(ThreadState ts, PyListIterator self)
        => self.List == null ? 0 : Math.Max(0, self.List.Count - self.Pos);

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyListIterator self)
        => PySeqIterator.ReduceIter(ts, self.List, self.Pos);

    [PyMethod]
    static void __setstate__(ThreadState ts, PyListIterator self, PyObject state)
    {
        if (self.List == null) return;
        long p = PySeqIterator.StateIndex(ts, state);
        self.Pos = (int)Math.Min(self.List.Count, p);
    }
}
