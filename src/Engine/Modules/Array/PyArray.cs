#nullable enable
using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>`array.array(typecode[, initializer])`: a typed, packed sequence. Items live in a
/// byte buffer in the machine's (little-endian, LP64) layout, so the buffer protocol, tobytes
/// and frombytes are copies; item access converts with CPython 3.11's range checks and
/// messages (which, for some codes, first check the range of a wider C type).</summary>
[PyType("array")]
public class PyArray : PyObject, IPyBuffer
{
    public static readonly PyType TypeObject = PyType.Builtin("array", typeof(PyArray), module: "array");
    public const string TypeCodes = "bBuhHiIlLqQfd";

    public char Code { get; private set; }
    public int ItemSize { get; private set; }
    byte[] _buf = Array.Empty<byte>();
    int _count;
    PyDict? _dict;

    public PyArray(PyType t, char code) : base(t)
    {
        Code = code;
        ItemSize = SizeOf(code);
        if (t != TypeObject && t.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }
    public Memory<byte> BufferMemory => _buf.AsMemory(0, _count * ItemSize);
    public bool BufferReadOnly => false;
    public char BufferFormat => Code == 'u' ? 'w' : Code;
    public int BufferItemSize => ItemSize;
    public int Count => _count;
    Span<byte> Bytes => _buf.AsSpan(0, _count * ItemSize);

    public static int SizeOf(char code) => code switch
    {
        'b' or 'B' => 1,
        'h' or 'H' => 2,
        'i' or 'I' or 'f' or 'u' => 4,
        _ => 8,
    };

    void EnsureCapacity(long items)
    {
        long need = items * ItemSize;
        if (need > Array.MaxLength) throw PyExc.MemoryError();
        if (need <= _buf.Length) return;
        long n = Math.Max(need, Math.Min(Array.MaxLength, _buf.Length + (_buf.Length >> 1) + 16));
        Array.Resize(ref _buf, (int)n);
    }

    // ---------------- item conversion ----------------

    public PyObject Get(int i)
    {
        var s = _buf.AsSpan(i * ItemSize, ItemSize);
        return Code switch
        {
            'b' => PyInt.From((sbyte)s[0]),
            'B' => PyInt.From(s[0]),
            'h' => PyInt.From(BinaryPrimitives.ReadInt16LittleEndian(s)),
            'H' => PyInt.From(BinaryPrimitives.ReadUInt16LittleEndian(s)),
            'i' => PyInt.From(BinaryPrimitives.ReadInt32LittleEndian(s)),
            'I' => PyInt.From((long)BinaryPrimitives.ReadUInt32LittleEndian(s)),
            'l' or 'q' => PyInt.From(BinaryPrimitives.ReadInt64LittleEndian(s)),
            'L' or 'Q' => PyInt.From(new BigInteger(BinaryPrimitives.ReadUInt64LittleEndian(s))),
            'f' => new PyFloat(BinaryPrimitives.ReadSingleLittleEndian(s)),
            'd' => new PyFloat(BinaryPrimitives.ReadDoubleLittleEndian(s)),
            _ => PyStr.FromCodePoint((int)BinaryPrimitives.ReadUInt32LittleEndian(s)),
        };
    }

    static BigInteger IntArg(ThreadState ts, PyObject v) => (v is PyInt i ? i : Ops.Index(ts, v)).Big;

    /// <summary>PyArg_Parse's signed conversions: C long first, then the named C type's range.</summary>
    static long Signed(BigInteger x, long min, long max, string type)
    {
        if (x < long.MinValue || x > long.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C long");
        if (x > max) throw PyExc.OverflowError(type + " is greater than maximum");
        if (x < min) throw PyExc.OverflowError(type + " is less than minimum");
        return (long)x;
    }

    /// <summary>PyLong_AsUnsignedLong, as the I and L items use it.</summary>
    static ulong UnsignedLong(BigInteger x)
    {
        if (x.Sign < 0) throw PyExc.OverflowError("can't convert negative value to unsigned int");
        if (x > ulong.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C unsigned long");
        return (ulong)x;
    }

    /// <summary>Converts a Python value for this array's typecode (raising before any change).</summary>
    public byte[] Encode(ThreadState ts, PyObject v)
    {
        var b = new byte[ItemSize];
        switch (Code)
        {
            case 'b':
            {
                long x = Signed(IntArg(ts, v), short.MinValue, short.MaxValue, "signed short integer");
                if (x < sbyte.MinValue) throw PyExc.OverflowError("signed char is less than minimum");
                if (x > sbyte.MaxValue) throw PyExc.OverflowError("signed char is greater than maximum");
                b[0] = (byte)(sbyte)x;
                break;
            }
            case 'B': b[0] = (byte)Signed(IntArg(ts, v), 0, 255, "unsigned byte integer"); break;
            case 'h': BinaryPrimitives.WriteInt16LittleEndian(b, (short)Signed(IntArg(ts, v), short.MinValue, short.MaxValue, "signed short integer")); break;
            case 'H':
            {
                long x = Signed(IntArg(ts, v), int.MinValue, int.MaxValue, "signed integer");
                if (x < 0) throw PyExc.OverflowError("unsigned short is less than minimum");
                if (x > ushort.MaxValue) throw PyExc.OverflowError("unsigned short is greater than maximum");
                BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)x);
                break;
            }
            case 'i': BinaryPrimitives.WriteInt32LittleEndian(b, (int)Signed(IntArg(ts, v), int.MinValue, int.MaxValue, "signed integer")); break;
            case 'I':
            {
                ulong x = UnsignedLong(IntArg(ts, v));
                if (x > uint.MaxValue) throw PyExc.OverflowError("unsigned int is greater than maximum");
                BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)x);
                break;
            }
            case 'l': BinaryPrimitives.WriteInt64LittleEndian(b, Signed(IntArg(ts, v), long.MinValue, long.MaxValue, "")); break;
            case 'L': BinaryPrimitives.WriteUInt64LittleEndian(b, UnsignedLong(IntArg(ts, v))); break;
            case 'q':
            {
                var x = IntArg(ts, v);
                if (x < long.MinValue || x > long.MaxValue) throw PyExc.OverflowError("int too big to convert");
                BinaryPrimitives.WriteInt64LittleEndian(b, (long)x);
                break;
            }
            case 'Q':
            {
                var x = IntArg(ts, v);
                if (x.Sign < 0) throw PyExc.OverflowError("can't convert negative int to unsigned");
                if (x > ulong.MaxValue) throw PyExc.OverflowError("int too big to convert");
                BinaryPrimitives.WriteUInt64LittleEndian(b, (ulong)x);
                break;
            }
            case 'f': BinaryPrimitives.WriteSingleLittleEndian(b, (float)ToDouble(ts, v)); break;
            case 'd': BinaryPrimitives.WriteDoubleLittleEndian(b, ToDouble(ts, v)); break;
            default:
                if (v is not PyStr s || s.CpLength != 1) throw PyExc.TypeError("array item must be unicode character");
                BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)char.ConvertToUtf32(s.Value, 0));
                break;
        }
        return b;
    }

    static double ToDouble(ThreadState ts, PyObject v)
    {
        if (v is PyFloat f) return f.Value;
        if (v is PyInt i)
        {
            double d = i.ToDouble();
            if (double.IsInfinity(d)) throw PyExc.OverflowError("int too large to convert to float");
            return d;
        }
        return Ops.ToDouble(ts, v);
    }

    public void Append(ThreadState ts, PyObject v)
    {
        var b = Encode(ts, v);
        EnsureCapacity(_count + 1L);
        b.CopyTo(_buf, _count * ItemSize);
        _count++;
    }

    public void AppendBytes(ReadOnlySpan<byte> data)
    {
        if (data.Length % ItemSize != 0) throw PyExc.ValueError("bytes length not a multiple of item size");
        int n = data.Length / ItemSize;
        EnsureCapacity((long)_count + n);
        data.CopyTo(_buf.AsSpan(_count * ItemSize));
        _count += n;
    }

    public PyObject[] ToObjects()
    {
        var r = new PyObject[_count];
        for (int i = 0; i < _count; i++) r[i] = Get(i);
        return r;
    }

    PyArray NewLike(PyType? t = null) => new PyArray(t ?? TypeObject, Code);

    void Extend(ThreadState ts, PyObject iterable)
    {
        if (iterable is PyArray other)
        {
            if (other.Code != Code) throw PyExc.TypeError("can only extend with array of same kind");
            AppendBytes(other.Bytes.ToArray());
            return;
        }
        var it = Ops.GetIter(ts, iterable);
        while (Ops.Next(ts, it) is PyObject x) Append(ts, x);
    }

    string ToUnicode()
    {
        var sb = new StringBuilder(_count);
        for (int i = 0; i < _count; i++)
        {
            uint cp = BinaryPrimitives.ReadUInt32LittleEndian(_buf.AsSpan(i * 4));
            // the buffer may hold any 32-bit values (frombytes): CPython refuses non-characters
            if (cp > 0x10FFFF) throw PyExc.ValueError($"character U+{cp:x} is not in range [U+0000; U+10ffff]");
            Formatting_Append(sb, (int)cp);
        }
        return sb.ToString();
    }

    static void Formatting_Append(StringBuilder sb, int cp)
    {
        if (cp < 0x10000) sb.Append((char)cp);
        else if (cp <= 0x10FFFF) sb.Append(char.ConvertFromUtf32(cp));
        else throw PyExc.ValueError($"character U+{cp:x} is not in range [U+0000; U+10ffff]");
    }

    void FromUnicode(string s)
    {
        var cps = new System.Collections.Generic.List<int>();
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { cps.Add(char.ConvertToUtf32(s[i], s[i + 1])); i++; }
            else cps.Add(s[i]);
        }
        EnsureCapacity((long)_count + cps.Count);
        foreach (int cp in cps) { BinaryPrimitives.WriteUInt32LittleEndian(_buf.AsSpan(_count * 4), (uint)cp); _count++; }
    }

    // ---------------- construction ----------------

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0 && cls == TypeObject) throw PyExc.TypeError("array.array() takes no keyword arguments");
        int npos = args.Length - (kwnames?.Items.Length ?? 0);
        if (npos < 1 || npos > 2) throw PyExc.TypeError($"array() takes at most 2 arguments ({npos} given)");
        if (args[0] is not PyStr tc || tc.CpLength != 1)
            throw PyExc.TypeError($"array() argument 1 must be a unicode character, not {args[0].Type.Name}");
        char code = tc.Value[0];
        if (!TypeCodes.Contains(code)) throw PyExc.ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        var a = new PyArray(cls, code);
        if (npos == 2)
        {
            var init = args[1];
            if (init is PyStr s)
            {
                if (code != 'u') throw PyExc.TypeError($"cannot use a str to initialize an array with typecode '{code}'");
                a.FromUnicode(s.Value);
            }
            else if (init is PyArray other && other.Code == 'u' && code != 'u')
                throw PyExc.TypeError($"cannot use a unicode array to initialize an array with typecode '{code}'");
            else if (init is PyArray other2 && other2.Code != code)
                foreach (var x in other2.ToObjects()) a.Append(ts, x);
            else if (init is PyBytes or PyByteArray && PyBytes.TryGetBuffer(init, out var mem)) a.AppendBytes(mem.Span);
            else a.Extend(ts, init);
        }
        return a;
    }

    // ---------------- methods ----------------

    [PyMethod] static void append(ThreadState ts, PyArray self, PyObject v) => self.Append(ts, v);
    [PyMethod] static void extend(ThreadState ts, PyArray self, PyObject bb) => self.Extend(ts, bb);
    [PyMethod] static PyObject tobytes(ThreadState ts, PyArray self) => PyBytes.From(self.Bytes.ToArray());
    [PyMethod] static PyObject tolist(ThreadState ts, PyArray self) => new PyList(self.ToObjects());
    [PyMethod] static void frombytes(ThreadState ts, PyArray self, PyObject buffer) => self.AppendBytes(PyBytes.Buffer(buffer).ToArray());
    [PyMethod] static PyObject __copy__(ThreadState ts, PyArray self) => self.Slice(0, self._count);
    [PyMethod] static PyObject __deepcopy__(ThreadState ts, PyArray self, PyObject unused) => self.Slice(0, self._count);
    [PyMethod] static long __sizeof__(ThreadState ts, PyArray self) => 64 + self._buf.Length;
    [PyGetter("typecode")] static PyObject GetTypecode(ThreadState ts, PyObject self) => new PyStr(((PyArray)self).Code.ToString());
    [PyGetter("itemsize")] static PyObject GetItemsize(ThreadState ts, PyObject self) => PyInt.From(((PyArray)self).ItemSize);

    [PyMethod]
    static void fromlist(ThreadState ts, PyArray self, PyObject list)
    {
        if (list is not PyList l) throw PyExc.TypeError("arg must be list");
        int old = self._count;
        try { foreach (var x in l.ToArray()) self.Append(ts, x); }
        catch (PyException) { self._count = old; throw; }
    }

    [PyMethod]
    static void fromunicode(ThreadState ts, PyArray self, PyStr ustr)
    {
        if (self.Code != 'u') throw PyExc.ValueError("fromunicode() may only be called on unicode type arrays");
        self.FromUnicode(ustr.Value);
    }

    [PyMethod]
    static string tounicode(ThreadState ts, PyArray self)
    {
        if (self.Code != 'u') throw PyExc.ValueError("tounicode() may only be called on unicode type arrays");
        return self.ToUnicode();
    }

    [PyMethod]
    static void fromfile(ThreadState ts, PyArray self, PyObject f, long n)
    {
        if (n < 0) throw PyExc.ValueError("negative count");
        long nbytes = n * self.ItemSize;
        var data = Ops.CallMethod(ts, f, "read", PyInt.From(nbytes));
        if (data is not PyBytes b) throw PyExc.TypeError("read() didn't return bytes");
        int whole = b.Data.Length / self.ItemSize * self.ItemSize;
        self.AppendBytes(b.Data.AsSpan(0, whole));
        if (b.Data.Length != nbytes) throw PyExc.EOFError("read() didn't return enough bytes");
    }

    [PyMethod]
    static void tofile(ThreadState ts, PyArray self, PyObject f)
    {
        const int Block = 64 * 1024;
        var all = self.Bytes.ToArray();
        for (int i = 0; i < all.Length; i += Block)
            Ops.CallMethod(ts, f, "write", PyBytes.From(all.AsSpan(i, Math.Min(Block, all.Length - i)).ToArray()));
    }

    [PyMethod]
    static PyObject buffer_info(ThreadState ts, PyArray self)
        => PyTuple.Of(PyInt.From(Ops.Id(self) + 32), PyInt.From(self._count));

    [PyMethod]
    static void byteswap(ThreadState ts, PyArray self)
    {
        for (int i = 0; i < self._count; i++) self._buf.AsSpan(i * self.ItemSize, self.ItemSize).Reverse();
    }

    [PyMethod]
    static void reverse(ThreadState ts, PyArray self)
    {
        int n = self._count, k = self.ItemSize;
        var tmp = new byte[k];
        for (int i = 0, j = n - 1; i < j; i++, j--)
        {
            self._buf.AsSpan(i * k, k).CopyTo(tmp);
            self._buf.AsSpan(j * k, k).CopyTo(self._buf.AsSpan(i * k));
            tmp.CopyTo(self._buf.AsSpan(j * k));
        }
    }

    [PyMethod]
    static long count(ThreadState ts, PyArray self, PyObject v)
    {
        long n = 0;
        for (int i = 0; i < self._count; i++) if (Ops.Equal(ts, self.Get(i), v)) n++;
        return n;
    }

    [PyMethod]
    static long index(ThreadState ts, PyArray self, PyObject v, long start = 0, long stop = long.MaxValue)
    {
        if (start < 0) { start += self._count; if (start < 0) start = 0; }
        if (stop < 0) { stop += self._count; if (stop < 0) stop = 0; }
        for (long i = start; i < stop && i < self._count; i++) if (Ops.Equal(ts, self.Get((int)i), v)) return i;
        throw PyExc.ValueError("array.index(x): x not in array");
    }

    [PyMethod]
    static void remove(ThreadState ts, PyArray self, PyObject v)
    {
        for (int i = 0; i < self._count; i++)
            if (Ops.Equal(ts, self.Get(i), v)) { self.DeleteRange(i, 1); return; }
        throw PyExc.ValueError("array.remove(x): x not in array");
    }

    [PyMethod]
    static void insert(ThreadState ts, PyArray self, long i, PyObject v)
    {
        var b = self.Encode(ts, v);
        long n = self._count;
        if (i < 0) { i += n; if (i < 0) i = 0; }
        if (i > n) i = n;
        self.EnsureCapacity(n + 1);
        int k = self.ItemSize;
        Array.Copy(self._buf, i * k, self._buf, (i + 1) * k, (n - i) * k);
        b.CopyTo(self._buf, i * k);
        self._count++;
    }

    [PyMethod]
    static PyObject pop(ThreadState ts, PyArray self, long i = -1)
    {
        if (self._count == 0) throw PyExc.IndexError("pop from empty array");
        if (i < 0) i += self._count;
        if (i < 0 || i >= self._count) throw PyExc.IndexError("pop index out of range");
        var v = self.Get((int)i);
        self.DeleteRange((int)i, 1);
        return v;
    }

    /// <summary>array_reconstructor's machine format code of this array's items (little-endian LP64).</summary>
    public int MachineFormat => Code switch
    {
        'B' => 0, 'b' => 1, 'H' => 2, 'h' => 4, 'I' => 6, 'i' => 8,
        'L' or 'Q' => 10, 'l' or 'q' => 12, 'f' => 14, 'd' => 16, _ => 20,
    };

    [PyMethod]
    static PyObject __reduce_ex__(ThreadState ts, PyArray self, PyObject protocol)
    {
        if (protocol is not PyInt p) throw PyExc.TypeError("__reduce_ex__ argument should be an integer");
        PyObject dict = Ops.GetAttrOrNull(ts, self, PyStr.Intern("__dict__")) ?? PyNone.Value;
        // Protocols 0-2 pickle a list of items (readable by Python 2); 3 and later the raw
        // bytes with their machine format, read back by array._array_reconstructor.
        if (p.Big < 3)
            return PyTuple.Of(self.Type, PyTuple.Of(new PyStr(self.Code.ToString()), new PyList(self.ToObjects())), dict);
        var reconstructor = Ops.GetAttr(ts, Importer.ImportModule(ts, "array"), PyStr.Intern("_array_reconstructor"));
        return PyTuple.Of(reconstructor,
            PyTuple.Of(self.Type, new PyStr(self.Code.ToString()), PyInt.From(self.MachineFormat), PyBytes.From(self.Bytes.ToArray())),
            dict);
    }

    void DeleteRange(int start, int n)
    {
        int k = ItemSize;
        Array.Copy(_buf, (start + n) * k, _buf, start * k, (_count - start - n) * k);
        _count -= n;
    }

    PyArray Slice(int start, int n)
    {
        var r = NewLike();
        r.AppendBytes(_buf.AsSpan(start * ItemSize, n * ItemSize));
        return r;
    }

    // ---------------- protocols ----------------

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyArray)self)._count;
    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => new PyArrayIterator((PyArray)self);

    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject v)
    {
        var a = (PyArray)self;
        for (int i = 0; i < a._count; i++) if (Ops.Equal(ts, a.Get(i), v)) return true;
        return false;
    }

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var a = (PyArray)self;
        if (PySlice.TryIndex(ts, key, out long i))
        {
            if (i < 0) i += a._count;
            if (i < 0 || i >= a._count) throw PyExc.IndexError("array index out of range");
            return a.Get((int)i);
        }
        if (key is PySlice s)
        {
            long n = s.GetIndices(ts, a._count, out long start, out _, out long step);
            if (step == 1) return a.Slice((int)start, (int)n);
            var r = a.NewLike();
            r.EnsureCapacity(n);
            for (long j = 0, p = start; j < n; j++, p += step)
                a._buf.AsSpan((int)p * a.ItemSize, a.ItemSize).CopyTo(r._buf.AsSpan((int)j * a.ItemSize));
            r._count = (int)n;
            return r;
        }
        throw PyExc.TypeError("array indices must be integers");
    }

    [PySlot("__setitem__", "__delitem__")]
    static void SetItem(ThreadState ts, PyObject self, PyObject key, PyObject? value)
    {
        var a = (PyArray)self;
        if (PySlice.TryIndex(ts, key, out long i))
        {
            if (i < 0) i += a._count;
            if (i < 0 || i >= a._count) throw PyExc.IndexError(value == null ? "array assignment index out of range" : "array assignment index out of range");
            if (value == null) a.DeleteRange((int)i, 1);
            else a.Encode(ts, value).CopyTo(a._buf, (int)i * a.ItemSize);
            return;
        }
        if (key is not PySlice s) throw PyExc.TypeError("array indices must be integers");
        long n = s.GetIndices(ts, a._count, out long start, out long stop, out long step);
        PyArray? src = null;
        if (value != null)
        {
            src = value as PyArray ?? throw PyExc.TypeError($"can only assign array (not \"{value.Type.Name}\") to array slice");
            if (src.Code != a.Code) throw PyExc.TypeError("bad argument type for built-in operation");
            if (src == a) src = a.Slice(0, a._count);
        }
        int k = a.ItemSize;
        if (step == 1)
        {
            var tail = a._buf.AsSpan((int)(start + n) * k, (int)(a._count - start - n) * k).ToArray();
            int m = src?._count ?? 0;
            a.EnsureCapacity(start + m + tail.Length / k);
            if (src != null) src._buf.AsSpan(0, m * k).CopyTo(a._buf.AsSpan((int)start * k));
            tail.CopyTo(a._buf.AsSpan((int)(start + m) * k));
            a._count = (int)(start + m) + tail.Length / k;
            return;
        }
        if (src == null)
        {
            // Delete an extended slice: keep the items not on it, in order.
            var keep = new System.Collections.Generic.List<int>();
            var drop = new System.Collections.Generic.HashSet<long>();
            for (long j = 0, p = start; j < n; j++, p += step) drop.Add(p);
            var nb = new byte[a._buf.Length];
            int c = 0;
            for (int j = 0; j < a._count; j++)
                if (!drop.Contains(j)) { a._buf.AsSpan(j * k, k).CopyTo(nb.AsSpan(c * k)); c++; }
            a._buf = nb;
            a._count = c;
            return;
        }
        if (src._count != n) throw PyExc.ValueError($"attempt to assign array of size {src._count} to extended slice of size {n}");
        for (long j = 0, p = start; j < n; j++, p += step)
            src._buf.AsSpan((int)j * k, k).CopyTo(a._buf.AsSpan((int)p * k));
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var a = (PyArray)self;
        string name = a.Type == TypeObject ? "array" : a.Type.Name;
        if (a._count == 0) return new PyStr($"{name}('{a.Code}')");
        string body = a.Code == 'u' ? Ops.ReprString(ts, new PyStr(a.ToUnicode())) : Ops.ReprString(ts, new PyList(a.ToObjects()));
        return new PyStr($"{name}('{a.Code}', {body})");
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyArray x || b is not PyArray y) return PyNotImplemented.Value;
        if ((op == CompareOp.Eq || op == CompareOp.Ne) && x._count != y._count) return PyBool.From(op == CompareOp.Ne);
        var xs = x.ToObjects(); var ys = y.ToObjects();
        return Ops.CompareSequences(ts, xs, xs.Length, ys, ys.Length, op);
    }

    [PySlot("__add__")]
    static PyObject Add(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is not PyArray x) return PyNotImplemented.Value;
        if (b is not PyArray y) throw PyExc.TypeError($"can only append array (not \"{b.Type.Name}\") to array");
        if (y.Code != x.Code) throw PyExc.TypeError("bad argument type for built-in operation");
        var r = x.Slice(0, x._count);
        r.AppendBytes(y.Bytes.ToArray());
        return r;
    }

    [PySlot("__iadd__")]
    static PyObject IAdd(ThreadState ts, PyObject a, PyObject b)
    {
        var x = (PyArray)a;
        if (b is not PyArray y) throw PyExc.TypeError($"can only extend array with array (not \"{b.Type.Name}\")");
        if (y.Code != x.Code) throw PyExc.TypeError("can only extend with array of same kind");
        x.AppendBytes(y.Bytes.ToArray());
        return a;
    }

    PyArray Repeat(long n)
    {
        var r = NewLike();
        if (n <= 0 || _count == 0) return r;
        if (n > Array.MaxLength / ((long)_count * ItemSize)) throw PyExc.MemoryError();
        var one = Bytes.ToArray();
        r.EnsureCapacity(_count * n);
        for (long i = 0; i < n; i++) one.CopyTo(r._buf, (int)(i * one.Length));
        r._count = (int)(_count * n);
        return r;
    }

    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b)
    {
        bool left = a is PyArray;
        var x = (PyArray)(left ? a : b);
        var k = PyList.RepeatCount(ts, left ? b : a);
        if (k == null) return PyList.RepeatFallback(ts, a, b, left, Mul);
        return x.Repeat(k.Value);
    }

    [PySlot("__imul__")]
    static PyObject IMul(ThreadState ts, PyObject a, PyObject b)
    {
        // CPython's in-place repeat converts with __index__: "'str' object cannot be interpreted as an integer"
        long k = PyList.RepeatCount(ts, b) ?? Ops.Index(ts, b).ToLongChecked();
        var x = (PyArray)a;
        var r = x.Repeat(k);
        x._buf = r._buf;
        x._count = r._count;
        return a;
    }

    public static void InitType(PyType t) => t.Namespace.SetStr("__hash__", PyNone.Value);
}
