#nullable enable
using System;
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
    internal static PyObject? WorkerBase, WorkerStart, MainReturn, IdleFrame, IdleNative;

    /// <summary>Makes `import stackless` available to engines of this process.</summary>
    public static void Register()
    {
        Importer.NativeModules["stackless"] = Create;
        // a fallback until the stdlib's random.py can be imported (hackysack needs random.Random)
        Importer.NativeModules.TryAdd("random", MinimalRandomModule.Create);
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

def send_sequence(self, iterable):
    n = 0
    for value in iterable:
        self.send(value)
        n += 1
    return n

class atomic:
    '''Sets the current tasklet's atomic flag for the block and restores it.'''
    __slots__ = ('_old',)
    def __enter__(self):
        self._old = getcurrent().set_atomic(True)
        return self
    def __exit__(self, *exc):
        getcurrent().set_atomic(self._old)

def __getattr__(name):
    if name == 'current': return getcurrent()
    if name == 'main': return getmain()
    if name == 'runcount': return getruncount()
    if name == 'threads': return getthreads()
    raise AttributeError(f""module 'stackless' has no attribute '{name}'"")

def __dir__():
    return sorted(set(globals()) | {'current', 'main', 'runcount', 'threads'})
";

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("stackless", "Stackless Python: tasklets, channels and a scheduler.");
        NativeMembers.FillModule(m, typeof(StacklessModule));
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
        ns.SetStr("PICKLEFLAGS_PRESERVE_TRACING_STATE", PyInt.From(1));
        ns.SetStr("PICKLEFLAGS_PRESERVE_AG_FINALIZER", PyInt.From(2));
        ns.SetStr("PICKLEFLAGS_RESET_AG_FINALIZER", PyInt.From(4));
        ns.SetStr("__builtins__", ts.Engine.Builtins);
        var code = (PyCode)ts.Engine.CompileSource(ts, PythonPart, "<stackless>", CompileMode.Exec, 0);
        Interpreter.RunModuleCode(ts, code, ns);
        CallHelper = ns.GetStr("_call");
        ns.Pop(ts, new PyStr("_call"));
        foreach (var hidden in new[] { "_worker_base", "_main_return", "_worker_start", "_idle_frame", "_idle" })
        {
            var v = ns.GetStr(hidden)!;
            if (hidden == "_worker_base") WorkerBase = v;
            else if (hidden == "_main_return") MainReturn = v;
            else if (hidden == "_idle_frame") IdleFrame = v;
            else if (hidden == "_idle") IdleNative = v;
            else WorkerStart = v;
            ns.Pop(ts, new PyStr(hidden));
        }
        SendSequenceHelper = ns.GetStr("send_sequence");
        ns.Pop(ts, new PyStr("send_sequence"));
        PyChannel.TypeObject.Namespace.SetStr("send_sequence", SendSequenceHelper!);
        return m;
    }

    internal static void WriteUnraisable(ThreadState ts, PyException e, string where)
    {
        try { ts.Engine.Stderr.Write($"Exception ignored in {where}: {Ops.ReprString(ts, e.Value)}\n"); }
        catch (PyException) { }
    }

    /// <summary>Builds the not-yet-run chain of a tasklet: one frame that calls its function.</summary>
    internal static Frame MakeStartFrame(ThreadState ts, PyObject func, PyObject[] args, PyDict? kwargs)
    {
        if (func is PyFunction f && !f.IsGeneratorLike && (kwargs == null || kwargs.Count == 0))
            return Interpreter.MakeFrame(ts, f, args, null);
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
    static PyObject getthreads(ThreadState ts) => new PyList(new PyObject[] { PyInt.From(Scheduler.Of(ts).ThreadId) });

    [PyMethod]
    static PyObject get_thread_info(ThreadState ts, PyObject? thread_id = null)
    {
        var s = Scheduler.Of(ts);
        if (thread_id != null && thread_id != PyNone.Value)
        {
            var id = Ops.Index(ts, thread_id);
            if (id.Sign < 0) throw PyExc.OverflowError("can't convert negative value to unsigned int");
            if (!id.FitsLong || id.Small != s.ThreadId) throw PyExc.RuntimeError("Thread id not found");
        }
        return new PyTuple(new PyObject[] { s.Main, s.Current, PyInt.From(s.Count) });
    }

    [PyMethod]
    static PyObject schedule(ThreadState ts, PyObject? retval = null)
    {
        bool direct = ts.TakeUnwindPermission();
        var s = Scheduler.Of(ts);
        return s.Schedule(retval ?? s.Current, false, direct);
    }

    [PyMethod]
    static PyObject schedule_remove(ThreadState ts, PyObject? retval = null)
    {
        bool direct = ts.TakeUnwindPermission();
        var s = Scheduler.Of(ts);
        return s.Schedule(retval ?? s.Current, true, direct);
    }

    [PyMethod]
    static PyObject run(ThreadState ts, [PyKeyword] long timeout = 0, bool threadblock = false, bool soft = false, bool ignore_nesting = false, bool totaltimeout = false)
    {
        bool direct = ts.TakeUnwindPermission();
        return Scheduler.Of(ts).Run(timeout, soft, totaltimeout, ignore_nesting, direct);
    }

    [PyMethod]
    static PyObject set_schedule_callback(ThreadState ts, PyObject? callable)
    {
        var s = Scheduler.Of(ts);
        var old = s.ScheduleCallback;
        s.ScheduleCallback = callable == null || callable == PyNone.Value ? null : callable;
        return old ?? PyNone.Value;
    }

    [PyMethod]
    static PyObject get_schedule_callback(ThreadState ts) => Scheduler.Of(ts).ScheduleCallback ?? PyNone.Value;

    [PyMethod]
    static PyObject set_channel_callback(ThreadState ts, PyObject? callable)
    {
        var s = Scheduler.Of(ts);
        var old = s.ChannelCallback;
        s.ChannelCallback = callable == null || callable == PyNone.Value ? null : callable;
        return old ?? PyNone.Value;
    }

    [PyMethod]
    static PyObject get_channel_callback(ThreadState ts) => Scheduler.Of(ts).ChannelCallback ?? PyNone.Value;

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
        if (args[0] != PyNone.Value) s.SoftSwitchEnabled = Ops.IsTrue(ts, args[0]);
        return PyBool.From(old);
    }

    [PyMethod]
    static long pickle_flags(ThreadState ts, [PyKeyword] long new_flags = -1, long mask = 0) => 0;

    [PyMethod]
    static long pickle_flags_default(ThreadState ts, [PyKeyword] long new_flags = -1, long mask = 0) => 0;
}
