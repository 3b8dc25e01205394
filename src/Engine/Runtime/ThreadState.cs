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
    /// <summary>The exception being handled (sys.exc_info()), saved/restored by PUSH_EXC_INFO/POP_EXCEPT.</summary>
    public PyBaseException? HandledException;
    /// <summary>Python call depth, limited by sys.getrecursionlimit().</summary>
    public int RecursionDepth;
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
    /// <summary>The stackless scheduler of this thread (owned by the stackless module; null until used).</summary>
    public object? Scheduler;
    /// <summary>Set by a native function that returned Interpreter.Unwind after switching ts.Frame to
    /// another chain: the resumed frame raises this instead of continuing normally.</summary>
    public PyBaseException? UnwindException;
    /// <summary>Called when the bottom frame of a tasklet's chain (no Back, not an entry frame)
    /// returns (result, null) or raises out (null, exc). It must set ts.Frame to the chain to run
    /// next (and UnwindException if that one must raise).</summary>
    public Action<ThreadState, PyObject?, PyBaseException?>? ChainEnded;
    /// <summary>Preemption: counts down at backward jumps while PreemptHook is set; at zero the hook
    /// runs (it may switch ts.Frame to another chain and return true).</summary>
    public long Ticks;
    public Func<ThreadState, bool>? PreemptHook;

    readonly List<PyObject> _reprStack = new();

    /// <summary>The Python thread identity (_thread.get_ident): the OS thread that created this
    /// state, kept even when a hard-switched tasklet runs on a helper OS thread.</summary>
    public readonly long Ident;

    public ThreadState(PythonEngine engine)
    {
        Engine = engine;
        Ident = Environment.CurrentManagedThreadId;
    }

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
