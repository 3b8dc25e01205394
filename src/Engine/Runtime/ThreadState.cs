#nullable enable
using System.Runtime.CompilerServices;
using System;
namespace StacklessIron.Runtime;

/// <summary>
/// Engine state for one OS thread, passed explicitly to every native function (no thread-statics).
/// The running "tasklet" is the frame chain ending at Frame plus HandledException: switching
/// tasklets later means swapping those, not the .NET stack.
/// </summary>
public sealed class ThreadState
{
    public readonly PythonEngine Engine;
    /// <summary>The innermost running Python frame (its Back chain is the Python call stack).</summary>
    public Frame? Frame;
    /// <summary>Hands the exception of a rarely used instruction (Interpreter.DispatchCold)
    /// back to the loop; meaningless otherwise.</summary>
    internal PyBaseException? ColdException;
    /// <summary>The exception being handled (sys.exc_info()), saved/restored by PUSH_EXC_INFO/POP_EXCEPT.</summary>
    public PyBaseException? HandledException;
    /// <summary>Python call depth, limited by sys.getrecursionlimit().</summary>
    public int RecursionDepth;
    /// <summary>The trace and profile functions of this thread (sys.settrace/setprofile); null
    /// when neither is set (Interpreter.Tracing.cs).</summary>
    public TraceState? Trace;
    /// <summary>How many VM loops are nested on the .NET stack (native code calling back into Python).</summary>
    public int NestingLevel;

    /// <summary>Set by the loop just before it calls a native function; a native that can
    /// soft-switch takes it (TakeUnwindPermission) and may then return Interpreter.Unwind.
    /// Any C#-to-Python call (Ops.Call) clears it, so only the native the loop called sees it.</summary>
    public bool UnwindAllowed;

    public bool TakeUnwindPermission()
    {
        var r = UnwindAllowed;
        UnwindAllowed = false;
        return r;
    }

    // ---- hooks for the stackless module (soft switching) ----
    /// <summary>stackless.enable_softswitch(False) on this thread: natives that could resume
    /// Python code softly (coroutine.send) nest instead, as everything does in Stackless then.</summary>
    public bool SoftSwitchDisabled;
    /// <summary>The stackless scheduler of this thread (owned by the stackless module; null until used).</summary>
    public object? Scheduler;
    /// <summary>Set by a native function that returned Interpreter.Unwind after switching ts.Frame to
    /// another chain: the resumed frame raises this instead of continuing normally.</summary>
    public PyBaseException? UnwindException;
    /// <summary>Called when the bottom frame of a tasklet's chain (no Back, not an entry frame)
    /// returns (result, null) or raises out (null, exc). It must set ts.Frame to the chain to run
    /// next (and UnwindException if that one must raise).</summary>
    public Action<ThreadState, PyObject?, PyBaseException?>? ChainEnded;
    /// <summary>Preemption: counts down at backward jumps and calls while TickHook is set; at zero
    /// the hook runs (it may switch ts.Frame to another chain and return true).</summary>
    public long Ticks;
    /// <summary>What the VM loop calls when Ticks runs out (null: the loop counts nothing). It is
    /// the scheduler's PreemptHook, or while several Python threads exist OnTick, which also
    /// hands the interpreter lock over and calls the scheduler's hook when its budget is spent.</summary>
    public Func<ThreadState, bool>? TickHook;
    Func<ThreadState, bool>? _preemptHook;
    readonly Func<ThreadState, bool> _onTick;

    /// <summary>The stackless scheduler's preemption hook (run(timeout)), called when Ticks runs out.</summary>
    public Func<ThreadState, bool>? PreemptHook
    {
        get => _preemptHook;
        set { _preemptHook = value; UpdateTickHook(); }
    }

    // ---- the global interpreter lock ----
    /// <summary>Signalled when the interpreter lock is handed to this thread.</summary>
    internal readonly System.Threading.SemaphoreSlim GilWake = new(0);
    /// <summary>Another thread waits for the lock: yield it at the next tick. SavedTicks is what
    /// Ticks was when the requester zeroed it (the scheduler's budget goes on from there).</summary>
    volatile bool _gilDropRequested;
    long _savedTicks;

    internal void UpdateTickHook() => TickHook = Engine.Gil.Active || _signalCheckRequested || _finalizersRequested ? _onTick : _preemptHook;

    // ---- finalizers ----
    /// <summary>Weakref callbacks or `__del__` methods wait (Runtime/Finalization): the loop
    /// calls OnTick at its next tick, which runs them, as it does for signals.</summary>
    volatile bool _finalizersRequested;
    long _finalizerSavedTicks;

    /// <summary>Called from the .NET finalizer thread when a tracked object died.</summary>
    public void RequestFinalizers()
    {
        _finalizersRequested = true;
        TickHook = _onTick;
        _finalizerSavedTicks = System.Threading.Interlocked.Exchange(ref Ticks, 0);
    }

