#nullable enable
using System.Text;
using StacklessIron.Objects.Formatting;
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

// str.format / str.format_map (PEP 3101, as CPython 3.11's Objects/stringlib/unicode_format.h
// parses it: the same errors in the same order) and str % args (through Formatting/PercentFormat).
public partial class PyStr
{
    /// <summary>str % args.</summary>
    internal static string PercentFormatStr(ThreadState ts, string format, PyObject args)
    {
        try { return PercentFormat.FormatStr(format, args, new PyStrFormatHost(ts)); }
        catch (FormatError e) { throw Raise(e); }
    }

    [PyMethod]
    static PyObject format(ThreadState ts, PyStr self, [PyKwArgs] PyDict kwargs, params PyObject[] args)
        => From(new TemplateFormatter(ts, args, kwargs, false).Run(self.Value, 2));

    [PyMethod]
    static PyObject format_map(ThreadState ts, PyStr self, PyObject mapping)
        => From(new TemplateFormatter(ts, null, mapping, true).Run(self.Value, 2));

    /// <summary>ascii(o): repr(o) with every non-ASCII code point escaped.</summary>
    public static string AsciiOf(ThreadState ts, PyObject o)
    {
        string r = Ops.ReprString(ts, o);
        if (IsAscii(r)) return r;
        var sb = new StringBuilder(r.Length + 8);
        for (int i = 0; i < r.Length;)
        {
            int cp = CodePoints.At(r, i, out int w);
            i += w;
            if (cp < 0x80) sb.Append((char)cp);
            else if (cp < 0x100) sb.Append("\\x").Append(cp.ToString("x2"));
            else if (cp < 0x10000) sb.Append("\\u").Append(cp.ToString("x4"));
            else sb.Append("\\U").Append(cp.ToString("x8"));
        }
        return sb.ToString();
    }

    /// <summary>One str.format call: the arguments and the automatic numbering state.</summary>
    sealed class TemplateFormatter
    {
        readonly ThreadState _ts;
        readonly PyObject[]? _args;      // null for format_map
        readonly PyObject? _kwargs;      // a dict (format) or any mapping (format_map)
        readonly bool _isMap;
        int _autoState;                  // 0 = not yet known, 1 = automatic, 2 = manual
        int _autoNext;

        public TemplateFormatter(ThreadState ts, PyObject[]? args, PyObject? kwargs, bool isMap)
        {
            _ts = ts; _args = args; _kwargs = kwargs; _isMap = isMap;
        }

        public string Run(string fmt, int depth)
        {
            if (depth <= 0) throw PyExc.ValueError("Max string recursion exceeded");
            var sb = new StringBuilder(fmt.Length + 16);
            int pos = 0, end = fmt.Length;
            while (pos < end)
            {
                // Literal text up to the first '{' or '}'.
                int start = pos;
                char c = '\0';
                bool markup = false;
                while (pos < end)
                {
                    c = fmt[pos++];
                    if (c == '{' || c == '}') { markup = true; break; }
                }
                bool atEnd = pos >= end;
                int len = pos - start;
                if (markup && c == '}' && (atEnd || fmt[pos] != '}')) throw PyExc.ValueError("Single '}' encountered in format string");
                if (markup && atEnd && c == '{') throw PyExc.ValueError("Single '{' encountered in format string");
                if (markup)
                {
                    if (fmt[pos] == c) { pos++; markup = false; }  // "{{" or "}}": a literal brace
                    else len--;
                }
                sb.Append(fmt, start, len);
                if (!markup) continue;
                pos = Field(fmt, pos, sb, depth);
            }
            return sb.ToString();
        }

        /// <summary>Parses the replacement field after its '{' and appends its text; returns
        /// the index after the closing '}'.</summary>
        int Field(string fmt, int pos, StringBuilder sb, int depth)
        {
            int end = fmt.Length;
            int nameStart = pos;
            char c = '\0';
            while (pos < end)
            {
                c = fmt[pos++];
                if (c == '{') throw PyExc.ValueError("unexpected '{' in field name");
                if (c == '[')
                {
                    while (pos < end && fmt[pos] != ']') pos++;
                    continue;
                }
                if (c == '}' || c == ':' || c == '!') break;
            }
            int nameEnd = pos - 1;
            char conversion = '\0';
            string spec = "";
            bool expand = false;
            if (c == '!' || c == ':')
            {
                if (c == '!')
                {
                    if (pos >= end) throw PyExc.ValueError("end of string while looking for conversion specifier");
                    conversion = fmt[pos++];
                    if (pos < end)
                    {
                        char d = fmt[pos++];
                        if (d == '}') { Render(fmt.Substring(nameStart, nameEnd - nameStart), conversion, "", false, sb, depth); return pos; }
                        if (d != ':') throw PyExc.ValueError("expected ':' after conversion specifier");
                    }
                }
                int specStart = pos, count = 1;
                while (pos < end)
                {
                    char d = fmt[pos++];
                    if (d == '{') { expand = true; count++; }
                    else if (d == '}' && --count == 0)
                    {
                        spec = fmt.Substring(specStart, pos - 1 - specStart);
                        Render(fmt.Substring(nameStart, nameEnd - nameStart), conversion, spec, expand, sb, depth);
                        return pos;
                    }
                }
                throw PyExc.ValueError("unmatched '{' in format spec");
            }
            if (c != '}') throw PyExc.ValueError("expected '}' before end of string");
            Render(fmt.Substring(nameStart, nameEnd - nameStart), '\0', "", false, sb, depth);
            return pos;
        }

