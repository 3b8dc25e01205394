#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>`collections.deque`: a ring buffer (power-of-two capacity), so append/pop at both
/// ends are O(1) and indexing is O(1). `State` changes on every structural mutation so that
/// iterators and scans can report "deque mutated during iteration" as CPython does.</summary>
[PyType("deque")]
public class PyDeque : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("deque", typeof(PyDeque), module: "collections");

    PyObject[] _buf = new PyObject[8];
    int _head;
    int _count;
    /// <summary>-1 = unbounded.</summary>
    public long MaxLen = -1;
    public int State;
    PyDict? _dict;

    public PyDeque(PyType type) : base(type)
    {
        if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    public int Count => _count;

    public PyObject this[int i]
    {
        get => _buf[(_head + i) & (_buf.Length - 1)];
        set => _buf[(_head + i) & (_buf.Length - 1)] = value;
    }

    void Grow()
    {
        if (_buf.Length >= 1 << 30) throw PyExc.MemoryError();
        var nb = new PyObject[_buf.Length * 2];
        for (int i = 0; i < _count; i++) nb[i] = this[i];
        _buf = nb;
        _head = 0;
    }

    public void PushBack(PyObject x)
    {
        if (MaxLen == 0) return;
        if (_count == MaxLen) PopFrontRaw();
        if (_count == _buf.Length) Grow();
        _buf[(_head + _count) & (_buf.Length - 1)] = x;
        _count++;
        State++;
    }

    public void PushFront(PyObject x)
    {
        if (MaxLen == 0) return;
        if (_count == MaxLen) PopBackRaw();
        if (_count == _buf.Length) Grow();
        _head = (_head - 1) & (_buf.Length - 1);
        _buf[_head] = x;
        _count++;
        State++;
    }

    PyObject PopFrontRaw()
    {
        var x = _buf[_head];
        _buf[_head] = null!;
        _head = (_head + 1) & (_buf.Length - 1);
        _count--;
        State++;
        return x;
    }

    PyObject PopBackRaw()
    {
        int i = (_head + _count - 1) & (_buf.Length - 1);
        var x = _buf[i];
        _buf[i] = null!;
        _count--;
        State++;
        return x;
    }

    public PyObject PopFront() => _count == 0 ? throw PyExc.IndexError("pop from an empty deque") : PopFrontRaw();
    public PyObject PopBack() => _count == 0 ? throw PyExc.IndexError("pop from an empty deque") : PopBackRaw();

    public void Clear()
    {
        _buf = new PyObject[8];
        _head = 0;
        _count = 0;
        State++;
    }

    public PyObject[] ToArray()
    {
        var r = new PyObject[_count];
        for (int i = 0; i < _count; i++) r[i] = this[i];
        return r;
    }

    /// <summary>Rotates right by n (left when negative), like deque.rotate.</summary>
    public void Rotate(long n)
    {
        if (_count <= 1) return;
        long k = n % _count;
        if (k < 0) k += _count;
        if (k == 0) return;
        State++;
        if (_count == _buf.Length)
        {
            // Full buffer: moving the head is the whole rotation.
            _head = (int)((_head - k) & (_buf.Length - 1));
            return;
        }
        if (k <= _count / 2)
            for (long i = 0; i < k; i++) { var x = PopBackRaw(); PushFrontRaw(x); }
        else
            for (long i = 0; i < _count - k; i++) { var x = PopFrontRaw(); PushBackRaw(x); }
    }

    void PushFrontRaw(PyObject x) { _head = (_head - 1) & (_buf.Length - 1); _buf[_head] = x; _count++; }
    void PushBackRaw(PyObject x) { _buf[(_head + _count) & (_buf.Length - 1)] = x; _count++; }

    /// <summary>Inserts at position i (0..Count), shifting the shorter side.</summary>
    void InsertAt(int i, PyObject x)
    {
        if (_count == _buf.Length) Grow();
        if (i < _count / 2)
        {
            _head = (_head - 1) & (_buf.Length - 1);
            _count++;
            for (int j = 0; j < i; j++) this[j] = this[j + 1];
        }
        else
        {
            _count++;
            for (int j = _count - 1; j > i; j--) this[j] = this[j - 1];
        }
        this[i] = x;
        State++;
    }

    public void RemoveAt(int i)
    {
        if (i < _count / 2)
        {
            for (int j = i; j > 0; j--) this[j] = this[j - 1];
            PopFrontRaw();
        }
        else
        {
            for (int j = i; j < _count - 1; j++) this[j] = this[j + 1];
            PopBackRaw();
        }
    }

    public void Extend(ThreadState ts, PyObject iterable)
    {
        if (iterable == this) iterable = new PyList(ToArray());
        if (iterable is PyList l && l.Type == PyList.TypeObject) { foreach (var x in l.ToArray()) PushBack(x); return; }
        if (iterable is PyTuple t) { foreach (var x in t.Items) PushBack(x); return; }
        var it = Ops.GetIter(ts, iterable);
        while (Ops.Next(ts, it) is PyObject x) PushBack(x);
    }

    public void ExtendLeft(ThreadState ts, PyObject iterable)
    {
        if (iterable == this) iterable = new PyList(ToArray());
        var it = Ops.GetIter(ts, iterable);
        while (Ops.Next(ts, it) is PyObject x) PushFront(x);
    }

    // ---------------- construction ----------------

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyDeque(cls);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var d = (PyDeque)self;
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        if (args.Length > 2) throw PyExc.TypeError($"deque() takes at most 2 arguments ({args.Length} given)");
        PyObject? iterable = npos > 0 ? args[0] : null, maxlen = npos > 1 ? args[1] : null;
        for (int k = 0; k < nkw; k++)
        {
            string name = Ops.StrValue(kwnames!.Items[k]);
            if (name == "iterable" && npos < 1) iterable = args[npos + k];
            else if (name == "maxlen" && npos < 2) maxlen = args[npos + k];
            else if (name == "iterable" || name == "maxlen")
                throw PyExc.TypeError($"argument for deque() given by name ('{name}') and position ({(name == "iterable" ? 1 : 2)})");
            else throw PyExc.TypeError($"'{name}' is an invalid keyword argument for deque()");
        }
        long ml = -1;
        if (maxlen != null && maxlen != PyNone.Value)
        {
            if (maxlen is not PyInt && maxlen.Type.Index == null) throw PyExc.TypeError("an integer is required");
            var mi = Ops.Index(ts, maxlen);
            if (!mi.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
            ml = mi.Small;
            if (ml < 0) throw PyExc.ValueError("maxlen must be non-negative");
        }
        d.MaxLen = ml;
        if (d._count > 0) d.Clear();
        if (iterable != null) d.Extend(ts, iterable);
    }

    // ---------------- methods ----------------

    [PyMethod] static void append(ThreadState ts, PyDeque self, PyObject x) => self.PushBack(x);
    [PyMethod] static void appendleft(ThreadState ts, PyDeque self, PyObject x) => self.PushFront(x);
    [PyMethod] static PyObject pop(ThreadState ts, PyDeque self) => self.PopBack();
    [PyMethod] static PyObject popleft(ThreadState ts, PyDeque self) => self.PopFront();
    [PyMethod] static void extend(ThreadState ts, PyDeque self, PyObject iterable) => self.Extend(ts, iterable);
    [PyMethod] static void extendleft(ThreadState ts, PyDeque self, PyObject iterable) => self.ExtendLeft(ts, iterable);
    [PyMethod] static void clear(ThreadState ts, PyDeque self) => self.Clear();
    [PyMethod] static void rotate(ThreadState ts, PyDeque self, long n = 1) => self.Rotate(n);

    [PyMethod]
    static void reverse(ThreadState ts, PyDeque self)
    {
        // CPython's reverse swaps in place and leaves running iterators valid.
        for (int i = 0, j = self._count - 1; i < j; i++, j--) (self[i], self[j]) = (self[j], self[i]);
    }

    [PyMethod]
    static long count(ThreadState ts, PyDeque self, PyObject value)
    {
        int state = self.State;
        long n = 0;
        for (int i = 0; i < self._count; i++)
        {
            if (Ops.Equal(ts, self[i], value)) n++;
            if (state != self.State) throw PyExc.RuntimeError("deque mutated during iteration");
        }
        return n;
    }

    [PyMethod]
    static long index(ThreadState ts, PyDeque self, PyObject value, PyObject? start = null, PyObject? stop = null)
    {
        long n = self._count;
        long lo = start == null ? 0 : ClampIndex(ts, start, n), hi = stop == null ? n : ClampIndex(ts, stop, n);
        int state = self.State;
        for (long i = lo; i < hi && i < self._count; i++)
        {
            bool eq = Ops.Equal(ts, self[(int)i], value);
            if (state != self.State) throw PyExc.RuntimeError("deque mutated during iteration");
            if (eq) return i;
        }
        throw PyExc.ValueError(Ops.ReprString(ts, value) + " is not in deque");
    }

    /// <summary>A start/stop of index(): negative counts from the end, then clamped to 0..n.</summary>
    static long ClampIndex(ThreadState ts, PyObject o, long n)
    {
        if (o is not PyInt && o.Type.Index == null)
            throw PyExc.TypeError("slice indices must be integers or have an __index__ method");
        var i = Ops.Index(ts, o);
        long v = i.FitsLong ? i.Small : (i.Sign < 0 ? long.MinValue / 2 : long.MaxValue / 2);
        if (v < 0) { v += n; if (v < 0) v = 0; }
        return Math.Min(v, n);
    }

    [PyMethod]
    static void insert(ThreadState ts, PyDeque self, long index, PyObject value)
    {
        if (self.MaxLen == self._count) throw PyExc.IndexError("deque already at its maximum size");
        long n = self._count;
        if (index < 0) { index += n; if (index < 0) index = 0; }
        if (index > n) index = n;
        self.InsertAt((int)index, value);
    }

    [PyMethod]
    static void remove(ThreadState ts, PyDeque self, PyObject value)
    {
        int state = self.State;
        for (int i = 0; i < self._count; i++)
        {
            bool eq = Ops.Equal(ts, self[i], value);
            if (state != self.State) throw PyExc.IndexError("deque mutated during iteration");
            if (eq) { self.RemoveAt(i); return; }
        }
        throw PyExc.ValueError(Ops.ReprString(ts, value) + " is not in deque");
    }

    public static PyObject Copy(ThreadState ts, PyDeque self)
    {
        if (self.Type == TypeObject)
        {
            var r = new PyDeque(TypeObject) { MaxLen = self.MaxLen };
            for (int i = 0; i < self._count; i++) r.PushBack(self[i]);
            return r;
        }
        return self.MaxLen < 0 ? Ops.Call(ts, self.Type, self) : Ops.Call(ts, self.Type, self, PyInt.From(self.MaxLen));
    }

    [PyMethod] static PyObject copy(ThreadState ts, PyDeque self) => Copy(ts, self);
    [PyMethod] static PyObject __copy__(ThreadState ts, PyDeque self) => Copy(ts, self);

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyDeque self)
    {
        // Like object.__getstate__: the instance dict when it holds anything, else None.
        PyObject state = self.Dict is { Count: > 0 } dict ? dict : PyNone.Value;
        var args = self.MaxLen < 0 ? PyTuple.Empty : PyTuple.Of(PyTuple.Empty, PyInt.From(self.MaxLen));
        return PyTuple.Of(self.Type, args, state, new PyDequeIterator(self, false));
    }

    [PyMethod] static PyObject __reversed__(ThreadState ts, PyDeque self) => new PyDequeIterator(self, true);
    [PyMethod] static long __sizeof__(ThreadState ts, PyDeque self) => 64 + 8L * self._buf.Length;
    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => new PyGenericAlias(cls, item);

    [PyGetter("maxlen")]
    static PyObject GetMaxLen(ThreadState ts, PyObject self)
        => ((PyDeque)self).MaxLen < 0 ? PyNone.Value : PyInt.From(((PyDeque)self).MaxLen);

    public static void InitType(PyType t) => t.Namespace.SetStr("__hash__", PyNone.Value);

    // ---------------- protocols ----------------

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyDeque)self)._count;
    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => new PyDequeIterator((PyDeque)self, false);

    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject item)
    {
        var d = (PyDeque)self;
        int state = d.State;
        for (int i = 0; i < d._count; i++)
        {
            bool eq = Ops.Equal(ts, d[i], item);
            if (state != d.State) throw PyExc.RuntimeError("deque mutated during iteration");
            if (eq) return true;
        }
        return false;
    }

    int CheckedIndex(ThreadState ts, PyObject key)
    {
        if (!PySlice.TryIndex(ts, key, out long k))
            throw PyExc.TypeError($"sequence index must be integer, not '{key.Type.Name}'");
        if (k < 0) k += _count;
        if (k < 0 || k >= _count) throw PyExc.IndexError("deque index out of range");
        return (int)k;
    }

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var d = (PyDeque)self;
        return d[d.CheckedIndex(ts, key)];
    }

    [PySlot("__setitem__", "__delitem__")]
    static void SetItem(ThreadState ts, PyObject self, PyObject key, PyObject? value)
    {
        var d = (PyDeque)self;
        int i = d.CheckedIndex(ts, key);
        if (value != null) d[i] = value;
        else d.RemoveAt(i);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var d = (PyDeque)self;
        if (!ts.EnterRepr(d)) return PyStr.Intern("[...]");
        try
        {
            var sb = new StringBuilder(d.Type.Name).Append('(');
            sb.Append(Ops.ReprString(ts, new PyList(d.ToArray())));
            if (d.MaxLen >= 0) sb.Append(", maxlen=").Append(d.MaxLen);
            return new PyStr(sb.Append(')').ToString());
        }
        finally { ts.LeaveRepr(d); }
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyDeque x || b is not PyDeque y) return PyNotImplemented.Value;
        var xa = x.ToArray(); var ya = y.ToArray();
        return Ops.CompareSequences(ts, xa, xa.Length, ya, ya.Length, op);
    }

    [PySlot("__add__")]
    static PyObject Add(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is not PyDeque x) return PyNotImplemented.Value;
        if (b is not PyDeque) throw PyExc.TypeError($"can only concatenate deque (not \"{b.Type.Name}\") to deque");
        var r = Copy(ts, x);
        if (r is PyDeque rd) rd.Extend(ts, b);
        else Ops.CallMethod(ts, r, "extend", b);
        return r;
    }

    [PySlot("__iadd__")]
    static PyObject IAdd(ThreadState ts, PyObject a, PyObject b)
    {
        ((PyDeque)a).Extend(ts, b);
        return a;
    }

    void RepeatInPlace(long n)
    {
        if (n <= 0 || _count == 0) { if (n <= 0 && _count > 0) Clear(); return; }
        if (n == 1) return;
        var items = ToArray();
        long total = (long)items.Length * n;
        if (MaxLen < 0 && total > int.MaxValue) throw PyExc.MemoryError();
        // Only the last maxlen elements survive: skip the repetitions that would fall off.
        long skip = MaxLen >= 0 && total > MaxLen ? (total - MaxLen) / items.Length : 0;
        for (long r = Math.Max(1, skip); r < n; r++)
            foreach (var x in items) PushBack(x);
    }

    static long RepeatCount(ThreadState ts, PyObject n)
    {
        var i = Ops.Index(ts, n);
        if (!i.FitsLong) throw PyExc.OverflowError("cannot fit 'int' into an index-sized integer");
        return i.Small;
    }

    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b)
    {
        var (d, n) = a is PyDeque x ? (x, b) : (b as PyDeque, a);
        if (d == null || (n is not PyInt && n.Type.Index == null)) return PyNotImplemented.Value;
        long k = RepeatCount(ts, n);
        var r = Copy(ts, d);
        if (r is PyDeque rd) rd.RepeatInPlace(k);
        return r;
    }

    [PySlot("__imul__")]
    static PyObject IMul(ThreadState ts, PyObject a, PyObject b)
    {
        if (b is not PyInt && b.Type.Index == null) return PyNotImplemented.Value;
        ((PyDeque)a).RepeatInPlace(RepeatCount(ts, b));
        return a;
    }
}
