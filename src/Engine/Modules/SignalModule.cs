#nullable enable
using System;
using System.Runtime.CompilerServices;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules;

/// <summary>The `_signal` module (signal.py wraps it). The handler table is per engine, as in
/// CPython; SIG_IGN and SIG_DFL map to the OS through .NET's PosixSignalRegistration for the
/// signals .NET can intercept (SIGINT, SIGTERM, SIGHUP, SIGQUIT ...).
/// A Python handler (default_int_handler for SIGINT from the start) is called on the main
/// thread: .NET delivers the signal on a thread of its own, which marks it pending and asks the
/// main thread's loop to run the handlers at its next tick (ThreadState.RequestSignalCheck), and
/// wakes time.sleep. If the same signal comes again before the first was handled (a program
/// stuck in native code), the OS default action is taken, so Ctrl-C twice always stops it.</summary>
public static class SignalModule
{
    public const int NSIG = 65, SIGINT = 2, SIGPIPE = 13, SIGXFSZ = 25;
    static readonly PyInt SigDfl = PyInt.From(0), SigIgn = PyInt.From(1);

    sealed class State
    {
        public readonly PyObject?[] Handlers = new PyObject?[NSIG];
        public readonly System.Runtime.InteropServices.PosixSignalRegistration?[] Ignored = new System.Runtime.InteropServices.PosixSignalRegistration?[NSIG];
        /// <summary>Registrations of signals whose handler is a Python callable.</summary>
        public readonly System.Runtime.InteropServices.PosixSignalRegistration?[] Caught = new System.Runtime.InteropServices.PosixSignalRegistration?[NSIG];
        public readonly bool[] Pending = new bool[NSIG];
        public int WakeupFd = -1;
        public PyObject? DefaultIntHandler;
    }

    static readonly ConditionalWeakTable<PythonEngine, State> States = new();

