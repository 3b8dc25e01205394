#nullable enable
using System;
using System.Security.Cryptography;
namespace StacklessIron.Modules;

/// <summary>The builtin hash modules hashlib falls back to: _md5, _sha1, _sha256 (sha224,
/// sha256), _sha512 (sha384, sha512) and _sha3. Each constructor is
/// `name(string=b'', *, usedforsecurity=True)`.</summary>
public static class HashModules
{
    static readonly System.Collections.Generic.Dictionary<string, PyHash.Algo> s_algos = new();

    static readonly System.Collections.Generic.Dictionary<PyType, PyHash.Algo> s_byType = new();

    static void Define(string module, string name, HashAlgorithmName? alg, int digest, int block, int shake = 0)
    {
        var a = new PyHash.Algo(name, alg, digest, block, shake, PyHash.DefineType(name, module));
        s_algos[name] = a;
        s_byType[a.Type] = a;
    }

    static HashModules()
    {
        Define("_md5", "md5", HashAlgorithmName.MD5, 16, 64);
        Define("_sha1", "sha1", HashAlgorithmName.SHA1, 20, 64);
        Define("_sha256", "sha224", null, 28, 64);
        Define("_sha256", "sha256", HashAlgorithmName.SHA256, 32, 64);
        Define("_sha512", "sha384", HashAlgorithmName.SHA384, 48, 128);
        Define("_sha512", "sha512", HashAlgorithmName.SHA512, 64, 128);
        Define("_sha3", "sha3_224", null, 28, 144);
        Define("_sha3", "sha3_256", HashAlgorithmName.SHA3_256, 32, 136);
        Define("_sha3", "sha3_384", HashAlgorithmName.SHA3_384, 48, 104);
        Define("_sha3", "sha3_512", HashAlgorithmName.SHA3_512, 64, 72);
        Define("_sha3", "shake_128", null, 0, 168, 128);
        Define("_sha3", "shake_256", null, 0, 136, 256);
    }

    /// <summary>Whether .NET (OpenSSL underneath) can compute this algorithm here.</summary>
    static bool Supported(PyHash.Algo a) => a.ShakeBits switch
    {
        128 => Shake128.IsSupported,
        256 => Shake256.IsSupported,
        _ => a.DotNet is HashAlgorithmName n && (n != HashAlgorithmName.SHA3_256 || SHA3_256.IsSupported)
                 && (n != HashAlgorithmName.SHA3_384 || SHA3_384.IsSupported) && (n != HashAlgorithmName.SHA3_512 || SHA3_512.IsSupported),
    };

    public static void Register()
    {
        foreach (var module in new[] { "_md5", "_sha1", "_sha256", "_sha512", "_sha3" })
            Importer.NativeModules[module] = ts => Create(module);
    }

    static PyModule Create(string module)
    {
        var m = new PyModule(module);
        foreach (var (name, algo) in s_algos)
        {
            if (algo.Type.ModuleName != module || !Supported(algo)) continue;
            // The function's bound "self" is the hash type, which tells Construct the algorithm.
            var method = typeof(HashModules).GetMethod(nameof(Construct), System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!;
            m.Set(name, new PyBuiltinFunction(new NativeFunction(name, method, true), algo.Type) { ModuleName = module });
        }
        return m;
    }

    static PyObject Construct(ThreadState ts, PyType hashType, [PyKeyword] PyObject? @string = null, [PyKwOnly] bool usedforsecurity = true)
    {
        PyObject? data = @string;
        var h = PyHash.Create(s_byType[hashType]);
        if (data != null) PyHash.Update(h, data);
        return h;
    }
}
