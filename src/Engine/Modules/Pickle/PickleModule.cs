#nullable enable
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Modules.Pickle;

/// <summary>
/// `_pickle`, the fast pickle that pickle.py imports its Pickler, Unpickler, dump(s), load(s),
/// exceptions and PickleBuffer from, as CPython 3.11's C module behaves: the same bytes for
/// the same objects, the same opcodes accepted, the same exception types and messages.
/// Reduce functions, persistent_id/persistent_load, find_class and reducer_override are
/// Python code called back from here (nested loops; deep nesting gives RecursionError).
/// </summary>
public static class PickleModule
{
    public static readonly PyType PickleError = NativeErrors.Define("_pickle", "PickleError");
    public static readonly PyType PicklingError = NativeErrors.Define("_pickle", "PicklingError", PickleError);
    public static readonly PyType UnpicklingError = NativeErrors.Define("_pickle", "UnpicklingError", PickleError);

    public const int HighestProtocol = 5, DefaultProtocol = 4;

    static readonly ConditionalWeakTable<PythonEngine, PickleState> s_states = new();

    public static void Register() => Importer.NativeModules["_pickle"] = Create;

    static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_pickle", "Optimized C implementation for the Python pickle module.");
        NativeMembers.FillModule(m, typeof(PickleModule));
        m.Set("PickleError", PickleError);
        m.Set("PicklingError", PicklingError);
        m.Set("UnpicklingError", UnpicklingError);
        m.Set("Pickler", PyPickler.TypeObject);
        m.Set("Unpickler", PyUnpickler.TypeObject);
        m.Set("PickleBuffer", PyPickleBuffer.TypeObject);
        // the tables are read now, so that an import error shows at `import _pickle`
        State(ts);
        return m;
    }

    /// <summary>The copyreg and _compat_pickle tables of this engine (read once, as the C
    /// module does at import).</summary>
    internal static PickleState State(ThreadState ts)
    {
        if (s_states.TryGetValue(ts.Engine, out var st)) return st;
        st = new PickleState(ts);
        s_states.AddOrUpdate(ts.Engine, st);
        return st;
    }

    internal static PyException Pickling(string message) => PyExc.New(PicklingError, message);
    internal static PyException Unpickling(string message) => PyExc.New(UnpicklingError, message);

    // ---------------- Stackless's rules ----------------

    static readonly ConditionalWeakTable<PythonEngine, object> s_stackless = new();

    /// <summary>Called by `import stackless`: from then on the Pickler of this engine saves a
    /// function that cannot be found by name through its reduction (copyreg's, by value), and
    /// the __dict__ of a module as `getattr(module, '__dict__')`, as Stackless's _pickle does.</summary>
    public static void EnableStacklessRules(PythonEngine engine) => s_stackless.AddOrUpdate(engine, engine);

    internal static bool StacklessRules(ThreadState ts) => s_stackless.TryGetValue(ts.Engine, out _);

    // ---------------- module functions ----------------

    [PyMethod]
    static void dump(ThreadState ts, [PyKeyword] PyObject obj, PyObject file, PyObject? protocol = null,
        [PyKwOnly] bool fix_imports = true, PyObject? buffer_callback = null)
    {
        var p = new PyPickler(PyPickler.TypeObject);
        p.Setup(ts, protocol, fix_imports, buffer_callback);
        p.SetOutput(ts, file);
        p.Dump(ts, obj);
        p.FlushToFile(ts);
    }

    [PyMethod]
    static PyObject dumps(ThreadState ts, [PyKeyword] PyObject obj, PyObject? protocol = null,
        [PyKwOnly] bool fix_imports = true, PyObject? buffer_callback = null)
    {
        var p = new PyPickler(PyPickler.TypeObject);
        p.Setup(ts, protocol, fix_imports, buffer_callback);
        p.Dump(ts, obj);
        return p.TakeOutput();
    }

    [PyMethod]
    static PyObject load(ThreadState ts, [PyKeyword] PyObject file, [PyKwOnly] bool fix_imports = true,
        string encoding = "ASCII", string errors = "strict", PyObject? buffers = null)
    {
        var u = new PyUnpickler(PyUnpickler.TypeObject);
        u.SetInputStream(ts, file);
        u.Setup(ts, fix_imports, encoding, errors, buffers);
        return u.Load(ts);
    }

    [PyMethod]
    static PyObject loads(ThreadState ts, [PyKeyword] PyObject data, [PyKwOnly] bool fix_imports = true,
        string encoding = "ASCII", string errors = "strict", PyObject? buffers = null)
    {
        var u = new PyUnpickler(PyUnpickler.TypeObject);
        if (data is PyStr) throw PyExc.TypeError("a bytes-like object is required, not 'str'");
        u.SetStringInput(ts, data);
        u.Setup(ts, fix_imports, encoding, errors, buffers);
        return u.Load(ts);
    }
}
