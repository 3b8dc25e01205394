#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_io.FileIO`: raw binary I/O on an OS file descriptor (opened here from a path,
/// given by the caller, or returned by an opener). Errors are OSErrors carrying errno,
/// strerror and the filename, as CPython's.</summary>
[PyType("FileIO")]
public sealed class PyFileIO : PyRawIOBase, IRawStream
{
    public static new readonly PyType TypeObject = PyType.Builtin("FileIO", typeof(PyFileIO), PyRawIOBase.TypeObject, module: "_io");

    public int Fd = -1;
    bool _created, _readable, _writable, _appending, _closefd = true;
    int _seekable = -1;   // -1 = not known yet
    public int BlockSize = IoModule.DefaultBufferSize;

    public PyFileIO(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyFileIO(cls);

    static readonly Signature s_initSig = new("FileIO", new[] { "file", "mode", "closefd", "opener" }, 0, 4, 0, false, false);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[4];
        s_initSig.Bind(ts, args, kwnames, bound, optional: new[] { false, true, true, true });
        var f = (PyFileIO)self;
        string mode = bound[1] == null ? "r" : bound[1] is PyStr ms ? ms.Value
            : throw PyExc.TypeError($"FileIO() argument 'mode' must be str, not {bound[1]!.Type.Name}");
        bool closefd = bound[2] == null || Ops.IsTrue(ts, bound[2]!);
        var opener = bound[3] == null || bound[3] == PyNone.Value ? null : bound[3];
        if (f.Fd >= 0)
        {
            // Re-initialising an open object closes its old descriptor first, as CPython does.
            if (f._closefd) IoSyscalls.Close(f.Fd);
            f.Fd = -1;
        }
        f.OpenInto(ts, bound[0]!, mode, closefd, opener);
    }

    /// <summary>FileIO(file, mode, closefd, opener) for open().</summary>
    public static PyFileIO Open(ThreadState ts, PyType cls, PyObject file, string mode, bool closefd, PyObject? opener)
    {
        var f = new PyFileIO(cls);
        f.OpenInto(ts, file, mode, closefd, opener);
        return f;
    }

