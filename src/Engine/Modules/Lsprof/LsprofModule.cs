#nullable enable
namespace StacklessIron.Modules.Lsprof;

/// <summary>The `_lsprof` module (cProfile's engine): Profiler and the two struct sequences
/// that Profiler.getstats() returns.</summary>
public static class LsprofModule
{
    public static readonly PyType EntryType = PyStructSeq.MakeType("_lsprof.profiler_entry",
        new string?[] { "code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls" });
    public static readonly PyType SubEntryType = PyStructSeq.MakeType("_lsprof.profiler_subentry",
        new string?[] { "code", "callcount", "reccallcount", "totaltime", "inlinetime" });

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_lsprof", "Fast profiler");
        m.Set("Profiler", PyProfiler.TypeObject);
        m.Set("profiler_entry", EntryType);
        m.Set("profiler_subentry", SubEntryType);
        return m;
    }

    public static void Register() => Importer.NativeModules["_lsprof"] = Create;
}
