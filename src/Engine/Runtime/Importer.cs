#nullable enable
using System.IO;
using StacklessIron.Compiling;
using StacklessIron.Parsing;
using System;
namespace StacklessIron.Runtime;

/// <summary>The import system: sys.modules, native (C#) modules, and .py modules and packages
/// found on sys.path (or a package's __path__).</summary>
public static class Importer
{
    static readonly PyStr s_path = PyStr.Intern("__path__"), s_name = PyStr.Intern("__name__"), s_package = PyStr.Intern("__package__"),
        s_all = PyStr.Intern("__all__"), s_file = PyStr.Intern("__file__"), s_spec = PyStr.Intern("__spec__"), s_import = PyStr.Intern("__import__");

    /// <summary>Native modules by name: a factory that builds the module object.</summary>
    public static readonly Dictionary<string, Func<ThreadState, PyModule>> NativeModules = new();

    /// <summary>CPython's frozen importlib under its own names (zipimport imports them so):
    /// here they are importlib's source modules, which our importlib package loads.</summary>
    static readonly Dictionary<string, string> s_frozenAliases = new()
    {
        ["_frozen_importlib"] = "importlib._bootstrap",
        ["_frozen_importlib_external"] = "importlib._bootstrap_external",
    };

    /// <summary>Called after the source module of that name has run (a native module adapting
    /// a library module, e.g. stackless patching pickle), with the new module.</summary>
    public static readonly Dictionary<string, Action<ThreadState, PyModule>> SourceLoadedHooks = new();

    /// <summary>IMPORT_NAME: honours an overridden builtins.__import__.</summary>
    public static PyObject ImportName(ThreadState ts, Frame f, PyStr name, PyObject fromlist, PyObject level)
    {
        var imp = f.Builtins.GetStr(s_import);
        if (imp == null) throw PyExc.ImportError("__import__ not found");
        if (imp is PyBuiltinFunction bf && bf.Func == ts.Engine.ImportFunc)
            return ImportModuleLevel(ts, name.Value, f.Globals, fromlist, (int)((PyInt)level).Small);
        return Ops.Call(ts, imp, name, f.Globals, f.Locals ?? PyNone.Value, fromlist, level);
    }

    /// <summary>__import__(name, globals, locals, fromlist, level).</summary>
    public static PyObject ImportModuleLevel(ThreadState ts, string name, PyObject? globals, PyObject fromlist, int level)
    {
        if (level < 0) throw PyExc.ValueError("level must be >= 0");
        string absName = name;
        if (level > 0)
        {
            var package = ResolvePackage(ts, globals as PyDict);
            if (package == null || package.Length == 0) throw PyExc.ImportError("attempted relative import with no known parent package");
            var parts = package.Split('.');
            if (level - 1 > parts.Length - 1 && !(level - 1 == 0))
                throw PyExc.ImportError("attempted relative import beyond top-level package");
            if (level - 1 >= parts.Length) throw PyExc.ImportError("attempted relative import beyond top-level package");
            var baseName = string.Join('.', parts, 0, parts.Length - (level - 1));
            absName = name.Length > 0 ? baseName + "." + name : baseName;
        }
        else if (name.Length == 0) throw PyExc.ValueError("Empty module name");
        var module = ImportModule(ts, absName);
        bool hasFrom = fromlist != PyNone.Value && Ops.IsTrue(ts, fromlist);
        if (!hasFrom)
        {
            if (level == 0)
            {
                int dot = name.IndexOf('.');
                if (dot < 0) return module;
                return ts.Engine.Modules.GetStr(name[..dot]) ?? module;
            }
            if (name.Length == 0) return module;
            int cut = absName.Length - name.Length + (name.Contains('.') ? name.IndexOf('.') : name.Length);
            return ts.Engine.Modules.GetStr(absName[..cut]) ?? module;
        }
        // from package import submodule
        if (module is PyModule pm && pm.Namespace.GetStr(s_path) != null)
        {
            foreach (var item in Ops.Iterate(ts, fromlist))
            {
                if (item is not PyStr s) continue;
                if (s.Value == "*")
                {
                    if (pm.Namespace.GetStr(s_all) is PyObject all)
                        foreach (var x in Ops.Iterate(ts, all)) if (x is PyStr xs) TryImportSub(ts, pm, absName, xs.Value);
                    continue;
                }
                TryImportSub(ts, pm, absName, s.Value);
            }
        }
        return module;
    }

