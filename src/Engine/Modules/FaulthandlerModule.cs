#nullable enable
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules;

/// <summary>The `faulthandler` module: dumps Python tracebacks straight to a file descriptor
/// (no Python code runs while dumping, so it works from a timer or a signal), on demand, after
/// a timeout (dump_traceback_later, which regrtest uses to catch hung tests) or on a user
/// signal (register). enable() records its file; a fatal .NET-level crash is not caught: the
/// runtime owns SIGSEGV/SIGFPE/SIGBUS.</summary>
public static class FaulthandlerModule
{
    /// <summary>CPython stops after this many frames per thread and writes "  ...".</summary>
    const int MaxFrameDepth = 100;
    const int SIGSEGV = 11, SIGFPE = 8, SIGABRT = 6, SIGBUS = 7, SIGILL = 4;

    sealed class State
    {
        public bool Enabled;
        public PyObject? EnabledFile;
        public Timer? Later;
        /// <summary>Keeps the file object alive while a timer or signal may write to its fd.</summary>
        public PyObject? LaterFile;
        public readonly Dictionary<int, (PosixSignalRegistration Registration, PyObject? File)> Registered = new();
    }

    static readonly ConditionalWeakTable<PythonEngine, State> States = new();
    static State StateOf(ThreadState ts) => States.GetValue(ts.Engine, _ => new State());

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("faulthandler", "faulthandler module.");
        NativeMembers.FillModule(m, typeof(FaulthandlerModule));
        return m;
    }

    public static void Register() => Importer.NativeModules["faulthandler"] = Create;

    /// <summary>faulthandler_get_fileno: an int fd, or a file object (flushed first) whose
    /// fileno() is used; None means sys.stderr.</summary>
    static int FileDescriptor(ThreadState ts, ref PyObject? file)
    {
        if (file is PyInt fi)
        {
            long fd = fi.ToLongChecked();
            if (fd < 0 || fd > int.MaxValue) throw PyExc.ValueError("file is not a valid file descripter");
            file = null;
            return (int)fd;
        }
        if (file == null || file == PyNone.Value)
        {
            file = ts.Engine.Sys.Get("stderr");
            if (file == null || file == PyNone.Value) throw PyExc.RuntimeError("sys.stderr is None");
        }
        var r = Ops.CallMethod(ts, file, "fileno");
        if (r is not PyInt ri) throw PyExc.RuntimeError("file.fileno() is not a valid file descriptor");
        long n = ri.ToLongChecked();
        if (n < 0 || n > int.MaxValue) throw PyExc.RuntimeError("file.fileno() is not a valid file descriptor");
        // flush what Python buffered before writing under it
        try { Ops.CallMethod(ts, file, "flush"); } catch (PyException) { }
        return (int)n;
    }

    [PyMethod]
    static void enable(ThreadState ts, [PyKeyword] PyObject? file = null, bool all_threads = true)
    {
        FileDescriptor(ts, ref file);
        var st = StateOf(ts);
        st.Enabled = true;
        st.EnabledFile = file;
    }

    [PyMethod]
    static bool disable(ThreadState ts)
    {
        var st = StateOf(ts);
        bool was = st.Enabled;
        st.Enabled = false;
        st.EnabledFile = null;
        return was;
    }

    [PyMethod] static bool is_enabled(ThreadState ts) => StateOf(ts).Enabled;

    [PyMethod]
    static void dump_traceback(ThreadState ts, [PyKeyword] PyObject? file = null, bool all_threads = true)
    {
        int fd = FileDescriptor(ts, ref file);
        Write(fd, all_threads ? AllThreadsText(ts.Engine, ts) : StackText(ts.Frame, "Stack"));
    }

    [PyMethod]
    static void dump_traceback_later(ThreadState ts, [PyKeyword] PyObject timeout, bool repeat = false, PyObject? file = null, bool exit = false)
    {
        double secs = Ops.ToDouble(ts, timeout);
        // _PyTime_t counts nanoseconds in 64 bits
        if (double.IsNaN(secs) || secs * 1e9 >= 9.2e18) throw PyExc.OverflowError("timestamp too large to convert to C _PyTime_t");
        long us = (long)Math.Round(secs * 1e6, MidpointRounding.ToEven);
        if (us <= 0) throw PyExc.ValueError("timeout must be greater than 0");
        if (us / 1_000_000 > uint.MaxValue) throw PyExc.OverflowError("timeout value is too large");
        int fd = FileDescriptor(ts, ref file);
        var st = StateOf(ts);
        CancelLater(st);
        var engine = ts.Engine;
        string header = TimeoutHeader(us);
        var period = TimeSpan.FromTicks(us * 10);
        st.LaterFile = file;
        st.Later = new Timer(_ =>
        {
            Write(fd, header + AllThreadsText(engine, null));
            if (exit) LibC._exit(1);
        }, null, period, repeat ? period : Timeout.InfiniteTimeSpan);
    }

    [PyMethod] static void cancel_dump_traceback_later(ThreadState ts) => CancelLater(StateOf(ts));

    static void CancelLater(State st)
    {
        st.Later?.Dispose();
        st.Later = null;
        st.LaterFile = null;
    }

    /// <summary>"Timeout (H:MM:SS[.ffffff])!" as faulthandler's format_timeout writes it.</summary>
    static string TimeoutHeader(long us)
    {
        long sec = us / 1_000_000, frac = us % 1_000_000;
        var sb = new StringBuilder("Timeout (");
        sb.Append(sec / 3600).Append(':').Append((sec / 60 % 60).ToString("00")).Append(':').Append((sec % 60).ToString("00"));
        if (frac != 0) sb.Append('.').Append(frac.ToString("000000"));
        return sb.Append(")!\n").ToString();
    }

    [PyMethod]
    static void register(ThreadState ts, [PyKeyword] long signum, PyObject? file = null, bool all_threads = true, bool chain = false)
    {
        if (signum is SIGSEGV or SIGFPE or SIGABRT or SIGBUS or SIGILL)
            throw PyExc.RuntimeError($"signal {signum} cannot be registered, use enable() instead");
        if (signum < 1 || signum >= SignalModule.NSIG) throw PyExc.ValueError("signal number out of range");
        int fd = FileDescriptor(ts, ref file);
        var st = StateOf(ts);
        var engine = ts.Engine;
        int sig = (int)signum;
        if (st.Registered.Remove(sig, out var old)) old.Registration.Dispose();
        // .NET takes raw signal numbers cast to PosixSignal; cancelling the default action
        // keeps the process alive as CPython's handler does, unless the user asked to chain.
        var reg = PosixSignalRegistration.Create((PosixSignal)sig, ctx =>
        {
            Write(fd, all_threads ? AllThreadsText(engine, null) : StackText(engine.MainThread.Frame, "Stack"));
            ctx.Cancel = !chain;
        });
        st.Registered[sig] = (reg, file);
    }

    [PyMethod]
    static bool unregister(ThreadState ts, long signum)
    {
        if (signum < 1 || signum >= SignalModule.NSIG) throw PyExc.ValueError("signal number out of range");
        if (!StateOf(ts).Registered.Remove((int)signum, out var old)) return false;
        old.Registration.Dispose();
        return true;
    }

    /// <summary>Every thread's stack, the current one (if any) marked as such.</summary>
    static string AllThreadsText(PythonEngine engine, ThreadState? current)
    {
        var sb = new StringBuilder();
        bool first = true;
        // a copy of the list: a timer or signal thread reads it without the interpreter lock
        foreach (var t in engine.Gil.Threads)
        {
            if (!first) sb.Append('\n');
            first = false;
            sb.Append(StackText(t.Frame, (t == current ? "Current thread 0x" : "Thread 0x") + ((ulong)t.Ident).ToString("x16")));
        }
        return sb.ToString();
    }

    /// <summary>One thread's frames, innermost first, in faulthandler's layout.</summary>
    static string StackText(Frame? top, string title)
    {
        var sb = new StringBuilder(title).Append(" (most recent call first):\n");
        if (top == null) return sb.Append("  <no Python frame>\n").ToString();
        int depth = 0;
        for (var f = top; f != null; f = f.Back)
        {
            if (depth++ >= MaxFrameDepth) { sb.Append("  ...\n"); break; }
            var c = f.Code.Code;
            sb.Append("  File \"").Append(c.Filename).Append("\", line ").Append(f.LineNo).Append(" in ").Append(c.Name).Append('\n');
        }
        return sb.ToString();
    }

    static unsafe void Write(int fd, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* p = bytes)
        {
            nint done = 0;
            while (done < bytes.Length)
            {
                nint n = LibC.write(fd, p + done, bytes.Length - done);
                if (n <= 0) return;
                done += n;
            }
        }
    }
}
