#nullable enable
using System;
using System.Security.Cryptography;
namespace StacklessIron.Modules;

/// <summary>The builtin hash modules hashlib falls back to: _md5, _sha1, _sha256 (sha224,
/// sha256), _sha512 (sha384, sha512), _sha3 (sha3_*, shake_*) and _blake2 (blake2b, blake2s).
/// Each constructor is `name(string=b'', *, usedforsecurity=True)`; the BLAKE2 ones also
/// take the parameter block's fields.</summary>
public static class HashModules
{
    static readonly System.Collections.Generic.List<PyHash.Algo> s_algos = new();
    static readonly System.Collections.Generic.Dictionary<PyType, PyHash.Algo> s_byType = new();

    static PyHash.Algo Define(string module, string name, int digest, int block, Func<IHashCore>? make, bool shake = false)
    {
        var a = new PyHash.Algo(name, digest, block, shake, make, PyHash.DefineType(name, module));
        s_algos.Add(a);
        s_byType[a.Type] = a;
        return a;
    }

    static readonly PyHash.Algo Blake2b, Blake2s;

    static HashModules()
    {
        Define("_md5", "md5", 16, 64, () => new DotNetHashCore(HashAlgorithmName.MD5));
        Define("_sha1", "sha1", 20, 64, () => new DotNetHashCore(HashAlgorithmName.SHA1));
        Define("_sha256", "sha224", 28, 64, () => new Sha224Core());
        Define("_sha256", "sha256", 32, 64, () => new DotNetHashCore(HashAlgorithmName.SHA256));
        Define("_sha512", "sha384", 48, 128, () => new DotNetHashCore(HashAlgorithmName.SHA384));
        Define("_sha512", "sha512", 64, 128, () => new DotNetHashCore(HashAlgorithmName.SHA512));
        foreach (int bits in new[] { 224, 256, 384, 512 })
        {
            int rate = 200 - bits / 4;
            Define("_sha3", "sha3_" + bits, bits / 8, rate, () => new KeccakCore(rate, 0x06, bits / 8));
        }
        Define("_sha3", "shake_128", 0, 168, () => new KeccakCore(168, 0x1f, 0), shake: true);
        Define("_sha3", "shake_256", 0, 136, () => new KeccakCore(136, 0x1f, 0), shake: true);
        Blake2b = Define("_blake2", "blake2b", 64, 128, null);
        Blake2s = Define("_blake2", "blake2s", 32, 64, null);
    }

    public static void Register()
    {
        foreach (var module in new[] { "_md5", "_sha1", "_sha256", "_sha512", "_sha3", "_blake2" })
            Importer.NativeModules[module] = ts => Create(module);
    }

    static PyModule Create(string module)
    {
        var m = new PyModule(module);
        foreach (var algo in s_algos)
        {
            if (algo.Type.ModuleName != module) continue;
            // The function's bound "self" is the hash type, which tells the constructor the algorithm.
            string cs = algo.Make == null ? nameof(ConstructBlake2) : nameof(Construct);
            var method = typeof(HashModules).GetMethod(cs, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!;
            m.Set(algo.Name, new PyBuiltinFunction(new NativeFunction(algo.Name, method, true), algo.Type) { ModuleName = module });
        }
        if (module == "_blake2")
        {
            m.Set("BLAKE2B_SALT_SIZE", PyInt.From(16)); m.Set("BLAKE2B_PERSON_SIZE", PyInt.From(16));
            m.Set("BLAKE2B_MAX_KEY_SIZE", PyInt.From(64)); m.Set("BLAKE2B_MAX_DIGEST_SIZE", PyInt.From(64));
            m.Set("BLAKE2S_SALT_SIZE", PyInt.From(8)); m.Set("BLAKE2S_PERSON_SIZE", PyInt.From(8));
            m.Set("BLAKE2S_MAX_KEY_SIZE", PyInt.From(32)); m.Set("BLAKE2S_MAX_DIGEST_SIZE", PyInt.From(32));
        }
        return m;
    }

    static PyObject Construct(ThreadState ts, PyType hashType, [PyKeyword] PyObject? @string = null, [PyKwOnly] bool usedforsecurity = true)
    {
        var algo = s_byType[hashType];
        var h = new PyHash(algo, algo.Make!(), algo.DigestSize);
        if (@string != null) PyHash.Update(h, @string);
        return h;
    }

    static byte[] BytesParam(PyObject? o, string name, int max, string what)
    {
        if (o == null) return Array.Empty<byte>();
        if (!PyBytes.TryGetBuffer(o, out var mem)) throw PyExc.TypeError($"a bytes-like object is required, not '{o.Type.Name}'");
        if (mem.Length > max) throw PyExc.ValueError($"maximum {what} length is {max} bytes");
        return mem.ToArray();
    }

    static PyObject ConstructBlake2(ThreadState ts, PyType hashType, PyObject? data = null, [PyKwOnly] int digest_size = -1,
        PyObject? key = null, PyObject? salt = null, PyObject? person = null, int fanout = 1, int depth = 1,
        long leaf_size = 0, long node_offset = 0, int node_depth = 0, int inner_size = 0, bool last_node = false,
        bool usedforsecurity = true)
    {
        bool big = hashType == Blake2b.Type;
        int max = big ? 64 : 32, saltMax = big ? 16 : 8;
        if (digest_size == -1) digest_size = max;
        if (digest_size < 1 || digest_size > max) throw PyExc.ValueError($"digest_size must be between 1 and {max} bytes");
        var p = new Blake2Params
        {
            DigestSize = digest_size,
            Key = BytesParam(key, "key", max, "key"),
            Salt = BytesParam(salt, "salt", saltMax, "salt"),
            Person = BytesParam(person, "person", saltMax, "person"),
        };
        if (fanout < 0 || fanout > 255) throw PyExc.ValueError("fanout must be between 0 and 255");
        if (depth <= 0 || depth > 255) throw PyExc.ValueError("depth must be between 1 and 255");
        if (leaf_size < 0 || leaf_size > uint.MaxValue) throw PyExc.OverflowError("leaf_size is too large");
        if (node_offset < 0 || (!big && node_offset > (1L << 48) - 1)) throw PyExc.OverflowError("node_offset is too large");
        if (node_depth < 0 || node_depth > 255) throw PyExc.ValueError("node_depth must be between 0 and 255");
        if (inner_size < 0 || inner_size > max) throw PyExc.ValueError($"inner_size must be between 0 and is {max}");
        p.Fanout = fanout; p.Depth = depth; p.LeafSize = (uint)leaf_size; p.NodeOffset = (ulong)node_offset;
        p.NodeDepth = node_depth; p.InnerSize = inner_size; p.LastNode = last_node;
        var algo = big ? Blake2b : Blake2s;
        var h = new PyHash(algo, big ? new Blake2bCore(p) : new Blake2sCore(p), digest_size);
        if (data != null) PyHash.Update(h, data);
        return h;
    }
}
