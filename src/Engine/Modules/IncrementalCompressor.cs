#nullable enable
using System;
using System.IO;
namespace StacklessIron.Modules;

/// <summary>What BZ2Compressor and LZMACompressor share: compress() codes all the input it is
/// given, flush() ends the stream once, and neither may follow a flush.</summary>
internal sealed class IncrementalCompressor
{
    bool _flushed;

    public PyBytes Compress(ICodecStream stream, ReadOnlySpan<byte> input)
    {
        if (_flushed) throw PyExc.ValueError("Compressor has been flushed");
        return PyBytes.From(Run(stream, input, finish: false));
    }

    public PyBytes Flush(ICodecStream stream)
    {
        if (_flushed) throw PyExc.ValueError("Repeated call to flush()");
        _flushed = true;
        return PyBytes.From(Run(stream, ReadOnlySpan<byte>.Empty, finish: true));
    }

    static unsafe byte[] Run(ICodecStream stream, ReadOnlySpan<byte> input, bool finish)
    {
        var output = new MemoryStream();
        var chunk = new byte[Math.Max(8192, Math.Min(input.Length, 1 << 20))];
        fixed (byte* inp = input)
        fixed (byte* outp = chunk)
        {
            stream.SetInput(inp, input.Length);
            try
            {
                while (finish || stream.InputLeft > 0)
                {
                    int produced = stream.Run(outp, chunk.Length, finish, out bool streamEnd);
                    output.Write(chunk, 0, produced);
                    if (finish && streamEnd) break;
                }
            }
            finally { stream.ClearBuffers(); }
        }
        return output.ToArray();
    }
}
