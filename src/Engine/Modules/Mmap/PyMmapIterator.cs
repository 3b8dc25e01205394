#nullable enable
using System;
namespace StacklessIron.Modules.Mmap;

/// <summary>iter(mmap): CPython iterates an mmap through its sequence item, a 1-byte bytes
/// (while m[i] gives an int), so list(m) is a list of 1-byte bytes. Reads the map live.</summary>
public sealed class PyMmapIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("iterator", typeof(PyMmapIterator), subclassable: false, module: "mmap");
    PyMmap? _map;
    long _index;

    public PyMmapIterator(PyMmap map) : base(TypeObject) { _map = map; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyMmapIterator)self;
        if (it._map == null) return null;
        var b = it._map.ByteAt(it._index);
        if (b < 0) { it._map = null; return null; }
        it._index++;
        return PyBytes.From(new[] { (byte)b });
    }
}
