#nullable enable
using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
namespace StacklessIron.Runtime;

/// <summary>
/// Runs what CPython runs when an object dies: weakref callbacks, `__del__` (once, PEP 442),
/// and native finalizers (files flush and close). .NET finds the dead objects; their trackers'
/// .NET finalizers queue them here, and a Python thread runs them holding the interpreter lock:
/// at its loop's next tick (ThreadState.RequestFinalizers), in gc.collect(), and at exit.
/// A tracing collector sees an object die later than CPython's reference counts would, and
/// sees a whole dead cluster at once: as CPython's cycle collector, weakrefs to the cluster are
/// already dead when its `__del__` methods run.
/// </summary>
public sealed class Finalization
{
    static readonly ConditionalWeakTable<PyObject, FinalizationTracker> s_trackers = new();
    /// <summary>Objects whose `__del__` ran (gc.is_finalized), but instances, whose own tracker says it.</summary>
    static readonly ConditionalWeakTable<PyObject, object> s_finalized = new();
    static long s_sequence;
    /// <summary>The trackers objects keep in a field of their own (TrackDel's instances,
    /// TrackNativeOwned's generators), held weakly, so that those not yet finalized at exit
    /// can be found; a slot is freed when its tracker runs or is released.</summary>
    readonly OwnedTrackerRegistry _owned = new();

    readonly PythonEngine _engine;
    readonly ConcurrentQueue<FinalizationTracker> _queue = new();
    /// <summary>1 while queued work may wait for a thread that has not been asked to run it.</summary>
    int _requested;
    bool _running;
    volatile bool _closed;
    /// <summary>Finalizers run since the last gc.collect (gc.get_count's first figure grows with it).</summary>
    internal long RunCount;

    public Finalization(PythonEngine engine) { _engine = engine; }

    // ---------------- registration (Python threads, holding the lock) ----------------

    /// <summary>The tracker of `o`, created on first use.</summary>
    public FinalizationTracker TrackerOf(PyObject o)
    {
        if (TryGetTracker(o, out var t) && !t.Died) return t;
        t = new FinalizationTracker(this, Interlocked.Increment(ref s_sequence));
        if (o is PyInstance inst)
        {
            // in the instance's field (see TrackDel); a revived instance keeps its `__del__` ran
            if (inst.Tracker is { } died) t.DelRan = died.DelRan;
            inst.Tracker = t;
        }
        else s_trackers.AddOrUpdate(o, t);
        if (Volatile.Read(ref _requested) != 0) RequestRun();   // a lost request gets another chance
        return t;
    }

    /// <summary>An instance of a class with `__del__` was made: its `__del__` runs once it is unreachable.</summary>
    public void TrackDel(PyObject o)
    {
        if (o is PyInstance inst)
        {
            // The common case: the instance keeps its tracker in a field, as a generator does,
            // instead of a table entry (a dependent handle under the table's lock, which the
            // .NET finalizer thread takes too: 300,000 short-lived instances spent most of
            // their time there). Weakrefs to it use the same tracker (TrackerOf).
            if (inst.Tracker is { Died: false } owned)
            {
                owned.Target = o;
                if (owned.RegistrySlot < 0) _owned.Add(owned);
                return;
            }
            inst.Tracker = NewOwnedTracker(o);
            return;
        }
        var t = TrackerOf(o);
        if (t.Target != null) return;
        t.Target = o;
    }

    /// <summary>The tracker of `o` if it has one: the instance's own field, else the table.</summary>
    static bool TryGetTracker(PyObject o, out FinalizationTracker t)
    {
        if (o is PyInstance inst) { t = inst.Tracker!; return t is { Died: false }; }
        return s_trackers.TryGetValue(o, out t!);
    }

    /// <summary>`action` runs (instead of `__del__`) once `o` is unreachable, and at exit if
    /// it is still alive. `order`: lower runs first within one batch; a positive order (files)
    /// also waits for the rest of its collection, so that `__del__` methods run first.</summary>
    public void TrackNative(PyObject o, Action<ThreadState, PyObject> action, int order = 0)
    {
        Interlocked.Increment(ref _closeablesSinceSweep);
        var t = TrackerOf(o);
        t.Target = o;
        t.Native = action;
        t.Order = order;
        // an instance's tracker is in no table: the registry finds it at exit
        if (o is PyInstance && t.RegistrySlot < 0) _owned.Add(t);
    }

