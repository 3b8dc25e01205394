#nullable enable
using System;
using System.Buffers.Binary;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Socket;

/// <summary>`_socket.socket`: an OS socket descriptor with its family, type, protocol and
/// timeout (-1 = blocking, 0 = non-blocking, else seconds). socket.socket in socket.py
/// subclasses it. Every operation that can wait goes through SocketIo.Call.</summary>
[PyType("socket")]
public sealed unsafe partial class PySocket : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("socket", typeof(PySocket), module: "_socket");

    public int Fd = -1;
    public int Family, SockType, Proto;
    /// <summary>Seconds; negative = blocking (None), 0 = non-blocking.</summary>
    public double Timeout = -1;
    PyDict? _dict;

    public PySocket(PyType type) : base(type)
    {
        if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    static readonly Action<ThreadState, PyObject> s_finalize = Finalize;

    /// <summary>Called once the socket holds a descriptor: a socket dropped without close()
    /// closes it then, with ResourceWarning("unclosed <socket ...>") as CPython's finalizer.</summary>
    internal void Track(ThreadState ts) => ts.Engine.Finalization.TrackNative(this, s_finalize);

    static void Finalize(ThreadState ts, PyObject o)
    {
        var s = (PySocket)o;
        if (s.Fd < 0) return;
        try
        {
            var warnings = ts.Engine.Modules.GetStr("warnings") ?? Importer.ImportModuleLevel(ts, "warnings", null, PyNone.Value, 0);
            Ops.CallMethod(ts, warnings, "warn", new PyStr("unclosed " + Ops.ReprString(ts, s)), ExceptionTypes.ResourceWarning, PyInt.From(1), s);
        }
        catch (PyException e) when (e.Matches(ExceptionTypes.ImportError)) { }
        catch (PyException e) { Finalization.ReportUnraisable(ts, e.Value, s); }
        int fd = s.Fd;
        s.Fd = -1;
        if (fd >= 0) LibSocket.close(fd);
    }

    /// <summary>Process-wide default timeout of new sockets (setdefaulttimeout); -1 = None.</summary>
    internal static double DefaultTimeout = -1;

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PySocket(cls);

    static readonly Signature s_initSig = new("socket", new[] { "family", "type", "proto", "fileno" }, 0, 4, 0, false, false);
    static readonly bool[] s_allOptional = { true, true, true, true };

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var s = (PySocket)self;
        var bound = new PyObject?[4];
        s_initSig.Bind(ts, args, kwnames, bound, null, null, s_allOptional);
        int family = bound[0] == null ? -1 : Int(ts, bound[0]!);
        int type = bound[1] == null ? -1 : Int(ts, bound[1]!);
        int proto = bound[2] == null ? -1 : Int(ts, bound[2]!);
        int fd;
        if (bound[3] == null || bound[3] == PyNone.Value)
        {
            if (family == -1) family = LibSocket.AF_INET;
            if (type == -1) type = LibSocket.SOCK_STREAM;
            if (proto == -1) proto = 0;
            fd = LibSocket.socket(family, type | LibSocket.SOCK_CLOEXEC, proto);
            if (fd < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
        }
        else
        {
            if (bound[3] is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
            var v = Ops.Index(ts, bound[3]!);
            if (!v.FitsLong || v.Small > int.MaxValue) throw PyExc.OverflowError("file descriptor is too large");
            if (v.Small < 0) throw PyExc.ValueError("negative file descriptor");
            fd = (int)v.Small;
            if (family == -1) family = GetIntOption(fd, LibSocket.SO_DOMAIN);
            if (type == -1) type = GetIntOption(fd, LibSocket.SO_TYPE);
            if (proto == -1) proto = GetIntOption(fd, LibSocket.SO_PROTOCOL);
        }
        if (s.Fd >= 0 && s.Fd != fd) LibSocket.close(s.Fd);
        if (s.Fd < 0) s.Track(ts);
        s.Fd = fd;
        s.Family = family;
        s.SockType = type & ~(LibSocket.SOCK_NONBLOCK | LibSocket.SOCK_CLOEXEC);
        s.Proto = proto;
        s.Timeout = (type & LibSocket.SOCK_NONBLOCK) != 0 ? 0 : DefaultTimeout;
        if (s.Timeout >= 0) SetOsBlocking(fd, false);
    }

    static int Int(ThreadState ts, PyObject o)
    {
        if (o is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, o);
        if (!v.FitsLong || v.Small > int.MaxValue || v.Small < int.MinValue) throw PyExc.OverflowError("Python int too large to convert to C int");
        return (int)v.Small;
    }

    static int GetIntOption(int fd, int name)
    {
        int value = 0;
        uint len = sizeof(int);
        if (LibSocket.getsockopt(fd, LibSocket.SOL_SOCKET, name, (byte*)&value, &len) < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
        return value;
    }

    internal static void SetOsBlocking(int fd, bool blocking)
    {
        int flags = LibSocket.fcntl(fd, LibC.F_GETFL, 0);
        if (flags < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
        int want = blocking ? flags & ~LibC.O_NONBLOCK : flags | LibC.O_NONBLOCK;
        if (want != flags && LibSocket.fcntl(fd, LibC.F_SETFL, want) < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var s = (PySocket)self;
        return new PyStr($"<socket object, fd={s.Fd}, family={s.Family}, type={s.SockType}, proto={s.Proto}>");
    }

    [PyGetter("family")] static PyObject GetFamily(ThreadState ts, PyObject self) => PyInt.From(((PySocket)self).Family);
    [PyGetter("type")] static PyObject GetType(ThreadState ts, PyObject self) => PyInt.From(((PySocket)self).SockType);
    [PyGetter("proto")] static PyObject GetProto(ThreadState ts, PyObject self) => PyInt.From(((PySocket)self).Proto);
    [PyGetter("timeout")] static PyObject GetTimeoutAttr(ThreadState ts, PyObject self) => TimeoutObject((PySocket)self);

    static PyObject TimeoutObject(PySocket s) => s.Timeout < 0 ? PyNone.Value : new PyFloat(s.Timeout);

    /// <summary>A timeout argument: None = -1, else non-negative seconds.</summary>
    internal static double ParseTimeout(ThreadState ts, PyObject value)
    {
        if (value == PyNone.Value) return -1;
        double t;
        if (value is PyFloat f)
        {
            t = f.Value;
            if (double.IsNaN(t)) throw PyExc.ValueError("Invalid value NaN (not a number)");
        }
        else
        {
            var v = Ops.Index(ts, value);
            t = v.FitsLong ? v.Small : (double)v.Big;
        }
        if (t < 0) throw PyExc.ValueError("Timeout value out of range");
        return t;
    }

    [PyMethod]
    static void settimeout(ThreadState ts, PySocket self, PyObject value)
    {
        self.Timeout = ParseTimeout(ts, value);
        if (self.Fd >= 0) SetOsBlocking(self.Fd, self.Timeout < 0);
    }

    [PyMethod] static PyObject gettimeout(ThreadState ts, PySocket self) => TimeoutObject(self);

    [PyMethod]
    static void setblocking(ThreadState ts, PySocket self, bool flag)
    {
        self.Timeout = flag ? -1 : 0;
        if (self.Fd >= 0) SetOsBlocking(self.Fd, flag);
    }

    [PyMethod] static bool getblocking(ThreadState ts, PySocket self) => self.Timeout != 0;

    [PyMethod] static long fileno(ThreadState ts, PySocket self) => self.Fd;

    [PyMethod]
    static void close(ThreadState ts, PySocket self)
    {
        int fd = self.Fd;
        if (fd < 0) return;
        self.Fd = -1;
        Finalization.Untrack(self);
        // A reset connection is closed all the same: not an error of close().
        if (LibSocket.close(fd) < 0 && LibSocket.Errno is int err && err != LibSocket.ECONNRESET) throw PosixErrors.FromErrno(err);
    }

    [PyMethod]
    static long detach(ThreadState ts, PySocket self)
    {
        int fd = self.Fd;
        self.Fd = -1;
        Finalization.Untrack(self);
        return fd;
    }

    byte[] Address(ThreadState ts, PyObject address, string caller) => SockAddr.FromPython(ts, Family, address, caller);

    [PyMethod]
    static void bind(ThreadState ts, PySocket self, PyObject address)
    {
        var sa = self.Address(ts, address, "bind");
        fixed (byte* p = sa)
            if (LibSocket.bind(self.Fd, p, (uint)sa.Length) < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
    }

    [PyMethod]
    static void listen(ThreadState ts, PySocket self, int backlog = 128)
    {
        if (LibSocket.listen(self.Fd, Math.Max(backlog, 0)) < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
    }

    /// <summary>connect(2) as CPython's internal_connect: a socket with a timeout waits for the
    /// connection to complete and then reads its outcome (SO_ERROR). Returns 0 or an errno;
    /// raises only when `raise` (TimeoutError is always raised by connect, EWOULDBLOCK for connect_ex).</summary>
    int Connect(ThreadState ts, byte[] sa, bool raise)
    {
        int r, err = 0;
        using (Timeout < 0 ? ts.AllowThreads() : default)
            fixed (byte* p = sa)
            {
                r = LibSocket.connect(Fd, p, (uint)sa.Length);
                if (r < 0) err = LibSocket.Errno;
            }
        if (r == 0) return 0;
        if (err == LibC.EINTR)
        {
            ts.RunPendingSignals();
            // the connection goes on: wait for it as with a timeout
            if (Timeout != 0) err = LibSocket.EINPROGRESS;
        }
        bool wait = err == LibSocket.EINPROGRESS && Timeout != 0;
        if (!wait)
        {
            if (raise) throw PosixErrors.FromErrno(err);
            return err;
        }
        long deadline = Timeout > 0 ? SocketIo.Deadline(Timeout) : 0;
        while (true)
        {
            int left = deadline == 0 ? -1 : (int)Math.Max(0, deadline - Environment.TickCount64);
            if (SocketIo.WaitFor(ts, Fd, true, left)) break;
            if (deadline != 0 && Environment.TickCount64 >= deadline)
            {
                if (raise) throw SocketIo.Timeout();
                return LibSocket.EAGAIN;
            }
        }
        int soErr = GetIntOption(Fd, LibSocket.SO_ERROR);
        if (soErr == 0 || soErr == LibSocket.EISCONN) return 0;
        if (raise) throw PosixErrors.FromErrno(soErr);
        return soErr;
    }

    [PyMethod]
    static void connect(ThreadState ts, PySocket self, PyObject address) => self.Connect(ts, self.Address(ts, address, "connect"), true);

    [PyMethod]
    static long connect_ex(ThreadState ts, PySocket self, PyObject address) => self.Connect(ts, self.Address(ts, address, "connect_ex"), false);

    [PyMethod]
    static PyObject _accept(ThreadState ts, PySocket self)
    {
        var sa = new byte[LibSocket.SockaddrStorageSize];
        var len = new uint[1];
        int fd = (int)SocketIo.Call(ts, self, false, (lfd, _) =>
        {
            len[0] = (uint)sa.Length;
            fixed (byte* p = sa)
            fixed (uint* pl = len)
                return LibSocket.accept4(lfd, p, pl, LibSocket.SOCK_CLOEXEC);
        }, takesFlags: false);
        return PyTuple.Of(PyInt.From(fd), SockAddr.ToPython(ts, sa.AsSpan(0, (int)Math.Min(len[0], (uint)sa.Length))));
    }

    [PyMethod]
    static PyObject recv(ThreadState ts, PySocket self, long bufsize, int flags = 0)
    {
        if (bufsize < 0) throw PyExc.ValueError("negative buffersize in recv");
        if (bufsize > Array.MaxLength) throw PyExc.MemoryError();
        var buf = new byte[bufsize];
        int n = (int)SocketIo.Call(ts, self, false, (fd, dw) => { fixed (byte* p = buf) return LibSocket.recv(fd, p, buf.Length, flags | dw); });
        return PyBytes.From(n == buf.Length ? buf : buf.AsSpan(0, n).ToArray());
    }

    [PyMethod]
    static PyObject recvfrom(ThreadState ts, PySocket self, long bufsize, int flags = 0)
    {
        if (bufsize < 0) throw PyExc.ValueError("negative buffersize in recvfrom");
        if (bufsize > Array.MaxLength) throw PyExc.MemoryError();
        var buf = new byte[bufsize];
        var (n, addr) = self.RecvFrom(ts, buf, buf.Length, flags);
        return PyTuple.Of(PyBytes.From(n == buf.Length ? buf : buf.AsSpan(0, n).ToArray()), addr);
    }

    (int, PyObject) RecvFrom(ThreadState ts, byte[] buf, int count, int flags)
    {
        var sa = new byte[LibSocket.SockaddrStorageSize];
        var len = new uint[1];
        int n = (int)SocketIo.Call(ts, this, false, (fd, dw) =>
        {
            len[0] = (uint)sa.Length;
            fixed (byte* p = buf)
            fixed (byte* ps = sa)
            fixed (uint* pl = len)
                return LibSocket.recvfrom(fd, p, count, flags | dw, ps, pl);
        });
        return (n, SockAddr.ToPython(ts, sa.AsSpan(0, (int)Math.Min(len[0], (uint)sa.Length))));
    }

    /// <summary>The writable buffer of recv_into/recvfrom_into, copied back after the call
    /// (the OS writes into a pinned array; the target may be a memoryview slice).</summary>
    static Span<byte> Target(PyObject buffer, string who)
    {
        switch (buffer)
        {
            case PyByteArray ba: return ba.WritableSpan;
            case PyMemoryView mv when !mv.ReadOnly: return mv.WritableSpan;
            case IPyBuffer pb when !pb.BufferReadOnly: return pb.BufferMemory.Span;
        }
        throw PyExc.TypeError($"{who}() argument 1 must be read-write bytes-like object, not {buffer.Type.Name}");
    }

    static int IntoCount(Span<byte> target, long nbytes, string who)
    {
        if (nbytes < 0) throw PyExc.ValueError($"negative buffersize in {who}");
        if (nbytes == 0) return target.Length;
        if (nbytes > target.Length)
            throw PyExc.ValueError(who == "recv_into" ? "buffer too small for requested bytes" : "nbytes is greater than the length of the buffer");
        return (int)nbytes;
    }

    [PyMethod]
    static long recv_into(ThreadState ts, PySocket self, [PyKeyword] PyObject buffer, long nbytes = 0, int flags = 0)
    {
        int count = IntoCount(Target(buffer, "recv_into"), nbytes, "recv_into");
        var tmp = new byte[count];
        int n = (int)SocketIo.Call(ts, self, false, (fd, dw) => { fixed (byte* p = tmp) return LibSocket.recv(fd, p, count, flags | dw); });
        tmp.AsSpan(0, n).CopyTo(Target(buffer, "recv_into"));
        return n;
    }

    [PyMethod]
    static PyObject recvfrom_into(ThreadState ts, PySocket self, [PyKeyword] PyObject buffer, long nbytes = 0, int flags = 0)
    {
        int count = IntoCount(Target(buffer, "recvfrom_into"), nbytes, "recvfrom_into");
        var tmp = new byte[count];
        var (n, addr) = self.RecvFrom(ts, tmp, count, flags);
        tmp.AsSpan(0, n).CopyTo(Target(buffer, "recvfrom_into"));
        return PyTuple.Of(PyInt.From(n), addr);
    }

    [PyMethod]
    static long send(ThreadState ts, PySocket self, PyObject data, int flags = 0)
    {
        var buf = PyBytes.Buffer(data).ToArray();
        int done = (int)SocketIo.Call(ts, self, true, (fd, dw) => { fixed (byte* p = buf) return LibSocket.send(fd, p, buf.Length, flags | dw); });
        // A blocking stream socket sends it all (the main thread sends without waiting in
        // the call, so it goes on with the rest as the blocking call would)
        if (self.Timeout < 0 && self.SockType == LibSocket.SOCK_STREAM)
            while (done < buf.Length)
            {
                int at = done;
                done += (int)SocketIo.Call(ts, self, true, (fd, dw) => { fixed (byte* p = buf) return LibSocket.send(fd, p + at, buf.Length - at, flags | dw); });
            }
        return done;
    }

    [PyMethod]
    static void sendall(ThreadState ts, PySocket self, PyObject data, int flags = 0)
    {
        var buf = PyBytes.Buffer(data).ToArray();
        long deadline = self.Timeout > 0 ? SocketIo.Deadline(self.Timeout) : 0;
        int done = 0;
        while (done < buf.Length)
        {
            int at = done;
            done += (int)SocketIo.Call(ts, self, true, (fd, dw) => { fixed (byte* p = buf) return LibSocket.send(fd, p + at, buf.Length - at, flags | dw); }, deadline);
        }
    }

    [PyMethod]
    static long sendto(ThreadState ts, PySocket self, params PyObject[] args)
    {
        if (args.Length < 2 || args.Length > 3) throw PyExc.TypeError($"sendto() takes 2 or 3 arguments ({args.Length} given)");
        var buf = PyBytes.Buffer(args[0]).ToArray();
        int flags = args.Length == 3 ? Int(ts, args[1]) : 0;
        var sa = self.Address(ts, args[^1], "sendto");
        return SocketIo.Call(ts, self, true, (fd, dw) =>
        {
            fixed (byte* p = buf)
            fixed (byte* ps = sa)
                return LibSocket.sendto(fd, p, buf.Length, flags | dw, ps, (uint)sa.Length);
        });
    }

    [PyMethod]
    static void shutdown(ThreadState ts, PySocket self, int how)
    {
        if (LibSocket.shutdown(self.Fd, how) < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
    }

    delegate int NameCall(int fd, byte* addr, uint* len);

    PyObject Name(ThreadState ts, NameCall call)
    {
        var sa = new byte[LibSocket.SockaddrStorageSize];
        uint len = (uint)sa.Length;
        fixed (byte* p = sa)
            if (call(Fd, p, &len) < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
        return SockAddr.ToPython(ts, sa.AsSpan(0, (int)Math.Min(len, (uint)sa.Length)));
    }

    [PyMethod] static PyObject getsockname(ThreadState ts, PySocket self) => self.Name(ts, LibSocket.getsockname);
    [PyMethod] static PyObject getpeername(ThreadState ts, PySocket self) => self.Name(ts, LibSocket.getpeername);

    [PyMethod]
    static void setsockopt(ThreadState ts, PySocket self, int level, int optname, PyObject value, PyObject? optlen = null)
    {
        int r;
        if (optlen != null)
        {
            if (value != PyNone.Value) throw PyExc.TypeError("setsockopt() takes exactly 4 arguments (4 given)");
            r = LibSocket.setsockopt(self.Fd, level, optname, null, (uint)Int(ts, optlen));
        }
        else if (value is PyInt || value.Type.Index != null && value is not PyFloat)
        {
            int v = Int(ts, value);
            r = LibSocket.setsockopt(self.Fd, level, optname, (byte*)&v, sizeof(int));
        }
        else
        {
            var buf = PyBytes.Buffer(value).ToArray();
            fixed (byte* p = buf) r = LibSocket.setsockopt(self.Fd, level, optname, p, (uint)buf.Length);
        }
        if (r < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
    }

    [PyMethod]
    static PyObject getsockopt(ThreadState ts, PySocket self, int level, int optname, int buflen = 0)
    {
        if (buflen == 0)
        {
            int v = 0;
            uint len = sizeof(int);
            if (LibSocket.getsockopt(self.Fd, level, optname, (byte*)&v, &len) < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
            return PyInt.From(v);
        }
        if (buflen < 0 || buflen > 1024) throw PyExc.OSError("getsockopt buflen out of range");
        var buf = new byte[buflen];
        uint n = (uint)buflen;
        fixed (byte* p = buf)
            if (LibSocket.getsockopt(self.Fd, level, optname, p, &n) < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
        return PyBytes.From(buf.AsSpan(0, (int)n).ToArray());
    }
}
