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
/// The .NET collector keeps no list of objects, no generations of Python objects and no
/// reference counts, so the introspection works from what the engine can see:
/// get_objects() walks every object reachable from sys.modules, builtins and each thread's
/// frames through get_referents (objects held only by native state, such as a blocked
/// tasklet's frames, are missed; generation 0/1 are empty, as everything alive is treated as
/// old); get_referrers() searches that walk; get_referents() follows CPython's traverse
/// functions for the common types; is_tracked follows CPython's rule for atomic types;
/// freeze() records how many objects get_objects() saw (get_freeze_count) and moves nothing.
/// get_count's first figure counts finalizers run and 64-byte units allocated by this thread
/// since the last collect(). gc.garbage stays empty: PEP 442 finalization frees cycles with
/// `__del__`, and DEBUG_SAVEALL has no cycle collector here to save from.</summary>
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

    /// <summary>CPython does not track atoms (numbers, strings, None, builtin types, plain
    /// object() ...) nor, after the first collection, tuples and dicts holding only atoms; this
    /// applies that rule directly.</summary>
    [PyMethod]
    static bool is_tracked(ThreadState ts, PyObject obj) => !IsAtomic(obj);

    static bool IsAtomic(PyObject o)
    {
        if (o is PyInt || o is PyFloat || o is PyStr || o is PyBytes || o is PyByteArray || o is PyNone || o is PyComplex) return !o.Type.IsHeapType;
        if (o is PyType t0) return !t0.IsHeapType;
        if (o.Type == TypeObjects.Object) return true;
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
    static PyObject get_objects(ThreadState ts, [PyKeyword] PyObject? generation = null)
    {
        if (generation != null && generation != PyNone.Value)
        {
            if (generation is not PyInt) throw PyExc.TypeError($"'{generation.Type.Name}' object cannot be interpreted as an integer");
            var gi = (PyInt)generation;
            long g = gi.FitsLong ? gi.Small : gi.Sign < 0 ? -1 : 1000;
            if (g >= 3) throw PyExc.ValueError("generation parameter must be less than the number of available generations (3)");
            if (g < 0) throw PyExc.ValueError("generation parameter cannot be negative");
            if (g < 2) return new PyList();
        }
        var r = new PyList();
        foreach (var o in Reachable(ts)) if (!IsAtomic(o)) r.Append(o);
        return r;
    }

    /// <summary>Every object reachable from the engine's roots (sys.modules, builtins, each
    /// Python thread's frames and handled exception), each once, roots first.</summary>
    static List<PyObject> Reachable(ThreadState ts)
    {
        var seen = new HashSet<PyObject>(ReferenceEqualityComparer.Instance);
        var order = new List<PyObject>();
        var stack = new Stack<PyObject>();
        void Push(PyObject? o) { if (o != null && seen.Add(o)) { stack.Push(o); order.Add(o); } }
        Push(ts.Engine.Modules);
        Push(ts.Engine.Builtins);
        foreach (var th in ts.Engine.Gil.Threads)
        {
            Push(th.Frame);
            Push(th.HandledException);
        }
        Push(ts.Frame);
        var refs = new List<PyObject>();
        while (stack.Count > 0)
        {
            var o = stack.Pop();
            refs.Clear();
            try { Referents(o, refs); }
            catch (PyException) { }
            foreach (var x in refs) Push(x);
        }
        return order;
    }

    [PyMethod]
    static PyObject get_referrers(ThreadState ts, params PyObject[] objs)
    {
        var r = new PyList();
        if (objs.Length == 0) return r;
        var targets = new HashSet<PyObject>(objs, ReferenceEqualityComparer.Instance);
        var refs = new List<PyObject>();
        foreach (var o in Reachable(ts))
        {
            if (IsAtomic(o) && o is not PyTuple && o is not PyDict) continue;
            refs.Clear();
            try { Referents(o, refs); }
            catch (PyException) { }
            foreach (var x in refs) if (targets.Contains(x)) { r.Append(o); break; }
        }
        return r;
    }

    [PyMethod]
    static PyObject get_referents(ThreadState ts, params PyObject[] objs)
    {
        var refs = new List<PyObject>();
        foreach (var o in objs) Referents(o, refs);
        return new PyList(refs.ToArray());
    }

    /// <summary>What CPython's tp_traverse of `o` visits, for the types the engine has (an
    /// untracked atom visits nothing).</summary>
    static void Referents(PyObject o, List<PyObject> r)
    {
        void Add(PyObject? x) { if (x != null) r.Add(x); }
        switch (o)
        {
            case PyList l: { var a = l.ToArray(); for (int i = a.Length - 1; i >= 0; i--) r.Add(a[i]); break; }   // list_traverse goes backwards
            case PyTuple t: for (int i = t.Items.Length - 1; i >= 0; i--) r.Add(t.Items[i]); break;   // so does tupletraverse
            case PyDict d:
            {
                // As CPython's dict_traverse: a dict whose keys are all str shows only its values.
                bool strKeys = true;
                foreach (var (k, _) in d.Items()) if (k.GetType() != typeof(PyStr)) { strKeys = false; break; }
                foreach (var (k, v) in d.Items()) { r.Add(v); if (!strKeys) r.Add(k); }
                break;
            }
            case PyAnySet s: foreach (var x in s.ToArray()) r.Add(x); break;
            case PyInstance inst:
                // As 3.11's inline instance values: the attribute values, then the class.
                if (inst.Dict is PyDict idict) foreach (var (_, v) in idict.Items()) r.Add(v);
                if (inst.Slots != null) foreach (var x in inst.Slots) if (x != null) r.Add(x);
                r.Add(inst.Type);
                break;
            case PyFunction f:
                Add(f.Code); Add(f.Globals); Add(f.Module);
                if (f.Defaults != null) r.Add(PyTuple.Of(f.Defaults));
                Add(f.KwDefaults); Add(f.Doc);
                if (f.DictIfAny is { } fd) r.Add(fd);
                if (f.Closure != null) r.Add(PyTuple.Of(f.Closure));
                Add(f.Annotations);
                break;
            case PyCell c: Add(c.Value); break;
            case PyMethod m: Add(m.Func); Add(m.Self); break;
            case PyModule mod: r.Add(mod.Namespace); break;
            case PyType ty:
                if (!ty.IsHeapType) break;
                r.Add(ty.Namespace);
                r.Add(PyTuple.Of(ty.Mro));
                r.Add(PyTuple.Of(ty.Bases));
                break;
            case PyStaticMethod sm: Add(sm.Callable); break;
            case PyClassMethod cm: Add(cm.Callable); break;
            case PyProperty p: Add(p.FGet); Add(p.FSet); Add(p.FDel); Add(p.Doc); break;
            case PyGenerator g: Add(g.Frame); break;
            case PyTraceback tb: Add(tb.Next); Add(tb.Frame); break;
            case PyBaseException e:
                r.Add(e.Args); Add(e.Traceback); Add(e.Context); Add(e.Cause);
                if (e.DictIfAny is { } ed) r.Add(ed);
                break;
            case Frame fr:
                Add(fr.Back); r.Add(fr.Code); r.Add(fr.Globals); Add(fr.Locals);
                var slots = fr.Slots;
                int n = Math.Min(fr.Finished ? fr.StackBase : fr.Sp, slots.Length);
                for (int i = 0; i < n; i++) Add(slots[i]);
                break;
            default:
                // a subclass instance of a builtin type: its attributes and class
                if (o.Type.IsHeapType)
                {
                    PyDict? dict = null;
                    try { dict = o.Dict; } catch (PyException) { }
                    if (dict != null) r.Add(dict);
                    r.Add(o.Type);
                }
                break;
        }
    }

    static long s_frozen;
    [PyMethod] static void freeze(ThreadState ts) => s_frozen = get_objects_count(ts);
    [PyMethod] static void unfreeze(ThreadState ts) => s_frozen = 0;
    [PyMethod] static long get_freeze_count(ThreadState ts) => s_frozen;
    static long get_objects_count(ThreadState ts)
    {
        long n = 0;
        foreach (var o in Reachable(ts)) if (!IsAtomic(o)) n++;
        return n;
    }
}
