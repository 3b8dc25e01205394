#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_io.BufferedReader`, `BufferedWriter` and `BufferedRandom`: one C# layout (as in
/// CPython's bufferedio.c) with a read-ahead buffer and a pending-write buffer over a raw
/// stream. A raw stream that is exactly FileIO is driven directly; any other raw object
/// (a Python RawIOBase subclass) through its readinto/write/seek/tell methods.
/// BufferedRandom keeps the two buffers apart: reading first writes out pending data,
/// writing first gives back the read-ahead by seeking the raw stream.</summary>
public sealed class PyBuffered : PyBufferedIOBase
{
    public static readonly PyType ReaderType = Make("BufferedReader", true, false);
    public static readonly PyType WriterType = Make("BufferedWriter", false, true);
    public static readonly PyType RandomType = Make("BufferedRandom", true, true);

    static PyType Make(string name, bool read, bool write)
    {
        var t = PyType.Builtin(name, typeof(PyBuffered), PyBufferedIOBase.TypeObject, module: "_io");
        if (read) NativeMembers.Fill(t, typeof(BufferedReadMethods));
        if (write) NativeMembers.Fill(t, typeof(BufferedWriteMethods));
        t.Modified(null);
        return t;
    }

    public PyObject? Raw;
    IRawStream? _fileRaw;        // Raw when it is a native raw stream (FileIO, host console) of exact type
    public int BufferSize = IoModule.DefaultBufferSize;
    bool _canRead, _canWrite, _initialized, _detached;
    /// <summary>The raw closed itself when dropped before this buffer took it (IoFinalization.Adopt).</summary>
    bool _rawTracked;
    byte[] _rbuf = Array.Empty<byte>();
    int _rpos, _rend;            // unread read-ahead is _rbuf[_rpos.._rend)
    byte[] _wbuf = Array.Empty<byte>();
    int _wlen;                   // pending writes are _wbuf[0.._wlen)
    readonly IoGate _gate = new();