    static void TryImportSub(ThreadState ts, PyModule pkg, string pkgName, string sub)
    {
        if (pkg.Namespace.GetStr(sub) != null) return;
        try { ImportModule(ts, pkgName + "." + sub); }
        catch (PyException e) when (e.Matches(ExceptionTypes.ModuleNotFoundError) && e.Value.Dict?.GetStr("name") is PyStr n && n.Value == pkgName + "." + sub) { }
    }

    static string? ResolvePackage(ThreadState ts, PyDict? globals)
    {
        if (globals == null) return null;
        if (globals.GetStr(s_package) is PyStr p) return p.Value;
        var spec = globals.GetStr(s_spec);
        if (spec != null && spec != PyNone.Value && Ops.GetAttrOrNull(ts, spec, PyStr.Intern("parent")) is PyStr sp) return sp.Value;
        if (globals.GetStr(s_name) is not PyStr n) return null;
        if (globals.GetStr(s_path) != null) return n.Value;
        int dot = n.Value.LastIndexOf('.');
        return dot < 0 ? "" : n.Value[..dot];
    }

    /// <summary>Imports `fullname` (parents first) and returns that module.</summary>
    public static PyObject ImportModule(ThreadState ts, string fullname)
    {
        var modules = ts.Engine.Modules;
        var existing = modules.GetStr(fullname);
        if (existing != null)
        {
            if (existing == PyNone.Value) throw NotFound(fullname, $"import of {fullname} halted; None in sys.modules");
            ts.Engine.ImportLocks.WaitIfRunning(ts, fullname);
            return existing;
        }
        PyObject? parent = null;
        List<string>? searchPath = null;
        int dot = fullname.LastIndexOf('.');
        if (dot >= 0)
        {
            var parentName = fullname[..dot];
            parent = ImportModule(ts, parentName);
            existing = modules.GetStr(fullname);
            if (existing != null) return existing;
            var ppath = parent is PyModule ppm ? ppm.Namespace.GetStr(s_path) : Ops.GetAttrOrNull(ts, parent, s_path);
            if (ppath == null)
                throw NotFound(fullname, $"No module named '{fullname}'; '{parentName}' is not a package");
            searchPath = new List<string>();
            foreach (var p in Ops.Iterate(ts, ppath)) if (p is PyStr ps) searchPath.Add(ps.Value);
        }
        PyObject module;
        if (dot < 0 && s_frozenAliases.TryGetValue(fullname, out var aliased))
        {
            // importlib's own __init__ asks for them first and, told there are none, sets its
            // source modules up itself; anyone else gets those once importlib has done so
            if (modules.GetStr("importlib") is PyModule importlib && importlib.Namespace.GetStr("_bootstrap_external") == null)
                throw NotFound(fullname, $"No module named '{fullname}'");
            ImportModule(ts, "importlib");
            module = ImportModule(ts, aliased);
            modules.SetStr(fullname, module);
        }
        else if (dot < 0 && NativeModules.TryGetValue(fullname, out var factory))
        {
            module = factory(ts);
            modules.SetStr(fullname, module);
            BackgroundCompiler.NativeModuleCreated(fullname);
            if (module is PyModule builtinModule) SetSpec(ts, builtinModule, fullname, null);
        }
        else
        {
            searchPath ??= SysPath(ts);
            var shortName = dot < 0 ? fullname : fullname[(dot + 1)..];
            var found = FindSource(searchPath, shortName);
            if (found == null)
            {
                if (dot >= 0 && NativeModules.TryGetValue(fullname, out var f2)) { module = f2(ts); modules.SetStr(fullname, module); goto bind; }
                if (FindWithImportlib(ts, fullname, searchPath, parent) is { } viaFinders) { module = viaFinders; goto bind; }
                throw NotFound(fullname, $"No module named '{fullname}'");
            }
            module = LoadSource(ts, fullname, found.Value.path, found.Value.isPackage);
            module = modules.GetStr(fullname) ?? module;
        }
    bind:
        if (parent != null) Ops.SetAttr(ts, parent, PyStr.Intern(fullname[(dot + 1)..]), module);
        return module;
    }