    void OpenInto(ThreadState ts, PyObject file, string mode, bool closefd, PyObject? opener)
    {
        if (file is PyFloat) throw PyExc.TypeError("integer argument expected, got float");
        int fd = -1;
        PyObject? name = null;
        if (file is PyInt || file is not PyStr && file is not PyBytes && file.Type.Index != null && file.Type.Lookup("__fspath__") == null)
        {
            long v = IoModule.IntArg(ts, file);
            if (v < 0) throw PyExc.ValueError("negative file descriptor");
            if (v > int.MaxValue) throw PyExc.OverflowError("fd is greater than maximum");
            fd = (int)v;
        }
        else
        {
            name = FsPath(ts, file);
            if (!closefd) throw PyExc.ValueError("Cannot use closefd=False with file name");
        }

        bool rwa = false, plus = false;
        int flags = 0;
        _created = _readable = _writable = _appending = false;
        foreach (char c in mode)
        {
            switch (c)
            {
                case 'x': if (rwa) goto bad; rwa = true; _created = _writable = true; flags |= IoSyscalls.O_EXCL | IoSyscalls.O_CREAT; break;
                case 'r': if (rwa) goto bad; rwa = true; _readable = true; break;
                case 'w': if (rwa) goto bad; rwa = true; _writable = true; flags |= IoSyscalls.O_CREAT | IoSyscalls.O_TRUNC; break;
                case 'a': if (rwa) goto bad; rwa = true; _writable = _appending = true; flags |= IoSyscalls.O_APPEND | IoSyscalls.O_CREAT; break;
                case 'b': break;
                case '+': if (plus) goto bad; _readable = _writable = true; plus = true; break;
                default: throw PyExc.ValueError($"invalid mode: {mode}");
            }
        }
        if (!rwa) goto bad;
        flags |= _readable && _writable ? IoSyscalls.O_RDWR : _readable ? IoSyscalls.O_RDONLY : IoSyscalls.O_WRONLY;
        flags |= IoSyscalls.O_CLOEXEC;

        if (fd < 0)
        {
            // Data a program wrote but never flushed or closed reaches its file before another
            // open() can look (CPython frees and flushes such a file object at once).
            IoModule.FlushOpenWriters(ts, includeStandardStreams: false);
            if (opener == null)
            {
                byte[] path = name is PyBytes pb ? NulTerminated(pb.Data) : IoSyscalls.PathBytes(((PyStr)name!).Value);
                if (Array.IndexOf(path, (byte)0) != path.Length - 1) throw PyExc.ValueError("embedded null byte");
                fd = IoSyscalls.Open(path, flags, 0x1B6);
                if (fd < 0) throw IoSyscalls.LastError(file);
            }
            else
            {
                var r = Ops.Call(ts, opener, file, PyInt.From(flags));
                if (r is not PyInt ri) throw PyExc.TypeError("expected integer from opener");
                if (!ri.FitsLong || ri.Small < 0) throw PyExc.ValueError($"opener returned {Ops.ReprString(ts, r)}");
                fd = (int)ri.Small;
            }
            _closefd = true;
        }
        else _closefd = closefd;
        Fd = fd;
        if (IoSyscalls.Stat(fd, out int stMode, out _, out long blk))
        {
            if ((stMode & IoSyscalls.S_IFMT) == IoSyscalls.S_IFDIR)
            {
                if (_closefd) IoSyscalls.Close(fd);
                Fd = -1;
                throw IoSyscalls.Error(IoSyscalls.EISDIR, file);
            }
            if (blk > 1) BlockSize = (int)Math.Min(blk, int.MaxValue);
        }
        Dict!.SetStr("name", file);
        if (_closefd) IoFinalization.Track(ts, this, IoFinalization.RawOrder);
        if (_appending) IoSyscalls.Seek(fd, 0, 2);   // a pipe cannot seek: ignored, as CPython does
        return;
    bad:
        throw PyExc.ValueError("Must have exactly one of create/read/write/append mode and at most one plus");
    }

    static byte[] NulTerminated(byte[] b)
    {
        var r = new byte[b.Length + 1];
        b.CopyTo(r, 0);
        return r;
    }

    /// <summary>os.fspath(file): str and bytes as they are, else __fspath__().</summary>
    static PyObject FsPath(ThreadState ts, PyObject file)
    {
        if (file is PyStr || file is PyBytes) return file;
        var m = file.Type.Lookup("__fspath__");
        if (m == null) throw PyExc.TypeError($"expected str, bytes or os.PathLike object, not {file.Type.Name}");
        var r = Ops.CallMethod(ts, file, "__fspath__");
        if (r is PyStr || r is PyBytes) return r;
        throw PyExc.TypeError($"expected {file.Type.Name}.__fspath__() to return str or bytes, not {r.Type.Name}");
    }

    // ---------------- native API (used by the buffered classes) ----------------

    public bool IsClosedFd => Fd < 0;
    public bool Readable => _readable;
    public bool Writable => _writable;

    void CheckOpen() { if (Fd < 0) throw PyExc.ValueError("I/O operation on closed file"); }
    void CheckReadable() { CheckOpen(); if (!_readable) throw IoModule.Unsupported("File not open for reading"); }
    void CheckWritable() { CheckOpen(); if (!_writable) throw IoModule.Unsupported("File not open for writing"); }

    public bool IsATty() { CheckOpen(); return IoSyscalls.IsATty(Fd); }

    /// <summary>Reads into `buf`: the count, 0 at end of file, or -1 when a non-blocking
    /// descriptor has nothing now (Python sees None).</summary>
    public int ReadInto(ThreadState ts, Span<byte> buf)
    {
        CheckReadable();
        int n = IoSyscalls.Read(ts, Fd, buf, out int err);
        if (n < 0)
        {
            if (err == IoSyscalls.EAGAIN) return -1;
            throw IoSyscalls.Error(err);
        }
        return n;
    }

