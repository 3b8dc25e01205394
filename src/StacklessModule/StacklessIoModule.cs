#nullable enable
using System;
using System.Collections.Generic;
using StacklessIron.Modules.Posix;
using StacklessIron.Modules.Select;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>`_stacklessio`: the native side of cooperative I/O over the scheduler's Reactor.
/// The pure-Python modules in src/Lib (stacklesssocket, stacklesslib) build on these few
/// calls; each blocks only the calling tasklet, switching softly when called from Python.</summary>
public static class StacklessIoModule
{
    public static void Register() => Importer.NativeModules["_stacklessio"] = Create;

    static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_stacklessio", "Cooperative waits for descriptors and time: they block the tasklet, not the thread.");
        NativeMembers.FillModule(m, typeof(StacklessIoModule));
        m.Set("READ", PyInt.From(SelectModule.POLLIN));
        m.Set("WRITE", PyInt.From(SelectModule.POLLOUT));
        return m;
    }

    /// <summary>A timeout in seconds; None = no limit (-1).</summary>
    static double Seconds(ThreadState ts, PyObject? timeout)
    {
        if (timeout == null || timeout == PyNone.Value) return -1;
        if (timeout is not PyInt && timeout is not PyFloat && timeout.Type.Float == null && timeout.Type.Index == null)
            throw PyExc.TypeError("timeout must be a number or None");
        double t = Ops.ToDouble(ts, timeout);
        if (double.IsNaN(t)) throw PyExc.ValueError("Invalid value NaN (not a number)");
        if (t < 0) throw PyExc.ValueError("timeout must be non-negative");
        return t;
    }

    static short Events(long events)
    {
        if (events <= 0 || events > ushort.MaxValue) throw PyExc.ValueError("events must be a non-empty poll event mask");
        return unchecked((short)(ushort)events);
    }

    /// <summary>wait(fd, events, timeout=None): blocks the tasklet until `fd` (an int or an
    /// object with fileno()) shows one of the poll `events` or an error; returns the revents,
    /// 0 when the timeout passed first.</summary>
    [PyMethod]
    static PyObject wait(ThreadState ts, PyObject fd, long events, PyObject? timeout = null)
    {
        bool direct = ts.TakeUnwindPermission();
        int f = FdArg.FromObject(ts, fd);
        var ev = Events(events);
        double t = Seconds(ts, timeout);
        return Reactor.Of(Scheduler.Of(ts)).Wait(ts, new[] { f }, new[] { ev }, t, false, direct);
    }

    /// <summary>wait_many(pairs, timeout=None): pairs of (fd, events); blocks the tasklet until
    /// any is ready. Returns the list of (fd, revents) that are, empty on timeout.</summary>
    [PyMethod]
    static PyObject wait_many(ThreadState ts, PyObject pairs, PyObject? timeout = null)
    {
        bool direct = ts.TakeUnwindPermission();
        var fds = new List<int>();
        var evs = new List<short>();
        foreach (var p in Ops.Iterate(ts, pairs))
        {
            var items = Ops.ToArray(ts, p);
            if (items.Length != 2) throw PyExc.ValueError("wait_many() expects (fd, events) pairs");
            fds.Add(FdArg.FromObject(ts, items[0]));
            evs.Add(Events(Ops.Index(ts, items[1]).Small));
        }
        double t = Seconds(ts, timeout);
        return Reactor.Of(Scheduler.Of(ts)).Wait(ts, fds.ToArray(), evs.ToArray(), t, true, direct);
    }

    /// <summary>sleep(seconds): the tasklet sleeps (others run); 0 just lets the others run
    /// once, like stackless.schedule(). Same argument rules as time.sleep.</summary>
    [PyMethod]
    static PyObject sleep(ThreadState ts, PyObject secs)
    {
        bool direct = ts.TakeUnwindPermission();
        var s = StacklessIron.Modules.TimeModule.SleepSeconds(ts, secs);
        var sched = Scheduler.Of(ts);
        if (s == 0) return sched.Schedule(PyNone.Value, false, direct);
        return Reactor.Of(sched).Wait(ts, Array.Empty<int>(), Array.Empty<short>(), s, false, direct);
    }

    /// <summary>poll(timeout=0): one round of the reactor, for a main loop: waits up to
    /// `timeout` seconds (None = until some waiter is ready) and wakes the tasklets whose I/O
    /// is ready or whose time has come. Returns how many it woke.</summary>
    [PyMethod]
    static long poll(ThreadState ts, PyObject? timeout = null)
    {
        double t = timeout == null ? 0 : Seconds(ts, timeout);
        int ms = t < 0 ? -1 : (int)Math.Min(int.MaxValue, Math.Ceiling(t * 1000));
        return Reactor.Of(Scheduler.Of(ts)).PollOnce(ms);
    }

    /// <summary>pending(): how many tasklets wait for I/O or time.</summary>
    [PyMethod]
    static long pending(ThreadState ts) => Scheduler.Of(ts).Reactor?.LiveCount() ?? 0;
}
