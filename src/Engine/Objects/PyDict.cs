#nullable enable
using System.Text;
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Objects;

/// <summary>
/// `dict`: an insertion-ordered hash table as CPython's (an index table pointing into a dense
/// entry array). Keys compare by identity first, then hash, then __eq__ (which may run Python
/// code: a lookup restarts if the dict changed meanwhile). Version changes on every mutation,
/// for LOAD_GLOBAL caches. Iterators detect changes of size (and of keys at the same size).
/// </summary>
[PyType("dict")]
public class PyDict : PyObject
{
    struct Entry { public long Hash; public PyObject? Key; public PyObject? Value; }

    int[] _index;        // -1 empty, -2 deleted, else entry number
    Entry[] _entries;
    int _used;           // entries in use, deleted included
    int _count;
    public int Version;
    PyDict? _instDict;   // for instances of dict subclasses

    const int Empty = -1, Dummy = -2;

    public PyDict() : base(TypeObjects.Dict) { _index = NewIndex(8); _entries = new Entry[5]; }
    public PyDict(PyType type) : base(type)
    {
        _index = NewIndex(8); _entries = new Entry[5];
        if (type != TypeObjects.Dict && type.InstanceHasDict) _instDict = new PyDict();
    }

    public override PyDict? Dict { get => _instDict; set => _instDict = value; }

    static int[] NewIndex(int n) { var a = new int[n]; Array.Fill(a, Empty); return a; }

    public int Count => _count;

    // ---------------- core table ----------------

    /// <summary>Equality decided without Python code: identity, exact str, exact small int.</summary>
    /// <remarks>Python types are compared before any C# type test: `a is PyStr` on an int key
    /// walks the class chain in a runtime helper.</remarks>
    /// <remarks>A key whose Type is exactly int or str is a PyInt or a PyStr (a subclass
    /// instance has its subclass as Type), so the casts after the type test are free.</remarks>
    static bool FastEq(PyObject a, PyObject b)
    {
        if (ReferenceEquals(a, b)) return true;
        var t = a.Type;
        if (t != b.Type) return false;
        if (t == PyInt.TypeObject)
        {
            var i = Unsafe.As<PyInt>(a); var j = Unsafe.As<PyInt>(b);
            return i.Small == j.Small && i.FitsLong && j.FitsLong;
        }
        return t == TypeObjects.Str && PyStr.TextEquals(Unsafe.As<PyStr>(a), Unsafe.As<PyStr>(b));
    }

    /// <summary>Both keys are of a kind FastEq decides completely (no __eq__ call needed).</summary>
    static bool FastKinds(PyObject a, PyObject b)
    {
        var t = a.Type;
        if (t != b.Type) return false;
        return t == TypeObjects.Str || (t == PyInt.TypeObject && Unsafe.As<PyInt>(a).FitsLong && Unsafe.As<PyInt>(b).FitsLong);
    }

    /// <summary>Ops.Hash with the two common key kinds (exact str, exact int that needs no
    /// reduction) inline: `d[k]` and `d.get(k)` on such keys make no call to hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static long KeyHash(ThreadState ts, PyObject key)
    {
        var t = key.Type;
        if (t == TypeObjects.Str) return Unsafe.As<PyStr>(key).GetHash();
        if (t == PyInt.TypeObject && Unsafe.As<PyInt>(key).TryPlainHash(out long h)) return h;
        return Ops.Hash(ts, key);
    }

    /// <summary>Index slot of `key` or, when missing, -1 - (first free slot).</summary>
    int FindSlot(ThreadState? ts, PyObject key, long hash)
    {
    restart:
        // the tables in locals: Python code run by __eq__ below may replace the fields (then
        // the version check restarts the search)
        var index = _index;
        var entries = _entries;
        int mask = index.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        int freeSlot = -1;
        while (true)
        {
            int ix = index[i];
            if (ix == Empty) return -1 - (freeSlot >= 0 ? freeSlot : i);
            if (ix == Dummy) { if (freeSlot < 0) freeSlot = i; }
            else
            {
                ref var e = ref entries[ix];
                if (e.Hash == hash)
                {
                    var k = e.Key!;
                    if (FastEq(k, key)) return i;
                    if (!FastKinds(k, key) && ts != null)
                    {
                        int version = Version;
                        bool eq = Ops.Equal(ts, k, key);
                        if (version != Version || entries != _entries || index != _index) goto restart;
                        if (eq) return i;
                    }
                }
            }
            perturb >>= 5;
            i = (int)((ulong)(i * 5 + 1) + perturb) & mask;
        }
    }

