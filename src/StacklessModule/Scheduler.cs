#nullable enable
using System;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>
/// The round-robin scheduler of one thread. The run queue is a ring of tasklets; its head is the
/// current tasklet whenever that one is runnable. A switch saves the current chain (ts.Frame and
/// friends) into its tasklet, loads the next one, and returns Interpreter.Unwind so that the VM
/// loop continues with the new chain. The scheduler knows channels only as "block this tasklet,
/// wake that one".
/// </summary>
public sealed class Scheduler
{
    readonly ThreadState _ts;
    public readonly PyTasklet Main;
    public PyTasklet Current;
    PyTasklet? _head;
    /// <summary>Tasklets in the run queue (the main tasklet counts while it is in it).</summary>
    public int Count;
    public PyObject? ScheduleCallback, ChannelCallback;
    public int SwitchTrapLevel;
    /// <summary>builtins.TaskletExit of this engine (set when the module is imported).</summary>
    public PyType? TaskletExit;
    /// <summary>The main tasklet waits in run(): it left the queue and comes back when the queue
    /// empties, an exception escapes a tasklet, or the watchdog interrupts one.</summary>
    bool _mainInRun;
    long _timeout;
    bool _softTimeout, _totalTimeout, _timedOut;
    /// <summary>The watchdog fired while the tasklet was atomic: it interrupts when atomic ends.</summary>
    bool _preemptPending;

    Scheduler(ThreadState ts)
    {
        _ts = ts;
        Main = new PyTasklet(PyTasklet.TypeObject) { Started = true, Owner = this };
        Current = Main;
        Insert(Main);
        ts.ChainEnded = OnChainEnded;
    }

    public static Scheduler Of(ThreadState ts) => ts.Scheduler as Scheduler ?? (Scheduler)(ts.Scheduler = new Scheduler(ts));

    // ---------------- the run queue ----------------

    public void Insert(PyTasklet t)
    {
        if (t.InRunQueue) return;
        if (t.BlockedOn != null) throw PyExc.RuntimeError("You cannot run a blocked tasklet");
        t.Owner = this;
        if (_head == null) { _head = t; t.Next = t.Prev = t; }
        else { var tail = _head.Prev!; tail.Next = t; t.Prev = tail; t.Next = _head; _head.Prev = t; }
        t.InRunQueue = true;
        Count++;
    }

    void InsertAfter(PyTasklet anchor, PyTasklet t)
    {
        if (!anchor.InRunQueue) { Insert(t); return; }
        var n = anchor.Next!;
        anchor.Next = t; t.Prev = anchor; t.Next = n; n.Prev = t;
        t.InRunQueue = true;
        t.Owner = this;
        Count++;
    }

    public void Remove(PyTasklet t)
    {
        if (!t.InRunQueue) return;
        if (t.Next == t) _head = null;
        else
        {
            t.Prev!.Next = t.Next; t.Next!.Prev = t.Prev;
            if (_head == t) _head = t.Next;
        }
        t.Next = t.Prev = null;
        t.InRunQueue = false;
        Count--;
    }

    // ---------------- switching ----------------

    void CheckCanSwitch(bool direct)
    {
        if (SwitchTrapLevel != 0) throw PyExc.RuntimeError("switch_trap");
        if (!direct) throw PyExc.RuntimeError("cannot switch tasklets from here: native code is on the stack (hard switching is not supported yet)");
    }

    /// <summary>Makes `next` the running tasklet. The caller has put the current one where it
    /// belongs (queue, channel, nowhere) and set its TempVal (what its call returns on resume).</summary>
    PyObject SwitchTo(PyTasklet next)
    {
        var cur = Current;
        if (next == cur) return TakeValue(cur);
        if (next.Started && next.NestingBase != _ts.NestingLevel)
            throw PyExc.RuntimeError("cannot switch to a tasklet suspended under another native call (hard switching is not supported yet)");
        Save(cur, true);
        Callback(cur, next);
        Load(next);
        return Interpreter.Unwind;
    }

    void Save(PyTasklet cur, bool withValue)
    {
        cur.Frame = _ts.Frame;
        cur.RecursionDepth = _ts.RecursionDepth;
        cur.HandledException = _ts.HandledException;
        cur.NestingBase = _ts.NestingLevel;
        cur.ResumeWithValue = withValue;
    }

    void Callback(PyTasklet? prev, PyTasklet next)
    {
        var cb = ScheduleCallback;
        if (cb == null) return;
        var saved = _ts.Frame;
        try { Ops.Call(_ts, cb, (PyObject?)prev ?? PyNone.Value, next); }
        catch (PyException e) { StacklessModule.WriteUnraisable(_ts, e, "schedule callback"); }
        finally { _ts.Frame = saved; }
    }

