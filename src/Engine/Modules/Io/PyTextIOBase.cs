#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_io._TextIOBase`: text streams. The defaults raise UnsupportedOperation;
/// encoding, errors and newlines are None.</summary>
[PyType("_TextIOBase")]
public class PyTextIOBase : PyIOBase
{
    public static new readonly PyType TypeObject = PyType.Builtin("_TextIOBase", typeof(PyTextIOBase), PyIOBase.TypeObject, module: "_io");

    public PyTextIOBase(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyTextIOBase(cls);

    [PyMethod] static PyObject read(ThreadState ts, PyObject self, params PyObject[] args) => throw IoModule.Unsupported("read");
    [PyMethod] static PyObject readline(ThreadState ts, PyObject self, params PyObject[] args) => throw IoModule.Unsupported("readline");
    [PyMethod] static PyObject write(ThreadState ts, PyObject self, params PyObject[] args) => throw IoModule.Unsupported("write");
    [PyMethod] static PyObject detach(ThreadState ts, PyObject self) => throw IoModule.Unsupported("detach");

    [PyGetter("encoding")] static PyObject GetEncoding(ThreadState ts, PyObject self) => PyNone.Value;
    [PyGetter("errors")] static PyObject GetErrors(ThreadState ts, PyObject self) => PyNone.Value;
    [PyGetter("newlines")] static PyObject GetNewlines(ThreadState ts, PyObject self) => PyNone.Value;
}
