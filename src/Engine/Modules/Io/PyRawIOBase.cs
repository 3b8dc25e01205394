#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_io._RawIOBase`: unbuffered binary streams. read() and readall() are written in
/// terms of the subclass's readinto().</summary>
[PyType("_RawIOBase")]
public class PyRawIOBase : PyIOBase
{
    public static new readonly PyType TypeObject = PyType.Builtin("_RawIOBase", typeof(PyRawIOBase), PyIOBase.TypeObject, module: "_io");

    public PyRawIOBase(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyRawIOBase(cls);

    [PyMethod]
    static PyObject read(ThreadState ts, PyObject self, PyObject? size = null)
    {
        long n = IoModule.SizeArg(ts, size);
        if (n < 0) return Ops.CallMethod(ts, self, "readall");
        var b = new PyByteArray(new byte[n]);
        var got = Ops.CallMethod(ts, self, "readinto", b);
        if (got == PyNone.Value) return PyNone.Value;
        long k = IoModule.IntArg(ts, got);
        if (k < 0 || k > n) throw PyExc.ValueError($"readinto returned {k} outside buffer size {n}");
        return PyBytes.From(b.Span[..(int)k].ToArray());
    }

    [PyMethod]
    static PyObject readall(ThreadState ts, PyObject self)
    {
        var all = new List<byte>();
        bool any = false;
        while (true)
        {
            var data = Ops.CallMethod(ts, self, "read", PyInt.From(IoModule.DefaultBufferSize));
            if (data == PyNone.Value)
            {
                if (!any && all.Count == 0) return PyNone.Value;
                break;
            }
            if (data is not PyBytes b) throw PyExc.TypeError("read() should return bytes");
            if (b.Data.Length == 0) break;
            any = true;
            all.AddRange(b.Data);
        }
        return PyBytes.From(all.ToArray());
    }

    [PyMethod] static PyObject readinto(ThreadState ts, PyObject self, PyObject b) => throw PyExc.NotImplementedError("");
    [PyMethod] static PyObject write(ThreadState ts, PyObject self, PyObject b) => throw PyExc.NotImplementedError("");
}
