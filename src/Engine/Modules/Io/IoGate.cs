#nullable enable
using System;
using System.Threading;
namespace StacklessIron.Modules;

/// <summary>One Python thread at a time inside a buffered stream (CPython's per-object buffered
/// lock). Raw reads and writes release the interpreter lock while they wait in the system call;
/// without the gate another thread could run the same object's buffer code meanwhile and see
/// it half-updated. The owning thread may re-enter (the stream's own methods call each other).
/// Owner and depth change only under the interpreter lock.</summary>
public sealed class IoGate
{
    ThreadState? _owner;
    int _depth;
    int _waiters;
    readonly object _sync = new();

    public Entered Enter(ThreadState ts)
    {
        if (_owner != null && _owner != ts) WaitUntilFree(ts);
        _owner = ts;
        _depth++;
        return new Entered(this);
    }

    void WaitUntilFree(ThreadState ts)
    {
        _waiters++;
        try
        {
            while (Volatile.Read(ref _owner) != null)
            {
                // Wait with the interpreter lock released, so the owner can finish.
                using (ts.AllowThreads())
                    lock (_sync)
                        if (Volatile.Read(ref _owner) != null) Monitor.Wait(_sync, 50);
            }
        }
        finally { _waiters--; }
    }

    void Leave()
    {
        if (--_depth > 0) return;
        Volatile.Write(ref _owner, null);
        if (_waiters > 0) lock (_sync) Monitor.PulseAll(_sync);
    }

    public readonly struct Entered : IDisposable
    {
        readonly IoGate _gate;
        public Entered(IoGate gate) => _gate = gate;
        public void Dispose() => _gate.Leave();
    }
}
