#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Lzma;

/// <summary>The `_lzma` module under lzma.py: LZMACompressor/LZMADecompressor over the
/// system's liblzma.so.5, filter property coding (zipfile's LZMA members), the constants and
/// LZMAError.</summary>
public static unsafe class LzmaModule
{
    public const int FORMAT_AUTO = 0, FORMAT_XZ = 1, FORMAT_ALONE = 2, FORMAT_RAW = 3;
    public const int CHECK_NONE = 0, CHECK_CRC32 = 1, CHECK_CRC64 = 4, CHECK_SHA256 = 10, CHECK_ID_MAX = 15, CHECK_UNKNOWN = 16;
    public static readonly PyType Error = NativeErrors.Define("_lzma", "LZMAError");

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_lzma");
        NativeMembers.FillModule(m, typeof(LzmaModule));
        m.Set("LZMAError", Error);
        m.Set("LZMACompressor", PyLZMACompressor.TypeObject);
        m.Set("LZMADecompressor", PyLZMADecompressor.TypeObject);
        foreach (var (name, value) in new (string, ulong)[] {
            ("FORMAT_AUTO", FORMAT_AUTO), ("FORMAT_XZ", FORMAT_XZ), ("FORMAT_ALONE", FORMAT_ALONE), ("FORMAT_RAW", FORMAT_RAW),
            ("CHECK_NONE", CHECK_NONE), ("CHECK_CRC32", CHECK_CRC32), ("CHECK_CRC64", CHECK_CRC64), ("CHECK_SHA256", CHECK_SHA256),
            ("CHECK_ID_MAX", CHECK_ID_MAX), ("CHECK_UNKNOWN", CHECK_UNKNOWN),
            ("FILTER_LZMA1", LibLzma.FILTER_LZMA1), ("FILTER_LZMA2", LibLzma.FILTER_LZMA2), ("FILTER_DELTA", LibLzma.FILTER_DELTA),
            ("FILTER_X86", LibLzma.FILTER_X86), ("FILTER_POWERPC", LibLzma.FILTER_POWERPC), ("FILTER_IA64", LibLzma.FILTER_IA64),
            ("FILTER_ARM", LibLzma.FILTER_ARM), ("FILTER_ARMTHUMB", LibLzma.FILTER_ARMTHUMB), ("FILTER_SPARC", LibLzma.FILTER_SPARC),
            ("MF_HC3", 0x03), ("MF_HC4", 0x04), ("MF_BT2", 0x12), ("MF_BT3", 0x13), ("MF_BT4", 0x14),
            ("MODE_FAST", 1), ("MODE_NORMAL", 2), ("PRESET_DEFAULT", 6), ("PRESET_EXTREME", 0x80000000) })
            m.Set(name, PyInt.From(new System.Numerics.BigInteger(value)));
        return m;
    }

    public static void Register() => Importer.NativeModules["_lzma"] = Create;

    internal static PyException Fail(string message) => PyExc.New(Error, message);

    [PyMethod]
    static bool is_check_supported(ThreadState ts, int check_id) => LibLzma.lzma_check_is_supported(check_id) != 0;

    [PyMethod]
    static PyObject _encode_filter_properties(ThreadState ts, PyObject filter)
    {
        using var f = new LzmaFilters();
        var list = new PyList();
        list.Append(filter);
        using var chain = LzmaFilters.FromSpecs(ts, list);
        uint size;
        LibLzma.Check(LibLzma.lzma_properties_size(&size, chain.Chain));
        var props = new byte[size];
        fixed (byte* p = props) LibLzma.Check(LibLzma.lzma_properties_encode(chain.Chain, p));
        return PyBytes.From(props);
    }

    [PyMethod]
    static PyObject _decode_filter_properties(ThreadState ts, PyObject filter_id, PyObject encoded_props)
    {
        var idInt = Ops.Index(ts, filter_id);
        var filter = new LzmaFilter { Id = idInt.FitsLong ? unchecked((ulong)idInt.Small) : (ulong)idInt.Big };
        var props = PyBytes.Buffer(encoded_props).ToArray();
        fixed (byte* p = props) LibLzma.Check(LibLzma.lzma_properties_decode(&filter, null, p, (nuint)props.Length));
        try { return LzmaFilters.ToDict(ts, filter.Id, filter.Options); }
        finally { if (filter.Options != null) LibLzma.free(filter.Options); }
    }
}
