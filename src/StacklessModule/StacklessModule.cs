#nullable enable
using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using StacklessIron.Compiling;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>The `stackless` module: module-level functions over the thread's scheduler.</summary>
public static class StacklessModule
{
    /// <summary>Python helpers (run as Python frames so that they can switch softly).</summary>
    internal static PyObject? SendSequenceHelper, CallHelper;
    /// <summary>A worker thread's bottom function (it calls WorkerStart) and the stand-ins for
    /// main's bottom frame when that ended on a worker (see Scheduler.FinishMainOnHost).</summary>
    internal static PyObject? WorkerBase, WorkerStart, MainReturn, IdleFrame, IdleNative, ExitNow;

    /// <summary>Compiles the channel switching path (send/receive with their invokers,
    /// Scheduler.ChannelAction, SwitchTo, Load; marked AggressiveOptimization, so ReadyToRun
    /// leaves them to the JIT) when the module is imported, on a short-lived background thread,
    /// instead of in the program's first channel operations (a few milliseconds of JIT there).
    /// Should a switch come first, it simply waits for the same compilation. run() gets a
    /// hand-written invoker (RunInvoker): its five parameters would otherwise mean an
    /// expression tree compiled at the program's first run() (~1.8 ms).</summary>
    static void PrepareSwitchPath()
    {
        if (_switchPathPrepared) return;
        _switchPathPrepared = true;
        PyChannel.Invokers.Install();
        var th = new System.Threading.Thread(() =>
        {
            try
            {
                const BindingFlags any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
                foreach (var type in new[] { typeof(PyChannel), typeof(PyChannel.Invokers), typeof(Scheduler) })
                    foreach (var m in type.GetMethods(any))
                        if ((m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0)
                            RuntimeHelpers.PrepareMethod(m.MethodHandle);
            }
            catch (Exception) { }   // only a head start: the first call compiles them anyway
        }, 256 * 1024) { IsBackground = true, Name = "stackless prepare" };
        th.Start();
    }
    static bool _switchPathPrepared;

    /// <summary>Makes `import stackless` available to engines of this process.</summary>
    public static void Register()
    {
        Importer.NativeModules["stackless"] = Create;
        StacklessIoModule.Register();
        PicklingModule.Register();
    }

    const string PythonPart = @"
def _call(func, args, kwargs):
    return func(*args, **kwargs)

def _worker_base(start):
    start()

def _idle_frame(idle):
    idle()

def _main_return(value):
    return value

def _exit_now(status):
    raise SystemExit(status)

def send_sequence(self, iterable):
    n = 0
    for value in iterable:
        self.send(value)
        n += 1
    return n

def test_outside():
    '''test_outside() -- a builtin testing function.
Runs the scheduler the way an application outside Stackless does, until no
other tasklet is runnable; an exception escaping a tasklet ends it.'''
    while getruncount() > 1:
        run()

def test_cframe_nr(switches):
    '''test_cframe_nr(switches) -- a builtin testing function that does nothing
but soft tasklet switching: it schedules `switches` times.'''
    for _ in range(switches):
        schedule()

def __reduce__():
    # as Stackless's module: it pickles by its name
    return 'stackless'

def __reduce_ex__(protocol):
    return 'stackless'

def __getattr__(name):
    if name == 'current': return getcurrent()
    if name == 'main': return getmain()
    if name == 'runcount': return getruncount()
    if name == 'threads': return getthreads()
    if name == 'debug': return getdebug()
    if name == 'uncollectables': return getuncollectables()
    if name == 'pickle_with_tracing_state': return bool(pickle_flags() & PICKLEFLAGS_PRESERVE_TRACING_STATE)
    raise AttributeError(f""module 'stackless' has no attribute '{name}'"")

def __dir__():
    return sorted(set(globals()) | {'current', 'main', 'runcount', 'threads', 'debug', 'uncollectables', 'pickle_with_tracing_state'})
";

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("stackless", "Stackless Python: tasklets, channels and a scheduler.");
        NativeMembers.FillModule(m, typeof(StacklessModule));
        // each module has its own functions: each run() gets the hand-written invoker
        ((PyBuiltinFunction)m.Namespace.GetStr("run")!).Func.UseInvoker(new Func<ThreadState, PyObject?[], PyObject>(RunInvoker.Instance.Invoke));
        PrepareSwitchPath();
        var ns = m.Namespace;
        // builtins.TaskletExit: a SystemExit, so a bare `except:` catches it
        {
            var existing = ts.Engine.BuiltinsDict.GetStr("TaskletExit") as PyType;
            if (existing == null)
            {
                var d = new PyDict();
                d.SetStr("__module__", new PyStr("builtins"));
                existing = (PyType)Ops.Call(ts, TypeObjects.Type, new PyStr("TaskletExit"), new PyTuple(new PyObject[] { ExceptionTypes.SystemExit }), d);
                ts.Engine.BuiltinsDict.SetStr("TaskletExit", existing);
            }
            Scheduler.Of(ts).TaskletExit = existing;
        }
        ns.SetStr("tasklet", PyTasklet.TypeObject);
        ns.SetStr("channel", PyChannel.TypeObject);
        ns.SetStr("bomb", PyBomb.TypeObject);
        ns.SetStr("atomic", PyAtomic.TypeObject);
        ns.SetStr("PICKLEFLAGS_PRESERVE_TRACING_STATE", PyInt.From(1));
        ns.SetStr("PICKLEFLAGS_PRESERVE_AG_FINALIZER", PyInt.From(2));
        ns.SetStr("PICKLEFLAGS_RESET_AG_FINALIZER", PyInt.From(4));
        ns.SetStr("__builtins__", ts.Engine.Builtins);
        var code = (PyCode)ts.Engine.CompileSource(ts, PythonPart, "<stackless>", CompileMode.Exec, 0);
        Interpreter.RunModuleCode(ts, code, ns);
        // the helper frames below are machinery: no trace or profile function sees them
        foreach (var (_, v) in ns.Items())
            if (v is PyFunction fn && fn.Code.Code.Filename == "<stackless>") Interpreter.HideFromTracing(fn.Code);
        CallHelper = ns.GetStr("_call");
        ns.Pop(ts, new PyStr("_call"));
        foreach (var hidden in new[] { "_worker_base", "_main_return", "_worker_start", "_idle_frame", "_idle", "_exit_now" })
        {
            var v = ns.GetStr(hidden)!;
            if (hidden == "_worker_base") WorkerBase = v;
            else if (hidden == "_main_return") MainReturn = v;
            else if (hidden == "_idle_frame") IdleFrame = v;
            else if (hidden == "_idle") IdleNative = v;
            else if (hidden == "_exit_now") ExitNow = v;
            else WorkerStart = v;
            ns.Pop(ts, new PyStr(hidden));
        }
        // as Stackless's stackless.py: the module names itself, and `from stackless import *`
        // gives the same names (bomb and the PICKLEFLAGS are not among them there either)
        ns.SetStr("stackless", m);
        var all = new System.Collections.Generic.List<PyObject>();
        foreach (var name in new[] { "atomic", "channel", "enable_softswitch", "get_channel_callback", "get_schedule_callback",
            "get_thread_info", "getcurrent", "getcurrentid", "getmain", "getruncount", "getthreads", "run", "schedule",
            "schedule_remove", "set_channel_callback", "set_error_handler", "set_schedule_callback", "switch_trap", "tasklet",
            "getdebug", "getuncollectables", "stackless" })
            all.Add(new PyStr(name));
        ns.SetStr("__all__", new PyList(all.ToArray()));
        SendSequenceHelper = ns.GetStr("send_sequence");
        ns.Pop(ts, new PyStr("send_sequence"));
        PyChannel.TypeObject.Namespace.SetStr("send_sequence", SendSequenceHelper!);
        PicklingModule.Install(ts, m);
        return m;
    }

