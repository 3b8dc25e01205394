#nullable enable
using System;
using System.Runtime.InteropServices;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Select;

/// <summary>`select.epoll`: a Linux epoll instance (its descriptor is close-on-exec). What
/// selectors.DefaultSelector (EpollSelector) and so asyncio's event loop wait on.</summary>
[PyType("epoll")]
public sealed unsafe class PyEpoll : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("epoll", typeof(PyEpoll), module: "select");

    public const int EPOLL_CLOEXEC = 0x80000;
    const int EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CTL_MOD = 3;
    const int FD_SETSIZE = 1024;

    /// <summary>struct epoll_event, packed on x86-64: 4 bytes of events, 8 of data.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    struct EpollEvent { public uint Events; public ulong Data; }

    [DllImport("libc", SetLastError = true)] static extern int epoll_create1(int flags);
    [DllImport("libc", SetLastError = true)] static extern int epoll_ctl(int epfd, int op, int fd, EpollEvent* ev);
    [DllImport("libc", SetLastError = true)] static extern int epoll_wait(int epfd, EpollEvent* events, int maxevents, int timeout);

    int _fd = -1;
    PyDict? _dict;

    PyEpoll(PyType type, int fd) : base(type)
    {
        _fd = fd;
        if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    /// <summary>Wraps `fd` (owned from now on) and closes it when the object is dropped.</summary>
    static PyEpoll Wrap(ThreadState ts, PyType cls, int fd)
    {
        var ep = new PyEpoll(cls, fd);
        ts.Engine.Finalization.TrackNative(ep, (_, o) => ((PyEpoll)o).CloseFd(), 0);
        return ep;
    }

    void CloseFd()
    {
        int fd = _fd;
        _fd = -1;
        if (fd >= 0) LibC.close(fd);
    }

    static readonly Signature s_newSig = new("epoll", new[] { "sizehint", "flags" }, 0, 2, 0, false, false);
    static readonly bool[] s_optional = { true, true };

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[2];
        s_newSig.Bind(ts, args, kwnames, bound, null, null, s_optional);
        long sizehint = bound[0] == null ? -1 : Int(ts, bound[0]!);
        long flags = bound[1] == null ? 0 : Int(ts, bound[1]!);
        if (sizehint != -1 && sizehint <= 0) throw PyExc.ValueError("negative sizehint");
        if (flags != 0 && flags != EPOLL_CLOEXEC) throw PosixErrors.FromErrno(LibC.EINVAL);
        int fd = epoll_create1(EPOLL_CLOEXEC);
        if (fd < 0) throw PosixErrors.FromErrno(LibC.Errno);
        return Wrap(ts, cls, fd);
    }

    static int Int(ThreadState ts, PyObject o)
    {
        if (o is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        if (o is not PyInt && o.Type.Index == null) throw PyExc.TypeError($"'{o.Type.Name}' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, o);
        if (!v.FitsLong || v.Small > int.MaxValue || v.Small < int.MinValue) throw PyExc.OverflowError("Python int too large to convert to C int");
        return (int)v.Small;
    }

    int Open()
    {
        if (_fd < 0) throw PyExc.ValueError("I/O operation on closed epoll object");
        return _fd;
    }

    [PyClassMethod]
    static PyObject fromfd(ThreadState ts, PyType cls, int fd) => Wrap(ts, cls, fd);

    [PyMethod]
    static void close(ThreadState ts, PyEpoll self)
    {
        int fd = self._fd;
        if (fd < 0) return;
        self._fd = -1;
        Finalization.Untrack(self);
        if (LibC.close(fd) < 0) throw PosixErrors.FromErrno(LibC.Errno);
    }

    [PyGetter("closed")] static PyObject GetClosed(ThreadState ts, PyObject self) => PyBool.From(((PyEpoll)self)._fd < 0);

    [PyMethod] static long fileno(ThreadState ts, PyEpoll self) => self.Open();

    [PyMethod]
    static PyObject __enter__(ThreadState ts, PyEpoll self)
    {
        self.Open();
        return self;
    }

    [PyMethod]
    static void __exit__(ThreadState ts, PyEpoll self, params PyObject[] args) => close(ts, self);

    void Control(int op, int fd, uint events)
    {
        var ev = new EpollEvent { Events = events, Data = (ulong)(uint)fd };
        if (epoll_ctl(Open(), op, fd, &ev) < 0) throw PosixErrors.FromErrno(LibC.Errno);
    }

    static uint Mask(ThreadState ts, PyObject? eventmask)
    {
        if (eventmask == null) return (uint)(SelectModule.POLLIN | SelectModule.POLLPRI | SelectModule.POLLOUT);
        if (eventmask is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, eventmask);
        if (!v.FitsLong || v.Small > uint.MaxValue || v.Small < int.MinValue) throw PyExc.OverflowError("Python int too large to convert to C unsigned int");
        return unchecked((uint)v.Small);
    }

    [PyMethod]
    static void register(ThreadState ts, PyEpoll self, [PyKeyword] PyObject fd, PyObject? eventmask = null)
    {
        self.Open();
        self.Control(EPOLL_CTL_ADD, FdArg.FromObject(ts, fd), Mask(ts, eventmask));
    }

    [PyMethod]
    static void modify(ThreadState ts, PyEpoll self, [PyKeyword] PyObject fd, PyObject eventmask)
    {
        self.Open();
        self.Control(EPOLL_CTL_MOD, FdArg.FromObject(ts, fd), Mask(ts, eventmask));
    }

    [PyMethod]
    static void unregister(ThreadState ts, PyEpoll self, [PyKeyword] PyObject fd)
    {
        self.Open();
        self.Control(EPOLL_CTL_DEL, FdArg.FromObject(ts, fd), 0);
    }

    /// <summary>poll(timeout=None, maxevents=-1): timeout in seconds, None or negative = forever.</summary>
    [PyMethod]
    static PyObject poll(ThreadState ts, PyEpoll self, [PyKeyword] PyObject? timeout = null, int maxevents = -1)
    {
        int epfd = self.Open();
        int ms = -1;
        if (timeout != null && timeout != PyNone.Value)
        {
            double secs = Seconds(ts, timeout);
            if (secs >= 0)
            {
                double m = Math.Ceiling(secs * 1000.0);
                if (m > int.MaxValue) throw PyExc.OverflowError("timeout is too large");
                ms = (int)m;
            }
        }
        if (maxevents == -1) maxevents = FD_SETSIZE - 1;
        else if (maxevents < 1) throw PyExc.ValueError($"maxevents must be greater than 0, got {maxevents}");
        var events = new EpollEvent[maxevents];
        int n = SelectModule.WaitEpoll(ts, epfd, ms, timeoutMs =>
        {
            fixed (EpollEvent* p = events) return epoll_wait(epfd, p, maxevents, timeoutMs);
        });
        var items = new PyObject[n];
        for (int i = 0; i < n; i++) items[i] = PyTuple.Of(PyInt.From((int)(uint)events[i].Data), PyInt.From(events[i].Events));
        return new PyList(items);
    }

    static double Seconds(ThreadState ts, PyObject timeout)
    {
        double secs;
        if (timeout is PyFloat f) secs = f.Value;
        else if (timeout is PyInt || timeout.Type.Index != null || timeout.Type.Float != null) secs = Ops.ToDouble(ts, timeout);
        else throw PyExc.TypeError($"'{timeout.Type.Name}' object cannot be interpreted as an integer or float");
        if (double.IsNaN(secs)) throw PyExc.ValueError("Invalid value NaN (not a number)");
        return secs;
    }
}
