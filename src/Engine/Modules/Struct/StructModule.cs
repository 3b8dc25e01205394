#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `_struct` module: conversions between Python values and C structs packed in
/// bytes. The module functions compile their format once and keep it in a small cache.</summary>
public static class StructModule
{
    public static readonly PyType Error = NativeErrors.Define("struct", "error");

    const int MaxCache = 100;
    static readonly System.Collections.Concurrent.ConcurrentDictionary<(bool, string), PyStruct> s_cache = new();

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_struct", "Functions to convert between Python values and C structs.\nPython bytes objects are used to hold the data representing the C struct\nand also as format strings (explained below) to describe the layout of data\nin the C struct.");
        NativeMembers.FillModule(m, typeof(StructModule));
        m.Set("Struct", PyStruct.TypeObject);
        m.Set("error", Error);
        return m;
    }

    public static void Register() => Importer.NativeModules["_struct"] = Create;

    static PyStruct Get(PyObject format)
    {
        if (format.Type != TypeObjects.Str && format.Type != PyBytes.TypeObject) return PyStruct.Create(format);
        var key = (format is PyBytes, PyStruct.FormatText(format));
        if (s_cache.TryGetValue(key, out var s)) return s;
        s = PyStruct.Create(format);
        if (s_cache.Count >= MaxCache) s_cache.Clear();
        s_cache[key] = s;
        return s;
    }

    [PyMethod] static void _clearcache(ThreadState ts) => s_cache.Clear();
    [PyMethod] static long calcsize(ThreadState ts, PyObject format) => Get(format).Fmt.Size;

    [PyMethod]
    static PyObject pack(ThreadState ts, params PyObject[] args)
    {
        if (args.Length == 0) throw PyExc.TypeError("missing format argument");
        return Get(args[0]).Pack(ts, args.AsSpan(1));
    }

    [PyMethod]
    static void pack_into(ThreadState ts, params PyObject[] args)
    {
        if (args.Length == 0) throw PyExc.TypeError("missing format argument");
        Get(args[0]).PackInto(ts, args.AsSpan(1));
    }

    [PyMethod] static PyObject unpack(ThreadState ts, PyObject format, PyObject buffer) => Get(format).Unpack(buffer);

    [PyMethod]
    static PyObject unpack_from(ThreadState ts, PyObject format, [PyKeyword] PyObject buffer, PyObject? offset = null)
        => Get(format).UnpackFrom(ts, buffer, offset);

    [PyMethod] static PyObject iter_unpack(ThreadState ts, PyObject format, PyObject buffer) => Get(format).IterUnpack(buffer);
}
