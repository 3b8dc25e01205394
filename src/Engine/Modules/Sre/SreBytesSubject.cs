#nullable enable
using System;
namespace StacklessIron.Modules.Sre;

/// <summary>bytes (or a copy of a bytearray/memoryview): one byte per position.</summary>
internal readonly struct SreBytesSubject : ISreSubject
{
    readonly byte[] _b;
    public SreBytesSubject(byte[] b) { _b = b; }
    public int Length => _b.Length;
    public int this[int i] => _b[i];

    public int IndexOf(int c, int from, int to)
    {
        if ((uint)c > 255 || from >= to) return -1;
        int r = _b.AsSpan(from, to - from).IndexOf((byte)c);
        return r < 0 ? -1 : from + r;
    }

    public int IndexOf(uint[] code, int prefixPc, int prefixLen, int from, int to)
    {
        if (to - from < prefixLen) return -1;
        Span<byte> p = prefixLen <= 256 ? stackalloc byte[prefixLen] : new byte[prefixLen];
        for (int i = 0; i < prefixLen; i++)
        {
            uint c = code[prefixPc + i];
            if (c > 255) return -1;
            p[i] = (byte)c;
        }
        int r = _b.AsSpan(from, to - from).IndexOf(p);
        return r < 0 ? -1 : from + r;
    }
}
