#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Lzma;

/// <summary>The start of liblzma's lzma_stream (the rest, reserved fields, stays zero: the
/// struct is allocated larger than liblzma's 136 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LzmaStream
{
    public byte* NextIn;
    public nuint AvailIn;
    public ulong TotalIn;
    public byte* NextOut;
    public nuint AvailOut;
    public ulong TotalOut;
}

/// <summary>lzma_filter: a filter id and its options (id LZMA_VLI_UNKNOWN ends a chain).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LzmaFilter
{
    public ulong Id;
    public void* Options;
}

/// <summary>The functions of the system's liblzma.so.5 that _lzma calls, and its result codes
/// as the Python exceptions CPython raises for them.</summary>
internal static unsafe class LibLzma
{
    const string Lib = "liblzma.so.5";
    public const int StreamSize = 256, OptionsSize = 256;
    public const int LZMA_RUN = 0, LZMA_FINISH = 3;
    public const int LZMA_OK = 0, LZMA_STREAM_END = 1, LZMA_NO_CHECK = 2, LZMA_UNSUPPORTED_CHECK = 3, LZMA_GET_CHECK = 4,
        LZMA_MEM_ERROR = 5, LZMA_MEMLIMIT_ERROR = 6, LZMA_FORMAT_ERROR = 7, LZMA_OPTIONS_ERROR = 8, LZMA_DATA_ERROR = 9,
        LZMA_BUF_ERROR = 10, LZMA_PROG_ERROR = 11;
    public const uint LZMA_TELL_NO_CHECK = 0x01, LZMA_TELL_ANY_CHECK = 0x04;
    public const ulong VLI_UNKNOWN = ulong.MaxValue;
    public const ulong FILTER_LZMA1 = 0x4000000000000001, FILTER_LZMA2 = 0x21, FILTER_DELTA = 0x03,
        FILTER_X86 = 0x04, FILTER_POWERPC = 0x05, FILTER_IA64 = 0x06, FILTER_ARM = 0x07, FILTER_ARMTHUMB = 0x08, FILTER_SPARC = 0x09;

    [DllImport(Lib)] public static extern int lzma_easy_encoder(LzmaStream* strm, uint preset, int check);
    [DllImport(Lib)] public static extern int lzma_stream_encoder(LzmaStream* strm, LzmaFilter* filters, int check);
    [DllImport(Lib)] public static extern int lzma_alone_encoder(LzmaStream* strm, void* options);
    [DllImport(Lib)] public static extern int lzma_raw_encoder(LzmaStream* strm, LzmaFilter* filters);
    [DllImport(Lib)] public static extern int lzma_auto_decoder(LzmaStream* strm, ulong memlimit, uint flags);
    [DllImport(Lib)] public static extern int lzma_stream_decoder(LzmaStream* strm, ulong memlimit, uint flags);
    [DllImport(Lib)] public static extern int lzma_alone_decoder(LzmaStream* strm, ulong memlimit);
    [DllImport(Lib)] public static extern int lzma_raw_decoder(LzmaStream* strm, LzmaFilter* filters);
    [DllImport(Lib)] public static extern int lzma_code(LzmaStream* strm, int action);
    [DllImport(Lib)] public static extern void lzma_end(LzmaStream* strm);
    [DllImport(Lib)] public static extern int lzma_get_check(LzmaStream* strm);
    [DllImport(Lib)] public static extern byte lzma_check_is_supported(int check);
    [DllImport(Lib)] public static extern byte lzma_lzma_preset(void* options, uint preset);
    [DllImport(Lib)] public static extern int lzma_properties_size(uint* size, LzmaFilter* filter);
    [DllImport(Lib)] public static extern int lzma_properties_encode(LzmaFilter* filter, byte* props);
    [DllImport(Lib)] public static extern int lzma_properties_decode(LzmaFilter* filter, void* allocator, byte* props, nuint propsSize);
    [DllImport("libc")] public static extern void free(void* p);

    /// <summary>Raises for an error code (CPython's catch_lzma_error); returns the code otherwise.</summary>
    public static int Check(int code)
    {
        switch (code)
        {
            case LZMA_OK: case LZMA_GET_CHECK: case LZMA_NO_CHECK: case LZMA_STREAM_END: return code;
            case LZMA_UNSUPPORTED_CHECK: throw LzmaModule.Fail("Unsupported integrity check");
            case LZMA_MEM_ERROR: throw PyExc.MemoryError();
            case LZMA_MEMLIMIT_ERROR: throw LzmaModule.Fail("Memory usage limit exceeded");
            case LZMA_FORMAT_ERROR: throw LzmaModule.Fail("Input format not supported by decoder");
            case LZMA_OPTIONS_ERROR: throw LzmaModule.Fail("Invalid or unsupported options");
            case LZMA_DATA_ERROR: throw LzmaModule.Fail("Corrupt input data");
            case LZMA_BUF_ERROR: throw LzmaModule.Fail("Insufficient buffer space");
            case LZMA_PROG_ERROR: throw LzmaModule.Fail("Internal error");
            default: throw LzmaModule.Fail($"Unrecognized error from liblzma: {code}");
        }
    }
}