    /// <summary>Reports an exception nobody can catch through sys.unraisablehook, as CPython's
    /// PyErr_WriteUnraisable(obj) does with `what` as the object ("Exception ignored in: 'what'").</summary>
    internal static void WriteUnraisable(ThreadState ts, PyException e, string what)
        => Finalization.ReportUnraisable(ts, e.Value, new PyStr(what));

    /// <summary>Builds the not-yet-run chain of a tasklet: one frame that calls its function.</summary>
    internal static Frame MakeStartFrame(ThreadState ts, PyObject func, PyObject[] args, PyDict? kwargs)
    {
        // a Python function (or a bound method of one) gets its own frame as the bottom of the
        // chain, so that the tasklet runs (and switches) softly; other callables go through the
        // _call helper, a Python frame that calls them
        PyObject target = func;
        PyObject? self = null;
        if (func is PyMethod pm && pm.Func is PyFunction) { target = pm.Func; self = pm.Self; }
        if (target is PyFunction f && !f.IsGeneratorLike)
        {
            int nkw = kwargs?.Count ?? 0, off = self != null ? 1 : 0;
            var all = new PyObject[off + args.Length + nkw];
            if (self != null) all[0] = self;
            args.CopyTo(all, off);
            PyTuple? kwnames = null;
            bool ok = true;
            if (nkw > 0)
            {
                var names = new PyObject[nkw];
                int i = 0;
                foreach (var (k, v) in kwargs!.Items())
                {
                    if (k is not PyStr) { ok = false; break; }
                    names[i] = k; all[off + args.Length + i] = v; i++;
                }
                kwnames = new PyTuple(names);
            }
            // arguments that do not fit raise when the tasklet runs, as the call would there
            if (ok)
                try { return Interpreter.MakeFrame(ts, f, all, kwnames); }
                catch (PyException) { }
        }
        var helper = (PyFunction)CallHelper!;
        return Interpreter.MakeFrame(ts, helper, new PyObject[] { func, new PyTuple(args), kwargs ?? new PyDict() }, null);
    }

