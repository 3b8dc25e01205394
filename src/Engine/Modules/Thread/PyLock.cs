#nullable enable
using System;
using System.Threading;
namespace StacklessIron.Modules;

/// <summary>`_thread.lock`: a non-reentrant lock. Any thread may release it.</summary>
[PyType("lock")]
public sealed class PyLock : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("lock", typeof(PyLock), subclassable: false, module: "_thread");
    readonly SemaphoreSlim _sem = new(1, 1);

    public PyLock() : base(TypeObject) { }

    public bool Locked => _sem.CurrentCount == 0;

    /// <summary>Acquires like CPython's lock.acquire(blocking, timeout); other Python threads
    /// run while this one waits.</summary>
    public static bool Acquire(ThreadState ts, SemaphoreSlim sem, bool blocking, double timeout)
    {
        if (!blocking && timeout != -1) throw PyExc.ValueError("can't specify a timeout for a non-blocking call");
        if (timeout < 0 && timeout != -1) throw PyExc.ValueError("timeout value must be positive");
        if (timeout > ThreadModule.TimeoutMax) throw PyExc.OverflowError("timeout value is too large");
        if (sem.Wait(0)) return true;
        if (!blocking) return false;
        if (!ThreadModule.OtherThreadsPossible(ts))
        {
            // Nothing else can ever release it: CPython would hang forever here.
            if (timeout < 0) throw PyExc.RuntimeError("deadlock: acquiring a lock that is already held, and no other thread can release it");
            Thread.Sleep(TimeSpan.FromSeconds(timeout));
            return sem.Wait(0);
        }
        // The thread that will release it may wait for a socket this program dropped unclosed
        // (its peer waits for EOF): close those first (Finalization.SweepBeforeWait); an owed
        // sweep cuts the wait into steps until it is due.
        var finalization = ts.Engine.Finalization;
        long deadline = timeout < 0 ? long.MaxValue : Environment.TickCount64 + (long)Math.Ceiling(timeout * 1000);
        while (true)
        {
            finalization.SweepBeforeWait(ts);
            long left = deadline == long.MaxValue ? -1 : Math.Max(0, deadline - Environment.TickCount64);
            int step = finalization.CapWait((int)Math.Min(left, int.MaxValue - 1));
            bool got;
            using (ts.AllowThreads()) got = sem.Wait(step);
            if (got) return true;
            if (left >= 0 && Environment.TickCount64 >= deadline) return false;
        }
    }

    /// <summary>Takes the lock if it is free (no waiting).</summary>
    public bool TryAcquire() => _sem.Wait(0);

    public void ReleaseIfLocked()
    {
        try { if (Locked) _sem.Release(); }
        catch (SemaphoreFullException) { }
    }

    [PyMethod]
    static bool acquire(ThreadState ts, PyLock self, [PyKeyword] bool blocking = true, double timeout = -1)
        => Acquire(ts, self._sem, blocking, timeout);

    [PyMethod] static bool acquire_lock(ThreadState ts, PyLock self, [PyKeyword] bool blocking = true, double timeout = -1)
        => Acquire(ts, self._sem, blocking, timeout);

    [PyMethod] static bool __enter__(ThreadState ts, PyLock self) => Acquire(ts, self._sem, true, -1);

    [PyMethod]
    static void release(ThreadState ts, PyLock self)
    {
        if (!self.Locked) throw PyExc.RuntimeError("release unlocked lock");
        self._sem.Release();
    }

    [PyMethod] static void release_lock(ThreadState ts, PyLock self) => release(ts, self);
    [PyMethod] static void __exit__(ThreadState ts, PyLock self, params PyObject[] args) => release(ts, self);
    [PyMethod] static bool locked(ThreadState ts, PyLock self) => self.Locked;
    [PyMethod] static bool locked_lock(ThreadState ts, PyLock self) => self.Locked;

    /// <summary>After fork the child owns a fresh, unlocked lock.</summary>
    [PyMethod]
    static void _at_fork_reinit(ThreadState ts, PyLock self)
    {
        if (self.Locked) self._sem.Release();
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
        => new PyStr($"<{(((PyLock)self).Locked ? "locked" : "unlocked")} _thread.lock object at 0x{Ops.Id(self):x}>");
}
