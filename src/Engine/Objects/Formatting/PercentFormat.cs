using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// printf-style formatting: str % args and bytes % args, as CPython 3.11 does it (conversions
/// s r a c d i u o x X e E f F g G and %%, flags - + space # 0, width and precision with '*',
/// %(key) lookups in a mapping, and the same error messages). Bytes are handled as Latin-1
/// text internally, one char per byte, so both share one implementation.
/// </summary>
public static class PercentFormat
{
    /// <summary>Above this, a width or precision could only end in an out-of-memory failure.</summary>
    private const int MaxWidth = 100_000_000;

    /// <summary>format % args for a str format.</summary>
    public static string FormatStr(string format, object? args, IFormatHost host) =>
        new Formatter(format, args, host, bytesMode: false).Run();

    /// <summary>format % args for a bytes (or bytearray) format.</summary>
    public static byte[] FormatBytes(ReadOnlySpan<byte> format, object? args, IFormatHost host)
    {
        string text = Latin1(format);
        string result = new Formatter(text, args, host, bytesMode: true).Run();
        var bytes = new byte[result.Length];
        for (int i = 0; i < result.Length; i++) bytes[i] = (byte)result[i];
        return bytes;
    }

    private static string Latin1(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
        return new string(chars);
    }

    private sealed class Formatter
    {
        private readonly string fmt;
        private readonly IFormatHost host;
        private readonly bool bytesMode;
        private IReadOnlyList<object?> positional;
        private readonly object? mapping;
        private int nextArg;
        private readonly StringBuilder output = new();

        public Formatter(string fmt, object? args, IFormatHost host, bool bytesMode)
        {
            this.fmt = fmt;
            this.host = host;
            this.bytesMode = bytesMode;
            if (host.TryGetTuple(args, out var items))
                positional = items;
            else
            {
                positional = new[] { args };
                // CPython takes any other subscriptable value as the mapping (even a list or
                // bytes, whose lookups then fail), except str for str % and bytes for bytes %.
                bool excluded = bytesMode ? args is byte[] || host.TryGetBytes(args, out _)
                                          : args is string || host.TryGetString(args, out _);
                if (!excluded && host.IsMapping(args)) mapping = args;
            }
        }

        private object? NextArg()
        {
            if (nextArg >= positional.Count)
                throw FormatError.Type("not enough arguments for format string");
            return positional[nextArg++];
        }

        public string Run()
        {
            int i = 0, n = fmt.Length;
            while (i < n)
            {
                int pct = fmt.IndexOf('%', i);
                if (pct < 0)
                {
                    output.Append(fmt, i, n - i);
                    break;
                }
                output.Append(fmt, i, pct - i);
                i = pct + 1;
                if (i < n && fmt[i] == '%')
                {
                    output.Append('%');
                    i++;
                    continue;
                }
                i = Conversion(i);
            }
            if (nextArg < positional.Count && mapping == null)
                throw FormatError.Type(bytesMode ? "not all arguments converted during bytes formatting"
                                                 : "not all arguments converted during string formatting");
            return output.ToString();
        }

