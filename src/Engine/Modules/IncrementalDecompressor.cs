#nullable enable
using System;
using System.IO;
namespace StacklessIron.Modules;

/// <summary>The input bookkeeping that BZ2Decompressor and LZMADecompressor share (CPython's
/// contract for both): input that max_length left unread is held for the next call, input
/// after the end of the stream becomes unused_data, and needs_input says whether more output
/// can come without more input.</summary>
internal sealed class IncrementalDecompressor
{
    public bool Eof { get; private set; }
    public bool NeedsInput { get; private set; } = true;
    public PyBytes UnusedData { get; private set; } = PyBytes.Empty;
    byte[] _pending = Array.Empty<byte>();

    public unsafe PyBytes Decompress(ICodecStream stream, ReadOnlySpan<byte> fresh, long maxLength, string eofMessage)
    {
        if (Eof) throw PyExc.EOFError(eofMessage);
        byte[] input;
        if (_pending.Length > 0)
        {
            input = new byte[_pending.Length + fresh.Length];
            _pending.CopyTo(input, 0);
            fresh.CopyTo(input.AsSpan(_pending.Length));
        }
        else input = fresh.ToArray();
        var output = new MemoryStream();
        var chunk = new byte[maxLength >= 0 ? (int)Math.Min(maxLength, 1 << 20) : Math.Max(8192, Math.Min(input.Length * 4, 1 << 20))];
        bool outputFull = false;
        int left;
        fixed (byte* inp = input)
        fixed (byte* outp = chunk)
        {
            stream.SetInput(inp, input.Length);
            try
            {
                while (true)
                {
                    long room = maxLength >= 0 ? Math.Min(chunk.Length, maxLength - output.Length) : chunk.Length;
                    if (room == 0) { outputFull = true; break; }
                    int produced = stream.Run(outp, (int)room, finish: false, out bool streamEnd);
                    output.Write(chunk, 0, produced);
                    if (streamEnd) { Eof = true; break; }
                    if (stream.InputLeft == 0 && produced < room) break;
                    // Input used up with the output room full: the decoder may still hold output.
                    if (stream.InputLeft == 0 && maxLength >= 0 && output.Length >= maxLength) { outputFull = true; break; }
                }
            }
            finally
            {
                left = stream.InputLeft;
                stream.ClearBuffers();
            }
        }
        var rest = input.AsSpan(input.Length - left);
        if (Eof)
        {
            NeedsInput = false;
            _pending = Array.Empty<byte>();
            if (rest.Length > 0) UnusedData = PyBytes.From(rest.ToArray());
        }
        else if (rest.Length == 0)
        {
            _pending = Array.Empty<byte>();
            NeedsInput = !outputFull;
        }
        else
        {
            NeedsInput = false;
            _pending = rest.ToArray();
        }
        return PyBytes.From(output.ToArray());
    }
}
