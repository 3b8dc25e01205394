#nullable enable
using System;
using System.Threading;
namespace StacklessIron.Modules;

/// <summary>The `_thread` module: Python threads on OS threads (each with its own ThreadState,
/// taking turns under the engine's global interpreter lock), locks, thread identity and
/// thread-local data.</summary>
public static class ThreadModule
{
    /// <summary>Largest timeout accepted by lock.acquire (as in CPython on 64-bit Linux).</summary>
    public const double TimeoutMax = 9223372036.0;

    /// <summary>Stack of a Python thread's OS thread: deep native nesting ends in RecursionError
    /// (ThreadState.CheckStack), not a crash. threading.stack_size() can change it.</summary>
    const int DefaultStackSize = 16 * 1024 * 1024;
    static long s_stackSize;

    /// <summary>False while Python code runs on one thread only: a blocking acquire of a held
    /// lock could then never return, so it raises instead of hanging.</summary>
    public static bool OtherThreadsPossible(ThreadState ts) => ts.Engine.Gil.Active;

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_thread", "This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface.");
        NativeMembers.FillModule(m, typeof(ThreadModule));
        m.Set("LockType", PyLock.TypeObject);
        m.Set("RLock", PyRLock.TypeObject);
        m.Set("_local", PyThreadLocal.TypeObject);
        m.Set("error", ExceptionTypes.RuntimeError);
        m.Set("TIMEOUT_MAX", new PyFloat(TimeoutMax));
        return m;
    }

    public static void Register() => Importer.NativeModules["_thread"] = Create;

    /// <summary>The Python-level thread identity: tasklets (even hard-switched ones, which run
    /// on helper OS threads) belong to the thread of their ThreadState.</summary>
    public static long Ident(ThreadState ts) => ts.Ident;

    [PyMethod] static PyObject allocate_lock(ThreadState ts) => new PyLock();
    [PyMethod] static PyObject allocate(ThreadState ts) => new PyLock();
    [PyMethod] static long get_ident(ThreadState ts) => Ident(ts);
    [PyMethod] static long get_native_id(ThreadState ts) => Ident(ts);
    /// <summary>Threads started here that still run (the main thread does not count).</summary>
    [PyMethod] static long _count(ThreadState ts) => ts.Engine.Gil.ThreadCount - 1;

    [PyMethod]
    static long stack_size(ThreadState ts, long size = 0)
    {
        if (size != 0 && size < 32768) throw PyExc.ValueError("size not valid: " + size + " bytes");
        long old = s_stackSize;
        s_stackSize = size;
        return old;
    }

    [PyMethod]
    static PyObject start_new_thread(ThreadState ts, PyObject function, PyObject args, PyObject? kwargs = null)
    {
        if (!Ops.IsCallable(function)) throw PyExc.TypeError("first arg must be callable");
        if (args is not PyTuple argt) throw PyExc.TypeError("2nd arg must be a tuple");
        if (kwargs != null && kwargs is not PyDict) throw PyExc.TypeError("optional 3rd arg must be a dictionary");
        var engine = ts.Engine;
        var callArgs = (PyObject[])argt.Items.Clone();
        var kw = kwargs as PyDict;
        ThreadState? nts = null;
        Thread th;
        try
        {
            th = new Thread(() => ThreadMain(nts!, function, callArgs, kw), s_stackSize != 0 ? (int)Math.Min(s_stackSize, int.MaxValue) : DefaultStackSize)
            {
                // daemon or not is threading's business (its _shutdown joins non-daemon threads):
                // the process never waits for a Python thread by itself
                IsBackground = true,
                Name = "python thread",
            };
        }
        catch (OutOfMemoryException) { throw PyExc.RuntimeError("can't start new thread"); }
        nts = new ThreadState(engine, th.ManagedThreadId);
        engine.Gil.AddThread(nts);
        try { th.Start(); }
        catch (Exception e) when (e is OutOfMemoryException || e is ThreadStartException)
        {
            engine.Gil.RemoveThread(nts);
            throw PyExc.RuntimeError("can't start new thread");
        }
        return PyInt.From(nts.Ident);
    }

    [PyMethod] static PyObject start_new(ThreadState ts, PyObject function, PyObject args, PyObject? kwargs = null)
        => start_new_thread(ts, function, args, kwargs);

    /// <summary>The body of a Python thread's OS thread: takes the interpreter lock, calls the
    /// function, reports an exception that escapes it (SystemExit ends the thread quietly),
    /// releases the thread's sentinel locks and hands the lock on.</summary>
    static void ThreadMain(ThreadState ts, PyObject function, PyObject[] args, PyDict? kwargs)
    {
        var gil = ts.Engine.Gil;
        gil.Acquire(ts);
        try
        {
            Ops.CallWithDict(ts, function, args, kwargs);
        }
        catch (PyException e) when (e.Matches(ExceptionTypes.SystemExit)) { }
        catch (PyException e) { WriteUnraisable(ts, e.Value, "Exception ignored in thread started by", function); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            WriteUnraisable(ts, PyExc.SystemError($"internal error in a thread: {e.GetType().Name}: {e.Message}").Value, "Exception ignored in thread started by", function);
        }
        finally
        {
            ts.Ended = true;
            try { ts.ThreadEnding?.Invoke(ts); } catch (Exception) { }
            if (ts.Sentinels != null)
                foreach (var l in ts.Sentinels) ((PyLock)l).ReleaseIfLocked();
            ts.Sentinels = null;
            gil.RemoveThread(ts);
            gil.Release(ts);
        }
    }

    /// <summary>Reports through sys.unraisablehook, as CPython's _PyErr_WriteUnraisableMsg.</summary>
    static void WriteUnraisable(ThreadState ts, PyBaseException exc, string msg, PyObject obj)
        => Finalization.ReportUnraisable(ts, exc, obj, msg);

    [PyMethod] static void exit(ThreadState ts) => throw PyExc.New(ExceptionTypes.SystemExit);
    [PyMethod] static void exit_thread(ThreadState ts) => throw PyExc.New(ExceptionTypes.SystemExit);

    /// <summary>A lock that is released (if held) when the calling thread ends: threading
    /// acquires it at once and joins the thread by waiting for it.</summary>
    [PyMethod]
    static PyObject _set_sentinel(ThreadState ts)
    {
        var l = new PyLock();
        (ts.Sentinels ??= new()).Add(l);
        return l;
    }

    /// <summary>At the end of the program (before atexit): threading._shutdown waits for the
    /// non-daemon threads, as CPython's finalisation does.</summary>
    public static void WaitForShutdown(ThreadState ts)
    {
        var threading = ts.Engine.Modules.GetStr("threading");
        if (threading == null) return;
        try
        {
            var f = Ops.GetAttrOrNull(ts, threading, PyStr.Intern("_shutdown"));
            if (f != null) Ops.Call(ts, f);
        }
        catch (PyException e) { WriteUnraisable(ts, e.Value, "Exception ignored on threading shutdown", PyNone.Value); }
    }
}
