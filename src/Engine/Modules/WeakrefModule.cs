#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `_weakref` module. References hold a .NET WeakReference; the target is gone
/// once the GC collected it, and callbacks run after that on a Python thread (Runtime/Finalization).</summary>
public static class WeakrefModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_weakref", "Weak-reference support module.");
        NativeMembers.FillModule(m, typeof(WeakrefModule));
        m.Set("ref", PyWeakRef.TypeObject);
        m.Set("ReferenceType", PyWeakRef.TypeObject);
        m.Set("ProxyType", PyWeakProxy.TypeObject);
        m.Set("CallableProxyType", PyWeakCallableProxy.TypeObject);
        return m;
    }

    public static void Register() => Importer.NativeModules["_weakref"] = Create;

    [PyMethod] static long getweakrefcount(ThreadState ts, PyObject @object) => Finalization.WeakRefsTo(@object).Count;

    [PyMethod]
    static PyObject getweakrefs(ThreadState ts, PyObject @object)
    {
        var list = new PyList();
        foreach (var w in Finalization.WeakRefsTo(@object)) list.Append(w);
        return list;
    }

    [PyMethod]
    static PyObject proxy(ThreadState ts, PyObject @object, PyObject? callback = null)
    {
        if (callback == PyNone.Value) callback = null;
        PyWeakRef.CheckReferenceable(@object);
        // As CPython: a proxy without callback is shared.
        if (callback == null)
            foreach (var w in Finalization.WeakRefsTo(@object))
                if (w is PyWeakProxy p && !p.HasCallback && p.IsAlive) return p;
        var proxy = Ops.IsCallable(@object) ? new PyWeakCallableProxy(@object, callback) : new PyWeakProxy(@object, callback);
        ts.Engine.Finalization.AddWeakRef(@object, proxy, callback != null);
        return proxy;
    }

    [PyMethod]
    static void _remove_dead_weakref(ThreadState ts, PyObject dct, PyObject key)
    {
        if (dct is not PyDict d) throw PyExc.TypeError("_remove_dead_weakref() argument 1 must be dict");
        var v = d.GetItem(ts, key);
        if (v is PyWeakRef r && r.Target == null) d.Pop(ts, key);
    }
}
