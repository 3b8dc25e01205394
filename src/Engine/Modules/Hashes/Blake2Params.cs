#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The BLAKE2 parameter block's fields (RFC 7693 and the BLAKE2 paper), as
/// hashlib.blake2b/blake2s take them.</summary>
public sealed class Blake2Params
{
    public int DigestSize;
    public byte[] Key = Array.Empty<byte>(), Salt = Array.Empty<byte>(), Person = Array.Empty<byte>();
    public int Fanout = 1, Depth = 1, NodeDepth, InnerSize;
    public uint LeafSize;
    public ulong NodeOffset;
    public bool LastNode;
}