    [PyMethod]
    static PyObject getcurrent(ThreadState ts) => Scheduler.Of(ts).Current;
    [PyMethod]
    static PyObject getmain(ThreadState ts) => Scheduler.Of(ts).Main;
    [PyMethod]
    static long getruncount(ThreadState ts) => Scheduler.Of(ts).Count;
    [PyMethod]
    static long getcurrentid(ThreadState ts) => Scheduler.Of(ts).ThreadId;

    [PyMethod]
    static PyObject _idle(ThreadState ts)
    {
        ts.TakeUnwindPermission();
        return Scheduler.Of(ts).Idle();
    }

    [PyMethod]
    static PyObject _worker_start(ThreadState ts)
    {
        ts.TakeUnwindPermission();
        return Scheduler.Of(ts).WorkerStarted();
    }

    [PyMethod]
    static PyObject getthreads(ThreadState ts)
    {
        // every live Python thread, the main thread first, as Stackless lists them
        var l = new PyList();
        foreach (var t in ts.Engine.Gil.Threads)
            if (!t.Ended) l.Append(PyInt.From(t.Ident));
        return l;
    }

    [PyMethod]
    static PyObject get_thread_info(ThreadState ts, PyObject? thread_id = null, PyObject? flags = null)
    {
        var s = Scheduler.Of(ts);
        // flags: intentionally undocumented in Stackless; bit 31 appends the watchdog list
        // (Stackless's own tests read it), bit 30 C-stack serial numbers, which we don't have
        long fl = flags == null ? 0 : Ops.Index(ts, flags) is var fv && fv.Sign >= 0 && fv.FitsLong ? fv.Small
            : throw PyExc.OverflowError("can't convert negative value to unsigned int");
        if (thread_id != null && thread_id != PyNone.Value && !(Ops.Index(ts, thread_id) is { FitsLong: true, Small: -1 }))
        {
            var id = Ops.Index(ts, thread_id);
            if (id.Sign < 0) throw PyExc.OverflowError("can't convert negative value to unsigned int");
            ThreadState? found = null;
            if (id.FitsLong)
                foreach (var t in ts.Engine.Gil.Threads)
                    if (t.Ident == id.Small && !t.Ended) found = t;
            if (found == null) throw PyExc.RuntimeError("Thread id not found");
            if (found.Scheduler is not Scheduler other)
                return new PyTuple((fl & (1L << 31)) == 0 ? new PyObject[] { PyNone.Value, PyNone.Value, PyInt.From(0) }
                    : new PyObject[] { PyNone.Value, PyNone.Value, PyInt.From(0), PyNone.Value });
            s = other;
        }
        var info = new PyTuple(new PyObject[] { s.Main, s.Count > 0 ? s.Current : PyNone.Value, PyInt.From(s.Count) });
        if ((fl & (1L << 31)) == 0) return info;
        return new PyTuple(new PyObject[] { info.Items[0], info.Items[1], info.Items[2], (PyObject?)s.WatchdogList ?? PyNone.Value });
    }

