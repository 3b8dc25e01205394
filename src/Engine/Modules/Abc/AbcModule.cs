#nullable enable
using System;
using System.Threading;
namespace StacklessIron.Modules;

/// <summary>The `_abc` module, the accelerator abc.ABCMeta is built on (CPython 3.11's
/// Modules/_abc.c behaviour, as the pure-Python _py_abc describes it): abstract-method
/// computation at class creation, register, and the cached instance and subclass checks.</summary>
public static class AbcModule
{
    /// <summary>Bumped by every register(): negative caches filled before it are stale.</summary>
    static long s_invalidationCounter;

    static readonly PyStr s_abcImpl = PyStr.Intern("_abc_impl"), s_abstractMethods = PyStr.Intern("__abstractmethods__");
    static readonly PyStr s_isAbstract = PyStr.Intern("__isabstractmethod__"), s_class = PyStr.Intern("__class__");
    static readonly PyStr s_tpflags = PyStr.Intern("__abc_tpflags__"), s_bases = PyStr.Intern("__bases__"), s_dict = PyStr.Intern("__dict__");

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_abc", "Module contains faster C implementation of abc.ABCMeta");
        NativeMembers.FillModule(m, typeof(AbcModule));
        return m;
    }

    public static void Register() => Importer.NativeModules["_abc"] = Create;

    static PyAbcData Impl(ThreadState ts, PyObject cls)
    {
        var impl = Ops.GetAttr(ts, cls, s_abcImpl);
        return impl as PyAbcData ?? throw PyExc.TypeError("_abc_impl is set to a wrong type");
    }

    static bool IsAbstract(ThreadState ts, PyObject value)
    {
        var flag = Ops.GetAttrOrNull(ts, value, s_isAbstract);
        return flag != null && Ops.IsTrue(ts, flag);
    }

    [PyMethod]
    static long get_cache_token(ThreadState ts) => Interlocked.Read(ref s_invalidationCounter);

    /// <summary>Called by ABCMeta.__new__: sets __abstractmethods__ (the namespace's abstract
    /// members, and the bases' abstract names the class still leaves abstract) and _abc_impl.</summary>
    [PyMethod]
    static void _abc_init(ThreadState ts, PyObject self)
    {
        var abstracts = new PyFrozenSet();
        var ns = Ops.GetAttr(ts, self, s_dict);
        foreach (var key in Ops.ToArray(ts, Ops.CallMethod(ts, ns, "keys")))
            if (IsAbstract(ts, Ops.GetItem(ts, ns, key))) abstracts.AddKey(ts, key);
        if (Ops.GetAttr(ts, self, s_bases) is not PyTuple bases) throw PyExc.TypeError("__bases__ is not tuple");
        foreach (var b in bases.Items)
        {
            var baseAbstracts = Ops.GetAttrOrNull(ts, b, s_abstractMethods);
            if (baseAbstracts == null) continue;
            foreach (var key in Ops.ToArray(ts, baseAbstracts))
            {
                var value = key is PyStr name ? Ops.GetAttrOrNull(ts, self, name) : null;
                if (value != null && IsAbstract(ts, value)) abstracts.AddKey(ts, key);
            }
        }
        Ops.SetAttr(ts, self, s_abstractMethods, abstracts);
        Ops.SetAttr(ts, self, s_abcImpl, new PyAbcData(Interlocked.Read(ref s_invalidationCounter)));
        // collections.abc marks Sequence and Mapping with __abc_tpflags__; CPython turns it into
        // type flags and removes it. Our `match` asks isinstance instead, so it only goes.
        if (self is PyType t && t.Namespace.GetStr("__abc_tpflags__") != null) t.SetTypeAttr(s_tpflags, null);
    }

    [PyMethod]
    static PyObject _abc_register(ThreadState ts, PyObject self, PyObject subclass)
    {
        if (subclass is not PyType) throw PyExc.TypeError("Can only register classes");
        if (Ops.IsSubclass(ts, subclass, self)) return subclass;   // already a subclass
        // Subtle: test for cycles *after* testing for "already a subclass"; this means we allow X.register(X).
        if (Ops.IsSubclass(ts, self, subclass)) throw PyExc.RuntimeError("Refusing to create an inheritance cycle");
        Impl(ts, self).Registry.Add(subclass);
        Interlocked.Increment(ref s_invalidationCounter);
        return subclass;
    }

    [PyMethod]
    static bool _abc_instancecheck(ThreadState ts, PyObject self, PyObject instance)
    {
        var impl = Impl(ts, self);
        var subclass = Ops.GetAttr(ts, instance, s_class);
        if (impl.Cache.Contains(subclass)) return true;
        var subtype = instance.Type;
        if (subtype == subclass)
        {
            if (impl.NegativeCacheVersion == Interlocked.Read(ref s_invalidationCounter) && impl.NegativeCache.Contains(subclass))
                return false;
            // Fall back to the subclass check.
            return Ops.IsTrue(ts, Ops.CallMethod(ts, self, "__subclasscheck__", subclass));
        }
        if (Ops.IsTrue(ts, Ops.CallMethod(ts, self, "__subclasscheck__", subclass))) return true;
        return Ops.IsTrue(ts, Ops.CallMethod(ts, self, "__subclasscheck__", subtype));
    }

    [PyMethod]
    static bool _abc_subclasscheck(ThreadState ts, PyObject self, PyObject subclass)
    {
        if (subclass is not PyType sub) throw PyExc.TypeError("issubclass() arg 1 must be a class");
        var impl = Impl(ts, self);
        // 1. The caches.
        if (impl.Cache.Contains(subclass)) return true;
        long counter = Interlocked.Read(ref s_invalidationCounter);
        if (impl.NegativeCacheVersion < counter)
        {
            impl.NegativeCache.Clear();
            impl.NegativeCacheVersion = counter;
        }
        else if (impl.NegativeCache.Contains(subclass)) return false;

        // 2. The subclass hook.
        var ok = Ops.CallMethod(ts, self, "__subclasshook__", subclass);
        if (ok == PyBool.True) { impl.Cache.Add(subclass); return true; }
        if (ok == PyBool.False) { impl.NegativeCache.Add(subclass); return false; }
        if (ok != PyNotImplemented.Value) throw PyExc.New(ExceptionTypes.AssertionError, new PyStr("__subclasshook__ must return either False, True, or NotImplemented"));

        // 3. A direct subclass.
        if (Array.IndexOf(sub.Mro, self) >= 0) { impl.Cache.Add(subclass); return true; }

        // 4. A registered class itself (answered without caching, as CPython's fast path),
        // or a subclass of one (recursively).
        if (impl.Registry.Contains(subclass)) return true;
        foreach (var rcls in impl.Registry.Members())
            if (Ops.IsSubclass(ts, subclass, rcls)) { impl.Cache.Add(subclass); return true; }

        // 5. A subclass of a subclass (recursively).
        foreach (var scls in Ops.ToArray(ts, Ops.CallMethod(ts, self, "__subclasses__")))
            if (Ops.IsSubclass(ts, subclass, scls)) { impl.Cache.Add(subclass); return true; }

        // No dice; update the negative cache.
        impl.NegativeCache.Add(subclass);
        return false;
    }

    static PySet WeakRefs(ThreadState ts, PyAbcData.WeakClassSet set)
    {
        var result = new PySet();
        foreach (var cls in set.Members()) result.AddKey(ts, new PyWeakRef(PyWeakRef.TypeObject, cls, null));
        return result;
    }

    /// <summary>Copies of the registry and caches (sets of weak references) and the negative
    /// cache's version, for ABCMeta._dump_registry and tests.</summary>
    [PyMethod]
    static PyObject _get_dump(ThreadState ts, PyObject self)
    {
        var impl = Impl(ts, self);
        return PyTuple.Of(WeakRefs(ts, impl.Registry), WeakRefs(ts, impl.Cache), WeakRefs(ts, impl.NegativeCache), PyInt.From(impl.NegativeCacheVersion));
    }

    [PyMethod] static void _reset_registry(ThreadState ts, PyObject self) => Impl(ts, self).Registry.Clear();

    [PyMethod]
    static void _reset_caches(ThreadState ts, PyObject self)
    {
        var impl = Impl(ts, self);
        impl.Cache.Clear();
        impl.NegativeCache.Clear();
    }
}
