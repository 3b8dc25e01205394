#nullable enable
using System;
using System.Runtime.InteropServices;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Mmap;

/// <summary>mmap.mmap: a real mmap(2) of a file (through a dup of its descriptor) or of
/// anonymous memory, with CPython 3.11's file-like methods (read, write, seek, find ...), the
/// sequence and slice protocol, and its bytes as a buffer (bytes(m), memoryview(m), re).
/// A map may exceed 2 GiB; only its export as one buffer (a .NET Memory) is limited to that.</summary>
public sealed unsafe class PyMmap : PyObject, IPyBuffer
{
    public static readonly PyType TypeObject = PyType.Builtin("mmap", typeof(PyMmap), module: "mmap");

    public const int ACCESS_DEFAULT = 0, ACCESS_READ = 1, ACCESS_WRITE = 2, ACCESS_COPY = 3;
    const int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1, MAP_ANONYMOUS = 0x20;
    const int MS_SYNC = 4, MREMAP_MAYMOVE = 1, F_DUPFD_CLOEXEC = 1030;
    static readonly nint MapFailed = -1;

    [DllImport("libc", SetLastError = true)] static extern nint mmap(nint addr, nint length, int prot, int flags, int fd, long offset);
    [DllImport("libc", SetLastError = true)] static extern int munmap(nint addr, nint length);
    [DllImport("libc", SetLastError = true)] static extern int msync(nint addr, nint length, int flags);
    [DllImport("libc", SetLastError = true)] static extern int madvise(nint addr, nint length, int advice);
    [DllImport("libc", SetLastError = true)] static extern nint mremap(nint oldAddress, nint oldSize, nint newSize, int flags);

    nint _data;              // 0 once closed
    long _size;
    long _pos;
    readonly long _offset;
    int _fd;                 // our dup of the file's descriptor; -1 for anonymous memory
    readonly int _access;
    int _prot, _flags;       // as mapped (anonymous maps are remapped by hand on resize)
    NativeMemory? _memory;   // the buffer view of the current mapping
    PyDict? _dict;

