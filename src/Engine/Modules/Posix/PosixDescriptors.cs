#nullable enable
using System;
namespace StacklessIron.Modules.Posix;

/// <summary>posix functions on file descriptors: open/read/write/close, lseek, dup, pipe,
/// inheritable and blocking flags, terminal queries. New descriptors are non-inheritable
/// (O_CLOEXEC) as in CPython (PEP 446). Calls interrupted by a signal are retried (PEP 475).</summary>
public static unsafe class PosixDescriptors
{
    const int F_DUPFD_CLOEXEC = 1030;

    /// <summary>The bytes of a bytes-like argument (bytes, bytearray, memoryview).</summary>
    internal static ReadOnlyMemory<byte> BufferOf(PyObject data)
    {
        return data switch
        {
            PyBytes b => b.Data,
            PyByteArray ba => ba.Span.ToArray(),
            PyMemoryView mv => mv.Memory,
            _ => throw PyExc.TypeError($"a bytes-like object is required, not '{data.Type.Name}'"),
        };
    }

    [PyMethod]
    static int open(ThreadState ts, [PyKeyword] PyObject path, int flags, int mode = 0x1ff, [PyKwOnly] PyObject? dir_fd = null)
    {
        var p = PathArg.From(ts, path, "open");
        int dfd = PosixFiles.DirFd(ts, dir_fd);
        int fd;
        do fd = LibC.openat(dfd, p.Bytes!, flags | LibC.O_CLOEXEC, mode);
        while (fd < 0 && LibC.Errno == LibC.EINTR);
        if (fd < 0) throw PosixErrors.Last(p);
        return fd;
    }

    [PyMethod]
    static void close(ThreadState ts, [PyKeyword] int fd)
    {
        // Not retried: after EINTR the descriptor is already released on Linux.
        if (LibC.close(fd) != 0) throw PosixErrors.Last();
    }

    [PyMethod]
    static void closerange(ThreadState ts, int fd_low, int fd_high)
    {
        for (int fd = Math.Max(fd_low, 0); fd < fd_high; fd++) LibC.close(fd);
    }

    [PyMethod]
    static PyObject read(ThreadState ts, int fd, long length)
    {
        if (length < 0) throw PosixErrors.FromErrno(LibC.EINVAL);
        var buf = new byte[Math.Min(length, int.MaxValue)];
        nint n;
        int err = 0;
        using (ts.AllowThreads())
            fixed (byte* b = buf)
            {
                do n = LibC.read(fd, b, buf.Length);
                while (n < 0 && (err = LibC.Errno) == LibC.EINTR);
            }
        if (n < 0) throw PosixErrors.FromErrno(err);
        return PyBytes.From(n == buf.Length ? buf : buf[..(int)n]);
    }

    [PyMethod]
    static PyObject pread(ThreadState ts, int fd, long length, long offset)
    {
        if (length < 0) throw PosixErrors.FromErrno(LibC.EINVAL);
        var buf = new byte[Math.Min(length, int.MaxValue)];
        nint n;
        fixed (byte* b = buf)
            do n = LibC.pread(fd, b, buf.Length, offset);
            while (n < 0 && LibC.Errno == LibC.EINTR);
        if (n < 0) throw PosixErrors.Last();
        return PyBytes.From(n == buf.Length ? buf : buf[..(int)n]);
    }

    [PyMethod]
    static long write(ThreadState ts, int fd, PyObject data)
    {
        var mem = BufferOf(data);
        nint n;
        int err = 0;
        using (ts.AllowThreads())
            fixed (byte* b = mem.Span)
            {
                do n = LibC.write(fd, b, mem.Length);
                while (n < 0 && (err = LibC.Errno) == LibC.EINTR);
            }
        if (n < 0) throw PosixErrors.FromErrno(err);
        return n;
    }

    [PyMethod]
    static long pwrite(ThreadState ts, int fd, PyObject data, long offset)
    {
        var mem = BufferOf(data);
        nint n;
        fixed (byte* b = mem.Span)
            do n = LibC.pwrite(fd, b, mem.Length, offset);
            while (n < 0 && LibC.Errno == LibC.EINTR);
        if (n < 0) throw PosixErrors.Last();
        return n;
    }

    /// <summary>sendfile(out_fd, in_fd, offset, count): offset None reads from in_fd's position.</summary>
    [PyMethod]
    static long sendfile(ThreadState ts, [PyKeyword] int out_fd, int in_fd, PyObject offset, long count)
    {
        nint n;
        int err = 0;
        bool fromPosition = offset == PyNone.Value;
        long off = fromPosition ? 0 : Ops.Index(ts, offset).ToLongChecked();
        // a socket's send buffer may be full: other threads (its reader) run meanwhile
        using (ts.AllowThreads())
            do n = LibC.sendfile(out_fd, in_fd, fromPosition ? null : &off, (nint)count);
            while (n < 0 && (err = LibC.Errno) == LibC.EINTR);
        if (n < 0) throw PosixErrors.FromErrno(err);
        return n;
    }

    [PyMethod]
    static long lseek(ThreadState ts, int fd, long position, int how)
    {
        long r = LibC.lseek(fd, position, how);
        if (r < 0) throw PosixErrors.Last();
        return r;
    }

    [PyMethod]
    static void fsync(ThreadState ts, [PyKeyword] PyObject fd)
    {
        int f = FdArg.FromObject(ts, fd);
        int r;
        do r = LibC.fsync(f); while (r < 0 && LibC.Errno == LibC.EINTR);
        if (r != 0) throw PosixErrors.Last();
    }