    static State StateOf(ThreadState ts)
    {
        return States.GetValue(ts.Engine, _ => new State());
    }

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_signal", "This module provides mechanisms to use signal handlers in Python.");
        NativeMembers.FillModule(m, typeof(SignalModule));
        foreach (var (name, value) in PosixConstants.Signals) m.Set(name, PyInt.From(value));
        m.Set("SIG_DFL", SigDfl);
        m.Set("SIG_IGN", SigIgn);
        m.Set("ItimerError", ItimerError);
        var st = StateOf(ts);
        st.DefaultIntHandler = m.Get("default_int_handler");
        // As CPython: a signal the process inherited as ignored reads back as SIG_IGN (a
        // background job's SIGINT, for one), so default_int_handler is not installed for it.
        for (int i = 1; i < NSIG; i++) st.Handlers[i] ??= InheritedIgnored(i) ? SigIgn : SigDfl;
        // CPython ignores SIGPIPE and SIGXFSZ at start-up (errors come back as EPIPE/EFBIG) and
        // installs default_int_handler for SIGINT.
        st.Handlers[SIGPIPE] = SigIgn;
        st.Handlers[SIGXFSZ] = SigIgn;
        IgnoreInOs(SIGXFSZ);   // .NET ignores SIGPIPE itself; without this a write past RLIMIT_FSIZE kills the process
        if (st.Handlers[SIGINT] == SigDfl)
        {
            st.Handlers[SIGINT] = st.DefaultIntHandler!;
            Catch(ts.Engine, st, SIGINT);
        }
        ts.Engine.PendingSignalRunner = RunPending;
        return m;
    }

    /// <summary>Routes `sig` from the OS to its Python handler (see the class summary).</summary>
    static void Catch(PythonEngine engine, State st, int sig)
    {
        if (st.Caught[sig] != null || DotnetSignal(sig) is not { } ps) return;
        st.Caught[sig] = System.Runtime.InteropServices.PosixSignalRegistration.Create(ps, c =>
        {
            // never the OS's default action while Python handles the signal: a second one that
            // arrives before the loop ran the handler merges with the first, as CPython's
            // tripped flag (it killed the process: test_signal's itimer tests, under load)
            c.Cancel = true;
            lock (st.Pending)
            {
                if (st.Pending[sig]) return;
                st.Pending[sig] = true;
            }
            var main = engine.MainThread;
            main.RequestSignalCheck();
            // wakes the main thread's waits (sleep, sockets, select: SignalEvent); and
            // set_wakeup_fd's descriptor gets the signal number, as CPython's C handler does
            engine.SignalArrived.Set();
            if (st.WakeupFd >= 0) WriteWakeup(st.WakeupFd, sig);
            // the loop may have overwritten its tick count meanwhile: ask again until it ran
            System.Threading.ThreadPool.QueueUserWorkItem(_ =>
            {
                for (int i = 0; i < 200 && main.SignalCheckPending; i++)
                {
                    System.Threading.Thread.Sleep(5);
                    if (main.SignalCheckPending) main.RequestSignalCheck();
                }
            });
        });
    }

    static unsafe void WriteWakeup(int fd, int sig)
    {
        byte b = (byte)sig;
        LibC.write(fd, &b, 1);
    }

    static void Uncatch(State st, int sig)
    {
        st.Caught[sig]?.Dispose();
        st.Caught[sig] = null;
    }

    /// <summary>Calls the handler of every signal that arrived since the last call, in signal
    /// number order, with the current frame, on the main thread.</summary>
    static void RunPending(ThreadState ts)
    {
        if (ts != ts.Engine.MainThread || !States.TryGetValue(ts.Engine, out var st)) return;
        ts.Engine.SignalArrived.Reset();
        for (int sig = 1; sig < NSIG; sig++)
        {
            lock (st.Pending)
            {
                if (!st.Pending[sig]) continue;
                st.Pending[sig] = false;
            }
            var h = st.Handlers[sig];
            if (h == null || h is PyInt) continue;
            var frame = ts.Frame;
            if (frame != null) frame.Exposed = true;
            Ops.Call(ts, h, PyInt.From(sig), (PyObject?)frame ?? PyNone.Value);
        }
    }

    public static void Register() => Importer.NativeModules["_signal"] = Create;

    /// <summary>True if the OS disposition of `sig` is SIG_IGN (sigaction's first field is the handler).</summary>
    static unsafe bool InheritedIgnored(int sig)
    {
        var old = stackalloc byte[256];
        try { return LibC.sigaction(sig, null, old) == 0 && *(nint*)old == 1; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    /// <summary>Sets the OS disposition of `sig` to SIG_IGN (a zeroed struct sigaction whose handler is 1).</summary>
    static unsafe void IgnoreInOs(int sig)
    {
        var act = stackalloc byte[256];
        new Span<byte>(act, 256).Clear();
        *(nint*)act = 1;
        try { LibC.sigaction(sig, act, null); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    static int CheckSignum(long signalnum)
    {
        if (signalnum < 1 || signalnum >= NSIG) throw PyExc.ValueError("signal number out of range");
        return (int)signalnum;
    }

    static System.Runtime.InteropServices.PosixSignal? DotnetSignal(int sig) => sig switch
    {
        1 => System.Runtime.InteropServices.PosixSignal.SIGHUP,
        2 => System.Runtime.InteropServices.PosixSignal.SIGINT,
        3 => System.Runtime.InteropServices.PosixSignal.SIGQUIT,
        15 => System.Runtime.InteropServices.PosixSignal.SIGTERM,
        17 => System.Runtime.InteropServices.PosixSignal.SIGCHLD,
        18 => System.Runtime.InteropServices.PosixSignal.SIGCONT,
        20 => System.Runtime.InteropServices.PosixSignal.SIGTSTP,
        21 => System.Runtime.InteropServices.PosixSignal.SIGTTIN,
        22 => System.Runtime.InteropServices.PosixSignal.SIGTTOU,
        28 => System.Runtime.InteropServices.PosixSignal.SIGWINCH,
        // the others .NET takes as raw numbers; not the faults the runtime handles itself
        // (SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV), the uncatchable ones, nor real-time signals
        4 or 5 or 7 or 8 or 9 or 11 or 19 => null,
        > 0 and < 32 => (System.Runtime.InteropServices.PosixSignal)sig,
        _ => null,
    };

    [PyMethod]
    static PyObject signal(ThreadState ts, long signalnum, PyObject handler)
    {
        int sig = CheckSignum(signalnum);
        bool isDfl = handler is PyInt hi && hi.FitsLong && hi.Small == 0;
        bool isIgn = handler is PyInt hj && hj.FitsLong && hj.Small == 1;
        if (!isDfl && !isIgn && !Ops.IsCallable(handler))
            throw PyExc.TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
        if (ts != ts.Engine.MainThread) throw PyExc.ValueError("signal only works in main thread of the main interpreter");
        if (sig == 9 || sig == 19 || sig == 32 || sig == 33) throw PosixErrors.FromErrno(LibC.EINVAL);
        var st = StateOf(ts);
        var old = st.Handlers[sig] ?? SigDfl;
        st.Handlers[sig] = handler;
        // Ignoring takes effect in the OS where .NET lets us intercept the signal: the
        // registration cancels the default action.
        st.Ignored[sig]?.Dispose();
        st.Ignored[sig] = null;
        if (isIgn && DotnetSignal(sig) is { } ps)
            st.Ignored[sig] = System.Runtime.InteropServices.PosixSignalRegistration.Create(ps, c => c.Cancel = true);
        if (!isDfl && !isIgn) Catch(ts.Engine, st, sig);
        else Uncatch(st, sig);
        return old;
    }

    [PyMethod]
    static PyObject getsignal(ThreadState ts, long signalnum)
    {
        int sig = CheckSignum(signalnum);
        return StateOf(ts).Handlers[sig] ?? SigDfl;
    }

    [PyMethod]
    static void default_int_handler(ThreadState ts, params PyObject[] args) => throw PyExc.New(ExceptionTypes.KeyboardInterrupt);

    /// <summary>Delivers `sig` to this process as CPython would see it: a Python handler runs now
    /// (with the current frame), SIG_IGN does nothing; false when the OS should act instead.</summary>
    public static bool DeliverToSelf(ThreadState ts, int sig)
    {
        if (sig < 1 || sig >= NSIG || !States.TryGetValue(ts.Engine, out var st)) return false;
        // Python handlers run in the main thread only (CPython's rule): from another thread
        // the real signal is sent, and the main thread runs the handler when it sees it
        if (ts != ts.Engine.MainThread) return false;
        var h = st.Handlers[sig];
        if (h == null || h == SigDfl || (h is PyInt d && d.FitsLong && d.Small == 0)) return false;
        if (h is PyInt i && i.FitsLong && i.Small == 1) return true;
        if (st.WakeupFd >= 0) WriteWakeup(st.WakeupFd, sig);
        var frame = ts.Frame;
        if (frame != null) frame.Exposed = true;
        Ops.Call(ts, h, PyInt.From(sig), (PyObject?)frame ?? PyNone.Value);
        return true;
    }

    [PyMethod]
    static void raise_signal(ThreadState ts, long signalnum)
    {
        int sig = CheckSignum(signalnum);
        if (DeliverToSelf(ts, sig)) return;
        if (LibC.raise(sig) != 0) throw PosixErrors.Last();
    }

    [PyMethod]
    static long set_wakeup_fd(ThreadState ts, long fd, [PyKwOnly] bool warn_on_full_buffer = true)
    {
        if (ts != ts.Engine.MainThread) throw PyExc.ValueError("set_wakeup_fd only works in main thread of the main interpreter");
        if (fd != -1)
        {
            if (fd < 0 || fd > int.MaxValue) throw PyExc.ValueError($"invalid fd: {fd}");
            if (PosixStat.FStat((int)fd, out _) is int err && err != 0) throw PosixErrors.FromErrno(err);
        }
        var st = StateOf(ts);
        long old = st.WakeupFd;
        st.WakeupFd = (int)fd;
        return old;
    }

    [PyMethod]
    static PyObject valid_signals(ThreadState ts)
    {
        var items = new List<PyObject>();
        for (int i = 1; i < NSIG; i++) if (i != 32 && i != 33) items.Add(PyInt.From(i));
        return ts.Engine.MakeSet(ts, items.ToArray());
    }

    [PyMethod]
    static PyObject strsignal(ThreadState ts, long signalnum)
    {
        int sig = CheckSignum(signalnum);
        var p = LibC.strsignal(sig);
        var s = p == IntPtr.Zero ? null : System.Runtime.InteropServices.Marshal.PtrToStringUTF8(p);
        return s == null || s.StartsWith("Unknown signal") ? PyNone.Value : new PyStr(s);
    }

    public static readonly PyType ItimerError = NativeErrors.Define("signal", "itimer_error", ExceptionTypes.OSError);

    static unsafe PyObject ItimerTuple(long* v) => PyTuple.Of(new PyFloat(v[2] + v[3] / 1e6), new PyFloat(v[0] + v[1] / 1e6));

    static void ThrowItimerError()
    {
        int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        throw PyExc.New(ItimerError, PyInt.From(errno), new PyStr(System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno)));
    }

    /// <summary>setitimer(which, seconds, interval=0.0): arms ITIMER_REAL/VIRTUAL/PROF; returns the
    /// previous (delay, interval).</summary>
    [PyMethod]
    static unsafe PyObject setitimer(ThreadState ts, int which, PyObject seconds, PyObject? interval = null)
    {
        double value = Ops.ToDouble(ts, seconds), every = interval == null ? 0 : Ops.ToDouble(ts, interval);
        long* v = stackalloc long[4];
        long* old = stackalloc long[4];
        static void Split(double t, long* at)
        {
            if (t < 0) t = 0;
            at[0] = (long)Math.Floor(t);
            at[1] = (long)Math.Round((t - at[0]) * 1e6);
            // a positive time below a microsecond would disarm the timer: round it up
            if (at[0] == 0 && at[1] == 0 && t > 0) at[1] = 1;
            if (at[1] >= 1000000) { at[0]++; at[1] -= 1000000; }
        }
        Split(every, v);
        Split(value, v + 2);
        if (LibC.setitimer(which, v, old) != 0) ThrowItimerError();
        return ItimerTuple(old);
    }

    [PyMethod]
    static unsafe PyObject getitimer(ThreadState ts, int which)
    {
        long* v = stackalloc long[4];
        if (LibC.getitimer(which, v) != 0) ThrowItimerError();
        return ItimerTuple(v);
    }

    /// <summary>Waits until a signal with a Python handler arrives, then runs the handlers.</summary>
    [PyMethod]
    static void pause(ThreadState ts)
    {
        var arrived = ts.Engine.SignalArrived;
        using (ts.AllowThreads()) while (!arrived.Wait(-1)) { }
        if (ts == ts.Engine.MainThread) { arrived.Reset(); ts.RunPendingSignals(); }
    }

    [PyMethod]
    static long alarm(ThreadState ts, long seconds) => LibC.alarm((uint)Math.Clamp(seconds, 0, uint.MaxValue));

    /// <summary>Interrupted system calls are always retried here (PEP 475), which is what
    /// siginterrupt(sig, False) asks for; True cannot be honoured, so only the number is checked.</summary>
    [PyMethod]
    static void siginterrupt(ThreadState ts, long signalnum, long flag) => CheckSignum(signalnum);
}