    /// <summary>What the native search does not see: a module in a zip archive on the path
    /// (zipimport), or one a finder the program put on sys.meta_path provides. importlib's own
    /// machinery finds and loads it. Asked only after the native search failed and only when
    /// one of those is there, so that failing imports (`try: import _speedups`) stay cheap.</summary>
    static PyObject? FindWithImportlib(ThreadState ts, string fullname, List<string> searchPath, PyObject? parent)
    {
        bool archive = searchPath.Exists(InsideArchive);
        if (!archive && !HasProgramFinders(ts)) return null;
        var bootstrap = ImportModule(ts, "importlib._bootstrap");   // installs the standard finders
        if (archive) EnsureZipImportHook(ts);
        var path = parent == null ? PyNone.Value : Ops.GetAttrOrNull(ts, parent, s_path) ?? PyNone.Value;
        var spec = Ops.CallMethod(ts, bootstrap, "_find_spec", new PyStr(fullname), path);
        if (spec == PyNone.Value) return null;
        return Ops.CallMethod(ts, bootstrap, "_load", spec);
    }

    /// <summary>A path entry that is an archive file, or a folder inside one (a zip package's __path__).</summary>
    static bool InsideArchive(string entry)
    {
        for (var p = entry; !string.IsNullOrEmpty(p); p = Path.GetDirectoryName(p))
        {
            if (Directory.Exists(p)) return false;
            if (File.Exists(p)) return true;
        }
        return false;
    }

    /// <summary>sys.meta_path holds a finder other than importlib's standard three.</summary>
    static bool HasProgramFinders(ThreadState ts)
    {
        if (ts.Engine.Sys.Get("meta_path") is not PyList metaPath) return false;
        foreach (var finder in metaPath.ToArray())
            if (finder is not PyType t || Ops.GetAttrOrNull(ts, t, PyStr.Intern("__module__")) is not PyStr m
                || m.Value is not ("importlib._bootstrap" or "importlib._bootstrap_external"))
                return true;
        return false;
    }

    /// <summary>sys.path_hooks starts with zipimport's importer, as CPython's does; archive
    /// entries importlib saw before it was there are forgotten from sys.path_importer_cache.</summary>
    static void EnsureZipImportHook(ThreadState ts)
    {
        if (ts.Engine.Sys.Get("path_hooks") is not PyList hooks) return;
        var zipimporter = Ops.GetAttr(ts, ImportModule(ts, "zipimport"), PyStr.Intern("zipimporter"));
        foreach (var h in hooks.ToArray()) if (h == zipimporter) return;
        Ops.CallMethod(ts, hooks, "insert", PyInt.From(0), zipimporter);
        if (ts.Engine.Sys.Get("path_importer_cache") is PyDict cache)
            foreach (var (key, value) in new List<(PyObject, PyObject)>(cache.Items()))
                if (value == PyNone.Value && key is PyStr k && InsideArchive(k.Value)) cache.RemoveStr(k);
    }

    static PyException NotFound(string name, string msg)
    {
        var e = PyExc.ModuleNotFoundError(msg);
        e.Value.Dict!.SetStr("name", new PyStr(name));
        return e;
    }

    static List<string> SysPath(ThreadState ts)
    {
        var r = new List<string>();
        var path = ts.Engine.Sys.Get("path");
        if (path != null) foreach (var p in Ops.Iterate(ts, path)) if (p is PyStr s) r.Add(s.Value);
        return r;
    }

    /// <summary>The source file `-m name` runs: the module's file, or a package's __main__.py.
    /// Parent packages are imported first, as runpy does.</summary>
    public static string FindMainSource(ThreadState ts, string name)
    {
        int dot = name.LastIndexOf('.');
        List<string> searchPath;
        if (dot >= 0)
        {
            var parent = ImportModule(ts, name[..dot]);
            var ppath = Ops.GetAttrOrNull(ts, parent, s_path) ?? throw NotFound(name, $"No module named {name}");
            searchPath = new List<string>();
            foreach (var p in Ops.Iterate(ts, ppath)) if (p is PyStr ps) searchPath.Add(ps.Value);
        }
        else searchPath = SysPath(ts);
        var found = FindSource(searchPath, dot < 0 ? name : name[(dot + 1)..]) ?? throw NotFound(name, $"No module named {name}");
        if (!found.isPackage) return found.path;
        ImportModule(ts, name);
        var main = Path.Combine(Path.GetDirectoryName(found.path)!, "__main__.py");
        if (!File.Exists(main)) throw PyExc.ImportError($"No module named {name}.__main__; '{name}' is a package and cannot be directly executed");
        return main;
    }

