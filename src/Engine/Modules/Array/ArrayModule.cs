#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `array` module: typed arrays of numbers or characters.</summary>
public static class ArrayModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("array", "This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating point\nnumbers.");
        m.Set("array", PyArray.TypeObject);
        m.Set("ArrayType", PyArray.TypeObject);
        m.Set("typecodes", new PyStr(PyArray.TypeCodes));
        return m;
    }

    public static void Register() => Importer.NativeModules["array"] = Create;
}
