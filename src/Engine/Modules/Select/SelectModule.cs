#nullable enable
using System;
using System.Runtime.InteropServices;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Select;

/// <summary>The `select` module: select() and poll objects over the OS's poll(2), which the
/// standard library's selectors and subprocess modules use. A call blocks the whole OS
/// thread (and so every tasklet on it) until cooperative I/O arrives.</summary>
public static unsafe class SelectModule
{
    public const short POLLIN = 0x1, POLLPRI = 0x2, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd { public int Fd; public short Events; public short Revents; }

    [DllImport("libc.so.6", SetLastError = true)] static extern int poll(PollFd* fds, ulong nfds, int timeout);

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("select", "This module supports asynchronous I/O on multiple file descriptors.");
        NativeMembers.FillModule(m, typeof(SelectModule));
        m.Set("error", ExceptionTypes.OSError);
        m.Set("PIPE_BUF", PyInt.From(4096));
        m.Set("epoll", PyEpoll.TypeObject);
        foreach (var (name, value) in new (string, long)[] {
            ("EPOLLIN", 0x1), ("EPOLLPRI", 0x2), ("EPOLLOUT", 0x4), ("EPOLLERR", 0x8), ("EPOLLHUP", 0x10),
            ("EPOLLRDNORM", 0x40), ("EPOLLRDBAND", 0x80), ("EPOLLWRNORM", 0x100), ("EPOLLWRBAND", 0x200),
            ("EPOLLMSG", 0x400), ("EPOLLRDHUP", 0x2000), ("EPOLLEXCLUSIVE", 1 << 28), ("EPOLLONESHOT", 1 << 30),
            ("EPOLLET", 1u << 31), ("EPOLL_CLOEXEC", PyEpoll.EPOLL_CLOEXEC) })
            m.Set(name, PyInt.From(value));
        foreach (var (name, value) in new (string, int)[] {
            ("POLLIN", 0x1), ("POLLPRI", 0x2), ("POLLOUT", 0x4), ("POLLERR", 0x8), ("POLLHUP", 0x10), ("POLLNVAL", 0x20),
            ("POLLRDNORM", 0x40), ("POLLRDBAND", 0x80), ("POLLWRNORM", 0x100), ("POLLWRBAND", 0x200), ("POLLMSG", 0x400), ("POLLRDHUP", 0x2000) })
            m.Set(name, PyInt.From(value));
        return m;
    }

    public static void Register() => Importer.NativeModules["select"] = Create;

    /// <summary>Waits in poll(2), retrying after EINTR with the time that is left; -1 = forever.
    /// Holds the lock of the caller and does not run signal handlers: see Wait for that.</summary>
    public static int Poll(PollFd[] fds, int timeoutMs)
    {
        long deadline = timeoutMs < 0 ? 0 : Environment.TickCount64 + timeoutMs;
        while (true)
        {
            int r;
            fixed (PollFd* p = fds) r = poll(p, (ulong)fds.Length, timeoutMs);
            if (r >= 0) return r;
            int err = Marshal.GetLastPInvokeError();
            if (err != LibC.EINTR) throw PosixErrors.FromErrno(err);
            if (timeoutMs >= 0) timeoutMs = (int)Math.Max(0, deadline - Environment.TickCount64);
        }
    }

    /// <summary>poll(2) as a Python-level wait: other threads run meanwhile, and on the main
    /// thread a signal for a Python handler interrupts it (SignalEvent): the handlers run (an
    /// exception propagates) and the wait goes on with the time left, as CPython does on
    /// EINTR (PEP 475). Fills the revents of `fds`; returns how many are ready; -1 = forever.</summary>
    public static int Wait(ThreadState ts, PollFd[] fds, int timeoutMs)
    {
        int sig = SignalEvent.DescriptorFor(ts);
        var all = fds;
        if (sig >= 0)
        {
            all = new PollFd[fds.Length + 1];
            fds.CopyTo(all, 0);
            all[^1] = new PollFd { Fd = sig, Events = POLLIN };
        }
        long deadline = timeoutMs < 0 ? 0 : Environment.TickCount64 + timeoutMs;
        var finalization = ts.Engine.Finalization;
        while (true)
        {
            // sockets and files dropped without close() are closed before waiting (a peer may
            // be waiting for their EOF); an owed sweep shortens the wait until it is due
            if (timeoutMs != 0) finalization.SweepBeforeWait(ts);
            int waitMs = finalization.CapWait(timeoutMs);
            int r, err = 0;
            using (ts.AllowThreads())
                fixed (PollFd* p = all)
                {
                    r = poll(p, (ulong)all.Length, waitMs);
                    if (r < 0) err = Marshal.GetLastPInvokeError();
                }
            if (r < 0 && err != LibC.EINTR) throw PosixErrors.FromErrno(err);
            bool signalled = sig >= 0 && r > 0 && all[^1].Revents != 0;
            if (signalled) { ts.Engine.SignalArrived.Reset(); r--; }
            if (signalled || r < 0) ts.RunPendingSignals();
            bool cutShort = r == 0 && !signalled && waitMs != timeoutMs
                && (timeoutMs < 0 || Environment.TickCount64 < deadline);
            if (r >= 0 && (r > 0 || !signalled) && !cutShort)
            {
                if (all != fds) Array.Copy(all, fds, fds.Length);
                return r;
            }
            if (timeoutMs >= 0) timeoutMs = (int)Math.Max(0, deadline - Environment.TickCount64);
            for (int i = 0; i < all.Length; i++) all[i].Revents = 0;
        }
    }

    /// <summary>An epoll_wait as a Python-level wait (see Wait). On the main thread it first
    /// polls the epoll descriptor beside the signal eventfd, then collects without waiting.
    /// `collect(ms)` calls epoll_wait; returns its count.</summary>
    public static int WaitEpoll(ThreadState ts, int epfd, int timeoutMs, Func<int, int> collect)
    {
        long deadline = timeoutMs < 0 ? 0 : Environment.TickCount64 + timeoutMs;
        bool main = SignalEvent.DescriptorFor(ts) >= 0;
        while (true)
        {
            if (main)
            {
                var fds = new[] { new PollFd { Fd = epfd, Events = POLLIN } };
                Wait(ts, fds, timeoutMs);
                if ((fds[0].Revents & POLLNVAL) != 0) throw PosixErrors.FromErrno(LibC.EBADF);
                int n = collect(0);
                if (n >= 0) return n;
                int e = Marshal.GetLastPInvokeError();
                if (e != LibC.EINTR) throw PosixErrors.FromErrno(e);
            }
            else
            {
                int n, err = 0;
                if (timeoutMs != 0) ts.Engine.Finalization.SweepBeforeWait(ts);
                using (ts.AllowThreads())
                {
                    n = collect(timeoutMs);
                    if (n < 0) err = Marshal.GetLastPInvokeError();
                }
                if (n >= 0) return n;
                if (err != LibC.EINTR) throw PosixErrors.FromErrno(err);
            }
            if (timeoutMs >= 0)
            {
                timeoutMs = (int)Math.Max(0, deadline - Environment.TickCount64);
                // the time ran out while handling the interruption: one last look
                if (timeoutMs == 0 && main) continue;
            }
        }
    }

    /// <summary>select()'s timeout in seconds (None = forever) as poll milliseconds, rounded up.</summary>
    static int TimeoutMs(ThreadState ts, PyObject? timeout)
    {
        if (timeout == null || timeout == PyNone.Value) return -1;
        double secs;
        if (timeout is PyFloat f) secs = f.Value;
        else if (timeout is PyInt || timeout.Type.Lookup("__index__") != null || timeout.Type.Lookup("__float__") != null)
            secs = Ops.ToDouble(ts, timeout);
        else throw PyExc.TypeError("timeout must be a float or None");
        if (double.IsNaN(secs)) throw PyExc.ValueError("Invalid value NaN (not a number)");
        if (secs < 0) throw PyExc.ValueError("timeout must be non-negative");
        double ms = Math.Ceiling(secs * 1000.0);
        if (ms > int.MaxValue) throw PyExc.OverflowError("timeout is too large");
        return (int)ms;
    }

    [PyMethod]
    static PyObject select(ThreadState ts, PyObject rlist, PyObject wlist, PyObject xlist, PyObject? timeout = null)
    {
        int ms = TimeoutMs(ts, timeout);
        var lists = new[] { rlist, wlist, xlist };
        var objs = new System.Collections.Generic.List<PyObject>[3];
        var fdsOf = new System.Collections.Generic.List<int>[3];
        var entries = new System.Collections.Generic.List<PollFd>();
        var index = new System.Collections.Generic.Dictionary<int, int>();
        short[] mask = { POLLIN, POLLOUT, POLLPRI };
        for (int k = 0; k < 3; k++)
        {
            if (lists[k].Type.Lookup("__iter__") == null && lists[k].Type.Lookup("__getitem__") == null)
                throw PyExc.TypeError("arguments 1-3 must be sequences");
            objs[k] = new(); fdsOf[k] = new();
            foreach (var o in Ops.Iterate(ts, lists[k]))
            {
                int fd = FdArg.FromObject(ts, o);
                if (fd >= 1024) throw PyExc.ValueError("filedescriptor out of range in select()");
                objs[k].Add(o); fdsOf[k].Add(fd);
                if (!index.TryGetValue(fd, out int at)) { index[fd] = at = entries.Count; entries.Add(new PollFd { Fd = fd }); }
                var e = entries[at]; e.Events |= mask[k]; entries[at] = e;
            }
        }
        var fds = entries.ToArray();
        Wait(ts, fds, ms);
        foreach (var e in fds)
            if ((e.Revents & POLLNVAL) != 0) throw PosixErrors.FromErrno(LibC.EBADF);
        var result = new PyObject[3];
        // What select(2) reports: readable includes hang-up and error, writable includes error.
        short[] ready = { (short)(POLLIN | POLLHUP | POLLERR), (short)(POLLOUT | POLLERR), POLLPRI };
        for (int k = 0; k < 3; k++)
        {
            var l = new PyList();
            for (int i = 0; i < objs[k].Count; i++)
                if ((fds[index[fdsOf[k][i]]].Revents & ready[k]) != 0) l.Append(objs[k][i]);
            result[k] = l;
        }
        return PyTuple.Of(result);
    }

    [PyMethod] static PyObject poll(ThreadState ts) => new PyPoll();
}
