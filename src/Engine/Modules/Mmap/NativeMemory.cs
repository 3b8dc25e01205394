#nullable enable
using System;
using System.Buffers;
namespace StacklessIron.Modules.Mmap;

/// <summary>A Memory&lt;byte&gt; over memory the OS mapped (not the GC heap): what an mmap exports
/// as its buffer. One instance per mapping address and size; a resize or close makes a new
/// one (or none), so a stale Memory is never handed out again.</summary>
sealed unsafe class NativeMemory : MemoryManager<byte>
{
    readonly byte* _pointer;
    readonly int _length;

    public NativeMemory(byte* pointer, int length) { _pointer = pointer; _length = length; }

    public override Span<byte> GetSpan() => new(_pointer, _length);

    // Mapped memory never moves, so pinning is only handing out the address.
    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin() { }

    protected override void Dispose(bool disposing) { }
}
