using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// int(str, base), float(str) and int -> str in a base, with CPython 3.11's rules: any Unicode
/// decimal digit counts as a digit, Unicode whitespace around the number is allowed,
/// underscores only between digits, and the 4300-digit limit on decimal conversions
/// (sys.set_int_max_str_digits; 0 means no limit).
/// </summary>
public static class NumberParsing
{
    /// <summary>float('nan'): the sign bit clear, as CPython's (.NET's double.NaN has it set, so
    /// copysign(1, nan) and struct.pack would show a negative NaN).</summary>
    public static readonly double PositiveNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    public const int DefaultMaxStrDigits = 4300;

    private const string DigitChars = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>CPython converts non-ASCII decimal digits to ASCII ones and non-ASCII spaces to
    /// ' ' before parsing; any other non-ASCII character becomes '?', which then fails.
    /// Returns null when nothing needed changing.</summary>
    private static string TransformToAscii(string s)
    {
        bool ascii = true;
        foreach (char c in s) if (c >= 0x80) { ascii = false; break; }
        if (ascii) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int w);
            i += w;
            if (cp < 0x80) sb.Append((char)cp);
            else if (UnicodeInfo.IsSpace(cp)) sb.Append(' ');
            else
            {
                int d = UnicodeInfo.DecimalValue(cp);
                sb.Append(d >= 0 ? (char)('0' + d) : '?');
            }
        }
        return sb.ToString();
    }

    /// <summary>C's isspace in the "C" locale, which CPython uses to strip the ASCII text.</summary>
    private static bool IsAsciiSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r');

    private static int DigitValue(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'z') return c - 'a' + 10;
        if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
        return 99;
    }

    private static FormatError InvalidInt(string original, int @base) =>
        FormatError.Value($"invalid literal for int() with base {@base}: {Truncate(Repr.Str(original), 200)}");

    /// <summary>C's "%.200R": the repr itself is cut to 200 code points.</summary>
    private static string Truncate(string s, int codePoints) =>
        CodePoints.Length(s) > codePoints ? CodePoints.Substring(s, 0, codePoints) : s;

    /// <summary>int(s, base). <paramref name="maxStrDigits"/> limits decimal-like (non power of
    /// two) bases as sys.get_int_max_str_digits() does.</summary>
    public static BigInteger ParseInt(string s, int @base = 10, int maxStrDigits = DefaultMaxStrDigits)
    {
        if ((@base != 0 && @base < 2) || @base > 36)
            throw FormatError.Value("int() base must be >= 2 and <= 36, or 0");
        string t = TransformToAscii(s);
        int pos = 0, end = t.Length;
        while (pos < end && IsAsciiSpace(t[pos])) pos++;
        while (end > pos && IsAsciiSpace(t[end - 1])) end--;
        bool negative = false;
        if (pos < end && (t[pos] == '+' || t[pos] == '-')) negative = t[pos++] == '-';
        int b = @base;
        bool prefixed = false;
        if (pos + 1 < end && t[pos] == '0')
        {
            char p = char.ToLowerInvariant(t[pos + 1]);
            int prefixBase = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (prefixBase != 0 && (b == 0 || b == prefixBase))
            {
                b = prefixBase;
                pos += 2;
                prefixed = true;
            }
        }
        if (b == 0)
        {
            // Base 0 without a prefix is decimal, where a leading zero allows only zeros.
            b = 10;
            if (pos < end && t[pos] == '0')
            {
                for (int i = pos; i < end; i++)
                    if (t[i] != '0' && t[i] != '_') throw InvalidInt(s, @base);
            }
        }
        // Digits with single underscores between them (and one allowed right after a prefix).
        var digits = new StringBuilder(end - pos);
        bool lastUnderscore = false;
        if (prefixed && pos < end && t[pos] == '_') { pos++; lastUnderscore = true; }
        for (int i = pos; i < end; i++)
        {
            char c = t[i];
            if (c == '_')
            {
                if (lastUnderscore || digits.Length == 0) throw InvalidInt(s, @base);
                lastUnderscore = true;
                continue;
            }
            if (DigitValue(c) >= b) throw InvalidInt(s, @base);
            digits.Append(c);
            lastUnderscore = false;
        }
        if (digits.Length == 0 || lastUnderscore) throw InvalidInt(s, @base);
        if ((b & (b - 1)) != 0 && maxStrDigits > 0 && digits.Length > maxStrDigits)
            throw FormatError.Value($"Exceeds the limit ({maxStrDigits} digits) for integer string conversion: value has {digits.Length} digits; use sys.set_int_max_str_digits() to increase the limit");
        BigInteger value = ParseDigits(digits.ToString(), b);
        return negative ? -value : value;
    }

    /// <summary>Digits already validated for the base, no sign.</summary>
    private static BigInteger ParseDigits(string digits, int b)
    {
        if (digits.Length <= 18 && b <= 10 || digits.Length <= 12)
        {
            long acc = 0;
            foreach (char c in digits) acc = acc * b + DigitValue(c);
            return acc;
        }
        if (b == 10) return BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if ((b & (b - 1)) == 0)
        {
            // Power of two: pack the bits directly, least significant digit first.
            int bitsPerDigit = BitOperations.Log2((uint)b);
            var bytes = new byte[(digits.Length * bitsPerDigit + 7) / 8 + 1];
            int bitPos = 0;
            for (int i = digits.Length - 1; i >= 0; i--, bitPos += bitsPerDigit)
            {
                int v = DigitValue(digits[i]);
                for (int k = 0; k < bitsPerDigit; k++)
                    if ((v >> k & 1) != 0) bytes[(bitPos + k) >> 3] |= (byte)(1 << ((bitPos + k) & 7));
            }
            return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
        }
        // Other bases: chunks that fit a long, then one big multiply-add per chunk.
        int chunk = 1;
        long chunkBase = b;
        while (chunkBase * b < long.MaxValue / 64) { chunkBase *= b; chunk++; }
        BigInteger result = BigInteger.Zero;
        int first = digits.Length % chunk;
        int idx = 0;
        if (first > 0)
        {
            long acc = 0;
            for (; idx < first; idx++) acc = acc * b + DigitValue(digits[idx]);
            result = acc;
        }
        for (; idx < digits.Length; idx += chunk)
        {
            long acc = 0;
            for (int k = 0; k < chunk; k++) acc = acc * b + DigitValue(digits[idx + k]);
            result = result * chunkBase + acc;
        }
        return result;
    }

    /// <summary>float(s): decimal notation with optional sign, point, exponent and underscores
    /// between digits, or inf/infinity/nan in any case. Correctly rounded.</summary>
    public static double ParseFloat(string s)
    {
        if (TryParseFloat(s, out double d)) return d;
        throw FormatError.Value($"could not convert string to float: {Repr.Str(s)}");
    }

    public static bool TryParseFloat(string s, out double value)
    {
        value = 0;
        string t = TransformToAscii(s);
        int pos = 0, end = t.Length;
        while (pos < end && IsAsciiSpace(t[pos])) pos++;
        while (end > pos && IsAsciiSpace(t[end - 1])) end--;
        if (pos == end) return false;
        bool negative = false;
        int signPos = pos;
        if (t[pos] == '+' || t[pos] == '-') negative = t[pos++] == '-';
        ReadOnlySpan<char> body = t.AsSpan(pos, end - pos);
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? -PositiveNaN : PositiveNaN;
            return true;
        }
        // Validate: digits [. digits] [e [sign] digits], at least one mantissa digit,
        // underscores only between two digits. Build the clean text for the parser.
        var clean = new StringBuilder(end - signPos);
        if (negative) clean.Append('-');
        int i = 0, n = body.Length;
        int mantissaDigits = 0;
        if (!ReadDigits(body, ref i, clean, out int intDigits)) return false;
        mantissaDigits += intDigits;
        if (i < n && body[i] == '.')
        {
            clean.Append('.');
            i++;
            if (!ReadDigits(body, ref i, clean, out int fracDigits)) return false;
            mantissaDigits += fracDigits;
        }
        if (mantissaDigits == 0) return false;
        if (i < n && (body[i] == 'e' || body[i] == 'E'))
        {
            clean.Append('e');
            i++;
            if (i < n && (body[i] == '+' || body[i] == '-')) clean.Append(body[i++]);
            if (!ReadDigits(body, ref i, clean, out int expDigits) || expDigits == 0) return false;
        }
        if (i != n) return false;
        value = double.Parse(clean.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Reads digits with single underscores between them; false on a misplaced '_'.</summary>
    private static bool ReadDigits(ReadOnlySpan<char> s, ref int i, StringBuilder into, out int count)
    {
        count = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c >= '0' && c <= '9') { into.Append(c); count++; i++; }
            else if (c == '_')
            {
                if (count == 0 || i + 1 >= s.Length || s[i + 1] < '0' || s[i + 1] > '9') return false;
                i++;
            }
            else break;
        }
        return true;
    }

    /// <summary>int(bytes, base): the bytes as ASCII text (other bytes never parse), with
    /// the bytes' repr in the error message.</summary>
    public static BigInteger ParseIntBytes(ReadOnlySpan<byte> bytes, int @base = 10, int maxStrDigits = DefaultMaxStrDigits)
    {
        try
        {
            return ParseInt(AsciiOnly(bytes), @base, maxStrDigits);
        }
        catch (FormatError e) when (e.Message.StartsWith("invalid literal", StringComparison.Ordinal))
        {
            string shown = Repr.Bytes(bytes);
            if (CodePoints.Length(shown) > 200) shown = CodePoints.Substring(shown, 0, 200);
            throw FormatError.Value($"invalid literal for int() with base {@base}: {shown}");
        }
    }

    /// <summary>float(bytes), as <see cref="ParseFloat"/> with the bytes' repr in errors.</summary>
    public static double ParseFloatBytes(ReadOnlySpan<byte> bytes)
    {
        if (TryParseFloat(AsciiOnly(bytes), out double d)) return d;
        throw FormatError.Value($"could not convert string to float: {Repr.Bytes(bytes)}");
    }

    /// <summary>Bytes as text for the parsers: bytes above 0x7F become '?', which never parses
    /// (CPython does not decode them as digits or spaces).</summary>
    private static string AsciiOnly(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = bytes[i] < 0x80 ? (char)bytes[i] : '?';
        return new string(chars);
    }

    /// <summary>complex(s): "re", "imj", "re+imj", "re-j", "j", with optional parentheses and
    /// surrounding whitespace; components as in float(s).</summary>
    public static (double Real, double Imag) ParseComplex(string s)
    {
        string t = TransformToAscii(s);
        if (t.Contains('_'))
        {
            // Underscores are allowed only between digits, then dropped.
            for (int k = 0; k < t.Length; k++)
                if (t[k] == '_' && (k == 0 || k + 1 >= t.Length || !char.IsAsciiDigit(t[k - 1]) || !char.IsAsciiDigit(t[k + 1])))
                    throw FormatError.Value($"could not convert string to complex: {Repr.Str(s)}");
            t = t.Replace("_", "");
        }
        var malformed = FormatError.Value("complex() arg is a malformed string");
        int i = 0, n = t.Length;
        while (i < n && IsAsciiSpace(t[i])) i++;
        bool bracket = false;
        if (i < n && t[i] == '(')
        {
            bracket = true;
            i++;
            while (i < n && IsAsciiSpace(t[i])) i++;
        }
        double re = 0, im;
        int end = ScanFloat(t, i);
        if (end > i)
        {
            double first = ParseScanned(t, i, end);
            i = end;
            if (i < n && (t[i] == '+' || t[i] == '-'))
            {
                re = first;
                end = ScanFloat(t, i);
                if (end > i) { im = ParseScanned(t, i, end); i = end; }
                else { im = t[i] == '-' ? -1.0 : 1.0; i++; }
                if (i >= n || (t[i] != 'j' && t[i] != 'J')) throw malformed;
                i++;
            }
            else if (i < n && (t[i] == 'j' || t[i] == 'J'))
            {
                im = first;
                i++;
            }
            else
            {
                re = first;
                im = 0;
            }
        }
        else
        {
            im = 1.0;
            if (i < n && (t[i] == '+' || t[i] == '-')) { im = t[i] == '-' ? -1.0 : 1.0; i++; }
            if (i >= n || (t[i] != 'j' && t[i] != 'J')) throw malformed;
            i++;
        }
        while (i < n && IsAsciiSpace(t[i])) i++;
        if (bracket)
        {
            if (i >= n || t[i] != ')') throw malformed;
            i++;
            while (i < n && IsAsciiSpace(t[i])) i++;
        }
        if (i != n) throw malformed;
        return (re, im);
    }

    /// <summary>The end of the longest float at t[i..] ([sign] digits[.digits][e[sign]digits],
    /// inf, infinity or nan), or i when there is none.</summary>
    private static int ScanFloat(string t, int i)
    {
        int n = t.Length, k = i;
        if (k < n && (t[k] == '+' || t[k] == '-')) k++;
        ReadOnlySpan<char> rest = t.AsSpan(k);
        if (rest.StartsWith("infinity", StringComparison.OrdinalIgnoreCase)) return k + 8;
        if (rest.StartsWith("inf", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("nan", StringComparison.OrdinalIgnoreCase)) return k + 3;
        int digits = 0;
        while (k < n && char.IsAsciiDigit(t[k])) { k++; digits++; }
        if (k < n && t[k] == '.')
        {
            k++;
            while (k < n && char.IsAsciiDigit(t[k])) { k++; digits++; }
        }
        if (digits == 0) return i;
        if (k < n && (t[k] == 'e' || t[k] == 'E'))
        {
            int e = k + 1;
            if (e < n && (t[e] == '+' || t[e] == '-')) e++;
            if (e < n && char.IsAsciiDigit(t[e]))
            {
                while (e < n && char.IsAsciiDigit(t[e])) e++;
                k = e;
            }
        }
        return k;
    }

    private static double ParseScanned(string t, int start, int end)
    {
        ReadOnlySpan<char> text = t.AsSpan(start, end - start);
        bool negative = text.Length > 0 && text[0] == '-';
        ReadOnlySpan<char> body = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? text.Slice(1) : text;
        if (body.Length > 0 && char.IsAsciiLetter(body[0]))
        {
            double special = char.ToLowerInvariant(body[0]) == 'n' ? PositiveNaN : double.PositiveInfinity;
            return negative ? -special : special;
        }
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>str(int): decimal digits, subject to the max-str-digits limit.</summary>
    public static string ToDecimalString(BigInteger value, int maxStrDigits = DefaultMaxStrDigits)
    {
        if (maxStrDigits > 0 && value.GetBitLength() > 14000)
        {
            // Cheap pre-check from the bit length (log10(2) = 0.30103), exact check after.
            double approxDigits = (double)value.GetBitLength() * 0.30102999566398120;
            if (approxDigits > maxStrDigits + 2) throw TooManyDigitsForStr(maxStrDigits);
        }
        string s = value.ToString(CultureInfo.InvariantCulture);
        if (maxStrDigits > 0 && s.Length - (value.Sign < 0 ? 1 : 0) > maxStrDigits) throw TooManyDigitsForStr(maxStrDigits);
        return s;
    }

    private static FormatError TooManyDigitsForStr(int limit) =>
        FormatError.Value($"Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");

    /// <summary>|value| in base 2..36, lower-case digits, no prefix. Base 10 obeys the
    /// max-str-digits limit; other bases have none in CPython either for powers of two.</summary>
    public static string ToBase(BigInteger value, int @base, int maxStrDigits = DefaultMaxStrDigits)
    {
        if (@base < 2 || @base > 36) throw new ArgumentOutOfRangeException(nameof(@base));
        value = BigInteger.Abs(value);
        if (@base == 10) return ToDecimalString(value, maxStrDigits);
        if (value.IsZero) return "0";
        if ((@base & (@base - 1)) == 0)
        {
            int bitsPerDigit = BitOperations.Log2((uint)@base);
            long bitLength = (long)value.GetBitLength();
            byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: false);
            int count = (int)((bitLength + bitsPerDigit - 1) / bitsPerDigit);
            var chars = new char[count];
            for (int d = 0; d < count; d++)
            {
                int v = 0;
                for (int k = 0; k < bitsPerDigit; k++)
                {
                    long bit = (long)d * bitsPerDigit + k;
                    if (bit < bitLength && (bytes[bit >> 3] >> (int)(bit & 7) & 1) != 0) v |= 1 << k;
                }
                chars[count - 1 - d] = DigitChars[v];
            }
            return new string(chars);
        }
        var sb = new StringBuilder();
        while (!value.IsZero)
        {
            value = BigInteger.DivRem(value, @base, out BigInteger rem);
            sb.Append(DigitChars[(int)rem]);
        }
        var arr = sb.ToString().ToCharArray();
        Array.Reverse(arr);
        return new string(arr);
    }

    /// <summary>bin(), oct() and hex() of a machine integer: sign, prefix and digits written
    /// straight into the result (no intermediate strings).</summary>
    public static string ToPrefixedBase(long value, int @base)
    {
        int bits = @base switch { 2 => 1, 8 => 3, 16 => 4, _ => throw new ArgumentOutOfRangeException(nameof(@base)) };
        ulong m = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;   // long.MinValue included
        int digits = m == 0 ? 1 : (64 - BitOperations.LeadingZeroCount(m) + bits - 1) / bits;
        int length = (value < 0 ? 3 : 2) + digits;
        var result = StacklessIron.Objects.PyStr.NewText(length, out var dst);
        int i = 0;
        if (value < 0) dst[i++] = '-';
        dst[i++] = '0';
        dst[i] = bits switch { 1 => 'b', 3 => 'o', _ => 'x' };
        ulong v = m;
        ulong mask = (1UL << bits) - 1;
        for (int k = dst.Length - 1; k > i; k--)
        {
            dst[k] = DigitChars[(int)(v & mask)];
            v >>= bits;
        }
        return result;
    }

    /// <summary>bin(), oct() and hex(): sign, prefix, digits ("-0x1f").</summary>
    public static string ToPrefixedBase(BigInteger value, int @base)
    {
        string prefix = @base switch { 2 => "0b", 8 => "0o", 16 => "0x", _ => throw new ArgumentOutOfRangeException(nameof(@base)) };
        return (value.Sign < 0 ? "-" : "") + prefix + ToBase(value, @base);
    }
}
