#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `_thread` module: locks, thread identity and thread-local data, which the
/// standard library (functools, threading, logging, ...) needs even in single-threaded
/// programs. Starting Python threads is not supported yet: start_new_thread raises.</summary>
public static class ThreadModule
{
    /// <summary>Largest timeout accepted by lock.acquire (as in CPython on 64-bit Linux).</summary>
    public const double TimeoutMax = 9223372036.0;

    /// <summary>False while Python code can only run on the main thread: a blocking acquire of
    /// a held lock could then never return, so it raises instead of hanging.</summary>
    public static bool OtherThreadsPossible => false;

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
    [PyMethod] static long get_native_id(ThreadState ts) => Environment.CurrentManagedThreadId;
    [PyMethod] static long _count(ThreadState ts) => 0;

    [PyMethod]
    static long stack_size(ThreadState ts, long size = 0)
    {
        if (size != 0 && size < 32768) throw PyExc.ValueError("size not valid: " + size + " bytes");
        return 0;
    }

    [PyMethod]
    static PyObject start_new_thread(ThreadState ts, PyObject function, PyObject args, PyObject? kwargs = null)
    {
        if (!Ops.IsCallable(function)) throw PyExc.TypeError("first arg must be callable");
        if (args is not PyTuple) throw PyExc.TypeError("2nd arg must be a tuple");
        if (kwargs != null && kwargs is not PyDict) throw PyExc.TypeError("optional 3rd arg must be a dictionary");
        throw PyExc.RuntimeError("can't start new thread: StacklessIron does not run Python threads yet");
    }

    [PyMethod] static PyObject start_new(ThreadState ts, PyObject function, PyObject args, PyObject? kwargs = null)
        => start_new_thread(ts, function, args, kwargs);

    [PyMethod] static void exit(ThreadState ts) => throw PyExc.New(ExceptionTypes.SystemExit);
    [PyMethod] static void exit_thread(ThreadState ts) => throw PyExc.New(ExceptionTypes.SystemExit);

    /// <summary>threading calls this for each new thread; there are none yet.</summary>
    [PyMethod] static PyObject _set_sentinel(ThreadState ts) => new PyLock();
}
