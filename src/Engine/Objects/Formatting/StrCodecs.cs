using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// str.encode / bytes.decode for the codecs CPython implements in C and uses everywhere:
/// utf-8, ascii, latin-1, utf-16 and utf-32 (with and without byte order), with the error
/// handlers strict, ignore, replace, surrogateescape, surrogatepass, backslashreplace and
/// xmlcharrefreplace (encode only). Other encodings are left to the runtime's codec registry
/// (TryEncode/TryDecode return false). Positions in errors are code points (encode) or byte
/// offsets (decode), as in UnicodeEncodeError/UnicodeDecodeError.
/// A .NET string cannot hold a high surrogate followed by a low one as two separate code
/// points: such a pair always means the one supplementary character.
/// </summary>
public static class StrCodecs
{
    /// <summary>CPython's encodings.normalize_encoding plus the aliases of the codecs here;
    /// returns the canonical name ("utf-8", "utf-16-le"...) or null when not handled here.</summary>
    public static string? CanonicalName(string encoding)
    {
        var sb = new StringBuilder(encoding.Length);
        bool punct = false;
        foreach (char ch in encoding)
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch == '.')
            {
                if (punct && sb.Length > 0) sb.Append('_');
                sb.Append(char.ToLowerInvariant(ch));
                punct = false;
            }
            else punct = true;
        }
        switch (sb.ToString())
        {
            case "utf_8": case "utf8": case "u8": case "utf": case "cp65001": case "utf8_ucs2": case "utf8_ucs4":
                return "utf-8";
            case "ascii": case "us_ascii": case "646": case "us": case "ansi_x3.4_1968": case "ansi_x3_4_1968": case "ansi_x3.4_1986":
            case "cp367": case "csascii": case "ibm367": case "iso646_us": case "iso_646.irv_1991": case "iso_ir_6":
                return "ascii";
            case "latin_1": case "latin1": case "latin": case "l1": case "iso_8859_1": case "iso8859_1": case "8859": case "cp819":
            case "iso_ir_100": case "csisolatin1": case "ibm819": case "iso_8859_1_1987":
                return "latin-1";
            case "utf_16": case "utf16": case "u16":
                return "utf-16";
            case "utf_16_le": case "utf_16le": case "unicodelittleunmarked":
                return "utf-16-le";
            case "utf_16_be": case "utf_16be": case "unicodebigunmarked":
                return "utf-16-be";
            case "utf_32": case "utf32": case "u32":
                return "utf-32";
            case "utf_32_le": case "utf_32le":
                return "utf-32-le";
            case "utf_32_be": case "utf_32be":
                return "utf-32-be";
            default:
                return null;
        }
    }

    private static void CheckHandler(string errors)
    {
        switch (errors)
        {
            case "strict": case "ignore": case "replace": case "surrogateescape": case "surrogatepass":
            case "backslashreplace": case "xmlcharrefreplace": case "namereplace":
                return;
            default:
                throw new FormatError("LookupError", $"unknown error handler name '{errors}'");
        }
    }

    // ---- encoding ----

    /// <summary>s.encode(encoding, errors), or false when the encoding is not one of these.</summary>
    public static bool TryEncode(string s, string encoding, string errors, out byte[] result)
    {
        string? name = CanonicalName(encoding);
        if (name == null) { result = Array.Empty<byte>(); return false; }
        try
        {
            result = Encode(s, name, errors);
        }
        catch (FormatError e) when (!IsFastPathName(encoding) && (e.PyType == "LookupError" || e.PyType == "TypeError"))
        {
            throw Wrapped("encoding", encoding, e);
        }
        return true;
    }

    /// <summary>The spellings CPython's str.encode/bytes.decode handle without the codec
    /// registry (lower case, '_' as '-'). Through the registry, a LookupError or TypeError
    /// from the error handler comes back wrapped: "decoding with 'u8' codec failed (...)".</summary>
    private static bool IsFastPathName(string encoding)
    {
        string n = encoding.ToLowerInvariant().Replace('_', '-');
        return n is "utf-8" or "utf8" or "utf-16" or "utf16" or "utf-32" or "utf32" or "ascii" or "us-ascii"
                 or "latin-1" or "latin1" or "iso-8859-1" or "iso8859-1";
    }

    private static FormatError Wrapped(string operation, string encoding, FormatError e) =>
        new(e.PyType, $"{operation} with '{encoding}' codec failed ({e.PyType}: {e.Message})");

    private static string EncodeCharText(int cp) =>
        cp <= 0xFF ? $"\\x{cp:x2}" : cp <= 0xFFFF ? $"\\u{cp:x4}" : $"\\U{cp:x8}";

    private static FormatError EncodeError(string codec, int[] cps, int start, int end, string reason)
    {
        string message = end == start + 1
            ? $"'{codec}' codec can't encode character '{EncodeCharText(cps[start])}' in position {start}: {reason}"
            : $"'{codec}' codec can't encode characters in position {start}-{end - 1}: {reason}";
        return new FormatError("UnicodeEncodeError", message) { Encoding = codec, Start = start, End = end, Reason = reason };
    }

    private static byte[] Encode(string s, string name, string errors)
    {
        int[] cps = CodePoints.ToArray(s);
        var output = new List<byte>(cps.Length + 4);
        int limit = name == "ascii" ? 0x80 : name == "latin-1" ? 0x100 : 0x110000;
        bool bigEndian = name.EndsWith("-be", StringComparison.Ordinal);
        int unit = name.StartsWith("utf-16", StringComparison.Ordinal) ? 2 : name.StartsWith("utf-32", StringComparison.Ordinal) ? 4 : 1;
        string reason = limit == 0x80 ? "ordinal not in range(128)" : limit == 0x100 ? "ordinal not in range(256)" : "surrogates not allowed";
        if (name == "utf-16") output.AddRange(new byte[] { 0xFF, 0xFE });
        if (name == "utf-32") output.AddRange(new byte[] { 0xFF, 0xFE, 0, 0 });

        bool Encodable(int cp) => limit < 0x110000 ? cp < limit : cp < 0xD800 || cp > 0xDFFF;

        void Emit(int cp)
        {
            switch (unit)
            {
                case 1:
                    if (limit < 0x110000) output.Add((byte)cp);
                    else AppendUtf8(output, cp);
                    break;
                case 2:
                    if (cp >= 0x10000)
                    {
                        int v = cp - 0x10000;
                        Emit16(output, 0xD800 + (v >> 10), bigEndian);
                        Emit16(output, 0xDC00 + (v & 0x3FF), bigEndian);
                    }
                    else Emit16(output, cp, bigEndian);
                    break;
                default:
                    if (bigEndian) { output.Add((byte)(cp >> 24)); output.Add((byte)(cp >> 16)); output.Add((byte)(cp >> 8)); output.Add((byte)cp); }
                    else { output.Add((byte)cp); output.Add((byte)(cp >> 8)); output.Add((byte)(cp >> 16)); output.Add((byte)(cp >> 24)); }
                    break;
            }
        }

        void EmitAscii(string text)
        {
            foreach (char c in text) output.Add((byte)c);
        }

        for (int i = 0; i < cps.Length;)
        {
            if (Encodable(cps[i])) { Emit(cps[i]); i++; continue; }
            int start = i;
            // UTF-16/32 report one character at a time; the others a whole run.
            while (i < cps.Length && !Encodable(cps[i]) && (unit == 1 || i == start)) i++;
            int end = i;
            CheckHandler(errors);
            switch (errors)
            {
                case "strict":
                    throw EncodeError(name, cps, start, end, reason);
                case "ignore":
                    break;
                case "replace":
                    for (int k = start; k < end; k++) Emit('?');
                    break;
                case "backslashreplace":
                    for (int k = start; k < end; k++) foreach (char c in EncodeCharText(cps[k])) Emit(c);
                    break;
                case "xmlcharrefreplace":
                    for (int k = start; k < end; k++) foreach (char c in "&#" + cps[k].ToString(CultureInfo.InvariantCulture) + ";") Emit(c);
                    break;
                case "surrogateescape":
                    for (int k = start; k < end; k++)
                    {
                        int cp = cps[k];
                        // UTF-16/32 cannot take the raw byte the handler gives back.
                        if (unit > 1) throw EncodeError(name, cps, k, k + 1, reason);
                        if (cp < 0xDC80 || cp > 0xDCFF) throw EncodeError(name, cps, k, end, reason);
                        output.Add((byte)(cp - 0xDC00));
                    }
                    break;
                case "surrogatepass":
                    if (limit < 0x110000) throw EncodeError(name, cps, start, end, reason);
                    for (int k = start; k < end; k++) Emit(cps[k]); // lone surrogates as their own values
                    break;
                default: // namereplace needs the Unicode name database: left to the runtime's codecs
                    throw EncodeError(name, cps, start, end, reason);
            }
        }
        return output.ToArray();
    }

    private static void Emit16(List<byte> output, int v, bool bigEndian)
    {
        if (bigEndian) { output.Add((byte)(v >> 8)); output.Add((byte)v); }
        else { output.Add((byte)v); output.Add((byte)(v >> 8)); }
    }

    private static void AppendUtf8(List<byte> output, int cp)
    {
        if (cp < 0x80) output.Add((byte)cp);
        else if (cp < 0x800) { output.Add((byte)(0xC0 | cp >> 6)); output.Add((byte)(0x80 | cp & 0x3F)); }
        else if (cp < 0x10000)
        {
            output.Add((byte)(0xE0 | cp >> 12)); output.Add((byte)(0x80 | cp >> 6 & 0x3F)); output.Add((byte)(0x80 | cp & 0x3F));
        }
        else
        {
            output.Add((byte)(0xF0 | cp >> 18)); output.Add((byte)(0x80 | cp >> 12 & 0x3F));
            output.Add((byte)(0x80 | cp >> 6 & 0x3F)); output.Add((byte)(0x80 | cp & 0x3F));
        }
    }

    // ---- decoding ----

    /// <summary>bytes.decode(encoding, errors), or false when the encoding is not one of these.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, string encoding, string errors, out string result)
    {
        string? name = CanonicalName(encoding);
        if (name == null) { result = ""; return false; }
        try
        {
            result = Decode(data, name, errors);
        }
        catch (FormatError e) when (!IsFastPathName(encoding) && (e.PyType == "LookupError" || e.PyType == "TypeError"))
        {
            throw Wrapped("decoding", encoding, e);
        }
        return true;
    }

    private static FormatError DecodeError(string codec, ReadOnlySpan<byte> data, int start, int end, string reason)
    {
        string message = end == start + 1
            ? $"'{codec}' codec can't decode byte 0x{data[start]:x2} in position {start}: {reason}"
            : $"'{codec}' codec can't decode bytes in position {start}-{end - 1}: {reason}";
        return new FormatError("UnicodeDecodeError", message) { Encoding = codec, Start = start, End = end, Reason = reason };
    }

    /// <summary>Applies the error handler to data[start:end] (surrogatepass is handled by the
    /// codecs before they get here, so it arrives as strict).</summary>
    /// <returns>Where decoding resumes: the end of the range, except for surrogateescape,
    /// which escapes only the leading bytes >= 0x80 (at most 4) and resumes after them.</returns>
    private static int HandleDecodeError(StringBuilder sb, string codec, string errors, ReadOnlySpan<byte> data, int start, int end, string reason)
    {
        CheckHandler(errors);
        switch (errors)
        {
            case "ignore":
                return end;
            case "replace":
                sb.Append('\uFFFD');
                return end;
            case "backslashreplace":
                for (int k = start; k < end; k++) sb.Append("\\x").Append(data[k].ToString("x2"));
                return end;
            case "surrogateescape":
            {
                int consumed = 0;
                while (consumed < 4 && start + consumed < end && data[start + consumed] >= 0x80)
                {
                    sb.Append((char)(0xDC00 + data[start + consumed]));
                    consumed++;
                }
                if (consumed == 0) throw DecodeError(codec, data, start, end, reason);
                return start + consumed;
            }
            case "xmlcharrefreplace":
            case "namereplace":
                throw FormatError.Type("don't know how to handle UnicodeDecodeError in error callback");
            default:
                throw DecodeError(codec, data, start, end, reason);
        }
    }

    private static string Decode(ReadOnlySpan<byte> data, string name, string errors)
    {
        switch (name)
        {
            case "utf-8": return DecodeUtf8(data, errors);
            case "ascii":
            case "latin-1":
            {
                var sb = new StringBuilder(data.Length);
                for (int i = 0; i < data.Length;)
                {
                    byte b = data[i];
                    if (b < 0x80 || name == "latin-1") { sb.Append((char)b); i++; continue; }
                    // CPython's ascii decoder reports one byte at a time.
                    i = HandleDecodeError(sb, "ascii", errors == "surrogatepass" ? "strict" : errors, data, i, i + 1, "ordinal not in range(128)");
                }
                return sb.ToString();
            }
            case "utf-16": case "utf-16-le": case "utf-16-be":
                return DecodeUtf16(data, name, errors);
            default:
                return DecodeUtf32(data, name, errors);
        }
    }

    /// <summary>UTF-8 with CPython's error ranges: the maximal valid prefix of a broken
    /// sequence is one error ("invalid continuation byte", or "unexpected end of data" when
    /// the input ends inside it).</summary>
    private static string DecodeUtf8(ReadOnlySpan<byte> data, string errors)
    {
        var sb = new StringBuilder(data.Length);
        int n = data.Length;
        for (int i = 0; i < n;)
        {
            byte b = data[i];
            if (b < 0x80) { sb.Append((char)b); i++; continue; }
            int need;
            int lo = 0x80, hi = 0xBF; // allowed range of the second byte
            if (b >= 0xC2 && b <= 0xDF) need = 1;
            else if (b >= 0xE0 && b <= 0xEF)
            {
                need = 2;
                if (b == 0xE0) lo = 0xA0;
                else if (b == 0xED) hi = 0x9F;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                need = 3;
                if (b == 0xF0) lo = 0x90;
                else if (b == 0xF4) hi = 0x8F;
            }
            else
            {
                i = HandleDecodeError(sb, "utf-8", errors == "surrogatepass" ? "strict" : errors, data, i, i + 1, "invalid start byte");
                continue;
            }
            int valid = 1;
            bool truncated = false;
            for (int k = 1; k <= need; k++)
            {
                if (i + k >= n) { truncated = true; break; }
                byte c = data[i + k];
                bool ok = k == 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xBF;
                if (!ok) break;
                valid++;
            }
            if (valid == need + 1)
            {
                int cp = b & (0x3F >> need);
                for (int k = 1; k <= need; k++) cp = cp << 6 | data[i + k] & 0x3F;
                UnicodeInfo.AppendCodePoint(sb, cp);
                i += need + 1;
                continue;
            }
            // surrogatepass: ED A0-BF 80-BF is an encoded surrogate.
            if (errors == "surrogatepass" && b == 0xED && i + 2 < n && data[i + 1] >= 0xA0 && data[i + 1] <= 0xBF && data[i + 2] >= 0x80 && data[i + 2] <= 0xBF)
            {
                sb.Append((char)(0xD000 | (data[i + 1] & 0x3F) << 6 | data[i + 2] & 0x3F));
                i += 3;
                continue;
            }
            string reason = truncated ? "unexpected end of data" : "invalid continuation byte";
            int end = truncated ? n : i + valid;
            i = HandleDecodeError(sb, "utf-8", errors == "surrogatepass" ? "strict" : errors, data, i, end, reason);
        }
        return sb.ToString();
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> data, string name, string errors)
    {
        bool bigEndian = name == "utf-16-be";
        int i = 0, n = data.Length;
        if (name == "utf-16" && n >= 2)
        {
            if (data[0] == 0xFF && data[1] == 0xFE) i = 2;
            else if (data[0] == 0xFE && data[1] == 0xFF) { i = 2; bigEndian = true; }
        }
        string codec = bigEndian ? "utf-16-be" : "utf-16-le";
        var sb = new StringBuilder(n / 2);
        while (i < n)
        {
            if (n - i < 2)
            {
                i = HandleDecodeError(sb, codec, errors == "surrogatepass" ? "strict" : errors, data, i, n, "truncated data");
                continue;
            }
            int u = Unit16(data, i, bigEndian);
            if (u < 0xD800 || u > 0xDFFF) { sb.Append((char)u); i += 2; continue; }
            if (u <= 0xDBFF)
            {
                if (n - i < 4)
                {
                    if (errors == "surrogatepass") { sb.Append((char)u); i += 2; continue; }
                    i = HandleDecodeError(sb, codec, errors, data, i, n, "unexpected end of data");
                    continue;
                }
                int u2 = Unit16(data, i + 2, bigEndian);
                if (u2 >= 0xDC00 && u2 <= 0xDFFF)
                {
                    sb.Append((char)u).Append((char)u2);
                    i += 4;
                    continue;
                }
                if (errors == "surrogatepass") { sb.Append((char)u); i += 2; continue; }
                i = HandleDecodeError(sb, codec, errors, data, i, i + 2, "illegal UTF-16 surrogate");
                continue;
            }
            if (errors == "surrogatepass") { sb.Append((char)u); i += 2; continue; }
            i = HandleDecodeError(sb, codec, errors, data, i, i + 2, "illegal encoding");
        }
        return sb.ToString();
    }

    private static int Unit16(ReadOnlySpan<byte> data, int at, bool bigEndian) =>
        bigEndian ? data[at] << 8 | data[at + 1] : data[at + 1] << 8 | data[at];

    private static string DecodeUtf32(ReadOnlySpan<byte> data, string name, string errors)
    {
        bool bigEndian = name == "utf-32-be";
        int i = 0, n = data.Length;
        if (name == "utf-32" && n >= 4)
        {
            if (data[0] == 0xFF && data[1] == 0xFE && data[2] == 0 && data[3] == 0) i = 4;
            else if (data[0] == 0 && data[1] == 0 && data[2] == 0xFE && data[3] == 0xFF) { i = 4; bigEndian = true; }
        }
        string codec = bigEndian ? "utf-32-be" : "utf-32-le";
        var sb = new StringBuilder(n / 4);
        while (i < n)
        {
            if (n - i < 4)
            {
                i = HandleDecodeError(sb, codec, errors == "surrogatepass" ? "strict" : errors, data, i, n, "truncated data");
                continue;
            }
            long cp = bigEndian
                ? (long)data[i] << 24 | (long)data[i + 1] << 16 | (long)data[i + 2] << 8 | data[i + 3]
                : (long)data[i + 3] << 24 | (long)data[i + 2] << 16 | (long)data[i + 1] << 8 | data[i];
            if (cp > 0x10FFFF)
                i = HandleDecodeError(sb, codec, errors == "surrogatepass" ? "strict" : errors, data, i, i + 4, "code point not in range(0x110000)");
            else if (cp >= 0xD800 && cp <= 0xDFFF && errors != "surrogatepass")
                i = HandleDecodeError(sb, codec, errors, data, i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)");
            else
            {
                UnicodeInfo.AppendCodePoint(sb, (int)cp);
                i += 4;
            }
        }
        return sb.ToString();
    }
}
