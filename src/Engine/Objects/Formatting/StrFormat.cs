using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// str.format and str.format_map (PEP 3101 as CPython 3.11 implements it): literal text with
/// {{ and }}, replacement fields {name.attr[key]!conv:spec} with nested fields in the spec
/// (two levels), automatic or manual numbering, and lazy evaluation (an accessor runs before
/// the rest of the field name is checked). Also the parsers behind _string.formatter_parser
/// and _string.formatter_field_name_split, which string.Formatter uses.
/// </summary>
public static class StrFormat
{
    /// <summary>Looks up a keyword argument of str.format; false when it is missing.</summary>
    public delegate bool KeywordLookup(string name, out object? value);

    /// <summary>One piece of a format string, as _string.formatter_parser yields it.</summary>
    public readonly record struct Piece(string Literal, string? FieldName, string? FormatSpec, char? Conversion);

    /// <summary>One accessor of a field name: .attr (IsAttribute) or [key] (key is a string or
    /// a BigInteger when it is all digits).</summary>
    public readonly record struct Accessor(bool IsAttribute, object Key);

    /// <summary>s.format(*args, **kwargs).</summary>
    public static string Format(string format, IReadOnlyList<object?> args, KeywordLookup? keywords, IFormatHost host) =>
        new Builder(host, args, keywords, null).Build(format, 2);

    /// <summary>s.format_map(mapping): names are looked up with mapping[name].</summary>
    public static string FormatMap(string format, object? mapping, IFormatHost host) =>
        new Builder(host, null, null, mapping).Build(format, 2);

    // ---- the parser ----

    /// <summary>Reads the next literal and field starting at pos. Returns false at the end.</summary>
    private static bool NextPiece(string s, ref int pos, out string literal, out bool hasField,
                                  out string fieldName, out char? conversion, out string spec, out bool specNeedsExpanding)
    {
        hasField = false;
        fieldName = spec = "";
        conversion = null;
        specNeedsExpanding = false;
        literal = "";
        if (pos >= s.Length) return false;
        var lit = new StringBuilder();
        int i = pos;
        while (i < s.Length)
        {
            char c = s[i++];
            if (c == '{')
            {
                if (i < s.Length && s[i] == '{') { lit.Append('{'); i++; literal = lit.ToString(); pos = i; return true; }
                if (i >= s.Length) throw FormatError.Value("Single '{' encountered in format string");
                hasField = true;
                break;
            }
            if (c == '}')
            {
                if (i < s.Length && s[i] == '}') { lit.Append('}'); i++; literal = lit.ToString(); pos = i; return true; }
                throw FormatError.Value("Single '}' encountered in format string");
            }
            lit.Append(c);
        }
        literal = lit.ToString();
        if (!hasField) { pos = i; return true; }

        // The field name ends at ':', '!' or '}' outside square brackets.
        int nameStart = i;
        char last = '\0';
        while (i < s.Length)
        {
            char c = s[i++];
            if (c == '{') throw FormatError.Value("unexpected '{' in field name");
            if (c == '[')
            {
                // Brackets may hold ':' '!' '}'; CPython skips to the ']' without consuming it.
                while (i < s.Length && s[i] != ']') i++;
                continue;
            }
            if (c == '}' || c == ':' || c == '!') { last = c; break; }
        }
        if (last == '\0') throw FormatError.Value("expected '}' before end of string");
        fieldName = s.Substring(nameStart, i - 1 - nameStart);
        if (last == '}') { pos = i; return true; }
        if (last == '!')
        {
            if (i >= s.Length) throw FormatError.Value("end of string while looking for conversion specifier");
            conversion = s[i++];
            if (i < s.Length)
            {
                char c = s[i++];
                if (c == '}') { pos = i; return true; }
                if (c != ':') throw FormatError.Value("expected ':' after conversion specifier");
            }
        }
        int specStart = i, depth = 1;
        while (i < s.Length)
        {
            char c = s[i++];
            if (c == '{') { specNeedsExpanding = true; depth++; }
            else if (c == '}' && --depth == 0)
            {
                spec = s.Substring(specStart, i - 1 - specStart);
                pos = i;
                return true;
            }
        }
        throw FormatError.Value("unmatched '{' in format spec");
    }

    /// <summary>_string.formatter_parser(s): the pieces, all at once (errors as format()).</summary>
    public static List<Piece> Parse(string format)
    {
        var result = new List<Piece>();
        int pos = 0;
        while (NextPiece(format, ref pos, out string literal, out bool hasField, out string name, out char? conversion, out string spec, out _))
            result.Add(hasField ? new Piece(literal, name, spec, conversion) : new Piece(literal, null, null, null));
        return result;
    }

    /// <summary>All-decimal text as an integer (any Unicode decimal digits), or null.</summary>
    private static BigInteger? AsInteger(string s)
    {
        if (s.Length == 0) return null;
        long acc = 0;
        foreach (char c in s)
        {
            int d = UnicodeInfo.DecimalValue(c);
            if (d < 0) return null;
            // checked before the step, so the largest accepted value is sys.maxsize itself
            if (acc > (long.MaxValue - d) / 10) throw FormatError.Value("Too many decimal digits in format string");
            acc = acc * 10 + d;
        }
        return acc;
    }

