#nullable enable
using System;
using System.Security.Cryptography;
namespace StacklessIron.Modules;

/// <summary>A hash .NET computes itself (MD5, SHA-1, SHA-256, SHA-384, SHA-512).</summary>
public sealed class DotNetHashCore : IHashCore
{
    readonly IncrementalHash _hash;
    public DotNetHashCore(HashAlgorithmName name) { _hash = IncrementalHash.CreateHash(name); }
    DotNetHashCore(IncrementalHash h) { _hash = h; }
    public void Update(ReadOnlySpan<byte> data) => _hash.AppendData(data);
    public byte[] Digest(int length) => _hash.GetCurrentHash();
    public IHashCore Clone() => new DotNetHashCore(_hash.Clone());
}
