#nullable enable
using System.Collections.Generic;
using System.Runtime.InteropServices;
namespace StacklessIron.Runtime;

/// <summary>
/// Weak handles to the finalization trackers that objects keep in a field of their own
/// (instances of classes with `__del__`, generators suspended in `try`), so that the ones not
/// yet finalized at exit can be found. A weak handle is cheap to make and free, unlike a table
/// entry; slots are reused. The handles track resurrection: a tracker whose .NET finalizer has
/// not run yet is still found. Used only by threads holding the interpreter lock (a tracker is
/// made and run by Python code), so it takes no lock of its own.
/// </summary>
sealed class OwnedTrackerRegistry
{
    readonly List<GCHandle> _handles = new();
    readonly Stack<int> _free = new();

    public void Add(FinalizationTracker t)
    {
        var h = GCHandle.Alloc(t, GCHandleType.WeakTrackResurrection);
        if (_free.TryPop(out int slot)) _handles[slot] = h;
        else { slot = _handles.Count; _handles.Add(h); }
        t.RegistrySlot = slot;
    }

    public void Remove(FinalizationTracker t)
    {
        int slot = t.RegistrySlot;
        if (slot < 0) return;
        t.RegistrySlot = -1;
        _handles[slot].Free();
        _handles[slot] = default;
        _free.Push(slot);
    }

    /// <summary>Adds the trackers whose objects are still alive and not yet finalized.</summary>
    public void AddAlive(List<FinalizationTracker> into)
    {
        foreach (var h in _handles)
            if (h.IsAllocated && h.Target is FinalizationTracker { Target: not null, Died: false } t) into.Add(t);
    }
}
