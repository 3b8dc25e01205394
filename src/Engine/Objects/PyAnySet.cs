#nullable enable
using System.Text;
using System;
namespace StacklessIron.Objects;

/// <summary>
/// What set and frozenset share (CPython's PyAnySet): the open-addressing hash table and the
/// read-only operations. The table follows CPython 3.11's layout rules (8 slots to start,
/// 9 linear probes then perturbation, growth when 60% full counting deleted slots, the same
/// resize sizes) so iteration order matches CPython's, e.g. `{1000, 10, 100}`.
/// Members shared by both types are declared here and installed into each type by InitType.
/// </summary>
public abstract class PyAnySet : PyObject
{
    const int MinSize = 8, LinearProbes = 9, PerturbShift = 5;
    /// <summary>Marks a deleted slot (its stored hash is -1, which no real hash is).</summary>
    static readonly PyObject Dummy = PyEllipsis.Value;

    PyObject?[] _keys = new PyObject?[MinSize];
    long[] _hashes = new long[MinSize];
    int _mask = MinSize - 1;
    int _fill;      // active + deleted slots
    int _used;      // active slots
    int _finger;    // where pop() searches next
    PyDict? _dict;  // instance dict of subclass instances

    protected PyAnySet(PyType type) : base(type)
    {
        if (type.IsHeapType && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    public int Count => _used;

    // ---------------- the table ----------------

    /// <summary>Elements compare by identity, then exact-str value, then __eq__ (which may
    /// change this set: the search then starts over).</summary>
    int Lookup(ThreadState ts, PyObject key, long hash)
    {
    restart:
        var keys = _keys;
        int mask = _mask;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            int j = i;
            do
            {
                var k = keys[j];
                if (k == null) return -1 - j;
                if (_hashes[j] == hash)
                {
                    if (k == key) return j;
                    if (k is PyStr a && key is PyStr b && k.Type == TypeObjects.Str && key.Type == TypeObjects.Str)
                    {
                        if (a.Value == b.Value) return j;
                    }
                    else
                    {
                        bool eq = Ops.RichCompareBool(ts, k, key, CompareOp.Eq);
                        if (keys != _keys || _keys[j] != k) goto restart;
                        if (eq) return j;
                    }
                }
                j++;
            } while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    /// <summary>Adds key (hash known); false when an equal element was already there.</summary>
    public bool AddEntry(ThreadState ts, PyObject key, long hash)
    {
    restart:
        var keys = _keys;
        int mask = _mask;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        int freeSlot = -1;
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            int j = i;
            do
            {
                var k = keys[j];
                if (k == null)
                {
                    if (freeSlot >= 0) { _keys[freeSlot] = key; _hashes[freeSlot] = hash; _used++; return true; }
                    _keys[j] = key; _hashes[j] = hash; _fill++; _used++;
                    if ((long)_fill * 5 >= (long)mask * 3) Resize(_used > 50000 ? _used * 2 : _used * 4);
                    return true;
                }
                long h = _hashes[j];
                if (h == hash)
                {
                    if (k == key) return false;
                    if (k is PyStr a && key is PyStr b && k.Type == TypeObjects.Str && key.Type == TypeObjects.Str)
                    {
                        if (a.Value == b.Value) return false;
                    }
                    else
                    {
                        bool eq = Ops.RichCompareBool(ts, k, key, CompareOp.Eq);
                        if (eq) return false;
                        if (keys != _keys || _keys[j] != k) goto restart;
                    }
                }
                else if (h == -1 && k == Dummy) freeSlot = j;
                j++;
            } while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    static void InsertClean(PyObject?[] keys, long[] hashes, int mask, PyObject key, long hash)
    {
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            if (keys[i] == null) { keys[i] = key; hashes[i] = hash; return; }
            if (i + LinearProbes <= mask)
                for (int j = 1; j <= LinearProbes; j++)
                    if (keys[i + j] == null) { keys[i + j] = key; hashes[i + j] = hash; return; }
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    /// <summary>A new table with more than `minUsed` slots; deleted slots are dropped.</summary>
    void Resize(long minUsed)
    {
        long size = MinSize;
        while (size <= minUsed) size <<= 1;
        if (size > Array.MaxLength) throw PyExc.MemoryError();
        var oldKeys = _keys; var oldHashes = _hashes;
        var keys = new PyObject?[size];
        var hashes = new long[size];
        int mask = (int)size - 1;
        for (int i = 0; i < oldKeys.Length; i++)
        {
            var k = oldKeys[i];
            if (k != null && !(k == Dummy && oldHashes[i] == -1)) InsertClean(keys, hashes, mask, k, oldHashes[i]);
        }
        _keys = keys; _hashes = hashes; _mask = mask;
        _fill = _used;
    }

    bool IsActive(int i) => _keys[i] is PyObject k && !(_hashes[i] == -1 && k == Dummy);

    void DeleteAt(int i)
    {
        _keys[i] = Dummy; _hashes[i] = -1; _used--;
    }

    /// <summary>Removes the element equal to key (hash known); false when absent.</summary>
    public bool DiscardEntry(ThreadState ts, PyObject key, long hash)
    {
        int i = Lookup(ts, key, hash);
        if (i < 0) return false;
        DeleteAt(i);
        return true;
    }

    public bool ContainsEntry(ThreadState ts, PyObject key, long hash) => Lookup(ts, key, hash) >= 0;

    public void ClearTable()
    {
        _keys = new PyObject?[MinSize]; _hashes = new long[MinSize]; _mask = MinSize - 1; _fill = _used = 0;
    }

    /// <summary>The next active slot at or after pos (pos moves past it); for iterators.</summary>
    public bool NextEntry(ref int pos, out PyObject key, out long hash)
    {
        while (pos <= _mask)
        {
            int i = pos++;
            if (IsActive(i)) { key = _keys[i]!; hash = _hashes[i]; return true; }
        }
        key = null!; hash = 0;
        return false;
    }

    /// <summary>Elements with their hashes in table order (stops cleanly if the table changes).</summary>
    public IEnumerable<(PyObject Key, long Hash)> Entries()
    {
        int pos = 0;
        while (NextEntry(ref pos, out var k, out var h)) yield return (k, h);
    }

    public PyObject[] ToArray()
    {
        var r = new PyObject[_used];
        int n = 0;
        foreach (var (k, _) in Entries()) { if (n == r.Length) break; r[n++] = k; }
        return n == r.Length ? r : r[..n];
    }

    // ---------------- building ----------------

    public void AddKey(ThreadState ts, PyObject key) => AddEntry(ts, key, Ops.Hash(ts, key));

    /// <summary>Adds every element of `other` (CPython's set_merge: one resize up front, and
    /// a plain slot copy into an empty table of the same size).</summary>
    void Merge(ThreadState ts, PyAnySet other)
    {
        if (other == this || other._used == 0) return;
        if ((long)(_fill + other._used) * 5 >= (long)_mask * 3) Resize(((long)_used + other._used) * 2);
        if (_fill == 0 && _mask == other._mask && other._fill == other._used)
        {
            Array.Copy(other._keys, _keys, _keys.Length);
            Array.Copy(other._hashes, _hashes, _hashes.Length);
            _fill = other._fill; _used = other._used;
            return;
        }
        if (_fill == 0)
        {
            foreach (var (k, h) in other.Entries()) InsertClean(_keys, _hashes, _mask, k, h);
            _fill = _used = other._used;
            return;
        }
        foreach (var (k, h) in other.Entries()) AddEntry(ts, k, h);
    }

    /// <summary>set.update(iterable) for one argument.</summary>
    public void UpdateFrom(ThreadState ts, PyObject other)
    {
        if (other is PyAnySet s) { Merge(ts, s); return; }
        if (other is PyDict d && d.Type == TypeObjects.Dict)
        {
            if ((long)(_fill + d.Count) * 5 >= (long)_mask * 3) Resize(((long)_used + d.Count) * 2);
            foreach (var (k, h, _) in d.Entries()) AddEntry(ts, k, h);
            return;
        }
        var it = Ops.GetIter(ts, other);
        while (Ops.Next(ts, it) is PyObject x) AddKey(ts, x);
    }

    /// <summary>An empty set of the base type of `like` (set or frozenset), as results of operators are.</summary>
    public static PyAnySet NewBaseType(PyAnySet like) => like is PyFrozenSet ? new PyFrozenSet() : new PySet();

    /// <summary>A copy whose type is set or frozenset (frozenset's copy of itself is itself).</summary>
    public PyAnySet CopyBase(ThreadState ts)
    {
        if (this is PyFrozenSet && Type == PyFrozenSet.TypeObject) return this;
        var r = NewBaseType(this);
        r.Merge(ts, this);
        return r;
    }

    void SwapBodies(PyAnySet other)
    {
        (_keys, other._keys) = (other._keys, _keys);
        (_hashes, other._hashes) = (other._hashes, _hashes);
        (_mask, other._mask) = (other._mask, _mask);
        (_fill, other._fill) = (other._fill, _fill);
        (_used, other._used) = (other._used, _used);
    }

    // ---------------- element lookups with the set-as-key retry ----------------

    /// <summary>Hash of an element to look up; an unhashable set is looked up as a frozenset.</summary>
    public static PyObject LookupKey(ThreadState ts, PyObject key, out long hash)
    {
        try { hash = Ops.Hash(ts, key); return key; }
        catch (PyException e) when (key is PySet s && e.Matches(ExceptionTypes.TypeError))
        {
            var f = new PyFrozenSet();
            f.Merge(ts, s);
            hash = Ops.Hash(ts, f);
            return f;
        }
    }

    public bool ContainsKey(ThreadState ts, PyObject key)
    {
        var k = LookupKey(ts, key, out long h);
        return ContainsEntry(ts, k, h);
    }

    public bool DiscardKey(ThreadState ts, PyObject key)
    {
        var k = LookupKey(ts, key, out long h);
        return DiscardEntry(ts, k, h);
    }

    // ---------------- algorithms (CPython's order of work, so results iterate alike) ----------------

    public PyAnySet Intersection(ThreadState ts, PyObject other)
    {
        if (other == this) return CopyBase(ts);
        var result = NewBaseType(this);
        if (other is PyAnySet o)
        {
            PyAnySet big = this, small = o;
            if (o.Count > Count) { big = o; small = this; }
            foreach (var (k, h) in small.Entries())
                if (big.ContainsEntry(ts, k, h)) result.AddEntry(ts, k, h);
            return result;
        }
        var it = Ops.GetIter(ts, other);
        while (Ops.Next(ts, it) is PyObject x)
        {
            long h = Ops.Hash(ts, x);
            if (ContainsEntry(ts, x, h)) result.AddEntry(ts, x, h);
        }
        return result;
    }

    public void IntersectionUpdate(ThreadState ts, PyObject other) => SwapBodies(Intersection(ts, other));

    public void DifferenceUpdate(ThreadState ts, PyObject other)
    {
        if (other == this) { ClearTable(); return; }
        if (other is PyAnySet o)
            foreach (var (k, h) in o.Entries()) DiscardEntry(ts, k, h);
        else
        {
            var it = Ops.GetIter(ts, other);
            while (Ops.Next(ts, it) is PyObject x) DiscardKey(ts, x);
        }
        // more than a quarter of the slots deleted: rebuild without them
        if (_fill - _used > _mask / 4) Resize(_used > 50000 ? _used * 2 : _used * 4);
    }

    public PyAnySet Difference(ThreadState ts, PyObject other)
    {
        long otherSize;
        if (other is PyAnySet os) otherSize = os.Count;
        else if (other is PyDict od && od.Type == TypeObjects.Dict) otherSize = od.Count;
        else return CopyAndDifference(ts, other);
        if ((Count >> 2) > otherSize) return CopyAndDifference(ts, other);
        var result = NewBaseType(this);
        if (other is PyDict d)
        {
            foreach (var (k, h) in Entries())
                if (!d.ContainsKey(ts, k)) result.AddEntry(ts, k, h);
            return result;
        }
        var o = (PyAnySet)other;
        foreach (var (k, h) in Entries())
            if (!o.ContainsEntry(ts, k, h)) result.AddEntry(ts, k, h);
        return result;
    }

    PyAnySet CopyAndDifference(ThreadState ts, PyObject other)
    {
        var r = NewBaseType(this);
        r.Merge(ts, this);
        r.DifferenceUpdate(ts, other);
        return r;
    }

    public void SymmetricDifferenceUpdate(ThreadState ts, PyObject other)
    {
        if (other == this) { ClearTable(); return; }
        if (other is PyDict d && d.Type == TypeObjects.Dict)
        {
            foreach (var (k, h, _) in d.Entries())
                if (!DiscardEntry(ts, k, h)) AddEntry(ts, k, h);
            return;
        }
        PyAnySet o;
        if (other is PyAnySet s) o = s;
        else { o = NewBaseType(this); o.UpdateFrom(ts, other); }
        foreach (var (k, h) in o.Entries())
            if (!DiscardEntry(ts, k, h)) AddEntry(ts, k, h);
    }

    public PyAnySet SymmetricDifference(ThreadState ts, PyObject other)
    {
        var r = NewBaseType(this);
        r.UpdateFrom(ts, other);
        r.SymmetricDifferenceUpdate(ts, this);
        return r;
    }

    public PyAnySet Union(ThreadState ts, PyObject other)
    {
        var r = NewBaseType(this);
        r.Merge(ts, this);
        if (other != this) r.UpdateFrom(ts, other);
        return r;
    }

    public bool IsSubset(ThreadState ts, PyObject other)
    {
        if (other is not PyAnySet o)
        {
            o = new PySet();
            o.UpdateFrom(ts, other);
        }
        if (Count > o.Count) return false;
        foreach (var (k, h) in Entries())
            if (!o.ContainsEntry(ts, k, h)) return false;
        return true;
    }

    public bool IsSuperset(ThreadState ts, PyObject other)
    {
        if (other is PyAnySet o) return o.IsSubset(ts, this);
        var it = Ops.GetIter(ts, other);
        while (Ops.Next(ts, it) is PyObject x)
            if (!ContainsKey(ts, x)) return false;
        return true;
    }

    public bool IsDisjoint(ThreadState ts, PyObject other)
    {
        if (other == this) return Count == 0;
        if (other is PyAnySet o)
        {
            PyAnySet big = this, small = o;
            if (o.Count > Count) { big = o; small = this; }
            foreach (var (k, h) in small.Entries())
                if (big.ContainsEntry(ts, k, h)) return false;
            return true;
        }
        var it = Ops.GetIter(ts, other);
        while (Ops.Next(ts, it) is PyObject x)
            if (ContainsKey(ts, x)) return false;
        return true;
    }

    /// <summary>Removes and returns an element, searching on from the last pop (CPython's finger).</summary>
    public PyObject Pop()
    {
        if (_used == 0) throw PyExc.KeyError(new PyStr("pop from an empty set"));
        int i = _finger & _mask;
        while (!IsActive(i)) { i++; if (i > _mask) i = 0; }
        var key = _keys[i]!;
        DeleteAt(i);
        _finger = i + 1;
        return key;
    }

    /// <summary>CPython 3.11's frozenset hash: the xor of shuffled element hashes, then mixing.</summary>
    public long ComputeHash()
    {
        static ulong Shuffle(ulong h) => ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
        ulong hash = 0;
        foreach (var (_, h) in Entries()) hash ^= Shuffle((ulong)h);
        hash ^= ((ulong)_used + 1) * 1927868237UL;
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash * 69069U + 907133923UL;
        if (hash == ulong.MaxValue) hash = 590923713UL;
        return (long)hash;
    }

    public long SizeOf() => 200 + (_mask + 1 > MinSize ? 16L * (_mask + 1) : 0);

    // ---------------- members shared by set and frozenset ----------------

    /// <summary>Called from InitType of set and frozenset: installs the shared members.</summary>
    protected static void AddSharedMembers(PyType t)
    {
        NativeMembers.Fill(t, typeof(PyAnySet));
    }

    static PyAnySet Other(PyObject o) => (PyAnySet)o;

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyAnySet)self).Count;
    [PySlot("__contains__")] static bool Contains(ThreadState ts, PyObject self, PyObject key) => ((PyAnySet)self).ContainsKey(ts, key);
    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => new PySetIterator((PyAnySet)self);

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var s = (PyAnySet)self;
        string name = s.Type.Name;
        if (!ts.EnterRepr(s)) return new PyStr(name + "(...)");
        try
        {
            if (s.Count == 0) return new PyStr(name + "()");
            var sb = new StringBuilder();
            bool plainSet = s.Type == PySet.TypeObject;
            sb.Append(plainSet ? "{" : name + "({");
            bool first = true;
            foreach (var k in s.ToArray())
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(Ops.ReprString(ts, k));
            }
            sb.Append(plainSet ? "}" : "})");
            return new PyStr(sb.ToString());
        }
        finally { ts.LeaveRepr(s); }
    }

    /// <summary>Subset/superset order; == also compares sizes (and frozenset hashes) first.</summary>
    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyAnySet v || b is not PyAnySet w) return PyNotImplemented.Value;
        switch (op)
        {
            case CompareOp.Eq: return PyBool.From(v.Count == w.Count && v.IsSubset(ts, w));
            case CompareOp.Ne: return PyBool.From(!(v.Count == w.Count && v.IsSubset(ts, w)));
            case CompareOp.Le: return PyBool.From(v.IsSubset(ts, w));
            case CompareOp.Ge: return PyBool.From(v.IsSuperset(ts, w));
            case CompareOp.Lt: return PyBool.From(v.Count < w.Count && v.IsSubset(ts, w));
            default: return PyBool.From(v.Count > w.Count && v.IsSuperset(ts, w));
        }
    }

    [PySlot("__and__", "__rand__")]
    static PyObject And(ThreadState ts, PyObject a, PyObject b)
        => a is PyAnySet x && b is PyAnySet ? x.Intersection(ts, b) : PyNotImplemented.Value;

    [PySlot("__or__", "__ror__")]
    static PyObject Or(ThreadState ts, PyObject a, PyObject b)
        => a is PyAnySet x && b is PyAnySet ? x.Union(ts, b) : PyNotImplemented.Value;

    [PySlot("__sub__", "__rsub__")]
    static PyObject Sub(ThreadState ts, PyObject a, PyObject b)
        => a is PyAnySet x && b is PyAnySet ? x.Difference(ts, b) : PyNotImplemented.Value;

    [PySlot("__xor__", "__rxor__")]
    static PyObject Xor(ThreadState ts, PyObject a, PyObject b)
        => a is PyAnySet x && b is PyAnySet ? x.SymmetricDifference(ts, b) : PyNotImplemented.Value;

    [PyMethod] static PyObject copy(ThreadState ts, PyAnySet self) => self.CopyBase(ts);

    [PyMethod]
    static PyObject union(ThreadState ts, PyAnySet self, params PyObject[] others)
    {
        var r = NewBaseType(self);
        r.Merge(ts, self);
        foreach (var o in others) if (o != self) r.UpdateFrom(ts, o);
        return r;
    }

    [PyMethod]
    static PyObject intersection(ThreadState ts, PyAnySet self, params PyObject[] others)
    {
        if (others.Length == 0) return self.CopyBase(ts);
        PyAnySet r = self;
        foreach (var o in others) r = r.Intersection(ts, o);
        return r;
    }

    [PyMethod]
    static PyObject difference(ThreadState ts, PyAnySet self, params PyObject[] others)
    {
        if (others.Length == 0) return self.CopyBase(ts);
        var r = self.Difference(ts, others[0]);
        for (int i = 1; i < others.Length; i++) r.DifferenceUpdate(ts, others[i]);
        return r;
    }

    [PyMethod] static PyObject symmetric_difference(ThreadState ts, PyAnySet self, PyObject other) => self.SymmetricDifference(ts, other);
    [PyMethod] static bool issubset(ThreadState ts, PyAnySet self, PyObject other) => self.IsSubset(ts, other);
    [PyMethod] static bool issuperset(ThreadState ts, PyAnySet self, PyObject other) => self.IsSuperset(ts, other);
    [PyMethod] static bool isdisjoint(ThreadState ts, PyAnySet self, PyObject other) => self.IsDisjoint(ts, other);
    [PyMethod] static long __sizeof__(ThreadState ts, PyAnySet self) => self.SizeOf();

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyAnySet self)
        => PyTuple.Of(self.Type, PyTuple.Of(new PyList(self.ToArray())), (PyObject?)self._dict ?? PyNone.Value);

    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => PyList.GenericAlias(ts, cls, item);
}
