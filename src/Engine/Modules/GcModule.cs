#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `gc` module over .NET's garbage collector. collect() runs a full blocking .NET
/// collection, waits for its finalizers, then runs on this thread the weakref callbacks and
/// `__del__` methods of the objects that died (Runtime/Finalization), and returns how many
/// objects it finalized so (the .NET collector does not count the others it frees).
/// gc.callbacks are called around it. disable() stops no collection: .NET collects when it
/// must, and dead objects' finalizers still run at the loop's next tick, as CPython frees
/// objects by reference counting while its cycle collector is disabled.
/// The .NET collector has no per-object tracking or generations of Python objects:
/// get_objects and get_referrers return empty lists, get_referents looks into containers,
/// instance dicts and slots, is_tracked follows CPython's rule for atomic types; freeze() has
/// no permanent generation to move objects to and does nothing. get_count's first figure
/// counts finalizers run and 64-byte units allocated by this thread since the last collect().</summary>
public static class GcModule
{
    static bool _enabled = true;
    static long _threshold0 = 700, _threshold1 = 10, _threshold2 = 10, _debug;
    static readonly long[] Collections = new long[3];

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("gc", "This module provides access to the garbage collector for reference cycles.");
        NativeMembers.FillModule(m, typeof(GcModule));
        m.Set("garbage", new PyList());
        m.Set("callbacks", new PyList());
        m.Set("DEBUG_STATS", PyInt.From(1));
        m.Set("DEBUG_COLLECTABLE", PyInt.From(2));
        m.Set("DEBUG_UNCOLLECTABLE", PyInt.From(4));
        m.Set("DEBUG_SAVEALL", PyInt.From(32));
        m.Set("DEBUG_LEAK", PyInt.From(38));
        return m;
    }

    public static void Register() => Importer.NativeModules["gc"] = Create;

    [PyMethod] static void enable(ThreadState ts) => _enabled = true;
    [PyMethod] static void disable(ThreadState ts) => _enabled = false;
    [PyMethod] static bool isenabled(ThreadState ts) => _enabled;

    static void RunCallbacks(ThreadState ts, string phase, long generation, long collected)
    {
        if (ts.Engine.Modules.GetStr("gc") is not PyModule gc || gc.Get("callbacks") is not PyList cbs || cbs.Count == 0) return;
        var info = new PyDict();
        info.SetStr("generation", PyInt.From(generation));
        info.SetStr("collected", PyInt.From(collected));
        info.SetStr("uncollectable", PyInt.From(0));
        foreach (var cb in cbs.ToArray()) Ops.Call(ts, cb, new PyStr(phase), info);
    }

    [PyMethod]
    static long collect(ThreadState ts, [PyKeyword] long generation = 2)
    {
        if (generation < 0 || generation > 2) throw PyExc.ValueError("invalid generation");
        RunCallbacks(ts, "start", generation, 0);
        long n = ts.Engine.Finalization.Collect(ts);
        Collections[generation]++;
        s_allocatedAtCollect = GC.GetAllocatedBytesForCurrentThread();
        ts.Engine.Finalization.RunCount = 0;
        RunCallbacks(ts, "stop", generation, n);
        return n;
    }

    static long s_allocatedAtCollect;

    /// <summary>Grows as objects are made (each 64 bytes allocated by this thread count one) and finalized, and
    /// starts again from 0 at collect(), as CPython's count of young objects does.</summary>
    [PyMethod]
    static PyObject get_count(ThreadState ts)
    {
        long young = Math.Max(0, (GC.GetAllocatedBytesForCurrentThread() - s_allocatedAtCollect) / 64) + ts.Engine.Finalization.RunCount;
        return PyTuple.Of(PyInt.From(young), PyInt.From(0), PyInt.From(0));
    }
    [PyMethod] static PyObject get_threshold(ThreadState ts) => PyTuple.Of(PyInt.From(_threshold0), PyInt.From(_threshold1), PyInt.From(_threshold2));

    [PyMethod]
    static void set_threshold(ThreadState ts, long threshold0, long threshold1 = -1, long threshold2 = -1)
    {
        _threshold0 = threshold0;
        if (threshold1 >= 0) _threshold1 = threshold1;
        if (threshold2 >= 0) _threshold2 = threshold2;
    }

    [PyMethod] static long get_debug(ThreadState ts) => _debug;
    [PyMethod] static void set_debug(ThreadState ts, long flags) => _debug = flags;

    [PyMethod]
    static PyObject get_stats(ThreadState ts)
    {
        var list = new PyList();
        for (int i = 0; i < 3; i++)
        {
            var d = new PyDict();
            d.SetStr("collections", PyInt.From(Collections[i]));
            d.SetStr("collected", PyInt.From(0));
            d.SetStr("uncollectable", PyInt.From(0));
            list.Append(d);
        }
        return list;
    }

    /// <summary>CPython does not track atoms (numbers, strings, None ...) nor, after the first
    /// collection, tuples and dicts holding only atoms; this applies that rule directly.</summary>
    [PyMethod]
    static bool is_tracked(ThreadState ts, PyObject obj) => !IsAtomic(obj);

    static bool IsAtomic(PyObject o)
    {
        if (o is PyInt || o is PyFloat || o is PyStr || o is PyBytes || o is PyNone || o is PyComplex) return o.Type.IsHeapType == false;
        if (o is PyTuple t && t.Type == TypeObjects.Tuple)
        {
            foreach (var x in t.Items) if (!IsAtomic(x)) return false;
            return true;
        }
        if (o is PyDict d && d.Type == TypeObjects.Dict)
        {
            foreach (var (k, v) in d.Items()) if (!IsAtomic(k) || !IsAtomic(v)) return false;
            return true;
        }
        return false;
    }

    /// <summary>True once the object's `__del__` ran (PEP 442: it runs only once).</summary>
    [PyMethod] static bool is_finalized(ThreadState ts, PyObject obj) => Finalization.IsFinalized(obj);

    [PyMethod]
    static PyObject get_objects(ThreadState ts, [PyKeyword] PyObject? generation = null) => new PyList();

    [PyMethod]
    static PyObject get_referrers(ThreadState ts, params PyObject[] objs) => new PyList();

    [PyMethod]
    static PyObject get_referents(ThreadState ts, params PyObject[] objs)
    {
        var r = new PyList();
        foreach (var o in objs)
        {
            switch (o)
            {
                case PyList l: { var a = l.ToArray(); for (int i = a.Length - 1; i >= 0; i--) r.Append(a[i]); break; }   // list_traverse goes backwards
                case PyTuple t: foreach (var x in t.Items) r.Append(x); break;
                case PyDict d:
                {
                    // As CPython's dict_traverse: a dict whose keys are all str shows only its values.
                    bool strKeys = true;
                    foreach (var (k, _) in d.Items()) if (k.GetType() != typeof(PyStr)) { strKeys = false; break; }
                    foreach (var (k, v) in d.Items()) { r.Append(v); if (!strKeys) r.Append(k); }
                    break;
                }
                case PyAnySet s: foreach (var x in s.ToArray()) r.Append(x); break;
                case PyInstance inst:
                    // As 3.11's inline instance values: the attribute values, then the class.
                    if (inst.Dict is PyDict idict) foreach (var (_, v) in idict.Items()) r.Append(v);
                    if (inst.Slots != null) foreach (var x in inst.Slots) if (x != null) r.Append(x);
                    r.Append(inst.Type);
                    break;
            }
        }
        return r;
    }

    [PyMethod] static void freeze(ThreadState ts) { }
    [PyMethod] static void unfreeze(ThreadState ts) { }
    [PyMethod] static long get_freeze_count(ThreadState ts) => 0;
}