    /// <summary>As TrackNative, for objects made often (generators): the tracker is not put in the
    /// table but returned for `o` to keep in a field. `o` and its tracker then die together and
    /// the tracker's .NET finalizer brings both back for the action; no table entry (a GC
    /// dependent handle) is made or removed. Run at exit if still pending (a generator left
    /// suspended in `try` is closed, as CPython's teardown closes it); weakrefs to `o` keep
    /// their own tracker. Release(tracker) when the action is no longer needed.</summary>
    public FinalizationTracker TrackNativeOwned(PyObject o, Action<ThreadState, PyObject> action)
    {
        var t = NewOwnedTracker(o);
        t.Native = action;
        return t;
    }

    /// <summary>A tracker `o` keeps in a field of its own (not in the table), registered so
    /// that it is found at exit.</summary>
    FinalizationTracker NewOwnedTracker(PyObject o)
    {
        var t = new FinalizationTracker(this, Interlocked.Increment(ref s_sequence)) { Target = o };
        _owned.Add(t);
        if (Volatile.Read(ref _requested) != 0) RequestRun();
        return t;
    }

    /// <summary>The owner of a TrackNativeOwned tracker needs its action no more: nothing runs,
    /// and the collector need not finalize it.</summary>
    public static void Release(FinalizationTracker t)
    {
        t.Native = null;
        t.Target = null;
        t.Owner._owned.Remove(t);
        GC.SuppressFinalize(t);
    }

    /// <summary>Stops the native action of `o` (closed explicitly, or now owned by a wrapper that
    /// closes it); true if it had one.</summary>
    public static bool Untrack(PyObject o)
    {
        if (!TryGetTracker(o, out var t) || t.Native == null) return false;
        t.Native = null;
        t.Target = null;
        return true;
    }

    /// <summary>`o` needs its native action no more (a generator that ended): stops it, and
    /// drops the tracker unless weakrefs need it, so a collection does not finalize it.</summary>
    public static void Forget(PyObject o)
    {
        if (!TryGetTracker(o, out var t)) return;
        t.Native = null;
        t.Target = null;
        if (t.Refs != null || t.HasCallbacks) return;
        if (o is PyInstance inst) { inst.Tracker = null; t.Owner._owned.Remove(t); }
        else s_trackers.Remove(o);
        GC.SuppressFinalize(t);
    }

    /// <summary>Records a new weakref or proxy to `target` (its callback, if any, runs when
    /// `target` dies, unless the weakref died first).</summary>
    public void AddWeakRef(PyObject target, PyObject weakref, bool hasCallback)
    {
        var t = TrackerOf(target);
        t.AddRef(weakref);
        if (hasCallback) t.HasCallbacks = true;
    }

    /// <summary>The live weakrefs and proxies to `o`, oldest first.</summary>
    public static List<PyObject> WeakRefsTo(PyObject o)
    {
        var list = new List<PyObject>();
        if (TryGetTracker(o, out var t) && t.Refs != null)
            foreach (var h in t.Refs) if (h.Target is PyObject w) list.Add(w);
        return list;
    }

    /// <summary>A live plain weakref to `o` (exact weakref.ref, no callback), which
    /// weakref.ref(o) returns again instead of a new one (as CPython); null if none.</summary>
    public static PyWeakRef? SharedPlainRef(PyObject o)
    {
        if (!TryGetTracker(o, out var t) || t.Refs is not { } refs) return null;
        foreach (var h in refs)
            if (h.Target is PyWeakRef r && r.Type == PyWeakRef.TypeObject && r.Callback == null && r.Target == o) return r;
        return null;
    }

    public static bool IsFinalized(PyObject o) =>
        o is PyInstance { Tracker.DelRan: true } || s_finalized.TryGetValue(o, out _);

    // ---------------- the queue (filled on the .NET finalizer thread) ----------------

    internal bool Enqueue(FinalizationTracker t)
    {
        if (_closed) return false;
        _queue.Enqueue(t);
        if (Interlocked.Exchange(ref _requested, 1) == 0) RequestRun();
        return true;
    }

    /// <summary>Asks every Python thread's loop to run the queue at its next tick (the first
    /// that gets there runs it; a thread blocked outside Python does it when it comes back).</summary>
    void RequestRun()
    {
        if (_closed) return;
        foreach (var th in _engine.Gil.Threads) th.RequestFinalizers();
    }

    public bool HasPending => !_queue.IsEmpty;

    // ---------------- running (a Python thread, holding the lock) ----------------

