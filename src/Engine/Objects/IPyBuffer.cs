#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>An object other than bytes, bytearray and memoryview that exports its content as
/// one flat byte buffer (CPython's buffer protocol), e.g. array.array: bytes(x), hashing,
/// file writes and struct read it through PyBytes.TryGetBuffer.</summary>
public interface IPyBuffer
{
    /// <summary>The live content (valid until the object is next resized).</summary>
    Memory<byte> BufferMemory { get; }
    bool BufferReadOnly { get; }
    /// <summary>The struct-module code of one item, as memoryview shows it ('B' for plain bytes;
    /// array.array exports its typecode, 'w' for its 4-byte characters).</summary>
    char BufferFormat => 'B';
    /// <summary>The size of one item in bytes.</summary>
    int BufferItemSize => 1;
}
