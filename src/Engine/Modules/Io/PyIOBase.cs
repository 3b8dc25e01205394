#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_io._IOBase`: the root of the I/O classes. Defaults that raise
/// UnsupportedOperation, close() as flush-then-mark-closed, the context-manager and
/// line-iteration protocols, and readline/readlines/writelines written in terms of the
/// subclass's read/peek/write (looked up on the object, so Python overrides are used).
/// Every I/O object has an instance dict, as in CPython.</summary>
[PyType("_IOBase")]
public class PyIOBase : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("_IOBase", typeof(PyIOBase), module: "_io");

    PyDict? _dict;
    /// <summary>CPython's `__IOBase_closed` flag: set by _IOBase.close().</summary>
    public bool IOBaseClosed;

    public PyIOBase(PyType type) : base(type) { _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyIOBase(cls);

    /// <summary>True when this object is of a builtin I/O class itself (no Python subclass), so
    /// native code may skip method lookups.</summary>
    public bool IsExactNative => !Type.IsHeapType;

    [PyGetter("__dict__")] static PyObject GetDict(ThreadState ts, PyObject self) => self.Dict!;

    [PyMethod] static PyObject seek(ThreadState ts, PyObject self, params PyObject[] args) => throw IoModule.Unsupported("seek");
    [PyMethod] static PyObject tell(ThreadState ts, PyObject self) => Ops.CallMethod(ts, self, "seek", PyInt.From(0), PyInt.From(1));
    [PyMethod] static PyObject truncate(ThreadState ts, PyObject self, params PyObject[] args) => throw IoModule.Unsupported("truncate");

    [PyMethod] static void flush(ThreadState ts, PyObject self) => IoModule.CheckClosed(ts, self);

    [PyMethod]
    static void close(ThreadState ts, PyObject self)
    {
        var b = (PyIOBase)self;
        if (b.IOBaseClosed) return;
        try { Ops.CallMethod(ts, self, "flush"); }
        finally { b.IOBaseClosed = true; }
    }

    [PyGetter("closed")] static PyObject GetClosed(ThreadState ts, PyObject self) => PyBool.From(((PyIOBase)self).IOBaseClosed);

    [PyMethod] static bool seekable(ThreadState ts, PyObject self) => false;
    [PyMethod] static bool readable(ThreadState ts, PyObject self) => false;
    [PyMethod] static bool writable(ThreadState ts, PyObject self) => false;

    [PyMethod] static void _checkClosed(ThreadState ts, PyObject self, PyObject? msg = null) => IoModule.CheckClosed(ts, self);

    [PyMethod]
    static void _checkSeekable(ThreadState ts, PyObject self, PyObject? msg = null)
    {
        if (!Ops.IsTrue(ts, Ops.CallMethod(ts, self, "seekable"))) throw IoModule.Unsupported("File or stream is not seekable.");
    }

    [PyMethod]
    static void _checkReadable(ThreadState ts, PyObject self, PyObject? msg = null)
    {
        if (!Ops.IsTrue(ts, Ops.CallMethod(ts, self, "readable"))) throw IoModule.Unsupported("File or stream is not readable.");
    }

    [PyMethod]
    static void _checkWritable(ThreadState ts, PyObject self, PyObject? msg = null)
    {
        if (!Ops.IsTrue(ts, Ops.CallMethod(ts, self, "writable"))) throw IoModule.Unsupported("File or stream is not writable.");
    }

    [PyMethod] static PyObject fileno(ThreadState ts, PyObject self) => throw IoModule.Unsupported("fileno");

    [PyMethod]
    static bool isatty(ThreadState ts, PyObject self)
    {
        IoModule.CheckClosed(ts, self);
        return false;
    }

    [PyMethod]
    static PyObject __enter__(ThreadState ts, PyObject self)
    {
        IoModule.CheckClosed(ts, self);
        return self;
    }

    [PyMethod] static void __exit__(ThreadState ts, PyObject self, params PyObject[] args) => Ops.CallMethod(ts, self, "close");

    [PySlot("__iter__")]
    static PyObject Iter(ThreadState ts, PyObject self)
    {
        IoModule.CheckClosed(ts, self);
        return self;
    }

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var line = Ops.CallMethod(ts, self, "readline");
        return Ops.Len(ts, line) == 0 ? null : line;
    }

    /// <summary>Reads up to a newline with peek() when there is one (so no byte past the line
    /// is consumed), else one byte at a time.</summary>
    [PyMethod]
    static PyObject readline(ThreadState ts, PyObject self, PyObject? size = null)
    {
        long limit = IoModule.SizeArg(ts, size);
        var peek = Ops.GetAttrOrNull(ts, self, PyStr.Intern("peek"));
        var buffer = new List<byte>();
        while (limit < 0 || buffer.Count < limit)
        {
            long nreadahead = 1;
            if (peek != null)
            {
                var readahead = Ops.Call(ts, peek, PyInt.From(1));
                if (readahead is not PyBytes rb)
                    throw PyExc.OSError($"peek() should have returned a bytes object, not '{readahead.Type.Name}'");
                if (rb.Data.Length > 0)
                {
                    int n = 0;
                    var d = rb.Data;
                    while (n < d.Length && (limit < 0 || n < limit))
                        if (d[n++] == (byte)'\n') break;
                    nreadahead = n;
                }
            }
            var b = Ops.CallMethod(ts, self, "read", PyInt.From(nreadahead));
            if (b is not PyBytes bb) throw PyExc.OSError($"read() should have returned a bytes object, not '{b.Type.Name}'");
            if (bb.Data.Length == 0) break;
            buffer.AddRange(bb.Data);
            if (buffer[^1] == (byte)'\n') break;
        }
        return PyBytes.From(buffer.ToArray());
    }

    [PyMethod]
    static PyObject readlines(ThreadState ts, PyObject self, PyObject? hint = null)
    {
        long h = IoModule.SizeArg(ts, hint);
        var result = new PyList();
        if (h <= 0)
        {
            foreach (var line in Ops.Iterate(ts, self)) result.Append(line);
            return result;
        }
        long total = 0;
        foreach (var line in Ops.Iterate(ts, self))
        {
            result.Append(line);
            total += Ops.Len(ts, line);
            if (total >= h) break;
        }
        return result;
    }

    [PyMethod]
    static void writelines(ThreadState ts, PyObject self, PyObject lines)
    {
        IoModule.CheckClosed(ts, self);
        var write = Ops.GetAttr(ts, self, "write");
        foreach (var line in Ops.Iterate(ts, lines)) Ops.Call(ts, write, line);
    }

    [PyMethod]
    static void __del__(ThreadState ts, PyObject self)
    {
        // The finaliser closes the object; here it exists for subclasses that call super().__del__().
        try { if (!IoModule.IsClosed(ts, self)) Ops.CallMethod(ts, self, "close"); }
        catch (PyException) { }
    }
}