    public PyBuffered(PyType type) : base(type)
    {
        _canRead = type.IsSubtypeOf(ReaderType) || type.IsSubtypeOf(RandomType);
        _canWrite = type.IsSubtypeOf(WriterType) || type.IsSubtypeOf(RandomType);
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyBuffered(cls);

    static readonly Signature s_initSig = new("BufferedReader", new[] { "raw", "buffer_size" }, 0, 2, 0, false, false);

    [PySlot("__init__")]
    static void InitSlot(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[2];
        s_initSig.Bind(ts, args, kwnames, bound, optional: new[] { false, true });
        var b = (PyBuffered)self;
        long size = bound[1] == null ? IoModule.DefaultBufferSize : IoModule.IntArg(ts, bound[1]!);
        b.Init(ts, bound[0]!, size);
    }

    public void Init(ThreadState ts, PyObject raw, long bufferSize)
    {
        if (_canRead && !IoModule.Ask(ts, raw, "readable"))
            throw IoModule.Unsupported("File or stream is not readable.");
        if (_canWrite && !IoModule.Ask(ts, raw, "writable"))
            throw IoModule.Unsupported("File or stream is not writable.");
        if (_canRead && _canWrite && !IoModule.Ask(ts, raw, "seekable"))
            throw IoModule.Unsupported("File or stream is not seekable.");
        if (bufferSize <= 0) throw PyExc.ValueError("buffer size must be strictly positive");
        if (bufferSize > int.MaxValue / 2) throw PyExc.OverflowError("buffer size too large");
        Raw = raw;
        _fileRaw = raw is IRawStream rs && !raw.Type.IsHeapType ? rs : null;
        BufferSize = (int)bufferSize;
        try
        {
            _rbuf = _canRead ? new byte[BufferSize] : Array.Empty<byte>();
            _wbuf = _canWrite ? new byte[BufferSize] : Array.Empty<byte>();
        }
        catch (OutOfMemoryException) { throw PyExc.MemoryError(); }
        _rpos = _rend = _wlen = 0;
        _initialized = true;
        _detached = false;
        if (_canWrite) IoModule.TrackWriter(this);
        _rawTracked = IoFinalization.Adopt(raw);
        IoFinalization.Track(ts, this, IoFinalization.BufferedOrder);
    }

    // ---------------- state checks ----------------

    PyObject CheckRaw()
    {
        if (_detached) throw PyExc.ValueError("raw stream has been detached");
        if (!_initialized || Raw == null) throw PyExc.ValueError("I/O operation on uninitialized object");
        return Raw;
    }

    bool RawClosed(ThreadState ts)
    {
        var raw = CheckRaw();
        return _fileRaw != null ? _fileRaw.IsClosedFd : IoModule.IsClosed(ts, raw);
    }

    void CheckClosed(ThreadState ts, string message)
    {
        if (RawClosed(ts)) throw PyExc.ValueError(message);
    }

    public bool HasFileRaw => _fileRaw != null;
    /// <summary>Under sys.stdout/stderr as the engine set them up (not flushed by other opens).</summary>
    public bool IsStandardStream;
    public bool IsClosedOrDetached => _detached || Raw == null || (_fileRaw != null && _fileRaw.IsClosedFd);

    // ---------------- raw calls ----------------

    /// <summary>One raw read into `buf`: count, 0 at EOF, -1 when non-blocking with no data.</summary>
    int RawRead(ThreadState ts, Span<byte> buf)
    {
        if (_fileRaw != null) return _fileRaw.ReadInto(ts, buf);
        var ba = new PyByteArray(new byte[buf.Length]);
        var mv = Ops.Call(ts, PyMemoryView.TypeObject, ba);
        var r = Ops.CallMethod(ts, Raw!, "readinto", mv);
        if (r == PyNone.Value) return -1;
        long n = IoModule.IntArg(ts, r);
        if (n < 0 || n > buf.Length)
            throw PyExc.OSError($"raw readinto() returned invalid length {n} (should have been between 0 and {buf.Length})");
        ba.Span[..(int)n].CopyTo(buf);
        return (int)n;
    }

    int RawWrite(ThreadState ts, ReadOnlySpan<byte> data)
    {
        if (_fileRaw != null) return _fileRaw.WriteSome(ts, data);
        var r = Ops.CallMethod(ts, Raw!, "write", PyBytes.From(data.ToArray()));
        if (r == PyNone.Value) return -1;
        long n = IoModule.IntArg(ts, r);
        if (n < 0 || n > data.Length)
            throw PyExc.OSError($"raw write() returned invalid length {n} (should have been between 0 and {data.Length})");
        return (int)n;
    }

    long RawSeek(ThreadState ts, long pos, int whence)
    {
        if (_fileRaw != null) return _fileRaw.SeekNative(pos, whence);
        var r = Ops.CallMethod(ts, Raw!, "seek", PyInt.From(pos), PyInt.From(whence));
        long n = IoModule.IntArg(ts, r);
        if (n < 0) throw PyExc.OSError($"Raw stream returned invalid position {n}");
        return n;
    }

    long RawTell(ThreadState ts)
    {
        if (_fileRaw != null) return _fileRaw.SeekNative(0, 1);
        long n = IoModule.IntArg(ts, Ops.CallMethod(ts, Raw!, "tell"));
        if (n < 0) throw PyExc.OSError($"Raw stream returned invalid position {n}");
        return n;
    }

    // ---------------- writing ----------------

    /// <summary>Writes out the pending bytes.</summary>
    public void FlushWrites(ThreadState ts)
    {
        using var entered = _gate.Enter(ts);
        int done = 0;
        try
        {
            while (done < _wlen)
            {
                int n = RawWrite(ts, _wbuf.AsSpan(done, _wlen - done));
                if (n < 0)
                    throw PyExc.New(ExceptionTypes.BlockingIOError, PyInt.From(IoSyscalls.EAGAIN), new PyStr("write could not complete without blocking"), PyInt.From(0));
                done += n;
            }
        }
        finally
        {
            if (done > 0)
            {
                Array.Copy(_wbuf, done, _wbuf, 0, _wlen - done);
                _wlen -= done;
            }
        }
    }

    /// <summary>Gives back unread read-ahead: seeks the raw stream to the logical position.</summary>
    void DropReadAhead(ThreadState ts)
    {
        int unread = _rend - _rpos;
        if (unread > 0) RawSeek(ts, -unread, 1);
        _rpos = _rend = 0;
    }

    public int WriteNative(ThreadState ts, ReadOnlySpan<byte> data)
    {
        using var entered = _gate.Enter(ts);
        if (RawClosed(ts)) throw PyExc.ValueError("write to closed file");
        if (_rend > _rpos) DropReadAhead(ts);
        else _rpos = _rend = 0;
        if (_wlen + data.Length <= BufferSize)
        {
            data.CopyTo(_wbuf.AsSpan(_wlen));
            _wlen += data.Length;
            return data.Length;
        }
        FlushWrites(ts);
        if (data.Length < BufferSize)
        {
            data.CopyTo(_wbuf);
            _wlen = data.Length;
            return data.Length;
        }
        int done = 0;
        while (done < data.Length)
        {
            int n = RawWrite(ts, data[done..]);
            if (n < 0)
            {
                // Keep what fits in the buffer, report the rest as not written.
                int keep = Math.Min(BufferSize, data.Length - done);
                data.Slice(done, keep).CopyTo(_wbuf);
                _wlen = keep;
                done += keep;
                if (done < data.Length)
                    throw PyExc.New(ExceptionTypes.BlockingIOError, PyInt.From(IoSyscalls.EAGAIN), new PyStr("write could not complete without blocking"), PyInt.From(done));
                break;
            }
            done += n;
        }
        return data.Length;
    }

    public void FlushNative(ThreadState ts)
    {
        using var entered = _gate.Enter(ts);
        if (_detached || Raw == null) return;
        if (_canWrite)
        {
            if (RawClosed(ts)) throw PyExc.ValueError("flush of closed file");
            FlushWrites(ts);
            if (_fileRaw == null) Ops.CallMethod(ts, Raw, "flush");
        }
    }

    // ---------------- reading ----------------

    int Available => _rend - _rpos;

    /// <summary>Refills the read-ahead buffer with one raw read (after writing out pending data).</summary>
    int Fill(ThreadState ts)
    {
        if (_wlen > 0) FlushWrites(ts);
        _rpos = _rend = 0;
        int n = RawRead(ts, _rbuf);
        if (n > 0) _rend = n;
        return n;
    }

    /// <summary>read(n); null for "no data now" on a non-blocking stream.</summary>
    public byte[]? ReadNative(ThreadState ts, long n)
    {
        using var entered = _gate.Enter(ts);
        CheckClosed(ts, "read of closed file");
        if (n < -1) throw PyExc.ValueError("read length must be non-negative or -1");
        if (_wlen > 0) FlushWrites(ts);
        if (n < 0) return ReadAllNative(ts);
        if (n <= Available)
        {
            var r = _rbuf.AsSpan(_rpos, (int)n).ToArray();
            _rpos += (int)n;
            return r;
        }
        if (n > Array.MaxLength) throw PyExc.MemoryError();
        // The result grows as data arrives: a large n on a short stream must not allocate n.
        var result = new byte[Math.Min(n, Math.Max(Available, 1 << 16))];
        int have = Available;
        _rbuf.AsSpan(_rpos, have).CopyTo(result);
        _rpos = _rend = 0;
        while (have < n)
        {
            int want = (int)n - have;
            if (result.Length - have < Math.Min(want, BufferSize))
                Array.Resize(ref result, (int)Math.Min(n, Math.Max((long)result.Length * 2, have + (long)BufferSize)));
            int got;
            if (want >= BufferSize)
            {
                // Large reads go straight into the result, in whole buffer-size blocks.
                int room = Math.Min(want, result.Length - have);
                int direct = room - room % BufferSize;
                got = RawRead(ts, result.AsSpan(have, direct));
                if (got > 0) { have += got; continue; }
            }
            else
            {
                got = Fill(ts);
                if (got > 0)
                {
                    int take = Math.Min(got, want);
                    _rbuf.AsSpan(0, take).CopyTo(result.AsSpan(have));
                    _rpos = take;
                    have += take;
                    continue;
                }
            }
            if (got < 0 && have == 0) return null;
            break;
        }
        if (have != result.Length) Array.Resize(ref result, have);
        return result;
    }

    byte[]? ReadAllNative(ThreadState ts)
    {
        var head = _rbuf.AsSpan(_rpos, Available).ToArray();
        _rpos = _rend = 0;
        byte[]? rest;
        if (_fileRaw != null) rest = _fileRaw.ReadAll(ts);
        else
        {
            var r = Ops.GetAttrOrNull(ts, Raw!, PyStr.Intern("readall")) is PyObject ra ? Ops.Call(ts, ra) : ReadAllByChunks(ts);
            rest = r == PyNone.Value ? null : r is PyBytes rb ? rb.Data : throw PyExc.TypeError("readall() should return bytes");
        }
        if (rest == null) return head.Length > 0 ? head : null;
        if (head.Length == 0) return rest;
        var all = new byte[head.Length + rest.Length];
        head.CopyTo(all, 0);
        rest.CopyTo(all, head.Length);
        return all;
    }

    PyObject ReadAllByChunks(ThreadState ts)
    {
        var all = new List<byte>();
        while (true)
        {
            var r = Ops.CallMethod(ts, Raw!, "read");
            if (r == PyNone.Value) return all.Count == 0 ? PyNone.Value : PyBytes.From(all.ToArray());
            var b = IoModule.BytesArg(r);
            if (b.Length == 0) return PyBytes.From(all.ToArray());
            all.AddRange(b.ToArray());
        }
    }

    public byte[]? Read1Native(ThreadState ts, long n)
    {
        using var entered = _gate.Enter(ts);
        CheckClosed(ts, "read of closed file");
        if (n < 0) n = BufferSize;
        if (n == 0) return Array.Empty<byte>();
        if (_wlen > 0) FlushWrites(ts);
        if (Available > 0)
        {
            int take = (int)Math.Min(n, Available);
            var r = _rbuf.AsSpan(_rpos, take).ToArray();
            _rpos += take;
            return r;
        }
        _rpos = _rend = 0;
        if (n > BufferSize)
        {
            var direct = new byte[Math.Min(n, Math.Max(BufferSize, 1 << 20))];
            int got = RawRead(ts, direct);
            if (got < 0) return null;
            Array.Resize(ref direct, got);
            return direct;
        }
        int filled = Fill(ts);
        if (filled < 0) return null;
        int t = (int)Math.Min(n, Available);
        var res = _rbuf.AsSpan(_rpos, t).ToArray();
        _rpos += t;
        return res;
    }

    public int ReadIntoNative(ThreadState ts, Span<byte> target, bool one)
    {
        using var entered = _gate.Enter(ts);
        CheckClosed(ts, "readinto of closed file");
        if (_wlen > 0) FlushWrites(ts);
        int have = Math.Min(Available, target.Length);
        _rbuf.AsSpan(_rpos, have).CopyTo(target);
        _rpos += have;
        while (have < target.Length)
        {
            if (one && have > 0) break;
            int want = target.Length - have;
            int got;
            if (want >= BufferSize) got = RawRead(ts, target[have..]);
            else
            {
                got = Fill(ts);
                if (got > 0)
                {
                    int take = Math.Min(got, want);
                    _rbuf.AsSpan(0, take).CopyTo(target[have..]);
                    _rpos = take;
                    have += take;
                    if (one) break;
                    continue;
                }
            }
            if (got < 0) return have == 0 ? -1 : have;
            if (got == 0) break;
            if (want >= BufferSize) have += got;
            if (one) break;
        }
        return have;
    }

    public byte[] PeekNative(ThreadState ts)
    {
        using var entered = _gate.Enter(ts);
        CheckClosed(ts, "peek of closed file");
        if (_wlen > 0) FlushWrites(ts);
        if (Available == 0) Fill(ts);
        return _rbuf.AsSpan(_rpos, Available).ToArray();
    }

    public byte[] ReadLineNative(ThreadState ts, long limit)
    {
        using var entered = _gate.Enter(ts);
        CheckClosed(ts, "readline of closed file");
        if (_wlen > 0) FlushWrites(ts);
        // Fast path: the whole line is in the buffer.
        var span = _rbuf.AsSpan(_rpos, Available);
        int nl = span.IndexOf((byte)'\n');
        if (nl >= 0 && (limit < 0 || nl < limit))
        {
            var line = span[..(nl + 1)].ToArray();
            _rpos += nl + 1;
            return line;
        }
        var result = new List<byte>();
        while (true)
        {
            span = _rbuf.AsSpan(_rpos, Available);
            int room = limit < 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, limit - result.Count);
            nl = span.IndexOf((byte)'\n');
            int take = nl >= 0 ? nl + 1 : span.Length;
            if (take > room) take = room;
            for (int i = 0; i < take; i++) result.Add(span[i]);
            _rpos += take;
            if (nl >= 0 && take == nl + 1 || limit >= 0 && result.Count >= limit) break;
            if (Fill(ts) <= 0) break;
        }
        return result.ToArray();
    }

