#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_io.BytesIO`: a binary stream over an in-memory buffer. The content lives in a
/// bytearray so getbuffer() can hand out a memoryview that writes through to it.</summary>
[PyType("BytesIO")]
public sealed class PyBytesIO : PyBufferedIOBase
{
    public static new readonly PyType TypeObject = PyType.Builtin("BytesIO", typeof(PyBytesIO), PyBufferedIOBase.TypeObject, module: "_io");

    PyByteArray _buf = new(Array.Empty<byte>());
    int _pos;
    bool _closed;

    public PyBytesIO(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyBytesIO(cls);

    static readonly Signature s_initSig = new("BytesIO", new[] { "initial_bytes" }, 0, 1, 0, false, false);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[1];
        s_initSig.Bind(ts, args, kwnames, bound, optional: new[] { true });
        var b = (PyBytesIO)self;
        b._buf = new PyByteArray(Array.Empty<byte>());
        b._pos = 0;
        if (bound[0] != null && bound[0] != PyNone.Value) b._buf.Splice(0, 0, IoModule.BytesArg(bound[0]!));
    }

    void CheckOpen() { if (_closed) throw IoModule.ClosedFile(); }
    ReadOnlySpan<byte> Data => _buf.Span;

    byte[] ReadBytes(long size)
    {
        int avail = Math.Max(0, _buf.Count - _pos);
        int n = size < 0 || size > avail ? avail : (int)size;
        var r = Data.Slice(Math.Min(_pos, _buf.Count), n).ToArray();
        _pos += n;
        return r;
    }

    byte[] ReadLine(long limit)
    {
        int start = Math.Min(_pos, _buf.Count);
        var rest = Data[start..];
        int nl = rest.IndexOf((byte)'\n');
        int n = nl < 0 ? rest.Length : nl + 1;
        if (limit >= 0 && limit < n) n = (int)limit;
        _pos = start + n;
        return rest[..n].ToArray();
    }

