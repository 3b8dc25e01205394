#nullable enable
using System;
using System.Buffers.Binary;
using System.Numerics;
namespace StacklessIron.Modules;

/// <summary>BLAKE2s (RFC 7693): 32-bit words, 64-byte blocks, 10 rounds.</summary>
public sealed class Blake2sCore : IHashCore
{
    static readonly uint[] IV = { 0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19 };

    static byte[,] Sigma => Blake2bCore.Sigma;

    const int Block = 64;
    uint[] _h = new uint[8];
    byte[] _buf = new byte[Block];
    int _fill;
    uint _t0, _t1;
    int _digestSize;
    bool _lastNode;

    Blake2sCore() { }

    public Blake2sCore(Blake2Params p)
    {
        _digestSize = p.DigestSize;
        _lastNode = p.LastNode;
        var pb = new byte[32];
        pb[0] = (byte)p.DigestSize; pb[1] = (byte)p.Key.Length; pb[2] = (byte)p.Fanout; pb[3] = (byte)p.Depth;
        BinaryPrimitives.WriteUInt32LittleEndian(pb.AsSpan(4), p.LeafSize);
        for (int i = 0; i < 6; i++) pb[8 + i] = (byte)(p.NodeOffset >> (8 * i));
        pb[14] = (byte)p.NodeDepth; pb[15] = (byte)p.InnerSize;
        p.Salt.CopyTo(pb, 16);
        p.Person.CopyTo(pb, 24);
        for (int i = 0; i < 8; i++) _h[i] = IV[i] ^ BinaryPrimitives.ReadUInt32LittleEndian(pb.AsSpan(4 * i));
        if (p.Key.Length > 0)
        {
            var kb = new byte[Block];
            p.Key.CopyTo(kb, 0);
            Update(kb);
        }
    }

    public IHashCore Clone() => new Blake2sCore
    {
        _h = (uint[])_h.Clone(), _buf = (byte[])_buf.Clone(), _fill = _fill, _t0 = _t0, _t1 = _t1,
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
        _t0 += (uint)n;
        if (_t0 < (uint)n) _t1++;
    }

    public byte[] Digest(int length)
    {
        var h = (uint[])_h.Clone();
        uint t0 = _t0 + (uint)_fill, t1 = t0 < _t0 ? _t1 + 1 : _t1;
        var last = new byte[Block];
        _buf.AsSpan(0, _fill).CopyTo(last);
        Compress(h, last, t0, t1, true, _lastNode);
        var all = new byte[32];
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32LittleEndian(all.AsSpan(4 * i), h[i]);
        return all.AsSpan(0, _digestSize).ToArray();
    }

    static void Compress(uint[] h, ReadOnlySpan<byte> block, uint t0, uint t1, bool final, bool lastNode)
    {
        Span<uint> m = stackalloc uint[16];
        Span<uint> v = stackalloc uint[16];
        for (int i = 0; i < 16; i++) m[i] = BinaryPrimitives.ReadUInt32LittleEndian(block.Slice(4 * i));
        for (int i = 0; i < 8; i++) { v[i] = h[i]; v[i + 8] = IV[i]; }
        v[12] ^= t0; v[13] ^= t1;
        if (final) v[14] = ~v[14];
        if (final && lastNode) v[15] = ~v[15];
        for (int r = 0; r < 10; r++)
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

    static void G(Span<uint> v, int a, int b, int c, int d, uint x, uint y)
    {
        v[a] = v[a] + v[b] + x; v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d]; v[b] = BitOperations.RotateRight(v[b] ^ v[c], 12);
        v[a] = v[a] + v[b] + y; v[d] = BitOperations.RotateRight(v[d] ^ v[a], 8);
        v[c] = v[c] + v[d]; v[b] = BitOperations.RotateRight(v[b] ^ v[c], 7);
    }
}