    // ---- signals ----
    /// <summary>A signal arrived for a Python handler: the loop calls OnTick at its next tick
    /// (backward jump or call), which runs the handlers on this (the main) thread.</summary>
    volatile bool _signalCheckRequested;
    long _signalSavedTicks;

    /// <summary>Called from the thread .NET delivers a signal on. A request lost to a race with
    /// the loop's own tick count is repeated by the caller until handled (SignalCheckPending).</summary>
    public void RequestSignalCheck()
    {
        _signalCheckRequested = true;
        TickHook = _onTick;
        _signalSavedTicks = System.Threading.Interlocked.Exchange(ref Ticks, 0);
    }

    public bool SignalCheckPending => _signalCheckRequested;

    /// <summary>Set while this thread runs finalizers (Finalization.RunPending). Signal handlers
    /// wait until it is over: a handler's exception raised inside a `__del__` or a close action
    /// would only be reported as ignored, and a sweep before every wait made that window wide
    /// enough to lose a KeyboardInterrupt meant for the wait.</summary>
    internal bool RunningFinalizers;

    /// <summary>Runs the Python handlers of signals that arrived (PythonEngine.PendingSignalRunner);
    /// a handler's exception propagates to the caller, as from CPython's eval breaker.</summary>
    public void RunPendingSignals()
    {
        if (!_signalCheckRequested || RunningFinalizers) return;
        _signalCheckRequested = false;
        UpdateTickHook();
        Engine.PendingSignalRunner?.Invoke(this);
    }

    /// <summary>Called by a thread waiting for the lock: makes this (holding) thread's loop call
    /// its tick hook at once. A request lost to a race with the loop's own count is repeated
    /// by the waiter after the next switch interval.</summary>
    internal void RequestGilDrop()
    {
        _savedTicks = System.Threading.Interlocked.Exchange(ref Ticks, 0);
        _gilDropRequested = true;
    }

    bool OnTick(ThreadState ts)
    {
        if (_finalizersRequested)
        {
            _finalizersRequested = false;
            long saved = _finalizerSavedTicks;
            Ticks = saved;
            UpdateTickHook();
            Engine.Finalization.RunPending(this);
            if (saved > 0 && !_signalCheckRequested && !_gilDropRequested) return false;
        }
        if (_signalCheckRequested)
        {
            long saved = _signalSavedTicks;
            Ticks = saved;
            RunPendingSignals();
            if (saved > 0 && !_gilDropRequested) return false;
        }
        var gil = Engine.Gil;
        if (_gilDropRequested)
        {
            _gilDropRequested = false;
            long saved = _savedTicks;
            gil.Yield(this);
            Ticks = saved;
            if (saved > 0) return false;
        }
        if (gil.ThreadCount == 1) gil.Deactivate(this);
        if (_preemptHook != null) return _preemptHook(this);
        Ticks = long.MaxValue;
        return false;
    }

    /// <summary>For `using`: lets other Python threads run while this one blocks outside Python
    /// (sleep, lock and I/O waits). Nothing inside may touch Python objects.</summary>
    public GlobalInterpreterLock.Released AllowThreads() => Engine.Gil.ReleaseWhileBlocked(this);

    /// <summary>Locks that _thread._set_sentinel handed out: released when this thread ends.</summary>
    internal List<PyObject>? Sentinels;

    readonly List<PyObject> _reprStack = new();

    /// <summary>The Python thread identity (_thread.get_ident): the OS thread that created this
    /// state, kept even when a hard-switched tasklet runs on a helper OS thread.</summary>
    public readonly long Ident;

    public ThreadState(PythonEngine engine) : this(engine, Environment.CurrentManagedThreadId) { }

    /// <summary>The state of a Python thread that an OS thread with id `ident` will run.</summary>
    public ThreadState(PythonEngine engine, long ident)
    {
        Engine = engine;
        Ident = ident;
        _onTick = OnTick;
    }

    /// <summary>Set when the thread's function returned: its tasklets lose their thread.</summary>
    public volatile bool Ended;
    /// <summary>Called on the ending thread (holding the interpreter lock) after its function
    /// returned: the stackless module lets its tasklets go.</summary>
    public Action<ThreadState>? ThreadEnding;

    /// <summary>Guards the .NET stack where native code recurses (repr, compare, nested loops).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CheckStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw PyExc.RecursionError("maximum recursion depth exceeded");
    }

    /// <summary>For reprs of containers: false if `o` is already being repr'd (prints "[...]").</summary>
    public bool EnterRepr(PyObject o)
    {
        foreach (var x in _reprStack) if (x == o) return false;
        _reprStack.Add(o);
        return true;
    }

    public void LeaveRepr(PyObject o)
    {
        for (int i = _reprStack.Count - 1; i >= 0; i--)
            if (_reprStack[i] == o) { _reprStack.RemoveAt(i); return; }
    }

    /// <summary>Calls a Python callable from C# (a nested VM loop if it is Python code).</summary>
    public PyObject Call(PyObject callable, params PyObject[] args) => Ops.Call(this, callable, args);
}
