#nullable enable
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Objects;

/// <summary>
/// The attribute names that instances of one class store in their inline values (CPython's
/// shared-keys dicts): name i lives in PyInstance's value slot i. Append-only, so an index,
/// once given, never changes meaning; a class whose instances use more than MaxKeys distinct
/// names sends the extra ones to a real per-instance dict.
/// </summary>
public sealed class SharedKeys
{
    /// <summary>CPython's limit is similar (30): beyond it, instances are not uniform enough to share.</summary>
    public const int MaxKeys = 30;
    PyStr[] _names = new PyStr[4];
    long[] _hashes = new long[4];
    public int Count;

    public PyStr NameAt(int i) => _names[i];

    /// <summary>Whether slot `i` holds exactly this key object (the inline caches' check).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Is(int i, PyStr name) => (uint)i < (uint)Count && (object)_names[i] == name;

    /// <summary>The slot of `name`, or -1. Names are almost always interned, so identity
    /// decides at once; an equal string that is another object has the same (cached) hash.
    /// A method name looked up for LOAD_METHOD's shadowing check is usually missing: the
    /// hashes keep that to a few compares.</summary>
    public int IndexOf(PyStr name)
    {
        var names = _names;
        int n = Count;
        for (int i = 0; i < n; i++) if ((object)names[i] == name) return i;
        long h = name.GetHash();
        var hashes = _hashes;
        for (int i = 0; i < n; i++) if (hashes[i] == h && names[i].Value == name.Value) return i;
        return -1;
    }

    /// <summary>Adds a name (not present yet); -1 when the table is full.</summary>
    public int Add(PyStr name)
    {
        if (Count == MaxKeys) return -1;
        if (Count == _names.Length)
        {
            Array.Resize(ref _names, Math.Min(MaxKeys, _names.Length * 2));
            Array.Resize(ref _hashes, _names.Length);
        }
        _names[Count] = name;
        _hashes[Count] = name.GetHash();
        return Count++;
    }
}