    /// <summary>Writes what the OS takes of `data`: the count, or -1 (non-blocking, nothing taken).</summary>
    public int WriteSome(ThreadState ts, ReadOnlySpan<byte> data)
    {
        CheckWritable();
        int n = IoSyscalls.Write(ts, Fd, data, out int err);
        if (n < 0)
        {
            if (err == IoSyscalls.EAGAIN) return -1;
            throw IoSyscalls.Error(err);
        }
        return n;
    }

    public long SeekNative(long pos, int whence)
    {
        CheckOpen();
        long r = IoSyscalls.Seek(Fd, pos, whence);
        if (r < 0) throw IoSyscalls.LastError();
        return r;
    }

    public bool Seekable()
    {
        CheckOpen();
        if (_seekable < 0) _seekable = IoSyscalls.Seek(Fd, 0, 1) < 0 ? 0 : 1;
        return _seekable == 1;
    }

    /// <summary>Everything up to end of file; null when a non-blocking read finds nothing.</summary>
    public byte[]? ReadAll(ThreadState ts)
    {
        CheckReadable();
        int guess = 8192;
        if (IoSyscalls.Stat(Fd, out _, out long size, out _))
        {
            long pos = IoSyscalls.Seek(Fd, 0, 1);
            if (size > 0 && pos >= 0 && size >= pos && size - pos < int.MaxValue - 1) guess = (int)(size - pos) + 1;
        }
        var buf = new byte[guess];
        int total = 0;
        while (true)
        {
            if (total == buf.Length) Array.Resize(ref buf, buf.Length < 65536 ? buf.Length * 2 : buf.Length + buf.Length / 2);
            int n = IoSyscalls.Read(ts, Fd, buf.AsSpan(total), out int err);
            if (n < 0)
            {
                if (err == IoSyscalls.EAGAIN)
                {
                    if (total == 0) return null;
                    break;
                }
                throw IoSyscalls.Error(err);
            }
            if (n == 0) break;
            total += n;
        }
        if (total != buf.Length) Array.Resize(ref buf, total);
        return buf;
    }

    /// <summary>Closes the descriptor (when owned); the object counts as closed afterwards
    /// even if close(2) failed, whose error is raised.</summary>
    public void CloseFd()
    {
        if (Fd < 0) return;
        int fd = Fd;
        Fd = -1;
        if (_closefd && IoSyscalls.Close(fd) != 0) throw IoSyscalls.LastError();
    }

    public string ModeString => _created ? (_readable ? "xb+" : "xb")
        : _appending ? (_readable ? "ab+" : "ab")
        : _readable ? (_writable ? "rb+" : "rb") : "wb";

    // ---------------- Python methods ----------------

    [PyMethod]
    static PyObject read(ThreadState ts, PyFileIO self, PyObject? size = null)
    {
        self.CheckReadable();
        long n = IoModule.SizeArg(ts, size);
        if (n < 0) return readall(ts, self);
        // One read(2) at most: no more than what is left of a regular file (plus one byte to
        // see the end), and never a huge buffer for a pipe.
        long cap = Math.Min(n, 1 << 26);
        if (IoSyscalls.Stat(self.Fd, out int fmode, out long fsize, out _) && (fmode & IoSyscalls.S_IFMT) == IoSyscalls.S_IFREG)
        {
            long pos = IoSyscalls.Seek(self.Fd, 0, 1);
            if (pos >= 0 && fsize >= pos) cap = Math.Min(cap, fsize - pos + 1);
        }
        var buf = new byte[Math.Max(0, cap)];
        int got = self.ReadInto(ts, buf);
        if (got < 0) return PyNone.Value;
        if (got != buf.Length) Array.Resize(ref buf, got);
        return PyBytes.From(buf);
    }

    [PyMethod]
    static PyObject readall(ThreadState ts, PyFileIO self)
    {
        var data = self.ReadAll(ts);
        return data == null ? PyNone.Value : PyBytes.From(data);
    }

    [PyMethod]
    static PyObject readinto(ThreadState ts, PyFileIO self, PyObject buffer)
    {
        self.CheckReadable();
        var span = IoModule.WritableBuffer(buffer);
        int got = self.ReadInto(ts, span);
        return got < 0 ? PyNone.Value : PyInt.From(got);
    }

