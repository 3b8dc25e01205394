#nullable enable
using System.Text;
using StacklessIron.Objects.Formatting;
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

/// <summary>`bytes`: an immutable byte[] (never mutated after construction). The methods it
/// shares with bytearray are in PyBytesMethods&lt;T&gt;; this file holds construction and the
/// bytes-only protocol (hash, __bytes__, __getnewargs__).</summary>
[PyType("bytes")]
public class PyBytes : PyObject, IPyBytesLike
{
    public static readonly PyType TypeObject = PyType.Builtin("bytes", typeof(PyBytes));
    public static readonly PyBytes Empty = new(Array.Empty<byte>());
    static readonly PyBytes[] _single = MakeSingles();
    static PyBytes[] MakeSingles()
    {
        var a = new PyBytes[256];
        for (int i = 0; i < 256; i++) a[i] = new PyBytes(new[] { (byte)i });
        return a;
    }

    public readonly byte[] Data;
    long _hash;   // 0 = not computed yet

    public PyBytes(byte[] data) : base(TypeObject) { Data = data; }
    public PyBytes(PyType type, byte[] data) : base(type) { Data = data; }

    /// <summary>A bytes of exact type (shared instances for empty and one-byte values).</summary>
    public static PyBytes From(byte[] data) => data.Length == 0 ? Empty : data.Length == 1 ? _single[data[0]] : new PyBytes(data);

    public ReadOnlySpan<byte> Span => Data;
    public PyObject Make(byte[] data) => From(data);
    public PyObject SameOrCopy() => Type == TypeObject ? this : From(Data);

    public override string ToString() => Repr.Bytes(Data);

    public static void InitType(PyType t)
    {
        NativeMembers.Fill(t, typeof(PyBytesMethods<PyBytes>));
        ConstantHooks.Bytes = b => From(b);
    }

    /// <summary>The content of a bytes-like object (bytes, bytearray, memoryview), or false.
    /// For a bytearray the memory is its live buffer: copy it before running Python code.</summary>
    public static bool TryGetBuffer(PyObject o, out ReadOnlyMemory<byte> data)
    {
        switch (o)
        {
            case PyBytes b: data = b.Data; return true;
            case PyByteArray ba: data = ba.Memory; return true;
            case PyMemoryView mv: data = mv.Memory; return true;
            case IPyBuffer pb: data = pb.BufferMemory; return true;
        }
        data = default;
        return false;
    }

    /// <summary>The bytes of a bytes-like argument, or "a bytes-like object is required" TypeError.</summary>
    public static ReadOnlySpan<byte> Buffer(PyObject o)
    {
        if (TryGetBuffer(o, out var m)) return m.Span;
        throw PyExc.TypeError($"a bytes-like object is required, not '{o.Type.Name}'");
    }

    public long GetHash()
    {
        if (_hash != 0) return _hash;
        var hc = new HashCode();
        hc.AddBytes(Data);
        long h = hc.ToHashCode();
        if (h == -1 || h == 0) h = -2;
        return _hash = h;
    }

    // ---------------- construction ----------------

    static readonly Signature s_newSig = new("bytes", new[] { "source", "encoding", "errors" }, 0, 3, 0, false, false);
    static readonly bool[] s_allOptional = { true, true, true };

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[3];
        s_newSig.Bind(ts, args, kwnames, bound, null, null, s_allOptional);
        byte[] data = FromSource(ts, "bytes", bound[0], bound[1], bound[2], cls == TypeObject ? null : cls);
        return cls == TypeObject ? From(data) : new PyBytesSubclass(cls, data);
    }

    /// <summary>The content for bytes(source, encoding, errors) / bytearray(...).</summary>
    internal static byte[] FromSource(ThreadState ts, string who, PyObject? source, PyObject? encoding, PyObject? errors, PyType? subclass)
    {
        if (source == null)
        {
            if (encoding != null || errors != null) throw PyExc.TypeError(encoding != null ? "encoding without a string argument" : "errors without a string argument");
            return Array.Empty<byte>();
        }
        if (encoding != null || errors != null)
        {
            if (source is not PyStr s) throw PyExc.TypeError(encoding != null ? "encoding without a string argument" : "errors without a string argument");
            string enc = encoding == null ? "utf-8" : NativeConvert.ToStr(encoding, who, "encoding");
            string err = errors == null ? "strict" : NativeConvert.ToStr(errors, who, "errors");
            return PyStrCodecs.Encode(ts, s, enc, err);
        }
        if (source is PyStr) throw PyExc.TypeError("string argument without an encoding");
        if (who == "bytes" && source is not PyBytes || who == "bytes" && subclass != null)
        {
            // __bytes__ takes precedence over the buffer protocol for bytes().
            var m = source.Type.Lookup("__bytes__");
            if (m != null)
            {
                var r = Ops.CallMethod(ts, source, "__bytes__");
                if (r is not PyBytes rb) throw PyExc.TypeError($"__bytes__ returned non-bytes (type {r.Type.Name})");
                return rb.Data;
            }
        }
        if (TryGetBuffer(source, out var buf)) return buf.ToArray();
        if (source is PyInt || source.Type.Index != null)
        {
            var n = Ops.Index(ts, source);
            if (!n.FitsLong) throw PyExc.OverflowError("cannot fit 'int' into an index-sized integer");
            if (n.Small < 0) throw PyExc.ValueError("negative count");
            if (n.Small > int.MaxValue) throw PyExc.MemoryError();
            return new byte[n.Small];
        }
        if (source.Type.Iter == null && source.Type.GetItem == null)
            throw PyExc.TypeError(who == "bytes" ? $"cannot convert '{source.Type.Name}' object to bytes" : $"cannot convert '{source.Type.Name}' object to bytearray");
        var list = new List<byte>();
        foreach (var item in Ops.Iterate(ts, source)) list.Add(ByteValue(ts, item, who == "bytes" ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)"));
        return list.ToArray();
    }

    /// <summary>An int argument that must be a byte value.</summary>
    internal static byte ByteValue(ThreadState ts, PyObject o, string message = "byte must be in range(0, 256)")
    {
        var v = o is PyInt i ? i : Ops.Index(ts, o);
        if (!v.FitsLong || v.Small < 0 || v.Small > 255) throw PyExc.ValueError(message);
        return (byte)v.Small;
    }

    // ---------------- bytes-only slots and methods ----------------

    [PySlot("__hash__")] static long Hash(ThreadState ts, PyObject self) => ((PyBytes)self).GetHash();

    [PySlot("__repr__")] static PyObject ReprSlot(ThreadState ts, PyObject self) => new PyStr(Repr.Bytes(((PyBytes)self).Data));
    [PySlot("__str__")] static PyObject Str(ThreadState ts, PyObject self) => new PyStr(Repr.Bytes(((PyBytes)self).Data));
    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => new PyBytesIterator(self);
    [PyMethod] static long __sizeof__(ThreadState ts, PyBytes self) => 33 + self.Data.Length;
    [PyMethod] static PyObject __bytes__(ThreadState ts, PyBytes self) => self.SameOrCopy();
    [PyMethod] static PyObject __getnewargs__(ThreadState ts, PyBytes self) => PyTuple.Of(From(self.Data));
}