    static (string path, bool isPackage)? FindSource(List<string> searchPath, string name)
    {
        foreach (var dir0 in searchPath)
        {
            var dir = dir0.Length == 0 ? Directory.GetCurrentDirectory() : dir0;
            var pkg = Path.Combine(dir, name);
            var init = Path.Combine(pkg, "__init__.py");
            if (File.Exists(init)) return (init, true);
            var file = Path.Combine(dir, name + ".py");
            if (File.Exists(file)) return (file, false);
            if (Directory.Exists(pkg) && !File.Exists(init) && HasPySources(pkg)) return (pkg, true);   // namespace package
        }
        return null;
    }

    static bool HasPySources(string dir)
    {
        try { return Directory.EnumerateFileSystemEntries(dir).GetEnumerator().MoveNext(); }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>Compiles and runs a .py file as module `name` (registered in sys.modules first).</summary>
    public static PyModule LoadSource(ThreadState ts, string name, string path, bool isPackage)
    {
        var module = new PyModule(name);
        var ns = module.Namespace;
        bool namespacePkg = Directory.Exists(path);
        string? cachePath = null;
        if (!namespacePkg)
        {
            ns.SetStr(s_file, new PyStr(path));
            cachePath = CodeCache.CachePathFor(ts, path);
            if (cachePath != null) ns.SetStr("__cached__", new PyStr(cachePath));
        }
        if (isPackage)
        {
            var dir = namespacePkg ? path : Path.GetDirectoryName(path)!;
            ns.SetStr(s_path, new PyList(new PyObject[] { new PyStr(dir) }));
            ns.SetStr(s_package, new PyStr(name));
        }
        else
        {
            int dot = name.LastIndexOf('.');
            ns.SetStr(s_package, new PyStr(dot < 0 ? "" : name[..dot]));
        }
        ns.SetStr("__builtins__", ts.Engine.Builtins);
        ts.Engine.Modules.SetStr(name, module);
        if (namespacePkg) return module;
        using var running = ts.Engine.ImportLocks.Begin(ts, name);
        try
        {
            SetSpec(ts, module, name, path);
            var code = CodeCache.LoadModule(ts, path, cachePath);
            Interpreter.RunModuleCode(ts, code, ns);
            if (name == "importlib") InstallImportlibFinders(ts, module);
            if (SourceLoadedHooks.TryGetValue(name, out var hook)) hook(ts, module);
        }
        catch (Exception)
        {
            ts.Engine.Modules.Pop(ts, PyStr.Intern(name));
            throw;
        }
        return module;
    }

    /// <summary>The import statement is native and does not need sys.meta_path, but
    /// importlib's own entry points (import_module, util.find_spec, reload, pkgutil) search
    /// sys.meta_path and sys.path_hooks. Once the importlib package has loaded (its
    /// _bootstrap set up by its __init__), they get what CPython installs at start-up: the
    /// builtin and frozen importers, and the path finder with its file-finder hook.</summary>
    static void InstallImportlibFinders(ThreadState ts, PyModule importlib)
    {
        if (ts.Engine.Sys.Get("meta_path") is not PyList metaPath || metaPath.Count != 0) return;
        var bootstrap = importlib.Namespace.GetStr("_bootstrap");
        var external = importlib.Namespace.GetStr("_bootstrap_external");
        if (bootstrap == null || external == null) return;
        // importlib's loaders, py_compile and compileall stamp and check .pyc files with
        // MAGIC_NUMBER: ours, so they share the native import's cache files (CodeCache)
        Ops.SetAttr(ts, external, PyStr.Intern("MAGIC_NUMBER"), PyBytes.From((byte[])CodeCache.Magic.Clone()));
        Ops.SetAttr(ts, external, PyStr.Intern("_RAW_MAGIC_NUMBER"), PyInt.From(System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(CodeCache.Magic)));
        metaPath.Append(Ops.GetAttr(ts, bootstrap, PyStr.Intern("BuiltinImporter")));
        metaPath.Append(Ops.GetAttr(ts, bootstrap, PyStr.Intern("FrozenImporter")));
        Ops.CallMethod(ts, external, "_install", bootstrap);
        // Modules imported before importlib get their specs now (find_spec and reload read them).
        foreach (var (key, value) in new List<(PyObject, PyObject)>(ts.Engine.Modules.Items()))
        {
            if (key is not PyStr name || value is not PyModule m || m.Namespace.GetStr(s_spec) is { } spec && spec != PyNone.Value) continue;
            var file = m.Namespace.GetStr(s_file) as PyStr;
            if (file != null || NativeModules.ContainsKey(name.Value)) SetSpec(ts, m, name.Value, file?.Value);
        }
    }

    /// <summary>Gives a module the __spec__ and __loader__ importlib would have given it (a
    /// source file's, or a builtin's when `path` is null), once importlib is loaded; before
    /// that nothing reads them.</summary>
    static void SetSpec(ThreadState ts, PyModule module, string name, string? path)
    {
        if (ts.Engine.Sys.Get("meta_path") is not PyList { Count: > 0 }) return;
        var modules = ts.Engine.Modules;
        PyObject spec;
        if (path != null)
        {
            // importlib re-imported fresh (test.support.import_fresh_module) has its half-run
            // _bootstrap_external in sys.modules while that very module loads: no spec then.
            if (modules.GetStr("importlib._bootstrap_external") is not PyModule external
                || Ops.GetAttrOrNull(ts, external, PyStr.Intern("spec_from_file_location")) is not { } specFromFile) return;
            spec = Ops.Call(ts, specFromFile, new PyStr(name), new PyStr(path));
        }
        else
        {
            if (modules.GetStr("importlib._bootstrap") is not PyModule bootstrap
                || Ops.GetAttrOrNull(ts, bootstrap, PyStr.Intern("BuiltinImporter")) is not { } builtinImporter
                || Ops.GetAttrOrNull(ts, bootstrap, PyStr.Intern("ModuleSpec")) is not { } moduleSpec) return;
            spec = Ops.Call(ts, moduleSpec,
                new PyObject[] { new PyStr(name), builtinImporter, new PyStr("built-in") }, new PyTuple(new PyObject[] { PyStr.Intern("origin") }));
        }
        if (spec == PyNone.Value) return;
        module.Namespace.SetStr(s_spec, spec);
        module.Namespace.SetStr("__loader__", Ops.GetAttr(ts, spec, PyStr.Intern("loader")));
    }

    /// <summary>IMPORT_FROM: an attribute of the module, or its submodule from sys.modules.</summary>
    public static PyObject ImportFrom(ThreadState ts, PyObject module, PyStr name)
    {
        var v = Ops.GetAttrOrNull(ts, module, name);
        if (v != null) return v;
        var modName = Ops.GetAttrOrNull(ts, module, s_name) as PyStr;
        if (modName != null)
        {
            var sub = ts.Engine.Modules.GetStr(modName.Value + "." + name.Value);
            if (sub != null) return sub;
        }
        var file = module is PyModule pm ? pm.Namespace.GetStr(s_file) as PyStr : null;
        var where = file != null ? file.Value : "unknown location";
        var e = PyExc.ImportError($"cannot import name '{name.Value}' from '{modName?.Value ?? "<unknown module name>"}' ({where})");
        e.Value.Dict!.SetStr("name", (PyObject?)modName ?? PyNone.Value);
        e.Value.Dict!.SetStr("path", (PyObject?)file ?? PyNone.Value);
        throw e;
    }

    /// <summary>IMPORT_STAR: copies __all__ (or the public names) into the frame's locals.</summary>
    public static void ImportStar(ThreadState ts, Frame f, PyObject module)
    {
        var locals = f.Locals ?? throw PyExc.SystemError("no locals found during 'import *'");
        PyObject? all = Ops.GetAttrOrNull(ts, module, s_all);
        bool skipPrivate = all == null;
        IEnumerable<PyObject> names;
        if (all != null) names = Ops.ToArray(ts, all);
        else
        {
            var d = Ops.GetAttrOrNull(ts, module, PyStr.Intern("__dict__")) ?? throw PyExc.ImportError("from-import-* object has no __dict__ and no __all__");
            names = Ops.ToArray(ts, Ops.CallMethod(ts, d, "keys"));
        }
        foreach (var n in names)
        {
            if (n is not PyStr s)
            {
                throw PyExc.TypeError($"{(all != null ? "Item in " + Ops.StrString(ts, Ops.GetAttr(ts, module, s_name)) + ".__all__" : "Key in " + Ops.StrString(ts, Ops.GetAttr(ts, module, s_name)) + ".__dict__")} must be str, not {n.Type.Name}");
            }
            if (skipPrivate && s.Value.StartsWith('_')) continue;
            var v = Ops.GetAttr(ts, module, s);
            if (locals is PyDict ld) ld.SetItem(ts, s, v); else Ops.SetItem(ts, locals, s, v);
        }
    }
}
