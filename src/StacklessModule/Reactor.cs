#nullable enable
using System;
using System.Collections.Generic;
using Stopwatch = System.Diagnostics.Stopwatch;
using StacklessIron.Modules.Select;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>
/// The cooperative-I/O reactor of one scheduler: tasklets waiting for a descriptor to become
/// readable or writable, or for a point in time. A waiting tasklet blocks on a channel of its
/// own (so it is `blocked`, can be killed, and other tasklets run); the reactor wakes it by
/// taking it off that channel with the outcome as the value its wait returns. When the run
/// queue empties, the scheduler calls RunUntilRunnable instead of declaring a deadlock.
/// Every real wait of the OS thread happens in BlockingPoll (which releases the global
/// interpreter lock), or, when the waiting tasklet is the only one, in SelectModule.Wait
/// (which also runs signal handlers, as the plain blocking call would).
/// </summary>
public sealed class Reactor
{
    /// <summary>One waiting tasklet: what it waits for (descriptors and/or a deadline), and
    /// what it gets when woken.</summary>
    sealed class Waiter
    {
        public int[] Fds = Array.Empty<int>();
        public short[] Events = Array.Empty<short>();
        public short[] Revents = Array.Empty<short>();
        /// <summary>Stopwatch timestamp; long.MaxValue = no deadline.</summary>
        public long Deadline = long.MaxValue;
        public PyChannel Channel = null!;
        public PyTasklet Tasklet = null!;
        /// <summary>Wait on several descriptors: woken with a list of (fd, revents).</summary>
        public bool Many;
        /// <summary>A sleep: woken with None.</summary>
        public bool Sleep;
        public bool Done, Marked;
    }

    readonly Scheduler _sched;
    readonly Dictionary<int, List<Waiter>> _byFd = new();
    readonly PriorityQueue<Waiter, long> _timers = new();
    /// <summary>Waiters not yet woken (some may belong to tasklets killed meanwhile: see Prune).</summary>
    int _count;
    long _nextPollDue;
    /// <summary>While tasklets keep the run queue busy, ready I/O is still looked at this often.</summary>
    static readonly long PollInterval = Stopwatch.Frequency / 100;
    const short ErrorEvents = SelectModule.POLLERR | SelectModule.POLLHUP | SelectModule.POLLNVAL;

    Reactor(Scheduler sched) { _sched = sched; }

    public static Reactor Of(Scheduler s) => s.Reactor ??= new Reactor(s);

    /// <summary>Waiters not yet woken (cheap; may count killed tasklets).</summary>
    public bool HasWaiters => _count > 0;

    /// <summary>Whether a tasklet still waits here (dropping those killed or thrown out of
    /// their wait meanwhile).</summary>
    public bool HasLiveWaiters()
    {
        if (_count == 0) return false;
        Prune();
        return _count > 0;
    }

    public int LiveCount() { Prune(); return _count; }

    /// <summary>The waiter whose tasklet is on its way onto its channel (the scheduler's
    /// deadlock check looks here before the tasklet is appended).</summary>
    Waiter? _entering;

    bool Live(Waiter w) => !w.Done && (w.Tasklet.BlockedOn == w.Channel || w == _entering);

    void Prune()
    {
        List<Waiter>? dead = null;
        foreach (var list in _byFd.Values)
            foreach (var w in list)
                if (!w.Done && !Live(w)) (dead ??= new()).Add(w);
        foreach (var (w, _) in _timers.UnorderedItems)
            if (!w.Done && !Live(w)) (dead ??= new()).Add(w);
        if (dead != null) foreach (var w in dead) Forget(w);
        while (_timers.TryPeek(out var t, out _) && t.Done) _timers.Dequeue();
    }

    /// <summary>Takes a waiter out of the descriptor table (the timer heap drops it lazily).</summary>
    void Forget(Waiter w)
    {
        if (w.Done) return;
        w.Done = true;
        _count--;
        foreach (var fd in w.Fds)
            if (_byFd.TryGetValue(fd, out var list))
            {
                list.Remove(w);
                if (list.Count == 0) _byFd.Remove(fd);
            }
    }

