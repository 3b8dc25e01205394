#nullable enable
using System;
using System.Runtime.InteropServices;
using StacklessIron.Modules.Posix;
using StacklessIron.Modules.Select;
namespace StacklessIron.Modules.Socket;

/// <summary>Where socket operations wait, as CPython's sock_call. A socket with a timeout is
/// non-blocking at the OS level: each operation first waits for readiness (poll(2), bounded
/// by the time left) and then retries the system call until it stops answering EAGAIN.
/// A blocking socket (timeout None) blocks in the system call with the interpreter lock
/// released, except on the main thread, where a signal must be able to interrupt the wait
/// (.NET does not interrupt our system calls): there it waits in SelectModule.Wait first and
/// calls with MSG_DONTWAIT where the call takes flags.
/// Every wait lets the other Python threads run.</summary>
internal static class SocketIo
{
    /// <summary>The system call; `flags` are extra send/recv flags (MSG_DONTWAIT) for calls
    /// that take them, else 0.</summary>
    public delegate nint Operation(int fd, int flags);

    public const int MSG_DONTWAIT = 0x40;

    /// <summary>Waits until `fd` is readable (or writable); false when `timeoutMs` ran out
    /// first (-1 = no limit). Runs signal handlers that interrupt it (their exception propagates).</summary>
    public static bool WaitFor(ThreadState ts, int fd, bool writing, int timeoutMs)
    {
        if (fd < 0) return true;    // the operation itself reports EBADF
        var fds = new[] { new SelectModule.PollFd { Fd = fd, Events = writing ? SelectModule.POLLOUT : SelectModule.POLLIN } };
        return SelectModule.Wait(ts, fds, timeoutMs) > 0;
    }

    public static PyException Timeout() => PyExc.New(ExceptionTypes.TimeoutError, "timed out");

    /// <summary>Milliseconds to the deadline (a Environment.TickCount64 value), rounded up.</summary>
    static int Remaining(long deadlineTicks) => (int)Math.Max(0, deadlineTicks - Environment.TickCount64);

    public static long Deadline(double timeout) => Environment.TickCount64 + (long)Math.Ceiling(timeout * 1000.0);

    /// <summary>Runs `op` on the socket's descriptor as CPython's sock_call: waits for readiness
    /// first when the socket has a timeout, retries after EINTR (running the signal handlers)
    /// and (with a timeout) after EAGAIN, raises TimeoutError when the time is up and OSError
    /// for other errors. `deadline` shares one time budget between several calls (sendall);
    /// 0 = from now. `takesFlags`: op honours MSG_DONTWAIT (send/recv family).</summary>
    public static nint Call(ThreadState ts, PySocket s, bool writing, Operation op, long deadline = 0, bool takesFlags = true)
    {
        double timeout = s.Timeout;
        if (timeout < 0) return CallBlocking(ts, s, writing, op, takesFlags);
        if (timeout > 0 && deadline == 0) deadline = Deadline(timeout);
        while (true)
        {
            if (timeout > 0)
            {
                int left = Remaining(deadline);
                if (left <= 0 && Environment.TickCount64 >= deadline) throw Timeout();
                if (!WaitFor(ts, s.Fd, writing, left)) throw Timeout();
            }
            while (true)
            {
                nint r = op(s.Fd, 0);
                if (r >= 0) return r;
                int err = Marshal.GetLastPInvokeError();
                if (err == LibC.EINTR) { ts.RunPendingSignals(); continue; }
                if (timeout > 0 && err == LibSocket.EAGAIN) break;
                throw PosixErrors.FromErrno(err);
            }
        }
    }

    static nint CallBlocking(ThreadState ts, PySocket s, bool writing, Operation op, bool takesFlags)
    {
        nint r;
        int err;
        if (SignalEvent.DescriptorFor(ts) < 0)
        {
            // not the main thread: no signal handler runs here, so block in the call itself
            // (after closing what was dropped unclosed: see Finalization.SweepBeforeWait)
            ts.Engine.Finalization.SweepBeforeWait(ts);
            while (true)
            {
                using (ts.AllowThreads())
                {
                    r = op(s.Fd, 0);
                    err = r < 0 ? Marshal.GetLastPInvokeError() : 0;
                }
                if (r >= 0) return r;
                if (err != LibC.EINTR) throw PosixErrors.FromErrno(err);
            }
        }
        // A send is mostly possible at once; a receive mostly has to wait.
        bool waitFirst = !writing;
        while (true)
        {
            if (waitFirst) WaitFor(ts, s.Fd, writing, -1);
            waitFirst = true;
            if (takesFlags)
            {
                r = op(s.Fd, MSG_DONTWAIT);
                err = r < 0 ? Marshal.GetLastPInvokeError() : 0;
            }
            else
                using (ts.AllowThreads())
                {
                    r = op(s.Fd, 0);
                    err = r < 0 ? Marshal.GetLastPInvokeError() : 0;
                }
            if (r >= 0) return r;
            if (err == LibC.EINTR) { ts.RunPendingSignals(); continue; }
            if (err == LibSocket.EAGAIN) continue;
            throw PosixErrors.FromErrno(err);
        }
    }
}
