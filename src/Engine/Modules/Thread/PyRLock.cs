#nullable enable
using System;
using System.Threading;
namespace StacklessIron.Modules;

/// <summary>`_thread.RLock`: a reentrant lock owned by the thread that acquired it.</summary>
[PyType("RLock")]
public sealed class PyRLock : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("RLock", typeof(PyRLock), module: "_thread");
    readonly SemaphoreSlim _sem = new(1, 1);
    long _owner;
    long _count;

    public PyRLock(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyRLock(cls);

    static bool Acquire(ThreadState ts, PyRLock self, bool blocking, double timeout)
    {
        long me = ThreadModule.Ident(ts);
        if (self._count > 0 && self._owner == me)
        {
            if (self._count == long.MaxValue) throw PyExc.OverflowError("Internal lock count overflowed");
            self._count++;
            return true;
        }
        if (!PyLock.Acquire(ts, self._sem, blocking, timeout)) return false;
        self._owner = me;
        self._count = 1;
        return true;
    }

    [PyMethod]
    static bool acquire(ThreadState ts, PyRLock self, [PyKeyword] bool blocking = true, double timeout = -1)
        => Acquire(ts, self, blocking, timeout);

    [PyMethod] static bool __enter__(ThreadState ts, PyRLock self) => Acquire(ts, self, true, -1);

    [PyMethod]
    static void release(ThreadState ts, PyRLock self)
    {
        if (self._count == 0 || self._owner != ThreadModule.Ident(ts))
            throw PyExc.RuntimeError("cannot release un-acquired lock");
        if (--self._count == 0)
        {
            self._owner = 0;
            self._sem.Release();
        }
    }

    [PyMethod] static void __exit__(ThreadState ts, PyRLock self, params PyObject[] args) => release(ts, self);

    [PyMethod] static bool _is_owned(ThreadState ts, PyRLock self) => self._count > 0 && self._owner == ThreadModule.Ident(ts);

    [PyMethod] static long _recursion_count(ThreadState ts, PyRLock self) => self._owner == ThreadModule.Ident(ts) ? self._count : 0;

    /// <summary>Used by threading.Condition.wait: releases completely, returning the state to restore.</summary>
    [PyMethod]
    static PyObject _release_save(ThreadState ts, PyRLock self)
    {
        if (self._count == 0) throw PyExc.RuntimeError("cannot release un-acquired lock");
        var state = PyTuple.Of(PyInt.From(self._count), PyInt.From(self._owner));
        self._count = 0;
        self._owner = 0;
        self._sem.Release();
        return state;
    }

    [PyMethod]
    static void _acquire_restore(ThreadState ts, PyRLock self, PyTuple state)
    {
        if (state.Items.Length != 2) throw PyExc.TypeError("_acquire_restore() argument 1 must be a 2-tuple");
        PyLock.Acquire(ts, self._sem, true, -1);
        self._count = Ops.Index(ts, state.Items[0]).ToLongChecked();
        self._owner = Ops.Index(ts, state.Items[1]).ToLongChecked();
    }

    [PyMethod]
    static void _at_fork_reinit(ThreadState ts, PyRLock self)
    {
        if (self._count > 0) self._sem.Release();
        self._count = 0;
        self._owner = 0;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var l = (PyRLock)self;
        return new PyStr($"<{(l._count > 0 ? "locked" : "unlocked")} {(l.Type == TypeObject ? "_thread.RLock" : l.Type.Name)} object owner={l._owner} count={l._count} at 0x{Ops.Id(self):x}>");
    }
}