    PyMmap(PyType type, long offset, int access) : base(type)
    {
        _offset = offset; _access = access; _fd = -1;
        if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    ~PyMmap()
    {
        // What CPython's dealloc does for a map nobody closed.
        if (_data != 0) munmap(_data, (nint)_size);
        if (_fd >= 0) LibC.close(_fd);
    }

    // ---------------- state checks ----------------

    void CheckValid()
    {
        if (_data == 0) throw PyExc.ValueError("mmap closed or invalid");
    }

    void CheckWritable()
    {
        if (_access == ACCESS_READ) throw PyExc.TypeError("mmap can't modify a readonly memory map.");
    }

    byte* Pointer { get { CheckValid(); return (byte*)_data; } }

    /// <summary>`count` bytes from `start` as a span (a span indexes with an int).</summary>
    Span<byte> Range(long start, long count)
    {
        if (count > int.MaxValue) throw PyExc.OverflowError("mmap range too large for one operation");
        return new Span<byte>(Pointer + start, (int)count);
    }

    /// <summary>The first `needle` in [start, end), or -1; searched in pieces below 2 GiB that
    /// overlap by the needle's length, so maps of any size are covered.</summary>
    long IndexOf(ReadOnlySpan<byte> needle, long start, long end, bool reverse)
    {
        const long Piece = 1L << 30;
        long n = needle.Length;
        if (!reverse)
        {
            for (long at = start; at < end && end - at >= n; at += Piece)
            {
                long len = Math.Min(end - at, Piece + n - 1);
                int i = Range(at, len).IndexOf(needle);
                if (i >= 0) return at + i;
            }
        }
        else
        {
            for (long stop = end; stop > start && stop - start >= n; stop -= Piece)
            {
                long from = Math.Max(start, stop - Piece - n + 1);
                int i = Range(from, stop - from).LastIndexOf(needle);
                if (i >= 0) return from + i;
            }
        }
        return -1;
    }

    public Memory<byte> BufferMemory
    {
        get
        {
            CheckValid();
            if (_size > int.MaxValue) throw PyExc.New(ExceptionTypes.BufferError, new PyStr("mmap larger than 2 GiB cannot be exported as one buffer"));
            return (_memory ??= new NativeMemory((byte*)_data, (int)_size)).Memory;
        }
    }
    public bool BufferReadOnly => _access == ACCESS_READ;

    static PyMmap Self(PyObject o) => (PyMmap)o;

    // ---------------- construction ----------------

    static readonly Signature s_newSignature = new("mmap", new[] { "fileno", "length", "flags", "prot", "access", "offset" }, 0, 6, 0, false, false);

    static long Long(ThreadState ts, PyObject o)
    {
        if (o is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, o);
        if (!v.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        return v.Small;
    }

    static int Int(ThreadState ts, PyObject o)
    {
        long v = Long(ts, o);
        if (v > int.MaxValue) throw PyExc.OverflowError("signed integer is greater than maximum");
        if (v < int.MinValue) throw PyExc.OverflowError("signed integer is less than minimum");
        return (int)v;
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[6];
        s_newSignature.Bind(ts, args, kwnames, bound, null, null, new[] { false, false, true, true, true, true });
        int fd = Int(ts, bound[0]!);
        long length = Long(ts, bound[1]!);
        int flags = bound[2] == null ? MAP_SHARED : Int(ts, bound[2]!);
        int prot = bound[3] == null ? PROT_READ | PROT_WRITE : Int(ts, bound[3]!);
        int access = bound[4] == null ? ACCESS_DEFAULT : Int(ts, bound[4]!);
        long offset = bound[5] == null ? 0 : Long(ts, bound[5]!);

        if (length < 0) throw PyExc.OverflowError("memory mapped length must be positive");
        if (offset < 0) throw PyExc.OverflowError("memory mapped offset must be positive");
        if (access != ACCESS_DEFAULT && (flags != MAP_SHARED || prot != (PROT_READ | PROT_WRITE)))
            throw PyExc.ValueError("mmap can't specify both access and flags, prot.");
        switch (access)
        {
            case ACCESS_READ: flags = MAP_SHARED; prot = PROT_READ; break;
            case ACCESS_WRITE: flags = MAP_SHARED; prot = PROT_READ | PROT_WRITE; break;
            case ACCESS_COPY: flags = 2 /* MAP_PRIVATE */; prot = PROT_READ | PROT_WRITE; break;
            case ACCESS_DEFAULT:
                // The access a plain prot amounts to.
                if ((prot & PROT_READ) != 0 && (prot & PROT_WRITE) != 0) { }
                else if ((prot & PROT_WRITE) != 0) access = ACCESS_WRITE;
                else access = ACCESS_READ;
                break;
            default: throw PyExc.ValueError("mmap invalid access parameter.");
        }

        if (fd != -1 && FileStat(fd, out long fileSize, out bool regular) && regular)
        {
            if (length == 0)
            {
                if (fileSize == 0) throw PyExc.ValueError("cannot mmap an empty file");
                if (offset >= fileSize) throw PyExc.ValueError("mmap offset is greater than file size");
                length = fileSize - offset;
            }
            else if (offset > fileSize || fileSize - offset < length)
                throw PyExc.ValueError("mmap length is greater than file size");
        }
        var m = new PyMmap(cls, offset, access) { _size = length };
        if (fd == -1) flags |= MAP_ANONYMOUS;
        else
        {
            m._fd = LibC.fcntl(fd, F_DUPFD_CLOEXEC, 0);
            if (m._fd < 0) throw PosixErrors.Last();
        }
        nint data = mmap(0, (nint)length, prot, flags, m._fd, offset);
        if (data == MapFailed) throw PosixErrors.Last();
        m._data = data;
        m._prot = prot;
        m._flags = flags;
        return m;
    }

    /// <summary>fstat's st_size and whether it is a regular file (x86-64 struct stat layout).</summary>
    static bool FileStat(int fd, out long size, out bool regular)
    {
        byte* st = stackalloc byte[144];
        size = 0; regular = false;
        if (LibC.fstat(fd, st) != 0) return false;
        size = *(long*)(st + 48);
        regular = (*(uint*)(st + 24) & 0xF000) == 0x8000;
        return true;
    }

    // ---------------- the file-like methods ----------------

    [PyMethod]
    static void close(ThreadState ts, PyMmap self)
    {
        if (self._data != 0) munmap(self._data, (nint)self._size);
        self._data = 0;
        self._memory = null;
        if (self._fd >= 0) LibC.close(self._fd);
        self._fd = -1;
    }

    [PyGetter("closed")] static PyObject GetClosed(ThreadState ts, PyObject self) => PyBool.From(Self(self)._data == 0);

    [PyMethod] static PyObject __enter__(ThreadState ts, PyMmap self) { self.CheckValid(); return self; }
    [PyMethod] static void __exit__(ThreadState ts, PyMmap self, params PyObject[] args) => close(ts, self);

    /// <summary>How many bytes lie between the position and the end (none once past it).</summary>
    long Remaining => _pos < _size ? _size - _pos : 0;

    [PyMethod]
    static PyObject read(ThreadState ts, PyMmap self, PyObject? n = null)
    {
        self.CheckValid();
        long count = -1;
        if (n != null && n != PyNone.Value)
        {
            if (n is PyFloat || n is not PyInt && n.Type.Index == null)
                throw PyExc.TypeError($"argument should be integer or None, not '{n.Type.Name}'");
            var v = Ops.Index(ts, n);
            count = v.FitsLong ? v.Small : v.Sign > 0 ? long.MaxValue : -1;
        }
        long remaining = self.Remaining;
        if (count < 0 || count > remaining) count = remaining;
        var result = self.Range(Math.Min(self._pos, self._size), count).ToArray();
        self._pos += count;
        return PyBytes.From(result);
    }

    [PyMethod]
    static long read_byte(ThreadState ts, PyMmap self)
    {
        self.CheckValid();
        if (self._pos >= self._size) throw PyExc.ValueError("read byte out of range");
        return self.Pointer[self._pos++];
    }

    [PyMethod]
    static PyObject readline(ThreadState ts, PyMmap self)
    {
        self.CheckValid();
        long start = Math.Min(self._pos, self._size), end = start + self.Remaining;
        long nl = self.IndexOf(stackalloc byte[] { (byte)'\n' }, start, end, false);
        var line = self.Range(start, (nl < 0 ? end : nl + 1) - start).ToArray();
        self._pos += line.Length;
        return PyBytes.From(line);
    }

    [PyMethod]
    static long write(ThreadState ts, PyMmap self, PyObject data)
    {
        self.CheckValid();
        var bytes = PyBytes.Buffer(data);
        self.CheckWritable();
        if (self._pos > self._size || self._size - self._pos < bytes.Length) throw PyExc.ValueError("data out of range");
        bytes.CopyTo(self.Range(self._pos, bytes.Length));
        self._pos += bytes.Length;
        return bytes.Length;
    }

    [PyMethod]
    static void write_byte(ThreadState ts, PyMmap self, PyObject @byte)
    {
        self.CheckValid();
        long v = Long(ts, @byte);
        if (v > 255) throw PyExc.OverflowError("unsigned byte integer is greater than maximum");
        if (v < 0) throw PyExc.OverflowError("unsigned byte integer is less than minimum");
        self.CheckWritable();
        if (self._pos >= self._size) throw PyExc.ValueError("write byte out of range");
        self.Pointer[self._pos++] = (byte)v;
    }

    [PyMethod]
    static void seek(ThreadState ts, PyMmap self, PyObject pos, int whence = 0)
    {
        self.CheckValid();
        long dist = Long(ts, pos);
        long where = whence switch
        {
            0 => dist,
            1 => self._pos + dist,
            2 => self._size + dist,
            _ => throw PyExc.ValueError("unknown seek type"),
        };
        if (where > self._size || where < 0) throw PyExc.ValueError("seek out of range");
        self._pos = where;
    }

    [PyMethod] static long tell(ThreadState ts, PyMmap self) { self.CheckValid(); return self._pos; }

    /// <summary>The size of the mapped file (fstat of our descriptor; for anonymous memory
    /// that is fstat(-1), an EBADF error, as in CPython 3.11).</summary>
    [PyMethod]
    static long size(ThreadState ts, PyMmap self)
    {
        self.CheckValid();
        byte* st = stackalloc byte[144];
        if (LibC.fstat(self._fd, st) != 0) throw PosixErrors.Last();
        return *(long*)(st + 48);
    }

    /// <summary>A start or end of find/rfind (a C ssize_t): negatives count from the end, and
    /// both clamp into [0, size], as slice indices do.</summary>
    long SearchBound(ThreadState ts, PyObject? o, long fallback)
    {
        if (o == null) return fallback;
        long x = Long(ts, o);
        if (x < 0) { x += _size; if (x < 0) x = 0; }
        else if (x > _size) x = _size;
        return x;
    }

    static long Find(ThreadState ts, PyMmap self, PyObject sub, PyObject? start, PyObject? end, bool reverse)
    {
        self.CheckValid();
        var needle = PyBytes.Buffer(sub).ToArray();
        long s = self.SearchBound(ts, start, self._pos), e = self.SearchBound(ts, end, self._size);
        if (s > e) return -1;
        if (needle.Length == 0) return reverse ? e : s;
        return self.IndexOf(needle, s, e, reverse);
    }

    [PyMethod] static long find(ThreadState ts, PyMmap self, PyObject sub, PyObject? start = null, PyObject? end = null) => Find(ts, self, sub, start, end, false);
    [PyMethod] static long rfind(ThreadState ts, PyMmap self, PyObject sub, PyObject? start = null, PyObject? end = null) => Find(ts, self, sub, start, end, true);

    [PyMethod]
    static void flush(ThreadState ts, PyMmap self, long offset = 0, PyObject? size_ = null)
    {
        self.CheckValid();
        long size = size_ == null ? self._size : Long(ts, size_);
        if (size < 0 || offset < 0 || self._size - offset < size) throw PyExc.ValueError("flush values out of range");
        if (self._access == ACCESS_READ || self._access == ACCESS_COPY) return;
        if (msync(self._data + (nint)offset, (nint)size, MS_SYNC) != 0) throw PosixErrors.Last();
    }

    [PyMethod]
    static void madvise(ThreadState ts, PyMmap self, int option, long start = 0, PyObject? length = null)
    {
        self.CheckValid();
        if (start < 0 || start >= self._size) throw PyExc.ValueError("madvise start out of bounds");
        long len = length == null ? self._size - start : Long(ts, length);
        if (len < 0) throw PyExc.ValueError("madvise length invalid");
        if (long.MaxValue - start < len) throw PyExc.OverflowError("madvise length too large");
        if (start + len > self._size) len = self._size - start;
        if (madvise(self._data + (nint)start, (nint)len, option) != 0) throw PosixErrors.Last();
    }

    [PyMethod]
    static void move(ThreadState ts, PyMmap self, long dest, long src, long count)
    {
        self.CheckValid();
        self.CheckWritable();
        if (dest < 0 || src < 0 || count < 0 || self._size - dest < count || self._size - src < count)
            throw PyExc.ValueError("source, destination, or count out of range");
        byte* p = self.Pointer;
        Buffer.MemoryCopy(p + src, p + dest, count, count);   // copies as memmove does when the ranges overlap
    }

    [PyMethod]
    static void resize(ThreadState ts, PyMmap self, long newsize)
    {
        self.CheckValid();
        if (self._access != ACCESS_WRITE && self._access != ACCESS_DEFAULT)
            throw PyExc.TypeError("mmap can't resize a readonly or copy-on-write memory map.");
        if (newsize < 0 || long.MaxValue - newsize < self._offset) throw PyExc.ValueError("new size out of range");
        if (self._fd != -1 && LibC.ftruncate(self._fd, self._offset + newsize) != 0) throw PosixErrors.Last();
        nint moved;
        if (self._fd == -1)
        {
            // mremap cannot grow shared anonymous memory (its object keeps the old size: the new
            // pages fault with SIGBUS, which kills CPython 3.11 too), so map anew and copy.
            moved = mmap(0, (nint)newsize, self._prot, self._flags, -1, 0);
            if (moved == MapFailed) throw PosixErrors.Last();
            Buffer.MemoryCopy((void*)self._data, (void*)moved, newsize, Math.Min(self._size, newsize));
            munmap(self._data, (nint)self._size);
        }
        else
        {
            moved = mremap(self._data, (nint)self._size, (nint)newsize, MREMAP_MAYMOVE);
            if (moved == MapFailed) throw PosixErrors.Last();
        }
        self._data = moved;
        self._size = newsize;
        self._memory = null;
    }

    // ---------------- sequence protocol ----------------

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) { var m = Self(self); m.CheckValid(); return m._size; }

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var m = Self(self);
        m.CheckValid();
        if (key is PySlice slice)
        {
            long count = slice.GetIndices(ts, m._size, out long start, out _, out long step);
            if (step == 1) return PyBytes.From(m.Range(start, count).ToArray());
            var result = new byte[count];
            byte* p = m.Pointer;
            for (long i = 0, j = start; i < count; i++, j += step) result[i] = p[j];
            return PyBytes.From(result);
        }
        return PyInt.From(m.Pointer[m.ItemIndex(ts, key)]);
    }

