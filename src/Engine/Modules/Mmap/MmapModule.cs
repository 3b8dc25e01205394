#nullable enable
using System;
namespace StacklessIron.Modules.Mmap;

/// <summary>The `mmap` module: the mmap type, error (OSError) and the platform's constants
/// (ACCESS_*, PROT_*, MAP_*, MADV_*, PAGESIZE).</summary>
public static class MmapModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("mmap");
        m.Set("mmap", PyMmap.TypeObject);
        m.Set("error", ExceptionTypes.OSError);
        foreach (var (name, value) in MmapConstants.All) m.Set(name, PyInt.From(value));
        return m;
    }

    public static void Register() => Importer.NativeModules["mmap"] = Create;
}
