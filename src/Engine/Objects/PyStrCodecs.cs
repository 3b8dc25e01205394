#nullable enable
using System.Text;
using StacklessIron.Objects.Formatting;
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

/// <summary>
/// The codec entry points of str.encode, bytes.decode and str(bytes, encoding): the algorithms
/// (utf-8, ascii, latin-1, utf-16, utf-32 with CPython's error handlers, error ranges and
/// reasons) are Formatting/StrCodecs; this adapter turns their errors into Python exceptions
/// (UnicodeEncodeError/UnicodeDecodeError carry the input object and the range). Encodings
/// outside that set raise LookupError until a codec registry (`_codecs`) exists.
/// </summary>
public static class PyStrCodecs
{
    public static PyException UnicodeError(bool encode, string encoding, PyObject input, int start, int end, string reason)
        => PyExc.New(encode ? ExceptionTypes.UnicodeEncodeError : ExceptionTypes.UnicodeDecodeError,
                     PyStr.From(encoding), input, PyInt.From(start), PyInt.From(end), PyStr.From(reason));

    static readonly System.Text.UTF8Encoding StrictUtf8 = new(false, true);

    public static byte[] Encode(ThreadState ts, PyStr str, string encoding, string errors)
    {
        // Fast path: UTF-8 of a string without surrogates cannot fail, and .NET's encoder is
        // vectorised.
        if ((encoding == "utf-8" || encoding == "utf8") && !CodePoints.HasSurrogates(str.Value))
            return System.Text.Encoding.UTF8.GetBytes(str.Value);
        try
        {
            if (StrCodecs.TryEncode(str.Value, encoding, errors, out var result)) return result;
        }
        catch (FormatError e) { throw PyStr.Raise(e, str); }
        throw PyExc.LookupError($"unknown encoding: {encoding}");
    }

    public static string Decode(ThreadState ts, ReadOnlyMemory<byte> data, string encoding, string errors, PyObject input)
    {
        // CPython returns '' for empty input before looking the codec up.
        if (data.Length == 0) return "";
        if (encoding == "utf-8" || encoding == "utf8")
        {
            // Fast path for valid UTF-8 (the strict .NET decoder rejects exactly what CPython's
            // rejects: overlongs, surrogates, > U+10FFFF); anything else takes the full path.
            try { return StrictUtf8.GetString(data.Span); }
            catch (System.Text.DecoderFallbackException) { }
        }
        try
        {
            if (StrCodecs.TryDecode(data.Span, encoding, errors, out var result)) return result;
        }
        catch (FormatError e) { throw PyStr.Raise(e, input); }
        throw PyExc.LookupError($"unknown encoding: {encoding}");
    }
}
