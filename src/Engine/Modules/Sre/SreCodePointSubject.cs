#nullable enable
using System;
namespace StacklessIron.Modules.Sre;

/// <summary>A str with surrogate pairs, decoded to one int per code point.</summary>
internal readonly struct SreCodePointSubject : ISreSubject
{
    readonly int[] _a;
    public SreCodePointSubject(int[] a) { _a = a; }
    public int Length => _a.Length;
    public int this[int i] => _a[i];

    public int IndexOf(int c, int from, int to)
    {
        if (from >= to) return -1;
        int r = _a.AsSpan(from, to - from).IndexOf(c);
        return r < 0 ? -1 : from + r;
    }

    public int IndexOf(uint[] code, int prefixPc, int prefixLen, int from, int to)
    {
        if (to - from < prefixLen) return -1;
        var p = new int[prefixLen];
        for (int i = 0; i < prefixLen; i++) p[i] = (int)code[prefixPc + i];
        int r = _a.AsSpan(from, to - from).IndexOf(p);
        return r < 0 ? -1 : from + r;
    }
}
