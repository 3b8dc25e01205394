#nullable enable
using System.IO;
using System.Text;
using StacklessIron.Compiling;
using StacklessIron.Parsing;
using System;
namespace StacklessIron.Runtime;

/// <summary>One Python interpreter: its modules (sys.modules), builtins, sys, standard streams
/// and settings; compiling source to code objects; printing uncaught exceptions.</summary>
public sealed class PythonEngine
{
    public readonly PyDict Modules = new();
    public readonly ThreadState MainThread;
    /// <summary>Set once the program ended and atexit ran (sys.is_finalizing).</summary>
    public volatile bool Finalizing;
    /// <summary>The program ended by an uncaught KeyboardInterrupt: a host ends itself by
    /// SIGINT then, as CPython does, so a shell sees the interrupt.</summary>
    public bool ExitedByKeyboardInterrupt;
    /// <summary>Runs the Python handlers of signals that arrived (set by the _signal module).</summary>
    public Action<ThreadState>? PendingSignalRunner;
    /// <summary>Set when a signal for a Python handler arrives: interruptible waits (time.sleep)
    /// wake on it and run the handlers.</summary>
    public readonly SignalEvent SignalArrived = new();
    /// <summary>The global interpreter lock; the main thread holds it from the start.</summary>
    public readonly GlobalInterpreterLock Gil;
    /// <summary>Other threads wait for a module whose code still runs (see ModuleImportLocks).</summary>
    public readonly ModuleImportLocks ImportLocks = new();
    /// <summary>Weakref callbacks, `__del__` and native finalizers of objects that died.</summary>
    public readonly Finalization Finalization;
    /// <summary>sys.getrecursionlimit().</summary>
    public int RecursionLimit
    {
        get => _recursionLimit;
        set { _recursionLimit = value; UpdateEnterLimit(); }
    }
    int _recursionLimit = 1000;
    /// <summary>What the loop compares the call depth with when it enters a frame: the
    /// recursion limit, or -1 while a thread traces or profiles, so that every frame entry
    /// takes the cold path that also instruments the frame (Interpreter.Tracing.cs).</summary>
    public int EnterLimit = 1000;
    /// <summary>Threads of this engine with a trace or profile function set.</summary>
    internal int TracingThreads;
    internal void UpdateEnterLimit() => EnterLimit = TracingThreads > 0 ? -1 : _recursionLimit;
    /// <summary>sys.get_int_max_str_digits(): the most decimal digits int(str) and str(int)
    /// accept (0 = no limit); PYTHONINTMAXSTRDIGITS sets it at start as in CPython.</summary>
    /// <summary>-O level (sys.flags.optimize): what compile(optimize=-1) and imports use; above 0
    /// asserts and `if __debug__:` blocks are left out, above 1 docstrings too.</summary>
    public int Optimize;
    public int IntMaxStrDigits = StacklessIron.Objects.PyInt.MaxStrDigitsFromEnvironment() ?? StacklessIron.Objects.Formatting.NumberParsing.DefaultMaxStrDigits;
    public readonly PyModule Builtins;
    public readonly PyModule Sys;
    /// <summary>The standard streams the engine set up (sys.__stdout__ etc.): TextIOWrappers
    /// over file descriptors 0, 1, 2, or over the writers an embedding host passed in.</summary>
    public readonly PyTextIOWrapper Stdout, Stderr, Stdin;
    public readonly NativeFunction ImportFunc;

    public PyDict BuiltinsDict => Builtins.Namespace;

    public PythonEngine(TextWriter? stdout = null, TextWriter? stderr = null, TextReader? stdin = null)
    {
        MainThread = new ThreadState(this);
        Gil = new GlobalInterpreterLock(MainThread);
        Finalization = new Finalization(this);
        NativeModuleTable.RegisterAll();
        Stdin = IoModule.StandardStream(MainThread, 0, stdin, null);
        Stdout = IoModule.StandardStream(MainThread, 1, null, stdout);
        Stderr = IoModule.StandardStream(MainThread, 2, null, stderr);
        Builtins = StacklessIron.Modules.Builtins.Create(this);
        ImportFunc = ((PyBuiltinFunction)Builtins.Get("__import__")!).Func;
        Sys = SysModule.Create(this);
        Modules.SetStr("builtins", Builtins);
        Modules.SetStr("sys", Sys);
        ExceptionGroups.EnsureInstalled();
        // os.py picks its platform module from this list ('posix' in sys.builtin_module_names).
        var builtinNames = new List<string>(Importer.NativeModules.Keys) { "builtins", "sys" };
        builtinNames.Sort(string.CompareOrdinal);
        Sys.Set("builtin_module_names", new PyTuple(builtinNames.ConvertAll(n => (PyObject)new PyStr(n)).ToArray()));
        // the types are built: the VM loop's background compile may start (it folds their statics)
        Interpreter.InitializeStatics();
        BackgroundCompiler.RuntimeReady();
    }

