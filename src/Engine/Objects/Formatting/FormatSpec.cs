using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// The format() mini-language of CPython 3.11:
/// [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type].
/// Parse once, then apply to an int, float, complex or str value. Widths count code points.
/// </summary>
public sealed class FormatSpec
{
    public string Fill = " ";
    public char Align;          // '\0' when not given: the caller's default applies
    public char Sign;           // '\0', '+', '-' or ' '
    public bool NoNegativeZero; // 'z'
    public bool Alternate;      // '#'
    public int Width = -1;
    public char Thousands;      // '\0', ',' or '_'
    public int Precision = -1;
    public char Type;           // '\0' when not given

    private static bool IsAlign(int c) => c == '<' || c == '>' || c == '=' || c == '^';

    /// <summary>Parses a spec; <paramref name="typeName"/> names the formatted type in errors;
    /// <paramref name="defaultAlign"/> is '>' for numbers and '<' for str.</summary>
    public static FormatSpec Parse(string spec, string typeName, char defaultAlign, char defaultType = '\0')
    {
        var f = new FormatSpec();
        int[] s = CodePoints.ToArray(spec);
        int pos = 0, end = s.Length;
        bool fillGiven = false, alignGiven = false;
        if (end - pos >= 2 && IsAlign(s[pos + 1]))
        {
            f.Fill = CodePoints.FromCodePoint(s[pos]);
            f.Align = (char)s[pos + 1];
            fillGiven = alignGiven = true;
            pos += 2;
        }
        else if (end - pos >= 1 && IsAlign(s[pos]))
        {
            f.Align = (char)s[pos];
            alignGiven = true;
            pos++;
        }
        if (end - pos >= 1 && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' '))
            f.Sign = (char)s[pos++];
        if (end - pos >= 1 && s[pos] == 'z') { f.NoNegativeZero = true; pos++; }
        if (end - pos >= 1 && s[pos] == '#') { f.Alternate = true; pos++; }
        // A leading '0' means zero fill (and sign-aware padding for numbers) unless a fill
        // character was given explicitly, in which case the '0' is part of the width.
        if (!fillGiven && end - pos >= 1 && s[pos] == '0')
        {
            f.Fill = "0";
            if (!alignGiven && defaultAlign == '>') f.Align = '=';
            pos++;
        }
        pos = ParseNumber(s, pos, out f.Width);
        if (end - pos >= 1 && s[pos] == ',') { f.Thousands = ','; pos++; }
        if (end - pos >= 1 && s[pos] == '_')
        {
            if (f.Thousands != '\0') throw FormatError.Value("Cannot specify both ',' and '_'.");
            f.Thousands = '_';
            pos++;
        }
        if (end - pos >= 1 && s[pos] == ',')
        {
            if (f.Thousands == '_') throw FormatError.Value("Cannot specify both ',' and '_'.");
        }
        if (end - pos >= 1 && s[pos] == '.')
        {
            pos++;
            int before = pos;
            pos = ParseNumber(s, pos, out f.Precision);
            if (pos == before) throw FormatError.Value("Format specifier missing precision");
        }
        if (end - pos > 1)
            throw FormatError.Value($"Invalid format specifier '{spec}' for object of type '{typeName}'");
        if (end - pos == 1)
        {
            int t = s[pos];
            // '\0' means "no type" here, so a real NUL type is rejected now (CPython prints
            // it through C's %c as "\x0").
            if (t == 0 || t >= 0x10000) throw UnknownCode(t, typeName);
            f.Type = (char)t;
        }
        if (f.Thousands != '\0')
        {
            switch (f.Type == '\0' ? defaultType : f.Type)
            {
                case '\0': case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F':
                    break;
                case 'b': case 'o': case 'x': case 'X':
                    if (f.Thousands == '_') break;
                    goto default;
                default:
                    throw FormatError.Value($"Cannot specify '{f.Thousands}' with '{TypeText(f.Type == '\0' ? defaultType : f.Type)}'.");
            }
        }
        return f;
    }

    private static string TypeText(char t) => t == '\0' ? "" : t.ToString();

    private static int ParseNumber(int[] s, int pos, out int value)
    {
        value = -1;
        long acc = 0;
        int start = pos;
        while (pos < s.Length)
        {
            int d = UnicodeInfo.DecimalValue(s[pos]);
            if (d < 0) break;
            // CPython allows any ssize_t; past int range only a MemoryError can follow.
            if (acc > (long.MaxValue - d) / 10) throw FormatError.Value("Too many decimal digits in format string");
            acc = acc * 10 + d;
            pos++;
        }
        if (pos > start) value = (int)Math.Min(acc, int.MaxValue);
        return pos;
    }

    /// <summary>CPython shows the code with C's %c only for printable ASCII, else as \x.. hex.</summary>
    private static FormatError UnknownCode(int code, string typeName) =>
        FormatError.Value(code > 32 && code < 128
            ? $"Unknown format code '{(char)code}' for object of type '{typeName}'"
            : $"Unknown format code '\\x{code:x}' for object of type '{typeName}'");

    // ---- str ----

    /// <summary>format(str, spec).</summary>
    public static string FormatStr(string value, string spec, string typeName = "str")
    {
        if (spec.Length == 0) return value;
        var f = Parse(spec, typeName, '<', 's');
        if (f.Type != '\0' && f.Type != 's') throw UnknownCode(f.Type, typeName);
        if (f.Sign == ' ') throw FormatError.Value("Space not allowed in string format specifier");
        if (f.Sign != '\0') throw FormatError.Value("Sign not allowed in string format specifier");
        if (f.NoNegativeZero) throw FormatError.Value("Negative zero coercion (z) not allowed in string format specifier");
        if (f.Alternate) throw FormatError.Value("Alternate form (#) not allowed in string format specifier");
        if (f.Align == '=') throw FormatError.Value("'=' alignment not allowed in string format specifier");
        int len = CodePoints.Length(value);
        if (f.Precision >= 0 && len > f.Precision)
        {
            value = CodePoints.Substring(value, 0, f.Precision);
            len = f.Precision;
        }
        return Pad(value, len, f.Width, f.Align == '\0' ? '<' : f.Align, f.Fill);
    }

    private static string Pad(string body, int bodyLength, int width, char align, string fill)
    {
        if (width <= bodyLength) return body;
        if (width > FormatError.MaxResultLength) throw FormatError.Memory();
        int total = width - bodyLength;
        int left = align switch { '>' => total, '^' => total / 2, _ => 0 };
        var sb = new StringBuilder(body.Length + total * fill.Length);
        for (int i = 0; i < left; i++) sb.Append(fill);
        sb.Append(body);
        for (int i = left; i < total; i++) sb.Append(fill);
        return sb.ToString();
    }

    // ---- int ----

    public static string FormatInt(long value, string spec, string typeName = "int") =>
        spec.Length == 0 ? value.ToString(CultureInfo.InvariantCulture) : FormatInt(new BigInteger(value), spec, typeName);

    /// <summary>format(int, spec). The float presentation types convert to float first.</summary>
    public static string FormatInt(BigInteger value, string spec, string typeName = "int", int maxStrDigits = NumberParsing.DefaultMaxStrDigits)
    {
        if (spec.Length == 0) return value.ToString(CultureInfo.InvariantCulture);
        var f = Parse(spec, typeName, '>');
        switch (f.Type)
        {
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
                return f.FormatFloatValue(IntMath.ToDouble(value), "float");
            case '\0': case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
                break;
            default:
                throw UnknownCode(f.Type, typeName);
        }
        if (f.Precision >= 0) throw FormatError.Value("Precision not allowed in integer format specifier");
        if (f.NoNegativeZero) throw FormatError.Value("Negative zero coercion (z) not allowed in integer format specifier");
        if (f.Type == 'c')
        {
            if (f.Sign != '\0') throw FormatError.Value("Sign not allowed with integer format specifier 'c'");
            if (f.Alternate) throw FormatError.Value("Alternate form (#) not allowed with integer format specifier 'c'");
            if (value < long.MinValue || value > long.MaxValue) throw FormatError.Overflow("Python int too large to convert to C long");
            if (value.Sign < 0 || value > 0x10FFFF) throw FormatError.Overflow("%c arg not in range(0x110000)");
            string ch = CodePoints.FromCodePoint((int)value);
            return f.LayoutNumber(false, "", ch, 1, "", '>');
        }
        bool negative = value.Sign < 0;
        BigInteger magnitude = BigInteger.Abs(value);
        string digits, prefix = "";
        int groupSize = 3;
        switch (f.Type)
        {
            case 'b': digits = NumberParsing.ToBase(magnitude, 2); prefix = "0b"; groupSize = 4; break;
            case 'o': digits = NumberParsing.ToBase(magnitude, 8); prefix = "0o"; groupSize = 4; break;
            case 'x': digits = NumberParsing.ToBase(magnitude, 16); prefix = "0x"; groupSize = 4; break;
            case 'X': digits = NumberParsing.ToBase(magnitude, 16).ToUpperInvariant(); prefix = "0X"; groupSize = 4; break;
            default: digits = NumberParsing.ToDecimalString(magnitude, maxStrDigits); break;
        }
        if (!f.Alternate) prefix = "";
        if (f.Thousands != '\0') digits = Group(digits, f.Thousands, groupSize, 0);
        return f.LayoutNumber(negative, prefix, digits, -1, "", '>', groupSize);
    }

    /// <summary>Inserts a separator every groupSize digits from the right, then keeps adding
    /// zero digits (with separators) until the result is at least minWidth long, never
    /// starting with a separator: CPython's zero padding of grouped numbers.</summary>
    private static string Group(string digits, char separator, int groupSize, int minWidth)
    {
        var rev = new StringBuilder(digits.Length + digits.Length / groupSize + 4);
        int n = digits.Length;
        for (int i = 0; i < n || rev.Length < minWidth; i++)
        {
            if (i > 0 && i % groupSize == 0) rev.Append(separator);
            rev.Append(i < n ? digits[n - 1 - i] : '0');
        }
        var chars = new char[rev.Length];
        for (int i = 0; i < chars.Length; i++) chars[i] = rev[rev.Length - 1 - i];
        return new string(chars);
    }

    /// <summary>Writes sign, prefix, digits and suffix aligned in the width. With a '0' fill
    /// and '=' alignment, a grouped number is padded by more (grouped) digits instead.</summary>
    private string LayoutNumber(bool negative, string prefix, string digits, int digitsLength, string suffix,
                                char defaultAlign, int groupSize = 3, string? ungroupedDigits = null)
    {
        string sign = negative ? "-" : Sign == '+' ? "+" : Sign == ' ' ? " " : "";
        char align = Align == '\0' ? defaultAlign : Align;
        int suffixLength = CodePoints.Length(suffix);
        if (digitsLength < 0) digitsLength = digits.Length;
        if (Thousands != '\0' && Fill == "0" && align == '=' && Width > 0)
        {
            if (Width > FormatError.MaxResultLength) throw FormatError.Memory();
            // Recompute the grouping with zero padding from the raw digits.
            string raw = ungroupedDigits ?? digits.Replace(Thousands.ToString(), "");
            int min = Width - sign.Length - prefix.Length - suffixLength;
            if (raw.Length > 0) digits = Group(raw, Thousands, groupSize, min);
            digitsLength = digits.Length;
        }
        int length = sign.Length + prefix.Length + digitsLength + suffixLength;
        if (Width <= length) return sign + prefix + digits + suffix;
        if (Width > FormatError.MaxResultLength) throw FormatError.Memory();
        if (align == '=')
        {
            var sb = new StringBuilder();
            sb.Append(sign).Append(prefix);
            for (int i = length; i < Width; i++) sb.Append(Fill);
            sb.Append(digits).Append(suffix);
            return sb.ToString();
        }
        return Pad(sign + prefix + digits + suffix, length, Width, align, Fill);
    }

    // ---- float ----

    /// <summary>format(float, spec).</summary>
    public static string FormatFloat(double value, string spec, string typeName = "float")
    {
        if (spec.Length == 0) return FloatFormatter.Format(value, 'r', 0, addDot0: true);
        var f = Parse(spec, typeName, '>');
        return f.FormatFloatValue(value, typeName);
    }

    private string FormatFloatValue(double value, string typeName)
    {
        char type = Type;
        bool addDot0 = false;
        int defaultPrecision = 6;
        switch (type)
        {
            case '\0': type = 'r'; addDot0 = true; defaultPrecision = 0; break;
            case 'n': type = 'g'; break;
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': break;
            default: throw UnknownCode(type, typeName);
        }
        int precision = Precision;
        if (precision < 0) precision = defaultPrecision;
        else if (type == 'r') type = 'g';
        if (precision > FormatError.MaxResultLength / 2) throw FormatError.Memory();
        string suffix = "";
        if (type == '%')
        {
            value *= 100;
            type = 'f';
            suffix = "%";
        }
        bool negative = double.IsNegative(value) && !double.IsNaN(value);
        string body = FloatFormatter.FormatAbs(value, type, precision, Alternate, addDot0);
        if (negative && NoNegativeZero && IsAllZero(body)) negative = false;
        return LayoutFloatBody(negative, body, suffix);
    }

    /// <summary>True when the formatted magnitude shows zero ("0.00", "0e+00"), so 'z' drops
    /// the minus sign of a value that rounded to zero.</summary>
    private static bool IsAllZero(string body)
    {
        foreach (char c in body)
        {
            if (c == 'e' || c == 'E') return true;
            if (c != '0' && c != '.') return false;
        }
        return true;
    }

    /// <summary>Splits a formatted magnitude into its leading integer digits (grouped) and the
    /// rest (point, fraction, exponent, or inf/nan), then lays it out.</summary>
    private string LayoutFloatBody(bool negative, string body, string suffix)
    {
        int intEnd = 0;
        while (intEnd < body.Length && char.IsAsciiDigit(body[intEnd])) intEnd++;
        string intDigits = body.Substring(0, intEnd);
        string rest = body.Substring(intEnd) + suffix;
        string grouped = Thousands != '\0' && intDigits.Length > 0 ? Group(intDigits, Thousands, 3, 0) : intDigits;
        return LayoutNumber(negative, "", grouped, -1, rest, '>', 3, intDigits);
    }

    // ---- complex ----

    /// <summary>format(complex, spec).</summary>
    public static string FormatComplex(double real, double imag, string spec, string typeName = "complex")
    {
        var f = spec.Length == 0 ? new FormatSpec() : Parse(spec, typeName, '>');
        char type = f.Type;
        bool addParens = false, skipReal = false;
        int defaultPrecision = 6;
        switch (type)
        {
            case '\0': type = 'r'; addParens = true; defaultPrecision = 0; break;
            case 'n': type = 'g'; break;
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': break;
            default: throw UnknownCode(type, typeName);
        }
        if (f.Fill == "0")
            throw FormatError.Value("Zero padding is not allowed in complex format specifier");
        if (f.Align == '=') throw FormatError.Value("'=' alignment flag is not allowed in complex format specifier");
        int precision = f.Precision;
        if (precision < 0) precision = defaultPrecision;
        else if (type == 'r') type = 'g';
        if (precision > FormatError.MaxResultLength / 2) throw FormatError.Memory();
        if (addParens && real == 0 && !double.IsNegative(real)) skipReal = true;

        var sb = new StringBuilder();
        if (addParens && !skipReal) sb.Append('(');
        if (!skipReal)
        {
            bool reNeg = double.IsNegative(real) && !double.IsNaN(real);
            string re = FloatFormatter.FormatAbs(real, type, precision, f.Alternate, false);
            if (reNeg && f.NoNegativeZero && IsAllZero(re)) reNeg = false;
            sb.Append(f.SignText(reNeg)).Append(f.GroupFloatText(re));
        }
        bool imNeg = double.IsNegative(imag) && !double.IsNaN(imag);
        string im = FloatFormatter.FormatAbs(imag, type, precision, f.Alternate, false);
        if (imNeg && f.NoNegativeZero && IsAllZero(im)) imNeg = false;
        // The imaginary part always carries a sign when it follows a real part.
        if (skipReal) sb.Append(f.SignText(imNeg));
        else sb.Append(imNeg ? '-' : '+');
        sb.Append(f.GroupFloatText(im)).Append('j');
        if (addParens && !skipReal) sb.Append(')');
        string body = sb.ToString();
        return Pad(body, CodePoints.Length(body), f.Width, f.Align == '\0' ? '>' : f.Align, f.Fill);
    }

    private string SignText(bool negative) => negative ? "-" : Sign == '+' ? "+" : Sign == ' ' ? " " : "";

    private string GroupFloatText(string body)
    {
        if (Thousands == '\0') return body;
        int intEnd = 0;
        while (intEnd < body.Length && char.IsAsciiDigit(body[intEnd])) intEnd++;
        if (intEnd == 0) return body;
        return Group(body.Substring(0, intEnd), Thousands, 3, 0) + body.Substring(intEnd);
    }
}
