#nullable enable
using System;
using System.Runtime.CompilerServices;
using StacklessIron.Compiling;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>
/// Stackless pickling: the `_stackless` module (the types pickles name: `_stackless.tasklet`,
/// `_stackless.channel`) and `_stackless._wrap`, which holds the callables that rebuild
/// frames, code objects, functions, cells and generators, and the reduction functions that
/// `import stackless` registers with copyreg. As in Stackless, importing stackless also makes
/// pickle save a function it cannot find by name by value, and a module's __dict__ as a
/// reference to the module: the C# _pickle by a switch (PickleModule.EnableStacklessRules),
/// the pure-Python pickle._Pickler by a patch of its dispatch.
/// </summary>
public static class PicklingModule
{
    static readonly ConditionalWeakTable<PythonEngine, PyModule> s_wrap = new();

    /// <summary>Registers `_stackless` and the pickle patch (after Register of the stackless module).</summary>
    public static void Register()
    {
        Importer.NativeModules["_stackless"] = CreateCore;
        Importer.SourceLoadedHooks["copyreg"] = (ts, copyreg) => CallHelper(ts, "_register_reductions", copyreg);
        Importer.SourceLoadedHooks["pickle"] = (ts, pickle) => CallHelper(ts, "_patch_pickle", pickle);
    }

    /// <summary>`_stackless`: Stackless's core module; it brings `stackless` in (a pickle names
    /// `_stackless` first in a new process, and its objects need the stackless module set up).</summary>
    static PyModule CreateCore(ThreadState ts)
    {
        var m = CoreModule(ts);
        ts.Engine.Modules.SetStr("_stackless", m);
        Importer.ImportModule(ts, "stackless");
        return m;
    }

    static PyModule CoreModule(ThreadState ts)
    {
        var m = new PyModule("_stackless");
        var ns = m.Namespace;
        ns.SetStr("tasklet", PyTasklet.TypeObject);
        ns.SetStr("channel", PyChannel.TypeObject);
        ns.SetStr("bomb", PyBomb.TypeObject);
        ns.SetStr("atomic", PyAtomic.TypeObject);
        // a package, so that `_stackless._wrap` imports by that name
        ns.SetStr("__path__", new PyList());
        ns.SetStr("_wrap", WrapModule(ts));
        return m;
    }

    /// <summary>`_stackless._wrap` of this engine (made once, kept in sys.modules).</summary>
    internal static PyModule WrapModule(ThreadState ts)
    {
        var modules = ts.Engine.Modules;
        if (modules.GetStr("_stackless._wrap") is PyModule existing) return existing;
        var m = s_wrap.GetValue(ts.Engine, _ =>
        {
            var w = new PyModule("_stackless._wrap", "Helpers that rebuild pickled frames, code objects, functions, cells and generators.");
            NativeMembers.FillModule(w, typeof(PicklingModule));
            w.Namespace.SetStr("frame_reducer", PyFrameReducer.TypeObject);
            return w;
        });
        modules.SetStr("_stackless._wrap", m);
        return m;
    }

    internal static PyObject Wrap(ThreadState ts, string name) => WrapModule(ts).Namespace.GetStr(name)!;