    /// <summary>Flushes what is still buffered for output (at exit): files the program left
    /// open, the current sys.stdout/sys.stderr, and the engine's own streams.</summary>
    public void FlushStreams()
    {
        var ts = MainThread;
        try { IoModule.FlushOpenWriters(ts); } catch (PyException) { } catch (IOException) { }
        foreach (var name in new[] { "stdout", "stderr" })
        {
            try
            {
                var f = Sys.Get(name);
                if (f != null && f != PyNone.Value && f != Stdout && f != Stderr && !IoModule.IsClosed(ts, f)) Ops.CallMethod(ts, f, "flush");
            }
            catch (PyException) { }
        }
        try { Stdout.Flush(); } catch (PyException) { } catch (IOException) { }
        try { Stderr.Flush(); } catch (PyException) { } catch (IOException) { }
    }

    // ---------------- compiling ----------------

    public PyCode CompileFile(ThreadState ts, string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw PyExc.New(ExceptionTypes.OSError, e.Message);
        }
        return (PyCode)CompileSource(ts, bytes, path, CompileMode.Exec, 0);
    }

    /// <summary>Compiles str or bytes source; raises the Python SyntaxError on bad input.</summary>
    public PyObject CompileSource(ThreadState ts, object source, string filename, CompileMode mode, int flags, int optimize = -1)
    {
        try
        {
            Parsing.Ast.ModNode tree = mode switch
            {
                CompileMode.Eval => source is string es ? WrapExpr(PythonParser.ParseExpression(es, filename, IntMaxStrDigits, flags)) : WrapExpr(PythonParser.ParseExpression((byte[])source, filename, IntMaxStrDigits, flags)),
                CompileMode.Single => source is string ss ? PythonParser.ParseInteractive(ss, filename, IntMaxStrDigits, flags) : PythonParser.ParseInteractive((byte[])source, filename, IntMaxStrDigits, flags),
                _ => source is string xs ? PythonParser.ParseModule(xs, filename, IntMaxStrDigits, flags) : PythonParser.ParseModule((byte[])source, filename, IntMaxStrDigits, flags),
            };
            var code = Compiler.Compile(tree, filename, mode, optimize < 0 ? Optimize : optimize, (CodeFlags)(flags & (int)Compiler.FutureFlagsMask));
            return PyCode.For(code);
        }
        catch (PythonSyntaxError e)
        {
            throw SyntaxErrorOf(e);
        }
        catch (Exception e) when (e is not PyException && e is not OutOfMemoryException)
        {
            throw PyExc.SystemError($"internal error while compiling {filename}: {e.GetType().Name}: {e.Message}");
        }
    }

    static Parsing.Ast.ModNode WrapExpr(Parsing.Ast.ModNode e) => e;

    public static PyException SyntaxErrorOf(PythonSyntaxError e)
    {
        // The parser and compiler report their nesting limits the way CPython does:
        // as RecursionError / MemoryError, which carry only the message.
        if (e.Kind == "RecursionError") return PyExc.New(ExceptionTypes.RecursionError, new PyStr(e.Msg));
        if (e.Kind == "MemoryError") return e.Msg.Length == 0 ? PyExc.New(ExceptionTypes.MemoryError) : PyExc.New(ExceptionTypes.MemoryError, new PyStr(e.Msg));
        var type = e.Kind switch { "IndentationError" => ExceptionTypes.IndentationError, "TabError" => ExceptionTypes.TabError, _ => ExceptionTypes.SyntaxError };
        PyObject OrNone(string? s) => s == null ? PyNone.Value : new PyStr(s);
        var info = new PyTuple(new PyObject[] { new PyStr(e.Filename), PyInt.From(e.Lineno), PyInt.From(e.Offset), OrNone(e.Text),
            PyInt.From(e.EndLineno), PyInt.From(e.EndOffset) });
        return PyExc.New(type, new PyStr(e.Msg), info);
    }

    // ---------------- helpers for the VM ----------------

    public PyObject MakeSet(ThreadState ts, PyObject[] items)
    {
        var t = BuiltinsDict.GetStr("set") ?? throw PyExc.SystemError("set objects are not available yet");
        return Ops.Call(ts, t, new PyTuple(items));
    }

    // ---------------- uncaught exceptions ----------------

    /// <summary>Prints `exc` with its traceback and chained exceptions as CPython 3.11 does,
    /// to sys.stderr (the engine's own stream when sys.stderr is unusable).</summary>
    public void PrintException(ThreadState ts, PyBaseException exc)
    {
        FlushStdout(ts);
        var text = FormatException(ts, exc);
        var err = Sys.Get("stderr");
        if (err != null && err != Stderr && err != PyNone.Value)
        {
            try { Ops.CallMethod(ts, err, "write", new PyStr(text)); Ops.CallMethod(ts, err, "flush"); return; }
            catch (PyException) { }
        }
        Stderr.Write(text);
        Stderr.Flush();
    }

    void FlushStdout(ThreadState ts)
    {
        var o = Sys.Get("stdout");
        try
        {
            if (o == null || o == Stdout) Stdout.Flush();
            else if (o != PyNone.Value) Ops.CallMethod(ts, o, "flush");
        }
        catch (PyException) { }
        catch (IOException) { }
    }

    public string FormatException(ThreadState ts, PyBaseException exc)
        => TracebackPrinter.Format(ts, exc, new SourceLines(ts));

    /// <summary>A SystemExit's code that is neither None nor an int is a message: written to
    /// stderr as CPython does, the exit status then being 1.</summary>
    public void WriteExitMessage(ThreadState ts, PyObject code) => Stderr.Write(SafeStr(ts, code) + "\n");

    static string SafeStr(ThreadState ts, PyObject o)
    {
        try { return Ops.StrString(ts, o); }
        catch (PyException) { return $"<exception str() failed>"; }
    }

    // ---------------- running programs ----------------

    /// <summary>Creates the __main__ module for running a script or -c code.</summary>
    public PyModule CreateMain(string? file)
    {
        var main = new PyModule("__main__");
        main.Namespace.SetStr("__builtins__", Builtins);
        main.Namespace.SetStr("__annotations__", new PyDict());
        if (file != null) main.Namespace.SetStr("__file__", new PyStr(file));
        Modules.SetStr("__main__", main);
        return main;
    }

    /// <summary>Runs code as __main__ and returns the process exit code (printing an uncaught
    /// exception, or handling SystemExit, as CPython does).</summary>
    public int RunMain(Func<ThreadState, PyObject> body)
    {
        var ts = MainThread;
        int status;
        try
        {
            body(ts);
            status = 0;
        }
        catch (PyException e)
        {
            status = HandleUncaught(ts, e.Value);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            status = HandleUncaught(ts, PyExc.SystemError($"internal error: {e.GetType().Name}: {e.Message}").Value);
        }
        // As CPython's finalisation: the non-daemon threads are joined, then atexit callbacks
        // run (after an uncaught exception was reported), before the streams are flushed.
        try { ThreadModule.WaitForShutdown(ts); }
        catch (Exception e) when (e is not OutOfMemoryException) { Stderr.Write($"internal error at thread shutdown: {e.Message}\n"); }
        try { AtexitModule.RunExitFuncs(ts); }
        catch (Exception e) when (e is not OutOfMemoryException) { Stderr.Write($"internal error in atexit: {e.Message}\n"); }
        // then, as CPython's module teardown, the __del__ of what is still alive
        Finalizing = true;
        try { Finalization.RunAtExit(ts); }
        catch (Exception e) when (e is not OutOfMemoryException) { Stderr.Write($"internal error at finalization: {e.Message}\n"); }
        FlushStreams();
        return status;
    }

    public int HandleUncaught(ThreadState ts, PyBaseException exc)
    {
        // Stackless's TaskletExit is a SystemExit that does not end the program quietly: one
        // that escapes main is reported like any error (3.7.5: traceback, status 1)
        if (exc.Type.IsSubtypeOf(ExceptionTypes.SystemExit)
            && !(BuiltinsDict.GetStr("TaskletExit") is PyType te && exc.Type.IsSubtypeOf(te)))
        {
            var code = exc.DictIfAny?.GetStr("code") ?? PyNone.Value;
            FlushStreams();
            if (code == PyNone.Value) return 0;
            if (code is PyInt ci) return (int)(ci.FitsLong ? ci.Small & 0xff : 1);
            WriteExitMessage(ts, code);
            return 1;
        }
        var hook = Sys.Get("excepthook");
        try
        {
            if (hook != null && !(hook is PyBuiltinFunction bf && bf.Name == "excepthook"))
                Ops.Call(ts, hook, exc.Type, exc, (PyObject?)exc.Traceback ?? PyNone.Value);
            else PrintException(ts, exc);
        }
        catch (PyException e)
        {
            FlushStdout(ts);
            Stderr.Write("Error in sys.excepthook:\n" + FormatException(ts, e.Value) + "\nOriginal exception was:\n" + FormatException(ts, exc));
            Stderr.Flush();
        }
        FlushStreams();
        // CPython ends by SIGINT after an uncaught KeyboardInterrupt (the host kills itself with
        // it when it may): status 130 for the shell otherwise.
        if (!exc.Type.IsSubtypeOf(ExceptionTypes.KeyboardInterrupt)) return 1;
        ExitedByKeyboardInterrupt = true;
        return 130;
    }
}