    public static long DeadlineAfter(double seconds)
    {
        if (seconds < 0) return long.MaxValue;
        double ticks = seconds * Stopwatch.Frequency;
        long now = Stopwatch.GetTimestamp();
        return ticks >= long.MaxValue - now ? long.MaxValue : now + (long)ticks;
    }

    /// <summary>Milliseconds from now to `deadline` for poll(2), rounded up; -1 = none.</summary>
    static int MillisUntil(long deadline)
    {
        if (deadline == long.MaxValue) return -1;
        long left = deadline - Stopwatch.GetTimestamp();
        if (left <= 0) return 0;
        double ms = Math.Ceiling(left * 1000.0 / Stopwatch.Frequency);
        return ms >= int.MaxValue ? int.MaxValue : (int)ms;
    }

    /// <summary>The one place where the OS thread waits for I/O or time: select's poll(2)
    /// (with no descriptors it just sleeps), where the thread lets other threads run.</summary>
    int BlockingPoll(SelectModule.PollFd[] fds, int timeoutMs)
    {
        using (_sched.OwnerThread.AllowThreads()) return SelectModule.Poll(fds, timeoutMs);
    }

    // ---------------- waiting (called by the tasklet that waits) ----------------

    /// <summary>The current tasklet waits until one of `fds` shows one of its `events` (or an
    /// error), or until `timeout` seconds passed (negative = no limit). Returns (now or when it
    /// resumes) the revents of the one descriptor (0 on timeout), or for `many` a list of
    /// (fd, revents) pairs (empty on timeout). With no other tasklet to run and nobody else
    /// waiting here, the OS thread just waits, as the plain blocking call would.</summary>
    public PyObject Wait(ThreadState ts, int[] fds, short[] events, double timeout, bool many, bool direct)
    {
        var w = new Waiter { Fds = fds, Events = events, Revents = new short[fds.Length], Deadline = DeadlineAfter(timeout), Many = many, Sleep = fds.Length == 0 };
        // ready right away: no switch
        if (fds.Length > 0 && PollNow(w, 0)) return Outcome(w);
        if (timeout == 0) return Outcome(w);
        var cur = _sched.Current;
        if (_sched.Count <= 1 && (cur.InRunQueue || _sched.Count == 0) && !HasLiveWaiters())
        {
            // nothing else could run meanwhile: a plain blocking wait, which a signal
            // interrupts as it would the plain call (the handler runs; its exception propagates)
            if (fds.Length == 0)
            {
                int ms;
                while ((ms = MillisUntil(w.Deadline)) != 0)
                    SelectModule.Wait(ts, Array.Empty<SelectModule.PollFd>(), ms);
            }
            else
                while (!PollNow(w, MillisUntil(w.Deadline), ts))
                    if (w.Deadline != long.MaxValue && Stopwatch.GetTimestamp() >= w.Deadline) break;
            return Outcome(w);
        }
        w.Channel = new PyChannel(PyChannel.TypeObject);
        w.Tasklet = cur;
        Register(w);
        _entering = w;
        try
        {
            return _sched.ChannelAction(w.Channel, -1, PyNone.Value, direct);
        }
        catch (PyException)
        {
            Forget(w);
            throw;
        }
        finally
        {
            if (_entering == w) _entering = null;
        }
    }

    /// <summary>Polls the waiter's own descriptors (for `ms`); true when any is ready.</summary>
    bool PollNow(Waiter w, int ms, ThreadState? waiting = null)
    {
        var p = new SelectModule.PollFd[w.Fds.Length];
        for (int i = 0; i < p.Length; i++) p[i] = new SelectModule.PollFd { Fd = w.Fds[i], Events = w.Events[i] };
        if ((waiting != null && ms != 0 ? SelectModule.Wait(waiting, p, ms) : BlockingPoll(p, ms)) <= 0) return false;
        bool any = false;
        for (int i = 0; i < p.Length; i++)
        {
            w.Revents[i] = (short)(p[i].Revents & (w.Events[i] | ErrorEvents));
            if (w.Revents[i] != 0) any = true;
        }
        return any;
    }

    static PyObject Outcome(Waiter w)
    {
        if (w.Sleep) return PyNone.Value;
        if (!w.Many)
            return PyInt.From(w.Revents.Length == 0 ? 0 : (ushort)w.Revents[0]);
        var l = new PyList();
        for (int i = 0; i < w.Fds.Length; i++)
            if (w.Revents[i] != 0) l.Append(PyTuple.Of(PyInt.From(w.Fds[i]), PyInt.From((ushort)w.Revents[i])));
        return l;
    }

