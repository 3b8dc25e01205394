#nullable enable
using System;
namespace StacklessIron.Objects;

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
}
