#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>Iterator over a dict's keys, values or items; detects size changes as CPython does.</summary>
[PyType("dict_keyiterator")]
public sealed class PyDictIterator : PyObject
{
    public enum Kind { Keys, Values, Items }
    public static readonly PyType TypeObject = PyType.Builtin("dict_iterator", typeof(PyDictIterator), subclassable: false);
    readonly PyDict _dict;
    readonly Kind _kind;
    readonly int _startCount;
    int _pos;

    public PyDictIterator(PyDict d, Kind kind) : base(TypeObject) { _dict = d; _kind = kind; _startCount = d.Count; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyDictIterator)self;
        if (it._dict.Count != it._startCount) { it._pos = int.MaxValue; throw PyExc.RuntimeError("dictionary changed size during iteration"); }
        if (!it._dict.NextEntry(ref it._pos, out var k, out var v)) return null;
        return it._kind switch { Kind.Keys => k, Kind.Values => v, _ => new PyTuple(new[] { k, v }) };
    }
}
