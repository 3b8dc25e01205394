#nullable enable
using System;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>`with stackless.atomic():` sets the current tasklet's atomic flag for the block and
/// restores the previous one. Native, so that a watchdog interrupt deferred by the block is
/// taken in __exit__ itself (the tasklet's frame is then the user's, as in Stackless).</summary>
[PyType("atomic")]
public sealed class PyAtomic : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("atomic", typeof(PyAtomic), module: "_stackless");

    PyDict? _dict;
    public override PyDict? Dict { get => _dict; set => _dict = value; }
    bool _old;

    public PyAtomic(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var a = new PyAtomic(cls);
        if (cls != TypeObject) a._dict = new PyDict();
        return a;
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) { }

    [PyMethod]
    static PyObject __enter__(ThreadState ts, PyAtomic self)
    {
        var cur = Scheduler.Of(ts).Current;
        self._old = cur.Atomic;
        cur.Atomic = true;
        return self;
    }

    [PyMethod]
    static PyObject __exit__(ThreadState ts, PyAtomic self, params PyObject[] exc)
    {
        bool direct = ts.TakeUnwindPermission();
        var s = Scheduler.Of(ts);
        var cur = s.Current;
        bool was = cur.Atomic;
        cur.Atomic = self._old;
        if (was && !self._old) return s.AtomicCleared(cur, PyNone.Value, direct) ?? PyNone.Value;
        return PyNone.Value;
    }
}
