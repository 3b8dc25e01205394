#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Modules;

/// <summary>`_json.make_scanner` (the type `_json.Scanner`): json.decoder's scan_once in C#.
/// Built from a JSONDecoder (its strict flag and hooks), called as scan_once(string, idx) ->
/// (value, end), raising StopIteration(idx) where no JSON value starts, as the Python scanner
/// does; JSONDecoder.raw_decode turns that into "Expecting value". Positions in and out are
/// code points; the scan itself runs over UTF-16 units.</summary>
[PyType("Scanner")]
public sealed class JsonScanner : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Scanner", typeof(JsonScanner), subclassable: false, module: "_json");

    bool _strict;
    PyObject _objectHook = PyNone.Value, _objectPairsHook = PyNone.Value;
    PyObject _parseFloat = PyNone.Value, _parseInt = PyNone.Value, _parseConstant = PyNone.Value;
    /// <summary>Object keys seen in one call, so equal keys share one str (cleared after each call).</summary>
    readonly Dictionary<string, PyStr> _memo = new();

    JsonScanner() : base(TypeObject) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[1];
        NewSignature.Bind(ts, args, kwnames, bound);
        var context = bound[0]!;
        var s = new JsonScanner();
        s._strict = Ops.IsTrue(ts, Ops.GetAttr(ts, context, PyStr.Intern("strict")));
        s._objectHook = Ops.GetAttr(ts, context, PyStr.Intern("object_hook"));
        s._objectPairsHook = Ops.GetAttr(ts, context, PyStr.Intern("object_pairs_hook"));
        s._parseFloat = Ops.GetAttr(ts, context, PyStr.Intern("parse_float"));
        s._parseInt = Ops.GetAttr(ts, context, PyStr.Intern("parse_int"));
        s._parseConstant = Ops.GetAttr(ts, context, PyStr.Intern("parse_constant"));
        return s;
    }

    static readonly Signature NewSignature = new("make_scanner", new[] { "context" }, 0, 1, 0, false, false);
    static readonly Signature CallSignature = new("scan_once", new[] { "string", "idx" }, 0, 2, 0, false, false);

    [PySlot("__call__")]
    static PyObject Call(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var sc = (JsonScanner)self;
        var bound = new PyObject?[2];
        CallSignature.Bind(ts, args, kwnames, bound);
        PyObject str = bound[0]!, idxObj = bound[1]!;
        var idxInt = Ops.Index(ts, idxObj);
        if (str is not PyStr doc) throw PyExc.TypeError($"first argument must be a string, not {str.Type.Name}");
        if (!idxInt.FitsLong || idxInt.Small > int.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        long idx = idxInt.Small;
        if (idx < 0) throw PyExc.ValueError("idx cannot be negative");
        if (idx >= doc.CpLength) throw PyExc.New(ExceptionTypes.StopIteration, PyInt.From(idx));
        try
        {
            var value = new Parse(ts, sc, doc).Value(doc.CharIndex((int)idx), 0, out int end);
            return new PyTuple(new PyObject[] { value, PyInt.From(doc.CpIndex(end)) });
        }
        finally { sc._memo.Clear(); }
    }

    static PyException StopAt(PyStr doc, int charIndex)
        => PyExc.New(ExceptionTypes.StopIteration, PyInt.From(doc.CpIndex(charIndex)));

    [PyGetter("strict")] static PyObject GetStrict(ThreadState ts, PyObject self) => PyBool.From(((JsonScanner)self)._strict);
    [PyGetter("object_hook")] static PyObject GetObjectHook(ThreadState ts, PyObject self) => ((JsonScanner)self)._objectHook;
    [PyGetter("object_pairs_hook")] static PyObject GetObjectPairsHook(ThreadState ts, PyObject self) => ((JsonScanner)self)._objectPairsHook;
    [PyGetter("parse_float")] static PyObject GetParseFloat(ThreadState ts, PyObject self) => ((JsonScanner)self)._parseFloat;
    [PyGetter("parse_int")] static PyObject GetParseInt(ThreadState ts, PyObject self) => ((JsonScanner)self)._parseInt;
    [PyGetter("parse_constant")] static PyObject GetParseConstant(ThreadState ts, PyObject self) => ((JsonScanner)self)._parseConstant;

    /// <summary>One scan_once call over one document.</summary>
    readonly struct Parse
    {
        readonly ThreadState _ts;
        readonly JsonScanner _sc;
        readonly PyStr _doc;
        readonly string _s;

        public Parse(ThreadState ts, JsonScanner sc, PyStr doc) { _ts = ts; _sc = sc; _doc = doc; _s = doc.Value; }

        PyException Error(string msg, int charIndex) => JsonModule.DecodeError(_ts, msg, _doc, _doc.CpIndex(charIndex));

        int SkipWhitespace(int i)
        {
            string s = _s;
            while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
            return i;
        }

        bool At(int i, string word) => string.CompareOrdinal(_s, i, word, 0, word.Length) == 0 && i + word.Length <= _s.Length;

        /// <summary>The value starting at s[i]; `end` is just past it. Raises StopIteration(i)
        /// where no value starts. `depth` counts the arrays and objects around it.</summary>
        public PyObject Value(int i, int depth, out int end)
        {
            string s = _s;
            if (i >= s.Length) throw StopAt(_doc, i);
            switch (s[i])
            {
                case '"': return JsonModule.ScanString(_ts, _doc, i + 1, _sc._strict, out end);
                case '{': Enter(depth, "object"); return Object(i + 1, depth + 1, out end);
                case '[': Enter(depth, "array"); return Array(i + 1, depth + 1, out end);
                case 'n' when At(i, "null"): end = i + 4; return PyNone.Value;
                case 't' when At(i, "true"): end = i + 4; return PyBool.True;
                case 'f' when At(i, "false"): end = i + 5; return PyBool.False;
                case 'N' when At(i, "NaN"): end = i + 3; return Ops.Call(_ts, _sc._parseConstant, new PyStr("NaN"));
                case 'I' when At(i, "Infinity"): end = i + 8; return Ops.Call(_ts, _sc._parseConstant, new PyStr("Infinity"));
                case '-' when At(i, "-Infinity"): end = i + 9; return Ops.Call(_ts, _sc._parseConstant, new PyStr("-Infinity"));
            }
            return Number(i, out end);
        }

        /// <summary>CPython counts JSON nesting against the recursion limit, as calls.</summary>
        void Enter(int depth, string what)
        {
            if (_ts.RecursionDepth + depth + 1 > _ts.Engine.RecursionLimit)
                throw PyExc.RecursionError($"maximum recursion depth exceeded while decoding a JSON {what} from a unicode string");
            _ts.CheckStack();
        }

        /// <summary>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?, as json.scanner's NUMBER_RE.</summary>
        PyObject Number(int start, out int end)
        {
            string s = _s;
            int i = start;
            if (i < s.Length && s[i] == '-') i++;
            if (i < s.Length && s[i] >= '1' && s[i] <= '9') { i++; while (i < s.Length && IsDigit(s[i])) i++; }
            else if (i < s.Length && s[i] == '0') i++;
            else throw StopAt(_doc, start);
            bool isFloat = false;
            if (i + 1 < s.Length && s[i] == '.' && IsDigit(s[i + 1]))
            {
                isFloat = true;
                i += 2;
                while (i < s.Length && IsDigit(s[i])) i++;
            }
            if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
            {
                int e = i++;
                if (i < s.Length && (s[i] == '-' || s[i] == '+')) i++;
                int digits = i;
                while (i < s.Length && IsDigit(s[i])) i++;
                if (i > digits) isFloat = true; else i = e;
            }
            end = i;
            string text = s.Substring(start, i - start);
            if (isFloat)
            {
                if (_sc._parseFloat != PyFloat.TypeObject) return Ops.Call(_ts, _sc._parseFloat, new PyStr(text));
                return new PyFloat(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            }
            if (_sc._parseInt != PyInt.TypeObject) return Ops.Call(_ts, _sc._parseInt, new PyStr(text));
            if (text.Length <= 18) return PyInt.From(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            var ts = _ts;
            return PyInt.From(PyFloat.Call(() => NumberParsing.ParseInt(text, 10, ts.Engine.IntMaxStrDigits)));
        }

        static bool IsDigit(char c) => c >= '0' && c <= '9';

        PyObject Array(int i, int depth, out int end)
        {
            string s = _s;
            var values = new PyList();
            i = SkipWhitespace(i);
            if (i < s.Length && s[i] == ']') { end = i + 1; return values; }
            while (true)
            {
                values.Append(Value(i, depth, out i));
                i = SkipWhitespace(i);
                if (i < s.Length && s[i] == ']') { end = i + 1; return values; }
                if (i >= s.Length || s[i] != ',') throw Error("Expecting ',' delimiter", i);
                i = SkipWhitespace(i + 1);
            }
        }

        PyObject Object(int i, int depth, out int end)
        {
            string s = _s;
            bool pairsHook = _sc._objectPairsHook != PyNone.Value;
            var pairs = pairsHook ? new PyList() : null;
            var dict = pairsHook ? null : new PyDict();
            i = SkipWhitespace(i);
            if (i >= s.Length || s[i] != '}')
            {
                while (true)
                {
                    if (i >= s.Length || s[i] != '"') throw Error("Expecting property name enclosed in double quotes", i);
                    var key = JsonModule.ScanString(_ts, _doc, i + 1, _sc._strict, out i);
                    if (_sc._memo.TryGetValue(key.Value, out var seen)) key = seen; else _sc._memo[key.Value] = key;
                    i = SkipWhitespace(i);
                    if (i >= s.Length || s[i] != ':') throw Error("Expecting ':' delimiter", i);
                    i = SkipWhitespace(i + 1);
                    var value = Value(i, depth, out i);
                    if (pairs != null) pairs.Append(new PyTuple(new[] { key, value }));
                    else dict!.SetItem(_ts, key, value);
                    i = SkipWhitespace(i);
                    if (i < s.Length && s[i] == '}') break;
                    if (i >= s.Length || s[i] != ',') throw Error("Expecting ',' delimiter", i);
                    i = SkipWhitespace(i + 1);
                }
            }
            end = i + 1;
            if (pairs != null) return Ops.Call(_ts, _sc._objectPairsHook, pairs);
            if (_sc._objectHook != PyNone.Value) return Ops.Call(_ts, _sc._objectHook, dict!);
            return dict!;
        }
    }
}
