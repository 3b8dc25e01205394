#nullable enable
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

/// <summary>What bytes and bytearray share so that one generic implementation
/// (PyBytesMethods&lt;T&gt;) serves both types' methods.</summary>
public interface IPyBytesLike
{
    /// <summary>The current content (for bytearray: valid until the next mutation).</summary>
    ReadOnlySpan<byte> Span { get; }
    /// <summary>A new object of the same builtin kind (bytes or bytearray, exact type).</summary>
    PyObject Make(byte[] data);
    /// <summary>self when immutable and of exact type, else a copy of the same kind.</summary>
    PyObject SameOrCopy();
}
