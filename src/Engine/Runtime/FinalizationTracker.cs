#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Runtime;

/// <summary>
/// What must happen when one Python object becomes unreachable: the weak references to it
/// (whose callbacks run) and, for an object with `__del__` or a native close action, a strong
/// reference that brings the object back for that one call.
/// Only objects that need it get one (Finalization.TrackerOf keeps it in a ConditionalWeakTable
/// keyed by the object, or in the object's own field: PyInstance.Tracker, generators), so plain
/// objects pay nothing. The table or field lets the tracker die with its object; the tracker's .NET finalizer, on the .NET finalizer thread, only queues it for the
/// Python thread (Finalization.RunPending), which runs the Python code holding the GIL.
/// </summary>
public sealed class FinalizationTracker
{
    internal readonly Finalization Owner;
    /// <summary>Creation order: objects still alive at exit are finalized oldest first.</summary>
    internal readonly long Sequence;
    /// <summary>The object itself, held only while it needs its own finalizer (`__del__` or
    /// Native). Holding it from here does not keep it alive: the table entry that keeps this
    /// tracker alive dies with the object, and then the finalizer queue resurrects both.</summary>
    internal PyObject? Target;
    /// <summary>Runs instead of `__del__` (files: flush and close; tasklets: kill).</summary>
    internal Action<ThreadState, PyObject>? Native;
    /// <summary>Lower runs first within one batch (a text wrapper before its buffer before its file).</summary>
    internal int Order;
    /// <summary>Weak references and proxies to the object, oldest first; each is itself held
    /// weakly, since a weakref that died before its referent calls no callback. These are raw
    /// handles, not WeakReference objects: those die with this tracker and their own .NET
    /// finalizers would clear them before the callbacks run.</summary>
    internal List<GCHandle>? Refs;
    /// <summary>Some weakref in Refs has a callback.</summary>
    internal bool HasCallbacks;
    /// <summary>The object's `__del__` ran (gc.is_finalized), for a tracker the object keeps itself.</summary>
    internal bool DelRan;
    /// <summary>Its slot in the registry of trackers objects keep themselves (-1: none).</summary>
    internal int RegistrySlot = -1;

    internal FinalizationTracker(Finalization owner, long sequence)
    {
        Owner = owner;
        Sequence = sequence;
    }

    internal bool HasWork => Target != null || HasCallbacks;

    internal void AddRef(PyObject weakref)
    {
        var refs = Refs ??= new List<GCHandle>(2);
        if (refs.Count >= 8 && (refs.Count & (refs.Count - 1)) == 0)
            refs.RemoveAll(h =>
            {
                if (h.Target != null) return false;
                h.Free();
                return true;
            });
        refs.Add(GCHandle.Alloc(weakref, GCHandleType.Weak));
    }

    internal void FreeRefs()
    {
        var refs = Refs;
        Refs = null;
        if (refs != null) foreach (var h in refs) h.Free();
    }

    /// <summary>The object was found dead once. If it came back (its `__del__` stored it),
    /// the table may still map it here; new weakrefs then get a new tracker.</summary>
    internal volatile bool Died;

    ~FinalizationTracker()
    {
        Died = true;
        // the Python thread runs the work, then frees the handles; else they go now
        if (HasWork && Owner.Enqueue(this)) return;
        FreeRefs();
    }
}
