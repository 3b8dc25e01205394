#nullable enable
using System.Text;
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
namespace StacklessIron.Objects;

/// <summary>
/// `list`: a growable array (Items[0..Count)). Every operation that may run Python code
/// (__eq__, __index__, a sort key) re-reads Items and Count afterwards, since that code may
/// have changed the list.
/// </summary>
[PyType("list")]
public sealed class PyList : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("list", typeof(PyList));
    public PyObject[] Items;
    public int Count;
    PyDict? _dict;

    public PyList() : base(TypeObject) { Items = Array.Empty<PyObject>(); }
    public PyList(PyObject[] items) : base(TypeObject) { Items = ExactArray(items); Count = items.Length; }
    public PyList(PyType type) : base(type)
    {
        Items = Array.Empty<PyObject>();
        if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    /// <summary>Items is always a PyObject[] itself, never an array of a derived element type
    /// passed in by covariance: Append stores into it without the runtime's covariance check.</summary>
    static PyObject[] ExactArray(PyObject[] items)
    {
        if (items.GetType() == typeof(PyObject[])) return items;
        var copy = new PyObject[items.Length];
        Array.Copy(items, copy, items.Length);
        return copy;
    }

    public void Append(PyObject item)
    {
        var items = Items;
        int n = Count;
        if ((uint)n < (uint)items.Length)
        {
            // a plain store: an object array store would check the element type first (see ExactArray)
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(items), n) = item;
            Count = n + 1;
            return;
        }
        Grow(n + 1);
        Items[Count++] = item;
    }

    void Grow(long need)
    {
        if (need > Array.MaxLength) throw PyExc.MemoryError();
        long n = Math.Max(4, Math.Min((long)Array.MaxLength, Math.Max(need, Items.Length + (Items.Length >> 1) + 4)));
        Array.Resize(ref Items, (int)n);
    }

    public PyObject[] ToArray() => Items.AsSpan(0, Count).ToArray();
    public ReadOnlySpan<PyObject> AsSpan() => Items.AsSpan(0, Count);

    public void Extend(ThreadState ts, PyObject iterable)
    {
        if (iterable is PyList l) { AppendRange(l.Items, l.Count); return; }
        if (iterable is PyTuple t) { AppendRange(t.Items, t.Items.Length); return; }
        if (iterable.Type == TypeObjects.Str) { AppendCodePoints(((PyStr)iterable).Value); return; }
        var it = Ops.GetIter(ts, iterable);
        while (Ops.Next(ts, it) is PyObject x) Append(x);
    }

    /// <summary>list(s), l.extend(s) for an exact str: its one-code-point strs, with the room
    /// made once (the length in UTF-16 units bounds the count) and no iterator object.</summary>
    void AppendCodePoints(string s)
    {
        if (s.Length == 0) return;
        if ((long)Count + s.Length > Items.Length) Grow((long)Count + s.Length);
        ref PyObject dst = ref MemoryMarshal.GetArrayDataReference(Items);
        int n = Count;
        for (int i = 0; i < s.Length; n++)
            Unsafe.Add(ref dst, n) = PyStr.CodePointAt(s, ref i);   // a plain store, as in Append
        Count = n;
    }

    void AppendRange(PyObject[] src, int n)
    {
        if (n == 0) return;
        if ((long)Count + n > Items.Length) Grow((long)Count + n);
        // src may be this list's own array (l.extend(l)): n was read before growing
        Array.Copy(src, 0, Items, Count, n);
        Count += n;
    }

    /// <summary>Replaces items [lo, hi) with `src` (lo <= hi, both within 0..Count).</summary>
    void Replace(int lo, int hi, PyObject[] src)
    {
        int n = src.Length, d = n - (hi - lo);
        if (d > 0 && (long)Count + d > Items.Length) Grow((long)Count + d);
        Array.Copy(Items, hi, Items, hi + d, Count - hi);
        Array.Copy(src, 0, Items, lo, n);
        if (d < 0) Array.Clear(Items, Count + d, -d);
        Count += d;
    }

    void RemoveAt(int i)
    {
        Array.Copy(Items, i + 1, Items, i, Count - i - 1);
        Items[--Count] = null!;
    }

    /// <summary>The items of `v` for slice assignment (CPython's PySequence_Fast).</summary>
    static PyObject[] SequenceFast(ThreadState ts, PyObject v, string message)
    {
        if (v is PyList l) return l.ToArray();
        if (v is PyTuple t) return t.Items;
        if (v.Type.Iter == null && v.Type.GetItem == null) throw PyExc.TypeError(message);
        return Ops.ToArray(ts, v);
    }

    // ---------------- construction ----------------

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyList(cls);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("list() takes no keyword arguments");
        if (args.Length > 1) throw PyExc.TypeError($"list expected at most 1 argument, got {args.Length}");
        var l = (PyList)self;
        if (l.Count > 0) { Array.Clear(l.Items, 0, l.Count); l.Count = 0; }
        if (args.Length == 1) l.Extend(ts, args[0]);
    }

    // ---------------- sequence protocol ----------------

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyList)self).Count;

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var l = (PyList)self;
        if (PySlice.TryIndex(ts, key, out long k))
        {
            if (k < 0) k += l.Count;
            if ((ulong)k >= (ulong)l.Count) throw PyExc.IndexError("list index out of range");
            return l.Items[k];
        }
        if (key is PySlice s)
        {
            long n = s.GetIndices(ts, l.Count, out long start, out _, out long step);
            var r = new PyObject[n];
            if (step == 1) Array.Copy(l.Items, start, r, 0, n);
            else for (long i = 0, j = start; i < n; i++, j += step) r[i] = l.Items[j];
            return new PyList(r);
        }
        throw PyExc.TypeError($"list indices must be integers or slices, not {key.Type.Name}");
    }

    [PySlot("__setitem__", "__delitem__")]
    static void SetItem(ThreadState ts, PyObject self, PyObject key, PyObject? value)
    {
        var l = (PyList)self;
        if (PySlice.TryIndex(ts, key, out long k))
        {
            if (k < 0) k += l.Count;
            if ((ulong)k >= (ulong)l.Count) throw PyExc.IndexError("list assignment index out of range");
            if (value != null) l.Items[k] = value;
            else l.RemoveAt((int)k);
            return;
        }
        if (key is not PySlice s) throw PyExc.TypeError($"list indices must be integers or slices, not {key.Type.Name}");
        s.Unpack(ts, out long start, out long stop, out long step);
        if (step == 1)
        {
            // CPython's list_ass_slice: only start is clipped; stop below start means an empty range
            PyObject[] src = value == null ? Array.Empty<PyObject>() : SequenceFast(ts, value, "can only assign an iterable");
            PySlice.AdjustIndices(l.Count, ref start, ref stop, 1);
            if (stop < start) stop = start;
            l.Replace((int)start, (int)stop, src);
            return;
        }
        long n = PySlice.AdjustIndices(l.Count, ref start, ref stop, step);
        if (value == null)
        {
            if (n <= 0) return;
            if (step < 0) { start = start + step * (n - 1); step = -step; }
            // compact the survivors over the removed positions
            // (counting the removals: start + step * n overflows for a step like sys.maxsize)
            int w = (int)start;
            long removed = 0;
            for (long r = start, next = start; r < l.Count; r++)
            {
                if (r == next && removed < n) { removed++; next += step; continue; }
                l.Items[w++] = l.Items[r];
            }
            Array.Clear(l.Items, w, l.Count - w);
            l.Count = w;
            return;
        }
        var seq = value == l ? l.ToArray() : SequenceFast(ts, value, "must assign iterable to extended slice");
        if (seq.Length != n)
            throw PyExc.ValueError($"attempt to assign sequence of size {seq.Length} to extended slice of size {n}");
        for (long i = 0, j = start; i < n; i++, j += step) l.Items[j] = seq[i];
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => new PyListIterator((PyList)self);

    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject item)
    {
        var l = (PyList)self;
        for (int i = 0; i < l.Count; i++) if (Ops.Equal(ts, l.Items[i], item)) return true;
        return false;
    }

    /// <summary>Lexicographic comparison; the lists are re-read after each __eq__ (it may mutate them).</summary>
    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyList x || b is not PyList y) return PyNotImplemented.Value;
        if ((op == CompareOp.Eq || op == CompareOp.Ne) && x.Count != y.Count) return PyBool.From(op == CompareOp.Ne);
        int i = 0;
        for (; i < x.Count && i < y.Count; i++)
        {
            var p = x.Items[i]; var q = y.Items[i];
            if (p == q) continue;
            if (!Ops.RichCompareBool(ts, p, q, CompareOp.Eq)) break;
        }
        if (i >= x.Count || i >= y.Count) return PyBool.From(Ops.CompareResult(x.Count.CompareTo(y.Count), op));
        if (op == CompareOp.Eq) return PyBool.False;
        if (op == CompareOp.Ne) return PyBool.True;
        return Ops.RichCompare(ts, x.Items[i], y.Items[i], op);
    }

    // ---------------- operators ----------------

    [PySlot("__add__")]
    static PyObject Add(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is PyList x && b is PyList y)
        {
            long n = (long)x.Count + y.Count;
            if (n > Array.MaxLength) throw PyExc.MemoryError();
            var r = new PyObject[n];
            Array.Copy(x.Items, r, x.Count); Array.Copy(y.Items, 0, r, x.Count, y.Count);
            return new PyList(r);
        }
        if (a is PyList) return ConcatFallback(ts, a, b, Add, "list");
        return PyNotImplemented.Value;
    }

    [PySlot("__iadd__")]
    static PyObject IAdd(ThreadState ts, PyObject a, PyObject b) { ((PyList)a).Extend(ts, b); return a; }

    /// <summary>`seq + b` for a b of another type: b's reflected operator gets its turn first,
    /// then CPython's sequence-concat message.</summary>
    public static PyObject ConcatFallback(ThreadState ts, PyObject a, PyObject b, BinarySlot mine, string typeName)
    {
        var slot = b.Type.NumberOps[0];
        if (slot != null && slot != mine)
        {
            var r = slot(ts, a, b);
            if (r != PyNotImplemented.Value) return r;
        }
        throw PyExc.TypeError($"can only concatenate {typeName} (not \"{b.Type.Name}\") to {typeName}");
    }

    /// <summary>The repeat count of `seq * n`: an index clamped like CPython's (huge counts give
    /// OverflowError/MemoryError), or null when `n` is no index.</summary>
    public static long? RepeatCount(ThreadState ts, PyObject n)
    {
        if (n is not PyInt && n.Type.Index == null) return null;
        var i = Ops.Index(ts, n);
        if (!i.FitsLong) throw PyExc.OverflowError($"cannot fit '{n.Type.Name}' into an index-sized integer");
        return Math.Max(0, i.Small);
    }

    /// <summary>`seq * n` when n is no index: the other operand's reflected operator gets its
    /// turn (only when the sequence is on the left: on the right it had it already), then
    /// CPython's sequence-repeat message.</summary>
    public static PyObject RepeatFallback(ThreadState ts, PyObject a, PyObject b, bool seqOnLeft, BinarySlot mine)
    {
        var other = seqOnLeft ? b : a;
        var slot = other.Type.NumberOps[5];
        if (seqOnLeft && slot != null && slot != mine && !IsSequenceRepeat(slot))
        {
            var r = slot(ts, a, b);
            if (r != PyNotImplemented.Value) return r;
        }
        throw PyExc.TypeError($"can't multiply sequence by non-int of type '{other.Type.Name}'");
    }

    /// <summary>A builtin sequence's `*` (CPython's sq_repeat, not a number slot): it never
    /// gets the other sequence's turn, so `[1] * "a"` names str as CPython does.</summary>
    static bool IsSequenceRepeat(BinarySlot slot)
    {
        var t = slot.Method.DeclaringType;
        return t == typeof(PyStr) || t == typeof(PyTuple) || t == typeof(PyList)
            || (t != null && t.IsGenericType && t.GetGenericTypeDefinition() == typeof(PyBytesMethods<>));
    }

    static PyObject[] Repeat(PyObject[] items, int len, long k)
    {
        if (k == 0 || len == 0) return Array.Empty<PyObject>();
        if (k > Array.MaxLength / len) throw PyExc.MemoryError();
        var r = new PyObject[len * k];
        for (long i = 0; i < k; i++) Array.Copy(items, 0, r, i * len, len);
        return r;
    }

    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b)
    {
        bool left = a is PyList;
        var l = left ? (PyList)a : (PyList)b;
        var k = RepeatCount(ts, left ? b : a);
        if (k == null) return RepeatFallback(ts, a, b, left, Mul);
        return new PyList(Repeat(l.Items, l.Count, k.Value));
    }

    [PySlot("__imul__")]
    static PyObject IMul(ThreadState ts, PyObject a, PyObject b)
    {
        var l = (PyList)a;
        var k = RepeatCount(ts, b) ?? throw PyExc.TypeError($"can't multiply sequence by non-int of type '{b.Type.Name}'");
        var r = Repeat(l.Items, l.Count, k);
        l.Items = r; l.Count = r.Length;
        return a;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var l = (PyList)self;
        if (l.Count == 0) return PyStr.Intern("[]");
        if (!ts.EnterRepr(l)) return PyStr.Intern("[...]");
        try
        {
            var sb = new StringBuilder("[");
            for (int i = 0; i < l.Count; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Ops.ReprString(ts, l.Items[i]));
            }
            return new PyStr(sb.Append(']').ToString());
        }
        finally { ts.LeaveRepr(l); }
    }

    public static void InitType(PyType t) => t.Namespace.SetStr("__hash__", PyNone.Value);

    // ---------------- methods ----------------

    [PyMethod] static void append(ThreadState ts, PyList self, PyObject @object) => self.Append(@object);
    [PyMethod]
    static PyObject extend(ThreadState ts, PyList self, PyObject iterable)
    {
        // a generator: the loop runs it, appending each item (no nested loop per item)
        if (iterable is PyGenerator) return new CollectingConsumer(self).Run(ts, iterable);
        self.Extend(ts, iterable);
        return PyNone.Value;
    }
    [PyMethod] static void clear(ThreadState ts, PyList self) { self.Items = Array.Empty<PyObject>(); self.Count = 0; }
    [PyMethod] static PyObject copy(ThreadState ts, PyList self) => new PyList(self.ToArray());
    [PyMethod] static void reverse(ThreadState ts, PyList self) => Array.Reverse(self.Items, 0, self.Count);
    [PyMethod] static PyObject __reversed__(ThreadState ts, PyList self) => new PyListReverseIterator(self);
    [PyMethod] static long __sizeof__(ThreadState ts, PyList self) => 40 + 8L * self.Items.Length;
    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => GenericAlias(ts, cls, item);

    /// <summary>cls[item] for the builtin generics: a types.GenericAlias.</summary>
    public static PyObject GenericAlias(ThreadState ts, PyType cls, PyObject item) => new PyGenericAlias(cls, item);

    [PyMethod]
    static PyObject pop(ThreadState ts, PyList self, long index = -1)
    {
        if (self.Count == 0) throw PyExc.IndexError("pop from empty list");
        if (index < 0) index += self.Count;
        if (index < 0 || index >= self.Count) throw PyExc.IndexError("pop index out of range");
        var v = self.Items[index];
        self.RemoveAt((int)index);
        return v;
    }

    [PyMethod]
    static void insert(ThreadState ts, PyList self, long index, PyObject @object)
    {
        if (index < 0) index = Math.Max(0, index + self.Count);
        if (index > self.Count) index = self.Count;
        self.Append(@object);
        Array.Copy(self.Items, index, self.Items, index + 1, self.Count - 1 - index);
        self.Items[index] = @object;
    }

    [PyMethod]
    static void remove(ThreadState ts, PyList self, PyObject value)
    {
        for (int i = 0; i < self.Count; i++)
        {
            if (!Ops.Equal(ts, self.Items[i], value)) continue;
            if (i < self.Count) self.RemoveAt(i);
            return;
        }
        throw PyExc.ValueError("list.remove(x): x not in list");
    }

    /// <summary>Bounds of index()/count() searches: slice-index semantics (clamped, negatives from the end).</summary>
    public static void SearchBounds(ThreadState ts, PyObject? start, PyObject? stop, long len, out long lo, out long hi)
    {
        lo = start == null ? 0 : SearchIndex(ts, start);
        hi = stop == null ? long.MaxValue : SearchIndex(ts, stop);
        if (lo < 0) { lo += len; if (lo < 0) lo = 0; }
        if (hi < 0) { hi += len; if (hi < 0) hi = 0; }
    }

    static long SearchIndex(ThreadState ts, PyObject v)
    {
        if (v is not PyInt && v.Type.Index == null)
            throw PyExc.TypeError("slice indices must be integers or have an __index__ method");
        return PySlice.ClampedIndex(ts, v);
    }

    [PyMethod]
    static long index(ThreadState ts, PyList self, PyObject value, PyObject? start = null, PyObject? stop = null)
    {
        SearchBounds(ts, start, stop, self.Count, out long lo, out long hi);
        for (long i = lo; i < hi && i < self.Count; i++)
            if (Ops.Equal(ts, self.Items[i], value)) return i;
        throw PyExc.ValueError($"{Ops.ReprString(ts, value)} is not in list");
    }

    [PyMethod]
    static long count(ThreadState ts, PyList self, PyObject value)
    {
        long n = 0;
        for (int i = 0; i < self.Count; i++) if (Ops.Equal(ts, self.Items[i], value)) n++;
        return n;
    }

    [PyMethod]
    static void sort(ThreadState ts, PyList self, [PyKwOnly] PyObject? key = null, PyObject? reverse = null, params PyObject[] positional)
    {
        // a *args catch-all only so that positional use gets CPython's own message
        if (positional.Length > 0) throw PyExc.TypeError("sort() takes no positional arguments");
        bool rev = reverse != null && ReverseFlag(ts, reverse);
        self.Sort(ts, key == PyNone.Value ? null : key, rev);
    }

    /// <summary>sort()'s reverse: an int-like flag (CPython accepts ints only, not any object).</summary>
    static bool ReverseFlag(ThreadState ts, PyObject v)
    {
        if (v is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        if (v is not PyInt && v.Type.Index == null) throw PyExc.TypeError($"'{v.Type.Name}' object cannot be interpreted as an integer");
        return Ops.Index(ts, v).Sign != 0;
    }

    /// <summary>list.sort: the list looks empty while it is sorted, so that changes made by keys
    /// or comparisons are detected ("list modified during sort") instead of corrupting it.</summary>
    static readonly PyObject[] s_sorting = new PyObject[0];

    public void Sort(ThreadState ts, PyObject? key, bool reverse)
    {
        var items = Items;
        int n = Count;
        Items = s_sorting;
        Count = 0;
        PyObject[]? keys = null;
        bool ok = false;
        try
        {
            if (key != null)
            {
                keys = new PyObject[n];
                for (int i = 0; i < n; i++) keys[i] = Ops.Call(ts, key, items[i]);
            }
            // reverse before and after, so equal items keep their order
            if (reverse) { Array.Reverse(items, 0, n); if (keys != null) Array.Reverse(keys, 0, n); }
            var k = keys ?? items;
            if (n < 2 || !ListSort.TrySortSmallInts(k, keys != null ? items : null, n))
                ListSort.Sort(k, keys != null ? items : null, n, ListSort.ChooseCompare(ts, k, n));
            if (reverse) { Array.Reverse(items, 0, n); if (keys != null) Array.Reverse(keys, 0, n); }
            ok = true;
        }
        finally
        {
            bool modified = Count != 0 || Items != s_sorting;
            Items = items;
            Count = n;
            // an error from a key or a comparison wins over the modification report
            if (ok && modified) throw PyExc.ValueError("list modified during sort");
        }
    }
}
