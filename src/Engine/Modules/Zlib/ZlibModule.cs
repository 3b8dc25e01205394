#nullable enable
using System;
namespace StacklessIron.Modules.Zlib;

/// <summary>The `zlib` module over the system's libz.so.1: one-shot compress/decompress,
/// the Compress/Decompress stream objects, crc32/adler32, with CPython 3.11's argument
/// rules and error messages ("Error -3 while decompressing data: ...").</summary>
public static unsafe class ZlibModule
{
    public static readonly PyType Error = NativeErrors.Define("zlib", "error");

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("zlib", "The functions in this module allow compression and decompression using the\nzlib library, which is based on GNU zip.");
        NativeMembers.FillModule(m, typeof(ZlibModule));
        m.Set("error", Error);
        foreach (var (name, value) in new (string, int)[] {
            ("MAX_WBITS", LibZ.MAX_WBITS), ("DEFLATED", LibZ.DEFLATED), ("DEF_MEM_LEVEL", LibZ.DEF_MEM_LEVEL),
            ("DEF_BUF_SIZE", LibZ.DEF_BUF_SIZE), ("Z_NO_COMPRESSION", 0), ("Z_BEST_SPEED", 1),
            ("Z_BEST_COMPRESSION", 9), ("Z_DEFAULT_COMPRESSION", -1), ("Z_FILTERED", 1), ("Z_HUFFMAN_ONLY", 2),
            ("Z_RLE", 3), ("Z_FIXED", 4), ("Z_DEFAULT_STRATEGY", 0), ("Z_NO_FLUSH", LibZ.Z_NO_FLUSH),
            ("Z_PARTIAL_FLUSH", LibZ.Z_PARTIAL_FLUSH), ("Z_SYNC_FLUSH", LibZ.Z_SYNC_FLUSH), ("Z_FULL_FLUSH", LibZ.Z_FULL_FLUSH),
            ("Z_FINISH", LibZ.Z_FINISH), ("Z_BLOCK", LibZ.Z_BLOCK), ("Z_TREES", LibZ.Z_TREES) })
            m.Set(name, PyInt.From(value));
        // The version this module was built against is the one it runs with.
        m.Set("ZLIB_VERSION", new PyStr(LibZ.Version));
        m.Set("ZLIB_RUNTIME_VERSION", new PyStr(LibZ.Version));
        m.Set("__version__", new PyStr("1.0"));
        return m;
    }

    public static void Register() => Importer.NativeModules["zlib"] = Create;

    /// <summary>zlib.error for code `err`: zlib's own message when it gave one, else a
    /// description of the code, as CPython's zlib_error.</summary>
    internal static PyException Fail(ZStream s, int err, string what)
    {
        string? msg = err == LibZ.Z_VERSION_ERROR ? "library version mismatch" : s.Message;
        msg ??= err switch
        {
            LibZ.Z_BUF_ERROR => "incomplete or truncated stream",
            LibZ.Z_STREAM_ERROR => "inconsistent stream state",
            LibZ.Z_DATA_ERROR => "invalid input data",
            _ => null,
        };
        return PyExc.New(Error, msg == null ? $"Error {err} {what}" : $"Error {err} {what}: {msg}");
    }

    internal static PyException NoMemory(string message) => PyExc.New(ExceptionTypes.MemoryError, message);

    /// <summary>A zdict argument: anything exporting a buffer.</summary>
    internal static byte[] Zdict(PyObject zdict)
    {
        if (!PyBytes.TryGetBuffer(zdict, out var m)) throw PyExc.TypeError("zdict argument must support the buffer protocol");
        return m.ToArray();
    }

    [PyMethod]
    static PyObject compress(ThreadState ts, PyObject data, [PyKeyword] int level = -1, int wbits = LibZ.MAX_WBITS)
    {
        var input = PyBytes.Buffer(data);
        var s = ZStream.ForDeflate(level, LibZ.DEFLATED, wbits, LibZ.DEF_MEM_LEVEL, 0, out int err);
        if (err == LibZ.Z_MEM_ERROR) throw NoMemory("Out of memory while compressing data");
        if (err == LibZ.Z_STREAM_ERROR) throw PyExc.New(Error, "Bad compression level");
        if (err != LibZ.Z_OK) { s.End(); throw Fail(s, err, "while compressing data"); }
        var output = new ZOutput();
        err = ZPump.Run(s, input, LibZ.Z_FINISH, output, 0, null, out _);
        if (err != LibZ.Z_STREAM_END) { var e = Fail(s, err, "while compressing data"); s.End(); throw e; }
        err = s.End();
        if (err != LibZ.Z_OK) throw Fail(s, err, "while finishing compression");
        return output.ToBytes();
    }

    [PyMethod]
    static PyObject decompress(ThreadState ts, PyObject data, [PyKeyword] int wbits = LibZ.MAX_WBITS, long bufsize = LibZ.DEF_BUF_SIZE)
    {
        var input = PyBytes.Buffer(data);
        if (bufsize < 0) throw PyExc.ValueError("bufsize must be non-negative");
        var s = ZStream.ForInflate(wbits, out int err);
        if (err == LibZ.Z_MEM_ERROR) throw NoMemory("Out of memory while decompressing data");
        if (err != LibZ.Z_OK) { s.End(); throw Fail(s, err, "while preparing to decompress data"); }
        var output = new ZOutput(Math.Max(bufsize, 1));
        err = ZPump.Run(s, input, LibZ.Z_FINISH, output, 0, null, out _);
        if (err == LibZ.Z_MEM_ERROR) { s.End(); throw NoMemory("Out of memory while decompressing data"); }
        if (err != LibZ.Z_STREAM_END) { var e = Fail(s, err, "while decompressing data"); s.End(); throw e; }
        err = s.End();
        if (err != LibZ.Z_OK) throw Fail(s, err, "while finishing decompression");
        return output.ToBytes();
    }

    [PyMethod]
    static PyObject compressobj(ThreadState ts, [PyKeyword] int level = -1, int method = LibZ.DEFLATED, int wbits = LibZ.MAX_WBITS,
        int memLevel = LibZ.DEF_MEM_LEVEL, int strategy = 0, PyObject? zdict = null)
    {
        byte[]? dict = zdict == null || zdict == PyNone.Value ? null : PyBytes.Buffer(zdict).ToArray();
        var s = ZStream.ForDeflate(level, method, wbits, memLevel, strategy, out int err);
        switch (err)
        {
            case LibZ.Z_OK:
                if (dict != null && s.SetDictionary(dict) != LibZ.Z_OK) { s.End(); throw PyExc.ValueError("Invalid dictionary"); }
                return new PyCompress(s);
            case LibZ.Z_MEM_ERROR: throw NoMemory("Can't allocate memory for compression object");
            case LibZ.Z_STREAM_ERROR: throw PyExc.ValueError("Invalid initialization option");
            default: throw Fail(s, err, "while creating compression object");
        }
    }

    [PyMethod]
    static PyObject decompressobj(ThreadState ts, [PyKeyword] int wbits = LibZ.MAX_WBITS, PyObject? zdict = null)
    {
        byte[]? dict = zdict == null ? null : Zdict(zdict);
        var s = ZStream.ForInflate(wbits, out int err);
        switch (err)
        {
            case LibZ.Z_OK:
                var d = new PyDecompress(s, dict);
                // A raw stream never asks for its dictionary: it is set up front.
                if (dict != null && wbits < 0) d.SetDictionary();
                return d;
            case LibZ.Z_MEM_ERROR: throw NoMemory("Can't allocate memory for decompression object");
            case LibZ.Z_STREAM_ERROR: throw PyExc.ValueError("Invalid initialization option");
            default: throw Fail(s, err, "while creating decompression object");
        }
    }

    /// <summary>A checksum's starting value: any int, taken modulo 2**32 as C's unsigned int.</summary>
    static ulong Start(ThreadState ts, PyObject value)
    {
        var v = Ops.Index(ts, value);
        if (v is PyInt i) return (ulong)(uint)(i.Big & uint.MaxValue);
        throw PyExc.TypeError($"'{value.Type.Name}' object cannot be interpreted as an integer");
    }

    static PyObject Checksum(ThreadState ts, PyObject data, ulong value, bool crc)
    {
        var input = PyBytes.Buffer(data);
        fixed (byte* p = input)
        {
            int done = 0;
            do
            {
                int n = Math.Min(input.Length - done, 1 << 30);
                value = crc ? LibZ.crc32(value, p + done, (uint)n) : LibZ.adler32(value, p + done, (uint)n);
                done += n;
            } while (done < input.Length);
        }
        return PyInt.From((long)(value & uint.MaxValue));
    }

    [PyMethod] static PyObject crc32(ThreadState ts, PyObject data, PyObject? value = null) => Checksum(ts, data, value == null ? 0 : Start(ts, value), true);
    [PyMethod] static PyObject adler32(ThreadState ts, PyObject data, PyObject? value = null) => Checksum(ts, data, value == null ? 1 : Start(ts, value), false);
}
