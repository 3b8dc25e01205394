#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Unicode;
namespace StacklessIron.Parsing;

/// <summary>
/// Source bytes to text, as CPython decodes source given as bytes (ast.parse(bytes), compile):
/// a UTF-8 BOM, a PEP 263 coding cookie on line 1 or 2, otherwise UTF-8.
///
/// Bytes that are not valid UTF-8 do not fail here: CPython only complains about them where it
/// decodes them (an identifier or a string literal; a comment is never decoded). So each such byte
/// becomes the lone surrogate U+DC80+byte ("surrogateescape"), and the tokenizer and
/// <see cref="StringLiterals"/> raise CPython's "(unicode error) 'utf-8' codec can't decode ..."
/// where CPython does. Valid UTF-8 never decodes to a lone surrogate, so the escapes are unambiguous.
/// </summary>
public static class SourceDecoding
{
    static SourceDecoding()
    {
        // Legacy code pages (cp1252, euc-jp, ...) for coding cookies.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string Decode(byte[] source, string filename) => Decode(source, filename, out _);

    /// <summary>As <see cref="Decode(byte[], string)"/>; <paramref name="declaredEncoding"/> is the
    /// encoding a BOM or cookie declared ("utf-8" for a BOM), or null when there was none, in which
    /// case CPython reports parser error offsets in bytes (Tokenizer.ConvertOffsetsToChars = false).</summary>
    public static string Decode(byte[] source, string filename, out string? declaredEncoding)
    {
        int start = 0;
        bool bom = false;
        if (source.Length >= 3 && source[0] == 0xEF && source[1] == 0xBB && source[2] == 0xBF)
        {
            start = 3;
            bom = true;
        }
        string? cookie = FindCookie(source, start);
        declaredEncoding = cookie ?? (bom ? "utf-8" : null);
        if (bom && cookie != null && cookie != "utf-8")
            throw new PythonSyntaxError("SyntaxError", $"encoding problem: {cookie} with BOM", filename, 0, -1, null);
        if (cookie == null || cookie == "utf-8")
            return DecodeUtf8WithEscapes(source, start, source.Length - start);

        return DecodeWithCodec(TranslateNewlines(source, start), cookie, filename);
    }

    /// <summary>Source in a declared encoding other than "utf-8": CPython translates newlines in
    /// the bytes, then decodes the whole text strictly with Python's codec of that name (so a
    /// decoding error is reported with its position and no line).</summary>
    static string DecodeWithCodec(byte[] s, string cookie, string filename)
    {
        string codec = PythonCodecName(cookie);
        PythonSyntaxError Fail(string msg) => new("SyntaxError", msg, filename, 0, -1, null);
        switch (codec)
        {
            case "utf_8":
            {
                string escaped = DecodeUtf8WithEscapes(s, 0, s.Length);
                string? why = Utf8ErrorMessage(escaped, 0, escaped.Length);
                if (why != null) throw Fail(why);
                return Encoding.UTF8.GetString(s);
            }
            case "latin_1":
                return Encoding.Latin1.GetString(s);
            case "ascii":
                for (int i = 0; i < s.Length; i++)
                    if (s[i] >= 0x80) throw Fail($"'ascii' codec can't decode byte 0x{s[i]:x2} in position {i}: ordinal not in range(128)");
                return Encoding.ASCII.GetString(s);
        }
        if (SourceCodecs.CharmapTables.TryGetValue(codec, out var table))
        {
            var chars = new char[s.Length];
            for (int i = 0; i < s.Length; i++)
            {
                char ch = table[s[i]];
                if (ch == '\uFFFE') throw Fail($"'charmap' codec can't decode byte 0x{s[i]:x2} in position {i}: character maps to <undefined>");
                chars[i] = ch;
            }
            return new string(chars);
        }
        Encoding? enc = DotNetEncoding(codec);
        if (enc == null) throw Fail($"unknown encoding: {cookie}");
        try
        {
            return enc.GetString(s);
        }
        catch (DecoderFallbackException e)
        {
            int pos = e.Index < 0 ? 0 : e.Index;
            byte b = e.BytesUnknown is { Length: > 0 } u ? u[0] : (byte)0;
            throw Fail($"'{codec}' codec can't decode byte 0x{b:x2} in position {pos}: illegal multibyte sequence");
        }
    }

    /// <summary>CPython's translate_newlines on bytes: "\r\n" and "\r" become "\n", and a final
    /// "\n" is added (also after a final "\r\n", as CPython's loop does).</summary>
    static byte[] TranslateNewlines(byte[] s, int start)
    {
        var r = new List<byte>(s.Length - start + 1);
        byte last = 0;
        bool skipNextLf = false;
        for (int i = start; i < s.Length; i++)
        {
            byte b = s[i];
            if (skipNextLf)
            {
                skipNextLf = false;
                if (b == '\n')
                {
                    if (i + 1 >= s.Length) { last = 0; break; }
                    b = s[++i];
                }
            }
            if (b == '\r')
            {
                skipNextLf = true;
                b = (byte)'\n';
            }
            r.Add(b);
            last = b;
        }
        if (last != '\n') r.Add((byte)'\n');
        return r.ToArray();
    }

    /// <summary>True when s[i] is a lone surrogate U+DC80..U+DCFF, which stands for an invalid
    /// source byte (a low surrogate after a high one is half of a real astral character).</summary>
    public static bool IsEscapedByte(string s, int i)
    {
        char ch = s[i];
        return ch >= '\uDC80' && ch <= '\uDCFF' && (i == 0 || !char.IsHighSurrogate(s[i - 1]));
    }

    /// <summary>The PEP 263 cookie of line 1, or of line 2 when line 1 is blank or a comment;
    /// normalised as CPython's get_normal_name does (utf-8 and latin-1 spellings).</summary>
    static string? FindCookie(byte[] s, int start)
    {
        int end1 = LineEnd(s, start);
        string? cs = CodingSpec(s, start, end1, out bool code);
        if (cs != null || code || end1 >= s.Length) return cs;
        int start2 = end1 + (s[end1] == '\r' && end1 + 1 < s.Length && s[end1 + 1] == '\n' ? 2 : 1);
        if (start2 >= s.Length) return null;
        return CodingSpec(s, start2, LineEnd(s, start2), out _);
    }

    static int LineEnd(byte[] s, int i)
    {
        while (i < s.Length && s[i] != '\n' && s[i] != '\r') i++;
        return i;
    }

    /// <summary>CPython's get_coding_spec on one line: the line must be a comment holding
    /// "coding[:=]\s*([-\w.]+)". <paramref name="code"/> tells whether the line has code.</summary>
    static string? CodingSpec(byte[] s, int start, int end, out bool code)
    {
        code = false;
        int i = start;
        for (; i < end; i++)
        {
            byte b = s[i];
            if (b == '#') break;
            if (b != ' ' && b != '\t' && b != '\f')
            {
                code = true;
                return null;
            }
        }
        if (i >= end) return null;
        for (; i + 6 < end; i++)
        {
            if (s[i] != 'c' || s[i + 1] != 'o' || s[i + 2] != 'd' || s[i + 3] != 'i' || s[i + 4] != 'n' || s[i + 5] != 'g') continue;
            int t = i + 6;
            if (s[t] != ':' && s[t] != '=') continue;
            do { t++; } while (t < end && (s[t] == ' ' || s[t] == '\t'));
            int begin = t;
            while (t < end && (IsAsciiAlnum(s[t]) || s[t] == '-' || s[t] == '_' || s[t] == '.')) t++;
            if (begin < t) return NormalName(Encoding.ASCII.GetString(s, begin, t - begin));
        }
        return null;
    }

    static bool IsAsciiAlnum(byte b) => (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');

    /// <summary>CPython's get_normal_name: only utf-8 and latin-1 spellings are normalised
    /// (looking at the first 12 characters, '_' read as '-').</summary>
    static string NormalName(string s)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length && i < 12; i++) sb.Append(s[i] == '_' ? '-' : char.ToLowerInvariant(s[i]));
        string b = sb.ToString();
        if (b == "utf-8" || b.StartsWith("utf-8-", StringComparison.Ordinal)) return "utf-8";
        if (b == "latin-1" || b == "iso-8859-1" || b == "iso-latin-1" || b.StartsWith("latin-1-", StringComparison.Ordinal)
            || b.StartsWith("iso-8859-1-", StringComparison.Ordinal) || b.StartsWith("iso-latin-1-", StringComparison.Ordinal))
            return "iso-8859-1";
        return s;
    }

