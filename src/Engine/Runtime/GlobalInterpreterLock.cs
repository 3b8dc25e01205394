#nullable enable
using System;
using System.Threading;
namespace StacklessIron.Runtime;

/// <summary>
/// The global interpreter lock: one Python thread (ThreadState) at a time runs Python code.
/// It is a baton, like the one a scheduler's runners pass for hard switches: the holder hands it
/// straight to the longest waiting thread (each waits on its own ThreadState.GilWake), so the
/// releasing thread cannot take it back before the others had their turn. It belongs to a
/// ThreadState, not to an OS thread, so the runners of one thread pass their scheduler's baton
/// among themselves without touching it.
/// While only one Python thread exists the lock is inactive: releasing and taking it cost one
/// test, and the VM loop has no tick hook for it. A waiter that gets no turn within the switch
/// interval asks the holder to yield (RequestDrop), which the holder's loop does at its next
/// tick (a backward jump or a call).
/// </summary>
public sealed class GlobalInterpreterLock
{
    readonly object _sync = new();
    readonly Queue<ThreadState> _waiters = new();
    readonly List<ThreadState> _threads = new();
    ThreadState? _owner;
    /// <summary>More than one Python thread has existed since the lock was last made inactive;
    /// written only by the holder.</summary>
    public bool Active;

    /// <summary>sys.setswitchinterval(): how long a waiter waits before it asks for its turn.</summary>
    public double SwitchInterval = 0.005;

    public GlobalInterpreterLock(ThreadState first)
    {
        _owner = first;
        _threads.Add(first);
    }

    /// <summary>The Python thread that holds the lock: the one running Python code now.</summary>
    public ThreadState? Owner => Volatile.Read(ref _owner);

    /// <summary>The live Python threads, oldest (the main thread) first.</summary>
    public ThreadState[] Threads { get { lock (_sync) return _threads.ToArray(); } }

    public int ThreadCount { get { lock (_sync) return _threads.Count; } }

    /// <summary>Registers a new Python thread (called by the thread that starts it, holding the
    /// lock) and makes the lock active: from now on every loop counts ticks for it.</summary>
    public void AddThread(ThreadState ts)
    {
        lock (_sync) _threads.Add(ts);
        Active = true;
        foreach (var t in Threads) t.UpdateTickHook();
    }

    /// <summary>A Python thread ended (it still holds the lock and releases it next).</summary>
    public void RemoveThread(ThreadState ts)
    {
        lock (_sync) _threads.Remove(ts);
    }

    /// <summary>Back to one thread: the survivor, holding the lock, drops its tick hook.</summary>
    internal void Deactivate(ThreadState holder)
    {
        if (ThreadCount != 1) return;
        Active = false;
        holder.UpdateTickHook();
    }

    /// <summary>Takes the lock for `ts`, waiting for its turn.</summary>
    public void Acquire(ThreadState ts)
    {
        lock (_sync)
        {
            if (_owner == null) { _owner = ts; return; }
            if (_owner == ts) return;
            _waiters.Enqueue(ts);
        }
        var wait = TimeSpan.FromSeconds(SwitchInterval);
        while (true)
        {
            if (ts.GilWake.Wait(wait) && Owner == ts) return;
            // no turn within the interval: the holder is asked to yield at its next tick
            Owner?.RequestGilDrop();
        }
    }

    /// <summary>Hands the lock to the longest waiting thread (or leaves it free).</summary>
    public void Release(ThreadState ts)
    {
        lock (_sync)
        {
            if (_owner != ts) return;
            if (_waiters.Count > 0)
            {
                var next = _waiters.Dequeue();
                _owner = next;
                next.GilWake.Release();
            }
            else _owner = null;
        }
    }

    /// <summary>Gives the other threads a turn if any waits; returns when `ts` holds it again.</summary>
    public void Yield(ThreadState ts)
    {
        lock (_sync) if (_waiters.Count == 0) return;
        Release(ts);
        Acquire(ts);
    }

    /// <summary>For `using`: the lock is free while a thread blocks outside Python (a sleep,
    /// a lock wait, I/O); the thread takes it back after. Nothing in between may touch Python
    /// objects. Costs one test while only one thread exists.</summary>
    public readonly struct Released : IDisposable
    {
        readonly ThreadState? _ts;
        internal Released(ThreadState? ts) { _ts = ts; }
        public void Dispose()
        {
            if (_ts != null) _ts.Engine.Gil.Acquire(_ts);
        }
    }

    public Released ReleaseWhileBlocked(ThreadState ts)
    {
        if (!Active) return default;
        Release(ts);
        return new Released(ts);
    }
}
