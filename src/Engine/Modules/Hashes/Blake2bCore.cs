#nullable enable
using System;
using System.Buffers.Binary;
using System.Numerics;
namespace StacklessIron.Modules;

/// <summary>BLAKE2b (RFC 7693): 64-bit words, 128-byte blocks, 12 rounds.</summary>
public sealed class Blake2bCore : IHashCore
{
    public static readonly ulong[] IV =
    {
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    };

    /// <summary>The message word order of each round (rounds 10 and 11 reuse rows 0 and 1).</summary>
    public static readonly byte[,] Sigma =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
        { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
        { 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
        { 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
        { 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
        { 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
        { 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
        { 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
        { 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
        { 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
    };

    const int Block = 128;
    ulong[] _h = new ulong[8];
    byte[] _buf = new byte[Block];
    int _fill;
    ulong _t0, _t1;
    int _digestSize;
    bool _lastNode;

    Blake2bCore() { }

    public Blake2bCore(Blake2Params p)
    {
        _digestSize = p.DigestSize;
        _lastNode = p.LastNode;
        var pb = new byte[64];
        pb[0] = (byte)p.DigestSize; pb[1] = (byte)p.Key.Length; pb[2] = (byte)p.Fanout; pb[3] = (byte)p.Depth;
        BinaryPrimitives.WriteUInt32LittleEndian(pb.AsSpan(4), p.LeafSize);
        BinaryPrimitives.WriteUInt64LittleEndian(pb.AsSpan(8), p.NodeOffset);
        pb[16] = (byte)p.NodeDepth; pb[17] = (byte)p.InnerSize;
        p.Salt.CopyTo(pb, 32);
        p.Person.CopyTo(pb, 48);
        for (int i = 0; i < 8; i++) _h[i] = IV[i] ^ BinaryPrimitives.ReadUInt64LittleEndian(pb.AsSpan(8 * i));
        if (p.Key.Length > 0)
        {
            var kb = new byte[Block];
            p.Key.CopyTo(kb, 0);
            Update(kb);
        }
    }

    public IHashCore Clone() => new Blake2bCore
    {
        _h = (ulong[])_h.Clone(), _buf = (byte[])_buf.Clone(), _fill = _fill, _t0 = _t0, _t1 = _t1,
        _digestSize = _digestSize, _lastNode = _lastNode,
    };

    public void Update(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            // A full buffer is compressed only once more data follows: the last block is special.
            if (_fill == Block)
            {
                Count(Block);
                Compress(_h, _buf, _t0, _t1, false, false);
                _fill = 0;
            }
            int n = Math.Min(Block - _fill, data.Length);
            data.Slice(0, n).CopyTo(_buf.AsSpan(_fill));
            _fill += n;
            data = data.Slice(n);
        }
    }

    void Count(int n)
    {
        _t0 += (ulong)n;
        if (_t0 < (ulong)n) _t1++;
    }

    public byte[] Digest(int length)
    {
        var h = (ulong[])_h.Clone();
        ulong t0 = _t0 + (ulong)_fill, t1 = t0 < _t0 ? _t1 + 1 : _t1;
        var last = new byte[Block];
        _buf.AsSpan(0, _fill).CopyTo(last);
        Compress(h, last, t0, t1, true, _lastNode);
        var all = new byte[64];
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt64LittleEndian(all.AsSpan(8 * i), h[i]);
        return all.AsSpan(0, _digestSize).ToArray();
    }

    static void Compress(ulong[] h, ReadOnlySpan<byte> block, ulong t0, ulong t1, bool final, bool lastNode)
    {
        Span<ulong> m = stackalloc ulong[16];
        Span<ulong> v = stackalloc ulong[16];
        for (int i = 0; i < 16; i++) m[i] = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(8 * i));
        for (int i = 0; i < 8; i++) { v[i] = h[i]; v[i + 8] = IV[i]; }
        v[12] ^= t0; v[13] ^= t1;
        if (final) v[14] = ~v[14];
        if (final && lastNode) v[15] = ~v[15];
        for (int r = 0; r < 12; r++)
        {
            int s = r % 10;
            G(v, 0, 4, 8, 12, m[Sigma[s, 0]], m[Sigma[s, 1]]);
            G(v, 1, 5, 9, 13, m[Sigma[s, 2]], m[Sigma[s, 3]]);
            G(v, 2, 6, 10, 14, m[Sigma[s, 4]], m[Sigma[s, 5]]);
            G(v, 3, 7, 11, 15, m[Sigma[s, 6]], m[Sigma[s, 7]]);
            G(v, 0, 5, 10, 15, m[Sigma[s, 8]], m[Sigma[s, 9]]);
            G(v, 1, 6, 11, 12, m[Sigma[s, 10]], m[Sigma[s, 11]]);
            G(v, 2, 7, 8, 13, m[Sigma[s, 12]], m[Sigma[s, 13]]);
            G(v, 3, 4, 9, 14, m[Sigma[s, 14]], m[Sigma[s, 15]]);
        }
        for (int i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
    }

    static void G(Span<ulong> v, int a, int b, int c, int d, ulong x, ulong y)
    {
        v[a] = v[a] + v[b] + x; v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
        v[c] = v[c] + v[d]; v[b] = BitOperations.RotateRight(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + y; v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d]; v[b] = BitOperations.RotateRight(v[b] ^ v[c], 63);
    }
}
