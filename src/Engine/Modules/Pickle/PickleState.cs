#nullable enable
using System;
namespace StacklessIron.Modules.Pickle;

/// <summary>What `_pickle` reads from other modules once per engine (CPython's PickleState):
/// copyreg's dispatch table and extension registry, _compat_pickle's Python 2 name maps,
/// codecs.encode, getattr and functools.partial.</summary>
sealed class PickleState
{
    public readonly PyDict DispatchTable, ExtensionRegistry, InvertedRegistry, ExtensionCache;
    public readonly PyDict NameMapping2to3, ImportMapping2to3, NameMapping3to2, ImportMapping3to2;
    public readonly PyObject CodecsEncode, Getattr, Partial;

    public PickleState(ThreadState ts)
    {
        var copyreg = Importer.ImportModule(ts, "copyreg");
        DispatchTable = Table(ts, copyreg, "dispatch_table", "copyreg.dispatch_table");
        ExtensionRegistry = Table(ts, copyreg, "_extension_registry", "copyreg._extension_registry");
        InvertedRegistry = Table(ts, copyreg, "_inverted_registry", "copyreg._inverted_registry");
        ExtensionCache = Table(ts, copyreg, "_extension_cache", "copyreg._extension_cache");
        var compat = Importer.ImportModule(ts, "_compat_pickle");
        NameMapping2to3 = Table(ts, compat, "NAME_MAPPING", "_compat_pickle.NAME_MAPPING");
        ImportMapping2to3 = Table(ts, compat, "IMPORT_MAPPING", "_compat_pickle.IMPORT_MAPPING");
        NameMapping3to2 = Table(ts, compat, "REVERSE_NAME_MAPPING", "_compat_pickle.REVERSE_NAME_MAPPING");
        ImportMapping3to2 = Table(ts, compat, "REVERSE_IMPORT_MAPPING", "_compat_pickle.REVERSE_IMPORT_MAPPING");
        CodecsEncode = Ops.GetAttr(ts, Importer.ImportModule(ts, "codecs"), "encode");
        if (!Ops.IsCallable(CodecsEncode))
            throw PyExc.RuntimeError($"codecs.encode should be a callable, not {CodecsEncode.Type.Name}");
        Getattr = ts.Engine.Builtins.Get("getattr")!;
        Partial = Ops.GetAttr(ts, Importer.ImportModule(ts, "functools"), "partial");
    }

    static PyDict Table(ThreadState ts, PyObject module, string name, string what)
    {
        var v = Ops.GetAttr(ts, module, name);
        if (v is PyDict d && v.Type == TypeObjects.Dict) return d;
        throw PyExc.RuntimeError($"{what} should be a dict, not {v.Type.Name}");
    }
}
