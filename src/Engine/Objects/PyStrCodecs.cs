#nullable enable
using System.Text;
using StacklessIron.Objects.Formatting;
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

/// <summary>
/// The built-in codecs behind str.encode, bytes.decode and str(bytes, encoding): utf-8, ascii,
/// latin-1, utf-16 and utf-32 (with and without BOM), with the error handlers strict, ignore,
/// replace, surrogateescape, surrogatepass, backslashreplace and xmlcharrefreplace (encoding).
/// Positions in errors are code points (encode) or bytes (decode), reasons as CPython's.
/// (A codec registry for the rest of the encodings belongs to a `_codecs` module.)
/// </summary>
public static class PyStrCodecs
{
    /// <summary>CPython's encodings.normalize_encoding plus the aliases of the codecs here.</summary>
    public static string? Normalize(string encoding)
    {
        var sb = new StringBuilder(encoding.Length);
        foreach (char c in encoding.Trim()) sb.Append(c == '-' || c == ' ' ? '_' : char.ToLowerInvariant(c));
        return sb.ToString() switch
        {
            "utf_8" or "utf8" or "u8" or "utf" or "cp65001" or "utf8_ucs2" or "utf8_ucs4" => "utf-8",
            "ascii" or "us_ascii" or "646" or "us" or "ansi_x3.4_1968" or "iso646_us" or "cp367" or "csascii" or "ibm367" or "iso_ir_6" => "ascii",
            "latin_1" or "latin1" or "latin" or "l1" or "iso8859_1" or "iso_8859_1" or "8859" or "cp819" or "iso_ir_100" or "ibm819" or "csisolatin1" or "iso_8859_1:1987" => "latin-1",
            "utf_16" or "utf16" or "u16" => "utf-16",
            "utf_16_le" or "utf_16le" => "utf-16-le",
            "utf_16_be" or "utf_16be" => "utf-16-be",
            "utf_32" or "utf32" or "u32" => "utf-32",
            "utf_32_le" or "utf_32le" => "utf-32-le",
            "utf_32_be" or "utf_32be" => "utf-32-be",
            "utf_8_sig" => "utf-8-sig",
            _ => null,
        };
    }

    static string CodecName(string canonical) => canonical switch
    {
        "utf-16-le" or "utf-16-be" or "utf-32-le" or "utf-32-be" => canonical,
        "utf-8-sig" => "utf-8",
        _ => canonical,
    };

    public static PyException UnicodeError(bool encode, string encoding, PyObject input, int start, int end, string reason)
        => PyExc.New(encode ? ExceptionTypes.UnicodeEncodeError : ExceptionTypes.UnicodeDecodeError,
                     PyStr.From(encoding), input, PyInt.From(start), PyInt.From(end), PyStr.From(reason));

    static PyException UnknownHandler(string errors) => PyExc.LookupError($"unknown error handler name '{errors}'");

    // ---------------- encoding ----------------

    public static byte[] Encode(ThreadState ts, PyStr str, string encoding, string errors)
    {
        var enc = Normalize(encoding) ?? throw PyExc.LookupError($"unknown encoding: {encoding}");
        string s = str.Value;
        if (enc == "utf-8" && errors == "strict" && !CodePoints.HasSurrogates(s)) return Encoding.UTF8.GetBytes(s);
        var cps = CodePoints.ToArray(s);
        var o = new List<byte>(cps.Length + 4);
        switch (enc)
        {
            case "utf-16": o.Add(0xFF); o.Add(0xFE); break;
            case "utf-32": o.Add(0xFF); o.Add(0xFE); o.Add(0); o.Add(0); break;
            case "utf-8-sig": o.Add(0xEF); o.Add(0xBB); o.Add(0xBF); break;
        }
        string codec = CodecName(enc);
        int limit = enc == "ascii" ? 0x80 : enc == "latin-1" ? 0x100 : 0x110000;
        string reason = limit == 0x80 ? "ordinal not in range(128)" : limit == 0x100 ? "ordinal not in range(256)" : "surrogates not allowed";
        for (int i = 0; i < cps.Length; i++)
        {
            int c = cps[i];
            bool ok = c < limit && (limit < 0x110000 || c < 0xD800 || c > 0xDFFF);
            if (ok) { EncodeOne(o, enc, c); continue; }
            int j = i + 1;
            while (j < cps.Length && !(cps[j] < limit && (limit < 0x110000 || cps[j] < 0xD800 || cps[j] > 0xDFFF))) j++;
            switch (errors)
            {
                case "strict": throw UnicodeError(true, codec, str, i, j, reason);
                case "ignore": break;
                case "replace": for (int k = i; k < j; k++) EncodeOne(o, enc, '?'); break;
                case "backslashreplace":
                    for (int k = i; k < j; k++)
                    {
                        int x = cps[k];
                        string esc = x < 0x100 ? $"\\x{x:x2}" : x < 0x10000 ? $"\\u{x:x4}" : $"\\U{x:x8}";
                        foreach (char ch in esc) EncodeOne(o, enc, ch);
                    }
                    break;
                case "xmlcharrefreplace":
                    for (int k = i; k < j; k++) foreach (char ch in $"&#{cps[k]};") EncodeOne(o, enc, ch);
                    break;
                case "surrogateescape":
                    for (int k = i; k < j; k++)
                    {
                        int x = cps[k];
                        if (x < 0xDC80 || x > 0xDCFF || (limit == 0x110000 && x < 0xDD00 && x - 0xDC00 < 0x80))
                            throw UnicodeError(true, codec, str, k, k + 1, reason);
                        o.Add((byte)(x - 0xDC00));
                    }
                    break;
                case "surrogatepass":
                    if (limit < 0x110000) throw UnicodeError(true, codec, str, i, j, reason);
                    for (int k = i; k < j; k++) EncodeOne(o, enc, cps[k]);
                    break;
                default: throw UnknownHandler(errors);
            }
            i = j - 1;
        }
        return o.ToArray();
    }