    /// <summary>An int key as an index into the map (negatives from the end).</summary>
    long ItemIndex(ThreadState ts, PyObject key)
    {
        if (key is PyFloat || key is not PyInt && key.Type.Index == null) throw PyExc.TypeError("mmap indices must be integers");
        var v = Ops.Index(ts, key);
        if (!v.FitsLong) throw PyExc.IndexError("cannot fit 'int' into an index-sized integer");
        long i = v.Small;
        if (i < 0) i += _size;
        if (i < 0 || i >= _size) throw PyExc.IndexError("mmap index out of range");
        return i;
    }

    [PySlot("__setitem__", "__delitem__")]
    static void SetItem(ThreadState ts, PyObject self, PyObject key, PyObject? value)
    {
        var m = Self(self);
        m.CheckValid();
        if (value == null) throw PyExc.TypeError("mmap doesn't support item deletion");
        m.CheckWritable();
        if (key is PySlice slice)
        {
            long count = slice.GetIndices(ts, m._size, out long start, out _, out long step);
            var data = PyBytes.Buffer(value).ToArray();
            if (data.Length != count) throw PyExc.IndexError("mmap slice assignment is wrong size");
            byte* p = m.Pointer;
            for (long i = 0, j = start; i < count; i++, j += step) p[j] = data[i];
            return;
        }
        long index = m.ItemIndex(ts, key);
        if (value is not PyInt && (value is PyFloat || value.Type.Index == null)) throw PyExc.TypeError("mmap item value must be an int");
        var v = Ops.Index(ts, value);
        if (!v.FitsLong || v.Small < 0 || v.Small > 255) throw PyExc.ValueError("mmap item value must be in range(0, 256)");
        m.Pointer[index] = (byte)v.Small;
    }

    /// <summary>The byte at `i` for iteration, or -1 past the end (a closed map raises).</summary>
    internal int ByteAt(long i)
    {
        CheckValid();
        return i < _size ? Pointer[i] : -1;
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) { Self(self).CheckValid(); return new PyMmapIterator(Self(self)); }

    /// <summary>`x in m` compares x with each item as iteration gives it (1-byte bytes).</summary>
    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject item)
    {
        var m = Self(self);
        m.CheckValid();
        for (long i = 0; i < m._size; i++)
            if (Ops.Equal(ts, PyBytes.From(new[] { m.Pointer[i] }), item)) return true;
        return false;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var m = Self(self);
        string name = m.Type == TypeObject ? "mmap.mmap" : m.Type.Name;
        if (m._data == 0) return new PyStr($"<{name} closed=True>");
        string access = m._access switch { ACCESS_READ => "ACCESS_READ", ACCESS_WRITE => "ACCESS_WRITE", ACCESS_COPY => "ACCESS_COPY", _ => "ACCESS_DEFAULT" };
        return new PyStr($"<{name} closed=False, access={access}, length={m._size}, pos={m._pos}, offset={m._offset}>");
    }
}
