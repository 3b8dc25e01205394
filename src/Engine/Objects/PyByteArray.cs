#nullable enable
using System.Text;
using StacklessIron.Objects.Formatting;
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

/// <summary>`bytearray`: a growable byte buffer (array + count). The methods shared with bytes
/// are in PyBytesMethods&lt;T&gt;; this file holds construction and mutation. (Views do not pin the
/// size: see PyMemoryView.)</summary>
[PyType("bytearray")]
public class PyByteArray : PyObject, IPyBytesLike
{
    public static readonly PyType TypeObject = PyType.Builtin("bytearray", typeof(PyByteArray));

    byte[] _buf;
    int _count;
    PyDict? _dict;

    public PyByteArray(byte[] data) : base(TypeObject) { _buf = data; _count = data.Length; }
    public PyByteArray(PyType type, byte[] data) : base(type)
    {
        _buf = data; _count = data.Length;
        if (type.InstanceHasDict) _dict = new PyDict();
    }
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    public ReadOnlySpan<byte> Span => _buf.AsSpan(0, _count);
    public Span<byte> WritableSpan => _buf.AsSpan(0, _count);
    public ReadOnlyMemory<byte> Memory => _buf.AsMemory(0, _count);
    public int Count => _count;
    public PyObject Make(byte[] data) => new PyByteArray(data);
    public PyObject SameOrCopy() => new PyByteArray(Span.ToArray());

    public override string ToString() => "bytearray(" + Repr.Bytes(Span) + ")";

    public static void InitType(PyType t)
    {
        NativeMembers.Fill(t, typeof(PyBytesMethods<PyByteArray>));
        t.Namespace.SetStr("__hash__", PyNone.Value);
    }

    /// <summary>Replaces bytes [start, start+len) with `data` (the one resizing primitive).</summary>
    public void Splice(int start, int len, ReadOnlySpan<byte> data)
    {
        int newCount = _count - len + data.Length;
        if (newCount > _buf.Length)
        {
            var nb = new byte[Math.Max(newCount, _buf.Length + (_buf.Length >> 1) + 8)];
            _buf.AsSpan(0, start).CopyTo(nb);
            _buf.AsSpan(start + len, _count - start - len).CopyTo(nb.AsSpan(start + data.Length));
            _buf = nb;
        }
        else _buf.AsSpan(start + len, _count - start - len).CopyTo(_buf.AsSpan(start + data.Length));
        data.CopyTo(_buf.AsSpan(start));
        _count = newCount;
    }

    public void Append(byte b) => Splice(_count, 0, stackalloc byte[] { b });

    // ---------------- construction ----------------

