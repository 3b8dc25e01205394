#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `_weakref` module. References hold a .NET WeakReference; the target is gone
/// once the GC collected it. Known limit: callbacks are stored but not invoked (there is no
/// safe point to run Python code when .NET collects an object yet).</summary>
public static class WeakrefModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_weakref", "Weak-reference support module.");
        NativeMembers.FillModule(m, typeof(WeakrefModule));
        m.Set("ref", PyWeakRef.TypeObject);
        m.Set("ReferenceType", PyWeakRef.TypeObject);
        m.Set("ProxyType", PyWeakProxy.TypeObject);
        m.Set("CallableProxyType", PyWeakProxy.TypeObject);
        return m;
    }

    public static void Register() => Importer.NativeModules["_weakref"] = Create;

    [PyMethod] static long getweakrefcount(ThreadState ts, PyObject @object) => 0;
    [PyMethod] static PyObject getweakrefs(ThreadState ts, PyObject @object) => new PyList();

    [PyMethod]
    static PyObject proxy(ThreadState ts, PyObject @object, PyObject? callback = null) => new PyWeakProxy(@object);

    [PyMethod]
    static void _remove_dead_weakref(ThreadState ts, PyObject dct, PyObject key)
    {
        if (dct is not PyDict d) throw PyExc.TypeError("_remove_dead_weakref() argument 1 must be dict");
        var v = d.GetItem(ts, key);
        if (v is PyWeakRef r && r.Target == null) d.Pop(ts, key);
    }
}