    // ---------------- positioning ----------------

    public long TellNative(ThreadState ts)
    {
        using var entered = _gate.Enter(ts);
        CheckRaw();
        long pos = RawTell(ts) - Available + _wlen;
        return pos < 0 ? RawTell(ts) : pos;
    }

    public long SeekNative(ThreadState ts, long pos, int whence)
    {
        using var entered = _gate.Enter(ts);
        if (whence < 0 || whence > 2) throw PyExc.ValueError($"whence value {whence} unsupported");
        CheckClosed(ts, "seek of closed file");
        if (_wlen > 0) FlushWrites(ts);
        if (whence == 1) pos -= Available;
        _rpos = _rend = 0;
        return RawSeek(ts, pos, whence);
    }

    // ---------------- Python methods common to all three ----------------

    [PyGetter("raw")] static PyObject GetRaw(ThreadState ts, PyObject self) => ((PyBuffered)self).CheckRaw();
    [PyGetter("closed")] static PyObject GetClosed(ThreadState ts, PyObject self) { var b = (PyBuffered)self; return b._fileRaw != null && !b._detached ? PyBool.From(b._fileRaw.IsClosedFd) : Ops.GetAttr(ts, b.CheckRaw(), "closed"); }
    [PyGetter("name")] static PyObject GetName(ThreadState ts, PyObject self) => Ops.GetAttr(ts, ((PyBuffered)self).CheckRaw(), "name");
    [PyGetter("mode")] static PyObject GetMode(ThreadState ts, PyObject self) => Ops.GetAttr(ts, ((PyBuffered)self).CheckRaw(), "mode");
    [PyGetter("_finalizing")] static PyObject GetFinalizing(ThreadState ts, PyObject self) => PyBool.False;

