#nullable enable
using System;
using System.Collections;
using System.Runtime.CompilerServices;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Modules.Sre;

/// <summary>Character classes and case mappings as SRE sees them: ASCII for plain and
/// LOCALE patterns (the C locale), the Unicode database (as CPython 3.11 has it) for UNICODE.
/// Case mapping is per code point: the first code point of the full mapping, which is what
/// CPython's _PyUnicode_ToLowercase/_ToUppercase return.</summary>
internal static class SreChars
{
    public static bool IsAsciiDigit(int ch) => (uint)(ch - '0') <= 9;
    public static bool IsAsciiSpace(int ch) => ch == ' ' || (uint)(ch - '\t') <= 4;
    public static bool IsAsciiAlnum(int ch) => (uint)(ch - '0') <= 9 || (uint)((ch | 0x20) - 'a') <= 25;
    public static bool IsAsciiWord(int ch) => ch < 128 && (IsAsciiAlnum(ch) || ch == '_');
    public static bool IsLinebreak(int ch) => ch == '\n';

    // The Unicode predicates are tabled for the BMP on first use (each is several binary searches).
    static BitArray? s_uniWord, s_uniDigit, s_uniSpace;
    static BitArray Table(ref BitArray? t, Func<int, bool> f)
    {
        if (t != null) return t;
        var b = new BitArray(0x10000);
        for (int i = 0; i < 0x10000; i++) if (f(i)) b[i] = true;
        return t = b;
    }

    public static bool IsUniWord(int ch)
    {
        if (ch < 128) return IsAsciiWord(ch);
        if (ch < 0x10000) return Table(ref s_uniWord, c => UnicodeInfo.IsAlnum(c) || c == '_')[ch];
        return UnicodeInfo.IsAlnum(ch);
    }

    public static bool IsUniDigit(int ch)
    {
        if (ch < 128) return IsAsciiDigit(ch);
        if (ch < 0x10000) return Table(ref s_uniDigit, UnicodeInfo.IsDecimal)[ch];
        return UnicodeInfo.IsDecimal(ch);
    }

    public static bool IsUniSpace(int ch)
    {
        if (ch < 128) return ch == ' ' || (uint)(ch - 0x09) <= 4 || (uint)(ch - 0x1C) <= 3;
        if (ch < 0x10000) return Table(ref s_uniSpace, UnicodeInfo.IsSpace)[ch];
        return UnicodeInfo.IsSpace(ch);
    }

    public static bool IsUniLinebreak(int ch) =>
        ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f' || ch == 0x1c || ch == 0x1d || ch == 0x1e ||
        ch == 0x85 || ch == 0x2028 || ch == 0x2029;

    public static bool IsLocWord(int ch) => ch < 256 && (ch < 128 && IsAsciiAlnum(ch) || ch == '_');

    public static int LowerAscii(int ch) => (uint)(ch - 'A') <= 25 ? ch + 32 : ch;
    public static int UpperAscii(int ch) => (uint)(ch - 'a') <= 25 ? ch - 32 : ch;
    // The C locale: case changes only within ASCII.
    public static int LowerLocale(int ch) => ch < 256 ? LowerAscii(ch) : ch;
    public static int UpperLocale(int ch) => ch < 256 ? UpperAscii(ch) : ch;

    static int[]? s_lower, s_upper;

    static int[] BuildCaseTable(int[] keys, string[] values)
    {
        var t = new int[0x10000];
        for (int i = 0; i < t.Length; i++) t[i] = i;
        for (int i = 0; i < keys.Length; i++)
            if (keys[i] < 0x10000) t[keys[i]] = CodePoints.At(values[i], 0, out _);
        return t;
    }

    static int MapAstral(int[] keys, string[] values, int ch)
    {
        int i = Array.BinarySearch(keys, ch);
        return i >= 0 ? CodePoints.At(values[i], 0, out _) : ch;
    }

    public static int LowerUnicode(int ch)
    {
        if (ch < 128) return LowerAscii(ch);
        if (ch < 0x10000) return (s_lower ??= BuildCaseTable(UnicodeTables.LowerKeys, UnicodeTables.LowerValues))[ch];
        return MapAstral(UnicodeTables.LowerKeys, UnicodeTables.LowerValues, ch);
    }

    public static int UpperUnicode(int ch)
    {
        if (ch < 128) return UpperAscii(ch);
        if (ch < 0x10000) return (s_upper ??= BuildCaseTable(UnicodeTables.UpperKeys, UnicodeTables.UpperValues))[ch];
        return MapAstral(UnicodeTables.UpperKeys, UnicodeTables.UpperValues, ch);
    }

