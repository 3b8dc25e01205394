#nullable enable
using System;
using System.Threading;
namespace StacklessIron.Runtime;

/// <summary>
/// Imports across Python threads: a module is in sys.modules while its code still runs, and its
/// thread may hand the interpreter lock over meanwhile. Another thread that imports it then waits
/// until that import is done instead of seeing the half-run module, as CPython's per-module
/// import locks do. A thread never waits for itself (circular imports see the partial module),
/// and not when the importing thread waits for it in turn (a deadlock: CPython also gives the
/// partial module then). Costs nothing while only one thread exists.
/// </summary>
public sealed class ModuleImportLocks
{
    internal sealed class Entry
    {
        public readonly ThreadState Owner;
        public readonly ManualResetEventSlim Done = new(false);
        public Entry(ThreadState owner) { Owner = owner; }
    }

    readonly Dictionary<string, Entry> _running = new();
    /// <summary>What each waiting thread waits for (to see cycles).</summary>
    readonly Dictionary<ThreadState, Entry> _waiting = new();

    /// <summary>Marks `name` as being imported by `ts`; dispose when its code has run.</summary>
    public Running Begin(ThreadState ts, string name)
    {
        if (!ts.Engine.Gil.Active) return default;
        lock (_running)
        {
            if (_running.ContainsKey(name)) return default;
            var e = new Entry(ts);
            _running[name] = e;
            return new Running(this, name, e);
        }
    }

    public readonly struct Running : IDisposable
    {
        readonly ModuleImportLocks? _owner;
        readonly string? _name;
        readonly Entry? _entry;
        internal Running(ModuleImportLocks owner, string name, Entry entry) { _owner = owner; _name = name; _entry = entry; }
        public void Dispose()
        {
            if (_owner == null) return;
            lock (_owner._running) _owner._running.Remove(_name!);
            _entry!.Done.Set();
        }
    }

    /// <summary>Found `name` in sys.modules: if another thread is still running its code,
    /// waits (without the interpreter lock) until it is done.</summary>
    public void WaitIfRunning(ThreadState ts, string name)
    {
        if (!ts.Engine.Gil.Active) return;
        Entry? e;
        lock (_running)
        {
            if (!_running.TryGetValue(name, out e) || e.Owner == ts) return;
            // a cycle of threads waiting for each other's imports: give the partial module
            for (var o = e.Owner; _waiting.TryGetValue(o, out var w); o = w.Owner)
                if (w.Owner == ts) return;
            _waiting[ts] = e;
        }
        try { using (ts.AllowThreads()) e.Done.Wait(); }
        finally { lock (_running) _waiting.Remove(ts); }
    }
}