    [PyMethod]
    static PyObject write(ThreadState ts, PyFileIO self, PyObject b)
    {
        self.CheckWritable();
        int n = self.WriteSome(ts, IoModule.BytesArg(b));
        return n < 0 ? PyNone.Value : PyInt.From(n);
    }

    [PyMethod]
    static long seek(ThreadState ts, PyFileIO self, PyObject pos, int whence = 0)
    {
        if (pos is PyFloat) throw PyExc.TypeError("an integer is required");
        self.CheckOpen();
        return self.SeekNative(IoModule.IntArg(ts, pos), whence);
    }

    [PyMethod]
    static long tell(ThreadState ts, PyFileIO self) => self.SeekNative(0, 1);

    [PyMethod]
    static PyObject truncate(ThreadState ts, PyFileIO self, PyObject? size = null)
    {
        self.CheckWritable();
        long n = size == null || size == PyNone.Value ? self.SeekNative(0, 1) : IoModule.IntArg(ts, size);
        if (IoSyscalls.Truncate(self.Fd, n) != 0) throw IoSyscalls.LastError();
        return PyInt.From(n);
    }

    [PyMethod] static bool seekable(ThreadState ts, PyFileIO self) => self.Seekable();
    [PyMethod] static bool readable(ThreadState ts, PyFileIO self) { self.CheckOpen(); return self._readable; }
    [PyMethod] static bool writable(ThreadState ts, PyFileIO self) { self.CheckOpen(); return self._writable; }
    [PyMethod] static long fileno(ThreadState ts, PyFileIO self) { self.CheckOpen(); return self.Fd; }
    [PyMethod] static bool isatty(ThreadState ts, PyFileIO self) => self.IsATty();
    [PyMethod] static void _dealloc_warn(ThreadState ts, PyFileIO self, PyObject source) { }

    [PyMethod]
    static void close(ThreadState ts, PyFileIO self)
    {
        PyException? flushError = null;
        if (!self.IOBaseClosed)
        {
            try { Ops.CallMethod(ts, self, "flush"); }
            catch (PyException e) { flushError = e; }
            self.IOBaseClosed = true;
        }
        self.CloseFd();
        if (flushError != null) throw flushError;
    }

    [PyMethod] static void flush(ThreadState ts, PyFileIO self) { if (self.Fd < 0) throw IoModule.ClosedFile(); }

    [PyGetter("closed")] static PyObject GetClosed(ThreadState ts, PyObject self) => PyBool.From(((PyFileIO)self).Fd < 0);
    [PyGetter("closefd")] static PyObject GetCloseFd(ThreadState ts, PyObject self) => PyBool.From(((PyFileIO)self)._closefd);
    [PyGetter("mode")] static PyObject GetMode(ThreadState ts, PyObject self) => new PyStr(((PyFileIO)self).ModeString);
    [PyGetter("_blksize")] static PyObject GetBlkSize(ThreadState ts, PyObject self) => PyInt.From(((PyFileIO)self).BlockSize);
    [PyGetter("_finalizing")] static PyObject GetFinalizing(ThreadState ts, PyObject self) => PyBool.False;

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var f = (PyFileIO)self;
        string tn = f.Type.IsHeapType ? f.Type.FullName : "_io.FileIO";
        if (f.Fd < 0) return new PyStr($"<{tn} [closed]>");
        var name = f.Dict!.GetStr("name");
        string closefd = f._closefd ? "True" : "False";
        if (name == null) return new PyStr($"<{tn} fd={f.Fd} mode='{f.ModeString}' closefd={closefd}>");
        if (!ts.EnterRepr(self)) throw PyExc.RuntimeError($"reentrant call inside {tn}.__repr__");
        try { return new PyStr($"<{tn} name={Ops.ReprString(ts, name)} mode='{f.ModeString}' closefd={closefd}>"); }
        finally { ts.LeaveRepr(self); }
    }

    [PyMethod]
    static PyObject __getstate__(ThreadState ts, PyFileIO self) => throw PyExc.TypeError("cannot pickle 'FileIO' instances");
}