    const string PythonPart = @"
import sys
from _stackless import _wrap

def _reduce_module(m):
    name = m.__name__
    if sys.modules.get(name) is not m:
        raise TypeError(f""cannot pickle module {name!r}: it is not in sys.modules"")
    # _wrap.import_module, not importlib.import_module (as Stackless): importlib is compiled
    # from source here, a cost the first pickle of a frame (its globals) would pay
    return _wrap.import_module, (name,)

def _pickle_moduledict(pickler, obj):
    # the ids of the dicts of all modules, found once per pickler (as Stackless does)
    try:
        ids = pickler.module_dict_ids
    except AttributeError:
        ids = {}
        for m in list(sys.modules.values()):
            if isinstance(m, ModuleType):
                ids[id(m.__dict__)] = m
        pickler.module_dict_ids = ids
    m = ids.get(id(obj))
    if m is None:
        return None
    return getattr, (m, '__dict__')

def _invalid_frame():
    # stands in for a frame that was inside a native call when its tasklet was pickled
    raise RuntimeError(""cannot execute invalid frame with 'eval_frame_value': frame had a C state that can't be restored."")

ModuleType = type(sys)
FunctionType = type(_reduce_module)

# what pickles of an async generator's awaitables and a coroutine's __await__() name (the
# names of Stackless's _wrap types); they make the real objects, and their __reduce__ applies
# to those (stackless._wrap.async_generator_asend.__reduce__(ags))
class async_generator_asend:
    def __new__(cls, gen, is_throw=False):
        return _wrap.new_async_gen_step(gen, is_throw)
    def __reduce__(self):
        return _wrap.reduce_async_gen_step(self)

class async_generator_athrow:
    def __new__(cls, gen, is_throw=True):
        return _wrap.new_async_gen_step(gen, is_throw)
    def __reduce__(self):
        return _wrap.reduce_async_gen_step(self)

class coroutine_wrapper:
    def __new__(cls, coroutine):
        return coroutine.__await__()
    def __reduce__(self):
        return _wrap.reduce_coroutine_wrapper(self)

def _register_reductions(copyreg):
    for t, r in ((type(_reduce_module.__code__), _wrap.reduce_code), (FunctionType, _wrap.reduce_function),
                 (_wrap._cell_type, _wrap.reduce_cell), (_wrap._generator_type, _wrap.reduce_generator),
                 (_wrap._coroutine_type, _wrap.reduce_generator), (ModuleType, _reduce_module),
                 (type({}.keys()), _wrap.reduce_dict_view), (type({}.values()), _wrap.reduce_dict_view),
                 (type({}.items()), _wrap.reduce_dict_view), (_wrap._traceback_type, _wrap.reduce_traceback),
                 (_wrap._async_generator_type, _wrap.reduce_generator), (_wrap._async_gen_step_type, _wrap.reduce_async_gen_step),
                 (_wrap._coroutine_wrapper_type, _wrap.reduce_coroutine_wrapper)):
        copyreg.pickle(t, r)

def _patch_pickle(pickle):
    P = pickle._Pickler
    if P.__dict__.get('_stackless_patched'):
        return
    import copyreg
    save_global = P.save_global
    save_dict = P.dispatch[dict]
    PicklingError = pickle.PicklingError

    def save_function(self, obj):
        # by name when it can be found so; else by value (Stackless's rule)
        try:
            return save_global(self, obj)
        except PicklingError:
            reduce = copyreg.dispatch_table.get(type(obj))
            if reduce is None:
                raise
            rv = reduce(obj)
        self.save_reduce(obj=obj, *rv)

    def save_dict_or_module_dict(self, obj):
        rv = _pickle_moduledict(self, obj)
        if rv is not None:
            return self.save_reduce(obj=obj, *rv)
        return save_dict(self, obj)

    P.dispatch[FunctionType] = save_function
    P.dispatch[dict] = save_dict_or_module_dict
    P._stackless_patched = True

# copyreg and pickle get their part now if loaded, else when they are (Importer hooks)
if 'copyreg' in sys.modules:
    _register_reductions(sys.modules['copyreg'])
if 'pickle' in sys.modules:
    _patch_pickle(sys.modules['pickle'])
";

    /// <summary>Called by `import stackless`: registers the reductions with copyreg and adapts
    /// pickle (now, or when it is imported). Names starting with an underscore stay in `_wrap`.</summary>
    internal static void Install(ThreadState ts, PyModule stackless)
    {
        var wrap = WrapModule(ts);
        // the C# Pickler (pickle.Pickler) follows the same two rules as the patched _Pickler
        StacklessIron.Modules.Pickle.PickleModule.EnableStacklessRules(ts.Engine);
        var core = ts.Engine.Modules.GetStr("_stackless");
        if (core == null) ts.Engine.Modules.SetStr("_stackless", CoreModule(ts));
        wrap.Namespace.SetStr("_cell_type", PyCell.TypeObject);
        wrap.Namespace.SetStr("_generator_type", PyGenerator.TypeObject);
        wrap.Namespace.SetStr("_coroutine_type", PyCoroutine.TypeObject);
        wrap.Namespace.SetStr("_traceback_type", PyTraceback.TypeObject);
        wrap.Namespace.SetStr("_async_generator_type", PyAsyncGenerator.TypeObject);
        wrap.Namespace.SetStr("_async_gen_step_type", PyAsyncGenStep.TypeObject);
        wrap.Namespace.SetStr("_coroutine_wrapper_type", PyCoroutineWrapper.TypeObject);
        var ns = new PyDict();
        ns.SetStr("__name__", new PyStr("_stackless._wrap"));
        ns.SetStr("__builtins__", ts.Engine.Builtins);
        var code = (PyCode)ts.Engine.CompileSource(ts, PythonPart, "<stackless pickling>", CompileMode.Exec, 0);
        Interpreter.RunModuleCode(ts, code, ns);
        foreach (var name in new[] { "_patch_pickle", "_register_reductions", "_pickle_moduledict", "_reduce_module", "_invalid_frame",
            "async_generator_asend", "async_generator_athrow", "coroutine_wrapper" })
            wrap.Namespace.SetStr(name, ns.GetStr(name)!);
        stackless.Namespace.SetStr("_pickle_moduledict", ns.GetStr("_pickle_moduledict")!);
        stackless.Namespace.SetStr("_wrap", wrap);
        ts.Engine.Modules.SetStr("stackless._wrap", wrap);
    }

    /// <summary>Runs a helper of the pickling part on a library module just loaded, once
    /// `import stackless` has installed them (before that, pickle stays CPython's).</summary>
    static void CallHelper(ThreadState ts, string name, PyModule module)
    {
        if (ts.Engine.Modules.GetStr("stackless") is not PyModule) return;
        if (ts.Engine.Modules.GetStr("_stackless._wrap") is PyModule wrap && wrap.Namespace.GetStr(name) is { } helper)
            Ops.Call(ts, helper, module);
    }

    // ---------------- pickle flags ----------------

    /// <summary>PICKLEFLAGS_PRESERVE_TRACING_STATE | _PRESERVE_AG_FINALIZER | _RESET_AG_FINALIZER.</summary>
    const long DefinedFlags = 7;
    static long s_defaultFlags;
    static readonly ConditionalWeakTable<ThreadState, StrongBox<long>> s_threadFlags = new();

    /// <summary>stackless.pickle_flags / pickle_flags_default: returns the old flags and sets
    /// the bits of `mask` to those of `newFlags` (-1: only asks). A thread starts with the default.</summary>
    internal static long Flags(ThreadState ts, long newFlags, long mask, bool isDefault)
    {
        ApplyTracingStateAttribute(ts);
        if (newFlags != -1 && ((newFlags & mask) & ~DefinedFlags) != 0 || newFlags < -1)
            throw PyExc.ValueError("you must not set an undefined pickle-flag");
        lock (s_threadFlags)
        {
            var box = isDefault ? null : s_threadFlags.GetValue(ts, _ => new StrongBox<long>(s_defaultFlags));
            long old = box?.Value ?? s_defaultFlags;
            if (newFlags != -1)
            {
                long v = (old & ~mask) | (newFlags & mask);
                if (box != null) box.Value = v; else s_defaultFlags = v;
            }
            return old;
        }
    }

    /// <summary>PICKLEFLAGS_PRESERVE_TRACING_STATE: a pickled tasklet keeps its trace and profile functions.</summary>
    internal const long PreserveTracingState = 1;

    /// <summary>`stackless.pickle_with_tracing_state = v` (3.7.5's module property, a wrapper
    /// around pickle_flags and pickle_flags_default): a module attribute here has no setter, so
    /// the assignment lands in the module's dict and is applied to both flags (and taken out
    /// again, so that reading it goes back to the flags) before they are next read.</summary>
    static void ApplyTracingStateAttribute(ThreadState ts)
    {
        if (ts.Engine.Modules.GetStr("stackless") is not PyModule m) return;
        var key = PyStr.Intern("pickle_with_tracing_state");
        if (m.Namespace.GetStr(key) is not PyObject v) return;
        m.Namespace.RemoveStr(key);
        long bit = Ops.IsTrue(ts, v) ? PreserveTracingState : 0;
        lock (s_threadFlags)
        {
            var box = s_threadFlags.GetValue(ts, _ => new StrongBox<long>(s_defaultFlags));
            box.Value = (box.Value & ~PreserveTracingState) | bit;
            s_defaultFlags = (s_defaultFlags & ~PreserveTracingState) | bit;
        }
    }

    // ---------------- reductions (registered with copyreg) ----------------

    /// <summary>A code object by value, in our own format (CodeObjectSerializer).</summary>
    [PyMethod]
    static PyObject reduce_code(ThreadState ts, PyCode code) =>
        new PyTuple(new PyObject[] { Wrap(ts, "code"), new PyTuple(new PyObject[] { PyBytes.From(CodeObjectSerializer.Serialize(code.Code)) }) });

    /// <summary>A function by value: code, globals, name and closure rebuild it; the rest of it
    /// is state that pickle sets as attributes (so that a function reachable from its own
    /// defaults or dict pickles).</summary>
    [PyMethod]
    static PyObject reduce_function(ThreadState ts, PyFunction f)
    {
        PyObject closure = f.Closure == null ? PyNone.Value : new PyTuple(Array.ConvertAll(f.Closure, c => (PyObject)c));
        var attrs = new PyDict();
        attrs.SetStr("__qualname__", new PyStr(f.QualName));
        attrs.SetStr("__module__", f.Module);
        attrs.SetStr("__doc__", f.Doc);
        if (f.Defaults != null) attrs.SetStr("__defaults__", new PyTuple(f.Defaults));
        if (f.KwDefaults != null) attrs.SetStr("__kwdefaults__", f.KwDefaults);
        if (f.Annotations != null) attrs.SetStr("__annotations__", f.Annotations);
        var dict = f.Dict is { Count: > 0 } d ? (PyObject)d : PyNone.Value;
        return new PyTuple(new PyObject[]
        {
            Wrap(ts, "function"),
            new PyTuple(new PyObject[] { f.Code, f.Globals, new PyStr(f.Name), closure }),
            new PyTuple(new PyObject[] { dict, attrs }),
        });
    }

    /// <summary>A cell: made empty, its contents set as state (a cell may refer to itself
    /// through the function it holds).</summary>
    [PyMethod]
    static PyObject reduce_cell(ThreadState ts, PyCell c)
    {
        PyObject state = PyNone.Value;
        if (c.Value != null)
        {
            var slots = new PyDict();
            slots.SetStr("cell_contents", c.Value);
            state = new PyTuple(new PyObject[] { PyNone.Value, slots });
        }
        return new PyTuple(new PyObject[] { Wrap(ts, "cell"), PyTuple.Empty, state });
    }

    /// <summary>A generator, coroutine or async generator: its frame (through the frame's
    /// reducer), whether it started, its names, and its exception states; a coroutine its
    /// cr_origin; an async generator its finalizer hook, by the pickle flags as Stackless (the
    /// hook itself with PICKLEFLAGS_PRESERVE_AG_FINALIZER; none with _RESET_AG_FINALIZER;
    /// else True for "had one": the loader's hook is taken). A finished one keeps only its code.</summary>
    [PyMethod]
    static PyObject reduce_generator(ThreadState ts, PyGenerator g)
    {
        // a generator that runs in a suspended tasklet (its frame in that tasklet's chain) is
        // pickled as running; one that runs in the current chain right now cannot be
        if (g.Running)
            for (var f = ts.Frame; f != null; f = f.Back)
                if (f == g.Frame) throw PyExc.ValueError($"cannot pickle a running {g.KindName}");
        PyObject frame = g.Finished ? g.Frame!.Code : PyFrameReducer.For(g.Frame!);
        PyObject origin = g.IsCoroutine ? (PyObject?)PyCoroutine.OriginOf(g) ?? PyNone.Value : PyNone.Value;
        PyObject finalizer = PyNone.Value;
        bool hooksInited = false;
        if (g.IsAsyncGen)
        {
            long flags = Flags(ts, -1, 0, false);
            hooksInited = g.AsyncHooksInited;
            if ((flags & PreserveAgFinalizer) != 0) finalizer = g.AsyncFinalizer ?? PyNone.Value;
            else if ((flags & ResetAgFinalizer) != 0) hooksInited = false;
            else finalizer = g.AsyncFinalizer != null ? PyBool.True : PyNone.Value;
        }
        return new PyTuple(new PyObject[]
        {
            Wrap(ts, "generator"),
            new PyTuple(new PyObject[] { frame, PyBool.From(g.Started), new PyStr(g.Name), new PyStr(g.QualName), PyBool.From(g.Running),
                (PyObject?)g.SavedException ?? PyNone.Value, (PyObject?)g.CallerException ?? PyNone.Value,
                origin, finalizer, PyBool.From(hooksInited) }),
        });
    }

    const long PreserveAgFinalizer = 2, ResetAgFinalizer = 4;

    /// <summary>An async generator's asend/__anext__ or athrow/aclose awaitable, in Stackless's
    /// shape: (wrap type, (gen, is_throw), (gen, value or (exc,) or None, state, has_value)).</summary>
    [PyMethod]
    static PyObject reduce_async_gen_step(ThreadState ts, PyAsyncGenStep step)
    {
        var g = step.Generator;
        PyObject value = step.IsThrow ? (step.IsClosing ? PyNone.Value : new PyTuple(new PyObject[] { step.ThrowValue! })) : step.SendValue;
        bool has = step.IsThrow ? !step.IsClosing : step.HasSendValue;
        return new PyTuple(new PyObject[]
        {
            Wrap(ts, step.IsThrow ? "async_generator_athrow" : "async_generator_asend"),
            new PyTuple(new PyObject[] { g, PyBool.From(step.IsThrow) }),
            new PyTuple(new PyObject[] { g, value, PyInt.From(step.State), PyBool.From(has) }),
        });
    }

    /// <summary>What async_generator_asend()/_athrow() of _wrap make before pickle sets their state.</summary>
    [PyMethod]
    static PyObject new_async_gen_step(ThreadState ts, PyObject gen, bool is_throw)
    {
        if (gen is not PyGenerator { IsAsyncGen: true } g) throw PyExc.TypeError("an async generator is needed, not " + gen.Type.Name);
        return new PyAsyncGenStep(g, PyNone.Value, is_throw ? ExceptionTypes.Create(ExceptionTypes.GeneratorExit) : null, is_throw);
    }

    /// <summary>A coroutine's __await__() iterator: its coroutine (as Stackless).</summary>
    [PyMethod]
    static PyObject reduce_coroutine_wrapper(ThreadState ts, PyCoroutineWrapper cw)
        => new PyTuple(new PyObject[] { Wrap(ts, "coroutine_wrapper"), new PyTuple(new PyObject[] { cw.Coroutine }) });

    /// <summary>A traceback entry: its frame (through the frame's reducer, as in a tasklet),
    /// instruction, line and the next entry. A frame of the chain running right now has no
    /// saved registers: it is pickled with its locals only.</summary>
    [PyMethod]
    static PyObject reduce_traceback(ThreadState ts, PyTraceback tb)
    {
        var r = PyFrameReducer.For(tb.Frame);
        for (var f = ts.Frame; f != null; f = f.Back)
            if (f == tb.Frame) { r.Valid = false; break; }
        return new PyTuple(new PyObject[]
        {
            Wrap(ts, "traceback"),
            new PyTuple(new PyObject[] { r, PyInt.From(tb.Lasti), PyInt.From(tb.Lineno), (PyObject?)tb.Next ?? PyNone.Value }),
        });
    }

    /// <summary>A dict view (keys, values, items): its dict, and which view of it.</summary>
    [PyMethod]
    static PyObject reduce_dict_view(ThreadState ts, PyDictView view)
    {
        string kind = view is PyDictKeys ? "keys" : view is PyDictValues ? "values" : "items";
        return new PyTuple(new PyObject[] { Wrap(ts, "dict_view"), new PyTuple(new PyObject[] { view.Dict_, new PyStr(kind) }) });
    }

    // ---------------- the callables that rebuild ----------------

    [PyMethod]
    static PyObject dict_view(ThreadState ts, PyDict d, string kind) => kind switch
    {
        "keys" => new PyDictKeys(d),
        "values" => new PyDictValues(d),
        "items" => new PyDictItems(d),
        _ => throw PyExc.ValueError("dict_view() kind must be 'keys', 'values' or 'items'"),
    };

    /// <summary>A module by its full name (importing it if needed): what a pickled module or
    /// module __dict__ is rebuilt from.</summary>
    [PyMethod]
    static PyObject import_module(ThreadState ts, string name) => Importer.ImportModule(ts, name);

    [PyMethod]
    static PyObject frame(ThreadState ts, PyCode code) => Frame.ForRestore(code);

    [PyMethod]
    static PyObject code(ThreadState ts, PyBytes data)
    {
        try { return PyCode.For(CodeObjectSerializer.Deserialize(data.Data)); }
        catch (FormatException e) { throw PyExc.ValueError("bad pickled code object: " + e.Message); }
    }

    [PyMethod]
    static PyObject function(ThreadState ts, PyCode code, PyDict globals, string name, PyObject closure)
    {
        var f = new PyFunction(code, globals, Interpreter.BuiltinsOf(ts, globals)) { Name = name };
        int nfree = code.Code.FreeVars.Length;
        if (closure == PyNone.Value)
        {
            if (nfree != 0) throw PyExc.TypeError($"{name} requires closure of length {nfree}, not 0");
            return f;
        }
        if (closure is not PyTuple t) throw PyExc.TypeError("closure must be a tuple of cells or None");
        if (t.Items.Length != nfree) throw PyExc.ValueError($"{name} requires closure of length {nfree}, not {t.Items.Length}");
        var cells = new PyCell[nfree];
        for (int i = 0; i < nfree; i++) cells[i] = t.Items[i] as PyCell ?? throw PyExc.TypeError("closure must be a tuple of cells");
        f.Closure = cells;
        return f;
    }

    [PyMethod]
    static PyObject cell(ThreadState ts) => new PyCell();

    static PyBaseException? ExceptionOrNone(PyObject? v, string what) => v == null || v == PyNone.Value ? null
        : v as PyBaseException ?? throw PyExc.TypeError($"generator() {what} must be an exception or None, not {v.Type.Name}");

    /// <summary>Rebuilds a traceback entry. `frame` is a frame, or a frame's reducer (copy.copy
    /// passes the reduction's arguments as they are). A rebuilt frame of the next entry gets
    /// this entry's frame as f_back, so that the chain of a pickled traceback is whole again.</summary>
    [PyMethod]
    static PyObject traceback(ThreadState ts, PyObject frame, int lasti, int lineno, PyObject next)
    {
        var f = frame as Frame ?? (frame as PyFrameReducer)?.Frame ?? throw PyExc.TypeError("traceback() needs a frame, not " + frame.Type.Name);
        PyTraceback? n = next == PyNone.Value ? null : next as PyTraceback ?? throw PyExc.TypeError("traceback() next must be a traceback or None, not " + next.Type.Name);
        if (lasti < -1 || lasti >= f.Code.Code.Code.Length) throw PyExc.ValueError("traceback() instruction index out of range");
        if (n != null && n.Frame.Unpickled && n.Frame.Back == null && n.Frame != f && n.Frame.Generator == null) n.Frame.Back = f;
        return new PyTraceback(n, f, lasti, lineno);
    }

    [PyMethod]
    static PyObject generator(ThreadState ts, PyObject frame, bool started, string name, string qualname, bool running = false,
        PyObject? saved_exc = null, PyObject? caller_exc = null, PyObject? origin = null, PyObject? finalizer = null, bool hooks_inited = false)
    {
        Frame f;
        bool finished = false;
        if (frame is PyCode code) { f = Frame.ForRestore(code); finished = true; }
        else if (frame is PyFrameReducer r)
        {
            // copy.copy passes the reduction's arguments as they are: the copy gets a frame of its own
            f = Frame.ForRestore(r.Frame.Code);
            f.RestoreState(ts, r.Frame.GetPickleState(r.Valid));
        }
        else f = frame as Frame ?? throw PyExc.TypeError("generator() needs a frame or a code object");
        if (!f.Code.IsGeneratorLike) throw PyExc.TypeError("generator() needs the frame of a generator or coroutine");
        if (f.Generator != null) throw PyExc.ValueError("the frame belongs to a generator already");
        var placeholder = new PyFunction(f.Code, f.Globals, f.Builtins) { Name = name, QualName = qualname };
        var g = PyGenerator.Create(ts, f, placeholder, awaitedAtOnce: started || finished);
        g.Started = started;
        g.Running = running && !finished;
        if (finished) { f.Finished = true; g.Started = true; }
        else
        {
            // the exception states: its own (suspended in an except block) and its caller's
            g.SavedException = ExceptionOrNone(saved_exc, "saved_exc");
            if (g.Running) g.CallerException = ExceptionOrNone(caller_exc, "caller_exc");
        }
        if (g.IsCoroutine && origin is PyTuple o) PyCoroutine.SetOrigin(g, o);
        if (g.IsAsyncGen) RestoreAsyncHooks(ts, g, finalizer ?? PyNone.Value, hooks_inited);
        return g;
    }

    /// <summary>An unpickled async generator's hooks, by the loader's pickle flags (as Stackless):
    /// with PRESERVE_AG_FINALIZER a pickled hook is set again; with RESET_AG_FINALIZER, or if its
    /// hooks were not set up, it starts without; else its hooks are set up now, from sys's.</summary>
    static void RestoreAsyncHooks(ThreadState ts, PyGenerator g, PyObject finalizer, bool hooksInited)
    {
        long flags = Flags(ts, -1, 0, false);
        if ((flags & PreserveAgFinalizer) != 0 && finalizer != PyBool.True)
        {
            g.AsyncHooksInited = hooksInited;
            if (finalizer != PyNone.Value) g.SetAsyncFinalizer(ts, finalizer);
        }
        else if ((flags & ResetAgFinalizer) != 0 || !hooksInited) g.AsyncHooksInited = false;
        else if (!g.Finished) PyAsyncGenerator.InitHooks(ts, g);
        else g.AsyncHooksInited = true;
    }
}
