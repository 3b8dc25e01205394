#nullable enable
using System;
using System.Runtime.CompilerServices;
using System.Text;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Modules;

/// <summary>The `_codecs` module: the codec registry (search functions, cache, error
/// handlers) and the per-codec functions the stdlib's encodings/*.py call. The algorithms of
/// utf-8/16/32, latin-1 and ascii are Formatting/StrCodecs (shared with str.encode); with an
/// error handler registered from Python, they run strictly piece by piece and the handler
/// fills the gaps. charmap and the escape codecs are here.</summary>
public static class CodecsModule
{
    /// <summary>One engine's registry: search functions, the lookup cache, error handlers.</summary>
    sealed class Registry
    {
        public readonly List<PyObject> SearchFunctions = new();
        public readonly Dictionary<string, PyObject> Cache = new();
        public readonly Dictionary<string, PyObject> ErrorHandlers = new();
        public bool EncodingsImported;
    }

    static readonly ConditionalWeakTable<PythonEngine, Registry> s_registries = new();

    static Registry RegistryOf(ThreadState ts)
    {
        var r = s_registries.GetValue(ts.Engine, _ => new Registry());
        if (r.ErrorHandlers.Count == 0)
            foreach (var name in new[] { "strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace", "surrogateescape", "surrogatepass" })
                r.ErrorHandlers[name] = NativeMembers.Function(typeof(ErrorHandlers), name + "_errors");
        return r;
    }

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_codecs", null);
        NativeMembers.FillModule(m, typeof(CodecsModule));
        RegistryOf(ts);
        return m;
    }

    public static void Register()
    {
        Importer.NativeModules["_codecs"] = Create;
        PyStrCodecs.Registry = (ts, obj, encoding, errors, encode) =>
        {
            // The built-in algorithms with a handler from the registry need no codec lookup.
            var canonical = StrCodecs.CanonicalName(encoding);
            if (canonical != null)
            {
                if (encode) return PyBytes.From(EncodeSimple(ts, (PyStr)obj, canonical, errors));
                var data = PyBytes.Buffer(obj).ToArray();
                return new PyStr(DecodeSimple(ts, data, canonical, errors, obj));
            }
            var info = Lookup(ts, encoding);
            var r = Ops.Call(ts, ((PyTuple)info).Items[encode ? 0 : 1], obj, new PyStr(errors));
            if (r is not PyTuple t || t.Items.Length != 2)
                throw PyExc.TypeError(encode ? "encoder must return a tuple (object, integer)" : "decoder must return a tuple (object,integer)");
            return t.Items[0];
        };
    }

    // ---------------- registry ----------------

    /// <summary>CPython's normalizestring: lower case, runs of other characters than letters,
    /// digits and '.' become one '_' (none at the ends).</summary>
    public static string Normalize(string encoding)
    {
        var sb = new StringBuilder(encoding.Length);
        bool punct = false;
        foreach (char c in encoding)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                if (punct && sb.Length > 0) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
                punct = false;
            }
            else punct = true;
        }
        return sb.ToString();
    }

    [PyMethod]
    static void register(ThreadState ts, PyObject search_function)
    {
        if (!Ops.IsCallable(search_function)) throw PyExc.TypeError("argument must be callable");
        RegistryOf(ts).SearchFunctions.Add(search_function);
    }

    [PyMethod]
    static void unregister(ThreadState ts, PyObject search_function)
    {
        var r = RegistryOf(ts);
        int i = r.SearchFunctions.IndexOf(search_function);
        if (i >= 0)
        {
            r.SearchFunctions.RemoveAt(i);
            r.Cache.Clear();
        }
    }

    [PyMethod] static PyObject lookup(ThreadState ts, string encoding) => Lookup(ts, encoding);

    public static PyObject Lookup(ThreadState ts, string encoding)
    {
        var r = RegistryOf(ts);
        if (!r.EncodingsImported)
        {
            // As CPython: the first lookup imports the encodings package, which registers its search function.
            r.EncodingsImported = true;
            // Without the standard library on sys.path there are just no search functions.
            try { Importer.ImportModuleLevel(ts, "encodings", null, PyNone.Value, 0); }
            catch (PyException e) when (IsEncodingsMissing(ts, e)) { }
        }
        if (encoding.Contains('\0')) throw PyExc.ValueError("embedded null character");
        var key = Normalize(encoding);
        if (r.Cache.TryGetValue(key, out var cached)) return cached;
        foreach (var f in r.SearchFunctions.ToArray())
        {
            var result = Ops.Call(ts, f, new PyStr(key));
            if (result == PyNone.Value) continue;
            if (result is not PyTuple t || t.Items.Length != 4) throw PyExc.TypeError("codec search functions must return 4-tuples");
            r.Cache[key] = result;
            return result;
        }
        throw PyExc.LookupError($"unknown encoding: {encoding}");
    }

    static bool IsEncodingsMissing(ThreadState ts, PyException e)
        => e.Matches(ExceptionTypes.ModuleNotFoundError) && Ops.GetAttrOrNull(ts, e.Value, PyStr.Intern("name")) is PyStr n && n.Value == "encodings";

    [PyMethod] static void _forget_codec(ThreadState ts, string encoding) => RegistryOf(ts).Cache.Remove(Normalize(encoding));

    [PyMethod]
    static PyObject encode(ThreadState ts, [PyKeyword] PyObject obj, string encoding = "utf-8", string errors = "strict")
        => CallCodec(ts, obj, encoding, errors, 0, "encoder must return a tuple (object, integer)");

    [PyMethod]
    static PyObject decode(ThreadState ts, [PyKeyword] PyObject obj, string encoding = "utf-8", string errors = "strict")
        => CallCodec(ts, obj, encoding, errors, 1, "decoder must return a tuple (object,integer)");

    static PyObject CallCodec(ThreadState ts, PyObject obj, string encoding, string errors, int which, string badResult)
    {
        var info = (PyTuple)Lookup(ts, encoding);
        var r = Ops.Call(ts, info.Items[which], obj, new PyStr(errors));
        if (r is not PyTuple t || t.Items.Length != 2) throw PyExc.TypeError(badResult);
        return t.Items[0];
    }

    [PyMethod]
    static void register_error(ThreadState ts, string errors, PyObject handler)
    {
        if (!Ops.IsCallable(handler)) throw PyExc.TypeError("handler must be callable");
        RegistryOf(ts).ErrorHandlers[errors] = handler;
    }

    [PyMethod] static PyObject lookup_error(ThreadState ts, string name) => LookupErrorHandler(ts, name);

    static PyObject LookupErrorHandler(ThreadState ts, string name)
    {
        if (RegistryOf(ts).ErrorHandlers.TryGetValue(name, out var h)) return h;
        throw PyExc.LookupError($"unknown error handler name '{name}'");
    }

    // ---------------- running error handlers ----------------

    /// <summary>Raises (strict) or asks the handler for a replacement and the position to go on from.</summary>
    internal static (PyObject Replacement, int NewPos) HandleError(ThreadState ts, string errors, bool encoding, string codec, PyObject input, int inputLength, int start, int end, string reason)
    {
        var exc = PyExc.New(encoding ? ExceptionTypes.UnicodeEncodeError : ExceptionTypes.UnicodeDecodeError,
                            new PyStr(codec), input, PyInt.From(start), PyInt.From(end), new PyStr(reason));
        if (errors == "strict") throw exc;
        var handler = LookupErrorHandler(ts, errors);
        var r = Ops.Call(ts, handler, exc.Value);
        string bad = encoding ? "encoding error handler must return (str/bytes, int) tuple" : "decoding error handler must return (str, int) tuple";
        if (r is not PyTuple t || t.Items.Length != 2 || t.Items[1] is not PyInt) throw PyExc.TypeError(bad);
        var repl = t.Items[0];
        if (encoding ? repl is not PyStr && repl is not PyBytes : repl is not PyStr) throw PyExc.TypeError(bad);
        long pos = ((PyInt)t.Items[1]).FitsLong ? ((PyInt)t.Items[1]).Small : long.MaxValue;
        if (pos < 0) pos += inputLength;
        if (pos < 0 || pos > inputLength) throw PyExc.IndexError($"position {pos} from error handler out of bounds");
        return (repl, (int)pos);
    }

    static bool IsBuiltinHandler(string errors)
        => errors is "strict" or "ignore" or "replace" or "surrogateescape" or "surrogatepass" or "backslashreplace" or "xmlcharrefreplace";

    static PyObject Pair(PyObject a, int n) => PyTuple.Of(a, PyInt.From(n));

    static string? ErrorsArg(PyObject? errors)
    {
        if (errors == null || errors == PyNone.Value) return null;
        return errors is PyStr s ? s.Value : throw PyExc.TypeError($"argument 'errors' must be str or None, not {errors.Type.Name}");
    }

    static ReadOnlySpan<byte> DataArg(ThreadState ts, PyObject data, out PyObject input)
    {
        if (data is PyStr s)
        {
            // The decoders accept str too (as its UTF-8), like CPython's "s*" argument.
            var b = PyStrCodecs.Encode(ts, s, "utf-8", "strict");
            input = PyBytes.From(b);
            return b;
        }
        if (!PyBytes.TryGetBuffer(data, out var m)) throw PyExc.TypeError($"a bytes-like object is required, not '{data.Type.Name}'");
        input = data is PyBytes ? data : PyBytes.From(m.ToArray());
        return ((PyBytes)input).Data;
    }

    static PyStr StrArg(PyObject s, string func)
        => s as PyStr ?? throw PyExc.TypeError($"{func}() argument 1 must be str, not {s.Type.Name}");

    // ---------------- the StrCodecs family (utf-8/16/32, latin-1, ascii) ----------------

    static byte[] EncodeSimple(ThreadState ts, PyStr str, string codec, string errors)
    {
        if (IsBuiltinHandler(errors)) return PyStrCodecs.Encode(ts, str, codec, errors);
        var cps = CodePoints.ToArray(str.Value);
        var output = new List<byte>();
        string piecewise = codec;
        if (codec == "utf-16") { output.AddRange(new byte[] { 0xFF, 0xFE }); piecewise = "utf-16-le"; }
        else if (codec == "utf-32") { output.AddRange(new byte[] { 0xFF, 0xFE, 0, 0 }); piecewise = "utf-32-le"; }
        int pos = 0;
        while (pos < cps.Length)
        {
            string rest = FromCodePoints(cps, pos, cps.Length);
            try
            {
                StrCodecs.TryEncode(rest, piecewise, "strict", out var all);
                output.AddRange(all);
                break;
            }
            catch (FormatError e) when (e.PyType == "UnicodeEncodeError")
            {
                StrCodecs.TryEncode(FromCodePoints(cps, pos, pos + e.Start), piecewise, "strict", out var head);
                output.AddRange(head);
                var (repl, newPos) = HandleError(ts, errors, true, codec, str, cps.Length, pos + e.Start, pos + e.End, e.Reason ?? "");
                if (repl is PyBytes rb) output.AddRange(rb.Data);
                else
                {
                    try
                    {
                        StrCodecs.TryEncode(((PyStr)repl).Value, piecewise, "strict", out var rbytes);
                        output.AddRange(rbytes);
                    }
                    catch (FormatError)
                    {
                        throw PyExc.New(ExceptionTypes.UnicodeEncodeError, new PyStr(codec), str, PyInt.From(pos + e.Start), PyInt.From(pos + e.End), new PyStr(e.Reason ?? ""));
                    }
                }
                pos = newPos;
            }
        }
        return output.ToArray();
    }

    static string FromCodePoints(int[] cps, int start, int end)
    {
        var sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) UnicodeInfo.AppendCodePoint(sb, cps[i]);
        return sb.ToString();
    }

    static string DecodeSimple(ThreadState ts, ReadOnlySpan<byte> data, string codec, string errors, PyObject input)
    {
        if (data.Length == 0) return "";
        if (IsBuiltinHandler(errors)) return PyStrCodecs.Decode(ts, data.ToArray(), codec, errors, input);
        var sb = new StringBuilder();
        int pos = 0;
        string piecewise = codec;
        if (codec == "utf-16" && data.Length >= 2)
        {
            if (data[0] == 0xFF && data[1] == 0xFE) { pos = 2; piecewise = "utf-16-le"; }
            else if (data[0] == 0xFE && data[1] == 0xFF) { pos = 2; piecewise = "utf-16-be"; }
            else piecewise = "utf-16-le";
        }
        else if (codec == "utf-32" && data.Length >= 4)
        {
            if (data[0] == 0xFF && data[1] == 0xFE && data[2] == 0 && data[3] == 0) { pos = 4; piecewise = "utf-32-le"; }
            else if (data[0] == 0 && data[1] == 0 && data[2] == 0xFE && data[3] == 0xFF) { pos = 4; piecewise = "utf-32-be"; }
            else piecewise = "utf-32-le";
        }
        while (pos < data.Length)
        {
            try
            {
                StrCodecs.TryDecode(data[pos..], piecewise, "strict", out var all);
                sb.Append(all);
                break;
            }
            catch (FormatError e) when (e.PyType == "UnicodeDecodeError")
            {
                StrCodecs.TryDecode(data.Slice(pos, e.Start), piecewise, "strict", out var head);
                sb.Append(head);
                var (repl, newPos) = HandleError(ts, errors, false, e.Encoding ?? codec, input, data.Length, pos + e.Start, pos + e.End, e.Reason ?? "");
                sb.Append(((PyStr)repl).Value);
                pos = newPos;
            }
        }
        return sb.ToString();
    }

    /// <summary>How many trailing bytes an incremental decoder keeps for the next call.</summary>
    static int IncompleteTail(ReadOnlySpan<byte> d, string codec)
    {
        int n = d.Length;
        switch (codec)
        {
            case "utf-8":
                for (int back = 1; back <= 3 && back <= n; back++)
                {
                    byte b = d[n - back];
                    if ((b & 0xC0) == 0x80) continue;
                    int need = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
                    if (need <= back) return 0;
                    if (back >= 2)
                    {
                        byte c = d[n - back + 1];
                        int lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80, hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
                        if (c < lo || c > hi) return 0;
                    }
                    return back;
                }
                return 0;
            case "utf-16-le": case "utf-16-be":
            {
                int keep = n % 2;
                if (n - keep >= 2)
                {
                    int at = n - keep - 2;
                    int u = codec == "utf-16-le" ? d[at] | d[at + 1] << 8 : d[at] << 8 | d[at + 1];
                    if (u >= 0xD800 && u <= 0xDBFF) keep += 2;
                }
                return keep;
            }
            case "utf-32-le": case "utf-32-be":
                return n % 4;
        }
        return 0;
    }

    static PyObject DecodeIncremental(ThreadState ts, PyObject data, PyObject? errors, bool final, string codec)
    {
        var bytes = DataArg(ts, data, out var input);
        int keep = final ? 0 : IncompleteTail(bytes, codec);
        var head = bytes[..^keep];
        var inputObj = keep == 0 ? input : PyBytes.From(head.ToArray());
        return Pair(new PyStr(DecodeSimple(ts, head, codec, ErrorsArg(errors) ?? "strict", inputObj)), head.Length);
    }

    static PyObject EncodeWith(ThreadState ts, PyObject s, PyObject? errors, string codec, string func)
    {
        var str = StrArg(s, func);
        return Pair(PyBytes.From(EncodeSimple(ts, str, codec, ErrorsArg(errors) ?? "strict")), str.CpLength);
    }

    [PyMethod] static PyObject utf_8_encode(ThreadState ts, PyObject str, PyObject? errors = null) => EncodeWith(ts, str, errors, "utf-8", "utf_8_encode");
    [PyMethod] static PyObject utf_8_decode(ThreadState ts, PyObject data, PyObject? errors = null, bool final = false) => DecodeIncremental(ts, data, errors, final, "utf-8");
    [PyMethod] static PyObject latin_1_encode(ThreadState ts, PyObject str, PyObject? errors = null) => EncodeWith(ts, str, errors, "latin-1", "latin_1_encode");
    [PyMethod] static PyObject latin_1_decode(ThreadState ts, PyObject data, PyObject? errors = null) => DecodeIncremental(ts, data, errors, true, "latin-1");
    [PyMethod] static PyObject ascii_encode(ThreadState ts, PyObject str, PyObject? errors = null) => EncodeWith(ts, str, errors, "ascii", "ascii_encode");
    [PyMethod] static PyObject ascii_decode(ThreadState ts, PyObject data, PyObject? errors = null) => DecodeIncremental(ts, data, errors, true, "ascii");

    [PyMethod]
    static PyObject utf_16_encode(ThreadState ts, PyObject str, PyObject? errors = null, int byteorder = 0)
        => EncodeWith(ts, str, errors, byteorder == 0 ? "utf-16" : byteorder < 0 ? "utf-16-le" : "utf-16-be", "utf_16_encode");
    [PyMethod] static PyObject utf_16_le_encode(ThreadState ts, PyObject str, PyObject? errors = null) => EncodeWith(ts, str, errors, "utf-16-le", "utf_16_le_encode");
    [PyMethod] static PyObject utf_16_be_encode(ThreadState ts, PyObject str, PyObject? errors = null) => EncodeWith(ts, str, errors, "utf-16-be", "utf_16_be_encode");
    [PyMethod] static PyObject utf_16_le_decode(ThreadState ts, PyObject data, PyObject? errors = null, bool final = false) => DecodeIncremental(ts, data, errors, final, "utf-16-le");
    [PyMethod] static PyObject utf_16_be_decode(ThreadState ts, PyObject data, PyObject? errors = null, bool final = false) => DecodeIncremental(ts, data, errors, final, "utf-16-be");

    [PyMethod]
    static PyObject utf_16_decode(ThreadState ts, PyObject data, PyObject? errors = null, bool final = false)
    {
        var r = DecodeWithBom(ts, data, errors, 0, final, 2);
        return Pair(r.Item1, r.Item2);
    }

    [PyMethod]
    static PyObject utf_16_ex_decode(ThreadState ts, PyObject data, PyObject? errors = null, int byteorder = 0, bool final = false)
    {
        var r = DecodeWithBom(ts, data, errors, byteorder, final, 2);
        return PyTuple.Of(r.Item1, PyInt.From(r.Item2), PyInt.From(r.Item3));
    }

    [PyMethod]
    static PyObject utf_32_encode(ThreadState ts, PyObject str, PyObject? errors = null, int byteorder = 0)
        => EncodeWith(ts, str, errors, byteorder == 0 ? "utf-32" : byteorder < 0 ? "utf-32-le" : "utf-32-be", "utf_32_encode");
    [PyMethod] static PyObject utf_32_le_encode(ThreadState ts, PyObject str, PyObject? errors = null) => EncodeWith(ts, str, errors, "utf-32-le", "utf_32_le_encode");
    [PyMethod] static PyObject utf_32_be_encode(ThreadState ts, PyObject str, PyObject? errors = null) => EncodeWith(ts, str, errors, "utf-32-be", "utf_32_be_encode");
    [PyMethod] static PyObject utf_32_le_decode(ThreadState ts, PyObject data, PyObject? errors = null, bool final = false) => DecodeIncremental(ts, data, errors, final, "utf-32-le");
    [PyMethod] static PyObject utf_32_be_decode(ThreadState ts, PyObject data, PyObject? errors = null, bool final = false) => DecodeIncremental(ts, data, errors, final, "utf-32-be");

    [PyMethod]
    static PyObject utf_32_decode(ThreadState ts, PyObject data, PyObject? errors = null, bool final = false)
    {
        var r = DecodeWithBom(ts, data, errors, 0, final, 4);
        return Pair(r.Item1, r.Item2);
    }

    [PyMethod]
    static PyObject utf_32_ex_decode(ThreadState ts, PyObject data, PyObject? errors = null, int byteorder = 0, bool final = false)
    {
        var r = DecodeWithBom(ts, data, errors, byteorder, final, 4);
        return PyTuple.Of(r.Item1, PyInt.From(r.Item2), PyInt.From(r.Item3));
    }

    /// <summary>UTF-16/32 with byte order: 0 = look for a BOM first (consumed; little endian
    /// without one), -1 little, 1 big. Returns the text, bytes consumed and the byte order
    /// found (0 when none was decided).</summary>
    static (PyObject, int, int) DecodeWithBom(ThreadState ts, PyObject data, PyObject? errors, int byteorder, bool final, int unit)
    {
        var bytes = DataArg(ts, data, out _);
        int start = 0;
        if (byteorder == 0)
        {
            if (bytes.Length >= unit)
            {
                bool le = unit == 2 ? bytes[0] == 0xFF && bytes[1] == 0xFE : bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0;
                bool be = unit == 2 ? bytes[0] == 0xFE && bytes[1] == 0xFF : bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF;
                if (le) { byteorder = -1; start = unit; }
                else if (be) { byteorder = 1; start = unit; }
            }
            else if (!final) return (PyStr.Empty, 0, 0);
        }
        string codec = (unit == 2 ? "utf-16" : "utf-32") + (byteorder > 0 ? "-be" : "-le");
        var body = bytes[start..];
        int keep = final ? 0 : IncompleteTail(body, codec);
        var head = body[..^keep];
        var text = DecodeSimple(ts, head, codec, ErrorsArg(errors) ?? "strict", PyBytes.From(head.ToArray()));
        return (new PyStr(text), start + head.Length, byteorder);
    }

    [PyMethod]
    static PyObject readbuffer_encode(ThreadState ts, PyObject data, PyObject? errors = null)
    {
        var bytes = DataArg(ts, data, out var input);
        return Pair(input is PyBytes ? input : PyBytes.From(bytes.ToArray()), bytes.Length);
    }

    // ---------------- charmap ----------------

    [PyMethod]
    static PyObject charmap_build(ThreadState ts, PyObject map)
    {
        var s = StrArg(map, "charmap_build");
        return new PyEncodingMap(s.Value);
    }

    [PyMethod]
    static PyObject charmap_decode(ThreadState ts, PyObject data, PyObject? errors = null, PyObject? mapping = null)
    {
        var bytes = DataArg(ts, data, out var input);
        string err = ErrorsArg(errors) ?? "strict";
        if (mapping == null || mapping == PyNone.Value) return Pair(new PyStr(DecodeSimple(ts, bytes, "latin-1", err, input)), bytes.Length);
        var sb = new StringBuilder(bytes.Length);
        string? table = mapping is PyStr ms ? ms.Value : null;
        int[]? tableCps = table != null && CodePoints.HasSurrogates(table) ? CodePoints.ToArray(table) : null;
        int tableLen = tableCps?.Length ?? table?.Length ?? 0;
        int pos = 0;
        var arr = bytes.ToArray();
        while (pos < arr.Length)
        {
            byte b = arr[pos];
            if (table != null)
            {
                int cp = b < tableLen ? (tableCps != null ? tableCps[b] : table[b]) : 0xFFFE;
                if (cp != 0xFFFE) { UnicodeInfo.AppendCodePoint(sb, cp); pos++; continue; }
            }
            else
            {
                PyObject? v;
                try { v = Ops.GetItem(ts, mapping, PyInt.From(b)); }
                catch (PyException e) when (e.Matches(ExceptionTypes.LookupError)) { v = null; }
                if (v != null && v != PyNone.Value)
                {
                    if (v is PyInt vi)
                    {
                        if (!vi.FitsLong || vi.Small < 0 || vi.Small > 0x10FFFF) throw PyExc.TypeError("character mapping must be in range(0x110000)");
                        if (vi.Small != 0xFFFE) { UnicodeInfo.AppendCodePoint(sb, (int)vi.Small); pos++; continue; }
                    }
                    else if (v is PyStr vs)
                    {
                        if (vs.Value != "\uFFFE") { sb.Append(vs.Value); pos++; continue; }
                    }
                    else throw PyExc.TypeError("character mapping must return integer, None or str");
                }
            }
            var (repl, newPos) = HandleError(ts, err, false, "charmap", input, arr.Length, pos, pos + 1, "character maps to <undefined>");
            sb.Append(((PyStr)repl).Value);
            pos = newPos;
        }
        return Pair(new PyStr(sb.ToString()), arr.Length);
    }

    [PyMethod]
    static PyObject charmap_encode(ThreadState ts, PyObject str, PyObject? errors = null, PyObject? mapping = null)
    {
        var s = StrArg(str, "charmap_encode");
        string err = ErrorsArg(errors) ?? "strict";
        if (mapping == null || mapping == PyNone.Value) return Pair(PyBytes.From(EncodeSimple(ts, s, "latin-1", err)), s.CpLength);
        var cps = CodePoints.ToArray(s.Value);
        var output = new List<byte>(cps.Length);
        int pos = 0;
        while (pos < cps.Length)
        {
            if (TryMapChar(ts, mapping, cps[pos], output)) { pos++; continue; }
            int end = pos + 1;
            while (end < cps.Length && !CanMap(ts, mapping, cps[end])) end++;
            var (repl, newPos) = HandleError(ts, err, true, "charmap", s, cps.Length, pos, end, "character maps to <undefined>");
            if (repl is PyBytes rb) output.AddRange(rb.Data);
            else
                foreach (var c in CodePoints.ToArray(((PyStr)repl).Value))
                    if (!TryMapChar(ts, mapping, c, output))
                        throw PyExc.New(ExceptionTypes.UnicodeEncodeError, new PyStr("charmap"), s, PyInt.From(pos), PyInt.From(end), new PyStr("character maps to <undefined>"));
            pos = newPos;
        }
        return Pair(PyBytes.From(output.ToArray()), cps.Length);
    }

    static bool CanMap(ThreadState ts, PyObject mapping, int cp)
    {
        var probe = new List<byte>();
        return TryMapChar(ts, mapping, cp, probe);
    }

    static bool TryMapChar(ThreadState ts, PyObject mapping, int cp, List<byte> output)
    {
        if (mapping is PyEncodingMap em)
        {
            if (em.TryGet(cp, out byte b)) { output.Add(b); return true; }
            return false;
        }
        PyObject? v;
        try { v = Ops.GetItem(ts, mapping, PyInt.From(cp)); }
        catch (PyException e) when (e.Matches(ExceptionTypes.LookupError)) { return false; }
        if (v == PyNone.Value) return false;
        if (v is PyInt vi)
        {
            if (!vi.FitsLong || vi.Small < 0 || vi.Small > 255) throw PyExc.TypeError("character mapping must be in range(256)");
            output.Add((byte)vi.Small);
            return true;
        }
        if (v is PyBytes vb) { output.AddRange(vb.Data); return true; }
        throw PyExc.TypeError("character mapping must return integer, bytes or None, not " + v.Type.Name);
    }

    // ---------------- escape codecs ----------------

    [PyMethod]
    static PyObject escape_encode(ThreadState ts, PyObject data, PyObject? errors = null)
    {
        if (data is not PyBytes b) throw PyExc.TypeError($"escape_encode() argument 1 must be bytes, not {data.Type.Name}");
        var output = new List<byte>(b.Data.Length);
        foreach (byte c in b.Data)
        {
            switch (c)
            {
                case (byte)'\\': output.Add((byte)'\\'); output.Add((byte)'\\'); break;
                case (byte)'\'': output.Add((byte)'\\'); output.Add((byte)'\''); break;
                case (byte)'\t': output.Add((byte)'\\'); output.Add((byte)'t'); break;
                case (byte)'\n': output.Add((byte)'\\'); output.Add((byte)'n'); break;
                case (byte)'\r': output.Add((byte)'\\'); output.Add((byte)'r'); break;
                default:
                    if (c < 0x20 || c >= 0x7F) foreach (char h in $"\\x{c:x2}") output.Add((byte)h);
                    else output.Add(c);
                    break;
            }
        }
        return Pair(PyBytes.From(output.ToArray()), b.Data.Length);
    }

    [PyMethod]
    static PyObject escape_decode(ThreadState ts, PyObject data, PyObject? errors = null)
    {
        var bytes = DataArg(ts, data, out _).ToArray();
        string err = ErrorsArg(errors) ?? "strict";
        var output = new List<byte>(bytes.Length);
        for (int i = 0; i < bytes.Length; i++)
        {
            byte c = bytes[i];
            if (c != '\\') { output.Add(c); continue; }
            if (++i >= bytes.Length) throw PyExc.ValueError("Trailing \\ in string");
            c = bytes[i];
            switch ((char)c)
            {
                case '\n': break;
                case '\\': output.Add((byte)'\\'); break;
                case '\'': output.Add((byte)'\''); break;
                case '"': output.Add((byte)'"'); break;
                case 'b': output.Add(8); break;
                case 'f': output.Add(12); break;
                case 't': output.Add(9); break;
                case 'n': output.Add(10); break;
                case 'r': output.Add(13); break;
                case 'v': output.Add(11); break;
                case 'a': output.Add(7); break;
                case >= '0' and <= '7':
                {
                    int v = c - '0';
                    for (int k = 0; k < 2 && i + 1 < bytes.Length && bytes[i + 1] >= '0' && bytes[i + 1] <= '7'; k++) v = v * 8 + (bytes[++i] - '0');
                    output.Add((byte)v);
                    break;
                }
                case 'x':
                    if (i + 2 < bytes.Length + 0 && IsHex(bytes[i + 1]) && i + 2 < bytes.Length && IsHex(bytes[i + 2]))
                    {
                        output.Add((byte)(HexVal(bytes[i + 1]) * 16 + HexVal(bytes[i + 2])));
                        i += 2;
                        break;
                    }
                    if (err == "strict") throw PyExc.ValueError($"invalid \\x escape at position {i - 1}");
                    if (err == "replace") output.Add((byte)'?');
                    else if (err != "ignore") throw PyExc.ValueError($"decoding error; unknown error handling code: {err}");
                    while (i + 1 < bytes.Length && IsHex(bytes[i + 1]) && output.Count >= 0) { i++; break; }
                    break;
                default:
                    output.Add((byte)'\\');
                    output.Add(c);
                    break;
            }
        }
        return Pair(PyBytes.From(output.ToArray()), bytes.Length);
    }

    static bool IsHex(byte c) => c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    static int HexVal(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    [PyMethod]
    static PyObject unicode_escape_encode(ThreadState ts, PyObject str, PyObject? errors = null)
    {
        var s = StrArg(str, "unicode_escape_encode");
        var sb = new StringBuilder(s.Value.Length);
        foreach (int cp in CodePoints.ToArray(s.Value))
        {
            if (cp == '\\') sb.Append("\\\\");
            else if (cp == '\t') sb.Append("\\t");
            else if (cp == '\n') sb.Append("\\n");
            else if (cp == '\r') sb.Append("\\r");
            else if (cp >= 0x20 && cp < 0x7F) sb.Append((char)cp);
            else if (cp < 0x100) sb.Append($"\\x{cp:x2}");
            else if (cp < 0x10000) sb.Append($"\\u{cp:x4}");
            else sb.Append($"\\U{cp:x8}");
        }
        return Pair(PyBytes.From(Encoding.ASCII.GetBytes(sb.ToString())), s.CpLength);
    }

    [PyMethod]
    static PyObject raw_unicode_escape_encode(ThreadState ts, PyObject str, PyObject? errors = null)
    {
        var s = StrArg(str, "raw_unicode_escape_encode");
        var output = new List<byte>(s.Value.Length);
        foreach (int cp in CodePoints.ToArray(s.Value))
        {
            if (cp < 0x100) output.Add((byte)cp);
            else foreach (char c in cp < 0x10000 ? $"\\u{cp:x4}" : $"\\U{cp:x8}") output.Add((byte)c);
        }
        return Pair(PyBytes.From(output.ToArray()), s.CpLength);
    }

    [PyMethod]
    static PyObject unicode_escape_decode(ThreadState ts, PyObject data, PyObject? errors = null, bool final = true)
        => DecodeEscapes(ts, data, ErrorsArg(errors) ?? "strict", final, false);

    [PyMethod]
    static PyObject raw_unicode_escape_decode(ThreadState ts, PyObject data, PyObject? errors = null, bool final = true)
        => DecodeEscapes(ts, data, ErrorsArg(errors) ?? "strict", final, true);

    /// <summary>unicode_escape (all of Python's string-literal escapes) or raw_unicode_escape
    /// (only \u and \U); other bytes are Latin-1. Without `final`, an escape cut by the end
    /// of the data is left for the next call.</summary>
    static PyObject DecodeEscapes(ThreadState ts, PyObject data, string errors, bool final, bool raw)
    {
        var bytes = DataArg(ts, data, out var input).ToArray();
        string codec = raw ? "rawunicodeescape" : "unicodeescape";
        var sb = new StringBuilder(bytes.Length);
        int i = 0, n = bytes.Length;
        while (i < n)
        {
            byte c = bytes[i];
            if (c != '\\') { sb.Append((char)c); i++; continue; }
            int start = i;
            if (raw)
            {
                // An escape only when preceded by an even number of backslashes (this one makes it odd).
                int bs = 0;
                while (i < n && bytes[i] == '\\') { bs++; i++; }
                if (i >= n || (bytes[i] != 'u' && bytes[i] != 'U') || bs % 2 == 0)
                {
                    if (!final && i >= n) { i = start; break; }
                    sb.Append('\\', bs);
                    continue;
                }
                sb.Append('\\', bs - 1);
                start = i - 1;
            }
            else
            {
                if (i + 1 >= n)
                {
                    if (!final) break;
                    var (r0, p0) = HandleError(ts, errors, false, codec, input, n, start, n, "\\ at end of string");
                    sb.Append(((PyStr)r0).Value);
                    i = p0;
                    continue;
                }
                i++;
            }
            char e = (char)bytes[i];
            int digits = e == 'x' && !raw ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
            if (digits > 0)
            {
                int j = i + 1, v = 0, got = 0;
                while (got < digits && j < n && IsHex(bytes[j])) { v = v * 16 + HexVal(bytes[j]); j++; got++; }
                if (got < digits)
                {
                    if (!final && j >= n) { i = start; goto done; }
                    string why = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                    var (r1, p1) = HandleError(ts, errors, false, codec, input, n, start, j, why);
                    sb.Append(((PyStr)r1).Value);
                    i = p1;
                    continue;
                }
                if ((uint)v > 0x10FFFF)
                {
                    var (r2, p2) = HandleError(ts, errors, false, codec, input, n, start, j, raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character");
                    sb.Append(((PyStr)r2).Value);
                    i = p2;
                    continue;
                }
                UnicodeInfo.AppendCodePoint(sb, v);
                i = j;
                continue;
            }
            i++;
            switch (e)
            {
                case '\n': break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'v': sb.Append('\v'); break;
                case 'a': sb.Append('\a'); break;
                case >= '0' and <= '7':
                {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < n && bytes[i] >= '0' && bytes[i] <= '7'; k++) v = v * 8 + (bytes[i++] - '0');
                    UnicodeInfo.AppendCodePoint(sb, v);
                    break;
                }
                case 'N':
                {
                    int close = i < n && bytes[i] == '{' ? Array.IndexOf(bytes, (byte)'}', i) : -1;
                    if (close > i + 1 && Parsing.UnicodeNames.TryLookup(Encoding.Latin1.GetString(bytes, i + 1, close - i - 1), out int cp))
                    {
                        UnicodeInfo.AppendCodePoint(sb, cp);
                        i = close + 1;
                        break;
                    }
                    if (!final && close < 0) { i = start; goto done; }
                    var (r3, p3) = HandleError(ts, errors, false, codec, input, n, start, close < 0 ? n : close + 1, close < 0 ? "malformed \\N character escape" : "unknown Unicode character name");
                    sb.Append(((PyStr)r3).Value);
                    i = p3;
                    break;
                }
                default:
                    sb.Append('\\').Append(e);
                    break;
            }
        }
    done:
        return Pair(new PyStr(sb.ToString()), Math.Min(i, n));
    }

    // ---------------- utf-7 ----------------

    [PyMethod]
    static PyObject utf_7_encode(ThreadState ts, PyObject str, PyObject? errors = null)
    {
        var s = StrArg(str, "utf_7_encode");
        var sb = new StringBuilder();
        const string b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        string text = s.Value;
        int i = 0;
        static bool Direct(char c) => c < 0x80 && (char.IsAsciiLetterOrDigit(c) || "'(),-./:? \t\r\n!\"#$%&*;<=>@[]^_`{|}".IndexOf(c) >= 0);
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '+') { sb.Append("+-"); i++; continue; }
            if (Direct(c)) { sb.Append(c); i++; continue; }
            sb.Append('+');
            int bits = 0, acc = 0;
            while (i < text.Length && !Direct(text[i]) && text[i] != '+')
            {
                acc = acc << 16 | text[i];
                bits += 16;
                while (bits >= 6) { bits -= 6; sb.Append(b64[acc >> bits & 0x3F]); }
                i++;
            }
            if (bits > 0) sb.Append(b64[acc << (6 - bits) & 0x3F]);
            if (i < text.Length && (b64.IndexOf(text[i]) >= 0 || text[i] == '-')) sb.Append('-');
            else if (i >= text.Length) sb.Append('-');
        }
        return Pair(PyBytes.From(Encoding.ASCII.GetBytes(sb.ToString())), s.CpLength);
    }

    [PyMethod]
    static PyObject utf_7_decode(ThreadState ts, PyObject data, PyObject? errors = null, bool final = false)
    {
        var bytes = DataArg(ts, data, out var input).ToArray();
        string err = ErrorsArg(errors) ?? "strict";
        var sb = new StringBuilder();
        int i = 0, n = bytes.Length, consumed = 0;
        while (i < n)
        {
            byte c = bytes[i];
            if (c != '+')
            {
                if (c >= 0x80)
                {
                    var (r, p) = HandleError(ts, err, false, "utf-7", input, n, i, i + 1, "unexpected special character");
                    sb.Append(((PyStr)r).Value);
                    i = p;
                }
                else { sb.Append((char)c); i++; }
                consumed = i;
                continue;
            }
            int start = i++;
            if (i < n && bytes[i] == '-') { sb.Append('+'); i++; consumed = i; continue; }
            int bits = 0, acc = 0;
            var chunk = new StringBuilder();
            while (i < n)
            {
                int v = B64Value(bytes[i]);
                if (v < 0) break;
                acc = acc << 6 | v;
                bits += 6;
                if (bits >= 16) { bits -= 16; chunk.Append((char)(acc >> bits & 0xFFFF)); }
                i++;
            }
            if (i >= n && !final) { i = start; break; }
            sb.Append(chunk);
            if (i < n && bytes[i] == '-') i++;
            consumed = i;
        }
        return Pair(new PyStr(sb.ToString()), final ? n : consumed);
    }

    static int B64Value(byte c) => c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : c == '/' ? 63 : -1;

    // ---------------- the built-in error handlers ----------------

    /// <summary>codecs.strict_errors and friends: each takes the UnicodeError and returns
    /// (replacement, position to continue from), or raises.</summary>
    static class ErrorHandlers
    {
        static (PyBaseException E, PyObject Obj, int Start, int End) Parts(PyObject exc)
        {
            if (exc is not PyBaseException e || !e.Type.IsSubtypeOf(ExceptionTypes.UnicodeError))
                throw PyExc.TypeError($"don't know how to handle {exc.Type.Name} in error callback");
            var d = e.Dict!;
            var obj = d.GetStr("object") ?? PyNone.Value;
            long start = d.GetStr("start") is PyInt s && s.FitsLong ? s.Small : 0, end = d.GetStr("end") is PyInt en && en.FitsLong ? en.Small : 0;
            // A handler may be handed an exception built by hand: keep the range inside the object.
            long len = obj is PyStr ps ? ps.CpLength : PyBytes.TryGetBuffer(obj, out var m) ? m.Length : 0;
            start = Math.Clamp(start, 0, len);
            end = Math.Clamp(end, start, len);
            return (e, obj, (int)start, (int)end);
        }

        static bool IsEncode(PyBaseException e) => e.Type.IsSubtypeOf(ExceptionTypes.UnicodeEncodeError);
        static bool IsDecode(PyBaseException e) => e.Type.IsSubtypeOf(ExceptionTypes.UnicodeDecodeError);
        static bool IsTranslate(PyBaseException e) => e.Type.IsSubtypeOf(ExceptionTypes.UnicodeTranslateError);
        static PyException Cannot(PyBaseException e) => PyExc.TypeError($"don't know how to handle {e.Type.Name} in error callback");

        static int[] Cps(PyObject obj, int start, int end)
        {
            var all = CodePoints.ToArray(((PyStr)obj).Value);
            start = Math.Clamp(start, 0, all.Length);
            end = Math.Clamp(end, start, all.Length);
            return all[start..end];
        }

        [PyMethod]
        static PyObject strict_errors(ThreadState ts, PyObject exc)
        {
            if (exc is PyBaseException e) throw new PyException(e);
            throw PyExc.TypeError("codec must pass exception instance");
        }

        [PyMethod]
        static PyObject ignore_errors(ThreadState ts, PyObject exc)
        {
            var (_, _, _, end) = Parts(exc);
            return Pair(PyStr.Empty, end);
        }

        [PyMethod]
        static PyObject replace_errors(ThreadState ts, PyObject exc)
        {
            var (e, _, start, end) = Parts(exc);
            if (IsEncode(e)) return Pair(new PyStr(new string('?', Math.Max(0, end - start))), end);
            if (IsDecode(e)) return Pair(new PyStr("\uFFFD"), end);
            if (IsTranslate(e)) return Pair(new PyStr(new string('\uFFFD', Math.Max(0, end - start))), end);
            throw Cannot(e);
        }

        [PyMethod]
        static PyObject backslashreplace_errors(ThreadState ts, PyObject exc)
        {
            var (e, obj, start, end) = Parts(exc);
            var sb = new StringBuilder();
            if (IsDecode(e))
            {
                var data = PyBytes.Buffer(obj);
                for (int k = Math.Max(0, start); k < Math.Min(end, data.Length); k++) sb.Append($"\\x{data[k]:x2}");
                return Pair(new PyStr(sb.ToString()), end);
            }
            if (!IsEncode(e) && !IsTranslate(e)) throw Cannot(e);
            foreach (int cp in Cps(obj, start, end))
                sb.Append(cp <= 0xFF ? $"\\x{cp:x2}" : cp <= 0xFFFF ? $"\\u{cp:x4}" : $"\\U{cp:x8}");
            return Pair(new PyStr(sb.ToString()), end);
        }

        [PyMethod]
        static PyObject xmlcharrefreplace_errors(ThreadState ts, PyObject exc)
        {
            var (e, obj, start, end) = Parts(exc);
            if (!IsEncode(e)) throw Cannot(e);
            var sb = new StringBuilder();
            foreach (int cp in Cps(obj, start, end)) sb.Append("&#").Append(cp).Append(';');
            return Pair(new PyStr(sb.ToString()), end);
        }

        [PyMethod]
        static PyObject namereplace_errors(ThreadState ts, PyObject exc)
        {
            var (e, obj, start, end) = Parts(exc);
            if (!IsEncode(e)) throw Cannot(e);
            var sb = new StringBuilder();
            foreach (int cp in Cps(obj, start, end))
            {
                var name = Parsing.UnicodeNames.NameOf(cp);
                if (name != null) sb.Append("\\N{").Append(name).Append('}');
                else sb.Append(cp <= 0xFF ? $"\\x{cp:x2}" : cp <= 0xFFFF ? $"\\u{cp:x4}" : $"\\U{cp:x8}");
            }
            return Pair(new PyStr(sb.ToString()), end);
        }

        [PyMethod]
        static PyObject surrogateescape_errors(ThreadState ts, PyObject exc)
        {
            var (e, obj, start, end) = Parts(exc);
            if (IsDecode(e))
            {
                var data = PyBytes.Buffer(obj);
                var sb = new StringBuilder();
                int k = start;
                for (; k < end && k < start + 4 && k < data.Length; k++)
                {
                    if (data[k] < 0x80) break;
                    sb.Append((char)(0xDC00 + data[k]));
                }
                if (k == start) throw new PyException(e);
                return Pair(new PyStr(sb.ToString()), k);
            }
            if (IsEncode(e))
            {
                var output = new List<byte>();
                foreach (int cp in Cps(obj, start, end))
                {
                    if (cp < 0xDC80 || cp > 0xDCFF) throw new PyException(e);
                    output.Add((byte)(cp - 0xDC00));
                }
                return Pair(PyBytes.From(output.ToArray()), end);
            }
            throw Cannot(e);
        }

        [PyMethod]
        static PyObject surrogatepass_errors(ThreadState ts, PyObject exc)
        {
            var (e, obj, start, end) = Parts(exc);
            string enc = Normalize(e.Dict!.GetStr("encoding") is PyStr es ? es.Value : "");
            bool le = !enc.EndsWith("be");
            int unit = enc.StartsWith("utf_16") ? 2 : enc.StartsWith("utf_32") ? 4 : enc is "utf_8" or "utf8" ? 1 : 0;
            if (unit == 0) throw new PyException(e);
            if (IsEncode(e))
            {
                var output = new List<byte>();
                foreach (int cp in Cps(obj, start, end))
                {
                    if (cp < 0xD800 || cp > 0xDFFF) throw new PyException(e);
                    if (unit == 1) { output.Add((byte)(0xE0 | cp >> 12)); output.Add((byte)(0x80 | cp >> 6 & 0x3F)); output.Add((byte)(0x80 | cp & 0x3F)); }
                    else if (unit == 2) { if (le) { output.Add((byte)cp); output.Add((byte)(cp >> 8)); } else { output.Add((byte)(cp >> 8)); output.Add((byte)cp); } }
                    else if (le) { output.Add((byte)cp); output.Add((byte)(cp >> 8)); output.Add(0); output.Add(0); }
                    else { output.Add(0); output.Add(0); output.Add((byte)(cp >> 8)); output.Add((byte)cp); }
                }
                return Pair(PyBytes.From(output.ToArray()), end);
            }
            if (IsDecode(e))
            {
                var data = PyBytes.Buffer(obj);
                int cp = -1;
                if (start >= data.Length) throw new PyException(e);
                if (unit == 1 && start + 3 <= data.Length && (data[start] & 0xF0) == 0xE0 && (data[start + 1] & 0xC0) == 0x80 && (data[start + 2] & 0xC0) == 0x80)
                    cp = (data[start] & 0x0F) << 12 | (data[start + 1] & 0x3F) << 6 | data[start + 2] & 0x3F;
                else if (unit == 2 && start + 2 <= data.Length)
                    cp = le ? data[start] | data[start + 1] << 8 : data[start] << 8 | data[start + 1];
                else if (unit == 4 && start + 4 <= data.Length)
                    cp = le ? data[start] | data[start + 1] << 8 | data[start + 2] << 16 | data[start + 3] << 24 : data[start] << 24 | data[start + 1] << 16 | data[start + 2] << 8 | data[start + 3];
                if (cp < 0xD800 || cp > 0xDFFF) throw new PyException(e);
                return Pair(new PyStr(((char)cp).ToString()), start + (unit == 1 ? 3 : unit));
            }
            throw Cannot(e);
        }
    }
}