    /// <summary>Loads `next`'s chain into the thread state (ts.Frame, and the value or exception
    /// its pending call gets).</summary>
    void Load(PyTasklet next)
    {
        Current = next;
        var ts = _ts;
        var frame = next.Frame!;
        next.Frame = null;
        next.NestingBase = ts.NestingLevel;
        ts.Frame = frame;
        if (!next.Started)
        {
            next.Started = true;
            ts.RecursionDepth = 1;
            ts.HandledException = null;
            if (next.TempVal is PyBomb b0) { next.TempVal = PyNone.Value; ts.UnwindException = b0.Exception; }
        }
        else
        {
            ts.RecursionDepth = next.RecursionDepth;
            ts.HandledException = next.HandledException;
            next.HandledException = null;
            var v = next.TempVal;
            if (v is PyBomb b) { next.TempVal = PyNone.Value; ts.UnwindException = b.Exception; }
            else if (next.ResumeWithValue) { next.TempVal = PyNone.Value; frame.Slots[frame.Sp++] = v; }
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

    /// <summary>The run queue is empty: the main tasklet runs again (run() returns; a main blocked
    /// on a channel gets the deadlock error).</summary>
    PyTasklet WakeMain(PyObject value)
    {
        var m = Main;
        if (m.BlockedOn != null)
        {
            m.BlockedOn.Unlink(m);
            if (value is not PyBomb) value = new PyBomb(PyExc.RuntimeError("Deadlock: the last runnable tasklet cannot be blocked.").Value);
        }
        EndRun();
        m.TempVal = value;
        if (!m.InRunQueue) Insert(m);
        _head = m;
        return m;
    }

    void EndRun()
    {
        if (!_mainInRun) return;
        _mainInRun = false;
        _ts.PreemptHook = null;
        _timeout = 0; _timedOut = false; _preemptPending = false;
    }

    /// <summary>VM hook: the bottom frame of the current tasklet returned or raised out.</summary>
    void OnChainEnded(ThreadState ts, PyObject? result, PyBaseException? exc)
    {
        var cur = Current;
        cur.Dead = true;
        cur.Frame = null;
        cur.TempVal = PyNone.Value;
        Remove(cur);
        ts.HandledException = null;
        ts.RecursionDepth = 0;
        PyTasklet next;
        if (exc != null && !exc.Type.IsSubtypeOf(TaskletExit!))
            next = WakeMain(new PyBomb(exc));   // an escaping exception is raised in the main tasklet
        else
            next = _head ?? WakeMain(PyNone.Value);
        Callback(cur, next);
        Load(next);
    }

    // ---------------- operations ----------------

    public PyObject Schedule(PyObject retval, bool remove, bool direct)
    {
        var cur = Current;
        if (_timedOut && _mainInRun && cur != Main)
        {
            // run(timeout, soft=True): the interrupt happens at this voluntary switch; the
            // tasklet stays scheduled and run() returns None
            CheckCanSwitch(direct);
            cur.TempVal = retval;
            return SwitchTo(WakeMain(PyNone.Value));
        }
        if (remove)
        {
            if (cur.InRunQueue && Count == 1 && !_mainInRun && cur == Main) return retval;
            CheckCanSwitch(direct);
            cur.TempVal = retval;
            Remove(cur);
            return SwitchTo(_head ?? WakeMain(PyNone.Value));
        }
        if (Count <= 1 && cur.InRunQueue) return retval;
        CheckCanSwitch(direct);
        cur.TempVal = retval;
        _head = cur.InRunQueue ? cur.Next : _head ?? WakeMain(PyNone.Value);
        return SwitchTo(_head!);
    }

    public PyObject Run(long timeout, bool soft, bool total, bool direct)
    {
        var cur = Current;
        if (cur != Main) throw PyExc.RuntimeError("run() must be run from the main tasklet");
        if (Count <= 1 && cur.InRunQueue) return PyNone.Value;
        CheckCanSwitch(direct);
        _timeout = timeout > 0 ? timeout : 0;
        _softTimeout = soft; _totalTimeout = total; _timedOut = false;
        _ts.PreemptHook = timeout > 0 ? Preempt : null;
        _ts.Ticks = _timeout;
        Remove(cur);
        _mainInRun = true;
        cur.TempVal = PyNone.Value;
        if (_head == null) { EndRun(); Insert(cur); return PyNone.Value; }
        return SwitchTo(_head);
    }

    /// <summary>VM hook at backward jumps once the tick budget of run(timeout) is spent.</summary>
    bool Preempt(ThreadState ts)
    {
        var cur = Current;
        if (!_mainInRun || cur == Main) { ts.PreemptHook = null; return false; }
        if (cur.Atomic) { _preemptPending = true; ts.Ticks = long.MaxValue; return false; }
        if (ts.NestingLevel != cur.NestingBase || SwitchTrapLevel != 0) { ts.Ticks = 1; return false; }
        if (_softTimeout) { _timedOut = true; ts.Ticks = long.MaxValue; return false; }
        Remove(cur);
        var m = WakeMain(cur);
        Save(cur, false);
        Callback(cur, m);
        Load(m);
        return true;
    }

    /// <summary>set_atomic(False) on the current tasklet: a watchdog interrupt that waited for
    /// the atomic section is taken soon after.</summary>
    public PyObject? AtomicCleared(PyTasklet t, PyObject old, bool direct)
    {
        if (!_preemptPending || !_mainInRun || t != Current || t == Main) return null;
        _preemptPending = false;
        // the tasklet's next backward jump takes the interrupt (as in Stackless 3.7, where the
        // code right after the atomic section still runs first)
        _ts.Ticks = 1;
        return null;
    }

    /// <summary>tasklet.run() (remove=false: the caller stays runnable) and tasklet.switch()
    /// (remove=true: the caller is paused).</summary>
    public PyObject RunTasklet(PyTasklet t, bool remove, bool direct)
    {
        if (t.Dead || (!t.Started && !t.SetUp && t != Main)) throw PyExc.RuntimeError("You cannot run an unbound(dead) tasklet");
        if (t.BlockedOn != null) throw PyExc.RuntimeError("You cannot run a blocked tasklet");
        var cur = Current;
        if (t == cur) return PyNone.Value;
        CheckCanSwitch(direct);
        if (!t.InRunQueue) InsertAfter(cur, t);
        if (remove) Remove(cur);
        cur.TempVal = PyNone.Value;
        _head = t;
        return SwitchTo(t);
    }

    public PyObject Throw(PyTasklet t, PyBaseException exc, bool pending, bool direct)
    {
        var cur = Current;
        if (t == cur) throw new PyException(exc);
        if (!pending) CheckCanSwitch(direct);
        if (t.BlockedOn != null) t.BlockedOn.Unlink(t);
        if (t == Main && _mainInRun) EndRun();
        t.TempVal = new PyBomb(exc);
        if (!t.InRunQueue) { if (pending) Insert(t); else InsertAfter(cur, t); }
        if (pending) return PyNone.Value;
        cur.TempVal = PyNone.Value;
        _head = t;
        return SwitchTo(t);
    }

    public PyObject ChannelAction(PyChannel ch, int dir, PyObject value, bool direct)
    {
        var cur = Current;
        if (ch.Closed) throw PyExc.ValueError("Send/receive operation on a closed channel");
        bool cando = dir > 0 ? ch.Balance < 0 : ch.Balance > 0;
        if (ChannelCallback != null)
        {
            var saved = _ts.Frame;
            try { Ops.Call(_ts, ChannelCallback, ch, cur, PyBool.From(dir > 0), PyBool.From(!cando)); }
            finally { _ts.Frame = saved; }
        }
        if (cando)
        {
            var target = ch.Head!;
            PyObject received;
            if (dir > 0) { received = PyNone.Value; }
            else { received = target.TempVal; }
            bool switchNow = ch.ScheduleAll || ch.Preference == -dir;
            if (switchNow) CheckCanSwitch(direct);
            ch.Unlink(target);
            target.TempVal = dir > 0 ? value : PyNone.Value;
            if (ch.ScheduleAll)
            {
                Insert(target);
                cur.TempVal = received;
                _head = cur.Next;
                return SwitchTo(_head!);
            }
            if (switchNow)
            {
                InsertAfter(cur, target);
                cur.TempVal = received;
                _head = target;
                return SwitchTo(target);
            }
            Insert(target);
            cur.TempVal = received;
            return TakeValue(cur);
        }
        if (cur.BlockTrap) throw PyExc.RuntimeError("this tasklet does not like to be blocked.");
        if (ch.Closing) throw PyExc.ValueError("Send/receive operation on a closed channel");
        int others = Count - (cur.InRunQueue ? 1 : 0);
        // the last runnable tasklet cannot block (unless main waits in run() and takes over);
        // raised in a tasklet, the error ends it and reaches main like any escaping exception
        if (others == 0 && !_mainInRun)
            throw PyExc.RuntimeError("Deadlock: the last runnable tasklet cannot be blocked.");
        CheckCanSwitch(direct);
        Remove(cur);
        ch.Append(cur, dir);
        cur.TempVal = dir > 0 ? value : PyNone.Value;
        return SwitchTo(_head ?? WakeMain(PyNone.Value));
    }
}