    [PyMethod] static PyObject readable(ThreadState ts, PyBuffered self) => Ops.CallMethod(ts, self.CheckRaw(), "readable");
    [PyMethod] static PyObject writable(ThreadState ts, PyBuffered self) => Ops.CallMethod(ts, self.CheckRaw(), "writable");
    [PyMethod] static PyObject seekable(ThreadState ts, PyBuffered self) => Ops.CallMethod(ts, self.CheckRaw(), "seekable");
    [PyMethod] static PyObject fileno(ThreadState ts, PyBuffered self) => Ops.CallMethod(ts, self.CheckRaw(), "fileno");
    [PyMethod] static PyObject isatty(ThreadState ts, PyBuffered self) => Ops.CallMethod(ts, self.CheckRaw(), "isatty");
    [PyMethod] static void _dealloc_warn(ThreadState ts, PyBuffered self, PyObject source) { }

    [PyMethod]
    static void flush(ThreadState ts, PyBuffered self)
    {
        self.CheckRaw();
        if (self._canWrite) self.FlushNative(ts);
        else if (self.RawClosed(ts)) throw PyExc.ValueError("flush of closed file");
    }

    [PyMethod]
    static void close(ThreadState ts, PyBuffered self)
    {
        var raw = self.CheckRaw();
        if (self.RawClosed(ts)) return;
        PyException? flushError = null;
        try { Ops.CallMethod(ts, self, "flush"); }
        catch (PyException e) { flushError = e; }
        self._rpos = self._rend = 0;
        try { Ops.CallMethod(ts, raw, "close"); }
        catch (PyException e)
        {
            if (flushError != null) e.Value.Context = flushError.Value;
            throw;
        }
        if (flushError != null) throw flushError;
    }

