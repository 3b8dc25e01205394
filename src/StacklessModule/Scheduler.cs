#nullable enable
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Thread = System.Threading.Thread;
using StacklessIron.Objects;
using StacklessIron.Modules;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>
/// The round-robin scheduler of one thread. The run queue is a ring of tasklets; its head is the
/// current tasklet whenever that one is runnable. A switch saves the current chain (ts.Frame and
/// friends) into its tasklet, loads the next one, and returns Interpreter.Unwind so that the VM
/// loop continues with the new chain. The scheduler knows channels only as "block this tasklet,
/// wake that one".
/// A tasklet that switches while native code that called back into Python is on its .NET stack
/// cannot leave that stack behind: it is switched "hard" (its OS thread parks, see Runner) and
/// another runner's loop goes on with the soft tasklets; exactly one runner holds the baton.
/// </summary>
public sealed class Scheduler
{
    readonly ThreadState _ts;
    public readonly PyTasklet Main;
    /// <summary>The running tasklet. Each tasklet has its own trace and profile functions
    /// (Stackless): a change of tasklet keeps the old one's and installs the new one's.</summary>
    public PyTasklet Current
    {
        get => _current;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            var old = _current;
            if (old != value && (_ts.Trace != null || value.Trace != null)) SwapTrace(old, value);
            _current = value;
        }
    }
    PyTasklet _current = null!;

    void SwapTrace(PyTasklet? old, PyTasklet next)
    {
        if (old != null) old.Trace = _ts.Trace;
        var st = next.Trace;
        next.Trace = null;
        Interpreter.SwapTraceState(_ts, st);
        if (st == null) return;
        Interpreter.StartTracingChain(next.Frame ?? _ts.Frame);
        // a tasklet's function that starts now is a call ('call' at its first line)
        if (!next.Started && next.Frame != null) Interpreter.TraceResume(_ts, next.Frame);
    }
    /// <summary>The run queue, a ring whose front is the current tasklet while it is runnable.</summary>
    internal readonly TaskletQueue RunQueue = new();
    /// <summary>Tasklets in the run queue (the main tasklet counts while it is in it).</summary>
    public int Count => RunQueue.Count;
    public PyObject? ScheduleCallback, ChannelCallback, ErrorHandler;
    public int SwitchTrapLevel;
    /// <summary>enable_softswitch(): when false every switch is hard.</summary>
    public bool SoftSwitchEnabled = true;
    /// <summary>Cooperative I/O (Reactor.cs): tasklets waiting for descriptors or timers. When
    /// the run queue empties the scheduler waits there instead of declaring a deadlock.</summary>
    internal Reactor? Reactor;
    bool IoPending => Reactor != null && Reactor.HasLiveWaiters();
    /// <summary>builtins.TaskletExit of this engine (set when the module is imported).</summary>
    public PyType? TaskletExit;
    /// <summary>Tasklets waiting in run() ("watchdogs", innermost last): each left the queue and
    /// comes back when the queue empties or an exception escapes a tasklet; the one that set
    /// the timeout also when the watchdog interrupts a tasklet. Usually just main.</summary>
    readonly List<PyTasklet> _watchdogs = new();
    /// <summary>Index in _watchdogs of the run() call whose timeout is active (-1: none); only
    /// the first run() with a timeout has one, later ones run without.</summary>
    int _timeoutOwner = -1;
    /// <summary>The watchdog stack as Stackless shows it (get_thread_info(id, 1 << 31)[3]):
    /// made by the first run(); item 0 is the run() tasklet whose timeout is active (None if
    /// none), then the tasklets waiting in run(), innermost last. Kept in step with _watchdogs.</summary>
    internal PyList? WatchdogList;
    bool _mainInRun => _watchdogs.Count > 0;
    long _timeout;
    bool _softTimeout, _totalTimeout, _timedOut;
    /// <summary>The watchdog fired while the tasklet was atomic: it interrupts when atomic ends.</summary>
    bool _preemptPending;
    /// <summary>run(ignore_nesting=True): a tasklet is interrupted even under a native call.</summary>
    bool _ignoreNesting;

    /// <summary>Stack of the worker threads (big enough for deep native nesting to end in
    /// RecursionError, not a crash).</summary>
    const int WorkerStackSize = 16 * 1024 * 1024;
    /// <summary>Idle workers kept for later hard switches; a surplus one ends.</summary>
    const int MaxIdleWorkers = 2;
    readonly Runner _host;
    /// <summary>The runner holding the baton.</summary>
    Runner _running;
    readonly Stack<Runner> _idleWorkers = new();
    public int WorkersStarted, WorkersEnded;
    /// <summary>The id of the Python thread this scheduler belongs to (stable across runners).</summary>
    public readonly long ThreadId;
    /// <summary>Main's bottom frame while it is cut loose to run on a worker (PlaceMainAnchor).</summary>
    Frame? _anchor, _anchorBack;
    int _anchorDepth;
    /// <summary>Main's cut anchor ended on a worker: the host's base loop must return this.</summary>
    bool _mainEnded;
    PyObject? _mainResult;
    PyBaseException? _mainExc;
    Queue<PyTasklet>? _exitKills;
    Frame? _endedAnchor;
    /// <summary>Tasklets parked by hard switches, and every runner ever started (for main's end).</summary>
    int _hardParked;
    long _parkSeq;
    readonly List<Runner> _allRunners = new();

    Scheduler(ThreadState ts)
    {
        _ts = ts;
        ThreadId = ts.Ident;
        _host = new Runner(true, ts.NestingLevel);
        _running = _host;
        _allRunners.Add(_host);
        Main = new PyTasklet(PyTasklet.TypeObject) { Started = true, Owner = this, NestingBase = ts.NestingLevel };
        Current = Main;
        Insert(Main);
        // builtins.TaskletExit, put there by the first import of stackless (in any thread)
        TaskletExit = ts.Engine.BuiltinsDict.GetStr("TaskletExit") as PyType;
        ts.ChainEnded = OnChainEnded;
        ts.ThreadEnding = ThreadBlock.OnThreadEnded;
    }

    public static Scheduler Of(ThreadState ts) => ts.Scheduler as Scheduler ?? Create(ts);

    // ---------------- threads (ThreadBlock) ----------------

    /// <summary>The Python thread this scheduler belongs to.</summary>
    public ThreadState OwnerThread => _ts;
    /// <summary>Where this thread waits when nothing of it can run but another thread can.</summary>
    internal readonly ThreadBlock Block = new();
    /// <summary>run(threadblock=True): a tasklet that blocks with nothing else runnable blocks the
    /// thread (when another thread can wake it) instead of ending run().</summary>
    public bool RunThreadBlock;

    /// <summary>Nothing of this thread can run and main is blocked: while another thread can
    /// wake one of its tasklets, this thread waits for that; null when none can.</summary>
    PyTasklet? WaitForOtherThread()
    {
        while (RunQueue.Front == null)
        {
            if (!ThreadBlock.OtherThreadRunnable(_ts)) return null;
            Block.Wait(_ts);
        }
        return RunQueue.Front;
    }

    /// <summary>Nothing of this thread can run, `cur` is blocked on a channel, another thread can
    /// run: this thread waits until a tasklet of it becomes runnable, then switches to it (to
    /// `cur` itself when another thread's channel action woke it).</summary>
    PyObject BlockThread(PyTasklet cur, bool direct)
    {
        while (RunQueue.Front == null)
        {
            Block.Wait(_ts);
            if (RunQueue.Front == null && !ThreadBlock.OtherThreadRunnable(_ts))
            {
                cur.BlockedOn?.Unlink(cur);
                cur.TempVal = PyNone.Value;
                Insert(cur);
                throw PyExc.RuntimeError("Deadlock: the last runnable tasklet cannot be blocked.");
            }
        }
        return SwitchTo(RunQueue.Front!, direct);
    }

    static Scheduler Create(ThreadState ts) => (Scheduler)(ts.Scheduler = new Scheduler(ts));

    // ---------------- the run queue ----------------

    // Insert, CheckCanSwitch and CanSwitchSoftly are on every channel switch: inlined into the
    // switching path (compiled optimised at once) instead of called as ReadyToRun code that
    // tiers up only after the first few hundred thousand switches; their errors are thrown
    // by helpers so that the inlined part stays small.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Insert(PyTasklet t)
    {
        if (t.InRunQueue) return;
        if (t.BlockedOn != null) ThrowBlocked();
        if (t.Owner != this) t.Owner = this;
        RunQueue.PushBack(t);
        t.InRunQueue = true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ThrowBlocked() => throw PyExc.RuntimeError("You cannot run a blocked tasklet");

    /// <summary>Puts `t` right after `anchor` in the ring (at the back if `anchor` is not in it).</summary>
    void InsertAfter(PyTasklet anchor, PyTasklet t)
    {
        int i = anchor.InRunQueue ? RunQueue.IndexOf(anchor) : -1;
        if (i < 0) { Insert(t); return; }
        if (t.Owner != this) t.Owner = this;
        RunQueue.InsertAt(i + 1, t);
        t.InRunQueue = true;
    }

    /// <summary>Puts `t` right before `anchor` in the ring; before the front is the back.</summary>
    void InsertBefore(PyTasklet anchor, PyTasklet t)
    {
        int i = anchor.InRunQueue ? RunQueue.IndexOf(anchor) : -1;
        if (i <= 0) { Insert(t); return; }
        if (t.Owner != this) t.Owner = this;
        RunQueue.InsertAt(i, t);
        t.InRunQueue = true;
    }

    public void Remove(PyTasklet t)
    {
        if (!t.InRunQueue) return;
        RunQueue.Remove(t);
        t.InRunQueue = false;
    }

    /// <summary>Turns the ring so that `t` (inserted if needed) is in front.</summary>
    void MakeHead(PyTasklet t)
    {
        if (!t.InRunQueue) Insert(t);
        if (RunQueue.Front != t) RunQueue.RotateToFront(RunQueue.IndexOf(t));
    }

    /// <summary>For another thread's run() (ThreadBlock.RunNextOnItsThread).</summary>
    internal void PlaceFirst(PyTasklet t) => MakeHead(t);
    internal void PlaceAfterCurrent(PyTasklet t) { if (!t.InRunQueue) InsertAfter(Current, t); }

    /// <summary>The ring turns past the current tasklet (if it is in it): the one after it is
    /// in front; with an empty ring, main (or the innermost run()) wakes.</summary>
    PyTasklet AdvancePast(PyTasklet cur)
    {
        if (cur.InRunQueue)
        {
            if (RunQueue.Front == cur) RunQueue.RotateFrontToBack();
            else RunQueue.RotateToFront((RunQueue.IndexOf(cur) + 1) % RunQueue.Count);
            return RunQueue.Front!;
        }
        return RunQueue.Front ?? WakeMain(PyNone.Value);
    }

    // ---------------- switching ----------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void CheckCanSwitch(bool direct)
    {
        if (SwitchTrapLevel != 0) ThrowSwitchTrap();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ThrowSwitchTrap() => throw PyExc.RuntimeError("switch_trap");

    /// <summary>Whether `cur` can leave by a soft switch: the loop that called the switching
    /// native is its base loop (no native frame of its own below the call), so that loop can go
    /// on with another chain. Otherwise its .NET stack must be kept: a hard switch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    bool CanSwitchSoftly(PyTasklet cur, bool direct)
    {
        if (!direct || !SoftSwitchEnabled) return false;
        if (_ts.NestingLevel == cur.NestingBase) return true;
        return CanSwitchSoftlyBelowBase(cur);
    }

    bool CanSwitchSoftlyBelowBase(PyTasklet cur)
    {
        int level = _ts.NestingLevel;
        if (cur == Main && _running == _host && level < cur.NestingBase)
        {
            // the loop main used as its base has returned: the current one takes its place
            cur.NestingBase = level;
            _host.BaseLevel = level;
            return true;
        }
        return false;
    }

    /// <summary>Makes `next` the running tasklet. The caller has put the current one where it
    /// belongs (queue, channel, nowhere) and set its TempVal (what its call returns on resume).
    /// Returns Interpreter.Unwind after a soft switch; after a hard one it returns only when
    /// the current tasklet is resumed, with its value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    PyObject SwitchTo(PyTasklet next, bool direct)
    {
        var cur = Current;
        if (next == cur) return TakeValue(cur);
        if (CanSwitchSoftly(cur, direct))
        {
            Save(cur, true);
            Callback(cur, next);
            Continue(next);
            return Interpreter.Unwind;
        }
        ParkHard(cur, next);
        return TakeValue(cur);
    }

    /// <summary>SwitchTo for a `next` that resumes right now with `value` as the result of
    /// its pending call (a channel rendezvous that runs the receiver): the value goes straight
    /// onto its stack, not through its TempVal (two stores, each with a GC write barrier, less).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    PyObject SwitchToWithValue(PyTasklet next, PyObject value, bool direct)
    {
        var cur = Current;
        if (next != cur && next.HardOn == null && !_mainEnded && next.Started && next.ResumeWithValue
            && value is not PyBomb && CanSwitchSoftly(cur, direct))
        {
            Save(cur, true);
            Callback(cur, next);
            next.ResumeWithValue = false;   // Load leaves the stack to us
            Load(next);
            var frame = _ts.Frame!;
            // the result of the call it switched out in (Slots is exactly a PyObject[]: no covariance check)
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(frame.Slots), frame.Sp++) = value;
            return Interpreter.Unwind;
        }
        next.TempVal = value;
        return SwitchTo(next, direct);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void Save(PyTasklet cur, bool withValue)
    {
        cur.Frame = _ts.Frame;
        cur.RecursionDepth = _ts.RecursionDepth;
        // stores of references cost a GC write barrier: skip the usual null-over-null one
        var h = _ts.HandledException;
        if (cur.HandledException != h) cur.HandledException = h;
        cur.ResumeWithValue = withValue;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void Callback(PyTasklet? prev, PyTasklet next)
    {
        if (ScheduleCallback != null) CallScheduleCallback(prev, next);
    }

    void CallScheduleCallback(PyTasklet? prev, PyTasklet next)
    {
        var cb = ScheduleCallback!;
        var saved = _ts.Frame;
        try { Ops.Call(_ts, cb, (PyObject?)prev ?? PyNone.Value, next); }
        catch (PyException e) { StacklessModule.WriteUnraisable(_ts, e, "Error in scheduling callback"); }
        finally { _ts.Frame = saved; }
    }

    // ---------------- runners: where chains run (hard switching) ----------------

    /// <summary>The base loop of the running runner is free (its tasklet was saved or ended):
    /// `next` runs in it if it is soft; if `next` is parked on another runner, this one hands
    /// over the baton and waits idle (or ends, for a surplus worker). Afterwards ts.Frame is
    /// the chain this loop goes on with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Continue(PyTasklet next)
    {
        if (_mainEnded) { MainEndStep(); return; }
        if (next.HardOn == null) { Load(next); return; }
        Current = next;
        LeaveBaseLoop(next.HardOn);
    }

    /// <summary>The running runner, at its base level with no tasklet, is to give the baton to
    /// `target` and wait idle. It does so in a fresh frame that calls the idle native (Idle)
    /// from its loop: the loop first stores the state of the frame that made the switching
    /// call, which another runner may resume meanwhile. ts.Frame is that idle frame.</summary>
    void LeaveBaseLoop(Runner target)
    {
        var me = _running;
        me.IdleTarget = target;
        _ts.Frame = Interpreter.MakeFrame(_ts, (PyFunction)StacklessModule.IdleFrame!, new[] { StacklessModule.IdleNative! }, null);
        _ts.RecursionDepth = 1;
        _ts.HandledException = null;
    }

    /// <summary>The idle native (see LeaveBaseLoop): hands over the baton and waits until told
    /// to load a tasklet (or to finish main); a surplus worker ends instead.</summary>
    internal PyObject Idle()
    {
        var me = _running;
        var target = me.IdleTarget!;
        me.IdleTarget = null;
        if (!me.IsHost && _idleWorkers.Count >= MaxIdleWorkers)
        {
            // enough idle workers: this one ends; its thread passes the baton on as it exits
            me.HandOffAtExit = target;
            var bf = me.BaseFrame!;
            bf.Slots[bf.Sp++] = PyNone.Value;
            _ts.Frame = bf;
            _ts.RecursionDepth = 1;
            return Interpreter.Unwind;
        }
        me.Idle = true;
        me.SavedNesting = _ts.NestingLevel;
        if (!me.IsHost) _idleWorkers.Push(me);
        target.Give();
        me.Wake.Wait();
        _running = me;
        _ts.NestingLevel = me.SavedNesting;
        if (me.FinishMain) { me.FinishMain = false; FinishMainOnHost(); return Interpreter.Unwind; }
        var t = me.ToLoad!;
        me.ToLoad = null;
        LoadOrEndMain(t);
        return Interpreter.Unwind;
    }

    /// <summary>Loads `t` into this runner's base loop; while main is ending, a switch to main
    /// (made by a tasklet killed for main's end) goes on with main's end instead.</summary>
    void LoadOrEndMain(PyTasklet t)
    {
        if (_mainEnded && t == Main) MainEndStep();
        else Load(t);
    }

    /// <summary>Hard switch: `cur` keeps its .NET stack on this runner, which waits until
    /// `cur` is resumed; `next` runs on its own runner or in an idle (or new) base loop.</summary>
    void ParkHard(PyTasklet cur, PyTasklet next)
    {
        var me = _running;
        Save(cur, true);
        if (!SoftSwitchEnabled) cur.SwitchedInHardMode = true;
        cur.HardOn = me;
        cur.ParkSeq = ++_parkSeq;
        me.Parked = cur;
        me.SavedNesting = _ts.NestingLevel;
        Callback(cur, next);
        Current = next;
        _hardParked++;
        StartElsewhere(next);
        me.Wake.Wait();
        _hardParked--;
        // resumed: whoever woke us made `cur` current
        _running = me;
        _ts.NestingLevel = me.SavedNesting;
        if (me.Abandon)
        {
            // given up while main ends (see MainEndStep): this stack unwinds, with no Python
            // handler running, down to the host's base loop, which finishes main. The tasklet
            // keeps its frames and HardOn: it reports its C state, as in Stackless.
            me.Abandon = false;
            me.Parked = null;
            throw new AbandonedStackException(me.BaseLevel, _ => FinishMainOnHost());
        }
        if (cur.IsWatchdog) LeaveRun(cur);
        _ts.Frame = cur.Frame;
        cur.Frame = null;
        cur.HardOn = null;
        me.Parked = null;
        _ts.RecursionDepth = cur.RecursionDepth;
        _ts.HandledException = cur.HandledException;
        cur.HandledException = null;
        if (!_totalTimeout) _ts.Ticks = _timeout;
    }

    /// <summary>Passes the baton so that `next` runs (the caller then waits or ends).</summary>
    void StartElsewhere(PyTasklet next)
    {
        if (next.HardOn != null) { next.HardOn.Give(); return; }
        Runner? r = null;
        if (next == Main && _host.Idle) r = _host;
        else if (_idleWorkers.Count > 0) r = _idleWorkers.Pop();
        else if (_host.Idle) r = _host;
        if (r != null)
        {
            r.Idle = false;
            r.ToLoad = next;
            r.Give();
            return;
        }
        var w = new Runner(false, 0) { ToLoad = next };
        _allRunners.Add(w);
        var th = new Thread(() => WorkerMain(w), WorkerStackSize) { IsBackground = true, Name = "stackless worker" };
        WorkersStarted++;
        th.Start();
    }

    /// <summary>A worker's thread: a VM loop whose bottom frame calls the worker-start native
    /// (WorkerStarted), which loads the first tasklet. The loop runs soft chains until the
    /// bottom frame is resumed to end it.</summary>
    void WorkerMain(Runner me)
    {
        _running = me;
        _ts.NestingLevel = 0;
        _ts.Frame = null;
        _ts.RecursionDepth = 0;
        try
        {
            me.BaseFrame = Interpreter.MakeFrame(_ts, (PyFunction)StacklessModule.WorkerBase!, new[] { StacklessModule.WorkerStart! }, null);
            Interpreter.RunFrame(_ts, me.BaseFrame);
        }
        catch (Exception e)
        {
            try { _ts.Engine.Stderr.Write($"Fatal error in a stackless worker thread: {e.Message}\n"); } catch (Exception) { }
        }
        var to = me.HandOffAtExit;
        me.HandOffAtExit = null;
        WorkersEnded++;
        _allRunners.Remove(me);
        to?.Give();
    }

    /// <summary>The worker-start native, called by a new worker's bottom frame from its loop.</summary>
    internal PyObject WorkerStarted()
    {
        var me = _running;
        me.BaseLevel = _ts.NestingLevel;
        var t = me.ToLoad!;
        me.ToLoad = null;
        LoadOrEndMain(t);
        return Interpreter.Unwind;
    }

    /// <summary>Main's bottom frame in the host's base loop (its "anchor") is an entry frame:
    /// when it returns, that loop returns. Main may have to run in a worker's loop (the host's
    /// is buried under a hard-switched tasklet); there the anchor must end like a tasklet's
    /// chain, so it is cut loose (not an entry, no Back) and tied back on the host. It is also
    /// cut on the host when the program's bottom frame ends while hard-switched tasklets are
    /// parked: those are killed first, as Stackless kills tasklets with stacks at exit.</summary>
    void PlaceMainAnchor()
    {
        bool cut = _running != _host;
        if (!cut && _hardParked > 0 && _anchor == null)
        {
            var f = Main.Frame;
            while (f != null && !f.IsEntry) f = f.Back;
            cut = f != null && f.Back == null;
        }
        if (!cut)
        {
            if (_anchor == null) return;
            _anchor.IsEntry = true;
            _anchor.Back = _anchorBack;
            _anchor = null; _anchorBack = null;
            return;
        }
        if (_anchor != null) return;
        int n = 0;
        for (var f = Main.Frame; f != null; f = f.Back)
        {
            n++;
            if (!f.IsEntry) continue;
            _anchor = f;
            _anchorBack = f.Back;
            _anchorDepth = Main.RecursionDepth - n;
            f.IsEntry = false;
            f.Back = null;
            return;
        }
    }

    /// <summary>Main's cut anchor returned (or raised): the host's base loop must return that
    /// result. If the anchor was the program's bottom frame, the hard-switched tasklets are
    /// killed first; a tasklet that buries the host's base loop is killed in any case.</summary>
    void MainEndedAway(PyObject? result, PyBaseException? exc)
    {
        _mainEnded = true;
        _mainResult = result;
        _mainExc = exc;
        _endedAnchor = _anchor;
        _anchor = null;
        _exitKills = new Queue<PyTasklet>();
        if (_anchorBack == null)
        {
            // oldest parked stack first, as Stackless walks its chain of saved stacks
            var parked = new List<PyTasklet>();
            foreach (var r in _allRunners)
                if (r.Parked != null) parked.Add(r.Parked);
            parked.Sort((a, b) => a.ParkSeq.CompareTo(b.ParkSeq));
            foreach (var t in parked) _exitKills.Enqueue(t);
        }
        MainEndStep();
    }

    /// <summary>One step of ending main: kill the next hard-switched tasklet (it runs its
    /// finally blocks, then this is called again), or make the host's base loop return.</summary>
    void MainEndStep()
    {
        while (_exitKills != null && _exitKills.Count > 0)
        {
            var t = _exitKills.Dequeue();
            if (t.HardOn != null && !t.Dead) { KillForMainEnd(t); return; }
        }
        if (_running == _host) { FinishMainOnHost(); return; }
        if (_host.Parked is PyTasklet p)
        {
            if (!p.ExitKilled) { KillForMainEnd(p); return; }
            // it survived its kill (caught TaskletExit and switched again): Stackless leaves
            // such a tasklet with its C state; here the host's stack under it must unwind so
            // that the host's base loop can return
            _host.Abandon = true;
            Current = Main;
            LeaveBaseLoop(_host);
            return;
        }
        _host.FinishMain = true;
        _host.Idle = false;
        Current = Main;
        LeaveBaseLoop(_host);
    }

    void KillForMainEnd(PyTasklet t)
    {
        t.ExitKilled = true;
        t.TempVal = new PyBomb(PyExc.New(TaskletExit!).Value);
        if (t.BlockedOn != null) t.BlockedOn.Unlink(t);
        MakeHead(t);
        Current = t;
        LeaveBaseLoop(t.HardOn!);
    }

    /// <summary>On the host, at its base level: its base loop returns what main's anchor
    /// gave: a value through a one-line frame standing in for the anchor; an exception by
    /// raising it once more in the anchor, tied back (so the traceback is the same).</summary>
    void FinishMainOnHost()
    {
        _mainEnded = false;
        _exitKills = null;
        var anchor = _endedAnchor!;
        _endedAnchor = null;
        Frame f;
        if (_mainExc != null)
        {
            var exc = _mainExc;
            if (exc.Traceback != null && exc.Traceback.Frame == anchor) exc.Traceback = exc.Traceback.Next;
            f = anchor;
            _ts.UnwindException = exc;
        }
        else f = Interpreter.MakeFrame(_ts, (PyFunction)StacklessModule.MainReturn!, new[] { _mainResult ?? PyNone.Value }, null);
        f.IsEntry = true;
        f.Back = _anchorBack;
        _anchorBack = null;
        _mainResult = null; _mainExc = null;
        _ts.Frame = f;
        _ts.RecursionDepth = _anchorDepth + 1;
        _ts.HandledException = null;
        Current = Main;
        Main.Frame = null;
        MakeHead(Main);
    }

    /// <summary>Loads soft `next`'s chain into the running runner's base loop (ts.Frame, and
    /// the value or exception its pending call gets).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Load(PyTasklet next)
    {
        Current = next;
        if (next.IsWatchdog) LeaveRun(next);
        var ts = _ts;
        if (next == Main) PlaceMainAnchor();
        var frame = next.Frame!;
        next.Frame = null;
        next.NestingBase = ts.NestingLevel;
        ts.Frame = frame;
        if (!next.Started)
        {
            next.Started = true;
            ts.RecursionDepth = 1;
            ts.HandledException = null;
            if (next.TempVal is PyBomb b0)
            {
                // thrown at before it ran: raised at its first instruction (no handler is active there)
                next.TempVal = PyNone.Value;
                if (frame.Lasti < 0) frame.Lasti = 0;
                ts.UnwindException = b0.Exception;
            }
        }
        else
        {
            ts.RecursionDepth = next.RecursionDepth;
            var h = next.HandledException;
            if (ts.HandledException != h) ts.HandledException = h;
            if (h != null) next.HandledException = null;
            var v = next.TempVal;
            if (v is PyBomb b) { next.TempVal = PyNone.Value; ts.UnwindException = b.Exception; }
            else if (next.ResumeWithValue)
            {
                if (v != PyNone.Value) next.TempVal = PyNone.Value;
                // the result of the call it switched out in (Slots is exactly a PyObject[]: no covariance check)
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(frame.Slots), frame.Sp++) = v;
            }
        }
        if (!_totalTimeout) ts.Ticks = _timeout;
    }

    static PyObject TakeValue(PyTasklet t)
    {
        var v = t.TempVal;
        t.TempVal = PyNone.Value;
        if (v is PyBomb b) throw new PyException(b.Exception ?? PyExc.New(ExceptionTypes.TypeError).Value);
        return v;
    }

    /// <summary>The run queue is empty (or an exception escaped a tasklet): the innermost run()
    /// returns; without one the main tasklet runs again (blocked on a channel, it gets the
    /// deadlock error).</summary>
    PyTasklet WakeMain(PyObject value, bool lastEnded = false)
    {
        if (value is not PyBomb && Reactor != null && Reactor.RunUntilRunnable()) return RunQueue.Front!;
        if (_watchdogs.Count > 0) return WakeWatchdog(_watchdogs.Count - 1, value);
        var m = Main;
        if (m.BlockedOn != null && value is not PyBomb && WaitForOtherThread() is PyTasklet woken) return woken;
        if (m.BlockedOn != null)
        {
            // main blocked while others could still run, and the last of them ended (Stackless's
            // words for that case), or it is the last one and cannot block
            string msg = !lastEnded ? "Deadlock: the last runnable tasklet cannot be blocked."
                : m.BlockDir < 0 ? "the main tasklet is receiving without a sender available."
                : "the main tasklet is sending without a receiver available.";
            m.BlockedOn.Unlink(m);
            if (value is not PyBomb) value = new PyBomb(PyExc.RuntimeError(msg).Value);
        }
        // a main that left the queue (schedule_remove, switch) is revived with what its own
        // call set to return; only an error replaces that (Stackless: "passing a value only if
        // it is an exception")
        if (value is PyBomb) m.TempVal = value;
        MakeHead(m);
        return m;
    }

    /// <summary>The watchdog interrupted a tasklet: the run() call that set the timeout returns.</summary>
    /// The run() calls nested inside it end too: their tasklets become runnable again.
    PyTasklet WakeTimeoutOwner(PyObject value)
    {
        int owner = _timeoutOwner >= 0 ? _timeoutOwner : _watchdogs.Count - 1;
        while (_watchdogs.Count - 1 > owner)
        {
            var w = _watchdogs[owner + 1];
            LeaveRun(owner + 1);
            w.TempVal = PyNone.Value;
            Insert(w);
        }
        return WakeWatchdog(owner, value);
    }

    PyTasklet WakeWatchdog(int i, PyObject value)
    {
        var w = _watchdogs[i];
        LeaveRun(i);
        w.TempVal = value;
        MakeHead(w);
        return w;
    }

    /// <summary>The run() call at `i` returns (its tasklet is resumed by whatever means).</summary>
    void LeaveRun(int i)
    {
        var w = _watchdogs[i];
        w.IsWatchdog = false;
        _watchdogs.RemoveAt(i);
        if (WatchdogList is { } wl && wl.Count > i + 1)
        {
            Array.Copy(wl.Items, i + 2, wl.Items, i + 1, wl.Count - i - 2);
            wl.Items[--wl.Count] = null!;
            if (i == _timeoutOwner) wl.Items[0] = PyNone.Value;
        }
        if (i == _timeoutOwner) EndRun();
        else if (i < _timeoutOwner) _timeoutOwner--;
    }

    /// <summary>A tasklet waiting in run() resumes by other means (run(), switch(), throw,
    /// a hard resume): its run() call ends, and so do the run() calls nested deeper, whose
    /// tasklets become runnable unless they were scheduled meanwhile (as in Stackless).</summary>
    void LeaveRun(PyTasklet t)
    {
        for (int i = _watchdogs.Count - 1; i >= 0; i--)
            if (_watchdogs[i] == t)
            {
                while (_watchdogs.Count - 1 > i)
                {
                    var deeper = _watchdogs[^1];
                    LeaveRun(_watchdogs.Count - 1);
                    if (!deeper.InRunQueue && deeper.BlockedOn == null && deeper != Current) Insert(deeper);
                }
                LeaveRun(i);
                return;
            }
    }

    void EndRun()
    {
        _timeoutOwner = -1;
        _ts.PreemptHook = null;
        _timeout = 0; _timedOut = false; _preemptPending = false;
    }

    /// <summary>VM hook: the bottom frame of the current tasklet returned or raised out.</summary>
    void OnChainEnded(ThreadState ts, PyObject? result, PyBaseException? exc)
    {
        var cur = Current;
        if (cur == Main) { MainEndedAway(result, exc); return; }
        cur.Frame = null;
        cur.SwitchedInHardMode = false;
        cur.TempVal = PyNone.Value;
        cur.RecursionDepth = 0;
        // (the exit's atexit callbacks see the ending tasklet still counted, as in 3.7.5)
        PyBaseException? killMain = null;
        bool stuckInExit = false;
        if (cur.ExitStatus != null)
        {
            // a tasklet stuck in its exit ran again: the program ends now (main's handlers
            // do not run), whatever main waits in
            killMain = PyExc.New(ExceptionTypes.SystemExit, cur.ExitStatus).Value;
            cur.ExitStatus = null;
            exc = null;
        }
        else if (exc != null && exc.Type.IsSubtypeOf(ExceptionTypes.SystemExit) && !exc.Type.IsSubtypeOf(TaskletExit!))
        {
            killMain = SystemExitInTasklet(exc);
            exc = null;
            stuckInExit = cur.ExitStatus != null;
        }
        if (stuckInExit)
        {
            // it stays in the queue (3.7.5: scheduled, not alive) as a fresh chain that ends
            // the program when it runs: a main that catches the TaskletExit and runs the
            // scheduler again (or this tasklet) ends then, and the others do not run first
            cur.Frame = Interpreter.MakeFrame(ts, (PyFunction)StacklessModule.ExitNow!, new[] { cur.ExitStatus! }, null);
            cur.Started = false;
            cur.SetUp = true;
        }
        else Remove(cur);
        ts.HandledException = null;
        ts.RecursionDepth = 0;
        if (exc != null && ErrorHandler != null && !exc.Type.IsSubtypeOf(TaskletExit!)) exc = CallErrorHandler(exc);
        PyTasklet next;
        if (killMain != null)
        {
            next = WakeMain(new PyBomb(killMain));
            if (next == Main && !killMain.Type.IsSubtypeOf(TaskletExit!)) AbandonMainChain();
        }
        else if (exc != null && !exc.Type.IsSubtypeOf(TaskletExit!))
            next = WakeMain(new PyBomb(exc));   // an escaping exception is raised in the main tasklet
        else if (_timedOut && _timeoutOwner >= 0)
            next = WakeTimeoutOwner(PyNone.Value);      // run(timeout, soft=True) expired: a switch point
        else
            next = RunQueue.Front ?? WakeMain(PyNone.Value, lastEnded: true);
        Callback(cur, next);    // the ending tasklet still counts as alive there, as in Stackless
        if (!stuckInExit) cur.Dead = true;
        Continue(next);
    }

    /// <summary>SystemExit out of a tasklet other than main is no error for Stackless: on the
    /// process's first thread it ends the program as sys.exit does (a message code is printed
    /// first), which kills a main waiting in run(): main gets TaskletExit there, and the
    /// program ends as main ends (a TaskletExit that escapes main is reported, status 1, as
    /// 3.7.5 does); the ending tasklet then stays in the queue stuck in its exit (ExitStatus),
    /// which ends the program when it runs again. On other threads the tasklet just ends. The
    /// error handler is not called.</summary>
    PyBaseException? SystemExitInTasklet(PyBaseException exc)
    {
        if (_ts != _ts.Engine.MainThread) return null;
        var code = exc.DictIfAny?.GetStr("code") ?? PyNone.Value;
        bool message = code != PyNone.Value && code is not PyInt;
        // (what was printed before comes first, as for main's sys.exit)
        if (message) { _ts.Engine.FlushStreams(); _ts.Engine.WriteExitMessage(_ts, code); }
        // 3.7.5 finalizes here, in the ending tasklet, before main is killed: threads are
        // joined and the atexit callbacks run (each once: the list is emptied)
        ThreadModule.WaitForShutdown(_ts);
        AtexitModule.RunExitFuncs(_ts);
        _ts.Frame = null;
        // a main waiting in run() is killed; one waiting elsewhere (a channel, schedule(), a
        // switch) never runs again there: the process ends with the code. Here main gets that
        // exit as a SystemExit (an embedding host's process is not ended under it)
        var status = message ? PyInt.From(1) : code;
        if (_watchdogs.Contains(Main))
        {
            Current.ExitStatus = status;
            return PyExc.New(TaskletExit!).Value;
        }
        return PyExc.New(ExceptionTypes.SystemExit, status).Value;
    }

    /// <summary>A tasklet's sys.exit while main waits elsewhere than in run(): 3.7.5 ends the
    /// process there, so main's except and finally blocks never run. Here main's frames are
    /// dropped for one stand-in frame that raises the SystemExit straight out of main's bottom:
    /// the host's run of main gets it as if main had called sys.exit, with none of main's
    /// handlers run (a host embedding the engine is not ended under it). A main with a native
    /// call on its stack (hard-switched) unwinds as before, running its handlers.</summary>
    void AbandonMainChain()
    {
        var m = Main;
        if (m.HardOn != null || m.Frame == null) return;
        int n = 1;
        var bottom = m.Frame;
        while (!bottom.IsEntry && bottom.Back != null) { bottom = bottom.Back; n++; }
        var standIn = Interpreter.MakeFrame(_ts, (PyFunction)StacklessModule.MainReturn!, new PyObject[] { PyNone.Value }, null);
        standIn.Lasti = 0;
        standIn.IsEntry = bottom.IsEntry;
        standIn.Back = bottom.Back;
        if (_anchor == bottom) _anchor = standIn;
        m.Frame = standIn;
        m.RecursionDepth -= n - 1;
        m.HandledException = null;
    }

    /// <summary>set_error_handler(): handler(type, value, tb) gets an exception that escapes a
    /// tasklet, in that tasklet (still current). Returns null when it handled it, or the error
    /// the handler raised (which then goes to main, as the original would have).</summary>
    PyBaseException? CallErrorHandler(PyBaseException exc)
    {
        try
        {
            Ops.Call(_ts, ErrorHandler!, exc.Type, exc, (PyObject?)exc.Traceback ?? PyNone.Value);
            return null;
        }
        catch (PyException e) { return e.Value; }
        finally { _ts.Frame = null; }
    }

    // ---------------- operations ----------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PyObject Schedule(PyObject retval, bool remove, bool direct)
    {
        var cur = Current;
        if (_timedOut && _timeoutOwner >= 0 && !cur.IsWatchdog)
        {
            // run(timeout, soft=True): the interrupt happens at this voluntary switch; the
            // tasklet stays scheduled and run() returns None
            CheckCanSwitch(direct);
            cur.TempVal = retval;
            return SwitchTo(WakeTimeoutOwner(PyNone.Value), direct);
        }
        if (remove)
        {
            if (cur.InRunQueue && Count == 1 && !_mainInRun && cur == Main) return retval;
            // the last runnable tasklet cannot leave the queue while main is blocked
            if (Count - (cur.InRunQueue ? 1 : 0) == 0 && !_mainInRun && cur != Main && Main.BlockedOn != null && !IoPending)
                throw PyExc.RuntimeError("Deadlock: the last runnable tasklet cannot be blocked.");
            CheckCanSwitch(direct);
            cur.TempVal = retval;
            Remove(cur);
            return SwitchTo(RunQueue.Front ?? WakeMain(PyNone.Value), direct);
        }
        Reactor?.PollIfDue();
        if (Count <= 1 && cur.InRunQueue) return retval;
        CheckCanSwitch(direct);
        cur.TempVal = retval;
        return SwitchTo(AdvancePast(cur), direct);
    }

    public PyObject Run(long timeout, bool soft, bool total, bool ignoreNesting, bool direct)
    {
        var cur = Current;
        WatchdogList ??= new PyList(new PyObject[] { PyNone.Value });
        if (Count <= 1 && cur.InRunQueue && !IoPending) return PyNone.Value;
        CheckCanSwitch(direct);
        if (timeout > 0 && _timeoutOwner < 0)
        {
            // the first run() with a timeout sets it; nested ones run as if without
            _timeout = timeout;
            _softTimeout = soft; _totalTimeout = total; _timedOut = false; _ignoreNesting = ignoreNesting;
            _ts.PreemptHook = Preempt;
            _ts.Ticks = _timeout;
            _timeoutOwner = _watchdogs.Count;
            WatchdogList.Items[0] = cur;
        }
        Remove(cur);
        _watchdogs.Add(cur);
        WatchdogList.Append(cur);
        cur.IsWatchdog = true;
        cur.TempVal = PyNone.Value;
        var first = RunQueue.Front ?? (Reactor != null && Reactor.RunUntilRunnable() ? RunQueue.Front : null);
        if (first == null) { LeaveRun(_watchdogs.Count - 1); Insert(cur); return PyNone.Value; }
        return SwitchTo(first, direct);
    }

    /// <summary>VM hook at backward jumps once the tick budget of run(timeout) is spent.</summary>
    bool Preempt(ThreadState ts)
    {
        var cur = Current;
        if (_timeoutOwner < 0 || cur.IsWatchdog) { if (_timeoutOwner < 0) ts.PreemptHook = null; return false; }
        if (cur.Atomic) { _preemptPending = true; ts.Ticks = long.MaxValue; return false; }
        bool nested = ts.NestingLevel != cur.NestingBase;
        if (nested && !(_ignoreNesting || cur.IgnoreNesting) || SwitchTrapLevel != 0) { ts.Ticks = 1; return false; }
        if (_softTimeout) { _timedOut = true; ts.Ticks = long.MaxValue; return false; }
        Remove(cur);
        var m = WakeTimeoutOwner(cur);
        if (nested)
        {
            // interrupted under a native call: its thread parks here and goes on when resumed
            ParkHard(cur, m);
            var v = cur.TempVal;
            cur.TempVal = PyNone.Value;
            if (v is PyBomb b) throw new PyException(b.Exception ?? PyExc.New(ExceptionTypes.TypeError).Value);
            return false;
        }
        Save(cur, false);
        if (!SoftSwitchEnabled) cur.SwitchedInHardMode = true;
        Callback(cur, m);
        Continue(m);
        return true;
    }

    /// <summary>set_atomic(False) on the current tasklet: a watchdog interrupt that waited for
    /// the atomic section is taken right away, as the call returns (as in Stackless 3.7).
    /// `result` is what the call returns when the tasklet resumes. Null: no switch.</summary>
    public PyObject? AtomicCleared(PyTasklet t, PyObject result, bool direct)
    {
        if (!_preemptPending || _timeoutOwner < 0 || t != Current || t.IsWatchdog) return null;
        _preemptPending = false;
        bool nested = !direct || _ts.NestingLevel != t.NestingBase;
        if (nested && !(_ignoreNesting || t.IgnoreNesting) || SwitchTrapLevel != 0) { _ts.Ticks = 1; return null; }
        if (_softTimeout) { _timedOut = true; return null; }
        Remove(t);
        var m = WakeTimeoutOwner(t);
        t.TempVal = result;
        return SwitchTo(m, direct);
    }

    /// <summary>tasklet.run() (remove=false: the caller stays runnable) and tasklet.switch()
    /// (remove=true: the caller is paused).</summary>
    public PyObject RunTasklet(PyTasklet t, bool remove, bool direct)
    {
        if (t.Dead || (!t.Started && !t.SetUp && t != Main)) throw PyExc.RuntimeError("You cannot run an unbound(dead) tasklet");
        if (t.BlockedOn != null) throw PyExc.RuntimeError("You cannot run a blocked tasklet");
        var cur = Current;
        if (t == cur)
        {
            // a switch to itself hands back its tempval, as Stackless: a bomb there (another
            // thread's throw or kill) explodes now
            var v = cur.TempVal;
            cur.TempVal = PyNone.Value;
            if (v is PyBomb b) throw new PyException(b.Exception ?? PyExc.New(ExceptionTypes.TypeError).Value);
            return v;
        }
        CheckCanSwitch(direct);
        // the target goes in front of the caller, so that the caller runs right after it
        if (!t.InRunQueue) InsertBefore(cur, t);
        if (remove) Remove(cur);
        cur.TempVal = PyNone.Value;
        MakeHead(t);
        return SwitchTo(t, direct);
    }

    public PyObject Throw(PyTasklet t, PyBaseException exc, bool pending, bool direct)
    {
        var cur = Current;
        if (t == cur) throw new PyException(exc);
        if (t.Owner != null && t.Owner != this)
        {
            // another thread's tasklet: no switch to it from here. It gets the exception on its
            // thread, made runnable there (its current tasklet: at its next switch), and this
            // thread goes on, as Stackless's throw across threads
            t.BlockedOn?.Unlink(t);
            t.TempVal = new PyBomb(exc);
            if (t.Owner.Current != t && !t.InRunQueue) ThreadBlock.RunOnItsThread(t);
            else t.Owner.Block.Unblock();
            return PyNone.Value;
        }
        if (!pending) CheckCanSwitch(direct);
        if (t.BlockedOn != null) t.BlockedOn.Unlink(t);
        if (t.IsWatchdog) LeaveRun(t);
        t.TempVal = new PyBomb(exc);
        if (!t.InRunQueue) { if (pending) Insert(t); else InsertBefore(cur, t); }
        if (pending) return PyNone.Value;
        cur.TempVal = PyNone.Value;
        MakeHead(t);
        return SwitchTo(t, direct);
    }

    // Inlined into the send/receive invokers (their direction folds as a constant) and into
    // the rarer channel natives, which are ReadyToRun code.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyObject ChannelAction(PyChannel ch, int dir, PyObject value, bool direct)
    {
        var cur = Current;
        int balance = ch.Balance;
        if (ch.Closing && balance == 0) throw PyExc.ValueError("Send/receive operation on a closed channel");
        bool cando = dir > 0 ? balance < 0 : balance > 0;
        if (ChannelCallback != null) CallChannelCallback(ch, cur, dir, cando, value);
        if (cando)
        {
            bool switchNow = ch.ScheduleAll || ch.Preference == -dir;
            if (switchNow) CheckCanSwitch(direct);
            var target = ch.PopFront();
            PyObject received;
            if (target.Owner != this && target.Owner != null)
            {
                if (dir > 0) { received = PyNone.Value; target.TempVal = value; }
                else { received = target.TempVal; target.TempVal = PyNone.Value; }
                // a tasklet of another thread runs there; this one goes on
                ThreadBlock.RunOnItsThread(target);
                if (received is PyBomb rb) throw new PyException(rb.Exception ?? PyExc.New(ExceptionTypes.TypeError).Value);
                return received;
            }
            if (ch.ScheduleAll)
            {
                if (dir > 0) { received = PyNone.Value; target.TempVal = value; }
                else { received = target.TempVal; target.TempVal = PyNone.Value; }
                Insert(target);
                cur.TempVal = received;
                return SwitchTo(AdvancePast(cur), direct);
            }
            if (switchNow)
            {
                if (dir > 0) received = PyNone.Value;
                else { received = target.TempVal; target.TempVal = PyNone.Value; }
                if (cur.TempVal != received) cur.TempVal = received;
                if (cur.InRunQueue && RunQueue.Front == cur)
                {
                    // the target goes right after the current one and runs: the ring turns by one
                    if (target.Owner != this) target.Owner = this;
                    RunQueue.ReplaceFrontAndPushBack(target);
                    target.InRunQueue = true;
                }
                else { InsertAfter(cur, target); MakeHead(target); }
                return dir > 0 ? SwitchToWithValue(target, value, direct) : SwitchTo(target, direct);
            }
            if (dir > 0) { received = PyNone.Value; target.TempVal = value; }
            else { received = target.TempVal; target.TempVal = PyNone.Value; }
            Insert(target);
            if (cur.TempVal != PyNone.Value) cur.TempVal = PyNone.Value;
            if (received is PyBomb bomb) throw new PyException(bomb.Exception ?? PyExc.New(ExceptionTypes.TypeError).Value);
            return received;
        }
        if (cur.BlockTrap) throw PyExc.RuntimeError("this tasklet does not like to be blocked.");
        if (ch.Closing) throw PyExc.ValueError("Send/receive operation on a closed channel");
        int others = Count - (cur.InRunQueue ? 1 : 0);
        if (others == 0 && !IoPending && (!_mainInRun || RunThreadBlock) && ThreadBlock.OtherThreadRunnable(_ts))
        {
            // another thread may wake it: this thread blocks (see BlockThread)
            CheckCanSwitch(direct);
            Remove(cur);
            ch.Append(cur, dir);
            cur.TempVal = dir > 0 ? value : PyNone.Value;
            return BlockThread(cur, direct);
        }
        // the last runnable tasklet cannot block (unless main waits in run() or is paused, out
        // of every queue: then main is revived); raised in a tasklet, the error ends it and
        // reaches main like any escaping exception
        // (a tasklet waiting for I/O or a timer will wake: the scheduler then waits on the reactor)
        if (others == 0 && !_mainInRun && !IoPending && (cur == Main || Main.BlockedOn != null))
            throw PyExc.RuntimeError("Deadlock: the last runnable tasklet cannot be blocked.");
        CheckCanSwitch(direct);
        Remove(cur);
        ch.Append(cur, dir);
        if (dir > 0) cur.TempVal = value;
        else if (cur.TempVal != PyNone.Value) cur.TempVal = PyNone.Value;
        return SwitchTo(_timedOut && _timeoutOwner >= 0 ? WakeTimeoutOwner(PyNone.Value) : RunQueue.Front ?? WakeMain(PyNone.Value), direct);
    }

    void CallChannelCallback(PyChannel ch, PyTasklet cur, int dir, bool cando, PyObject value)
    {
        // the callback sees the value on its way in the acting tasklet's tempval, as in Stackless
        cur.TempVal = dir > 0 ? value : PyNone.Value;
        var saved = _ts.Frame;
        try { Ops.Call(_ts, ChannelCallback!, ch, cur, PyInt.From(dir > 0 ? 1 : 0), PyInt.From(cando ? 0 : 1)); }
        finally { _ts.Frame = saved; }
    }
}