        /// <summary>Parses and writes one conversion starting after its '%'; returns the index
        /// after it.</summary>
        private int Conversion(int i)
        {
            int n = fmt.Length;
            if (i < n && fmt[i] == '(')
            {
                if (mapping == null) throw FormatError.Type("format requires a mapping");
                int depth = 1, start = ++i;
                while (i < n && depth > 0)
                {
                    if (fmt[i] == '(') depth++;
                    else if (fmt[i] == ')') depth--;
                    i++;
                }
                if (depth > 0) throw FormatError.Value("incomplete format key");
                string keyText = fmt.Substring(start, i - 1 - start);
                object key = bytesMode ? ToBytes(keyText) : keyText;
                // The looked-up value becomes the only remaining argument: the conversion (or
                // a '*') takes it, and any further positional conversion finds none.
                positional = new[] { host.GetItem(mapping, key) };
                nextArg = 0;
            }
            bool left = false, plus = false, space = false, alt = false, zero = false;
            for (; i < n; i++)
            {
                char f = fmt[i];
                if (f == '-') left = true;
                else if (f == '+') plus = true;
                else if (f == ' ') space = true;
                else if (f == '#') alt = true;
                else if (f == '0') zero = true;
                else break;
            }
            int width = -1, precision = -1;
            if (i < n && fmt[i] == '*')
            {
                width = StarArgument(forPrecision: false);
                if (width < 0) { left = true; width = -width; }
                i++;
            }
            else i = ReadNumber(i, ref width, "width too big");
            if (i < n && fmt[i] == '.')
            {
                i++;
                precision = 0;
                if (i < n && fmt[i] == '*')
                {
                    precision = Math.Max(StarArgument(forPrecision: true), 0);
                    i++;
                }
                else i = ReadNumber(i, ref precision, "precision too big");
            }
            if (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) i++;
            if (i >= n) throw FormatError.Value("incomplete format");
            int cpWidth;
            int c = CodePoints.At(fmt, i, out cpWidth);
            int convIndex = i;
            i += cpWidth;
            object? value = NextArg();
            if (width > MaxWidth || precision > MaxWidth) throw FormatError.Memory();

            string body;
            bool numeric = false;
            string sign = "", prefix = "";
            switch (c)
            {
                case 's':
                    body = bytesMode ? BytesOf(value, "%b") : StrOf(value);
                    break;
                case 'b':
                    if (!bytesMode) throw Unsupported(c, convIndex);
                    body = BytesOf(value, "%b");
                    break;
                case 'r':
                    body = bytesMode ? host.Ascii(value) : host.Repr(value);
                    break;
                case 'a':
                    body = host.Ascii(value);
                    break;
                case 'c':
                    body = CharOf(value);
                    break;
                case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
                {
                    BigInteger v = IntegerOf(value, (char)c);
                    numeric = true;
                    if (v.Sign < 0) sign = "-"; else if (plus) sign = "+"; else if (space) sign = " ";
                    BigInteger mag = BigInteger.Abs(v);
                    body = c switch
                    {
                        'o' => NumberParsing.ToBase(mag, 8),
                        'x' => NumberParsing.ToBase(mag, 16),
                        'X' => NumberParsing.ToBase(mag, 16).ToUpperInvariant(),
                        _ => NumberParsing.ToDecimalString(mag, host.MaxStrDigits),
                    };
                    if (alt && (c == 'o' || c == 'x' || c == 'X')) prefix = c == 'o' ? "0o" : c == 'x' ? "0x" : "0X";
                    if (precision > body.Length) body = new string('0', precision - body.Length) + body;
                    precision = -1;
                    break;
                }
                case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
                {
                    double d = FloatOf(value);
                    numeric = true;
                    if (double.IsNegative(d) && !double.IsNaN(d)) sign = "-"; else if (plus) sign = "+"; else if (space) sign = " ";
                    body = FloatFormatter.FormatAbs(d, (char)c, precision < 0 ? 6 : precision, alt, false);
                    precision = -1;
                    break;
                }
                default:
                    throw Unsupported(c, convIndex);
            }
            if (!numeric && precision >= 0)
            {
                int len = bytesMode ? body.Length : CodePoints.Length(body);
                if (len > precision) body = bytesMode ? body.Substring(0, precision) : CodePoints.Substring(body, 0, precision);
            }
            int bodyLength = bytesMode ? body.Length : CodePoints.Length(body);
            int total = sign.Length + prefix.Length + bodyLength;
            if (width <= total)
                output.Append(sign).Append(prefix).Append(body);
            else if (left)
                output.Append(sign).Append(prefix).Append(body).Append(' ', width - total);
            else if (numeric && zero)
                output.Append(sign).Append(prefix).Append('0', width - total).Append(body);
            else
                output.Append(' ', width - total).Append(sign).Append(prefix).Append(body);
            return i;
        }

        private int ReadNumber(int i, ref int value, string tooBig)
        {
            int n = fmt.Length;
            if (i < n && char.IsAsciiDigit(fmt[i]))
            {
                long acc = 0;
                while (i < n && char.IsAsciiDigit(fmt[i]))
                {
                    acc = acc * 10 + (fmt[i] - '0');
                    if (acc > int.MaxValue) throw FormatError.Value(tooBig);
                    i++;
                }
                value = (int)acc;
            }
            return i;
        }

        private int StarArgument(bool forPrecision)
        {
            object? v = NextArg();
            BigInteger w;
            if (v is bool b) w = b ? 1 : 0;
            else if (v is int iv) w = iv;
            else if (v is long lv) w = lv;
            else if (v is BigInteger bv) w = bv;
            else if (v is double || v is string || !host.TryGetInt(v, out w))
                throw FormatError.Type("* wants int"); // a real int: __index__ is not enough
            if (forPrecision && (w > int.MaxValue || w < int.MinValue)) throw FormatError.Overflow("Python int too large to convert to C int");
            if (w > long.MaxValue || w < long.MinValue) throw FormatError.Overflow("Python int too large to convert to C ssize_t");
            // Widths past int range cannot be honoured anyway; the MemoryError comes later.
            return (int)BigInteger.Max(BigInteger.Min(w, int.MaxValue), -int.MaxValue);
        }