    int Write(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0) return 0;
        if (_pos > _buf.Count) _buf.Splice(_buf.Count, 0, new byte[_pos - _buf.Count]);
        int overlap = Math.Min(data.Length, _buf.Count - _pos);
        _buf.Splice(_pos, overlap, data);
        _pos += data.Length;
        return data.Length;
    }

    [PyMethod] static PyObject getvalue(ThreadState ts, PyBytesIO self) { self.CheckOpen(); return PyBytes.From(self.Data.ToArray()); }

    [PyMethod]
    static PyObject getbuffer(ThreadState ts, PyBytesIO self)
    {
        self.CheckOpen();
        return Ops.Call(ts, PyMemoryView.TypeObject, self._buf);
    }

    [PyMethod] static PyObject read(ThreadState ts, PyBytesIO self, PyObject? size = null) { self.CheckOpen(); return PyBytes.From(self.ReadBytes(IoModule.SizeArg(ts, size))); }
    [PyMethod] static PyObject read1(ThreadState ts, PyBytesIO self, PyObject? size = null) { self.CheckOpen(); return PyBytes.From(self.ReadBytes(IoModule.SizeArg(ts, size))); }

    [PyMethod]
    static long readinto(ThreadState ts, PyBytesIO self, PyObject buffer)
    {
        self.CheckOpen();
        var target = IoModule.WritableBuffer(buffer);
        var data = self.ReadBytes(target.Length);
        data.CopyTo(target);
        return data.Length;
    }

    [PyMethod] static PyObject readline(ThreadState ts, PyBytesIO self, PyObject? size = null) { self.CheckOpen(); return PyBytes.From(self.ReadLine(IoModule.SizeArg(ts, size))); }

    [PyMethod]
    static PyObject readlines(ThreadState ts, PyBytesIO self, PyObject? hint = null)
    {
        self.CheckOpen();
        long h = IoModule.SizeArg(ts, hint);
        var result = new PyList();
        long total = 0;
        while (true)
        {
            var line = self.ReadLine(-1);
            if (line.Length == 0) break;
            result.Append(PyBytes.From(line));
            total += line.Length;
            if (h > 0 && total >= h) break;
        }
        return result;
    }

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var b = (PyBytesIO)self;
        if (b.Type.IsHeapType) return PyIOBaseNext(ts, self);
        b.CheckOpen();
        var line = b.ReadLine(-1);
        return line.Length == 0 ? null : PyBytes.From(line);
    }

    static PyObject? PyIOBaseNext(ThreadState ts, PyObject self)
    {
        var line = Ops.CallMethod(ts, self, "readline");
        return Ops.Len(ts, line) == 0 ? null : line;
    }

    [PyMethod]
    static long write(ThreadState ts, PyBytesIO self, PyObject b)
    {
        self.CheckOpen();
        var data = IoModule.BytesArg(b);
        // A view of this very buffer must be copied before the buffer moves.
        return self.Write(b is PyMemoryView ? data.ToArray() : data);
    }

    [PyMethod]
    static void writelines(ThreadState ts, PyBytesIO self, PyObject lines)
    {
        self.CheckOpen();
        foreach (var line in Ops.Iterate(ts, lines)) write(ts, self, line);
    }

    [PyMethod]
    static long seek(ThreadState ts, PyBytesIO self, PyObject pos, int whence = 0)
    {
        self.CheckOpen();
        long p = IoModule.IntArg(ts, pos);
        if (whence == 0 && p < 0) throw PyExc.ValueError($"negative seek value {p}");
        if (whence == 1) p = Math.Max(0, self._pos + p);
        else if (whence == 2) p = Math.Max(0, self._buf.Count + p);
        else if (whence != 0) throw PyExc.ValueError($"invalid whence ({whence}, should be 0, 1 or 2)");
        if (p > int.MaxValue) throw PyExc.OverflowError("new position too large");
        self._pos = (int)p;
        return p;
    }

    [PyMethod] static long tell(ThreadState ts, PyBytesIO self) { self.CheckOpen(); return self._pos; }

    [PyMethod]
    static long truncate(ThreadState ts, PyBytesIO self, PyObject? size = null)
    {
        self.CheckOpen();
        long n = size == null || size == PyNone.Value ? self._pos : IoModule.IntArg(ts, size);
        if (n < 0) throw PyExc.ValueError($"negative size value {n}");
        if (n < self._buf.Count) self._buf.Splice((int)n, self._buf.Count - (int)n, ReadOnlySpan<byte>.Empty);
        return n;
    }

    [PyMethod] static bool readable(ThreadState ts, PyBytesIO self) { self.CheckOpen(); return true; }
    [PyMethod] static bool writable(ThreadState ts, PyBytesIO self) { self.CheckOpen(); return true; }
    [PyMethod] static bool seekable(ThreadState ts, PyBytesIO self) { self.CheckOpen(); return true; }
    [PyMethod] static bool isatty(ThreadState ts, PyBytesIO self) { self.CheckOpen(); return false; }
    [PyMethod] static void flush(ThreadState ts, PyBytesIO self) => self.CheckOpen();
    [PyMethod] static void close(ThreadState ts, PyBytesIO self) { self._closed = true; self.IOBaseClosed = true; }
    [PyGetter("closed")] static PyObject GetClosed(ThreadState ts, PyObject self) => PyBool.From(((PyBytesIO)self)._closed);

    [PyMethod]
    static PyObject __getstate__(ThreadState ts, PyBytesIO self)
    {
        self.CheckOpen();
        var d = self.Dict!;
        return PyTuple.Of(PyBytes.From(self.Data.ToArray()), PyInt.From(self._pos), d.Count == 0 ? PyNone.Value : d.Copy());
    }

    [PyMethod]
    static void __setstate__(ThreadState ts, PyBytesIO self, PyObject state)
    {
        if (state is not PyTuple t || t.Items.Length < 3)
            throw PyExc.TypeError($"{self.Type.Name}.__setstate__ argument should be 3-tuple, got {state.Type.Name}");
        self.CheckOpen();
        self._buf = new PyByteArray(Array.Empty<byte>());
        self._buf.Splice(0, 0, IoModule.BytesArg(t.Items[0]));
        if (t.Items[1] is not PyInt p) throw PyExc.TypeError($"second item of state must be an integer, not {t.Items[1].Type.Name}");
        if (p.Small < 0) throw PyExc.ValueError("position value cannot be negative");
        self._pos = (int)p.Small;
        if (t.Items[2] is PyDict d) foreach (var kv in d.Items()) self.Dict!.SetItem(ts, kv.Key, kv.Value);
        else if (t.Items[2] != PyNone.Value) throw PyExc.TypeError($"third item of state should be a dict, got a {t.Items[2].Type.Name}");
    }
}
