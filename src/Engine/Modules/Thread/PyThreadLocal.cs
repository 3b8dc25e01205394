#nullable enable
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Modules;

/// <summary>`_thread._local`: attributes private to each Python thread (tasklets of one thread
/// share them, as in Stackless). Each thread gets its own dict on first use; for a subclass
/// with its own __init__, that call is repeated in each new thread with the arguments the
/// object was created with, as CPython does.</summary>
[PyType("_local")]
public sealed class PyThreadLocal : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("_local", typeof(PyThreadLocal), module: "_thread");
    readonly PythonEngine? _engine;
    readonly ConditionalWeakTable<ThreadState, PyDict> _dicts = new();
    PyObject[] _args = Array.Empty<PyObject>();
    PyTuple? _kwnames;

    public PyThreadLocal(PyType type, PythonEngine? engine) : base(type) { _engine = engine; }

    /// <summary>The running thread is the one that holds the interpreter lock.</summary>
    public override PyDict? Dict
    {
        get => DictOf(_engine?.Gil.Owner);
        set { var ts = _engine?.Gil.Owner; if (ts != null && value != null) _dicts.AddOrUpdate(ts, value); }
    }

    PyDict DictOf(ThreadState? ts)
    {
        if (ts == null) throw PyExc.SystemError("_thread._local used outside a Python thread");
        if (_dicts.TryGetValue(ts, out var d)) return d;
        d = new PyDict();
        _dicts.Add(ts, d);
        var init = Type.Lookup("__init__");
        if (init != null && init != TypeObjects.Object.Lookup("__init__"))
        {
            var args = new PyObject[_args.Length + 1];
            args[0] = this;
            _args.CopyTo(args, 1);
            Ops.Call(ts, init, args, _kwnames);
        }
        return d;
    }

    [PyGetter("__dict__")] static PyObject GetDict(ThreadState ts, PyObject self) => ((PyThreadLocal)self).DictOf(ts);

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        // Like CPython: arguments are only accepted when a subclass defines __init__ to take them.
        if ((args.Length > 0) && cls.Lookup("__init__") == TypeObjects.Object.Lookup("__init__"))
            throw PyExc.TypeError("Initialization arguments are not supported");
        var l = new PyThreadLocal(cls, ts.Engine) { _args = args.ToArray(), _kwnames = kwnames };
        // the creating thread's dict: type() calls __init__ on it itself
        l._dicts.Add(ts, new PyDict());
        return l;
    }
}
