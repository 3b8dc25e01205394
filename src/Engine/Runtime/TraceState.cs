#nullable enable
namespace StacklessIron.Runtime;

/// <summary>What a trace or profile function is told (CPython's PyTrace_* events).</summary>
public enum TraceEvent { Call, Exception, Line, Return, CCall, CException, CReturn, Opcode }

/// <summary>A profiler that receives events natively (_lsprof), instead of through a Python
/// function. It throws PyException to fail; the profiler is then unset, as in CPython.</summary>
public interface IProfileHook
{
    void OnEvent(ThreadState ts, Frame frame, TraceEvent what, PyObject arg);
}

/// <summary>One thread's (or one tasklet's) sys.settrace / sys.setprofile functions.
/// ThreadState.Trace is null while neither is set, which is what keeps the loop's checks cheap.</summary>
public sealed class TraceState
{
    /// <summary>sys.settrace's function: called with 'call' for each new frame; what it
    /// returns becomes that frame's f_trace (the local function of the other events).</summary>
    public PyObject? TraceFunc;
    /// <summary>sys.getprofile()'s value: the Python function, or the profiler object.</summary>
    public PyObject? ProfileObj;
    /// <summary>Receives the profile events (null: no profiling).</summary>
    public IProfileHook? ProfileHook;
    /// <summary>A trace or profile function runs: nothing is traced meanwhile (CPython's
    /// tstate->tracing).</summary>
    public bool InHook;

    public bool IsEmpty => TraceFunc == null && ProfileHook == null;
}

/// <summary>sys.setprofile(function): calls the Python function (frame, event, arg).</summary>
sealed class PythonProfileHook : IProfileHook
{
    readonly PyObject _func;
    public PythonProfileHook(PyObject func) { _func = func; }

    public void OnEvent(ThreadState ts, Frame frame, TraceEvent what, PyObject arg)
    {
        frame.Exposed = true;
        Ops.Call(ts, _func, frame, Interpreter.TraceEventName(what), arg);
    }
}