    static void EncodeOne(List<byte> o, string enc, int c)
    {
        switch (enc)
        {
            case "ascii":
            case "latin-1":
                o.Add((byte)c); break;
            case "utf-16": case "utf-16-le": case "utf-16-be":
            {
                bool be = enc == "utf-16-be";
                if (c >= 0x10000)
                {
                    int v = c - 0x10000;
                    Add16(o, 0xD800 + (v >> 10), be);
                    Add16(o, 0xDC00 + (v & 0x3FF), be);
                }
                else Add16(o, c, be);
                break;
            }
            case "utf-32": case "utf-32-le": case "utf-32-be":
                if (enc == "utf-32-be") { o.Add((byte)(c >> 24)); o.Add((byte)(c >> 16)); o.Add((byte)(c >> 8)); o.Add((byte)c); }
                else { o.Add((byte)c); o.Add((byte)(c >> 8)); o.Add((byte)(c >> 16)); o.Add((byte)(c >> 24)); }
                break;
            default: // utf-8 (surrogates included, for surrogatepass)
                if (c < 0x80) o.Add((byte)c);
                else if (c < 0x800) { o.Add((byte)(0xC0 | c >> 6)); o.Add((byte)(0x80 | c & 0x3F)); }
                else if (c < 0x10000) { o.Add((byte)(0xE0 | c >> 12)); o.Add((byte)(0x80 | c >> 6 & 0x3F)); o.Add((byte)(0x80 | c & 0x3F)); }
                else { o.Add((byte)(0xF0 | c >> 18)); o.Add((byte)(0x80 | c >> 12 & 0x3F)); o.Add((byte)(0x80 | c >> 6 & 0x3F)); o.Add((byte)(0x80 | c & 0x3F)); }
                break;
        }
    }

    static void Add16(List<byte> o, int v, bool be)
    {
        if (be) { o.Add((byte)(v >> 8)); o.Add((byte)v); }
        else { o.Add((byte)v); o.Add((byte)(v >> 8)); }
    }

    // ---------------- decoding ----------------

    public static string Decode(ThreadState ts, ReadOnlyMemory<byte> data, string encoding, string errors, PyObject input)
    {
        // CPython returns '' for empty input before looking the codec up.
        if (data.Length == 0) return "";
        var enc = Normalize(encoding) ?? throw PyExc.LookupError($"unknown encoding: {encoding}");
        var b = data.Span;
        var sb = new StringBuilder(b.Length);
        switch (enc)
        {
            case "latin-1":
                foreach (byte x in b) sb.Append((char)x);
                return sb.ToString();
            case "ascii":
                for (int i = 0; i < b.Length; i++)
                {
                    if (b[i] < 0x80) sb.Append((char)b[i]);
                    else Bad(sb, b, i, i + 1, "ascii", "ordinal not in range(128)", errors, input);
                }
                return sb.ToString();
            case "utf-8":
            case "utf-8-sig":
            {
                int i = 0;
                if (enc == "utf-8-sig" && b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) i = 3;
                DecodeUtf8(sb, b, i, errors, input);
                return sb.ToString();
            }
            case "utf-16": case "utf-16-le": case "utf-16-be":
            {
                bool be = enc == "utf-16-be";
                int i = 0;
                if (enc == "utf-16" && b.Length >= 2)
                {
                    if (b[0] == 0xFF && b[1] == 0xFE) i = 2;
                    else if (b[0] == 0xFE && b[1] == 0xFF) { i = 2; be = true; }
                }
                string codec = be ? "utf-16-be" : "utf-16-le";
                while (i < b.Length)
                {
                    if (i + 1 >= b.Length) { Bad(sb, b, i, b.Length, codec, "truncated data", errors, input); break; }
                    int u = be ? b[i] << 8 | b[i + 1] : b[i + 1] << 8 | b[i];
                    if (u < 0xD800 || u > 0xDFFF) { sb.Append((char)u); i += 2; continue; }
                    if (u >= 0xDC00) { Bad(sb, b, i, i + 2, codec, "illegal encoding", errors, input); i += 2; continue; }
                    if (i + 3 >= b.Length) { Bad(sb, b, i, b.Length, codec, "unexpected end of data", errors, input); break; }
                    int u2 = be ? b[i + 2] << 8 | b[i + 3] : b[i + 3] << 8 | b[i + 2];
                    if (u2 < 0xDC00 || u2 > 0xDFFF) { Bad(sb, b, i, i + 2, codec, "illegal UTF-16 surrogate", errors, input); i += 2; continue; }
                    sb.Append((char)u).Append((char)u2);
                    i += 4;
                }
                return sb.ToString();
            }
            default: // utf-32
            {
                bool be = enc == "utf-32-be";
                int i = 0;
                if (enc == "utf-32" && b.Length >= 4)
                {
                    if (b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) i = 4;
                    else if (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) { i = 4; be = true; }
                }
                string codec = be ? "utf-32-be" : "utf-32-le";
                while (i < b.Length)
                {
                    if (i + 3 >= b.Length) { Bad(sb, b, i, b.Length, codec, "truncated data", errors, input); break; }
                    long c = be ? (long)b[i] << 24 | (long)b[i + 1] << 16 | (long)b[i + 2] << 8 | b[i + 3]
                                : (long)b[i + 3] << 24 | (long)b[i + 2] << 16 | (long)b[i + 1] << 8 | b[i];
                    if (c > 0x10FFFF) Bad(sb, b, i, i + 4, codec, "code point not in range(0x110000)", errors, input);
                    else if (c >= 0xD800 && c <= 0xDFFF && errors != "surrogatepass") Bad(sb, b, i, i + 4, codec, "code point in surrogate code point range(0xd800, 0xe000)", errors, input);
                    else UnicodeInfo.AppendCodePoint(sb, (int)c);
                    i += 4;
                }
                return sb.ToString();
            }
        }
    }