    [PyMethod]
    static PyObject detach(ThreadState ts, PyBuffered self)
    {
        var raw = self.CheckRaw();
        Ops.CallMethod(ts, self, "flush");
        self._detached = true;
        self.Raw = null;
        self._fileRaw = null;
        IoFinalization.Release(ts, raw, self._rawTracked);
        self._rawTracked = false;
        return raw;
    }

    [PyMethod]
    static long seek(ThreadState ts, PyBuffered self, PyObject target, int whence = 0)
    {
        if (target is PyFloat) throw PyExc.TypeError("an integer is required");
        return self.SeekNative(ts, IoModule.IntArg(ts, target), whence);
    }

    [PyMethod] static long tell(ThreadState ts, PyBuffered self) => self.TellNative(ts);

    [PyMethod]
    static PyObject truncate(ThreadState ts, PyBuffered self, PyObject? pos = null)
    {
        using var entered = self._gate.Enter(ts);
        self.CheckClosed(ts, "truncate of closed file");
        if (!self._canWrite) throw IoModule.Unsupported("truncate");
        self.FlushWrites(ts);
        long logical = self.TellNative(ts);
        if (self.Available > 0) self.DropReadAhead(ts);
        else self._rpos = self._rend = 0;
        var r = Ops.CallMethod(ts, self.Raw!, "truncate", pos == null || pos == PyNone.Value ? PyInt.From(logical) : pos);
        return r;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        string tn = self.Type.IsHeapType ? self.Type.FullName : "_io." + self.Type.Name;
        PyObject? name = null;
        try { name = Ops.GetAttrOrNull(ts, self, PyStr.Intern("name")); }
        catch (PyException e) when (e.Matches(ExceptionTypes.ValueError) || e.Matches(ExceptionTypes.AttributeError)) { }
        if (name == null) return new PyStr($"<{tn}>");
        if (!ts.EnterRepr(self)) throw PyExc.RuntimeError($"reentrant call inside {tn}.__repr__");
        try { return new PyStr($"<{tn} name={Ops.ReprString(ts, name)}>"); }
        finally { ts.LeaveRepr(self); }
    }