    void Resize()
    {
        int n = 8;
        while (n * 2 < _count * 3 + 3) n <<= 1;
        n <<= 1;
        var entries = new Entry[Math.Max(n * 2 / 3, _count + 1)];
        int j = 0;
        for (int i = 0; i < _used; i++)
            if (_entries[i].Key != null) entries[j++] = _entries[i];
        _entries = entries;
        _used = j;
        _index = NewIndex(n);
        int mask = n - 1;
        for (int e = 0; e < j; e++)
        {
            long hash = entries[e].Hash;
            ulong perturb = (ulong)hash;
            int i = (int)(hash & mask);
            while (_index[i] != Empty) { perturb >>= 5; i = (int)((ulong)(i * 5 + 1) + perturb) & mask; }
            _index[i] = e;
        }
    }

    void Insert(ThreadState? ts, PyObject key, long hash, PyObject value)
    {
        int slot = FindSlot(ts, key, hash);
        if (slot >= 0) { _entries[_index[slot]].Value = value; Version++; return; }
        if (_used >= _entries.Length) { Resize(); slot = FindSlot(ts, key, hash); }
        slot = -1 - slot;
        _entries[_used] = new Entry { Hash = hash, Key = key, Value = value };
        _index[slot] = _used++;
        _count++;
        Version++;
    }

    PyObject? RemoveAt(int slot)
    {
        int ix = _index[slot];
        var v = _entries[ix].Value;
        _entries[ix] = default;
        _index[slot] = Dummy;
        _count--;
        Version++;
        return v;
    }

    // ---------------- API for C# code ----------------

    public PyObject? GetItem(ThreadState ts, PyObject key)
    {
        int slot = FindSlot(ts, key, KeyHash(ts, key));
        return slot >= 0 ? _entries[_index[slot]].Value : null;
    }

    public void SetItem(ThreadState ts, PyObject key, PyObject value) => Insert(ts, key, KeyHash(ts, key), value);

    /// <summary>Removes `key`; returns its value or null if it was missing.</summary>
    public PyObject? Pop(ThreadState ts, PyObject key)
    {
        int slot = FindSlot(ts, key, KeyHash(ts, key));
        return slot >= 0 ? RemoveAt(slot) : null;
    }

    public bool ContainsKey(ThreadState ts, PyObject key) => FindSlot(ts, key, KeyHash(ts, key)) >= 0;

    // str-keyed helpers (namespaces): a non-str key with an equal hash is never __eq__-compared here.
    public PyObject? GetStr(PyStr key)
    {
        int slot = FindSlot(null, key, key.GetHash());
        return slot >= 0 ? _entries[_index[slot]].Value : null;
    }
    public PyObject? GetStr(string key) => GetStr(PyStr.Intern(key));

    /// <summary>GetStr with a caller-kept guess of the entry index (an attribute inline cache):
    /// a hit when that entry holds this very key object, else a normal lookup that updates it.</summary>
    public PyObject? GetStrHinted(PyStr key, ref int hint)
    {
        int h = hint;
        var entries = _entries;
        if ((uint)h < (uint)_used && (object?)entries[h].Key == key) return entries[h].Value;
        int slot = FindSlot(null, key, key.GetHash());
        if (slot < 0) return null;
        int ix = _index[slot];
        hint = ix;
        return _entries[ix].Value;
    }

