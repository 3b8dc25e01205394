#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Bz2;

/// <summary>bzlib.h's bz_stream on 64-bit Linux; kept in unmanaged memory because libbz2's
/// state points back at it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct BzStream
{
    public byte* NextIn;
    public uint AvailIn, TotalInLo32, TotalInHi32;
    public byte* NextOut;
    public uint AvailOut, TotalOutLo32, TotalOutHi32;
    public void* State, BzAlloc, BzFree, Opaque;
}

/// <summary>The functions of the system's libbz2.so.1 that _bz2 calls, and its result codes
/// as the Python exceptions CPython raises for them.</summary>
internal static unsafe class LibBz2
{
    const string Lib = "libbz2.so.1";
    public const int BZ_RUN = 0, BZ_FINISH = 2;
    public const int BZ_OK = 0, BZ_RUN_OK = 1, BZ_FLUSH_OK = 2, BZ_FINISH_OK = 3, BZ_STREAM_END = 4, BZ_SEQUENCE_ERROR = -1,
        BZ_PARAM_ERROR = -2, BZ_MEM_ERROR = -3, BZ_DATA_ERROR = -4, BZ_DATA_ERROR_MAGIC = -5, BZ_IO_ERROR = -6,
        BZ_UNEXPECTED_EOF = -7, BZ_OUTBUFF_FULL = -8, BZ_CONFIG_ERROR = -9;

    [DllImport(Lib)] public static extern int BZ2_bzCompressInit(BzStream* strm, int blockSize100k, int verbosity, int workFactor);
    [DllImport(Lib)] public static extern int BZ2_bzCompress(BzStream* strm, int action);
    [DllImport(Lib)] public static extern int BZ2_bzCompressEnd(BzStream* strm);
    [DllImport(Lib)] public static extern int BZ2_bzDecompressInit(BzStream* strm, int verbosity, int small);
    [DllImport(Lib)] public static extern int BZ2_bzDecompress(BzStream* strm);
    [DllImport(Lib)] public static extern int BZ2_bzDecompressEnd(BzStream* strm);

    /// <summary>Raises for an error code (CPython's catch_bz2_error); returns the code otherwise.</summary>
    public static int Check(int code)
    {
        switch (code)
        {
            case BZ_OK: case BZ_RUN_OK: case BZ_FLUSH_OK: case BZ_FINISH_OK: case BZ_STREAM_END: return code;
            case BZ_CONFIG_ERROR: throw PyExc.SystemError("libbzip2 was not compiled correctly");
            case BZ_PARAM_ERROR: throw PyExc.ValueError("Internal error - invalid parameters passed to libbzip2");
            case BZ_MEM_ERROR: throw PyExc.MemoryError();
            case BZ_DATA_ERROR: case BZ_DATA_ERROR_MAGIC: throw PyExc.OSError("Invalid data stream");
            case BZ_IO_ERROR: throw PyExc.OSError("Unknown I/O error");
            case BZ_UNEXPECTED_EOF: throw PyExc.EOFError("Compressed file ended before the logical end-of-stream was detected");
            case BZ_SEQUENCE_ERROR: throw PyExc.RuntimeError("Internal error - Invalid sequence of commands sent to libbzip2");
            default: throw PyExc.SystemError($"Unrecognized error from libbzip2: {code}");
        }
    }
}
