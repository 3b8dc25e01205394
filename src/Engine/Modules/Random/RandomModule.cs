#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `_random` module: the Random base class that random.py builds on.</summary>
public static class RandomModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_random", "Module implements the Mersenne Twister random number generator.");
        m.Set("Random", PyRandom.TypeObject);
        return m;
    }

    public static void Register() => Importer.NativeModules["_random"] = Create;
}
