#nullable enable
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Objects;

/// <summary>An instance of a user class whose solid base is `object`: a dict and/or
/// `__slots__` storage.</summary>
/// <remarks>
/// The instance dict starts out as inline values: an array indexed by the class's SharedKeys,
/// as CPython 3.11 does, so a new object costs one small array instead of a dict with its two
/// tables, and `self.x` is an index. The first use that needs a real dict (`__dict__`, vars(),
/// an attribute deleted or set out of the order its index implies, a non-str name, a full key
/// table) builds it from the values, and from then on the instance uses that dict only.
/// Values mode keeps the set attributes in increasing index order, which is therefore their
/// insertion order, the order the built dict must have.
/// </remarks>
public sealed class PyInstance : PyObject
{
    static readonly PyObject?[] s_noValues = Array.Empty<PyObject?>();
    PyDict? _dict;
    /// <summary>Inline values while there is no dict (null afterwards, or for a class without dict).</summary>
    PyObject?[]? _values;
    /// <summary>1 + the highest index set in _values.</summary>
    int _end;
    /// <summary>Values of `__slots__` members (null = unset), indexed by PyMemberDescriptor.Index.</summary>
    public PyObject?[]? Slots;
    /// <summary>The instance's finalization tracker, if it needs one: what runs its `__del__`
    /// once it is unreachable (Runtime/Finalization.TrackDel) and what keeps the weakrefs to it
    /// (their callbacks). Kept here, not in a table, so the instance and its tracker die
    /// together at the cost of one field, without a table entry (a GC dependent handle).</summary>
    internal FinalizationTracker? Tracker;

    public PyInstance(PyType type) : base(type)
    {
        if (type.InstanceHasDict)
        {
            int n = type.InstanceKeys.Count;
            _values = n == 0 ? s_noValues : new PyObject?[n];
        }
        if (type.SlotCount > 0) Slots = new PyObject?[type.SlotCount];
    }

    /// <summary>The real dict, built from the inline values on first use.</summary>
    public override PyDict? Dict
    {
        get => _values != null ? MaterializeDict() : _dict;
        set { _dict = value; _values = null; }
    }

    /// <summary>Whether the instance has an attribute store at all (its class has a dict).</summary>
    public bool HasDict => _values != null || _dict != null;

    public PyDict MaterializeDict()
    {
        var vals = _values;
        if (vals == null) return _dict!;
        var keys = Type.InstanceKeys;
        var d = new PyDict();
        for (int i = 0; i < _end; i++)
            if (vals[i] is PyObject v) d.SetStr(keys.NameAt(i), v);
        _dict = d;
        _values = null;
        return d;
    }

    /// <summary>The attribute `name` of the instance's own store, or null; never builds the dict.</summary>
    public PyObject? GetOwn(PyStr name)
    {
        var vals = _values;
        if (vals != null)
        {
            int i = Type.InstanceKeys.IndexOf(name);
            return (uint)i < (uint)vals.Length ? vals[i] : null;
        }
        return _dict?.GetStr(name);
    }

    /// <summary>The inline values (null once the instance has a real dict, or has no dict at
    /// all): the loop's attribute caches read value i of a name they found at index i of the
    /// class's shared keys directly (the keys only grow: an index keeps its name).</summary>
    public PyObject?[]? InlineValues { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => _values; }

    /// <summary>Stores inline value i (the index of the attribute's name in the class's shared
    /// keys) when that keeps the values in insertion order: a replacement, or an attribute past
    /// every one set so far. False otherwise (then the general SetOwn path decides).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TrySetInline(int i, PyObject value)
    {
        var vals = _values;
        if (vals == null || (uint)i >= (uint)vals.Length) return false;
        // by reference: an element store into PyObject?[] would check the array's type first
        ref var slot = ref Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(vals), i);
        if (slot != null) { slot = value; return true; }
        if (i < _end) return false;
        slot = value;
        _end = i + 1;
        return true;
    }

    /// <summary>Whether the instance has no own attribute `name`, for LOAD_METHOD's cache:
    /// `keysWithout` is how many names its class's shared keys held when the cache found
    /// `name` not among them (-1: it was there). The keys only grow, so while they hold that
    /// many, an instance in values mode cannot have it; no store at all cannot either.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool LacksOwn(PyStr name, int keysWithout)
    {
        if (_values != null ? Type.InstanceKeys.Count == keysWithout : _dict == null) return true;
        return GetOwn(name) == null;
    }

    /// <summary>GetOwn with an inline cache's guess: a value index in values mode, a dict
    /// entry index otherwise (each mode checks the key at the guess, so a wrong one only misses).
    /// The hit is small enough to inline into the loop; the rest is GetOwnHintedSlow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyObject? GetOwnHinted(PyStr name, ref int hint)
    {
        var vals = _values;
        int h = hint;
        if (vals != null && (uint)h < (uint)vals.Length && Type.InstanceKeys.Is(h, name)) return vals[h];
        return GetOwnHintedSlow(name, ref hint);
    }

    PyObject? GetOwnHintedSlow(PyStr name, ref int hint)
    {
        var vals = _values;
        if (vals != null)
        {
            int i = Type.InstanceKeys.IndexOf(name);
            if (i < 0) return null;
            hint = i;
            return i < vals.Length ? vals[i] : null;
        }
        return _dict?.GetStrHinted(name, ref hint);
    }

    /// <summary>Sets an attribute in the instance's own store; false when it has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool SetOwnHinted(PyStr name, PyObject value, ref int hint)
    {
        var vals = _values;
        int h = hint;
        // a replacement, or a new attribute past every set one (insertion order kept)
        if (vals != null && (uint)h < (uint)vals.Length && Type.InstanceKeys.Is(h, name) && (vals[h] != null || h >= _end))
        {
            vals[h] = value;
            if (h >= _end) _end = h + 1;
            return true;
        }
        return SetOwnHintedSlow(name, value, ref hint);
    }

    bool SetOwnHintedSlow(PyStr name, PyObject value, ref int hint)
    {
        if (_values != null) return SetValueSlow(name, value, ref hint);
        var d = _dict;
        if (d == null) return false;
        d.SetStrHinted(name, value, ref hint);
        return true;
    }

    public bool SetOwn(PyStr name, PyObject value)
    {
        int hint = -1;
        return SetOwnHinted(name, value, ref hint);
    }

    bool SetValueSlow(PyStr name, PyObject value, ref int hint)
    {
        var keys = Type.InstanceKeys;
        int i = name.Type == TypeObjects.Str ? keys.IndexOf(name) : -1;
        if (i < 0 && name.Type == TypeObjects.Str) i = keys.Add(name);
        var vals = _values!;
        if (i < 0 || (i < _end && (i >= vals.Length || vals[i] == null)))
        {
            // no slot for it, or a new attribute before one set later: a real dict keeps the order
            MaterializeDict().SetStr(name, value);
            return true;
        }
        if (i >= vals.Length)
        {
            Array.Resize(ref vals, Math.Max(i + 1, keys.Count));
            _values = vals;
        }
        vals[i] = value;
        if (i >= _end) _end = i + 1;
        hint = i;
        return true;
    }

    /// <summary>Deletes an own attribute; false when it was not there (or there is no store).</summary>
    public bool DelOwn(PyStr name)
    {
        if (_values == null && _dict == null) return false;
        if (GetOwn(name) == null) return false;
        return MaterializeDict().RemoveStr(name);
    }
}
