#nullable enable
using System;
using System.Runtime.InteropServices;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Fcntl;

/// <summary>The `fcntl` module: fcntl, ioctl, flock and lockf on file descriptors, over glibc,
/// with CPython 3.11's argument rules (an int or a buffer of at most 1024 bytes; ioctl may
/// change a writable buffer in place), the GIL released around each call, EINTR retried after
/// running signal handlers, and the platform's constants.</summary>
public static unsafe class FcntlModule
{
    /// <summary>The largest buffer argument copied to a C buffer (CPython's limit).</summary>
    const int BufferLimit = 1024;
    const int LOCK_SH = 1, LOCK_EX = 2, LOCK_NB = 4, LOCK_UN = 8;
    const int F_SETLK = 6, F_SETLKW = 7;
    const short F_RDLCK = 0, F_WRLCK = 1, F_UNLCK = 2;

    // The pointer forms of the variadic fcntl and ioctl (posix's LibC has the int form of fcntl).
    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)] static extern int fcntl_ptr(int fd, int cmd, void* arg);
    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)] static extern int fcntl_uint(int fd, int cmd, uint arg);
    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)] static extern int ioctl_int(int fd, ulong request, int arg);
    [DllImport("libc", SetLastError = true)] static extern int flock(int fd, int operation);

    /// <summary>glibc's struct flock on x86-64.</summary>
    [StructLayout(LayoutKind.Sequential)]
    struct Flock
    {
        public short Type, Whence;
        public long Start, Len;
        public int Pid;
    }

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("fcntl", "This module performs file control and I/O control on file\ndescriptors.  It is an interface to the fcntl() and ioctl() Unix\nroutines.  File descriptors can be obtained with the fileno() method of\na file or socket object.");
        NativeMembers.FillModule(m, typeof(FcntlModule));
        foreach (var (name, value) in FcntlConstants.All) m.Set(name, PyInt.From(value));
        return m;
    }

    public static void Register() => Importer.NativeModules["fcntl"] = Create;

    /// <summary>Runs a libc call with the GIL released, again after EINTR once the signal
    /// handlers have run (a handler's exception ends the retry), as CPython does.</summary>
    static int Retry(ThreadState ts, Func<int> call)
    {
        while (true)
        {
            int r, err;
            using (ts.AllowThreads()) { r = call(); err = LibC.Errno; }
            if (r != -1) return r;
            if (err != LibC.EINTR) throw PosixErrors.FromErrno(err);
            ts.RunPendingSignals();
        }
    }

    /// <summary>C's `unsigned int` with CPython's bitwise ("I") conversion: any int, masked.</summary>
    static uint UIntMask(ThreadState ts, PyObject o) => (uint)(Ops.Index(ts, o).Big & uint.MaxValue);

    static int CInt(ThreadState ts, PyObject o, string? message = null)
    {
        if (o is PyFloat || o.Type.Index == null && o is not PyInt)
            throw PyExc.TypeError(message ?? $"'{o.Type.Name}' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, o);
        if (!v.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C long");
        if (v.Small > int.MaxValue) throw PyExc.OverflowError("signed integer is greater than maximum");
        if (v.Small < int.MinValue) throw PyExc.OverflowError("signed integer is less than minimum");
        return (int)v.Small;
    }

    /// <summary>A str argument as the NUL-terminated UTF-8 text CPython's "s#" passes, else a
    /// read-only bytes-like object; false for anything else.</summary>
    static bool TryReadOnlyBuffer(PyObject o, out byte[] data)
    {
        if (o is PyStr s) { data = System.Text.Encoding.UTF8.GetBytes(s.Value); return true; }
        if (PyBytes.TryGetBuffer(o, out var mem)) { data = mem.ToArray(); return true; }
        data = Array.Empty<byte>();
        return false;
    }

    [PyMethod]
    static PyObject fcntl(ThreadState ts, PyObject fd, PyObject cmd, PyObject? arg = null)
    {
        int f = FdArg.FromObject(ts, fd);
        int code = CInt(ts, cmd);
        if (arg != null && TryReadOnlyBuffer(arg, out var data))
        {
            if (data.Length > BufferLimit) throw PyExc.ValueError("fcntl string arg too long");
            var buf = new byte[BufferLimit];
            data.CopyTo(buf, 0);
            Retry(ts, () => { fixed (byte* p = buf) return fcntl_ptr(f, code, p); });
            return PyBytes.From(buf.AsSpan(0, data.Length).ToArray());
        }
        uint value = arg == null ? 0 : UIntMask(ts, arg);
        return PyInt.From(Retry(ts, () => fcntl_uint(f, code, value)));
    }

    /// <summary>The writable memory of a mutable buffer (bytearray, writable memoryview, array), or null.</summary>
    static Memory<byte>? WritableBuffer(PyObject o) => o switch
    {
        PyByteArray ba => MemoryMarshal.AsMemory(ba.Memory),
        PyMemoryView mv when !mv.ReadOnly => MemoryMarshal.AsMemory(mv.Memory),
        IPyBuffer pb when !pb.BufferReadOnly => pb.BufferMemory,
        _ => (Memory<byte>?)null,   // not a bare null: that converts to an empty Memory through byte[]
    };

    [PyMethod]
    static PyObject ioctl(ThreadState ts, PyObject fd, PyObject request, PyObject? arg = null, bool mutate_flag = true)
    {
        int f = FdArg.FromObject(ts, fd);
        // The request is C's unsigned long taken bitwise, so negative codes are accepted too.
        if (request is PyFloat || request.Type.Index == null && request is not PyInt)
            throw PyExc.TypeError($"'{request.Type.Name}' object cannot be interpreted as an integer");
        ulong code = (ulong)(Ops.Index(ts, request).Big & ulong.MaxValue);
        if (arg != null && WritableBuffer(arg) is Memory<byte> target)
        {
            int length = target.Length;
            if (mutate_flag && length > BufferLimit)
            {
                // Too large to copy: the call writes straight into the object's memory.
                using var pin = target.Pin();
                nint address = (nint)pin.Pointer;
                return PyInt.From(Retry(ts, () => LibC.ioctl(f, code, (void*)address)));
            }
            if (length > BufferLimit) throw PyExc.ValueError("ioctl string arg too long");
            var buf = new byte[BufferLimit + 1];
            target.Span.CopyTo(buf);
            int r = Retry(ts, () => { fixed (byte* p = buf) return LibC.ioctl(f, code, p); });
            if (!mutate_flag) return PyBytes.From(buf.AsSpan(0, length).ToArray());
            buf.AsSpan(0, length).CopyTo(target.Span);
            return PyInt.From(r);
        }
        if (arg != null && TryReadOnlyBuffer(arg, out var data))
        {
            if (data.Length > BufferLimit) throw PyExc.ValueError("ioctl string arg too long");
            var buf = new byte[BufferLimit + 1];
            data.CopyTo(buf, 0);
            Retry(ts, () => { fixed (byte* p = buf) return LibC.ioctl(f, code, p); });
            return PyBytes.From(buf.AsSpan(0, data.Length).ToArray());
        }
        int value = arg == null ? 0 : CInt(ts, arg);
        return PyInt.From(Retry(ts, () => ioctl_int(f, code, value)));
    }

    [PyMethod]
    static void flock(ThreadState ts, PyObject fd, int operation)
    {
        int f = FdArg.FromObject(ts, fd);
        Retry(ts, () => flock(f, operation));
    }

    [PyMethod]
    static void lockf(ThreadState ts, PyObject fd, int cmd, PyObject? len = null, PyObject? start = null, int whence = 0)
    {
        int f = FdArg.FromObject(ts, fd);
        // As CPython: LOCK_UN exactly, else the first of the LOCK_SH, LOCK_EX bits that is set.
        short type = cmd == LOCK_UN ? F_UNLCK
            : (cmd & LOCK_SH) != 0 ? F_RDLCK
            : (cmd & LOCK_EX) != 0 ? F_WRLCK
            : throw PyExc.ValueError("unrecognized lockf argument");
        var l = new Flock[1];
        l[0] = new Flock
        {
            Type = type,
            Whence = (short)whence,
            Start = start == null ? 0 : OffT(ts, start),
            Len = len == null ? 0 : OffT(ts, len),
        };
        int command = (cmd & LOCK_NB) != 0 ? F_SETLK : F_SETLKW;
        Retry(ts, () => { fixed (Flock* p = l) return fcntl_ptr(f, command, p); });
    }

    static long OffT(ThreadState ts, PyObject o)
    {
        if (o is PyFloat || o.Type.Index == null && o is not PyInt)
            throw PyExc.TypeError($"'{o.Type.Name}' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, o);
        if (!v.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C long");
        return v.Small;
    }
}
