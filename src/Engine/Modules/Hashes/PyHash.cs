#nullable enable
using System;
using System.Security.Cryptography;
namespace StacklessIron.Modules;

/// <summary>The hash objects of _md5, _sha1, _sha256, _sha512 and _sha3 (hashlib falls back to
/// these when there is no _hashlib): update/digest/hexdigest/copy over .NET's IncrementalHash,
/// or over Shake128/Shake256 for the extendable-output functions.</summary>
[PyType("hash")]
public sealed class PyHash : PyObject
{
    public sealed record Algo(string Name, HashAlgorithmName? DotNet, int DigestSize, int BlockSize, int ShakeBits, PyType Type);

    IncrementalHash? _hash;
    Shake128? _shake128;
    Shake256? _shake256;
    public readonly Algo Algorithm;

    PyHash(Algo algo) : base(algo.Type) { Algorithm = algo; }

    public static PyHash Create(Algo algo)
    {
        var h = new PyHash(algo);
        if (algo.ShakeBits == 128) h._shake128 = new Shake128();
        else if (algo.ShakeBits == 256) h._shake256 = new Shake256();
        else h._hash = IncrementalHash.CreateHash(algo.DotNet!.Value);
        return h;
    }

    public static PyType DefineType(string name, string module) =>
        PyType.Builtin(name, typeof(PyHash), subclassable: false, module: module);

    public void Update(ReadOnlySpan<byte> data)
    {
        if (_hash != null) _hash.AppendData(data);
        else if (_shake128 != null) _shake128.AppendData(data);
        else _shake256!.AppendData(data);
    }

    public static void Update(PyHash h, PyObject data)
    {
        if (data is PyStr) throw PyExc.TypeError("Strings must be encoded before hashing");
        if (!PyBytes.TryGetBuffer(data, out var mem)) throw PyExc.TypeError($"object supporting the buffer API required");
        h.Update(mem.Span);
    }

    byte[] Digest(long length)
    {
        if (_hash != null) return _hash.GetCurrentHash();
        if (length < 0) throw PyExc.ValueError("length must be non-negative");
        if (length >= 1L << 29) throw PyExc.ValueError("length is too large");
        return _shake128 != null ? _shake128.GetCurrentHash((int)length) : _shake256!.GetCurrentHash((int)length);
    }

    bool IsShake => Algorithm.ShakeBits != 0;

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
        if (!self.IsShake)
        {
            if (args.Length > 0) throw PyExc.TypeError($"{self.Algorithm.Name}.{name}() takes no arguments ({args.Length} given)");
            return 0;
        }
        if (args.Length != 1) throw PyExc.TypeError($"{name}() missing required argument 'length' (pos 1)");
        return Ops.Index(ts, args[0]).ToLongChecked();
    }

    [PyMethod]
    static PyObject copy(ThreadState ts, PyHash self)
    {
        var h = new PyHash(self.Algorithm)
        {
            _hash = self._hash?.Clone(),
            _shake128 = self._shake128?.Clone(),
            _shake256 = self._shake256?.Clone(),
        };
        return h;
    }

    [PyGetter("name")] static PyObject GetName(ThreadState ts, PyObject self) => new PyStr(((PyHash)self).Algorithm.Name);
    [PyGetter("digest_size")] static PyObject GetDigestSize(ThreadState ts, PyObject self) => PyInt.From(((PyHash)self).Algorithm.DigestSize);
    [PyGetter("block_size")] static PyObject GetBlockSize(ThreadState ts, PyObject self) => PyInt.From(((PyHash)self).Algorithm.BlockSize);
    [PyGetter("_capacity_bits")] static PyObject GetCapacity(ThreadState ts, PyObject self) => PyInt.From(1600 - ((PyHash)self).Algorithm.BlockSize * 8);
    [PyGetter("_rate_bits")] static PyObject GetRate(ThreadState ts, PyObject self) => PyInt.From(((PyHash)self).Algorithm.BlockSize * 8);
    [PyGetter("_suffix")] static PyObject GetSuffix(ThreadState ts, PyObject self) => PyBytes.From(new[] { ((PyHash)self).IsShake ? (byte)0x1f : (byte)0x06 });

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
        => new PyStr($"<{((PyHash)self).Algorithm.Name} _hashlib.HASH object @ 0x{Ops.Id(self):x}>");
}
