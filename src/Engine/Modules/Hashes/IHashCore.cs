#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>One running hash computation behind a hash object.</summary>
public interface IHashCore
{
    void Update(ReadOnlySpan<byte> data);
    /// <summary>The digest of the data so far (the computation can continue); `length` is used
    /// by the extendable-output functions only.</summary>
    byte[] Digest(int length);
    IHashCore Clone();
}
