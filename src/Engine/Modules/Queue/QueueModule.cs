#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `_queue` module, which queue.py imports for SimpleQueue and Empty.</summary>
public static class QueueModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_queue", "C implementation of the Python queue module.\nThis module is an implementation detail, and should not be used directly.");
        m.Set("SimpleQueue", PySimpleQueue.TypeObject);
        m.Set("Empty", PySimpleQueue.Empty);
        return m;
    }

    public static void Register() => Importer.NativeModules["_queue"] = Create;
}
