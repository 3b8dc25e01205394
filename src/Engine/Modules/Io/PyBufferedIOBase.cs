#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_io._BufferedIOBase`: buffered binary streams. The defaults raise
/// UnsupportedOperation; readinto()/readinto1() copy what read()/read1() return.</summary>
[PyType("_BufferedIOBase")]
public class PyBufferedIOBase : PyIOBase
{
    public static new readonly PyType TypeObject = PyType.Builtin("_BufferedIOBase", typeof(PyBufferedIOBase), PyIOBase.TypeObject, module: "_io");

    public PyBufferedIOBase(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyBufferedIOBase(cls);

    [PyMethod] static PyObject read(ThreadState ts, PyObject self, params PyObject[] args) => throw IoModule.Unsupported("read");
    [PyMethod] static PyObject read1(ThreadState ts, PyObject self, params PyObject[] args) => throw IoModule.Unsupported("read1");
    [PyMethod] static PyObject write(ThreadState ts, PyObject self, params PyObject[] args) => throw IoModule.Unsupported("write");
    [PyMethod] static PyObject detach(ThreadState ts, PyObject self) => throw IoModule.Unsupported("detach");

    [PyMethod] static PyObject readinto(ThreadState ts, PyObject self, PyObject buffer) => ReadIntoGeneric(ts, self, buffer, "read");
    [PyMethod] static PyObject readinto1(ThreadState ts, PyObject self, PyObject buffer) => ReadIntoGeneric(ts, self, buffer, "read1");

    static PyObject ReadIntoGeneric(ThreadState ts, PyObject self, PyObject buffer, string method)
    {
        int len = IoModule.WritableBuffer(buffer).Length;
        var data = Ops.CallMethod(ts, self, method, PyInt.From(len));
        if (data is not PyBytes b) throw PyExc.TypeError("read() should return bytes");
        if (b.Data.Length > len)
            throw PyExc.ValueError($"read() returned too much data: {len} bytes requested, {b.Data.Length} returned");
        b.Data.CopyTo(IoModule.WritableBuffer(buffer));
        return PyInt.From(b.Data.Length);
    }
}
