#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The hash objects of _md5, _sha1, _sha256, _sha512, _sha3 and _blake2 (hashlib
/// falls back to these when there is no _hashlib): update/digest/hexdigest/copy over one
/// <see cref="IHashCore"/>. SHAKE's digest and hexdigest take the output length.</summary>
[PyType("hash")]
public sealed class PyHash : PyObject
{
    /// <summary>A hash algorithm: its Python name, sizes, and how to start a computation.</summary>
    public sealed record Algo(string Name, int DigestSize, int BlockSize, bool IsShake, Func<IHashCore>? Make, PyType Type);

    IHashCore _core;
    readonly int _digestSize;
    public readonly Algo Algorithm;

    public PyHash(Algo algo, IHashCore core, int digestSize) : base(algo.Type)
    {
        Algorithm = algo; _core = core; _digestSize = digestSize;
    }

    public static PyType DefineType(string name, string module) =>
        PyType.Builtin(name, typeof(PyHash), subclassable: false, module: module);

    public static void Update(PyHash h, PyObject data)
    {
        if (data is PyStr) throw PyExc.TypeError("Strings must be encoded before hashing");
        if (!PyBytes.TryGetBuffer(data, out var mem)) throw PyExc.TypeError("object supporting the buffer API required");
        h._core.Update(mem.Span);
    }

    byte[] Digest(long length)
    {
        if (!Algorithm.IsShake) return _core.Digest(_digestSize);
        if (length < 0) throw PyExc.ValueError("length must be non-negative");
        if (length >= 1L << 29) throw PyExc.ValueError("length is too large");
        return _core.Digest((int)length);
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => throw PyExc.TypeError($"cannot create '{cls.FullName}' instances");

    [PyMethod] static void update(ThreadState ts, PyHash self, PyObject obj) => Update(self, obj);

    [PyMethod]
    static PyObject digest(ThreadState ts, PyHash self, params PyObject[] args)
        => PyBytes.From(self.Digest(LengthArg(ts, self, args, "digest")));

    [PyMethod]
    static string hexdigest(ThreadState ts, PyHash self, params PyObject[] args)
        => Convert.ToHexString(self.Digest(LengthArg(ts, self, args, "hexdigest"))).ToLowerInvariant();

    /// <summary>SHAKE's digest(length) needs a length; the fixed-size hashes take none.</summary>
    static long LengthArg(ThreadState ts, PyHash self, PyObject[] args, string name)
    {
        if (!self.Algorithm.IsShake)
        {
            if (args.Length > 0) throw PyExc.TypeError($"{self.Algorithm.Name}.{name}() takes no arguments ({args.Length} given)");
            return 0;
        }
        if (args.Length != 1) throw PyExc.TypeError($"{name}() missing required argument 'length' (pos 1)");
        return Ops.Index(ts, args[0]).ToLongChecked();
    }

    [PyMethod] static PyObject copy(ThreadState ts, PyHash self) => new PyHash(self.Algorithm, self._core.Clone(), self._digestSize);

    [PyGetter("name")] static PyObject GetName(ThreadState ts, PyObject self) => new PyStr(((PyHash)self).Algorithm.Name);
    [PyGetter("digest_size")] static PyObject GetDigestSize(ThreadState ts, PyObject self) => PyInt.From(((PyHash)self)._digestSize);
    [PyGetter("block_size")] static PyObject GetBlockSize(ThreadState ts, PyObject self) => PyInt.From(((PyHash)self).Algorithm.BlockSize);

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
        => new PyStr($"<{((PyHash)self).Algorithm.Name} _hashlib.HASH object @ 0x{Ops.Id(self):x}>");
}
