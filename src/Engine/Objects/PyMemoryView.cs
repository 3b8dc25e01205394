#nullable enable
using StacklessIron.Objects.Formatting;
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

/// <summary>`memoryview` (basic): a one-dimensional view of unsigned bytes (format 'B') over a
/// bytes, bytearray or another memoryview, with slicing (contiguous steps only), item access,
/// tobytes/tolist/hex, release and the context-manager protocol. cast() gives one-dimensional
/// views of the native single-item formats (b B c ? h H i I l L q Q n N f d); multi-dimensional
/// shapes are not done.
/// Unlike CPython, a live view does not stop its bytearray from resizing: CPython releases a
/// temporary view (`memoryview(buf)[n:]`) the moment its reference count drops, .NET has no
/// such moment, so counting exports would block resizes forever. A view instead reads the
/// bytearray's current buffer and raises ValueError if it was shrunk below the view's range.</summary>
[PyType("memoryview")]
public sealed class PyMemoryView : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("memoryview", typeof(PyMemoryView), subclassable: false);

    readonly PyObject _obj;     // the exporting object (bytes, bytearray or an IPyBuffer of bytes)
    readonly int _start, _length;   // in bytes
    readonly char _format;          // struct-module item code (native order and size)
    readonly int _itemsize;
    bool _released;

    PyMemoryView(PyObject obj, int start, int length, char format = 'B', int itemsize = 1) : base(TypeObject)
    {
        _obj = obj; _start = start; _length = length; _format = format; _itemsize = itemsize;
    }

    int ItemCount => _length / _itemsize;

    static int ItemSize(char f) => f switch
    {
        'b' or 'B' or 'c' or '?' => 1,
        'h' or 'H' => 2,
        'i' or 'I' or 'f' => 4,
        'l' or 'L' or 'q' or 'Q' or 'n' or 'N' or 'd' => 8,
        _ => 0,
    };

    /// <summary>The item at byte offset `at` as a Python object.</summary>
    PyObject Unpack(ReadOnlySpan<byte> span, int at)
    {
        if (ItemSize(_format) == 0) throw PyExc.NotImplementedError($"memoryview: format {_format} not supported");
        var b = span.Slice(at, _itemsize);
        return _format switch
        {
            'B' => PyInt.From(b[0]),
            'b' => PyInt.From((sbyte)b[0]),
            'c' => PyBytes.From(new[] { b[0] }),
            '?' => PyBool.From(b[0] != 0),
            'h' => PyInt.From(BitConverter.ToInt16(b)),
            'H' => PyInt.From(BitConverter.ToUInt16(b)),
            'i' => PyInt.From(BitConverter.ToInt32(b)),
            'I' => PyInt.From(BitConverter.ToUInt32(b)),
            'l' or 'q' or 'n' => PyInt.From(BitConverter.ToInt64(b)),
            'L' or 'Q' or 'N' => PyInt.From(new System.Numerics.BigInteger(BitConverter.ToUInt64(b))),
            'f' => new PyFloat(BitConverter.ToSingle(b)),
            _ => new PyFloat(BitConverter.ToDouble(b)),
        };
    }

    public bool ReadOnly => _obj is PyBytes || _obj is IPyBuffer { BufferReadOnly: true };

    public ReadOnlyMemory<byte> Memory
    {
        get
        {
            CheckReleased();
            var m = _obj is PyBytes b ? (ReadOnlyMemory<byte>)b.Data : _obj is PyByteArray ba ? ba.Memory : ((IPyBuffer)_obj).BufferMemory;
            if (_start + _length > m.Length) throw PyExc.ValueError("memoryview: the underlying bytearray was resized below the view");
            return m.Slice(_start, _length);
        }
    }

    /// <summary>The view's bytes to write into (readinto() targets); TypeError when read-only.</summary>
    public Span<byte> WritableSpan
    {
        get
        {
            CheckReleased();
            if (ReadOnly) throw PyExc.TypeError("cannot modify read-only memory");
            var whole = WholeWritable;
            if (_start + _length > whole.Length) throw PyExc.ValueError("memoryview: the underlying bytearray was resized below the view");
            return whole.Slice(_start, _length);
        }
    }

    /// <summary>All of a writable exporter's bytes (read fresh: a bytearray or mmap may have been resized).</summary>
    Span<byte> WholeWritable => _obj is PyByteArray ba ? ba.WritableSpan : ((IPyBuffer)_obj).BufferMemory.Span;

    void CheckReleased()
    {
        if (_released) throw PyExc.ValueError("operation forbidden on released memoryview object");
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var sig = new Signature("memoryview", new[] { "object" }, 0, 1, 0, false, false);
        var bound = new PyObject?[1];
        sig.Bind(ts, args, kwnames, bound);
        var o = bound[0]!;
        // a PickleBuffer exports the buffer of the object it wraps
        if (o is PyPickleBuffer pickleBuffer) o = pickleBuffer.Obj;
        return o switch
        {
            PyBytes b => new PyMemoryView(b, 0, b.Data.Length),
            PyByteArray ba => new PyMemoryView(ba, 0, ba.Count),
            PyMemoryView mv => mv.Sub(0, mv._length),
            IPyBuffer pb => new PyMemoryView(o, 0, pb.BufferMemory.Length, pb.BufferFormat, pb.BufferItemSize),
            _ => throw PyExc.TypeError($"memoryview: a bytes-like object is required, not '{o.Type.Name}'"),
        };
    }

    PyMemoryView Sub(int start, int length) { CheckReleased(); return new PyMemoryView(_obj, _start + start, length, _format, _itemsize); }

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) { var m = (PyMemoryView)self; m.CheckReleased(); return m.ItemCount; }

    /// <summary>memoryview.cast(format[, shape]): the same bytes seen as items of another format.
    /// As CPython, one side of the cast must be a byte format.</summary>
    [PyMethod]
    static PyObject cast(ThreadState ts, PyMemoryView self, [PyKeyword] string format, PyObject? shape = null)
    {
        self.CheckReleased();
        string f = format.StartsWith('@') ? format.Substring(1) : format;
        int size = f.Length == 1 ? ItemSize(f[0]) : 0;
        if (size == 0)
            throw PyExc.ValueError("memoryview: destination format must be a native single character format prefixed with an optional '@'");
        bool byteFmt(char c) => c == 'B' || c == 'b' || c == 'c';
        if (!byteFmt(self._format) && !byteFmt(f[0]))
            throw PyExc.TypeError("memoryview: cannot cast between two non-byte formats");
        if (self._length % size != 0)
            throw PyExc.TypeError("memoryview: length is not a multiple of itemsize");
        if (shape != null && shape != PyNone.Value)
        {
            var dims = Ops.ToArray(ts, shape);
            if (dims.Length != 1 || Ops.Index(ts, dims[0]).Small * size != self._length)
                throw PyExc.NotImplementedError("memoryview: only one-dimensional casts of the whole buffer are supported");
        }
        return new PyMemoryView(self._obj, self._start, self._length, f[0], size);
    }

    [PySlot("__repr__")]
    static PyObject ReprSlot(ThreadState ts, PyObject self)
        => new PyStr(((PyMemoryView)self)._released ? $"<released memory at 0x{Ops.Id(self):x}>" : $"<memory at 0x{Ops.Id(self):x}>");

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var m = (PyMemoryView)self;
        var span = m.Memory.Span;
        if (key is PySlice)
        {
            long count = ((PySlice)key).GetIndices(ts, m.ItemCount, out long start, out _, out long step);
            if (count <= 0) return m.Sub(0, 0);
            if (step != 1) throw PyExc.NotImplementedError("memoryview: non-contiguous slices are not supported");
            return m.Sub((int)start * m._itemsize, (int)count * m._itemsize);
        }
        if (key is PyInt || key.Type.Index != null)
        {
            long k = PyStr.SizeArg(ts, key);
            int n = m.ItemCount;
            if (k < 0) k += n;
            if (k < 0 || k >= n) throw PyExc.IndexError("index out of bounds on dimension 1");
            return m.Unpack(span, (int)k * m._itemsize);
        }
        throw PyExc.TypeError("memoryview: invalid slice key");
    }

    [PySlot("__setitem__", "__delitem__")]
    static void SetItem(ThreadState ts, PyObject self, PyObject key, PyObject? value)
    {
        var m = (PyMemoryView)self;
        m.CheckReleased();
        if (m.ReadOnly) throw PyExc.TypeError("cannot modify read-only memory");
        if (value == null) throw PyExc.TypeError("cannot delete memory");
        var whole = m.WholeWritable;
        if (m._start + m._length > whole.Length) throw PyExc.ValueError("memoryview: the underlying bytearray was resized below the view");
        var target = whole.Slice(m._start, m._length);
        if (key is PySlice)
        {
            long count = ((PySlice)key).GetIndices(ts, m.ItemCount, out long start, out _, out long step);
            var data = PyBytes.Buffer(value).ToArray();
            if (data.Length != count * m._itemsize) throw PyExc.ValueError("memoryview assignment: lvalue and rvalue have different structures");
            for (long i = 0, j = start; i < count; i++, j += step)
                data.AsSpan((int)i * m._itemsize, m._itemsize).CopyTo(target.Slice((int)j * m._itemsize));
            return;
        }
        long k = PyStr.SizeArg(ts, key);
        int n = m.ItemCount;
        if (k < 0) k += n;
        if (k < 0 || k >= n) throw PyExc.IndexError("index out of bounds on dimension 1");
        m.Pack(ts, value, target.Slice((int)k * m._itemsize, m._itemsize));
    }

    /// <summary>Writes `value` as one item of this view's format (struct.pack_into's checks).</summary>
    void Pack(ThreadState ts, PyObject value, Span<byte> dest)
    {
        if (ItemSize(_format) == 0) throw PyExc.NotImplementedError($"memoryview: format {_format} not supported");
        string fmt = _format.ToString();
        if (_format is 'f' or 'd')
        {
            if (value is not PyFloat && value is not PyInt && value.Type.Float == null && value.Type.Index == null)
                throw PyExc.TypeError($"memoryview: invalid type for format '{fmt}'");
            double d = Ops.ToDouble(ts, value);
            if (_format == 'f') BitConverter.TryWriteBytes(dest, (float)d); else BitConverter.TryWriteBytes(dest, d);
            return;
        }
        if (_format == 'c')
        {
            if (value is not PyBytes { Data.Length: 1 } cb) throw PyExc.ValueError($"memoryview: invalid value for format '{fmt}'");
            dest[0] = cb.Data[0];
            return;
        }
        if (_format == '?') { dest[0] = (byte)(Ops.IsTrue(ts, value) ? 1 : 0); return; }
        if (value is not PyInt && value.Type.Index == null) throw PyExc.TypeError($"memoryview: invalid type for format '{fmt}'");
        var x = Ops.Index(ts, value).Big;
        bool signed = char.IsLower(_format);
        int bits = _itemsize * 8;
        var min = signed ? -(System.Numerics.BigInteger.One << (bits - 1)) : System.Numerics.BigInteger.Zero;
        var max = signed ? (System.Numerics.BigInteger.One << (bits - 1)) - 1 : (System.Numerics.BigInteger.One << bits) - 1;
        if (x < min || x > max) throw PyExc.ValueError($"memoryview: invalid value for format '{fmt}'");
        var raw = x.ToByteArray(isUnsigned: !signed);
        byte fill = x.Sign < 0 ? (byte)0xFF : (byte)0;
        for (int i = 0; i < _itemsize; i++) dest[i] = i < raw.Length ? raw[i] : fill;
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (op != CompareOp.Eq && op != CompareOp.Ne) return PyNotImplemented.Value;
        if (a is PyMemoryView ma && ma._released || b is PyMemoryView mb && mb._released) return PyBool.From((a == b) == (op == CompareOp.Eq));
        if (!PyBytes.TryGetBuffer(a, out var x) || !PyBytes.TryGetBuffer(b, out var y)) return PyNotImplemented.Value;
        bool eq = x.Span.SequenceEqual(y.Span);
        return PyBool.From(op == CompareOp.Eq ? eq : !eq);
    }

    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self)
    {
        var m = (PyMemoryView)self;
        if (!m.ReadOnly) throw PyExc.ValueError("cannot hash writable memoryview object");
        return PyBytes.From(m.Memory.ToArray()).GetHash();
    }

    [PySlot("__iter__")]
    static PyObject Iter(ThreadState ts, PyObject self) => new PySeqIterator(self);

    [PyMethod] static PyObject tobytes(ThreadState ts, PyMemoryView self, [PyKeyword] PyObject? order = null) => PyBytes.From(self.Memory.ToArray());

    [PyMethod]
    static PyObject tolist(ThreadState ts, PyMemoryView self)
    {
        var span = self.Memory.Span;
        var items = new PyObject[self.ItemCount];
        for (int i = 0; i < items.Length; i++) items[i] = self.Unpack(span, i * self._itemsize);
        return new PyList(items);
    }

    [PyMethod]
    static PyObject hex(ThreadState ts, PyMemoryView self, [PyKeyword] PyObject? sep = null, PyObject? bytes_per_sep = null)
        => PyStr.From(PyBytesMethods<PyBytes>.HexOf(ts, self.Memory.Span, sep, bytes_per_sep));

    [PyMethod]
    static void release(ThreadState ts, PyMemoryView self)
    {
        if (self._released) return;
        self._released = true;
    }

    [PyMethod] static PyObject toreadonly(ThreadState ts, PyMemoryView self) => self.Sub(0, self._length);
    [PyMethod] static PyObject __enter__(ThreadState ts, PyMemoryView self) { self.CheckReleased(); return self; }
    [PyMethod] static void __exit__(ThreadState ts, PyMemoryView self, params PyObject[] args) => release(ts, self);

    [PyGetter("obj")] static PyObject GetObj(ThreadState ts, PyObject self) { var m = (PyMemoryView)self; m.CheckReleased(); return m._obj; }
    [PyGetter("nbytes")] static PyObject GetNbytes(ThreadState ts, PyObject self) => PyInt.From(((PyMemoryView)self).Memory.Length);
    [PyGetter("readonly")] static PyObject GetReadonly(ThreadState ts, PyObject self) { var m = (PyMemoryView)self; m.CheckReleased(); return PyBool.From(m.ReadOnly); }
    [PyGetter("itemsize")] static PyObject GetItemsize(ThreadState ts, PyObject self) { var m = (PyMemoryView)self; m.CheckReleased(); return PyInt.From(m._itemsize); }
    [PyGetter("format")] static PyObject GetFormat(ThreadState ts, PyObject self) { var m = (PyMemoryView)self; m.CheckReleased(); return PyStr.From(m._format.ToString()); }
    [PyGetter("ndim")] static PyObject GetNdim(ThreadState ts, PyObject self) { ((PyMemoryView)self).CheckReleased(); return PyInt.From(1); }
    [PyGetter("shape")] static PyObject GetShape(ThreadState ts, PyObject self) { var m = (PyMemoryView)self; m.CheckReleased(); return PyTuple.Of(PyInt.From(m.ItemCount)); }
    [PyGetter("strides")] static PyObject GetStrides(ThreadState ts, PyObject self) { var m = (PyMemoryView)self; m.CheckReleased(); return PyTuple.Of(PyInt.From(m._itemsize)); }
    [PyGetter("suboffsets")] static PyObject GetSuboffsets(ThreadState ts, PyObject self) { ((PyMemoryView)self).CheckReleased(); return PyTuple.Empty; }
    [PyGetter("released")] static PyObject GetReleased(ThreadState ts, PyObject self) => PyBool.From(((PyMemoryView)self)._released);
    [PyGetter("contiguous")] static PyObject GetContiguous(ThreadState ts, PyObject self) { ((PyMemoryView)self).CheckReleased(); return PyBool.True; }
    [PyGetter("c_contiguous")] static PyObject GetCContiguous(ThreadState ts, PyObject self) { ((PyMemoryView)self).CheckReleased(); return PyBool.True; }
    [PyGetter("f_contiguous")] static PyObject GetFContiguous(ThreadState ts, PyObject self) { ((PyMemoryView)self).CheckReleased(); return PyBool.True; }
}