    [PyMethod]
    static PyObject __getstate__(ThreadState ts, PyBuffered self) => throw PyExc.TypeError($"cannot pickle '{self.Type.Name}' instances");

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var b = (PyBuffered)self;
        if (b.Type.IsHeapType || !b._canRead)
        {
            var l = Ops.CallMethod(ts, self, "readline");
            return Ops.Len(ts, l) == 0 ? null : l;
        }
        var line = b.ReadLineNative(ts, -1);
        return line.Length == 0 ? null : PyBytes.From(line);
    }

    /// <summary>The read side (BufferedReader, BufferedRandom).</summary>
    static class BufferedReadMethods
    {
        [PyMethod]
        static PyObject read(ThreadState ts, PyBuffered self, PyObject? size = null)
        {
            self.CheckRaw();
            var r = self.ReadNative(ts, IoModule.SizeArg(ts, size));
            return r == null ? PyNone.Value : PyBytes.From(r);
        }

        [PyMethod]
        static PyObject read1(ThreadState ts, PyBuffered self, PyObject? size = null)
        {
            self.CheckRaw();
            var r = self.Read1Native(ts, IoModule.SizeArg(ts, size));
            return r == null ? PyNone.Value : PyBytes.From(r);
        }

        [PyMethod]
        static PyObject readinto(ThreadState ts, PyBuffered self, PyObject buffer)
        {
            self.CheckRaw();
            var tmp = new byte[IoModule.WritableBuffer(buffer).Length];
            int n = self.ReadIntoNative(ts, tmp, false);
            if (n < 0) return PyNone.Value;
            tmp.AsSpan(0, n).CopyTo(IoModule.WritableBuffer(buffer));
            return PyInt.From(n);
        }

        [PyMethod]
        static PyObject readinto1(ThreadState ts, PyBuffered self, PyObject buffer)
        {
            self.CheckRaw();
            var tmp = new byte[IoModule.WritableBuffer(buffer).Length];
            int n = self.ReadIntoNative(ts, tmp, true);
            if (n < 0) return PyNone.Value;
            tmp.AsSpan(0, n).CopyTo(IoModule.WritableBuffer(buffer));
            return PyInt.From(n);
        }

        [PyMethod]
        static PyObject peek(ThreadState ts, PyBuffered self, PyObject? size = null)
        {
            self.CheckRaw();
            return PyBytes.From(self.PeekNative(ts));
        }

        [PyMethod]
        static PyObject readline(ThreadState ts, PyBuffered self, PyObject? size = null)
        {
            self.CheckRaw();
            return PyBytes.From(self.ReadLineNative(ts, IoModule.SizeArg(ts, size)));
        }
    }

    /// <summary>The write side (BufferedWriter, BufferedRandom).</summary>
    static class BufferedWriteMethods
    {
        [PyMethod]
        static long write(ThreadState ts, PyBuffered self, PyObject b)
        {
            self.CheckRaw();
            if (b is PyStr) throw PyExc.TypeError("a bytes-like object is required, not 'str'");
            var data = IoModule.BytesArg(b);
            // A Python raw stream runs code during the write: hand it a stable copy.
            return self.WriteNative(ts, self._fileRaw != null ? data : data.ToArray());
        }
    }
}