        void Render(string fieldName, char conversion, string spec, bool expand, StringBuilder sb, int depth)
        {
            var obj = GetField(fieldName);
            switch (conversion)
            {
                case '\0': break;
                case 'r': obj = Ops.Repr(_ts, obj); break;
                case 's': obj = Ops.Str(_ts, obj); break;
                case 'a': obj = From(AsciiOf(_ts, obj)); break;
                default:
                    throw PyExc.ValueError(conversion > 32 && conversion < 127
                        ? $"Unknown conversion specifier {conversion}"
                        : $"Unknown conversion specifier \\x{(int)conversion:x}");
            }
            if (expand) spec = Run(spec, depth - 1);
            if (obj.Type == TypeObjects.Str && spec.Length == 0) { sb.Append(((PyStr)obj).Value); return; }
            sb.Append(((PyStr)Ops.Format(_ts, obj, From(spec))).Value);
        }

        /// <summary>The digits of s as a non-negative number (any Unicode decimal digits), or -1.</summary>
        static long GetInteger(string s)
        {
            if (s.Length == 0) return -1;
            long v = 0;
            foreach (char ch in s)
            {
                int d = UnicodeInfo.DecimalValue(ch);
                if (d < 0) return -1;
                if (v > (long.MaxValue - d) / 10) throw PyExc.ValueError("Too many decimal digits in format string");
                v = v * 10 + d;
            }
            return v;
        }

        PyObject GetField(string name)
        {
            int i = 0;
            while (i < name.Length && name[i] != '.' && name[i] != '[') i++;
            string first = name.Substring(0, i);
            long index = GetInteger(first);
            bool empty = first.Length == 0;
            if (empty || index != -1)
            {
                if (_autoState == 0) _autoState = empty ? 1 : 2;
                if (_autoState == 2 && empty) throw PyExc.ValueError("cannot switch from manual field specification to automatic field numbering");
                if (_autoState == 1 && !empty) throw PyExc.ValueError("cannot switch from automatic field numbering to manual field specification");
                if (empty) index = _autoNext++;
            }
            PyObject obj;
            if (index == -1)
            {
                var key = From(first);
                if (_isMap) obj = Ops.GetItem(_ts, _kwargs!, key);
                else obj = (_kwargs as PyDict)?.GetItem(_ts, key) ?? throw PyExc.KeyError(key);
            }
            else
            {
                if (_args == null) throw PyExc.ValueError("Format string contains positional fields");
                if (index >= _args.Length) throw PyExc.IndexError($"Replacement index {index} out of range for positional args tuple");
                obj = _args[index];
            }
            // The rest: .attr and [key] parts.
            while (i < name.Length)
            {
                char c = name[i++];
                if (c == '.')
                {
                    int s = i;
                    while (i < name.Length && name[i] != '.' && name[i] != '[') i++;
                    if (i == s) throw PyExc.ValueError("Empty attribute in format string");
                    obj = Ops.GetAttr(_ts, obj, name.Substring(s, i - s));
                }
                else if (c == '[')
                {
                    int s = i;
                    while (i < name.Length && name[i] != ']') i++;
                    if (i >= name.Length) throw PyExc.ValueError("Missing ']' in format string");
                    string key = name.Substring(s, i - s);
                    i++;
                    if (key.Length == 0) throw PyExc.ValueError("Empty attribute in format string");
                    long k = GetInteger(key);
                    obj = Ops.GetItem(_ts, obj, k >= 0 ? PyInt.From(k) : From(key));
                }
                else throw PyExc.ValueError("Only '.' or '[' may follow ']' in format field specifier");
            }
            return obj;
        }
    }
}
