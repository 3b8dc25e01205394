#nullable enable
using System;
using System.Runtime.InteropServices;
using StacklessIron.Modules.Posix;
using StacklessIron.Modules.Select;
namespace StacklessIron.Modules.Socket;

/// <summary>Where socket operations wait. A socket with a timeout is non-blocking at the OS
/// level: each operation first waits here (poll(2) on the descriptor, bounded by the time left)
/// and then retries the system call until it stops answering EAGAIN. A blocking socket
/// (timeout None) waits inside the system call instead, blocking the OS thread with the
/// interpreter lock released.
/// Cooperative I/O changes only this class: make every socket non-blocking at the OS level
/// and have WaitFor park the calling tasklet on the scheduler's reactor instead of polling.</summary>
internal static class SocketIo
{
    public delegate nint Operation(int fd);

    /// <summary>Waits until `fd` is readable (or writable); false when `timeoutMs` ran out
    /// first (-1 = no limit).</summary>
    public static bool WaitFor(ThreadState ts, int fd, bool writing, int timeoutMs)
    {
        if (fd < 0) return true;    // the operation itself reports EBADF
        var fds = new[] { new SelectModule.PollFd { Fd = fd, Events = writing ? SelectModule.POLLOUT : SelectModule.POLLIN } };
        using (ts.AllowThreads()) return SelectModule.Poll(fds, timeoutMs) > 0;
    }

    public static PyException Timeout() => PyExc.New(ExceptionTypes.TimeoutError, "timed out");

    /// <summary>Milliseconds to the deadline (a Environment.TickCount64 value), rounded up.</summary>
    static int Remaining(long deadlineTicks) => (int)Math.Max(0, deadlineTicks - Environment.TickCount64);

    public static long Deadline(double timeout) => Environment.TickCount64 + (long)Math.Ceiling(timeout * 1000.0);

    /// <summary>Runs `op` on the socket's descriptor as CPython's sock_call: waits for readiness
    /// first when the socket has a timeout, retries after EINTR and (with a timeout) after
    /// EAGAIN, raises TimeoutError when the time is up and OSError for other errors.
    /// `deadline` shares one time budget between several calls (sendall); 0 = from now.</summary>
    public static nint Call(ThreadState ts, PySocket s, bool writing, Operation op, long deadline = 0)
    {
        double timeout = s.Timeout;
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
                nint r;
                int err;
                if (timeout < 0)
                {
                    // A blocking socket waits inside the system call: other Python threads
                    // run meanwhile (a server thread's accept() must not starve its client).
                    using (ts.AllowThreads()) { r = op(s.Fd); err = Marshal.GetLastPInvokeError(); }
                }
                else { r = op(s.Fd); err = Marshal.GetLastPInvokeError(); }
                if (r >= 0) return r;
                if (err == LibC.EINTR) continue;
                if (timeout > 0 && err == LibSocket.EAGAIN) break;
                throw PosixErrors.FromErrno(err);
            }
        }
    }
}