    /// <summary>Runs what is queued; returns how many objects it finalized. Does nothing while
    /// already running (a finalizer that reaches a tick or calls gc.collect).</summary>
    public int RunPending(ThreadState ts)
    {
        if (_running || _queue.IsEmpty) return 0;
        _running = true;
        bool outer = !ts.RunningFinalizers;
        ts.RunningFinalizers = true;
        int n = 0;
        try
        {
            Volatile.Write(ref _requested, 0);
            var batch = new List<FinalizationTracker>();
            bool native = false;
            while (_queue.TryDequeue(out var t)) { batch.Add(t); native |= t.Native != null && t.Order > 0; }
            // A native action (a file closing) must wait for the rest of its collection, so that
            // the `__del__` of an object holding the file runs first. Waiting for the .NET
            // finalizer thread at every tick made dropping many weakly referenced objects slow,
            // so only such a batch waits. (A file is tracked once: a wrapper untracks the buffer
            // or FileIO it closes, so a file's layers never close out of order.)
            if (native)
            {
                GC.WaitForPendingFinalizers();
                while (_queue.TryDequeue(out var t)) batch.Add(t);
            }
            foreach (var t in InRunOrder(batch)) { Run(ts, t); n++; }
        }
        finally
        {
            _running = false;
            if (outer)
            {
                ts.RunningFinalizers = false;
                // a signal that came while finalizers ran is handled at the next tick
                if (ts.SignalCheckPending) ts.RequestSignalCheck();
            }
        }
        RunCount += n;
        return n;
    }

    // ---------------- dropped sockets and files, before a thread waits ----------------

    /// <summary>Objects with a native close action (sockets, files) made since the last sweep.</summary>
    int _closeablesSinceSweep;
    /// <summary>Stopwatch time before which another sweep would spend more than its share.</summary>
    long _nextSweep;
    /// <summary>A sweep may take this fraction of the time at most (1/20 = 5%).</summary>
    const int SweepBudgetFactor = 20;

    /// <summary>CPython closes a socket or file the moment its last reference goes, and
    /// programs rely on it: a server handler that returns without closing its connection, whose
    /// client then waits for EOF. Here a dropped object is only found by a collection, which
    /// might not come for a long time in a program that mostly waits. So before a thread blocks,
    /// if such objects were made since the last look, it collects and closes the dropped ones
    /// (at most 5% of the time: a sweep held back by that is owed, and CapWait shortens the
    /// wait until it is due). Called holding the interpreter lock, by waits that can run
    /// Python code (signal handlers) at that point.</summary>
    public void SweepBeforeWait(ThreadState ts)
    {
        if (Volatile.Read(ref _closeablesSinceSweep) == 0 || _running || _closed) return;
        long start = Stopwatch.GetTimestamp();
        if (start < _nextSweep) return;
        Volatile.Write(ref _closeablesSinceSweep, 0);
        Collect(ts);
        long end = Stopwatch.GetTimestamp();
        _nextSweep = end + (end - start) * SweepBudgetFactor;
    }

    /// <summary>The timeout (ms, -1 = none) for a wait that will call SweepBeforeWait again when it
    /// returns early: shortened to when an owed sweep is due.</summary>
    public int CapWait(int timeoutMs)
    {
        if (timeoutMs == 0 || Volatile.Read(ref _closeablesSinceSweep) == 0 || _running || _closed) return timeoutMs;
        long left = _nextSweep - Stopwatch.GetTimestamp();
        int ms = left <= 0 ? 1 : (int)Math.Min(int.MaxValue, (left * 1000 + Stopwatch.Frequency - 1) / Stopwatch.Frequency);
        return timeoutMs < 0 ? ms : Math.Min(ms, timeoutMs);
    }

    /// <summary>By Order, then oldest first. Sorted by one integer key each (a comparison
    /// delegate over 300,000 trackers took longer than running their `__del__`).</summary>
    static FinalizationTracker[] InRunOrder(List<FinalizationTracker> trackers)
    {
        var items = trackers.ToArray();
        var keys = new long[items.Length];
        bool sorted = true;
        for (int i = 0; i < items.Length; i++)
        {
            // Order is a small number (io's are 10-12); sequences stay far below 2^52
            keys[i] = ((long)Math.Clamp(items[i].Order + 8, 0, 2047) << 52) | items[i].Sequence;
            if (i > 0 && keys[i] < keys[i - 1]) sorted = false;
        }
        if (!sorted) Array.Sort(keys, items);
        return items;
    }

    /// <summary>gc.collect(): a full blocking .NET collection, its finalizers, then the Python ones.</summary>
    public int Collect(ThreadState ts)
    {
        if (_running) return 0;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return RunPending(ts);
    }

