#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>A minimal `_imp`: what importlib and pkgutil ask of it. Native modules count as
/// builtin (create_builtin builds one from its factory); there are no frozen modules and no
/// extension modules. The import lock is a counter: Python code runs on one thread.</summary>
public static class ImpModule
{
    static int _lockDepth;

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_imp", "(Extremely) low-level import machinery bits as used by importlib and imp.");
        NativeMembers.FillModule(m, typeof(ImpModule));
        m.Set("check_hash_based_pycs", new PyStr("never"));
        m.Set("_frozen_module_names", PyTuple.Empty);
        return m;
    }

    public static void Register() => Importer.NativeModules["_imp"] = Create;

    [PyMethod] static void acquire_lock(ThreadState ts) => _lockDepth++;

    [PyMethod]
    static void release_lock(ThreadState ts)
    {
        if (_lockDepth == 0) throw PyExc.RuntimeError("not holding the import lock");
        _lockDepth--;
    }

    [PyMethod] static bool lock_held(ThreadState ts) => _lockDepth > 0;

    /// <summary>-1 for the modules that cannot be re-initialised (sys, builtins), 1 for the other
    /// native modules, 0 for anything else (as CPython).</summary>
    [PyMethod]
    static long is_builtin(ThreadState ts, string name)
        => name == "sys" || name == "builtins" ? -1 : Importer.NativeModules.ContainsKey(name) ? 1 : 0;

    [PyMethod]
    static PyObject create_builtin(ThreadState ts, PyObject spec)
    {
        var nameObj = Ops.GetAttr(ts, spec, PyStr.Intern("name"));
        if (nameObj is not PyStr name) throw PyExc.TypeError("spec.name must be a string");
        if (name.Value == "sys" || name.Value == "builtins") return ts.Engine.Modules.GetStr(name.Value)!;
        if (!Importer.NativeModules.TryGetValue(name.Value, out var factory))
            throw PyExc.ImportError($"no built-in module named {name.Value}");
        return factory(ts);
    }

    [PyMethod] static long exec_builtin(ThreadState ts, PyObject mod) => 0;
    [PyMethod] static long exec_dynamic(ThreadState ts, PyObject mod) => 0;

    [PyMethod]
    static PyObject create_dynamic(ThreadState ts, PyObject spec, PyObject? file = null)
        => throw PyExc.ImportError("extension modules cannot be loaded by StacklessIron");

    [PyMethod] static PyObject extension_suffixes(ThreadState ts) => new PyList();
    [PyMethod] static bool is_frozen(ThreadState ts, string name) => false;
    [PyMethod] static bool is_frozen_package(ThreadState ts, string name) => false;
    [PyMethod] static PyObject find_frozen(ThreadState ts, string name, [PyKwOnly] bool withdata = false) => PyNone.Value;

    [PyMethod]
    static PyObject get_frozen_object(ThreadState ts, string name, PyObject? data = null)
        => throw PyExc.ImportError($"No such frozen object named '{name}'");

    [PyMethod]
    static PyObject init_frozen(ThreadState ts, string name) => PyNone.Value;

    /// <summary>A code object loaded from a cache file takes the source path it was imported
    /// by (nested code objects too), when it was compiled under another spelling of it.</summary>
    [PyMethod]
    static void _fix_co_filename(ThreadState ts, PyObject code, PyObject path)
    {
        if (code is not PyCode c) throw PyExc.TypeError($"_fix_co_filename() argument 1 must be code, not {code.Type.Name}");
        if (path is not PyStr p) throw PyExc.TypeError($"_fix_co_filename() argument 2 must be str, not {path.Type.Name}");
        if (c.Code.Filename != p.Value) CodeCache.FixFilename(c.Code, p.Value);
    }

    [PyMethod] static PyObject _override_frozen_modules_for_tests(ThreadState ts, long @override) => PyNone.Value;

    /// <summary>The 8-byte key of a hash-based .pyc: a hash of the source keyed by `key`, as
    /// importlib.util.source_hash gives (CPython's is SipHash; our .pyc files are our own, so any
    /// stable hash of key and source serves).</summary>
    [PyMethod]
    static PyObject source_hash(ThreadState ts, [PyKeyword] long key, PyObject source)
    {
        var data = Posix.PosixDescriptors.BufferOf(source);
        ulong h = 14695981039346656037UL ^ (ulong)key;
        foreach (var b in data.Span) { h ^= b; h *= 1099511628211UL; }
        return PyBytes.From(BitConverter.GetBytes(h));
    }
}
