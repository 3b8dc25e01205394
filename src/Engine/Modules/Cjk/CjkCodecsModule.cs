#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_multibytecodec` and the CJK codec modules the `encodings` package imports
/// (`_codecs_jp`, `_codecs_cn`, `_codecs_kr`, `_codecs_tw`, each with getcodec(name)). The
/// codecs are tables measured from CPython (CjkCodecTable); the stateful ones (iso2022_*, hz),
/// gb18030, big5hkscs and the JIS X 0213 family are not done: getcodec raises LookupError
/// for them, as CPython does for a name a module does not carry.</summary>
public static class CjkCodecsModule
{
    static readonly string[] Modules = { "_codecs_jp", "_codecs_cn", "_codecs_kr", "_codecs_tw" };

    public static void Register()
    {
        Importer.NativeModules["_multibytecodec"] = CreateMultibytecodec;
        foreach (var name in Modules) Importer.NativeModules[name] = ts => CreateCodecModule(name);
    }

    static PyModule CreateMultibytecodec(ThreadState ts)
    {
        var m = new PyModule("_multibytecodec");
        m.Set("MultibyteCodec", PyMultibyteCodec.TypeObject);
        m.Set("MultibyteIncrementalEncoder", PyMultibyteIncrementalEncoder.TypeObject);
        m.Set("MultibyteIncrementalDecoder", PyMultibyteIncrementalDecoder.TypeObject);
        m.Set("MultibyteStreamReader", PyMultibyteStreamReader.TypeObject);
        m.Set("MultibyteStreamWriter", PyMultibyteStreamWriter.TypeObject);
        return m;
    }

    static PyModule CreateCodecModule(string moduleName)
    {
        var m = new PyModule(moduleName);
        m.Set("getcodec", NativeMembers.Function(typeof(CjkCodecsModule), "getcodec" + moduleName, "getcodec", m));
        return m;
    }

    /// <summary>getcodec(encoding) of one CJK module: its codec object for a name it carries.</summary>
    static PyObject GetCodec(PyObject encoding, string module)
    {
        if (encoding is not PyStr s) throw PyExc.TypeError("encoding name must be a string.");
        if (!CjkCodecTables.Tables.TryGetValue(s.Value, out var t) || t.Module != module)
            throw PyExc.LookupError("no such codec is supported.");
        return new PyMultibyteCodec(CjkCodecTable.Get(s.Value));
    }

    static PyObject getcodec_codecs_jp(ThreadState ts, PyObject encoding) => GetCodec(encoding, "_codecs_jp");
    static PyObject getcodec_codecs_cn(ThreadState ts, PyObject encoding) => GetCodec(encoding, "_codecs_cn");
    static PyObject getcodec_codecs_kr(ThreadState ts, PyObject encoding) => GetCodec(encoding, "_codecs_kr");
    static PyObject getcodec_codecs_tw(ThreadState ts, PyObject encoding) => GetCodec(encoding, "_codecs_tw");
}
