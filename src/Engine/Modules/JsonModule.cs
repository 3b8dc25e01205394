#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>The `_json` accelerator, in part: `scanstring` (json.decoder's string literal
/// parser) and `encode_basestring(_ascii)` (json.encoder's str quoting), with the C module's
/// messages and error positions; and `make_scanner` (JsonScanner.cs) and `make_encoder`
/// (JsonEncoder.cs), which json.decoder and json.encoder use in place of their Python versions.</summary>
public static class JsonModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_json", "json speedups\n");
        NativeMembers.FillModule(m, typeof(JsonModule));
        m.Set("make_scanner", JsonScanner.TypeObject);
        m.Set("make_encoder", JsonEncoder.TypeObject);
        return m;
    }

    public static void Register() => Importer.NativeModules["_json"] = Create;

    /// <summary>json.decoder.JSONDecodeError(msg, doc, pos), as the C module raises it.</summary>
    internal static PyException DecodeError(ThreadState ts, string msg, PyStr doc, int pos)
    {
        var decoder = Importer.ImportModule(ts, "json.decoder");
        var type = Ops.GetAttr(ts, decoder, PyStr.Intern("JSONDecodeError"));
        var exc = Ops.Call(ts, type, new PyStr(msg), doc, PyInt.From(pos));
        return exc is PyBaseException be ? new PyException(be) : PyExc.TypeError("JSONDecodeError is not an exception");
    }

    /// <summary>scanstring(string, end, strict=True) -> (str, end): the JSON string literal
    /// whose opening quote is at end - 1; `end` comes back just past its closing quote.</summary>
    [PyMethod]
    static PyObject scanstring(ThreadState ts, PyObject @string, PyObject end, bool strict = true)
    {
        // as the C module's argument parsing: `end` is converted (or overflows) before the type check
        var e = Ops.Index(ts, end);
        if (!e.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        if (@string is not PyStr doc) throw PyExc.TypeError($"first argument must be a string, not {@string.Type.Name}");
        if (!e.FitsLong || e.Small < 0 || e.Small > doc.CpLength) throw PyExc.ValueError("end is out of bounds");
        var value = ScanString(ts, doc, doc.CharIndex((int)e.Small), strict, out int next);
        return new PyTuple(new PyObject[] { value, PyInt.From(doc.CpIndex(next)) });
    }

    /// <summary>The JSON string literal whose opening quote is just before s[pos] (UTF-16
    /// index); `next` is the index just past its closing quote.</summary>
    internal static PyStr ScanString(ThreadState ts, PyStr doc, int pos, bool strict, out int next)
    {
        string s = doc.Value;
        int begin = doc.CpIndex(pos) - 1;
        StringBuilder? sb = null;
        while (true)
        {
            // the run up to the next quote, backslash or control character goes in one piece
            int run = pos;
            while (pos < s.Length)
            {
                char c = s[pos];
                if (c == '"' || c == '\\' || (c < 0x20 && strict)) break;
                pos++;
            }
            if (pos >= s.Length) throw DecodeError(ts, "Unterminated string starting at", doc, begin);
            char term = s[pos];
            if (term == '"' && sb == null)
            {
                next = pos + 1;
                return new PyStr(s.Substring(run, pos - run));
            }
            sb ??= new StringBuilder();
            sb.Append(s, run, pos - run);
            if (term == '"')
            {
                next = pos + 1;
                return new PyStr(sb.ToString());
            }
            if (term != '\\') throw DecodeError(ts, "Invalid control character at", doc, doc.CpIndex(pos));
            int backslash = pos++;
            if (pos >= s.Length) throw DecodeError(ts, "Unterminated string starting at", doc, begin);
            char esc = s[pos++];
            switch (esc)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                {
                    int u = pos - 1;
                    int c = Hex4(s, pos);
                    if (c < 0) throw DecodeError(ts, "Invalid \\uXXXX escape", doc, doc.CpIndex(u));
                    pos += 4;
                    // a high surrogate followed by an escaped low one is one character
                    if (c >= 0xD800 && c <= 0xDBFF && pos + 1 < s.Length && s[pos] == '\\' && s[pos + 1] == 'u')
                    {
                        int c2 = Hex4(s, pos + 2);
                        if (c2 < 0) throw DecodeError(ts, "Invalid \\uXXXX escape", doc, doc.CpIndex(pos + 1));
                        if (c2 >= 0xDC00 && c2 <= 0xDFFF)
                        {
                            sb.Append((char)c).Append((char)c2);
                            pos += 6;
                            break;
                        }
                    }
                    sb.Append((char)c);
                    break;
                }
                default: throw DecodeError(ts, "Invalid \\escape", doc, doc.CpIndex(backslash));
            }
        }
    }

    /// <summary>The value of four hex digits at s[pos..], or -1.</summary>
    static int Hex4(string s, int pos)
    {
        if (pos + 4 > s.Length) return -1;
        int v = 0;
        for (int i = 0; i < 4; i++)
        {
            int d = HexDigit(s[pos + i]);
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        return v;
    }

    static int HexDigit(char c) => c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    [PyMethod] static PyObject encode_basestring_ascii(ThreadState ts, PyObject s) => Quote(s, asciiOnly: true);

    [PyMethod] static PyObject encode_basestring(ThreadState ts, PyObject s) => Quote(s, asciiOnly: false);

    static PyObject Quote(PyObject o, bool asciiOnly)
    {
        if (o is not PyStr ps) throw PyExc.TypeError($"first argument must be a string, not {o.Type.Name}");
        var sb = new StringBuilder(ps.Value.Length + 2);
        AppendQuoted(sb, ps.Value, asciiOnly);
        return new PyStr(sb.ToString());
    }

    /// <summary>Appends `s` as a JSON string literal (quotes included).</summary>
    internal static void AppendQuoted(StringBuilder sb, string s, bool asciiOnly)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    // UTF-16 units: an astral character comes out as its surrogate pair, as CPython writes it
                    if (c < 0x20 || (asciiOnly && c > 0x7E)) sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
