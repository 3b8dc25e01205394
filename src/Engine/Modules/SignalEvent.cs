#nullable enable
using System;
using System.Threading;
using StacklessIron.Modules.Posix;
using StacklessIron.Modules.Select;
namespace StacklessIron.Modules;

/// <summary>Set when a signal for a Python handler arrived; the main thread waits on it in
/// time.sleep() and signal.pause(). A pipe rather than a .NET event: ppoll(2) on its read end
/// waits with nanosecond precision (a ManualResetEventSlim wait is millisecond-grained and
/// wakes late under load: a 5 ms sleep took 12), and a write to it wakes the waiter at once.
/// The pipe is made by the first wait, so an engine that never sleeps holds no descriptors.</summary>
public sealed unsafe class SignalEvent
{
    volatile bool _set;
    volatile int _readFd = -1, _writeFd = -1;
    readonly object _create = new();

    public bool IsSet => _set;

    /// <summary>Called from the runtime's signal thread.</summary>
    public void Set()
    {
        _set = true;
        int w = _writeFd;
        if (w >= 0) { byte b = 1; LibC.write(w, &b, 1); }
    }

    public void Reset()
    {
        _set = false;
        int r = _readFd;
        if (r < 0) return;
        byte* buf = stackalloc byte[64];
        while (LibC.read(r, buf, 64) > 0) { }
    }

    /// <summary>Waits until set or `seconds` passed (negative: no limit); true when set.
    /// Interrupted waits (EINTR) return early: callers loop on their own deadline.</summary>
    public bool Wait(double seconds)
    {
        EnsurePipe();
        if (_set) return true;
        var fd = new SelectModule.PollFd { Fd = _readFd, Events = SelectModule.POLLIN };
        if (seconds < 0) LibC.ppoll(&fd, 1, null, null);
        else
        {
            var ts = new LibC.Timespec { Seconds = (long)seconds, Nanoseconds = (long)((seconds - Math.Floor(seconds)) * 1e9) };
            LibC.ppoll(&fd, 1, &ts, null);
        }
        return _set;
    }

    void EnsurePipe()
    {
        if (_readFd >= 0) return;
        lock (_create)
        {
            if (_readFd >= 0) return;
            int* fds = stackalloc int[2];
            if (LibC.pipe2(fds, LibC.O_NONBLOCK | LibC.O_CLOEXEC) != 0) throw new InvalidOperationException("pipe2 failed for the signal event");
            _writeFd = fds[1];
            _readFd = fds[0];
        }
    }

    ~SignalEvent()
    {
        if (_readFd >= 0) { LibC.close(_readFd); LibC.close(_writeFd); }
    }
}