    static void DecodeUtf8(StringBuilder sb, ReadOnlySpan<byte> b, int i, string errors, PyObject input)
    {
        int n = b.Length;
        while (i < n)
        {
            byte x = b[i];
            if (x < 0x80) { sb.Append((char)x); i++; continue; }
            int need; int lo = 0x80, hi = 0xBF;
            if (x >= 0xC2 && x <= 0xDF) need = 1;
            else if (x >= 0xE0 && x <= 0xEF) { need = 2; if (x == 0xE0) lo = 0xA0; else if (x == 0xED) hi = 0x9F; }
            else if (x >= 0xF0 && x <= 0xF4) { need = 3; if (x == 0xF0) lo = 0x90; else if (x == 0xF4) hi = 0x8F; }
            else { Bad(sb, b, i, i + 1, "utf-8", "invalid start byte", errors, input); i++; continue; }
            // surrogatepass: ED A0..BF xx is an encoded surrogate
            if (x == 0xED && errors == "surrogatepass" && i + 2 < n && b[i + 1] >= 0xA0 && b[i + 1] <= 0xBF && (b[i + 2] & 0xC0) == 0x80)
            {
                sb.Append((char)(0xD000 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F));
                i += 3;
                continue;
            }
            int k = 1;
            bool bad = false;
            for (; k <= need; k++)
            {
                if (i + k >= n) break;
                byte y = b[i + k];
                int l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
                if (y < l || y > h) { bad = true; break; }
            }
            if (bad) { Bad(sb, b, i, i + k, "utf-8", "invalid continuation byte", errors, input); i += k; continue; }
            if (k <= need) { Bad(sb, b, i, n, "utf-8", "unexpected end of data", errors, input); i = n; continue; }
            int cp = need == 1 ? (x & 0x1F) << 6 | b[i + 1] & 0x3F
                   : need == 2 ? (x & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F
                   : (x & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | b[i + 3] & 0x3F;
            UnicodeInfo.AppendCodePoint(sb, cp);
            i += need + 1;
        }
    }

    /// <summary>Applies the decode error handler to bytes [start, end).</summary>
    static void Bad(StringBuilder sb, ReadOnlySpan<byte> b, int start, int end, string codec, string reason, string errors, PyObject input)
    {
        switch (errors)
        {
            case "strict": throw UnicodeError(false, codec, input, start, end, reason);
            case "ignore": return;
            case "replace": sb.Append('\uFFFD'); return;
            case "surrogateescape":
                for (int k = start; k < end; k++)
                {
                    if (b[k] < 0x80) throw UnicodeError(false, codec, input, start, end, reason);
                    sb.Append((char)(0xDC00 + b[k]));
                }
                return;
            case "backslashreplace":
                for (int k = start; k < end; k++) sb.Append("\\x").Append(b[k].ToString("x2"));
                return;
            case "surrogatepass":
                throw UnicodeError(false, codec, input, start, end, reason);
            case "xmlcharrefreplace":
                throw PyExc.TypeError("don't know how to handle UnicodeDecodeError in error callback");
            default: throw UnknownHandler(errors);
        }
    }
}
