#nullable enable
using System;
using System.Runtime.InteropServices;
using StacklessIron.Modules.Posix;
using StacklessIron.Modules.Select;
namespace StacklessIron.Modules;

/// <summary>Set when a signal for a Python handler arrived (one per engine). .NET catches
/// signals on a thread of its own, so the main thread's system calls are never interrupted
/// with EINTR as in CPython; instead its waits (time.sleep, signal.pause, select/poll/epoll,
/// blocking sockets, the stackless reactor) watch this event's eventfd beside their own
/// descriptors, run the handlers when it turns readable (their exception ends the wait) and
/// go on waiting with the time left (PEP 475). ppoll(2) on it is nanosecond-precise, which a
/// .NET event wait is not (a 5 ms sleep took 12). The descriptor is made at the first wait,
/// so an engine that never waits holds none.</summary>
public sealed unsafe class SignalEvent
{
    volatile bool _set;
    volatile int _fd = -1;
    readonly object _create = new();

    [DllImport("libc", SetLastError = true)] static extern int eventfd(uint initval, int flags);
    const int EFD_NONBLOCK = 0x800, EFD_CLOEXEC = 0x80000, F_DUPFD_CLOEXEC = 1030;

    /// <summary>The eventfd the main thread of `ts`'s engine waits on beside its own
    /// descriptors, or -1 on other threads (signal handlers only run on the main thread).</summary>
    public static int DescriptorFor(ThreadState ts) => ts == ts.Engine.MainThread ? ts.Engine.SignalArrived.Descriptor : -1;

    public int Descriptor
    {
        get
        {
            if (_fd < 0)
                lock (_create)
                    if (_fd < 0) _fd = Create();
            return _fd;
        }
    }

    /// <summary>Called on the thread .NET delivers the signal on, after the signal is marked
    /// pending: wakes the main thread's wait.</summary>
    public void Set()
    {
        _set = true;
        int fd = _fd;
        if (fd >= 0) { ulong one = 1; LibC.write(fd, (byte*)&one, sizeof(ulong)); }
    }

    /// <summary>Clears the event and empties the eventfd (it counts the notifications).</summary>
    public void Reset()
    {
        _set = false;
        int fd = _fd;
        if (fd >= 0) { ulong value; LibC.read(fd, (byte*)&value, sizeof(ulong)); }
    }

    /// <summary>Waits until set or `seconds` passed (negative: no limit); true when set.
    /// An interrupted wait (EINTR) returns early: callers loop on their own deadline.</summary>
    public bool Wait(double seconds)
    {
        var pfd = new SelectModule.PollFd { Fd = Descriptor, Events = SelectModule.POLLIN };
        if (_set) return true;
        if (seconds < 0) LibC.ppoll(&pfd, 1, null, null);
        else
        {
            var timeout = LibC.Timespec.FromSeconds(seconds);
            LibC.ppoll(&pfd, 1, &timeout, null);
        }
        return _set;
    }

    /// <summary>The eventfd, moved up to a high descriptor number: made at the first wait, it
    /// must not take the number of a descriptor the program just closed (select([closed_fd])
    /// must still fail with EBADF).</summary>
    static int Create()
    {
        int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (fd < 0) throw new InvalidOperationException("eventfd failed for the signal event");
        int high = LibC.fcntl(fd, F_DUPFD_CLOEXEC, 512);
        if (high < 0) return fd;
        LibC.close(fd);
        return high;
    }

    ~SignalEvent()
    {
        if (_fd >= 0) LibC.close(_fd);
    }
}
