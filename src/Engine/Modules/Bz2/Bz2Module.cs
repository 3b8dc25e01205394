#nullable enable
using System;
namespace StacklessIron.Modules.Bz2;

/// <summary>The `_bz2` module under bz2.py: BZ2Compressor and BZ2Decompressor over the
/// system's libbz2.so.1.</summary>
public static class Bz2Module
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_bz2");
        m.Set("BZ2Compressor", PyBZ2Compressor.TypeObject);
        m.Set("BZ2Decompressor", PyBZ2Decompressor.TypeObject);
        return m;
    }

    public static void Register() => Importer.NativeModules["_bz2"] = Create;
}