    void Register(Waiter w)
    {
        _count++;
        foreach (var fd in w.Fds)
        {
            if (!_byFd.TryGetValue(fd, out var list)) _byFd[fd] = list = new List<Waiter>(1);
            if (!list.Contains(w)) list.Add(w);
        }
        if (w.Deadline != long.MaxValue) _timers.Enqueue(w, w.Deadline);
    }

    /// <summary>Puts a waiter's tasklet back in the run queue with its outcome (if it is
    /// still waiting: a killed one has left its channel).</summary>
    void Wake(Waiter w)
    {
        bool live = Live(w);
        Forget(w);
        if (!live) return;
        var t = w.Channel.PopFront();
        t.TempVal = Outcome(w);
        _sched.Insert(t);
    }

    // ---------------- the scheduler's side ----------------

    /// <summary>One round: waits up to `timeoutMs` (-1 = until something happens; shortened
    /// to the nearest deadline) for the registered descriptors, then wakes every waiter whose
    /// descriptor is ready or whose deadline passed. Returns how many tasklets it woke.</summary>
    public int PollOnce(int timeoutMs)
    {
        Prune();
        if (_count == 0)
        {
            // nothing to wait for: a bounded wait just passes the time, an unbounded one returns
            if (timeoutMs > 0) BlockingPoll(Array.Empty<SelectModule.PollFd>(), timeoutMs);
            return 0;
        }
        if (_timers.TryPeek(out _, out long nearest))
        {
            int toTimer = MillisUntil(nearest);
            if (timeoutMs < 0 || toTimer < timeoutMs) timeoutMs = toTimer;
        }
        var fds = new SelectModule.PollFd[_byFd.Count];
        int n = 0;
        foreach (var (fd, list) in _byFd)
        {
            short ev = 0;
            foreach (var w in list)
                for (int i = 0; i < w.Fds.Length; i++)
                    if (w.Fds[i] == fd) ev |= w.Events[i];
            fds[n++] = new SelectModule.PollFd { Fd = fd, Events = ev };
        }
        int ready = BlockingPoll(fds, timeoutMs);
        var toWake = new List<Waiter>();
        if (ready > 0)
            foreach (var p in fds)
            {
                if (p.Revents == 0 || !_byFd.TryGetValue(p.Fd, out var list)) continue;
                foreach (var w in list)
                    for (int i = 0; i < w.Fds.Length; i++)
                    {
                        if (w.Fds[i] != p.Fd) continue;
                        short r = (short)(p.Revents & (w.Events[i] | ErrorEvents));
                        if (r == 0) continue;
                        w.Revents[i] = r;
                        if (!w.Marked) { w.Marked = true; toWake.Add(w); }
                    }
            }
        long now = Stopwatch.GetTimestamp();
        while (_timers.TryPeek(out var t, out long due))
        {
            if (t.Done) { _timers.Dequeue(); continue; }
            if (due > now) break;
            _timers.Dequeue();
            if (!t.Marked) { t.Marked = true; toWake.Add(t); }
        }
        foreach (var w in toWake) Wake(w);
        _nextPollDue = Stopwatch.GetTimestamp() + PollInterval;
        return toWake.Count;
    }

    /// <summary>The run queue is empty: waits for I/O and timers until some tasklet can run.
    /// False when nobody waits here (the scheduler goes on as without a reactor).</summary>
    public bool RunUntilRunnable()
    {
        while (_sched.Count == 0)
        {
            Prune();
            if (_count == 0) return false;
            // called in the middle of a switch: a failing poll must not escape from here;
            // the scheduler then goes on as without waiters (main wakes, blocked: deadlock)
            try { PollOnce(-1); }
            catch (PyException) { return false; }
        }
        return true;
    }

    /// <summary>While the run queue is busy: a look (without waiting) at ready I/O and
    /// passed deadlines every PollInterval, so waiting tasklets are not starved.</summary>
    public void PollIfDue()
    {
        if (_count == 0 || Stopwatch.GetTimestamp() < _nextPollDue) return;
        PollOnce(0);
    }
}