    [PyMethod]
    static PyObject schedule(ThreadState ts, [PyKeyword] PyObject? retval = null)
    {
        bool direct = ts.TakeUnwindPermission();
        var s = Scheduler.Of(ts);
        return s.Schedule(retval ?? s.Current, false, direct);
    }

    [PyMethod]
    static PyObject schedule_remove(ThreadState ts, [PyKeyword] PyObject? retval = null)
    {
        bool direct = ts.TakeUnwindPermission();
        var s = Scheduler.Of(ts);
        return s.Schedule(retval ?? s.Current, true, direct);
    }

    /// <summary>run()'s invoker after the binder (NativeFunction.UseInvoker), converting as
    /// the compiled one would: timeout by __index__, the flags by truth value, missing ones
    /// their defaults.</summary>
    sealed class RunInvoker
    {
        internal static readonly RunInvoker Instance = new();
        internal PyObject Invoke(ThreadState ts, PyObject?[] a)
            => run(ts, a[0] == null ? 0 : NativeConvert.ToLong(ts, a[0]), Flag(ts, a[1]), Flag(ts, a[2]), Flag(ts, a[3]), Flag(ts, a[4]));
        static bool Flag(ThreadState ts, PyObject? o) => o != null && Ops.IsTrue(ts, o);
    }

    [PyMethod]
    static PyObject run(ThreadState ts, [PyKeyword] long timeout = 0, bool threadblock = false, bool soft = false, bool ignore_nesting = false, bool totaltimeout = false)
    {
        bool direct = ts.TakeUnwindPermission();
        var s = Scheduler.Of(ts);
        s.RunThreadBlock = threadblock;
        return s.Run(timeout, soft, totaltimeout, ignore_nesting, direct);
    }

    [PyMethod]
    static PyObject set_schedule_callback(ThreadState ts, PyObject? callable)
    {
        var s = Scheduler.Of(ts);
        var set = CallbackOrNone(callable, "schedule");
        var old = s.ScheduleCallback;
        s.ScheduleCallback = set;
        return old ?? PyNone.Value;
    }

    /// <summary>A callback setter's argument: null for None (or nothing), the callable
    /// itself, else 3.7.5's TypeError (the callback set before stays).</summary>
    static PyObject? CallbackOrNone(PyObject? callable, string kind)
    {
        if (callable == null || callable == PyNone.Value) return null;
        if (!Ops.IsCallable(callable)) throw PyExc.TypeError(kind + " callback must be callable");
        return callable;
    }

    [PyMethod]
    static PyObject get_schedule_callback(ThreadState ts) => Scheduler.Of(ts).ScheduleCallback ?? PyNone.Value;