    static readonly Signature s_initSig = new("bytearray", new[] { "source", "encoding", "errors" }, 0, 3, 0, false, false);
    static readonly bool[] s_allOptional = { true, true, true };

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => cls == TypeObject ? new PyByteArray(Array.Empty<byte>()) : new PyByteArray(cls, Array.Empty<byte>());

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var ba = (PyByteArray)self;
        var bound = new PyObject?[3];
        s_initSig.Bind(ts, args, kwnames, bound, null, null, s_allOptional);
        var data = PyBytes.FromSource(ts, "bytearray", bound[0], bound[1], bound[2], null);
        ba._buf = data;
        ba._count = data.Length;
    }

    // ---------------- slots ----------------

    [PySlot("__repr__")]
    static PyObject ReprSlot(ThreadState ts, PyObject self)
    {
        var ba = (PyByteArray)self;
        string name = ba.Type == TypeObject ? "bytearray" : ba.Type.Name;
        return new PyStr(name + "(" + Repr.Bytes(ba.Span) + ")");
    }
    [PySlot("__str__")] static PyObject Str(ThreadState ts, PyObject self) => ReprSlot(ts, self);
    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => new PyBytesIterator(self);

    [PySlot("__setitem__", "__delitem__")]
    static void SetItem(ThreadState ts, PyObject self, PyObject key, PyObject? value)
    {
        var ba = (PyByteArray)self;
        if (key is PyInt || key.Type.Index != null)
        {
            var iv = key is PyInt pi ? pi : Ops.Index(ts, key);
            byte b = value == null ? (byte)0 : PyBytes.ByteValue(ts, value);   // the value is checked first
            long k = iv.FitsLong ? iv.Small : long.MaxValue;
            if (k < 0) k += ba._count;
            if (k < 0 || k >= ba._count) throw PyExc.IndexError("bytearray index out of range");
            if (value == null) ba.Splice((int)k, 1, default);
            else ba._buf[k] = b;
            return;
        }
        if (key is not PySlice) throw PyExc.TypeError($"bytearray indices must be integers or slices, not {key.Type.Name}");
        long count = ((PySlice)key).GetIndices(ts, ba._count, out long start, out long stop, out long step);
        byte[] data;
        if (value == null) data = Array.Empty<byte>();
        else if (value == self) data = ba.Span.ToArray();
        else if (PyBytes.TryGetBuffer(value, out var m)) data = m.ToArray();
        else if (value is PyInt || value.Type.Index != null || value is PyStr)
            throw PyExc.TypeError($"can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        else data = PyBytes.FromSource(ts, "bytearray", value, null, null, null);
        if (step == 1)
        {
            if (stop < start) stop = start;
            ba.Splice((int)start, (int)(stop - start), data);
            return;
        }
        if (value == null)
        {
            // Delete an extended slice: keep the bytes not selected.
            var keep = new List<byte>(ba._count);
            var sel = new HashSet<long>();
            for (long i = 0, j = start; i < count; i++, j += step) sel.Add(j);
            for (int i = 0; i < ba._count; i++) if (!sel.Contains(i)) keep.Add(ba._buf[i]);
            if (count > 0) ba.Splice(0, ba._count, keep.ToArray());
            return;
        }
        if (data.Length != count)
            throw PyExc.ValueError($"attempt to assign bytes of size {data.Length} to extended slice of size {count}");
        for (long i = 0, j = start; i < count; i++, j += step) ba._buf[j] = data[i];
    }

    [PySlot("__iadd__")]
    static PyObject IAdd(ThreadState ts, PyObject a, PyObject b)
    {
        var ba = (PyByteArray)a;
        if (!PyBytes.TryGetBuffer(b, out var m)) throw PyExc.TypeError($"can't concat {b.Type.Name} to bytearray");
        var data = m.ToArray();
        ba.Splice(ba._count, 0, data);
        return ba;
    }

    [PySlot("__imul__")]
    static PyObject IMul(ThreadState ts, PyObject a, PyObject b)
    {
        var ba = (PyByteArray)a;
        var k = PyStr.RepeatCount(ts, b);
        if (k == null) return PyNotImplemented.Value;
        var data = PyBytesMethods<PyByteArray>.Repeat(ba.Span, k.Value);
        ba.Splice(0, ba._count, data);
        return ba;
    }

    // ---------------- mutation methods ----------------

    [PyMethod] static void append(ThreadState ts, PyByteArray self, PyObject item) => self.Append(PyBytes.ByteValue(ts, item));

    [PyMethod]
    static void extend(ThreadState ts, PyByteArray self, PyObject iterable_of_ints)
    {
        byte[] data;
        if (PyBytes.TryGetBuffer(iterable_of_ints, out var m)) data = m.ToArray();
        else
        {
            if (iterable_of_ints.Type.Iter == null && iterable_of_ints.Type.GetItem == null)
                throw PyExc.TypeError($"can't extend bytearray with {iterable_of_ints.Type.Name}");
            var list = new List<byte>();
            foreach (var item in Ops.Iterate(ts, iterable_of_ints)) list.Add(PyBytes.ByteValue(ts, item));
            data = list.ToArray();
        }
        self.Splice(self._count, 0, data);
    }

    [PyMethod]
    static void insert(ThreadState ts, PyByteArray self, PyObject index, PyObject item)
    {
        long i = PyStr.SizeArg(ts, index);
        byte b = PyBytes.ByteValue(ts, item);
        if (i < 0) { i += self._count; if (i < 0) i = 0; }
        if (i > self._count) i = self._count;
        self.Splice((int)i, 0, stackalloc byte[] { b });
    }

    [PyMethod]
    static long pop(ThreadState ts, PyByteArray self, PyObject? index = null)
    {
        if (self._count == 0) throw PyExc.IndexError("pop from empty bytearray");
        long i = index == null ? -1 : PyStr.SizeArg(ts, index);
        if (i < 0) i += self._count;
        if (i < 0 || i >= self._count) throw PyExc.IndexError("pop index out of range");
        byte b = self._buf[i];
        self.Splice((int)i, 1, default);
        return b;
    }

    [PyMethod]
    static void remove(ThreadState ts, PyByteArray self, PyObject value)
    {
        byte b = PyBytes.ByteValue(ts, value);
        int k = self.Span.IndexOf(b);
        if (k < 0) throw PyExc.ValueError("value not found in bytearray");
        self.Splice(k, 1, default);
    }

    [PyMethod] static void clear(ThreadState ts, PyByteArray self) => self.Splice(0, self._count, default);
    [PyMethod] static PyObject copy(ThreadState ts, PyByteArray self) => new PyByteArray(self.Span.ToArray());
    [PyMethod] static void reverse(ThreadState ts, PyByteArray self) => self.WritableSpan.Reverse();
    [PyMethod] static long __alloc__(ThreadState ts, PyByteArray self) => self._count == 0 ? 0 : Math.Max(self._buf.Length, self._count + 1);
    [PyMethod] static long __sizeof__(ThreadState ts, PyByteArray self) => 56 + (self._count == 0 ? 0 : Math.Max(self._buf.Length, self._count + 1));

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyByteArray self)
    {
        var state = self._dict is { Count: > 0 } d ? (PyObject)d : PyNone.Value;
        if (self._count == 0) return PyTuple.Of(self.Type, PyTuple.Empty, state);
        var sb = new StringBuilder(self._count);
        foreach (byte b in self.Span) sb.Append((char)b);
        return PyTuple.Of(self.Type, PyTuple.Of(new PyStr(sb.ToString()), new PyStr("latin-1")), state);
    }

    [PyMethod]
    static PyObject __reduce_ex__(ThreadState ts, PyByteArray self, PyObject proto) => __reduce__(ts, self);
}
