#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Zlib;

/// <summary>The z_stream of zlib.h as laid out on 64-bit Linux (unsigned long is 64 bits).
/// It lives in unmanaged memory because zlib's internal state points back at it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ZStreamNative
{
    public byte* NextIn;
    public uint AvailIn;
    public ulong TotalIn;
    public byte* NextOut;
    public uint AvailOut;
    public ulong TotalOut;
    public byte* Msg;
    public void* State;
    public void* ZAlloc;
    public void* ZFree;
    public void* Opaque;
    public int DataType;
    public ulong Adler;
    public ulong Reserved;
}

/// <summary>The functions of the system's libz.so.1 that the zlib module calls.</summary>
internal static unsafe class LibZ
{
    const string Lib = "libz.so.1";
    public const int Z_OK = 0, Z_STREAM_END = 1, Z_NEED_DICT = 2, Z_ERRNO = -1, Z_STREAM_ERROR = -2,
        Z_DATA_ERROR = -3, Z_MEM_ERROR = -4, Z_BUF_ERROR = -5, Z_VERSION_ERROR = -6;
    public const int Z_NO_FLUSH = 0, Z_PARTIAL_FLUSH = 1, Z_SYNC_FLUSH = 2, Z_FULL_FLUSH = 3, Z_FINISH = 4, Z_BLOCK = 5, Z_TREES = 6;
    public const int DEFLATED = 8, MAX_WBITS = 15, DEF_MEM_LEVEL = 8, DEF_BUF_SIZE = 16384;

    [DllImport(Lib)] public static extern byte* zlibVersion();
    [DllImport(Lib)] public static extern int deflateInit2_(ZStreamNative* strm, int level, int method, int windowBits, int memLevel, int strategy, byte* version, int streamSize);
    [DllImport(Lib)] public static extern int deflate(ZStreamNative* strm, int flush);
    [DllImport(Lib)] public static extern int deflateEnd(ZStreamNative* strm);
    [DllImport(Lib)] public static extern int deflateSetDictionary(ZStreamNative* strm, byte* dictionary, uint dictLength);
    [DllImport(Lib)] public static extern int deflateCopy(ZStreamNative* dest, ZStreamNative* source);
    [DllImport(Lib)] public static extern int inflateInit2_(ZStreamNative* strm, int windowBits, byte* version, int streamSize);
    [DllImport(Lib)] public static extern int inflate(ZStreamNative* strm, int flush);
    [DllImport(Lib)] public static extern int inflateEnd(ZStreamNative* strm);
    [DllImport(Lib)] public static extern int inflateSetDictionary(ZStreamNative* strm, byte* dictionary, uint dictLength);
    [DllImport(Lib)] public static extern int inflateCopy(ZStreamNative* dest, ZStreamNative* source);
    [DllImport(Lib)] public static extern ulong crc32(ulong crc, byte* buf, uint len);
    [DllImport(Lib)] public static extern ulong adler32(ulong adler, byte* buf, uint len);

    public static string Version => Marshal.PtrToStringUTF8((IntPtr)zlibVersion()) ?? "";
}