    /// <summary>SetStr with an entry-index guess, as GetStrHinted.</summary>
    public void SetStrHinted(PyStr key, PyObject value, ref int hint)
    {
        int h = hint;
        var entries = _entries;
        if ((uint)h < (uint)_used && (object?)entries[h].Key == key) { entries[h].Value = value; Version++; return; }
        Insert(null, key, key.GetHash(), value);
        int slot = FindSlot(null, key, key.GetHash());
        if (slot >= 0) hint = _index[slot];
    }
    public void SetStr(PyStr key, PyObject value) => Insert(null, key, key.GetHash(), value);
    public void SetStr(string key, PyObject value) => SetStr(PyStr.Intern(key), value);
    public bool ContainsStr(string key) => GetStr(key) != null;
    public bool RemoveStr(PyStr key)
    {
        int slot = FindSlot(null, key, key.GetHash());
        if (slot < 0) return false;
        RemoveAt(slot);
        return true;
    }

    public void Clear()
    {
        _index = NewIndex(8); _entries = new Entry[5]; _used = 0; _count = 0; Version++;
    }

    /// <summary>Key/value pairs in insertion order (a snapshot-safe walk: stops at changes in size).</summary>
    public IEnumerable<(PyObject Key, PyObject Value)> Items()
    {
        for (int i = 0; i < _used; i++)
        {
            var e = _entries[i];
            if (e.Key != null) yield return (e.Key, e.Value!);
        }
    }

    /// <summary>The entry at position `pos` or later; advances pos. For iterators.</summary>
    public bool NextEntry(ref int pos, out PyObject key, out PyObject value)
    {
        while (pos < _used)
        {
            var e = _entries[pos++];
            if (e.Key != null) { key = e.Key; value = e.Value!; return true; }
        }
        key = null!; value = null!;
        return false;
    }

    /// <summary>Removes and returns the last entry (popitem); false when empty.</summary>
    public bool PopLast(out PyObject key, out PyObject value)
    {
        for (int i = _used - 1; i >= 0; i--)
        {
            var e = _entries[i];
            if (e.Key == null) continue;
            key = e.Key; value = e.Value!;
            int slot = FindSlot(null, e.Key, e.Hash);
            // the entry is found by identity, so no Python code runs here
            RemoveAt(slot);
            _used = i;
            return true;
        }
        key = null!; value = null!;
        return false;
    }

    /// <summary>The entry at `pos` or earlier, walking backwards; moves pos. For reversed().</summary>
    public bool PrevEntry(ref int pos, out PyObject key, out PyObject value)
    {
        if (pos >= _used) pos = _used - 1;
        while (pos >= 0)
        {
            var e = _entries[pos--];
            if (e.Key != null) { key = e.Key; value = e.Value!; return true; }
        }
        key = null!; value = null!;
        return false;
    }

    /// <summary>Index just past the last entry slot (for reverse iteration).</summary>
    public int EntryEnd => _used;

    /// <summary>Inserts with a hash already known (copying from another dict or a set).</summary>
    public void SetItemWithHash(ThreadState ts, PyObject key, long hash, PyObject value) => Insert(ts, key, hash, value);

    /// <summary>Entries with their stored hashes (a snapshot-safe walk, as Items()).</summary>
    public IEnumerable<(PyObject Key, long Hash, PyObject Value)> Entries()
    {
        for (int i = 0; i < _used; i++)
        {
            var e = _entries[i];
            if (e.Key != null) yield return (e.Key, e.Hash, e.Value!);
        }
    }

    public PyDict Copy()
    {
        var d = new PyDict();
        for (int i = 0; i < _used; i++)
        {
            var e = _entries[i];
            if (e.Key != null) d.Insert(null, e.Key, e.Hash, e.Value!);
        }
        return d;
    }

    public void Update(ThreadState ts, PyDict other)
    {
        if (other == this) return;
        for (int i = 0; i < other._used; i++)
        {
            var e = other._entries[i];
            if (e.Key != null) Insert(ts, e.Key, e.Hash, e.Value!);
        }
    }