    /// <summary>Python's codec name for an encoding name (encodings.normalize_encoding + aliases).</summary>
    static string PythonCodecName(string name)
    {
        var sb = new StringBuilder();
        bool punct = false;
        foreach (char ch in name)
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch == '.')
            {
                if (punct && sb.Length > 0) sb.Append('_');
                sb.Append(char.ToLowerInvariant(ch));
                punct = false;
            }
            else punct = true;
        }
        string n = sb.ToString();
        return SourceCodecs.Aliases.TryGetValue(n, out var canon) || SourceCodecs.Aliases.TryGetValue(n.Replace('.', '_'), out canon) ? canon : n;
    }

    // Python codec names -> .NET encoding names.
    static readonly Dictionary<string, string> DotNetNames = new()
    {
        ["utf_8"] = "utf-8", ["latin_1"] = "iso-8859-1", ["ascii"] = "us-ascii",
        ["utf_16"] = "utf-16", ["utf_16_le"] = "utf-16LE", ["utf_16_be"] = "utf-16BE",
        ["utf_32"] = "utf-32", ["utf_32_le"] = "utf-32LE", ["utf_32_be"] = "utf-32BE",
        ["cp437"] = "IBM437", ["cp850"] = "ibm850", ["cp852"] = "ibm852", ["cp866"] = "cp866",
        ["mac_roman"] = "macintosh", ["mac_cyrillic"] = "x-mac-cyrillic",
        ["shift_jis"] = "shift_jis", ["cp932"] = "shift_jis", ["euc_jp"] = "euc-jp", ["euc_kr"] = "euc-kr",
        ["cp949"] = "ks_c_5601-1987", ["gbk"] = "gbk", ["gb2312"] = "gb2312", ["gb18030"] = "gb18030",
        ["big5"] = "big5", ["cp950"] = "big5", ["koi8_r"] = "koi8-r", ["koi8_u"] = "koi8-u", ["iso2022_jp"] = "iso-2022-jp",
    };

    static Encoding? DotNetEncoding(string codec)
    {
        if (!DotNetNames.TryGetValue(codec, out var dotnet)) return null;
        try
        {
            return Encoding.GetEncoding(dotnet, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>UTF-8 to text; each byte of an invalid sequence becomes U+DC80+byte.</summary>
    internal static string DecodeUtf8WithEscapes(byte[] s, int start, int count)
    {
        if (Utf8.IsValid(s.AsSpan(start, count))) return Encoding.UTF8.GetString(s, start, count);
        int end = start + count;
        int i = start;
        while (i < end && s[i] < 0x80) i++;
        if (i == end) return Encoding.ASCII.GetString(s, start, count);
        var sb = new StringBuilder(count);
        sb.Append(Encoding.ASCII.GetString(s, start, i - start));
        while (i < end)
        {
            byte b = s[i];
            if (b < 0x80)
            {
                sb.Append((char)b);
                i++;
                continue;
            }
            int n = ValidSequenceLength(s, i, end);
            if (n == 0)
            {
                sb.Append((char)(0xDC00 + b));
                i++;
                continue;
            }
            int cp = n switch
            {
                2 => ((b & 0x1F) << 6) | (s[i + 1] & 0x3F),
                3 => ((b & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F),
                _ => ((b & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F),
            };
            if (cp >= 0x10000) sb.Append(char.ConvertFromUtf32(cp));
            else sb.Append((char)cp);
            i += n;
        }
        return sb.ToString();
    }

    static bool IsCont(byte b) => (b & 0xC0) == 0x80;

    /// <summary>Length of the valid UTF-8 sequence at i (2..4), or 0.</summary>
    static int ValidSequenceLength(byte[] s, int i, int end)
    {
        byte b = s[i];
        if (b < 0xC2 || b > 0xF4) return 0;
        if (b < 0xE0) return i + 1 < end && IsCont(s[i + 1]) ? 2 : 0;
        if (b < 0xF0)
        {
            if (i + 2 >= end) return 0;
            byte c2 = s[i + 1];
            if (!IsCont(c2) || (b == 0xE0 && c2 < 0xA0) || (b == 0xED && c2 >= 0xA0) || !IsCont(s[i + 2])) return 0;
            return 3;
        }
        {
            if (i + 3 >= end) return 0;
            byte c2 = s[i + 1];
            if (!IsCont(c2) || (b == 0xF0 && c2 < 0x90) || (b == 0xF4 && c2 >= 0x90) || !IsCont(s[i + 2]) || !IsCont(s[i + 3])) return 0;
            return 4;
        }
    }

    /// <summary>The original bytes of text[start..end) (UTF-8, escaped bytes restored).</summary>
    internal static byte[] OriginalBytes(string text, int start, int end)
    {
        var bytes = new List<byte>(end - start);
        Span<byte> buf = stackalloc byte[4];
        for (int i = start; i < end; i++)
        {
            char ch = text[i];
            int cp = ch;
            if (char.IsHighSurrogate(ch) && i + 1 < end && char.IsLowSurrogate(text[i + 1])) cp = char.ConvertToUtf32(ch, text[++i]);
            else if (IsEscapedByte(text, i)) { bytes.Add((byte)(ch - 0xDC00)); continue; }
            var rune = Rune.IsValid(cp) ? new Rune(cp) : Rune.ReplacementChar;
            int n = rune.EncodeToUtf8(buf);
            for (int k = 0; k < n; k++) bytes.Add(buf[k]);
        }
        return bytes.ToArray();
    }

    /// <summary>The message of the UnicodeDecodeError CPython's UTF-8 decoder raises for the
    /// original bytes of text[start..end), e.g. "'utf-8' codec can't decode byte 0xff in
    /// position 0: invalid start byte"; null when they decode.</summary>
    internal static string? Utf8ErrorMessage(string text, int start, int end)
    {
        byte[] s = OriginalBytes(text, start, end);
        int n = s.Length;
        int i = 0;
        while (i < n)
        {
            byte ch = s[i];
            if (ch < 0x80) { i++; continue; }
            int kind = Utf8Step(s, i, n, out int len);  // 0 ok, else error kind
            if (kind == 0) { i += len; continue; }
            int errStart = i, errEnd;
            string reason;
            switch (kind)
            {
                case 1: reason = "unexpected end of data"; errEnd = n; break;
                case 2: reason = "invalid start byte"; errEnd = i + 1; break;
                default: reason = "invalid continuation byte"; errEnd = i + (kind - 2); break;
            }
            return errEnd - errStart == 1
                ? $"'utf-8' codec can't decode byte 0x{s[errStart]:x2} in position {errStart}: {reason}"
                : $"'utf-8' codec can't decode bytes in position {errStart}-{errEnd - 1}: {reason}";
        }
        return null;
    }

    /// <summary>One step of CPython's UTF-8 decoder at a non-ASCII byte: 0 = valid (len set),
    /// 1 = unexpected end, 2 = invalid start byte, 3/4/5 = invalid continuation after 1/2/3 bytes.</summary>
    static int Utf8Step(byte[] s, int i, int end, out int len)
    {
        len = 0;
        byte ch = s[i];
        if (ch < 0xC2) return 2;
        if (ch < 0xE0)
        {
            if (end - i < 2) return 1;
            if (!IsCont(s[i + 1])) return 3;
            len = 2;
            return 0;
        }
        if (ch < 0xF0)
        {
            if (end - i < 3)
            {
                if (end - i >= 2)
                {
                    byte c2 = s[i + 1];
                    if (!IsCont(c2) || (c2 < 0xA0 ? ch == 0xE0 : ch == 0xED)) return 3;
                }
                return 1;
            }
            byte ch2 = s[i + 1], ch3 = s[i + 2];
            if (!IsCont(ch2)) return 3;
            if (ch == 0xE0 ? ch2 < 0xA0 : ch == 0xED && ch2 >= 0xA0) return 3;
            if (!IsCont(ch3)) return 4;
            len = 3;
            return 0;
        }
        if (ch < 0xF5)
        {
            if (end - i < 4)
            {
                if (end - i >= 2)
                {
                    byte c2 = s[i + 1];
                    if (!IsCont(c2) || (c2 < 0x90 ? ch == 0xF0 : ch == 0xF4)) return 3;
                    if (end - i >= 3 && !IsCont(s[i + 2])) return 4;
                }
                return 1;
            }
            byte ch2 = s[i + 1], ch3 = s[i + 2], ch4 = s[i + 3];
            if (!IsCont(ch2)) return 3;
            if (ch == 0xF0 ? ch2 < 0x90 : ch == 0xF4 && ch2 >= 0x90) return 3;
            if (!IsCont(ch3)) return 4;
            if (!IsCont(ch4)) return 5;
            len = 4;
            return 0;
        }
        return 2;
    }
}
