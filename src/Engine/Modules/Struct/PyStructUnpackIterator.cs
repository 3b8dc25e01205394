#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_struct.unpack_iterator`: what iter_unpack returns, one tuple per record.</summary>
[PyType("unpack_iterator")]
public sealed class PyStructUnpackIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("unpack_iterator", typeof(PyStructUnpackIterator), subclassable: false, module: "_struct");

    readonly StructFormat _fmt;
    readonly byte[] _data;
    int _pos;

    public PyStructUnpackIterator(StructFormat fmt, byte[] data) : base(TypeObject) { _fmt = fmt; _data = data; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => throw PyExc.TypeError("cannot create '_struct.unpack_iterator' instances");

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyStructUnpackIterator)self;
        if (it._pos + it._fmt.Size > it._data.Length) return null;
        var r = it._fmt.Unpack(it._data.AsSpan(it._pos));
        it._pos += (int)it._fmt.Size;
        return r;
    }

    [PyMethod]
    static long __length_hint__(ThreadState ts, PyStructUnpackIterator self) => (self._data.Length - self._pos) / self._fmt.Size;
}
