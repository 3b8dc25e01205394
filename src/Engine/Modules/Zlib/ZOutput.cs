#nullable enable
using System;
namespace StacklessIron.Modules.Zlib;

/// <summary>The output of one zlib run, grown in CPython's block sizes (32 KiB, 64 KiB,
/// 256 KiB, ...): deflate's stored blocks (level 0) end where the output room ends, so the
/// same room per call gives the same bytes as CPython.</summary>
internal sealed class ZOutput
{
    static readonly int[] s_blockSizes = {
        32 << 10, 64 << 10, 256 << 10, 1 << 20, 4 << 20, 8 << 20, 16 << 20, 16 << 20,
        32 << 20, 32 << 20, 32 << 20, 32 << 20, 64 << 20, 64 << 20, 128 << 20, 128 << 20, 256 << 20 };

    public byte[] Buffer = Array.Empty<byte>();
    public int Length;
    int _blocks;

    /// <summary>An output whose first block has `firstBlock` bytes (else CPython's first size).</summary>
    public ZOutput(long firstBlock = 0)
    {
        if (firstBlock > 0) AddBlock((int)Math.Min(firstBlock, Array.MaxLength));
    }

    /// <summary>Free room after Length, adding the next block when full; 0 once `maxLength`
    /// (0 = no limit) bytes were produced.</summary>
    public int Room(long maxLength)
    {
        if (maxLength > 0 && Length >= maxLength) return 0;
        if (Length == Buffer.Length)
        {
            long size = s_blockSizes[Math.Min(_blocks, s_blockSizes.Length - 1)];
            if (maxLength > 0) size = Math.Min(size, maxLength - Length);
            if ((long)Buffer.Length + size > Array.MaxLength) throw PyExc.MemoryError();
            AddBlock((int)size);
        }
        int room = Buffer.Length - Length;
        return maxLength > 0 ? (int)Math.Min(room, maxLength - Length) : room;
    }

    void AddBlock(int size)
    {
        Array.Resize(ref Buffer, Buffer.Length + size);
        _blocks++;
    }

    public PyBytes ToBytes() => PyBytes.From(Buffer.AsSpan(0, Length).ToArray());
}