    [PyMethod]
    static void fdatasync(ThreadState ts, [PyKeyword] PyObject fd)
    {
        int f = FdArg.FromObject(ts, fd);
        int r;
        do r = LibC.fdatasync(f); while (r < 0 && LibC.Errno == LibC.EINTR);
        if (r != 0) throw PosixErrors.Last();
    }

    [PyMethod]
    static void ftruncate(ThreadState ts, int fd, long length)
    {
        int r;
        do r = LibC.ftruncate(fd, length); while (r < 0 && LibC.Errno == LibC.EINTR);
        if (r != 0) throw PosixErrors.Last();
    }

    [PyMethod]
    static PyObject fstat(ThreadState ts, [PyKeyword] int fd)
    {
        int err;
        PosixStat.Raw raw;
        do err = PosixStat.FStat(fd, out raw); while (err == LibC.EINTR);
        if (err != 0) throw PosixErrors.FromErrno(err);
        return PosixStat.Result(raw);
    }

    [PyMethod]
    static int dup(ThreadState ts, int fd)
    {
        int r = LibC.fcntl(fd, F_DUPFD_CLOEXEC, 0);
        if (r < 0) throw PosixErrors.Last();
        return r;
    }

    [PyMethod]
    static int dup2(ThreadState ts, [PyKeyword] int fd, int fd2, bool inheritable = true)
    {
        int r = inheritable ? LibC.dup2(fd, fd2) : LibC.dup3(fd, fd2, LibC.O_CLOEXEC);
        if (r < 0) throw PosixErrors.Last();
        return r;
    }

    [PyMethod]
    static PyObject pipe(ThreadState ts) => Pipe(LibC.O_CLOEXEC);

    /// <summary>A new pseudo-terminal pair (master, slave), both non-inheritable as in CPython.</summary>
    [PyMethod]
    static PyObject openpty(ThreadState ts)
    {
        int master, slave;
        if (LibC.openpty(&master, &slave, null, null, null) != 0) throw PosixErrors.Last();
        LibC.fcntl(master, LibC.F_SETFD, LibC.FD_CLOEXEC);
        LibC.fcntl(slave, LibC.F_SETFD, LibC.FD_CLOEXEC);
        return PyTuple.Of(PyInt.From(master), PyInt.From(slave));
    }

    [PyMethod]
    static PyObject pipe2(ThreadState ts, int flags) => Pipe(flags);

    static PyObject Pipe(int flags)
    {
        int* fds = stackalloc int[2];
        if (LibC.pipe2(fds, flags) != 0) throw PosixErrors.Last();
        return PyTuple.Of(PyInt.From(fds[0]), PyInt.From(fds[1]));
    }

    [PyMethod] static bool isatty(ThreadState ts, int fd) => LibC.isatty(fd) == 1;

    static int GetFlags(int fd, int cmd)
    {
        int flags = LibC.fcntl(fd, cmd, 0);
        if (flags < 0) throw PosixErrors.Last();
        return flags;
    }

    [PyMethod] static bool get_inheritable(ThreadState ts, int fd) => (GetFlags(fd, LibC.F_GETFD) & LibC.FD_CLOEXEC) == 0;

    [PyMethod]
    static void set_inheritable(ThreadState ts, int fd, bool inheritable)
    {
        int flags = GetFlags(fd, LibC.F_GETFD);
        int nf = inheritable ? flags & ~LibC.FD_CLOEXEC : flags | LibC.FD_CLOEXEC;
        if (nf != flags && LibC.fcntl(fd, LibC.F_SETFD, nf) < 0) throw PosixErrors.Last();
    }

    [PyMethod] static bool get_blocking(ThreadState ts, int fd) => (GetFlags(fd, LibC.F_GETFL) & LibC.O_NONBLOCK) == 0;

    [PyMethod]
    static void set_blocking(ThreadState ts, int fd, bool blocking)
    {
        int flags = GetFlags(fd, LibC.F_GETFL);
        int nf = blocking ? flags & ~LibC.O_NONBLOCK : flags | LibC.O_NONBLOCK;
        if (nf != flags && LibC.fcntl(fd, LibC.F_SETFL, nf) < 0) throw PosixErrors.Last();
    }

    [PyMethod]
    static PyObject get_terminal_size(ThreadState ts, int fd = 1)
    {
        ushort* ws = stackalloc ushort[4];
        if (LibC.ioctl(fd, 0x5413 /* TIOCGWINSZ */, ws) != 0) throw PosixErrors.Last();
        return PyStructSeq.Create(PosixModule.TerminalSizeType, PyInt.From(ws[1]), PyInt.From(ws[0]));
    }

    [PyMethod]
    static PyObject ttyname(ThreadState ts, int fd)
    {
        var p = LibC.ttyname(fd);
        if (p == IntPtr.Zero) throw PosixErrors.Last();
        return new PyStr(PathArg.Decode(ts, LibC.CString((byte*)p)));
    }

    /// <summary>The encoding of a terminal descriptor (the locale's: UTF-8 here), else None.</summary>
    [PyMethod]
    static PyObject device_encoding(ThreadState ts, [PyKeyword] int fd) => LibC.isatty(fd) == 1 ? new PyStr("UTF-8") : PyNone.Value;
}
