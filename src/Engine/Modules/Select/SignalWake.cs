#nullable enable
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Select;

/// <summary>
/// An eventfd per engine that turns readable when a signal for a Python handler arrives.
/// .NET catches signals on a thread of its own, so a main-thread poll(2) or socket call is
/// not interrupted with EINTR as in CPython; instead the main thread's waits poll this
/// descriptor too, and on a wake run the handlers (whose exception ends the wait) and go on
/// waiting with the time left (PEP 475).
/// </summary>
public static unsafe class SignalWake
{
    sealed class Box { public int Fd = -1; }
    static readonly ConditionalWeakTable<PythonEngine, Box> s_fds = new();

    [DllImport("libc", SetLastError = true)] static extern int eventfd(uint initval, int flags);
    const int EFD_NONBLOCK = 0x800, EFD_CLOEXEC = 0x80000;

    /// <summary>The descriptor the main thread of `ts`'s engine polls beside its own, or -1
    /// on other threads (signal handlers only run on the main thread).</summary>
    public static int FdFor(ThreadState ts)
    {
        if (ts != ts.Engine.MainThread) return -1;
        var box = s_fds.GetValue(ts.Engine, _ => new Box());
        if (box.Fd < 0)
            lock (box)
                if (box.Fd < 0) box.Fd = Create();
        return box.Fd;
    }

    /// <summary>The eventfd, moved up to a high descriptor number: made at the first wait, it
    /// must not take the number of a descriptor the program just closed (select([closed_fd])
    /// must still fail with EBADF).</summary>
    static int Create()
    {
        int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (fd < 0) return -1;
        int high = LibC.fcntl(fd, F_DUPFD_CLOEXEC, 512);
        if (high < 0) return fd;
        LibC.close(fd);
        return high;
    }

    const int F_DUPFD_CLOEXEC = 1030;

    /// <summary>Called on the thread .NET delivers the signal on, after the signal is marked
    /// pending: wakes a main-thread wait.</summary>
    public static void Notify(PythonEngine engine)
    {
        if (!s_fds.TryGetValue(engine, out var box) || box.Fd < 0) return;
        ulong one = 1;
        LibC.write(box.Fd, (byte*)&one, sizeof(ulong));
    }

    /// <summary>Empties the eventfd (it counts the notifications).</summary>
    public static void Drain(int fd)
    {
        ulong value;
        LibC.read(fd, (byte*)&value, sizeof(ulong));
    }
}