    // ---------------- Python-visible members ----------------

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyDict(cls);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var d = (PyDict)self;
        int nkw = kwnames?.Items.Length ?? 0;
        int npos = args.Length - nkw;
        if (npos > 1) throw PyExc.TypeError($"dict expected at most 1 argument, got {npos}");
        if (npos == 1) UpdateFrom(ts, d, args[0]);
        for (int i = 0; i < nkw; i++) d.SetItem(ts, kwnames!.Items[i], args[npos + i]);
    }

    static readonly PyStr s_keys = PyStr.Intern("keys");

    /// <summary>dict.update(src) / dict(src): a dict, a mapping (has keys()), or an iterable of pairs.</summary>
    public static void UpdateFrom(ThreadState ts, PyDict d, PyObject src)
    {
        if (src is PyDict other && other.Type.Iter == TypeObjects.Dict.Iter) { d.Update(ts, other); return; }
        var keys = Ops.GetAttrOrNull(ts, src, s_keys);
        if (keys != null)
        {
            var it = Ops.GetIter(ts, Ops.Call(ts, keys));
            while (Ops.Next(ts, it) is PyObject k) d.SetItem(ts, k, Ops.GetItem(ts, src, k));
            return;
        }
        UpdateFromPairs(ts, d, src);
    }

    /// <summary>Element `index` of a dict(...)/update() sequence as its key and value, with
    /// CPython's messages for an element that is not a pair.</summary>
    internal static void PairOfUpdateSequence(ThreadState ts, PyObject item, int index, out PyObject k, out PyObject v)
    {
        if (item is PyTuple t && t.Items.Length == 2) { k = t.Items[0]; v = t.Items[1]; }
        else
        {
            if (item.Type.Iter == null && item.Type.GetItem == null)
                throw PyExc.TypeError($"cannot convert dictionary update sequence element #{index} to a sequence");
            var pair = Ops.ToArray(ts, item);
            if (pair.Length != 2) throw PyExc.ValueError($"dictionary update sequence element #{index} has length {pair.Length}; 2 is required");
            k = pair[0]; v = pair[1];
        }
    }

    static void UpdateFromPairs(ThreadState ts, PyDict d, PyObject src)
    {
        var it = Ops.GetIter(ts, src);
        int n = 0;
        while (Ops.Next(ts, it) is PyObject item)
        {
            PairOfUpdateSequence(ts, item, n, out var k, out var v);
            d.SetItem(ts, k, v);
            n++;
        }
    }

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyDict)self)._count;

    static readonly PyStr s_missing = PyStr.Intern("__missing__");

    [PySlot("__getitem__")]
    static PyObject GetItemSlot(ThreadState ts, PyObject self, PyObject key)
    {
        var d = (PyDict)self;
        var v = d.GetItem(ts, key);
        if (v != null) return v;
        if (d.Type != TypeObjects.Dict && d.Type.Lookup(s_missing) is PyObject missing)
            return SlotDefs.CallBound(ts, missing, d, key);
        throw PyExc.KeyError(key);
    }

    [PySlot("__setitem__", "__delitem__")]
    static void SetItemSlot(ThreadState ts, PyObject self, PyObject key, PyObject? value)
    {
        var d = (PyDict)self;
        if (value != null) d.SetItem(ts, key, value);
        else if (d.Pop(ts, key) == null) throw PyExc.KeyError(key);
    }

    [PySlot("__contains__")] static bool Contains(ThreadState ts, PyObject self, PyObject key) => ((PyDict)self).ContainsKey(ts, key);

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => new PyDictIterator((PyDict)self, PyDictIterator.Kind.Keys, false);

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var d = (PyDict)self;
        if (d._count == 0) return PyStr.Intern("{}");
        if (!ts.EnterRepr(d)) return PyStr.Intern("{...}");
        try
        {
            var sb = new StringBuilder("{");
            bool first = true;
            foreach (var (k, v) in d.Items())
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(Ops.ReprString(ts, k)).Append(": ").Append(Ops.ReprString(ts, v));
            }
            return new PyStr(sb.Append('}').ToString());
        }
        finally { ts.LeaveRepr(d); }
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyDict x || b is not PyDict y || (op != CompareOp.Eq && op != CompareOp.Ne)) return PyNotImplemented.Value;
        bool eq = x._count == y._count;
        if (eq)
            foreach (var (k, v) in x.Items())
            {
                var w = y.GetItem(ts, k);
                if (w == null || !Ops.Equal(ts, v, w)) { eq = false; break; }
            }
        return PyBool.From(op == CompareOp.Eq ? eq : !eq);
    }

    /// <summary>d | other: a new (exact) dict; only between dicts.</summary>
    [PySlot("__or__", "__ror__")]
    static PyObject Or(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is not PyDict x || b is not PyDict y) return PyNotImplemented.Value;
        var r = x.Copy();
        r.Update(ts, y);
        return r;
    }

    /// <summary>d |= other accepts anything dict.update accepts.</summary>
    [PySlot("__ior__")]
    static PyObject IOr(ThreadState ts, PyObject a, PyObject b)
    {
        UpdateFrom(ts, (PyDict)a, b);
        return a;
    }

    public static void InitType(PyType t) => t.Namespace.SetStr("__hash__", PyNone.Value);

    [PyMethod]
    static PyObject get(ThreadState ts, PyDict self, PyObject key, PyObject? @default = null)
        => self.GetItem(ts, key) ?? @default ?? PyNone.Value;

    [PyMethod] static PyObject keys(ThreadState ts, PyDict self) => new PyDictKeys(self);
    [PyMethod] static PyObject values(ThreadState ts, PyDict self) => new PyDictValues(self);
    [PyMethod] static PyObject items(ThreadState ts, PyDict self) => new PyDictItems(self);

    [PyMethod]
    static PyObject pop(ThreadState ts, PyDict self, PyObject key, PyObject? @default = null)
        => self.Pop(ts, key) ?? @default ?? throw PyExc.KeyError(key);

    [PyMethod]
    static PyObject popitem(ThreadState ts, PyDict self)
    {
        if (!self.PopLast(out var k, out var v)) throw PyExc.KeyError(new PyStr("popitem(): dictionary is empty"));
        return PyTuple.Of(k, v);
    }

    [PyMethod]
    static PyObject setdefault(ThreadState ts, PyDict self, PyObject key, PyObject? @default = null)
    {
        long hash = Ops.Hash(ts, key);
        int slot = self.FindSlot(ts, key, hash);
        if (slot >= 0) return self._entries[self._index[slot]].Value!;
        var v = @default ?? PyNone.Value;
        self.Insert(ts, key, hash, v);
        return v;
    }

    [PyMethod]
    static void update(ThreadState ts, PyDict self, [PyKwArgs] PyDict kwargs, params PyObject[] args)
    {
        if (args.Length > 1) throw PyExc.TypeError($"update expected at most 1 argument, got {args.Length}");
        if (args.Length == 1) UpdateFrom(ts, self, args[0]);
        if (kwargs.Count > 0) self.Update(ts, kwargs);
    }

    [PyClassMethod]
    static PyObject fromkeys(ThreadState ts, PyType cls, PyObject iterable, PyObject? value = null)
    {
        value ??= PyNone.Value;
        var d = Ops.Call(ts, cls);
        if (d is PyDict exact && d.Type == TypeObjects.Dict)
        {
            if (iterable is PyDict src && src.Type == TypeObjects.Dict)
            {
                foreach (var (k, h, _) in src.Entries()) exact.Insert(ts, k, h, value);
                return d;
            }
            if (iterable is PyAnySet set && (set.Type == PySet.TypeObject || set.Type == PyFrozenSet.TypeObject))
            {
                foreach (var (k, h) in set.Entries()) exact.Insert(ts, k, h, value);
                return d;
            }
        }
        var it = Ops.GetIter(ts, iterable);
        while (Ops.Next(ts, it) is PyObject k) Ops.SetItem(ts, d, k, value);
        return d;
    }

    [PyMethod] static PyObject copy(ThreadState ts, PyDict self) => self.Copy();
    [PyMethod] static void clear(ThreadState ts, PyDict self) => self.Clear();
    [PyMethod] static PyObject __reversed__(ThreadState ts, PyDict self) => new PyDictIterator(self, PyDictIterator.Kind.Keys, true);
    [PyMethod] static long __sizeof__(ThreadState ts, PyDict self) => 48 + 8L * self._index.Length + 24L * self._entries.Length;
    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => PyList.GenericAlias(ts, cls, item);
}
