#nullable enable
using System;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>
/// A tasklet: a suspended frame chain plus its state. Soft switching only swaps which chain the
/// VM loop runs (ts.Frame), so a blocked tasklet costs its frames and this object, no stack.
/// The run queue or one channel's queue (TaskletQueue) holds it while it is scheduled.
/// </summary>
[PyType("tasklet")]
public sealed class PyTasklet : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("tasklet", typeof(PyTasklet), module: "_stackless");

    PyDict? _dict;
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    /// <summary>Bound callable and arguments, until the tasklet starts.</summary>
    public PyObject? Func;
    public PyObject[]? Args;
    public PyDict? Kwargs;
    /// <summary>The innermost frame of the suspended chain (null while current or not started).</summary>
    public Frame? Frame;
    public bool Started, Dead;
    /// <summary>Arguments were given (setup/call): alive from then on, until it ends.</summary>
    public bool SetUp;
    /// <summary>The value the tasklet's pending native call returns when it resumes (a PyBomb raises).</summary>
    public PyObject TempVal = PyNone.Value;
    /// <summary>Whether resuming pushes TempVal as the result of the call it was switched out in
    /// (false when it was preempted between instructions).</summary>
    public bool ResumeWithValue;
    public int RecursionDepth, NestingBase;
    public PyBaseException? HandledException;
    /// <summary>In the run queue.</summary>
    public bool InRunQueue;
    /// <summary>The channel it waits on, and whether to send (1) or receive (-1).</summary>
    public PyChannel? BlockedOn;
    public int BlockDir;
    public bool Atomic, BlockTrap, IgnoreNesting;
    public Scheduler? Owner;
    /// <summary>Set while it is suspended by a hard switch: the runner (OS thread) that keeps
    /// its .NET stack and resumes it.</summary>
    internal Runner? HardOn;
    internal long ParkSeq;
    /// <summary>Killed once because its program or thread ended while it was parked; one that
    /// survives that (catches TaskletExit and switches again) is given up (Scheduler.MainEndStep).</summary>
    internal bool ExitKilled;
    /// <summary>Set when it ended by sys.exit while main waited in run(): 3.7.5's tasklet then
    /// stays in the queue, not alive, stuck in the exit it started; when it runs again the
    /// exit goes on (Scheduler.SystemExitInTasklet). The status it then ends the program with.</summary>
    internal PyObject? ExitStatus;
    /// <summary>Waiting in stackless.run() for the queue to empty.</summary>
    internal bool IsWatchdog;
    /// <summary>It was switched out while soft switching was disabled (enable_softswitch(False)).
    /// Stackless then runs every frame of it on the C stack, one nesting level each: it is not
    /// restorable, its nesting level counts its frames, and its frames pickle as invalid.</summary>
    internal bool SwitchedInHardMode;
    /// <summary>Its trace and profile functions while it does not run (the running tasklet's
    /// are the thread's, ThreadState.Trace).</summary>
    public TraceState? Trace;

    public PyTasklet(PyType type) : base(type) { }


    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        // a new tasklet belongs to the thread that creates it
        var t = new PyTasklet(cls) { Owner = Scheduler.Of(ts) };
        if (cls != TypeObject) t._dict = new PyDict();
        return t;
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var t = (PyTasklet)self;
        PyObject? func = null, a = null, k = null;
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        if (npos > 3) throw PyExc.TypeError($"tasklet() takes at most 3 arguments ({npos} given)");
        if (npos > 0) func = args[0];
        if (npos > 1) a = args[1];
        if (npos > 2) k = args[2];
        for (int i = 0; i < nkw; i++)
        {
            var name = ((PyStr)kwnames!.Items[i]).Value;
            var v = args[npos + i];
            if (name == "func") func = v; else if (name == "args") a = v; else if (name == "kwargs") k = v;
            else throw PyExc.TypeError($"tasklet() got an unexpected keyword argument '{name}'");
        }
        if (func != null && func != PyNone.Value) t.DoBind(ts, func, a, k);
    }

    /// <summary>bind(func, args, kwargs), in Stackless's order of checks: without arguments it
    /// only (un)binds the function; with arguments (func None: the one already bound) the
    /// tasklet is also set up, alive but not scheduled. Its old frames, if any, are dropped.</summary>
    internal void DoBind(ThreadState ts, PyObject? func, PyObject? args, PyObject? kwargs)
    {
        var s = Scheduler.Of(ts);
        if (func == PyNone.Value) func = null;
        if (args == PyNone.Value) args = null;
        if (kwargs == PyNone.Value) kwargs = null;
        if (func != null && !Ops.IsCallable(func)) throw PyExc.TypeError("tasklet function must be a callable or None");
        if (s.Current == this) throw PyExc.RuntimeError("can't (re)bind the current tasklet");
        if (InRunQueue || BlockedOn != null) throw PyExc.RuntimeError("tasklet is scheduled");
        if (HardOn != null) throw PyExc.RuntimeError("tasklet has C state on its stack");
        if (this == s.Main && args == null && kwargs == null) throw PyExc.RuntimeError("can't unbind the main tasklet");
        PyDict? kw = null;
        if (kwargs != null)
        {
            if (kwargs is not PyDict kd) throw PyExc.TypeError("tasklet kwargs must be a dict");
            kw = kd;
        }
        var fargs = args != null ? Ops.ToArray(ts, args) : null;
        // binding keeps the thread of a tasklet whose thread ended: it has none
        if (Owner != null && Owner.OwnerThread.Ended)
        {
            if (args != null || kwargs != null) CheckThreadAlive();
        }
        else Owner = s;
        if (args == null && kwargs == null)
        {
            Frame = null; RecursionDepth = 0; Started = false; Dead = false; SetUp = false;
            Func = func;
            return;
        }
        var f = func ?? (SetUp || Started ? null : Func);
        if (f == null) throw PyExc.RuntimeError("the tasklet was not bound to a function");
        Frame = StacklessModule.MakeStartFrame(ts, f, fargs ?? Array.Empty<PyObject>(), kw);
        RecursionDepth = 0; Started = false; Dead = false; SetUp = true;
        Func = null;
    }

    [PyMethod]
    static PyObject bind(ThreadState ts, PyTasklet self, [PyKeyword] PyObject? func = null, PyObject? args = null, PyObject? kwargs = null)
    {
        self.DoBind(ts, func, args, kwargs);
        return self;
    }

    [PyMethod]
    static PyObject setup(ThreadState ts, PyTasklet self, [PyKwArgs] PyDict kwargs, params PyObject[] args) =>
        SetupCore(ts, self, args, kwargs.Count == 0 ? null : kwargs);

    static PyObject SetupCore(ThreadState ts, PyTasklet self, PyObject[] args, PyDict? kw)
    {
        if (self.IsAlive(ts)) throw PyExc.RuntimeError("tasklet is alive");
        if (self.Func == null) throw PyExc.RuntimeError("the tasklet was not bound to a function");
        self.CheckThreadAlive();
        self.Frame = StacklessModule.MakeStartFrame(ts, self.Func, args, kw);
        self.Func = null;
        self.Dead = false;
        self.SetUp = true;
        Scheduler.Of(ts).Insert(self);
        return self;
    }

    [PySlot("__call__")]
    static PyObject CallSlot(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        PyDict? kw = null;
        if (nkw > 0)
        {
            kw = new PyDict();
            for (int i = 0; i < nkw; i++) kw.SetItem(ts, kwnames!.Items[i], args[npos + i]);
        }
        return SetupCore(ts, (PyTasklet)self, args[..npos].ToArray(), kw);
    }

    [PyMethod]
    static PyObject insert(ThreadState ts, PyTasklet self)
    {
        if (self.Dead || (!self.Started && !self.SetUp && self != Scheduler.Of(ts).Main)) throw PyExc.RuntimeError("You cannot run an unbound(dead) tasklet");
        if (self.BlockedOn != null) throw PyExc.RuntimeError("You cannot run a blocked tasklet");
        if (self.IsRemote(ts)) { ThreadBlock.RunOnItsThread(self); return PyNone.Value; }
        Scheduler.Of(ts).Insert(self);
        return PyNone.Value;
    }

    [PyMethod]
    static PyObject remove(ThreadState ts, PyTasklet self)
    {
        var s = self.IsRemote(ts) ? self.Owner! : Scheduler.Of(ts);
        if (self.BlockedOn != null) throw PyExc.RuntimeError("You cannot remove a blocked tasklet.");
        if (self == s.Current && self.InRunQueue) throw PyExc.RuntimeError("The current tasklet cannot be removed.");
        s.Remove(self);
        return self;
    }

    [PyMethod]
    static PyObject run(ThreadState ts, PyTasklet self)
    {
        bool direct = ts.TakeUnwindPermission();
        if (self.IsRemote(ts) && !self.Dead)
        {
            // another thread's tasklet runs there, soon; this one goes on (as in Stackless)
            if (self.BlockedOn != null) throw PyExc.RuntimeError("You cannot run a blocked tasklet");
            ThreadBlock.RunNextOnItsThread(self);
            return PyNone.Value;
        }
        return Scheduler.Of(ts).RunTasklet(self, false, direct);
    }

    [PyMethod]
    static PyObject @switch(ThreadState ts, PyTasklet self)
    {
        bool direct = ts.TakeUnwindPermission();
        if (self.IsRemote(ts) && !self.Dead)
            throw PyExc.RuntimeError(self.Owner!.OwnerThread.Ended ? "tasklet has no thread" : "can't switch to a different thread.");
        return Scheduler.Of(ts).RunTasklet(self, true, direct);
    }

    [PyMethod]
    static PyObject kill(ThreadState ts, PyTasklet self, [PyKeyword] bool pending = false)
    {
        bool direct = ts.TakeUnwindPermission();
        var s = Scheduler.Of(ts);
        if (self.Owner != null && self.Owner.OwnerThread.Ended && !self.Dead)
        {
            // its thread ended: as in Stackless, the tasklet loses its frames instead of
            // moving silently to this thread, and TaskletExit to what is left is no error
            self.BlockedOn?.Unlink(self);
            if (self.InRunQueue) self.Owner.Remove(self);
            self.Frame = null; self.Func = null;
            self.TempVal = PyNone.Value;
            self.Dead = true;
            return PyNone.Value;
        }
        if (self.Dead || (!self.Started && self != s.Main))
        {
            // a tasklet that never ran just ends: its function is never called
            if (!self.Started) { s.Remove(self); self.Dead = true; self.Func = null; self.Frame = null; }
            return PyNone.Value;
        }
        return s.Throw(self, PyExc.New(s.TaskletExit!).Value, pending, direct);
    }

    [PyMethod]
    static PyObject @throw(ThreadState ts, PyTasklet self, [PyKeyword] PyObject exc, PyObject? val = null, PyObject? tb = null, bool pending = false)
    {
        bool direct = ts.TakeUnwindPermission();
        var s = Scheduler.Of(ts);
        self.CheckThreadAlive();
        var e = MakeException(ts, exc, val, tb, true);
        if (self != s.Main && (self.Dead || !self.Started && !self.SetUp))
        {
            // not alive (ended, or never set up): ending it with TaskletExit is no error
            if (e.Type.IsSubtypeOf(s.TaskletExit!)) { s.Remove(self); return PyNone.Value; }
            throw PyExc.RuntimeError("You cannot throw to a dead tasklet");
        }
        // a set-up tasklet that has not run yet raises it as it starts (unhandled: it reaches main)
        return s.Throw(self, e, pending, direct);
    }

    [PyMethod]
    static PyObject raise_exception(ThreadState ts, PyTasklet self, PyObject exc_class, params PyObject[] args)
    {
        // a class, as channel.send_exception (3.7.5 crashes on a str here: refused with the rest)
        if (!(exc_class is PyType c && c.IsSubtypeOf(ExceptionTypes.BaseException)))
            throw PyExc.TypeError("tasklet.raise_exception needs Exception or string subclass as first parameter");
        bool direct = ts.TakeUnwindPermission();
        var s = Scheduler.Of(ts);
        self.CheckThreadAlive();
        var e = MakeException(ts, exc_class, args.Length == 0 ? null : args.Length == 1 ? args[0] : new PyTuple(args), null);
        if (!self.Started && self != s.Main) { s.Remove(self); self.Dead = true; self.Func = null; return PyNone.Value; }
        return s.Throw(self, e, false, direct);
    }

    /// <summary>The exception that exc/val/tb stand for. `raiseRules`: as the raise statement
    /// (throw, send_throw): an instance takes no separate value, tb must be a traceback.</summary>
    internal static PyBaseException MakeException(ThreadState ts, PyObject exc, PyObject? val, PyObject? tb, bool raiseRules = false)
    {
        if (raiseRules)
        {
            if (tb != null && tb != PyNone.Value && tb is not PyTraceback) throw PyExc.TypeError("third argument must be a traceback object");
            if (exc is PyBaseException && val != null && val != PyNone.Value) throw PyExc.TypeError("instance exception may not have a separate value");
        }
        if (exc is PyBaseException be) return be;
        if (exc is PyType t && t.IsSubtypeOf(ExceptionTypes.BaseException))
        {
            PyObject r = val == null || val == PyNone.Value ? Ops.Call(ts, t) : val is PyTuple tup ? Ops.Call(ts, t, tup.Items) : val is PyBaseException ve && ve.Type.IsSubtypeOf(t) ? ve : Ops.Call(ts, t, val);
            return (PyBaseException)r;
        }
        throw PyExc.TypeError("exceptions must be classes, or instances, not " + exc.Type.Name);
    }

    [PyMethod]
    static PyObject set_atomic(ThreadState ts, PyTasklet self, bool flag)
    {
        bool direct = ts.TakeUnwindPermission();
        var old = self.Atomic;
        self.Atomic = flag;
        if (old && !flag) return Scheduler.Of(ts).AtomicCleared(self, PyBool.From(old), direct) ?? PyBool.From(old);
        return PyBool.From(old);
    }

    [PyMethod]
    static bool set_ignore_nesting(ThreadState ts, PyTasklet self, bool flag) { var old = self.IgnoreNesting; self.IgnoreNesting = flag; return old; }

    /// <summary>A tasklet whose thread ended cannot be set up, run or thrown at (bind_thread first).</summary>
    internal void CheckThreadAlive()
    {
        if (Owner != null && Owner.OwnerThread.Ended) throw PyExc.RuntimeError("tasklet has no thread");
    }

    /// <summary>A tasklet of another (live or ended) thread's scheduler.</summary>
    internal bool IsRemote(ThreadState ts) => Owner != null && Owner.OwnerThread != ts;

    /// <summary>bind_thread(thread_id=None): the tasklet moves to that thread's scheduler (the
    /// current thread by default), as Stackless allows for a tasklet that is not runnable
    /// and has no C state.</summary>
    [PyMethod]
    static PyObject bind_thread(ThreadState ts, PyTasklet self, PyObject? thread_id = null)
    {
        long target = ts.Ident;
        if (thread_id != null && thread_id != PyNone.Value)
        {
            if (thread_id is not PyInt ti) throw PyExc.TypeError($"bind_thread() argument 1 must be int, not {thread_id.Type.Name}");
            if (ti.Sign < 0 && !(ti.FitsLong && ti.Small == -1)) throw PyExc.OverflowError("can't convert negative int to unsigned");
            if (!(ti.FitsLong && ti.Small == -1)) target = ti.FitsLong ? ti.Small : -2;
        }
        if (target == ts.Ident && self.Owner?.OwnerThread == ts) return PyNone.Value;
        // the run queue of an ended thread is gone
        if (self.Owner != null && self.Owner.OwnerThread.Ended && self.InRunQueue) self.Owner.Remove(self);
        if (self.InRunQueue && self.BlockedOn == null) throw PyExc.RuntimeError("can't (re)bind a runnable tasklet");
        if (self.HardOn != null) throw PyExc.RuntimeError("tasklet has C state on its stack");
        var s = ThreadBlock.SchedulerOfThread(ts, target) ?? throw PyExc.ValueError("bad thread");
        self.Owner = s;
        return PyNone.Value;
    }

    [PyGetter("alive")] static PyObject GetAlive(ThreadState ts, PyObject self) => PyBool.From(((PyTasklet)self).IsAlive(ts));
    [PyGetter("paused")] static PyObject GetPaused(ThreadState ts, PyObject self) { var t = (PyTasklet)self; return PyBool.From(t.IsAlive(ts) && !t.InRunQueue && t.BlockedOn == null && Scheduler.Of(ts).Current != t); }
    [PyGetter("blocked")] static PyObject GetBlocked(ThreadState ts, PyObject self) => PyBool.From(((PyTasklet)self).BlockedOn != null);
    [PyGetter("scheduled")] static PyObject GetScheduled(ThreadState ts, PyObject self) { var t = (PyTasklet)self; return PyBool.From(t.InRunQueue || t.BlockedOn != null); }
    /// <summary>One stuck in its exit (ExitStatus) is not: in 3.7.5 it is inside Py_Exit's C code.</summary>
    [PyGetter("restorable")] static PyObject GetRestorable(ThreadState ts, PyObject self)
        => PyBool.From(((PyTasklet)self).NestingLevel(ts) == 0 && ((PyTasklet)self).ExitStatus == null);
    [PyGetter("is_current")] static PyObject GetIsCurrent(ThreadState ts, PyObject self) => PyBool.From(Scheduler.Of(ts).Current == self);
    [PyGetter("is_main")] static PyObject GetIsMain(ThreadState ts, PyObject self) => PyBool.From(Scheduler.Of(ts).Main == self);
    [PyGetter("thread_id")]
    static PyObject GetThreadId(ThreadState ts, PyObject self)
    {
        var o = ((PyTasklet)self).Owner;
        // a tasklet whose thread ended has none (until bound to another)
        return PyInt.From(o == null ? Scheduler.Of(ts).ThreadId : o.OwnerThread.Ended ? -1 : o.ThreadId);
    }
    [PyGetter("next")] static PyObject GetNext(ThreadState ts, PyObject self) => (PyObject?)((PyTasklet)self).Neighbour(ts, true) ?? PyNone.Value;
    [PyGetter("prev")] static PyObject GetPrev(ThreadState ts, PyObject self) => (PyObject?)((PyTasklet)self).Neighbour(ts, false) ?? PyNone.Value;

    /// <summary>The next (or previous) tasklet in the queue that holds it: the run queue is a
    /// ring; a channel's queue ends at its first and last tasklet.</summary>
    PyTasklet? Neighbour(ThreadState ts, bool next)
    {
        if (InRunQueue) { var q = (Owner ?? Scheduler.Of(ts)).RunQueue; return next ? q.After(this, true) : q.Before(this, true); }
        if (BlockedOn != null) return next ? BlockedOn.Waiting.After(this, false) : BlockedOn.Waiting.Before(this, false);
        return null;
    }
    [PyGetter("frame")]
    static PyObject GetFrame(ThreadState ts, PyObject self)
    {
        var t = (PyTasklet)self;
        if (!t.Started && Scheduler.Of(ts).Current != t) return PyNone.Value;   // its start frame is not a Python frame yet
        var f = Scheduler.Of(ts).Current == t ? ts.Frame : t.Frame;
        if (f == null) return PyNone.Value;
        f.Exposed = true;   // handed to Python: the VM must not recycle it
        return f;
    }
    [PyGetter("nesting_level")] static PyObject GetNesting(ThreadState ts, PyObject self) => PyInt.From(((PyTasklet)self).NestingLevel(ts));

    /// <summary>Native calls that called back into Python below its current point (on its
    /// .NET stack): 0 for a tasklet that can switch softly.</summary>
    internal int NestingLevel(ThreadState ts)
    {
        if (Scheduler.Of(ts).Current == this) return Math.Max(0, ts.NestingLevel - NestingBase);
        // Stackless counts the switching call too while the tasklet is parked
        int native = HardOn != null ? Math.Max(0, HardOn.SavedNesting - NestingBase) + 1 : 0;
        // in Stackless's hard mode each frame is one C-level nesting, plus the switching call
        return SwitchedInHardMode && Frame != null ? Math.Max(RecursionDepth, 1) + 1 : native;
    }
    [PyGetter("recursion_depth")] static PyObject GetRecursionDepth(ThreadState ts, PyObject self) => PyInt.From(Scheduler.Of(ts).Current == self ? ts.RecursionDepth : ((PyTasklet)self).RecursionDepth);
    /// <summary>The trace state the tasklet runs with: the thread's while it is current.</summary>
    TraceState? TraceOf(ThreadState ts) => IsCurrentOf(ts) ? ts.Trace : Dead ? null : Trace;
    bool IsCurrentOf(ThreadState ts) => Owner != null && Owner.Current == this && ts.Scheduler == Owner;

    [PyGetter("trace_function")] static PyObject GetTrace(ThreadState ts, PyObject self) => ((PyTasklet)self).TraceOf(ts)?.TraceFunc ?? PyNone.Value;
    [PySetter("trace_function")]
    static void SetTrace(ThreadState ts, PyObject self, PyObject? v)
    {
        var t = (PyTasklet)self;
        var f = CheckHook(ts, t, v);
        if (t.IsCurrentOf(ts)) Interpreter.SetTrace(ts, f);
        else t.Trace = Interpreter.WithTrace(t.Trace, f);
    }
    [PyGetter("profile_function")] static PyObject GetProfile(ThreadState ts, PyObject self) => ((PyTasklet)self).TraceOf(ts)?.ProfileObj ?? PyNone.Value;
    [PySetter("profile_function")]
    static void SetProfile(ThreadState ts, PyObject self, PyObject? v)
    {
        var t = (PyTasklet)self;
        var f = CheckHook(ts, t, v);
        if (t.IsCurrentOf(ts)) Interpreter.SetProfileFunction(ts, f);
        else t.Trace = Interpreter.WithProfile(t.Trace, f);
    }

    /// <summary>Tracing hooks are kept per tasklet; the current tasklet of another thread
    /// cannot get them from here (they are that thread's).</summary>
    static PyObject? CheckHook(ThreadState ts, PyTasklet t, PyObject? v)
    {
        if (!t.IsAlive(ts)) throw PyExc.RuntimeError("tasklet is not alive");
        if (t.Owner != null && t.Owner.Current == t && ts.Scheduler != t.Owner)
            throw PyExc.RuntimeError("You cannot set the trace function of the current tasklet of another thread");
        return v == null || v == PyNone.Value ? null : v;
    }

    [PyGetter("atomic")] static PyObject GetAtomic(ThreadState ts, PyObject self) => PyBool.From(((PyTasklet)self).Atomic);
    [PyGetter("ignore_nesting")] static PyObject GetIgnoreNesting(ThreadState ts, PyObject self) => PyBool.From(((PyTasklet)self).IgnoreNesting);
    [PySetter("ignore_nesting")] static void SetIgnoreNesting(ThreadState ts, PyObject self, PyObject? v) => ((PyTasklet)self).IgnoreNesting = v != null && Ops.IsTrue(ts, v);
    [PyGetter("block_trap")] static PyObject GetBlockTrap(ThreadState ts, PyObject self) => PyBool.From(((PyTasklet)self).BlockTrap);
    [PySetter("block_trap")] static void SetBlockTrap(ThreadState ts, PyObject self, PyObject? v) => ((PyTasklet)self).BlockTrap = v != null && Ops.IsTrue(ts, v);
    // until it is set up, a tasklet's bound function is its tempval (as in Stackless)
    [PyGetter("tempval")]
    static PyObject GetTempval(ThreadState ts, PyObject self)
    {
        var t = (PyTasklet)self;
        return t.Func != null && !t.SetUp && !t.Started ? t.Func : t.TempVal;
    }
    [PySetter("tempval")]
    static void SetTempval(ThreadState ts, PyObject self, PyObject? v)
    {
        var t = (PyTasklet)self;
        if (t.Func != null && !t.SetUp && !t.Started) t.Func = v == null || v == PyNone.Value ? null : v;
        else t.TempVal = v ?? PyNone.Value;
    }

    public bool IsAlive(ThreadState ts)
    {
        if (Dead || ExitStatus != null) return false;
        if (Owner != null && Owner.OwnerThread.Ended) return false;   // its thread ended: it stopped
        if (Started || SetUp) return true;
        return Owner != null && Owner.Main == this;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var mod = Ops.GetAttrOrNull(ts, self.Type, new PyStr("__module__")) is PyStr m ? m.Value + "." : "";
        return new PyStr($"<{mod}{self.Type.Name} object at 0x{Ops.Id(self):x}>");
    }

    // pickling (TaskletPickling): (type, (), state) and __setstate__(state), as Stackless
    [PyMethod] static PyObject __reduce__(ThreadState ts, PyTasklet self) => TaskletPickling.ReduceTasklet(ts, self);
    [PyMethod] static PyObject __reduce_ex__(ThreadState ts, PyTasklet self, PyObject protocol) => TaskletPickling.ReduceTasklet(ts, self);
    [PyMethod] static PyObject __setstate__(ThreadState ts, PyTasklet self, PyObject state) => TaskletPickling.SetTaskletState(ts, self, state);
}
