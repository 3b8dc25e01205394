#nullable enable
using System;
using System.Runtime.CompilerServices;
using System.Threading;
namespace StacklessIron.Modules.Sre;

/// <summary>Membership of the characters 0-255 in each set program of a pattern, as 256-bit
/// maps built on the first test of that set. Most text is Latin-1, so a set with categories,
/// ranges and negations becomes one bit test per character instead of a walk over the set
/// program. Characters above 255 still walk the program.</summary>
internal sealed class SreSetCache
{
    readonly uint[] _code;
    int[]? _index;          // per code position: 1 + number of the set's map, 0 = not built yet
    ulong[] _bits = new ulong[16];
    int _count;

    public SreSetCache(uint[] code) { _code = code; }

    /// <summary>Whether ch is in the set program starting at code[pc].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int pc, int ch)
    {
        if ((uint)ch < 256)
        {
            var index = _index;
            int k = index != null ? index[pc] - 1 : -1;
            if (k < 0) k = Build(pc);
            return ((_bits[(k << 2) + (ch >> 6)] >> (ch & 63)) & 1) != 0;
        }
        return SreChars.InSet(_code, pc, ch);
    }

    int Build(int pc)
    {
        lock (this)
        {
            var index = _index ??= new int[_code.Length];
            if (index[pc] > 0) return index[pc] - 1;
            int k = _count;
            if ((k + 1) * 4 > _bits.Length) Array.Resize(ref _bits, _bits.Length * 2);
            for (int ch = 0; ch < 256; ch++)
                if (SreChars.InSet(_code, pc, ch)) _bits[(k << 2) + (ch >> 6)] |= 1UL << (ch & 63);
            _count = k + 1;
            Volatile.Write(ref index[pc], k + 1);   // publish after the map is complete
            return k;
        }
    }
}