    /// <summary>Splits the first name off a field name; returns the position of the rest.</summary>
    private static int FirstName(string field, out string first)
    {
        int i = 0;
        while (i < field.Length && field[i] != '.' && field[i] != '[') i++;
        first = field.Substring(0, i);
        return i;
    }

    /// <summary>Reads the accessor at pos; false at the end of the field name.</summary>
    private static bool NextAccessor(string field, ref int pos, out Accessor accessor)
    {
        accessor = default;
        if (pos >= field.Length) return false;
        char c = field[pos++];
        if (c == '.')
        {
            int start = pos;
            while (pos < field.Length && field[pos] != '.' && field[pos] != '[') pos++;
            if (pos == start) throw FormatError.Value("Empty attribute in format string");
            accessor = new Accessor(true, field.Substring(start, pos - start));
            return true;
        }
        if (c == '[')
        {
            int start = pos;
            while (pos < field.Length && field[pos] != ']') pos++;
            if (pos >= field.Length) throw FormatError.Value("Missing ']' in format string");
            string key = field.Substring(start, pos - start);
            if (key.Length == 0) throw FormatError.Value("Empty attribute in format string");
            pos++;
            if (pos < field.Length && field[pos] != '.' && field[pos] != '[')
            {
                // Checked lazily in CPython: after this accessor was applied. The caller
                // applies it first, then asks for the next one, which reports this.
                pos = -pos;
            }
            accessor = new Accessor(false, AsInteger(key) is BigInteger n ? n : key);
            return true;
        }
        throw FormatError.Value("Only '.' or '[' may follow ']' in format field specifier");
    }

    /// <summary>_string.formatter_field_name_split(name): the first part (a string, or a
    /// BigInteger when all digits) and the accessors.</summary>
    public static (object First, List<Accessor> Accessors) FieldNameSplit(string field)
    {
        int pos = FirstName(field, out string first);
        object head = AsInteger(first) is BigInteger n ? n : first;
        var rest = new List<Accessor>();
        while (true)
        {
            if (pos < 0) throw FormatError.Value("Only '.' or '[' may follow ']' in format field specifier");
            if (!NextAccessor(field, ref pos, out Accessor a)) break;
            rest.Add(a);
        }
        return (head, rest);
    }

    // ---- building ----

    private sealed class Builder
    {
        private readonly IFormatHost host;
        private readonly IReadOnlyList<object?>? args;
        private readonly KeywordLookup? keywords;
        private readonly object? mapping;
        private readonly bool isFormatMap;
        private int autoNumber;          // next automatic field number
        private int numbering;           // 0 unknown, 1 automatic, 2 manual

        public Builder(IFormatHost host, IReadOnlyList<object?>? args, KeywordLookup? keywords, object? mapping)
        {
            this.host = host;
            this.args = args;
            this.keywords = keywords;
            this.mapping = mapping;
            isFormatMap = args == null;
        }

        public string Build(string format, int recursionDepth)
        {
            if (recursionDepth <= 0) throw FormatError.Value("Max string recursion exceeded");
            var sb = new StringBuilder();
            int pos = 0;
            while (NextPiece(format, ref pos, out string literal, out bool hasField, out string name, out char? conversion,
                             out string spec, out bool expand))
            {
                sb.Append(literal);
                if (!hasField) continue;
                object? value = GetField(name);
                if (conversion is char conv)
                {
                    value = conv switch
                    {
                        'r' => host.Repr(value),
                        's' => host.Str(value),
                        'a' => host.Ascii(value),
                        _ => throw FormatError.Value(conv > 32 && conv < 127
                            ? $"Unknown conversion specifier {conv}"
                            : $"Unknown conversion specifier \\x{(int)conv:x}"),
                    };
                }
                if (expand) spec = Build(spec, recursionDepth - 1);
                sb.Append(value is string text ? FormatSpec.FormatStr(text, spec) : host.Format(value, spec));
            }
            return sb.ToString();
        }

        private object? GetField(string field)
        {
            int pos = FirstName(field, out string first);
            object? obj;
            BigInteger? index = first.Length == 0 ? null : AsInteger(first);
            if (first.Length == 0 || index != null)
            {
                if (isFormatMap) throw FormatError.Value("Format string contains positional fields");
                if (first.Length == 0)
                {
                    if (numbering == 2) throw FormatError.Value("cannot switch from manual field specification to automatic field numbering");
                    numbering = 1;
                    index = autoNumber++;
                }
                else
                {
                    if (numbering == 1) throw FormatError.Value("cannot switch from automatic field numbering to manual field specification");
                    numbering = 2;
                }
                if (index >= args!.Count)
                    throw FormatError.Index($"Replacement index {index} out of range for positional args tuple");
                obj = args[(int)index];
            }
            else if (isFormatMap)
                obj = host.GetItem(mapping, first);
            else
            {
                if (keywords == null || !keywords(first, out obj)) throw FormatError.KeyMissing(first);
            }
            while (true)
            {
                if (pos < 0) throw FormatError.Value("Only '.' or '[' may follow ']' in format field specifier");
                if (!NextAccessor(field, ref pos, out Accessor a)) break;
                obj = a.IsAttribute ? host.GetAttr(obj, (string)a.Key) : host.GetItem(obj, a.Key);
            }
            return obj;
        }
    }
}
