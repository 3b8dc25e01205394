#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_io.BufferedRWPair`: a reader and a writer raw stream (a pipe's two ends, a
/// socket pair) behind one buffered object: reads go to a BufferedReader over the first,
/// writes to a BufferedWriter over the second. Not seekable.</summary>
[PyType("BufferedRWPair")]
public sealed class PyBufferedRWPair : PyBufferedIOBase
{
    public static new readonly PyType TypeObject = PyType.Builtin("BufferedRWPair", typeof(PyBufferedRWPair), PyBufferedIOBase.TypeObject, module: "_io");

    PyBuffered? _reader, _writer;

    public PyBufferedRWPair(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyBufferedRWPair(cls);

    static readonly Signature s_initSig = new("BufferedRWPair", new[] { "reader", "writer", "buffer_size" }, 3, 3, 0, false, false);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("BufferedRWPair() takes no keyword arguments");
        var bound = new PyObject?[3];
        s_initSig.Bind(ts, args, kwnames, bound, optional: new[] { false, false, true });
        var p = (PyBufferedRWPair)self;
        long size = bound[2] == null ? IoModule.DefaultBufferSize : IoModule.IntArg(ts, bound[2]!);
        if (!Ops.IsTrue(ts, Ops.CallMethod(ts, bound[0]!, "readable"))) throw IoModule.Unsupported("\"reader\" argument must be readable.");
        if (!Ops.IsTrue(ts, Ops.CallMethod(ts, bound[1]!, "writable"))) throw IoModule.Unsupported("\"writer\" argument must be writable.");
        var r = new PyBuffered(PyBuffered.ReaderType);
        r.Init(ts, bound[0]!, size);
        var w = new PyBuffered(PyBuffered.WriterType);
        w.Init(ts, bound[1]!, size);
        p._reader = r;
        p._writer = w;
    }

    PyBuffered Reader => _reader ?? throw PyExc.ValueError("I/O operation on uninitialized object");
    PyBuffered Writer => _writer ?? throw PyExc.ValueError("I/O operation on uninitialized object");

    [PyMethod] static PyObject read(ThreadState ts, PyBufferedRWPair self, PyObject? size = null) => Ops.CallMethod(ts, self.Reader, "read", size ?? PyNone.Value);
    [PyMethod] static PyObject peek(ThreadState ts, PyBufferedRWPair self, PyObject? size = null) => Ops.CallMethod(ts, self.Reader, "peek", size ?? PyInt.From(0));
    [PyMethod] static PyObject read1(ThreadState ts, PyBufferedRWPair self, PyObject? size = null) => Ops.CallMethod(ts, self.Reader, "read1", size ?? PyInt.From(-1));
    [PyMethod] static PyObject readinto(ThreadState ts, PyBufferedRWPair self, PyObject buffer) => Ops.CallMethod(ts, self.Reader, "readinto", buffer);
    [PyMethod] static PyObject readinto1(ThreadState ts, PyBufferedRWPair self, PyObject buffer) => Ops.CallMethod(ts, self.Reader, "readinto1", buffer);
    [PyMethod] static PyObject readline(ThreadState ts, PyBufferedRWPair self, PyObject? size = null) => Ops.CallMethod(ts, self.Reader, "readline", size ?? PyInt.From(-1));
    [PyMethod] static PyObject write(ThreadState ts, PyBufferedRWPair self, PyObject b) => Ops.CallMethod(ts, self.Writer, "write", b);
    [PyMethod] static PyObject flush(ThreadState ts, PyBufferedRWPair self) => Ops.CallMethod(ts, self.Writer, "flush");
    [PyMethod] static PyObject readable(ThreadState ts, PyBufferedRWPair self) => Ops.CallMethod(ts, self.Reader, "readable");
    [PyMethod] static PyObject writable(ThreadState ts, PyBufferedRWPair self) => Ops.CallMethod(ts, self.Writer, "writable");

    [PyMethod]
    static PyObject isatty(ThreadState ts, PyBufferedRWPair self)
    {
        var r = Ops.CallMethod(ts, self.Writer, "isatty");
        return Ops.IsTrue(ts, r) ? r : Ops.CallMethod(ts, self.Reader, "isatty");
    }

    [PyMethod]
    static void close(ThreadState ts, PyBufferedRWPair self)
    {
        try { Ops.CallMethod(ts, self.Writer, "close"); }
        finally { Ops.CallMethod(ts, self.Reader, "close"); }
    }

    [PyGetter("closed")] static PyObject GetClosed(ThreadState ts, PyObject self) => Ops.GetAttr(ts, ((PyBufferedRWPair)self).Writer, "closed");

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var l = Ops.CallMethod(ts, self, "readline");
        return Ops.Len(ts, l) == 0 ? null : l;
    }
}