    /// <summary>LITERAL_LOC_IGNORE: the pattern char equals ch or one of its locale cases.</summary>
    public static bool CharLocIgnore(uint pattern, int ch) =>
        ch == pattern || LowerLocale(ch) == pattern || UpperLocale(ch) == pattern;

    public static bool Category(uint category, int ch) => category switch
    {
        SreOp.CAT_DIGIT => IsAsciiDigit(ch),
        SreOp.CAT_NOT_DIGIT => !IsAsciiDigit(ch),
        SreOp.CAT_SPACE => IsAsciiSpace(ch),
        SreOp.CAT_NOT_SPACE => !IsAsciiSpace(ch),
        SreOp.CAT_WORD => IsAsciiWord(ch),
        SreOp.CAT_NOT_WORD => !IsAsciiWord(ch),
        SreOp.CAT_LINEBREAK => IsLinebreak(ch),
        SreOp.CAT_NOT_LINEBREAK => !IsLinebreak(ch),
        SreOp.CAT_LOC_WORD => IsLocWord(ch),
        SreOp.CAT_LOC_NOT_WORD => !IsLocWord(ch),
        SreOp.CAT_UNI_DIGIT => IsUniDigit(ch),
        SreOp.CAT_UNI_NOT_DIGIT => !IsUniDigit(ch),
        SreOp.CAT_UNI_SPACE => IsUniSpace(ch),
        SreOp.CAT_UNI_NOT_SPACE => !IsUniSpace(ch),
        SreOp.CAT_UNI_WORD => IsUniWord(ch),
        SreOp.CAT_UNI_NOT_WORD => !IsUniWord(ch),
        SreOp.CAT_UNI_LINEBREAK => IsUniLinebreak(ch),
        SreOp.CAT_UNI_NOT_LINEBREAK => !IsUniLinebreak(ch),
        _ => false,
    };

    /// <summary>Whether ch is in the set program starting at code[pc] (ends with FAILURE).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool InSet(uint[] code, int pc, int ch)
    {
        bool ok = true;
        uint c = (uint)ch;
        for (;;)
        {
            switch (code[pc++])
            {
                case SreOp.FAILURE:
                    return !ok;
                case SreOp.LITERAL:
                    if (c == code[pc]) return ok;
                    pc++;
                    break;
                case SreOp.CATEGORY:
                    if (Category(code[pc], ch)) return ok;
                    pc++;
                    break;
                case SreOp.CHARSET:
                    // 256-bit bitmap in 8 words
                    if (c < 256 && (code[pc + (int)(c >> 5)] & (1u << (int)(c & 31))) != 0) return ok;
                    pc += 8;
                    break;
                case SreOp.RANGE:
                    if (code[pc] <= c && c <= code[pc + 1]) return ok;
                    pc += 2;
                    break;
                case SreOp.RANGE_UNI_IGNORE:
                {
                    // ch is already lower-cased; its upper case may be in range too
                    if (code[pc] <= c && c <= code[pc + 1]) return ok;
                    uint u = (uint)UpperUnicode(ch);
                    if (code[pc] <= u && u <= code[pc + 1]) return ok;
                    pc += 2;
                    break;
                }
                case SreOp.NEGATE:
                    ok = !ok;
                    break;
                case SreOp.BIGCHARSET:
                {
                    // <count> <256 block indices packed as bytes in 64 words> <count 256-bit blocks>
                    int count = (int)code[pc++];
                    if (c < 0x10000)
                    {
                        int hi = (int)(c >> 8);
                        int block = (int)((code[pc + (hi >> 2)] >> ((hi & 3) * 8)) & 0xFF);
                        int bit = block * 256 + (int)(c & 255);
                        if ((code[pc + 64 + (bit >> 5)] & (1u << (bit & 31))) != 0) return ok;
                    }
                    pc += 64 + count * 8;
                    break;
                }
                default:
                    throw new SreCodeException();
            }
        }
    }

    /// <summary>IN_LOC_IGNORE: ch, its locale lower case or upper case is in the set.</summary>
    public static bool InSetLocIgnore(uint[] code, int pc, int ch)
    {
        int lo = LowerLocale(ch);
        if (InSet(code, pc, lo)) return true;
        int up = UpperLocale(ch);
        return up != lo && InSet(code, pc, up);
    }
}
