#nullable enable
namespace StacklessIron.Runtime;

/// <summary>
/// A count of the runtime's garbage collections, read for free: a young sentinel object dies
/// at every collection, and its finalizer counts one and makes the next sentinel. The count
/// lags a collection by as long as the finalizer thread takes; readers only use it to tell
/// whether an object they keep for reuse (a spare frame) may have been promoted since it was
/// made (GC.CollectionCount is a runtime call each time).
/// </summary>
/// <remarks>The sentinel touches no Python object, and there is one at a time.</remarks>
public static class GcEpoch
{
    /// <summary>Collections seen so far (only compared for equality).</summary>
    public static int Value;
    // the first sentinel, referenced by nothing (a field holding it would keep it alive)
    static readonly bool s_started = Start();
    static bool Start() { _ = new Sentinel(); return true; }

    sealed class Sentinel
    {
        ~Sentinel()
        {
            Value++;
            _ = new Sentinel();
        }
    }
}
