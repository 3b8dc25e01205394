using System.Collections.Generic;
#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `sys` module (the parts the engine itself provides).</summary>
public static class SysModule
{
    public static PyModule Create(PythonEngine engine)
    {
        var m = new PyModule("sys", "This module provides access to some objects used or maintained by the interpreter.");
        NativeMembers.FillModule(m, typeof(SysModule));
        var ns = m.Namespace;
        ns.SetStr("modules", engine.Modules);
        ns.SetStr("argv", new PyList());
        ns.SetStr("path", new PyList());
        ns.SetStr("meta_path", new PyList());
        ns.SetStr("path_hooks", new PyList());
        ns.SetStr("path_importer_cache", new PyDict());
        ns.SetStr("stdout", engine.Stdout);
        ns.SetStr("stderr", engine.Stderr);
        ns.SetStr("stdin", engine.Stdin);
        ns.SetStr("__stdout__", engine.Stdout);
        ns.SetStr("__stderr__", engine.Stderr);
        ns.SetStr("__stdin__", engine.Stdin);
        ns.SetStr("version", new PyStr("3.11.0 (StacklessIron) [.NET]"));
        ns.SetStr("version_info", PyStructSeq.Create(VersionInfoType, PyInt.From(3), PyInt.From(11), PyInt.From(0), new PyStr("final"), PyInt.From(0)));
        ns.SetStr("int_info", PyStructSeq.Create(IntInfoType, PyInt.From(30), PyInt.From(4), PyInt.From(StacklessIron.Objects.Formatting.NumberParsing.DefaultMaxStrDigits), PyInt.From(640)));
        ns.SetStr("float_info", PyStructSeq.Create(FloatInfoType, new PyFloat(double.MaxValue), PyInt.From(1024), PyInt.From(308),
            new PyFloat(2.2250738585072014e-308), PyInt.From(-1021), PyInt.From(-307), PyInt.From(15), PyInt.From(53),
            new PyFloat(2.220446049250313e-16), PyInt.From(2), PyInt.From(1)));
        ns.SetStr("hash_info", PyStructSeq.Create(HashInfoType, PyInt.From(64), PyInt.From(2305843009213693951L), PyInt.From(314159), PyInt.From(0),
            PyInt.From(1000003), new PyStr("siphash13"), PyInt.From(64), PyInt.From(128), PyInt.From(0)));
        ns.SetStr("thread_info", PyStructSeq.Create(ThreadInfoType, new PyStr("pthread"), new PyStr("semaphore"), PyNone.Value));
        ns.SetStr("hexversion", PyInt.From(0x030B00F0));
        ns.SetStr("platform", new PyStr(OperatingSystem.IsWindows() ? "win32" : OperatingSystem.IsMacOS() ? "darwin" : "linux"));
        ns.SetStr("byteorder", new PyStr(BitConverter.IsLittleEndian ? "little" : "big"));
        ns.SetStr("maxsize", PyInt.From(long.MaxValue));
        ns.SetStr("maxunicode", PyInt.From(0x10ffff));
        ns.SetStr("executable", new PyStr(ExecutablePath()));
        ns.SetStr("prefix", new PyStr("/usr"));
        ns.SetStr("base_prefix", new PyStr("/usr"));
        ns.SetStr("exec_prefix", new PyStr("/usr"));
        ns.SetStr("base_exec_prefix", new PyStr("/usr"));
        ns.SetStr("platlibdir", new PyStr("lib"));
        ns.SetStr("builtin_module_names", new PyTuple(new PyObject[] { new PyStr("builtins"), new PyStr("sys") }));
        ns.SetStr("dont_write_bytecode", PyBool.From(CodeCache.DontWriteFromEnvironment()));
        ns.SetStr("warnoptions", new PyList());
        ns.SetStr("_xoptions", new PyDict());
        ns.SetStr("orig_argv", new PyList());
        ns.SetStr("stdlib_module_names", StdlibModuleNames.Create(engine.MainThread));
        ns.SetStr("pycache_prefix", CodeCache.DefaultPrefix(ignoreEnvironment: false) is string prefix ? new PyStr(prefix) : PyNone.Value);
        ns.SetStr("abiflags", PyStr.Empty);
        ns.SetStr("api_version", PyInt.From(1013));
        ns.SetStr("float_repr_style", new PyStr("short"));
        ns.SetStr("copyright", new PyStr("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved."));
        ns.SetStr("_base_executable", ns.GetStr("executable")!);
        ns.SetStr("_home", PyNone.Value);
        ns.SetStr("_framework", PyStr.Empty);
        ns.SetStr("_stdlib_dir", new PyStr("/usr/lib/python3.11"));
        ns.SetStr("__breakpointhook__", ns.GetStr("breakpointhook")!);
        ns.SetStr("__unraisablehook__", ns.GetStr("unraisablehook")!);
        var impl = new PySimpleNamespace();
        impl.Dict!.SetStr("name", new PyStr("stacklessiron"));
        impl.Dict!.SetStr("cache_tag", new PyStr(CodeCache.CacheTag));
        impl.Dict!.SetStr("version", ns.GetStr("version_info")!);
        impl.Dict!.SetStr("hexversion", PyInt.From(0x030B00F0));
        impl.Dict!.SetStr("_multiarch", new PyStr("x86_64-linux-gnu"));
        ns.SetStr("implementation", impl);
        var flagValues = new PyObject[FlagNames.Length];
        for (int i = 0; i < flagValues.Length; i++) flagValues[i] = PyInt.From(0);
        flagValues[Array.IndexOf(FlagNames, "dont_write_bytecode")] = PyInt.From(CodeCache.DontWriteFromEnvironment() ? 1 : 0);
        flagValues[Array.IndexOf(FlagNames, "hash_randomization")] = PyInt.From(Environment.GetEnvironmentVariable("PYTHONHASHSEED") == "0" ? 0 : 1);
        flagValues[Array.IndexOf(FlagNames, "dev_mode")] = PyBool.False;
        flagValues[Array.IndexOf(FlagNames, "safe_path")] = PyBool.False;
        flagValues[Array.IndexOf(FlagNames, "int_max_str_digits")] = PyInt.From(PyInt.MaxStrDigitsFromEnvironment() ?? -1);
        ns.SetStr("flags", PyStructSeq.Create(FlagsType, flagValues));
        ns.SetStr("displayhook", NativeMembers.Function(typeof(SysModule), nameof(displayhook), null, m));
        ns.SetStr("__displayhook__", ns.GetStr("displayhook")!);
        ns.SetStr("excepthook", NativeMembers.Function(typeof(SysModule), nameof(excepthook), null, m));
        ns.SetStr("__excepthook__", ns.GetStr("excepthook")!);
        return m;
    }

