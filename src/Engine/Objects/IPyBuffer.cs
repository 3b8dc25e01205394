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
    /// <summary>True if memoryview may wrap the object as unsigned bytes (format 'B'); an
    /// exporter of wider items (array.array) says false until memoryview knows its format.</summary>
    bool BufferIsBytes => false;
}