    void Run(ThreadState ts, FinalizationTracker t, bool callbacks = true)
    {
        var target = t.Target;
        t.Target = null;
        _owned.Remove(t);
        if (target != null)
        {
            if (t.Native is { } native)
            {
                t.Native = null;
                Guarded(ts, target, native, null, target);
            }
            else if (target.Type.Lookup(s_del) is { } del)
            {
                if (target is PyInstance inst && inst.Tracker == t) t.DelRan = true;
                else s_finalized.AddOrUpdate(target, true);
                Guarded(ts, del, null, del, target);
            }
        }
        if (callbacks && t.HasCallbacks && t.Refs != null)
        {
            t.HasCallbacks = false;
            // newest first, as CPython's weakref list
            var refs = t.Refs;
            for (int i = refs.Count - 1; i >= 0; i--)
            {
                if (refs[i].Target is not PyObject w) continue;
                var cb = w is PyWeakRef r ? r.TakeCallback() : w is PyWeakProxy p ? p.TakeCallback() : null;
                if (cb != null) Guarded(ts, cb, null, cb, w);
            }
        }
        if (callbacks) t.FreeRefs();
    }

    static readonly PyStr s_del = PyStr.Intern("__del__");

    /// <summary>Runs a finalizer: `native(ts, arg)`, or else `callable(arg)`; its exception goes
    /// to sys.unraisablehook ("Exception ignored in: obj"), never further. The handled exception
    /// (sys.exc_info) is the caller's again after. (No lambda: its closure would be made at
    /// every Run, for each of 300,000 dropped instances.)</summary>
    static void Guarded(ThreadState ts, PyObject obj, Action<ThreadState, PyObject>? native, PyObject? callable, PyObject arg)
    {
        var handled = ts.HandledException;
        try
        {
            if (native != null) native(ts, arg);
            else Ops.Call(ts, callable!, new ReadOnlySpan<PyObject>(ref arg), null);
        }
        catch (PyException e) { ReportUnraisable(ts, e.Value, obj); }
        finally { ts.HandledException = handled; }
    }

    /// <summary>CPython's PyErr_WriteUnraisable: sys.unraisablehook gets (exc_type, exc_value,
    /// exc_traceback, err_msg, object); if the hook itself fails, the engine's stderr says so.</summary>
    public static void ReportUnraisable(ThreadState ts, PyBaseException exc, PyObject? obj, string? errMsg = null)
    {
        try
        {
            var hook = ts.Engine.Sys.Get("unraisablehook");
            // no hook set: CPython's default one writes it to stderr
            if (hook == null || hook == PyNone.Value) hook = ts.Engine.Sys.Get("__unraisablehook__");
            if (hook == null || hook == PyNone.Value) return;
            var args = new PySimpleNamespace();
            var d = args.Dict!;
            d.SetStr(PyStr.Intern("exc_type"), exc.Type);
            d.SetStr(PyStr.Intern("exc_value"), exc);
            d.SetStr(PyStr.Intern("exc_traceback"), (PyObject?)exc.Traceback ?? PyNone.Value);
            d.SetStr(PyStr.Intern("err_msg"), errMsg == null ? PyNone.Value : new PyStr(errMsg));
            d.SetStr(PyStr.Intern("object"), obj ?? PyNone.Value);
            Ops.Call(ts, hook, args);
        }
        catch (PyException e)
        {
            try { ts.Engine.Stderr.Write("Exception ignored in sys.unraisablehook: " + ts.Engine.FormatException(ts, e.Value)); }
            catch (Exception) { }
        }
    }

    // ---------------- exit ----------------

    /// <summary>At exit (after atexit): what is queued is finalized, then the `__del__` and
    /// native finalizers of the objects not yet collected run, oldest first, as CPython's module
    /// teardown reaches most of them (CPython does not promise it for all). No collection
    /// first (a full collection at every exit costs more than it is worth): an object that is
    /// already garbage is finalized here with the living. Weakref callbacks of objects not yet
    /// collected do not run. After this nothing more is queued.</summary>
    public void RunAtExit(ThreadState ts)
    {
        try
        {
            RunPending(ts);
            var alive = new List<FinalizationTracker>();
            foreach (var (_, t) in s_trackers)
                if (t.Owner == this && t.Target != null) alive.Add(t);
            _owned.AddAlive(alive);
            _running = true;
            try { foreach (var t in InRunOrder(alive)) Run(ts, t, callbacks: false); }
            finally { _running = false; }
            RunPending(ts);
        }
        finally { _closed = true; _queue.Clear(); }
    }
}
