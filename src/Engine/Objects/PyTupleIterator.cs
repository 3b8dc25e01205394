#nullable enable
using System;
namespace StacklessIron.Objects;

[PyType("tuple_iterator")]
public sealed class PyTupleIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("tuple_iterator", typeof(PyTupleIterator), subclassable: false);
    public readonly PyObject[] Items;
    public int Pos;

    public PyTupleIterator(PyTuple t) : base(TypeObject) { Items = t.Items; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyTupleIterator)self;
        return it.Pos < it.Items.Length ? it.Items[it.Pos++] : null;
    }
}
