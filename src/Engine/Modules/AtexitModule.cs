#nullable enable
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Modules;

/// <summary>The `atexit` module: callbacks registered per engine, run last-in first-out when
/// the program ends (PythonEngine.RunMain calls RunExitFuncs after the main code, before the
/// streams are flushed). An exception in a callback is reported and the rest still run.</summary>
public static class AtexitModule
{
    sealed record Callback(PyObject Func, PyObject[] Args, PyDict? Kwargs);

    /// <summary>Registered callbacks in order; unregister leaves a null in the slot, as CPython
    /// 3.11 does (its _ncallbacks counts those slots until the list is run or cleared).</summary>
    static readonly ConditionalWeakTable<PythonEngine, List<Callback?>> Callbacks = new();

    static List<Callback?> Of(ThreadState ts) => Callbacks.GetValue(ts.Engine, _ => new List<Callback?>());

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("atexit", "allow programmer to define multiple exit functions to be executed\n" +
            "upon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n");
        NativeMembers.FillModule(m, typeof(AtexitModule));
        return m;
    }

    public static void Register() => Importer.NativeModules["atexit"] = Create;

    [PyMethod]
    static PyObject register(ThreadState ts, PyObject func, [PyKwArgs] PyDict kwargs, params PyObject[] args)
    {
        if (!Ops.IsCallable(func)) throw PyExc.TypeError("the first argument must be callable");
        Of(ts).Add(new Callback(func, args, kwargs.Count > 0 ? kwargs : null));
        return func;
    }

    [PyMethod]
    static void unregister(ThreadState ts, PyObject func)
    {
        var list = Of(ts);
        for (int i = 0; i < list.Count; i++)
            if (list[i] is { } cb && Ops.Equal(ts, cb.Func, func)) list[i] = null;
    }

    [PyMethod] static void _clear(ThreadState ts) => Of(ts).Clear();
    [PyMethod] static long _ncallbacks(ThreadState ts) => Of(ts).Count;
    [PyMethod] static void _run_exitfuncs(ThreadState ts) => RunExitFuncs(ts);

    /// <summary>Runs and clears the callbacks, newest first; each failure is printed as an
    /// "Exception ignored in atexit callback" report on stderr.</summary>
    public static void RunExitFuncs(ThreadState ts)
    {
        if (!Callbacks.TryGetValue(ts.Engine, out var list)) return;
        while (list.Count > 0)
        {
            var cb = list[^1];
            list.RemoveAt(list.Count - 1);
            if (cb == null) continue;
            try
            {
                if (cb.Kwargs != null) Ops.CallWithDict(ts, cb.Func, cb.Args, cb.Kwargs);
                else Ops.Call(ts, cb.Func, cb.Args);
            }
            catch (PyException e)
            {
                string what;
                try { what = Ops.ReprString(ts, cb.Func); } catch (PyException) { what = "<object repr() failed>"; }
                ts.Engine.Stdout.Flush();
                ts.Engine.Stderr.Write($"Exception ignored in atexit callback: {what}\n");
                ts.Engine.PrintException(ts, e.Value);
            }
        }
    }
}
