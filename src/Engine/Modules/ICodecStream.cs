#nullable enable
namespace StacklessIron.Modules;

/// <summary>One stream of a C compression library (libbz2, liblzma) as `_bz2` and `_lzma` drive
/// it: the input is set once per call, then each Run codes into the room given.</summary>
internal unsafe interface ICodecStream
{
    void SetInput(byte* input, int length);
    /// <summary>Codes into `output` (at most `room` bytes); `finish` asks a compressor to end
    /// the stream. Returns the bytes written and whether the stream's end was reached.</summary>
    int Run(byte* output, int room, bool finish, out bool streamEnd);
    int InputLeft { get; }
    /// <summary>Drops the pointers into pinned buffers once the call is over.</summary>
    void ClearBuffers();
}
