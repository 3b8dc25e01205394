#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>A raw stream the buffered classes may drive without Python method calls:
/// FileIO, and the host-console streams an embedding host supplies. Calls that may block take
/// the thread's state so they can let other Python threads run while they wait.</summary>
public interface IRawStream
{
    bool IsClosedFd { get; }
    /// <summary>Count read, 0 at end of file, -1 when a non-blocking stream has nothing now.</summary>
    int ReadInto(ThreadState ts, Span<byte> buf);
    /// <summary>Count written, or -1 when a non-blocking stream took nothing.</summary>
    int WriteSome(ThreadState ts, ReadOnlySpan<byte> data);
    long SeekNative(long pos, int whence);
    /// <summary>The rest of the stream; null when a non-blocking stream has nothing now.</summary>
    byte[]? ReadAll(ThreadState ts);
}
