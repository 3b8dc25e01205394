#nullable enable
using System;
namespace StacklessIron.Modules.Sre;

/// <summary>A str without surrogate pairs: UTF-16 units are code points, so the .NET string
/// is used in place (and IndexOf is vectorised).</summary>
internal readonly struct SreStrSubject : ISreSubject
{
    readonly string _s;
    public SreStrSubject(string s) { _s = s; }
    public int Length => _s.Length;
    public int this[int i] => _s[i];

    public int IndexOf(int c, int from, int to)
    {
        if (c > 0xFFFF || from >= to) return -1;
        return _s.IndexOf((char)c, from, to - from);
    }

    public int IndexOf(uint[] code, int prefixPc, int prefixLen, int from, int to)
    {
        if (to - from < prefixLen) return -1;
        Span<char> p = prefixLen <= 256 ? stackalloc char[prefixLen] : new char[prefixLen];
        for (int i = 0; i < prefixLen; i++)
        {
            uint c = code[prefixPc + i];
            if (c > 0xFFFF) return -1;
            p[i] = (char)c;
        }
        int r = _s.AsSpan(from, to - from).IndexOf(p, StringComparison.Ordinal);
        return r < 0 ? -1 : from + r;
    }
}