        private string StrOf(object? value) => value is string s ? s : host.Str(value);

        private string BytesOf(object? value, string what)
        {
            if (value is byte[] raw) return Latin1(raw);
            if (host.TryGetBytes(value, out byte[] bytes)) return Latin1(bytes);
            throw FormatError.Type($"{what} requires a bytes-like object, or an object that implements __bytes__, not '{host.TypeName(value)}'");
        }

        private string CharOf(object? value)
        {
            if (bytesMode)
            {
                if (TryInteger(value, out BigInteger v, allowIndex: true))
                {
                    if (v.Sign < 0 || v > 255) throw FormatError.Overflow("%c arg not in range(256)");
                    return ((char)(int)v).ToString();
                }
                byte[]? one = value as byte[];
                if (one == null && !(value is string) && host.TryGetBytes(value, out byte[] b) && !host.TryGetString(value, out _)) one = b;
                if (one != null && one.Length == 1) return ((char)one[0]).ToString();
                throw FormatError.Type("%c requires an integer in range(256) or a single byte");
            }
            if (TryInteger(value, out BigInteger cp, allowIndex: true))
            {
                if (cp.Sign < 0 || cp > 0x10FFFF) throw FormatError.Overflow("%c arg not in range(0x110000)");
                return CodePoints.FromCodePoint((int)cp);
            }
            string? text = value as string;
            if (text == null && host.TryGetString(value, out string t)) text = t;
            if (text != null && CodePoints.Length(text) == 1) return text;
            throw FormatError.Type("%c requires int or char");
        }

        /// <summary>Plain .NET integers, then __index__ through the host.</summary>
        private bool TryInteger(object? value, out BigInteger result, bool allowIndex)
        {
            switch (value)
            {
                case bool b: result = b ? 1 : 0; return true;
                case int i: result = i; return true;
                case long l: result = l; return true;
                case BigInteger bi: result = bi; return true;
                case double: case string: case byte[]: result = default; return false;
            }
            if (host.TryGetInt(value, out result)) return true;
            return allowIndex && host.TryIndex(value, out result);
        }

        private BigInteger IntegerOf(object? value, char conversion)
        {
            if (TryInteger(value, out BigInteger v, allowIndex: true)) return v;
            if (bytesMode && conversion == 'i') conversion = 'd'; // as bytes % reports it
            if (conversion == 'o' || conversion == 'x' || conversion == 'X')
                throw FormatError.Type($"%{conversion} format: an integer is required, not {host.TypeName(value)}");
            if (value is double d) return FloatMath.ToBigInteger(d);
            if (value is not string && value is not byte[] && host.TryInt(value, out v)) return v;
            throw FormatError.Type($"%{conversion} format: a real number is required, not {host.TypeName(value)}");
        }

        private double FloatOf(object? value)
        {
            switch (value)
            {
                case double d: return d;
                case bool b: return b ? 1 : 0;
                case int i: return i;
                case long l: return IntMath.ToDouble(l);
                case BigInteger bi: return IntMath.ToDouble(bi);
                case string: case byte[]: break;
                default:
                    if (host.TryFloat(value, out double r)) return r;
                    break;
            }
            throw FormatError.Type(bytesMode ? $"float argument required, not {host.TypeName(value)}"
                                             : $"must be real number, not {host.TypeName(value)}");
        }

        /// <summary>For bytes, CPython 3.11 garbles this error when the character is not ASCII
        /// (an empty ValueError or an OverflowError, depending on state); this gives the
        /// readable message instead.</summary>
        private FormatError Unsupported(int c, int charIndex)
        {
            int index = bytesMode ? charIndex : CodePoints.ToCodePointIndex(fmt, charIndex);
            char shown = c >= 0x20 && c <= 0x7E || (bytesMode && c >= 0x80) ? (char)c : '?';
            return FormatError.Value($"unsupported format character '{shown}' (0x{c:x}) at index {index}");
        }

        private static byte[] ToBytes(string latin1)
        {
            var b = new byte[latin1.Length];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)latin1[i];
            return b;
        }
    }
}
