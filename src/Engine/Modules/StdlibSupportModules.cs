#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>Registers the small native modules that the standard library's pure-Python
/// modules import (collections, functools, struct, string, random, hashlib, heapq, bisect,
/// base64, array, unicodedata ...). One call from the engine keeps the list in one place.</summary>
public static class StdlibSupportModules
{
    public static void Register()
    {
        CollectionsModule.Register();
        StructModule.Register();
        StringModule.Register();
        FunctoolsModule.Register();
        RandomModule.Register();
        HashModules.Register();
        BinasciiModule.Register();
        HeapqModule.Register();
        BisectModule.Register();
        UnicodedataModule.Register();
        ArrayModule.Register();
        OperatorModule.Register();
    }
}
