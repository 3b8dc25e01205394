#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Zlib;

/// <summary>One zlib stream (deflating or inflating) in unmanaged memory, ended and freed
/// when it is finished or collected. Initialised is false before init succeeded and after
/// the stream was ended: zlib then answers Z_STREAM_ERROR, as for CPython's freed state.</summary>
internal sealed unsafe class ZStream
{
    public readonly ZStreamNative* Z;
    public readonly bool Deflating;
    public bool Initialised;

    ZStream(bool deflating)
    {
        Deflating = deflating;
        Z = (ZStreamNative*)NativeMemory.AllocZeroed((nuint)sizeof(ZStreamNative));
    }

    ~ZStream()
    {
        End();
        NativeMemory.Free(Z);
    }

    public static ZStream ForDeflate(int level, int method, int wbits, int memLevel, int strategy, out int err)
    {
        var s = new ZStream(true);
        err = LibZ.deflateInit2_(s.Z, level, method, wbits, memLevel, strategy, LibZ.zlibVersion(), sizeof(ZStreamNative));
        s.Initialised = err == LibZ.Z_OK;
        return s;
    }

    public static ZStream ForInflate(int wbits, out int err)
    {
        var s = new ZStream(false);
        err = LibZ.inflateInit2_(s.Z, wbits, LibZ.zlibVersion(), sizeof(ZStreamNative));
        s.Initialised = err == LibZ.Z_OK;
        return s;
    }

    /// <summary>A copy of this stream's state (deflateCopy/inflateCopy); err is zlib's code.</summary>
    public ZStream? Copy(out int err)
    {
        var s = new ZStream(Deflating);
        err = Deflating ? LibZ.deflateCopy(s.Z, Z) : LibZ.inflateCopy(s.Z, Z);
        if (err != LibZ.Z_OK) { GC.SuppressFinalize(s); NativeMemory.Free(s.Z); return null; }
        s.Initialised = true;
        return s;
    }

    /// <summary>Frees zlib's state; returns zlib's code (Z_OK if there was nothing to end).</summary>
    public int End()
    {
        if (!Initialised) return LibZ.Z_OK;
        Initialised = false;
        return Deflating ? LibZ.deflateEnd(Z) : LibZ.inflateEnd(Z);
    }

    public string? Message => Z->Msg == null ? null : Marshal.PtrToStringUTF8((IntPtr)Z->Msg);

    public int Run(int flush) => Deflating ? LibZ.deflate(Z, flush) : LibZ.inflate(Z, flush);

    public int SetDictionary(ReadOnlySpan<byte> dict)
    {
        fixed (byte* p = dict)
            return Deflating ? LibZ.deflateSetDictionary(Z, p, (uint)dict.Length) : LibZ.inflateSetDictionary(Z, p, (uint)dict.Length);
    }
}