    [PyMethod]
    static PyObject set_channel_callback(ThreadState ts, PyObject? callable)
    {
        var s = Scheduler.Of(ts);
        var set = CallbackOrNone(callable, "channel");
        var old = s.ChannelCallback;
        s.ChannelCallback = set;
        return old ?? PyNone.Value;
    }

    [PyMethod]
    static PyObject get_channel_callback(ThreadState ts) => Scheduler.Of(ts).ChannelCallback ?? PyNone.Value;

    /// <summary>set_error_handler(handler): handler(type, value, tb) takes exceptions that escape
    /// tasklets instead of main; None restores that default. Returns the previous handler.</summary>
    [PyMethod]
    static PyObject set_error_handler(ThreadState ts, PyObject? handler = null)
    {
        var s = Scheduler.Of(ts);
        var old = s.ErrorHandler;
        s.ErrorHandler = handler == null || handler == PyNone.Value ? null : handler;
        return old ?? PyNone.Value;
    }

    /// <summary>Whether this is a debug build of Stackless: it is not.</summary>
    [PyMethod]
    static bool getdebug(ThreadState ts) => false;

    /// <summary>Tasklets the collector could not free (frames with C state): the .NET collector
    /// frees every unreachable tasklet, so there are none.</summary>
    [PyMethod]
    static PyObject getuncollectables(ThreadState ts) => new PyList();

    [PyMethod]
    static long switch_trap(ThreadState ts, long delta)
    {
        var s = Scheduler.Of(ts);
        var old = s.SwitchTrapLevel;
        s.SwitchTrapLevel += (int)delta;
        return old;
    }

    /// <summary>enable_softswitch(flag): with False every switch is made hard (each tasklet that
    /// switches keeps an OS thread); None only asks. Returns the previous setting.</summary>
    [PyMethod]
    static PyObject enable_softswitch(ThreadState ts, params PyObject[] args)
    {
        if (args.Length != 1) throw PyExc.TypeError($"enable_softswitch() takes exactly one argument ({args.Length} given)");
        var s = Scheduler.Of(ts);
        var old = s.SoftSwitchEnabled;
        if (args[0] != PyNone.Value) ts.SoftSwitchDisabled = !(s.SoftSwitchEnabled = Ops.IsTrue(ts, args[0]));
        return PyBool.From(old);
    }

    /// <summary>Stackless's test helper: calls func(*args, **kw) from native code, so that the
    /// call nests a loop (a switch inside is hard). Keywords post_callback (called as
    /// post_callback(result, 0, try_stackless, **kw) afterwards) and set_try_stackless are taken
    /// out first; a func of None returns the args tuple.</summary>
    [PyMethod]
    static PyObject _test_nostacklesscall(ThreadState ts, [PyKwArgs] PyDict kw, params PyObject[] args)
    {
        if (args.Length == 0) throw PyExc.IndexError("tuple index out of range");
        var post = kw.GetStr("post_callback");
        if (post != null) kw.Pop(ts, new PyStr("post_callback"));
        if (kw.GetStr("set_try_stackless") != null) kw.Pop(ts, new PyStr("set_try_stackless"));
        var rest = args[1..];
        PyObject result = args[0] == PyNone.Value ? new PyTuple(rest) : Ops.CallWithDict(ts, args[0], rest, kw.Count == 0 ? null : kw);
        if (post == null) return result;
        return Ops.CallWithDict(ts, post, new PyObject[] { result, PyInt.From(0), PyInt.From(0) }, kw.Count == 0 ? null : kw);
    }

    [PyMethod]
    static long pickle_flags(ThreadState ts, [PyKeyword] long new_flags = -1, long mask = -1) => PicklingModule.Flags(ts, new_flags, mask, false);

    [PyMethod]
    static long pickle_flags_default(ThreadState ts, [PyKeyword] long new_flags = -1, long mask = -1) => PicklingModule.Flags(ts, new_flags, mask, true);
}
