#nullable enable
using System;
using System.Buffers.Binary;
using System.Numerics;
namespace StacklessIron.Modules;

/// <summary>The Keccak-f[1600] sponge (FIPS 202) behind SHA3-224/256/384/512 and SHAKE128/256,
/// written here so that every SHA-3 variant works whatever the system's OpenSSL offers.</summary>
public sealed class KeccakCore : IHashCore
{
    static readonly ulong[] RoundConstants =
    {
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    };
    static readonly int[] Rotations = { 1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44 };
    static readonly int[] PiLanes = { 10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1 };

    ulong[] _state = new ulong[25];
    byte[] _buf;
    int _fill;
    readonly int _rate, _digestSize;
    readonly byte _suffix;

    /// <summary>rate in bytes; suffix 0x06 for SHA-3, 0x1f for SHAKE; digestSize 0 = SHAKE.</summary>
    public KeccakCore(int rate, byte suffix, int digestSize)
    {
        _rate = rate; _suffix = suffix; _digestSize = digestSize;
        _buf = new byte[rate];
    }

    public IHashCore Clone() => new KeccakCore(_rate, _suffix, _digestSize) { _state = (ulong[])_state.Clone(), _buf = (byte[])_buf.Clone(), _fill = _fill };

    public void Update(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            int n = Math.Min(_rate - _fill, data.Length);
            data.Slice(0, n).CopyTo(_buf.AsSpan(_fill));
            _fill += n;
            data = data.Slice(n);
            if (_fill == _rate) { Absorb(_state, _buf); _fill = 0; }
        }
    }

    void Absorb(ulong[] st, ReadOnlySpan<byte> block)
    {
        for (int i = 0; i < _rate / 8; i++) st[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(8 * i));
        Permute(st);
    }

    public byte[] Digest(int length)
    {
        if (_digestSize != 0) length = _digestSize;
        var st = (ulong[])_state.Clone();
        var last = new byte[_rate];
        _buf.AsSpan(0, _fill).CopyTo(last);
        last[_fill] ^= _suffix;
        last[_rate - 1] ^= 0x80;
        Absorb(st, last);
        var output = new byte[length];
        var lane = new byte[_rate];
        for (int pos = 0; pos < length;)
        {
            for (int i = 0; i < _rate / 8; i++) BinaryPrimitives.WriteUInt64LittleEndian(lane.AsSpan(8 * i), st[i]);
            int n = Math.Min(_rate, length - pos);
            lane.AsSpan(0, n).CopyTo(output.AsSpan(pos));
            pos += n;
            if (pos < length) Permute(st);
        }
        return output;
    }

    static void Permute(ulong[] st)
    {
        Span<ulong> bc = stackalloc ulong[5];
        for (int round = 0; round < 24; round++)
        {
            for (int i = 0; i < 5; i++) bc[i] = st[i] ^ st[i + 5] ^ st[i + 10] ^ st[i + 15] ^ st[i + 20];
            for (int i = 0; i < 5; i++)
            {
                ulong t = bc[(i + 4) % 5] ^ BitOperations.RotateLeft(bc[(i + 1) % 5], 1);
                for (int j = 0; j < 25; j += 5) st[j + i] ^= t;
            }
            ulong cur = st[1];
            for (int i = 0; i < 24; i++)
            {
                int j = PiLanes[i];
                ulong next = st[j];
                st[j] = BitOperations.RotateLeft(cur, Rotations[i]);
                cur = next;
            }
            for (int j = 0; j < 25; j += 5)
            {
                for (int i = 0; i < 5; i++) bc[i] = st[j + i];
                for (int i = 0; i < 5; i++) st[j + i] ^= ~bc[(i + 1) % 5] & bc[(i + 2) % 5];
            }
            st[0] ^= RoundConstants[round];
        }
    }
}
