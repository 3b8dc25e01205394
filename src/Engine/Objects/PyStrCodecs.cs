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

    /// <summary>The codec registry (`_codecs`), once installed: (ts, str or bytes, encoding,
    /// errors, encode?) -> bytes or str. Used for the encodings and error handlers the
    /// built-in algorithms do not know.</summary>
    public static Func<ThreadState, PyObject, string, string, bool, PyObject>? Registry;

    static bool IsBuiltinHandler(string errors)
        => errors is "strict" or "ignore" or "replace" or "surrogateescape" or "surrogatepass" or "backslashreplace" or "xmlcharrefreplace";

    public static byte[] Encode(ThreadState ts, PyStr str, string encoding, string errors)
    {
        // Fast path: UTF-8 of a string without surrogates cannot fail, and .NET's encoder is
        // vectorised.
        if (encoding == "utf-8" || encoding == "utf8")
        {
            string s = str.Value;
            if (!CodePoints.HasSurrogates(s)) return System.Text.Encoding.UTF8.GetBytes(s);
            // surrogate pairs only (text above the BMP) cannot fail either: the vectorised
            // transcoder, which stops at a lone surrogate instead of replacing it; only then
            // does the error handler's path below run
            var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(s)];
            if (System.Text.Unicode.Utf8.FromUtf16(s, bytes, out int read, out int written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done
                && read == s.Length && written == bytes.Length)
                return bytes;
        }
        if (Registry != null && !IsBuiltinHandler(errors))
        {
            // As CPython, an error handler is only looked up when an error occurs.
            try { if (StrCodecs.TryEncode(str.Value, encoding, "strict", out var clean)) return clean; }
            catch (FormatError) { }
            // A registered handler (codecs.register_error) handles the error; otherwise the
            // built-in algorithm reports the unknown handler as CPython does.
            try { return RegistryEncode(ts, str, encoding, errors); }
            catch (PyException e) when (e.Matches(ExceptionTypes.LookupError)) { }
        }
        try
        {
            if (StrCodecs.TryEncode(str.Value, encoding, errors, out var result)) return result;
        }
        catch (FormatError e) { throw PyStr.Raise(e, str); }
        if (Registry != null) return RegistryEncode(ts, str, encoding, errors);
        throw PyExc.LookupError($"unknown encoding: {encoding}");
    }

    static byte[] RegistryEncode(ThreadState ts, PyStr str, string encoding, string errors)
    {
        var r = Registry!(ts, str, encoding, errors, true);
        if (r is PyBytes b) return b.Data;
        throw PyExc.TypeError($"'{encoding}' encoder returned '{r.Type.Name}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types");
    }

    static string RegistryDecode(ThreadState ts, ReadOnlyMemory<byte> data, string encoding, string errors, PyObject input)
    {
        var r = Registry!(ts, input is PyBytes ? input : PyBytes.From(data.ToArray()), encoding, errors, false);
        if (r is PyStr s) return s.Value;
        throw PyExc.TypeError($"'{encoding}' decoder returned '{r.Type.Name}' instead of 'str'; use codecs.decode() to decode to arbitrary types");
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
        if (Registry != null && !IsBuiltinHandler(errors))
        {
            try { if (StrCodecs.TryDecode(data.Span, encoding, "strict", out var clean)) return clean; }
            catch (FormatError) { }
            try { return RegistryDecode(ts, data, encoding, errors, input); }
            catch (PyException e) when (e.Matches(ExceptionTypes.LookupError)) { }
        }
        try
        {
            if (StrCodecs.TryDecode(data.Span, encoding, errors, out var result)) return result;
        }
        catch (FormatError e) { throw PyStr.Raise(e, input); }
        if (Registry != null) return RegistryDecode(ts, data, encoding, errors, input);
        throw PyExc.LookupError($"unknown encoding: {encoding}");
    }
}
