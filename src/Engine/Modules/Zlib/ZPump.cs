#nullable enable
using System;
namespace StacklessIron.Modules.Zlib;

/// <summary>Runs a zlib stream over one input with one flush mode, collecting the output in a
/// growing array: the loop that compress, decompress and the stream objects' methods share.</summary>
internal static unsafe class ZPump
{
    /// <summary>Feeds `input` and calls deflate/inflate until zlib leaves output room unused
    /// (it needs more input), the stream ends, an error other than Z_BUF_ERROR occurs, or
    /// `maxLength` bytes (0 = no limit) were produced. `onNeedDict` answers Z_NEED_DICT (true =
    /// dictionary set, go on). Returns zlib's last code; `consumed` is how much input was read.</summary>
    public static int Run(ZStream s, ReadOnlySpan<byte> input, int flush, ZOutput output,
        long maxLength, Func<bool>? onNeedDict, out int consumed)
    {
        int err = LibZ.Z_OK;
        var z = s.Z;
        fixed (byte* inp = input)
        {
            z->NextIn = inp;
            z->AvailIn = (uint)input.Length;
            while (true)
            {
                int room = output.Room(maxLength);
                if (room == 0) break;
                fixed (byte* outp = output.Buffer)
                {
                    z->NextOut = outp + output.Length;
                    z->AvailOut = (uint)room;
                    err = s.Run(flush);
                    output.Length += (int)(room - z->AvailOut);
                }
                bool full = z->AvailOut == 0;
                z->NextOut = null;
                z->AvailOut = 0;
                if (err == LibZ.Z_NEED_DICT && onNeedDict != null && onNeedDict()) continue;
                if (err != LibZ.Z_OK && err != LibZ.Z_BUF_ERROR) break;
                if (!full) break;
            }
            consumed = input.Length - (int)z->AvailIn;
            z->NextIn = null;
            z->AvailIn = 0;
        }
        return err;
    }
}