    /// <summary>sys.executable: the program that runs Python code with python's arguments. Started as
    /// `dotnet stackless-iron.dll`, the process is the dotnet muxer, which would run `-m x` as a
    /// .NET command; the apphost next to the entry assembly takes the same arguments as we do.</summary>
    static string ExecutablePath()
    {
        var process = Environment.ProcessPath ?? "";
        if (System.IO.Path.GetFileNameWithoutExtension(process) != "dotnet") return process;
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(entry)) return process;
        var apphost = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(entry)!, System.IO.Path.GetFileNameWithoutExtension(entry));
        return System.IO.File.Exists(apphost) ? apphost : process;
    }

    [PyMethod]
    static void exit(ThreadState ts, PyObject? status = null)
    {
        // as CPython's PyErr_SetObject: a tuple is the exception's arguments (sys.exit((42,)) exits 42)
        throw status == null || status == PyNone.Value ? PyExc.New(ExceptionTypes.SystemExit)
            : status is PyTuple args ? PyExc.New(ExceptionTypes.SystemExit, args.Items)
            : PyExc.New(ExceptionTypes.SystemExit, status);
    }

    [PyMethod] static long getrecursionlimit(ThreadState ts) => ts.Engine.RecursionLimit;

    /// <summary>Applies the command line's `-X name[=value]` options (sys._xoptions), `-W arg`
    /// options (sys.warnoptions) and flags (sys.flags by name; -O also sets the engine's
    /// optimize level and __debug__). Returns an error message for a bad -X value, which
    /// CPython reports as a fatal error at start-up.</summary>
    public static string? ApplyCommandLineOptions(PythonEngine engine, IEnumerable<string> xoptions, IEnumerable<string> warnoptions,
        IReadOnlyDictionary<string, int>? flagValues = null)
    {
        var sys = engine.Sys;
        if (flagValues != null && flagValues.Count > 0)
        {
            var flags = (PyStructSeq)sys.Get("flags")!;
            PyObject[] values = [.. flags.Items, .. flags.Hidden];
            foreach (var (name, value) in flagValues)
            {
                int at = Array.IndexOf(FlagNames, name);
                if (at < 0) continue;
                values[at] = values[at] is PyBool ? PyBool.From(value != 0) : PyInt.From(value);
            }
            sys.Set("flags", PyStructSeq.Create(FlagsType, values));
            // -E/-I: the PYTHON* variables read at start no longer count (-B still does)
            if (flagValues.ContainsKey("ignore_environment"))
            {
                sys.Set("pycache_prefix", CodeCache.DefaultPrefix(ignoreEnvironment: true) is string prefix ? new PyStr(prefix) : PyNone.Value);
                if (!flagValues.ContainsKey("dont_write_bytecode"))
                {
                    values[Array.IndexOf(FlagNames, "dont_write_bytecode")] = PyInt.From(0);
                    sys.Set("flags", PyStructSeq.Create(FlagsType, values));
                }
            }
            sys.Set("dont_write_bytecode", PyBool.From(Ops.IsTrue(engine.MainThread, values[Array.IndexOf(FlagNames, "dont_write_bytecode")])));
            if (flagValues.TryGetValue("optimize", out int level) && level > 0)
            {
                engine.Optimize = level;
                engine.Builtins.Namespace.SetStr("__debug__", PyBool.False);
            }
        }
        var xdict = (PyDict)sys.Get("_xoptions")!;
        foreach (var x in xoptions)
        {
            int eq = x.IndexOf('=');
            string name = eq < 0 ? x : x[..eq];
            xdict.SetStr(new PyStr(name), eq < 0 ? PyBool.True : new PyStr(x[(eq + 1)..]));
            // -X pycache_prefix=PATH overrides PYTHONPYCACHEPREFIX (and, empty, means none)
            if (name == "pycache_prefix")
                sys.Set("pycache_prefix", eq < 0 || eq == x.Length - 1 ? PyNone.Value : new PyStr(x[(eq + 1)..]));
            if (name == "int_max_str_digits")
            {
                if (eq < 0 || !long.TryParse(x.AsSpan(eq + 1), out long n) || !PyInt.IsValidMaxStrDigits(n))
                    return "config_init_int_max_str_digits: -X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.";
                engine.IntMaxStrDigits = (int)n;
                var flags = (PyStructSeq)sys.Get("flags")!;
                PyObject[] values = [.. flags.Items, .. flags.Hidden];
                values[Array.IndexOf(FlagNames, "int_max_str_digits")] = PyInt.From(n);
                sys.Set("flags", PyStructSeq.Create(FlagsType, values));
            }
        }
        var warn = (PyList)sys.Get("warnoptions")!;
        // -X dev: sys.flags.dev_mode, and the 'default' warning filter before the -W ones
        if (xdict.GetStr("dev") != null)
        {
            var flags = (PyStructSeq)sys.Get("flags")!;
            PyObject[] values = [.. flags.Items, .. flags.Hidden];
            values[Array.IndexOf(FlagNames, "dev_mode")] = PyBool.True;
            sys.Set("flags", PyStructSeq.Create(FlagsType, values));
            warn.Append(new PyStr("default"));
        }
        foreach (var w in warnoptions) warn.Append(new PyStr(w));
        return null;
    }

    [PyMethod] static long get_int_max_str_digits(ThreadState ts) => ts.Engine.IntMaxStrDigits;

    [PyMethod]
    static void set_int_max_str_digits(ThreadState ts, [PyKeyword] PyObject maxdigits)
    {
        // A C int argument: CPython's message for one that does not fit.
        var n = Ops.Index(ts, maxdigits);
        if (!n.FitsLong || n.Small > int.MaxValue || n.Small < int.MinValue) throw PyExc.OverflowError("Python int too large to convert to C int");
        if (!PyInt.IsValidMaxStrDigits(n.Small)) throw PyExc.ValueError($"maxdigits must be 0 or larger than {PyInt.MaxStrDigitsThreshold}");
        ts.Engine.IntMaxStrDigits = (int)n.Small;
    }

    [PyMethod]
    static void setrecursionlimit(ThreadState ts, PyObject limit)
    {
        if (limit is not PyInt i) throw PyExc.TypeError("'" + limit.Type.Name + "' object cannot be interpreted as an integer");
        long n = i.ToLongChecked();
        if (n < 1) throw PyExc.ValueError("recursion limit must be greater or equal than 1");
        if (n > int.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C int");
        if (n <= ts.RecursionDepth)
            throw PyExc.RecursionError($"cannot set the recursion limit to {n} at the recursion depth {ts.RecursionDepth}: the limit is too low");
        ts.Engine.RecursionLimit = (int)n;
    }

    [PyMethod]
    static PyObject _getframe(ThreadState ts, int depth = 0)
    {
        var f = ts.Frame;
        for (int i = 0; i < depth && f != null; i++) f = f.Back;
        if (f == null) throw PyExc.ValueError("call stack is not deep enough");
        f.Exposed = true;
        return f;
    }

    [PyMethod]
    static PyObject exc_info(ThreadState ts)
    {
        var e = ts.HandledException;
        if (e == null) return new PyTuple(new PyObject[] { PyNone.Value, PyNone.Value, PyNone.Value });
        return new PyTuple(new PyObject[] { e.Type, e, (PyObject?)e.Traceback ?? PyNone.Value });
    }

    [PyMethod] static PyObject exception(ThreadState ts) => (PyObject?)ts.HandledException ?? PyNone.Value;

    [PyMethod]
    static PyObject intern(ThreadState ts, PyObject @string)
    {
        if (@string is not PyStr s || s.Type != TypeObjects.Str) throw PyExc.TypeError($"intern() argument must be str, not {@string.Type.Name}");
        return PyStr.Intern(s);
    }

    [PyMethod] static long getsizeof(ThreadState ts, PyObject @object, PyObject? @default = null) => 64;
    [PyMethod] static string getdefaultencoding(ThreadState ts) => "utf-8";
    [PyMethod] static string getfilesystemencoding(ThreadState ts) => "utf-8";
    [PyMethod] static string getfilesystemencodeerrors(ThreadState ts) => "surrogateescape";
    [PyMethod] static long getrefcount(ThreadState ts, PyObject @object) => 2;
    /// <summary>True once the program ended and its atexit callbacks ran (the engine then runs
    /// the `__del__` of what is still alive), as CPython's interpreter finalisation.</summary>
    [PyMethod] static bool is_finalizing(ThreadState ts) => ts.Engine.Finalizing;

    static PyObject s_asyncFirstIter = PyNone.Value, s_asyncFinalizer = PyNone.Value;
    /// <summary>sys.set_asyncgen_hooks: called at an async generator's first iteration, and
    /// when one that was iterated under it is dropped unfinished (None = not set).</summary>
    internal static PyObject AsyncGenFirstIter => s_asyncFirstIter;
    internal static PyObject AsyncGenFinalizer => s_asyncFinalizer;
    static int s_coroutineOriginDepth;
    internal static int CoroutineOriginDepth => s_coroutineOriginDepth;
    [PyMethod] static void settrace(ThreadState ts, PyObject function) => Interpreter.SetTrace(ts, function == PyNone.Value ? null : function);
    [PyMethod] static PyObject gettrace(ThreadState ts) => ts.Trace?.TraceFunc ?? PyNone.Value;
    [PyMethod] static void setprofile(ThreadState ts, PyObject function) => Interpreter.SetProfileFunction(ts, function == PyNone.Value ? null : function);
    [PyMethod] static PyObject getprofile(ThreadState ts) => ts.Trace?.ProfileObj ?? PyNone.Value;
    [PyMethod] static double getswitchinterval(ThreadState ts) => ts.Engine.Gil.SwitchInterval;
    [PyMethod]
    static void setswitchinterval(ThreadState ts, double interval)
    {
        if (interval <= 0) throw PyExc.ValueError("switch interval must be strictly positive");
        ts.Engine.Gil.SwitchInterval = interval;
    }

    /// <summary>sys._current_frames(): each Python thread's innermost frame, by thread id.</summary>
    [PyMethod]
    static PyObject _current_frames(ThreadState ts)
    {
        var d = new PyDict();
        foreach (var t in ts.Engine.Gil.Threads)
        {
            var f = t.Frame;
            if (f == null) continue;
            f.Exposed = true;
            d.SetItem(ts, PyInt.From(t.Ident), f);
        }
        return d;
    }
    /// <summary>sys._current_exceptions(): each Python thread's handled exception as an
    /// exc_info triple, by thread id (3.11's shape; 3.12 gives the exception alone). The other
    /// threads are outside the lock, so their fields hold still while read.</summary>
    [PyMethod]
    static PyObject _current_exceptions(ThreadState ts)
    {
        var d = new PyDict();
        foreach (var t in ts.Engine.Gil.Threads)
        {
            if (t.Frame == null) continue;
            var e = t.HandledException;
            if (e?.Traceback?.Frame is { } tf) tf.Exposed = true;
            d.SetItem(ts, PyInt.From(t.Ident), e == null
                ? PyTuple.Of(PyNone.Value, PyNone.Value, PyNone.Value)
                : PyTuple.Of(e.Type, e, (PyObject?)e.Traceback ?? PyNone.Value));
        }
        return d;
    }
    [PyMethod] static long getallocatedblocks(ThreadState ts) => 0;
    /// <summary>Kept for getdlopenflags only: the engine loads no extension modules. The default
    /// is RTLD_NOW, as CPython's on Linux.</summary>
    static int s_dlopenFlags = 2;
    [PyMethod] static long getdlopenflags(ThreadState ts) => s_dlopenFlags;
    [PyMethod] static void setdlopenflags(ThreadState ts, int flags) => s_dlopenFlags = flags;
    [PyMethod] static void _clear_type_cache(ThreadState ts) { }
    [PyMethod] static PyObject call_tracing(ThreadState ts, PyObject func, PyTuple args) => Ops.Call(ts, func, args.Items);
    /// <summary>sys.breakpointhook (what breakpoint() calls): $PYTHONBREAKPOINT names the
    /// callable ("module.attr", or a builtin; unset or empty: pdb.set_trace; "0": do nothing),
    /// read at each call, unless -E/-I; an unimportable name is a RuntimeWarning, as CPython.</summary>
    [PyMethod]
    static PyObject breakpointhook(ThreadState ts, [PyKwArgs] PyDict kw, params PyObject[] args)
    {
        string? envar = null;
        var flags = ts.Engine.Sys.Get("flags");
        if (flags == null || !Ops.IsTrue(ts, Ops.GetAttr(ts, flags, PyStr.Intern("ignore_environment"))))
        {
            var p = StacklessIron.Modules.Posix.LibC.getenv(System.Text.Encoding.UTF8.GetBytes("PYTHONBREAKPOINT\0"));
            if (p != IntPtr.Zero) envar = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(p);
        }
        if (string.IsNullOrEmpty(envar)) envar = "pdb.set_trace";
        else if (envar == "0") return PyNone.Value;
        int dot = envar.LastIndexOf('.');
        if (dot != 0)
        {
            string module = dot < 0 ? "builtins" : envar[..dot], attr = envar[(dot + 1)..];
            PyObject? hook = null;
            try { hook = Ops.GetAttr(ts, Importer.ImportModule(ts, module), new PyStr(attr)); }
            catch (PyException e) when (e.Matches(ExceptionTypes.ImportError) || e.Matches(ExceptionTypes.AttributeError)) { }
            if (hook != null) return Ops.CallWithDict(ts, hook, args, kw.Count > 0 ? kw : null);
        }
        IoModule.Warn(ts, $"Ignoring unimportable $PYTHONBREAKPOINT: \"{envar}\"", ExceptionTypes.RuntimeWarning);
        return PyNone.Value;
    }
    [PyMethod] static long get_coroutine_origin_tracking_depth(ThreadState ts) => s_coroutineOriginDepth;
    [PyMethod]
    static void set_coroutine_origin_tracking_depth(ThreadState ts, [PyKeyword] int depth)
    {
        if (depth < 0) throw PyExc.ValueError("depth must be >= 0");
        s_coroutineOriginDepth = depth;
    }
    [PyMethod]
    static PyObject get_asyncgen_hooks(ThreadState ts) => PyTuple.Of(s_asyncFirstIter, s_asyncFinalizer);
    [PyMethod]
    static void set_asyncgen_hooks(ThreadState ts, [PyKeyword] PyObject? firstiter = null, PyObject? finalizer = null)
    {
        if (finalizer != null && finalizer != PyNone.Value && !Ops.IsCallable(finalizer)) throw PyExc.TypeError($"callable finalizer expected, got {finalizer.Type.Name}");
        if (firstiter != null && firstiter != PyNone.Value && !Ops.IsCallable(firstiter)) throw PyExc.TypeError($"callable firstiter expected, got {firstiter.Type.Name}");
        if (firstiter != null) s_asyncFirstIter = firstiter;
        if (finalizer != null) s_asyncFinalizer = finalizer;
    }

    /// <summary>sys.unraisablehook: "Exception ignored in: obj" and the exception's report.</summary>
    [PyMethod]
    static void unraisablehook(ThreadState ts, PyObject unraisable)
    {
        var err = ts.Engine.Sys.Get("stderr");
        var sb = new System.Text.StringBuilder();
        var msg = Ops.GetAttrOrNull(ts, unraisable, PyStr.Intern("err_msg"));
        var obj = Ops.GetAttrOrNull(ts, unraisable, PyStr.Intern("object"));
        sb.Append(msg is PyStr ms ? ms.Value : "Exception ignored in");
        if (obj != null && obj != PyNone.Value) sb.Append(": ").Append(Ops.ReprString(ts, obj));
        sb.Append('\n');
        if (Ops.GetAttrOrNull(ts, unraisable, PyStr.Intern("exc_value")) is PyBaseException e) sb.Append(ts.Engine.FormatException(ts, e));
        if (err != null && err != PyNone.Value) Ops.CallMethod(ts, err, "write", new PyStr(sb.ToString()));
    }

    /// <summary>Audit hooks per engine (sys.addaudithook); events come only from Python code
    /// (os.walk, ...) for now: the engine's own operations raise none yet.</summary>
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PythonEngine, PyList> AuditHooks = new();

    [PyMethod]
    static void audit(ThreadState ts, PyObject @event, params PyObject[] args)
    {
        if (@event is not PyStr) throw PyExc.TypeError($"expected str for argument 'event', not {@event.Type.Name}");
        if (!AuditHooks.TryGetValue(ts.Engine, out var hooks)) return;
        var tuple = new PyTuple(args);
        foreach (var h in hooks.ToArray()) Ops.Call(ts, h, @event, tuple);
    }

    [PyMethod]
    static void addaudithook(ThreadState ts, PyObject hook) => AuditHooks.GetOrCreateValue(ts.Engine).Append(hook);

    [PyMethod]
    static void displayhook(ThreadState ts, PyObject @object)
    {
        if (@object == PyNone.Value) return;
        var b = ts.Engine.Builtins.Namespace;
        b.SetStr("_", PyNone.Value);
        var stdout = ts.Engine.Sys.Get("stdout") ?? throw PyExc.RuntimeError("lost sys.stdout");
        Ops.CallMethod(ts, stdout, "write", new PyStr(Ops.ReprString(ts, @object) + "\n"));
        b.SetStr("_", @object);
    }

    static readonly string[] FlagNames = { "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
        "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
        "warn_default_encoding", "safe_path", "int_max_str_digits" };

    // sys's struct sequences: CPython's types, which Python code cannot instantiate.
    static readonly PyType VersionInfoType = PyStructSeq.MakeType("sys.version_info", new[] { "major", "minor", "micro", "releaselevel", "serial" }, doc: "sys.version_info\n\nVersion information as a named tuple.", instantiable: false);
    static readonly PyType FlagsType = PyStructSeq.MakeType("sys.flags", FlagNames,
        doc: "sys.flags\n\nFlags provided through command line arguments or environment vars.", instantiable: false);
    static readonly PyType IntInfoType = PyStructSeq.MakeType("sys.int_info", new[] { "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold" },
        doc: "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.  The attributes are read only.", instantiable: false);
    static readonly PyType FloatInfoType = PyStructSeq.MakeType("sys.float_info", new[] { "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds" },
        doc: "sys.float_info\n\nA named tuple holding information about the float type. It contains low level\ninformation about the precision and internal representation. Please study\nyour system's :file:`float.h` for more information.", instantiable: false);
    static readonly PyType HashInfoType = PyStructSeq.MakeType("sys.hash_info", new[] { "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff" },
        doc: "hash_info\n\nA named tuple providing parameters used for computing\nhashes. The attributes are read only.", instantiable: false);
    static readonly PyType ThreadInfoType = PyStructSeq.MakeType("sys.thread_info", new[] { "name", "lock", "version" }, doc: "sys.thread_info\n\nA named tuple holding information about the thread implementation.", instantiable: false);

    [PyMethod]
    static void excepthook(ThreadState ts, PyObject exctype, PyObject value, PyObject traceback)
    {
        if (value is PyBaseException e) ts.Engine.PrintException(ts, e);
    }
}
