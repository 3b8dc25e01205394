#nullable enable
using System.Runtime.CompilerServices;
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Runtime;

// The frame exits that RETURN_VALUE and YIELD_VALUE do not run inline (kept out of Dispatch,
// whose locals are counted: see Interpreter.Calls.cs).
public static partial class Interpreter
{
    /// <summary>RETURN_VALUE of `v` from `f` (its Sp stored) when it is not a plain function
    /// returning to a Python caller: a generator, the loop's entry frame, a tasklet's bottom
    /// frame, an __init__ returning something else than None. Returns null when the loop goes
    /// on with ts.Frame, Raised when an exception is to be raised there (ts.ColdException),
    /// otherwise the result Dispatch returns (the entry frame's).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static PyObject? ReturnOther(ThreadState ts, Frame f, PyObject v)
    {
        ts.RecursionDepth--;
        f.Finished = true;
        var caller = f.Back;
        var gen = f.Generator;
        if (f.Exposed && gen == null && caller != null) caller.Exposed = true; else f.Back = null;
        if (gen != null) gen.OnExit(ts);
        if (f.InitSelf != null)
        {
            if (v != PyNone.Value)
            {
                var e = PyExc.TypeError($"__init__() should return None, not '{v.Type.Name}'").Value;
                if (f.IsEntry) { f.IsEntry = false; ts.Frame = caller; throw new PyException(e); }
                return RaiseIn(ts, caller!, e);
            }
            v = f.InitSelf;
        }
        int mode = f.ReturnMode;
        if (f.IsEntry) { f.IsEntry = false; ts.Frame = caller; return v; }
        if (caller == null && ts.ChainEnded != null)
        {
            // the bottom frame of a tasklet returned: the scheduler picks the next chain
            ts.Frame = null;
            ts.ChainEnded(ts, v, null);
            return null;
        }
        if (gen == null) f.Recycle();
        f = caller!;
        ts.Frame = f;
        var s = f.Slots;
        switch (mode)
        {
            case ReturnPush: s[f.Sp++] = v; break;
            case ReturnForIter: s[--f.Sp] = null; f.Pc = f.Code.Quick[f.Lasti] >> 8; break;
            case ReturnSend:
                s[--f.Sp] = null;
                s[f.Sp - 1] = v;
                f.Pc = f.Code.Quick[f.Lasti] >> 8;
                break;
            case ReturnGenSend:
            {
                var e = v == PyNone.Value ? PyExc.StopIteration().Value : PyExc.StopIteration(v).Value;
                if (gen != null && gen.IsAsyncGen) e = PyExc.New(ExceptionTypes.StopAsyncIteration).Value;
                return RaiseIn(ts, f, e);
            }
            case ReturnConsume:
            {
                var r = ConsumeReturn(ts, gen!, out var e);
                if (e != null) return RaiseIn(ts, f, e);
                s[f.Sp++] = r;
                break;
            }
        }
        return null;
    }

    /// <summary>YIELD_VALUE of `item` from generator frame `f` (its Sp/Pc stored) to a native
    /// consumer that did not take it quickly (ConsumeYield). Returns true when the loop goes on
    /// with ts.Frame, false when an exception is to be raised there (Dispatch returns Raised).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static bool YieldToConsumer(ThreadState ts, Frame f, PyObject item)
    {
        var next = ConsumeYield(ts, f, item, out var exc);
        if (exc == null) return true;
        RaiseIn(ts, next, exc);
        return false;
    }

    /// <summary>What Dispatch's error exit does, for exceptions raised out of line in frame `f`
    /// (its Sp and Pc stored): at f.Lasti, a traceback entry to add (Run unwinds it).</summary>
    static PyObject RaiseIn(ThreadState ts, Frame f, PyBaseException exc)
    {
        ChainContext(ts, exc);
        ts.ColdException = exc;
        ts.Frame = f;
        return Raised;
    }
}
