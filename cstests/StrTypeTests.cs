using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using StacklessIron.Objects;
using StacklessIron.Runtime;
using ThreadState = StacklessIron.Runtime.ThreadState;

namespace StacklessIron.Tests;

/// <summary>
/// str, bytes, bytearray and memoryview through the object model (no VM needed): python3.11
/// generates thousands of calls (receiver, method or operator, arguments) with its own answers
/// (repr of the result, or "!Type: message"); the engine makes the same calls through
/// Ops.CallMethod / the type slots and must answer the same. Values travel as tagged JSON
/// (str as code point lists, so lone surrogates survive).
/// </summary>
public class StrTypeTests
{
    const string Python = "/usr/bin/python3.11";

    const string Prelude = """
import json, sys, itertools

def enc(v):
    if v is None: return {"none": 1}
    if v is True or v is False: return {"bool": v}
    if isinstance(v, int): return {"i": str(v)}
    if isinstance(v, float): return {"f": v.hex()}
    if isinstance(v, str): return {"s": [ord(c) for c in v]}
    if isinstance(v, bytearray): return {"ba": list(v)}
    if isinstance(v, bytes): return {"b": list(v)}
    if isinstance(v, memoryview): return {"mv": list(v.tobytes())}
    if isinstance(v, tuple): return {"t": [enc(x) for x in v]}
    if isinstance(v, list): return {"l": [enc(x) for x in v]}
    if isinstance(v, dict): return {"d": [[enc(k), enc(x)] for k, x in v.items()]}
    raise TypeError(type(v))

def show(x):
    return repr(x)

OPS = {
    '+': lambda a, b: a + b, '*': lambda a, b: a * b, '%': lambda a, b: a % b,
    'in': lambda a, b: b in a, '<': lambda a, b: a < b, '<=': lambda a, b: a <= b,
    '==': lambda a, b: a == b, '!=': lambda a, b: a != b, '>': lambda a, b: a > b,
    '[]': lambda a, b: a[b], 'len': lambda a: len(a), 'repr': lambda a: repr(a),
    'str': lambda a: str(a), 'list': lambda a: list(a), 'format()': lambda a, b: format(a, b),
    'hasheq': lambda a, b: hash(a) == hash(b),
}

out = []
def case(recv, m, *args, **kw):
    try:
        if m in OPS: r = OPS[m](recv, *args)
        else: r = getattr(recv, m)(*args, **kw)
        text = show(r)
    except Exception as e:
        text = '!%s: %s' % (type(e).__name__, e)
    out.append({"r": enc(recv), "m": m, "a": [enc(a) for a in args], "k": [[k, enc(v)] for k, v in kw.items()], "o": [ord(c) for c in text]})
""";

    /// <summary>Runs the generator (Prelude + body) and returns its cases.</summary>
    static List<JsonElement> Generate(string body)
    {
        string dir = Path.Combine(Path.GetTempPath(), "si-str-oracle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string script = Path.Combine(dir, "gen.py"), output = Path.Combine(dir, "out.json");
            File.WriteAllText(script, Prelude + "\n" + body + $"\njson.dump(out, open({JsonSerializer.Serialize(output)}, 'w'))\n");
            var psi = new ProcessStartInfo(Python, script) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            using var p = Process.Start(psi)!;
            string err = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.That(p.ExitCode, Is.EqualTo(0), "python3.11 failed: " + err);
            using var doc = JsonDocument.Parse(File.ReadAllText(output));
            return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    static string FromCodePoints(JsonElement arr)
    {
        var sb = new StringBuilder();
        foreach (var x in arr.EnumerateArray())
        {
            int cp = x.GetInt32();
            if (cp < 0x10000) sb.Append((char)cp); else sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString();
    }

    static byte[] Bytes(JsonElement arr) => arr.EnumerateArray().Select(x => (byte)x.GetInt32()).ToArray();

    static PyObject Dec(ThreadState ts, JsonElement v)
    {
        var p = v.EnumerateObject().First();
        switch (p.Name)
        {
            case "none": return PyNone.Value;
            case "bool": return PyBool.From(p.Value.GetBoolean());
            case "i": return PyInt.From(System.Numerics.BigInteger.Parse(p.Value.GetString()!));
            case "f": return new PyFloat(ParseHexFloat(p.Value.GetString()!));
            case "s": return new PyStr(FromCodePoints(p.Value));
            case "b": return new PyBytes(Bytes(p.Value));
            case "ba": return new PyByteArray(Bytes(p.Value));
            case "mv": return Ops.Call(ts, PyMemoryView.TypeObject, new PyBytes(Bytes(p.Value)));
            case "t": return new PyTuple(p.Value.EnumerateArray().Select(x => Dec(ts, x)).ToArray());
            case "l": return new PyList(p.Value.EnumerateArray().Select(x => Dec(ts, x)).ToArray());
            case "d":
                var d = new PyDict();
                foreach (var kv in p.Value.EnumerateArray()) d.SetItem(ts, Dec(ts, kv[0]), Dec(ts, kv[1]));
                return d;
        }
        throw new InvalidOperationException(p.Name);
    }

    static double ParseHexFloat(string s)
    {
        // Python's float.hex: [-]0x1.hhhhp+e (only simple values are used here)
        bool neg = s.StartsWith('-');
        if (neg) s = s[1..];
        if (s == "inf") return neg ? double.NegativeInfinity : double.PositiveInfinity;
        int p = s.IndexOf('p');
        string mant = s[2..p];
        int exp = int.Parse(s[(p + 1)..]);
        var parts = mant.Split('.');
        double m = Convert.ToInt64(parts[0], 16);
        if (parts.Length > 1) for (int i = 0; i < parts[1].Length; i++) m += Convert.ToInt32(parts[1][i].ToString(), 16) / Math.Pow(16, i + 1);
        double r = m * Math.Pow(2, exp);
        return neg ? -r : r;
    }

    static PyObject Op(ThreadState ts, string m, PyObject a, PyObject[] args)
    {
        switch (m)
        {
            case "+": return Ops.BinaryOp(ts, a, args[0], 0);
            case "*": return Ops.BinaryOp(ts, a, args[0], 5);
            case "%": return Ops.BinaryOp(ts, a, args[0], 6);
            case "in": return PyBool.From(Ops.Contains(ts, a, args[0]));
            case "<": return Ops.RichCompare(ts, a, args[0], CompareOp.Lt);
            case "<=": return Ops.RichCompare(ts, a, args[0], CompareOp.Le);
            case "==": return Ops.RichCompare(ts, a, args[0], CompareOp.Eq);
            case "!=": return Ops.RichCompare(ts, a, args[0], CompareOp.Ne);
            case ">": return Ops.RichCompare(ts, a, args[0], CompareOp.Gt);
            case "[]": return Ops.GetItem(ts, a, args[0]);
            case "len": return PyInt.From(Ops.Len(ts, a));
            case "repr": return Ops.Repr(ts, a);
            case "str": return Ops.Str(ts, a);
            case "list": return new PyList(Ops.ToArray(ts, a).ToArray());
            case "format()": return Ops.Format(ts, a, args[0]);
            case "hasheq": return PyBool.From(Ops.Hash(ts, a) == Ops.Hash(ts, args[0]));
        }
        return null!;
    }

    static string Run(ThreadState ts, JsonElement c)
    {
        try
        {
            var recv = Dec(ts, c.GetProperty("r"));
            string m = c.GetProperty("m").GetString()!;
            var args = c.GetProperty("a").EnumerateArray().Select(x => Dec(ts, x)).ToList();
            var kws = c.GetProperty("k").EnumerateArray().ToList();
            if (m == "ctor")
            {
                var type = ((PyStr)recv).Value switch { "bytes" => PyBytes.TypeObject, "bytearray" => PyByteArray.TypeObject, _ => TypeObjects.Str };
                return Ops.ReprString(ts, Ops.Call(ts, type, args.ToArray()));
            }
            if (m.StartsWith("mut:"))
            {
                var r = Ops.CallMethod(ts, recv, m[4..], args.ToArray());
                return Ops.ReprString(ts, r is PyByteArray ? new PyStr("self") : r) + " " + Ops.ReprString(ts, recv);
            }
            PyObject result = Op(ts, m, recv, args.ToArray());
            if (result == null)
            {
                var names = new List<PyObject>();
                foreach (var kv in kws) { names.Add(new PyStr(kv[0].GetString()!)); args.Add(Dec(ts, kv[1])); }
                var f = Ops.GetAttr(ts, recv, m);
                result = Ops.Call(ts, f, args.ToArray(), names.Count == 0 ? null : new PyTuple(names.ToArray()));
            }
            return Ops.ReprString(ts, result);
        }
        catch (PyException e) when (e.Value.Type == ExceptionTypes.UnicodeEncodeError || e.Value.Type == ExceptionTypes.UnicodeDecodeError)
        {
            return "!" + e.Value.Type.Name + ": " + UnicodeErrorText(ts, e.Value);
        }
        catch (PyException e)
        {
            return "!" + e.Value.Type.Name + ": " + Ops.StrString(ts, e.Value);
        }
        catch (Exception e)
        {
            return "CRASH " + e.GetType().Name + ": " + e.Message;
        }
    }

    /// <summary>CPython's str() of a UnicodeEncodeError/DecodeError, built from the attributes the
    /// codecs set (the exception class's own __str__ is the runtime's business).</summary>
    static string UnicodeErrorText(ThreadState ts, PyObject e)
    {
        var d = e.Dict!;
        string enc = ((PyStr)d.GetStr("encoding")!).Value, reason = ((PyStr)d.GetStr("reason")!).Value;
        long start = ((PyInt)d.GetStr("start")!).Small, end = ((PyInt)d.GetStr("end")!).Small;
        var obj = d.GetStr("object")!;
        if (e.Type == ExceptionTypes.UnicodeEncodeError)
        {
            if (end == start + 1)
            {
                int cp = ((PyStr)Ops.GetItem(ts, obj, PyInt.From(start))).Value is var ch && ch.Length == 2 ? char.ConvertToUtf32(ch[0], ch[1]) : ((PyStr)Ops.GetItem(ts, obj, PyInt.From(start))).Value[0];
                string shown = cp <= 0xff ? $"\\x{cp:x2}" : cp <= 0xffff ? $"\\u{cp:x4}" : $"\\U{cp:x8}";
                return $"'{enc}' codec can't encode character '{shown}' in position {start}: {reason}";
            }
            return $"'{enc}' codec can't encode characters in position {start}-{end - 1}: {reason}";
        }
        if (end == start + 1)
            return $"'{enc}' codec can't decode byte 0x{((PyInt)Ops.GetItem(ts, obj, PyInt.From(start))).Small:x2} in position {start}: {reason}";
        return $"'{enc}' codec can't decode bytes in position {start}-{end - 1}: {reason}";
    }

    static string Describe(JsonElement c)
    {
        string V(JsonElement v)
        {
            var p = v.EnumerateObject().First();
            return p.Name switch
            {
                "s" => "'" + FromCodePoints(p.Value) + "'",
                "b" or "ba" or "mv" => p.Name + "[" + string.Join(",", Bytes(p.Value)) + "]",
                "t" or "l" => p.Name + "(" + string.Join(", ", p.Value.EnumerateArray().Select(V)) + ")",
                _ => p.Value.ToString(),
            };
        }
        return V(c.GetProperty("r")) + " " + c.GetProperty("m").GetString() + " (" + string.Join(", ", c.GetProperty("a").EnumerateArray().Select(V))
            + string.Join("", c.GetProperty("k").EnumerateArray().Select(kv => ", " + kv[0].GetString() + "=" + V(kv[1]))) + ")";
    }

    static void Check(string body, int minCases)
    {
        var cases = Generate(body);
        Assert.That(cases.Count, Is.GreaterThanOrEqualTo(minCases));
        var ts = new PythonEngine().MainThread;
        var failures = new List<string>();
        var seen = new HashSet<string>();
        int bad = 0;
        foreach (var c in cases)
        {
            string expected = FromCodePoints(c.GetProperty("o"));
            string actual = Run(ts, c);
            if (expected == actual) continue;
            bad++;
            string sig = c.GetProperty("m").GetString() + "|" + (expected.Length > 12 ? expected[..12] : expected);
            if (!seen.Add(sig)) continue;
            if (failures.Count < 60) failures.Add($"{Esc(Describe(c))}\n   python: {Esc(expected)}\n   ours:   {Esc(actual)}");
        }
        TestContext.Out.WriteLine($"{cases.Count} cases, {bad} differ");
        Assert.That(bad, Is.EqualTo(0), $"{bad} of {cases.Count} differ:\n" + string.Join("\n", failures));
    }

    static string Esc(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s) { if (c >= 0x20 && c < 0x7F) sb.Append(c); else sb.Append("\\u").Append(((int)c).ToString("x4")); }
        return sb.ToString();
    }

    const string Strings = """
STRS = ['', 'a', 'abc', 'Hello World', '  spaced  out  ', 'a,b,,c', 'ß', 'ﬁ', 'İ', 'ΣΑΣ Σ aΣ ΑΣ.', 'ὈΔΥΣΣΕΎΣ', 'Ǆ ǅ ǆ',
        'x\U0001F600y\U0001F600', '\U00010400abc\U00010428', 'line1\nline2\r\nline3\rline4\x0bx\x1cy\x85z\u2028w\n',
        '\tA\tBC\t', '123', '١٢٣', '½', 'ab12_', '_id', '3x', 'Ab Cd', 'AB', 'ab', 'a\ud800b', 'tab\there\n\tx',
        '-42', '+7', 'ÿé', '\u00a0\u2000x\u3000', "it's", 'say "hi"', '\x00\x7f\x80', 'hello world foo', 'aaa', 'ǅungla']
""";

    [Test]
    public void StrMethodsMatchCPython() => Check(Strings + "\n" + """
NOARG = ['capitalize', 'casefold', 'lower', 'upper', 'swapcase', 'title', 'isalnum', 'isalpha', 'isascii',
         'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle',
         'isupper', 'strip', 'lstrip', 'rstrip', 'split', 'rsplit', 'splitlines', 'expandtabs', 'len', 'repr',
         'list', '__getnewargs__', '__sizeof__', '__str__']
WITH = [('center', 10), ('center', 10, '*'), ('center', 4, '\U0001F600'), ('center', 3, 'ab'), ('center', 5, 1),
        ('ljust', 7, '-'), ('rjust', 7), ('zfill', 6), ('ljust', 'x'),
        ('count', 'a'), ('count', ''), ('count', 'a', 1), ('count', '', 2, 1), ('count', 'l', -5, None), ('count', 1),
        ('find', 'b'), ('find', 'o', 2), ('find', '', 100), ('find', 'o', None, -3), ('find', 'a', 'x'), ('find', '\U0001F600'),
        ('rfind', 'a'), ('rfind', '', 0, 2), ('rfind', 'o', -6), ('index', 'zz'), ('rindex', 'a'), ('index', 'y', 1),
        ('startswith', 'a'), ('startswith', ('x', 'H')), ('startswith', '', 100), ('startswith', 1), ('startswith', (1,)),
        ('endswith', 'c', 0, 3), ('endswith', ''), ('endswith', ('d', 'c')), ('startswith', 'b', 1),
        ('split', ','), ('split', ',', 1), ('split', None, 1), ('rsplit', None, 1), ('rsplit', ',', 1), ('split', ''),
        ('split', 1), ('split', ' ', 0), ('rsplit', 'o'), ('split', 'l', -1),
        ('splitlines', True), ('partition', ','), ('rpartition', ','), ('partition', ''), ('partition', 'l'),
        ('rpartition', 'o'), ('partition', 3),
        ('replace', 'a', 'XY'), ('replace', '', '-'), ('replace', '', '-', 2), ('replace', 'a', '', 1), ('replace', 'l', 'L', 0),
        ('replace', 1, 'x'), ('replace', 'o', '0', -1),
        ('strip', 'ab'), ('strip', '\U0001F600xy'), ('lstrip', ' '), ('rstrip', 'Σ.'), ('strip', 5),
        ('expandtabs', 4), ('expandtabs', 0), ('expandtabs', -1),
        ('translate', {97: 'A', 98: None, 99: 120, 0x1F600: 'smile'}), ('translate', {ord('l'): 0x10400}), ('translate', {97: 1.5}),
        ('translate', {97: 0x110000}), ('translate', 'abc'),
        ('join', ['x', 'y', 'z']), ('join', []), ('join', ['a', 1]), ('join', ('p',)), ('join', 5),
        ('removeprefix', 'a'), ('removesuffix', 'c'), ('removeprefix', ''), ('removeprefix', 1),
        ('encode',), ('encode', 'ascii'), ('encode', 'ascii', 'replace'), ('encode', 'ascii', 'ignore'),
        ('encode', 'ascii', 'backslashreplace'), ('encode', 'ascii', 'xmlcharrefreplace'), ('encode', 'latin-1'),
        ('encode', 'utf-16'), ('encode', 'utf-16-be'), ('encode', 'UTF-32'), ('encode', 'utf-8', 'surrogatepass'),
        ('encode', 'utf_8', 'surrogateescape'), ('encode', 'no-such-codec'), ('encode', 'ascii', 'bogus'),
        ('+', 'x'), ('+', 1), ('*', 3), ('*', 0), ('*', -1), ('*', 2.0), ('*', True), ('in', 'b'), ('in', ''), ('in', 1),
        ('<', 'abd'), ('<', '\uffff'), ('<', '\U00010000'), ('>', 'a'), ('==', 'abc'), ('!=', 'abc'), ('<', 1), ('==', 1),
        ('[]', 0), ('[]', -1), ('[]', 5), ('[]', 2), ('[]', 'x'), ('[]', True),
        ('format()', ''), ('format()', '>8'), ('format()', '*^9'), ('format()', '.2'), ('format()', 'x<5.1'), ('format()', 'd'),
        ('format()', '+'), ('format()', '='), ('hasheq', 'abc'), ('__mod__', ()), ('__rmod__', 'x%sy'), ('__format__', 1),
       ]
for s in STRS:
    for m in NOARG: case(s, m)
    for w in WITH: case(s, *w)
    case(s, 'split', sep=None, maxsplit=1)
    case(s, 'rsplit', maxsplit=2)
    case(s, 'splitlines', keepends=True)
    case(s, 'encode', errors='replace', encoding='ascii')
    case(s, 'expandtabs', tabsize=3)
""", 5000);

    [Test]
    public void StrFormatAndPercentMatchCPython() => Check("""
TEMPLATES = ['', 'plain', '{}', '{}{}', '{0}{1}{0}', '{a}', '{0!r:>10}', '{1:^{0}}', '{0[0]}', '{0.real}', '{1:{0}}',
    '{{}}', '{', '}', '{0', '{!x}', '{0!rr}', '{!}', '{0[}', '{0.}', '{0[]}', '{0[0]x}', '{0]', '{:{:{}}}', '{a.imag}',
    '{0}{}', '{}{0}', '{1}', '{5}', '{ 0}', '{0 }', '{00}', '{a!s:*<6}', '{a!a}', '{2!a}', '{x}', '{2[0]}',
    '{3[k]}', '{3[1]}', '{1:d}', '{1:s}', 'x{{y}}z{0}', '{1:{{}}}', '{1:>{a}}', '{:}', '{!r}', '{0!s}{0!r}{0!a}',
    '{٠}', '{0[-1]}', '{2:.1}', '{99999999999999999999999}', '{a[0]}', '{1:{0}{0}}', '}}{{', '{0:}}', '{0!r:}']
for t in TEMPLATES:
    case(t, 'format', 7, 'xy', 'é\U0001F600', {'k': 'v', 1: 'one'}, a=3)
    case(t, 'format')
    case(t, 'format_map', {'a': 5, 'x': 'X'})
    case(t, 'format', 'ab', '>5', 'c', 'd')
for t in ['{:{}}', '{:{}}{}', '{:{}{}}', '{0:{1}}{2:{3}}']:
    case(t, 'format', 'ab', '>5', '<', '6')
PCT = [('%s', 'x'), ('%r', 'é'), ('%a', 'é'), ('%d', 3), ('%5.2f', 3.14159), ('%x %X %o', (255, 255, 8)), ('%c', 65),
       ('%c', 'z'), ('%-6s|', 'ab'), ('%(a)s', {'a': 1}), ('%s %s', ('a',)), ('%s', ('a', 'b')), ('%d', 'x'), ('%y', 1),
       ('%', ()), ('%%', ()), ('%*d', (5, 3)), ('%.*f', (2, 1.0)), ('%e', 12345.678), ('%g', 0.0001), ('%i', True),
       ('%s', [1, 2]), ('%(a)s %(b)s', {'a': 1}), ('a', 5), ('a', ()), ('%s', ()), ('%c', 0x110000), ('%5%', ())]
for f, a in PCT:
    case(f, '%', a)
""", 150);

    const string Bytess = """
BS = [b'', b'abc', b'Hello World', b'  a b  ', b'a,b,,c', b'\x00\xff', b'line\nx\r\ny\rz', b'\tA\tb', b'ab12',
      b'AB', b'Ab Cd', b'-12', b'\xc3\xa9t\xc3\xa9', b'\xff\xfe', b'a\xe9\x80b', b"it's", bytearray(b'abc'),
      bytearray(b'x y'), bytearray()]
""";

    [Test]
    public void BytesMethodsMatchCPython() => Check(Bytess + "\n" + """
NOARG = ['capitalize', 'lower', 'upper', 'swapcase', 'title', 'isalnum', 'isalpha', 'isascii', 'isdigit', 'islower',
         'isspace', 'istitle', 'isupper', 'strip', 'lstrip', 'rstrip', 'split', 'rsplit', 'splitlines', 'expandtabs',
         'hex', 'decode', 'len', 'repr', 'str', 'list', 'copy', '__alloc__', '__getnewargs__', '__sizeof__', '__bytes__',
        ]
WITH = [('center', 9), ('center', 9, b'*'), ('center', 9, '*'), ('center', 9, b'ab'), ('ljust', 6, bytearray(b'-')), ('rjust', 6),
        ('zfill', 5), ('count', b'a'), ('count', 97), ('count', b''), ('count', 'a'), ('count', 256), ('count', b'b', 1, 2),
        ('find', b'b'), ('find', 98), ('find', b'', 100), ('rfind', b'a'), ('index', b'q'), ('rindex', b'b'),
        ('startswith', b'a'), ('startswith', (b'x', b'H')), ('startswith', 'a'), ('startswith', ('a',)), ('endswith', bytearray(b'c')),
        ('split', b','), ('split', b',', 1), ('split', None, 1), ('rsplit', b',', 1), ('split', b''), ('split', ','),
        ('splitlines', True), ('partition', b','), ('rpartition', b','), ('partition', ','), ('partition', b''),
        ('replace', b'a', b'XY'), ('replace', b'', b'-'), ('replace', b'', b'-', 2), ('replace', 'a', b''), ('replace', b'l', b'L', 1),
        ('strip', b'ab'), ('strip', 'a'), ('lstrip', b' '), ('expandtabs', 4),
        ('translate', bytes.maketrans(b'abc', b'xyz')), ('translate', None, b'ab'), ('translate', b'x'), ('translate', 1),
        ('join', [b'x', bytearray(b'y'), memoryview(b'z')]), ('join', []), ('join', ['a']), ('join', [1]), ('join', 3),
        ('removeprefix', b'a'), ('removesuffix', b'c'), ('removeprefix', 'a'),
        ('hex', ':'), ('hex', b'-', 2), ('hex', ':', -2), ('hex', '::'), ('hex', 1),
        ('decode', 'ascii'), ('decode', 'utf-8', 'replace'), ('decode', 'utf-8', 'ignore'), ('decode', 'utf-8', 'backslashreplace'),
        ('decode', 'utf-8', 'surrogateescape'), ('decode', 'latin-1'), ('decode', 'utf-16'), ('decode', 'utf-16-le'),
        ('decode', 'utf-32'), ('decode', 'nope'),
        ('+', b'x'), ('+', bytearray(b'y')), ('+', 'x'), ('+', 1), ('+', memoryview(b'm')), ('*', 2), ('*', -1), ('*', 1.5),
        ('in', b'b'), ('in', 98), ('in', 'b'), ('in', 256), ('in', b''),
        ('<', b'abd'), ('==', b'abc'), ('==', bytearray(b'abc')), ('==', 'abc'), ('<', 'a'), ('>', bytearray(b'a')), ('!=', b''),
        ('[]', 0), ('[]', -1), ('[]', 10), ('[]', 'x'),
        ('%', 5), ('%', (b'a',)), ('%', ()), ('__mod__', 'x'), ('__rmod__', b'%s'), ('hasheq', b'abc'),
       ]
for s in BS:
    for m in NOARG: case(s, m)
    for w in WITH: case(s, *w)
    case(s, 'split', sep=b' ', maxsplit=1)
    case(s, 'decode', errors='replace')
    case(s, 'hex', bytes_per_sep=2, sep='.')
    if isinstance(s, bytearray): case(s, '__reduce__')
for f, a in [(b'%s', b'x'), (b'%s', 'x'), (b'%d-%x', (3, 255)), (b'%c', 65), (b'%c', b'z'), (b'%r', b'a'), (b'%a', 'e'),
             (b'%b', bytearray(b'q')), (b'%(k)s', {b'k': b'v'}), (b'%5.1f', 2.25), (b'%s', memoryview(b'mv'))]:
    case(f, '%', a)
for h in ['', '00ff', '0a 0b', ' 1f ', 'zz', 'a', '0 a', 'AbCd', 1]:
    case(b'', 'fromhex', h)
    case(bytearray(), 'fromhex', h)
for a, b in [(b'abc', b'xyz'), (b'a', b'bc'), ('a', b'b'), (bytearray(b'q'), b'r')]:
    case(b'', 'maketrans', a, b)
""", 2000);

    [Test]
    public void ByteArrayMutationMatchesCPython() => Check("""
def seq(*steps):
    # each step mutates a fresh bytearray; the answer shows the result and the buffer
    pass
B = [bytearray(b'hello'), bytearray(), bytearray(b'a\x00b')]
for b in B:
    for m, *a in [('append', 33), ('append', 256), ('append', 'x'), ('extend', b'xyz'), ('extend', [1, 2]), ('extend', 'ab'),
                  ('extend', 5), ('extend', [300]), ('insert', 0, 65), ('insert', -1, 66), ('insert', 99, 67),
                  ('pop',), ('pop', 0), ('pop', 9), ('remove', 108), ('remove', 7), ('clear',), ('reverse',),
                  ('__iadd__', b'++'), ('__iadd__', 'x'), ('__imul__', 2), ('__imul__', 0), ('__setitem__', 0, 90),
                  ('__setitem__', -1, 300), ('__setitem__', 9, 1), ('__delitem__', 0), ('__delitem__', -9),
                  ('__setitem__', 'x', 1)]:
        c = bytearray(b)
        try:
            r = getattr(c, m)(*a)
            text = '%r %r' % (r if not isinstance(r, bytearray) else 'self', c)
        except Exception as e:
            text = '!%s: %s' % (type(e).__name__, e)
        out.append({"r": enc(b), "m": "mut:" + m, "a": [enc(x) for x in a], "k": [], "o": [ord(ch) for ch in text]})
for src in [b'abc', bytearray(b'xy'), 3, [1, 2, 255], [256], ['a'], (x for x in []), 'str', -1, 1.5, None, memoryview(b'mv')]:
    for kind in ['bytes', 'bytearray']:
        try:
            if isinstance(src, type(x for x in [])): continue
            r = (bytes if kind == 'bytes' else bytearray)(src)
            text = repr(r)
        except Exception as e:
            text = '!%s: %s' % (type(e).__name__, e)
        out.append({"r": enc(kind), "m": "ctor", "a": [enc(src)], "k": [], "o": [ord(ch) for ch in text]})
for args in [('abc', 'ascii'), ('é', 'latin-1'), ('é', 'ascii'), (b'x', 'ascii'), ('x', None)]:
    for kind in ['bytes', 'bytearray', 'str']:
        a = [x for x in args if x is not None]
        try:
            src = a[0]
            if kind == 'str' and isinstance(src, str): src = src.encode('utf-8')
            r = {'bytes': bytes, 'bytearray': bytearray, 'str': str}[kind](src, *a[1:])
            text = repr(r)
        except Exception as e:
            text = '!%s: %s' % (type(e).__name__, e)
        out.append({"r": enc(kind), "m": "ctor", "a": [enc(src if kind == 'str' else a[0])] + [enc(x) for x in a[1:]], "k": [], "o": [ord(ch) for ch in text]})
""", 80);

    [Test]
    public void CodePointIndexingOfAstralStrings()
    {
        var ts = new PythonEngine().MainThread;
        var s = new PyStr("a\U0001F600b\U00010400");
        Assert.That(Ops.Len(ts, s), Is.EqualTo(4));
        Assert.That(((PyStr)Ops.GetItem(ts, s, PyInt.From(1))).Value, Is.EqualTo("\U0001F600"));
        Assert.That(((PyStr)Ops.GetItem(ts, s, PyInt.From(-1))).Value, Is.EqualTo("\U00010400"));
        Assert.That(((PyStr)Ops.GetItem(ts, s, PyInt.From(2))).Value, Is.EqualTo("b"));
        Assert.That(((PyInt)Ops.CallMethod(ts, s, "find", new PyStr("b"))).Small, Is.EqualTo(2));
        var items = Ops.ToArray(ts, s).Select(x => ((PyStr)x).Value).ToArray();
        Assert.That(items, Is.EqualTo(new[] { "a", "\U0001F600", "b", "\U00010400" }));
        // Code point order, not UTF-16 order: U+FFFF < U+10000.
        Assert.That(Ops.RichCompareBool(ts, new PyStr("\uffff"), new PyStr("\U00010000"), CompareOp.Lt), Is.True);
        Assert.That(s.IsSimple, Is.False);
        Assert.That(new PyStr("plain").IsSimple, Is.True);

        // A long string mixing pairs, BMP chars and a lone surrogate: every index and every
        // find result agrees with the code point array (checkpointed conversions).
        var rng = new Random(7);
        string[] pieces = { "a", "\U0001F600", "\u00e9", "\U00010400", "z", "\ud800" };
        var sb = new StringBuilder();
        for (int i = 0; i < 500; i++) sb.Append(pieces[rng.Next(pieces.Length)]);
        if (sb[sb.Length - 1] == '\ud800') sb.Append('z');
        var big = new PyStr(sb.ToString());
        var cps = CodePointsOf(big.Value).ToArray();
        Assert.That(Ops.Len(ts, big), Is.EqualTo(cps.Length));
        for (int i = 0; i < cps.Length; i++)
        {
            var ch = ((PyStr)Ops.GetItem(ts, big, PyInt.From(i))).Value;
            Assert.That(CodePointsOf(ch).Single(), Is.EqualTo(cps[i]), $"index {i}");
        }
        for (int start = 0; start < cps.Length; start += 37)
        {
            long found = ((PyInt)Ops.CallMethod(ts, big, "find", new PyStr("z"), PyInt.From(start))).Small;
            int expected = Array.IndexOf(cps, (int)'z', start);
            Assert.That(found, Is.EqualTo(expected), $"find from {start}");
            long rfound = ((PyInt)Ops.CallMethod(ts, big, "rfind", new PyStr("\U0001F600"), PyNone.Value, PyInt.From(start))).Small;
            Assert.That(rfound, Is.EqualTo(Array.LastIndexOf(cps, 0x1F600, Math.Max(0, start - 1), start)), $"rfind to {start}");
        }
    }

    [Test]
    public void MemoryViewOverByteArray()
    {
        var ts = new PythonEngine().MainThread;
        var ba = new PyByteArray(new byte[] { 1, 2, 3 });
        var mv = Ops.Call(ts, PyMemoryView.TypeObject, ba);
        Ops.SetItem(ts, mv, PyInt.From(0), PyInt.From(9));           // writes go through to the bytearray
        Assert.That(Ops.ReprString(ts, ba), Is.EqualTo("bytearray(b'\\t\\x02\\x03')"));
        Ops.CallMethod(ts, ba, "append", PyInt.From(4));              // a live view does not pin the size (see PyMemoryView)
        Assert.That(Ops.ReprString(ts, Ops.CallMethod(ts, mv, "tobytes")), Is.EqualTo("b'\\t\\x02\\x03'"));
        Ops.CallMethod(ts, ba, "clear");
        var e = Assert.Throws<PyException>(() => Ops.CallMethod(ts, mv, "tobytes"))!;
        Assert.That(e.Value.Type, Is.SameAs(ExceptionTypes.ValueError));
        Ops.CallMethod(ts, mv, "release");
        var e1 = Assert.Throws<PyException>(() => Ops.Len(ts, mv))!;
        Assert.That(Ops.StrString(ts, e1.Value), Is.EqualTo("operation forbidden on released memoryview object"));
        var ro = Ops.Call(ts, PyMemoryView.TypeObject, new PyBytes(new byte[] { 7 }));
        var e2 = Assert.Throws<PyException>(() => Ops.SetItem(ts, ro, PyInt.From(0), PyInt.From(1)))!;
        Assert.That(Ops.StrString(ts, e2.Value), Is.EqualTo("cannot modify read-only memory"));
        Assert.That(Ops.ReprString(ts, Ops.CallMethod(ts, ro, "tolist")), Is.EqualTo("[7]"));
    }

    static PySlice MakeSlice(long? start, long? stop, long? step)
    {
        PyObject O(long? v) => v == null ? PyNone.Value : PyInt.From(v.Value);
        return new PySlice(O(start), O(stop), O(step));
    }

    [Test]
    public void SlicingMatchesCPython()
    {
        var ts = new PythonEngine().MainThread;
        var samples = new[] { "", "hello", "a\U0001F600b\U00010400c", "\u00e9t\u00e9" };
        var bounds = new long?[] { null, 0, 1, 2, -1, -3, 4, 100, -100 };
        var steps = new long?[] { null, 1, 2, -1, -2, 3 };
        var lines = new List<string>();
        var mine = new List<string>();
        foreach (var s in samples)
            foreach (var a in bounds) foreach (var b in bounds) foreach (var c in steps)
            {
                string N(long? v) => v?.ToString() ?? "None";
                lines.Add($"{N(a)},{N(b)},{N(c)}");
                var sl = MakeSlice(a, b, c);
                var r1 = (PyStr)Ops.GetItem(ts, new PyStr(s), sl);
                var bytes = System.Text.Encoding.UTF8.GetBytes(s);
                var r2 = Ops.GetItem(ts, new PyBytes(bytes), sl);
                var r3 = Ops.GetItem(ts, new PyByteArray(bytes), sl);
                mine.Add(string.Join(" ", System.Linq.Enumerable.Select(CodePointsOf(r1.Value), x => x.ToString("x"))) + "|" + Ops.ReprString(ts, r2) + "|" + Ops.ReprString(ts, r3));
            }
        string dir = Path.Combine(Path.GetTempPath(), "si-slice-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllLines(Path.Combine(dir, "in.txt"), lines);
            File.WriteAllText(Path.Combine(dir, "t.py"), """
import sys
samples = ['', 'hello', 'a\U0001F600b\U00010400c', '\u00e9t\u00e9']
lines = open(sys.argv[1]).read().split('\n')
out = []
i = 0
for s in samples:
    n = len(lines) // len(samples)
    for line in lines[i * n:(i + 1) * n]:
        a, b, c = [None if x == 'None' else int(x) for x in line.split(',')]
        r = s[a:b:c]
        e = s.encode()
        out.append(' '.join('%x' % ord(ch) for ch in r) + '|' + repr(e[a:b:c]) + '|' + repr(bytearray(e)[a:b:c]))
    i += 1
print('\n'.join(out))
""");
            var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, UseShellExecute = false };
            psi.ArgumentList.Add(Path.Combine(dir, "t.py"));
            psi.ArgumentList.Add(Path.Combine(dir, "in.txt"));
            using var p = Process.Start(psi)!;
            var expected = p.StandardOutput.ReadToEnd().TrimEnd('\n').Split('\n');
            p.WaitForExit();
            Assert.That(expected.Length, Is.EqualTo(mine.Count));
            for (int i = 0; i < mine.Count; i++)
                Assert.That(mine[i], Is.EqualTo(expected[i]), $"case {i}: {lines[i]}");
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
        var e0 = Assert.Throws<PyException>(() => Ops.GetItem(ts, new PyStr("abc"), MakeSlice(null, null, 0)))!;
        Assert.That(Ops.StrString(ts, e0.Value), Is.EqualTo("slice step cannot be zero"));
    }

    static IEnumerable<int> CodePointsOf(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { yield return char.ConvertToUtf32(s[i], s[i + 1]); i++; }
            else yield return s[i];
        }
    }

    [Test]
    public void TypesDefineEveryNameCPythonDefines()
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("for t in (str, bytes, bytearray, memoryview, type(iter('')), type(iter('\\xe9')), type(iter(b'')), type(iter(bytearray()))): print(t.__name__, ' '.join(sorted(t.__dict__)))");
        using var p = Process.Start(psi)!;
        var lines = p.StandardOutput.ReadToEnd().Trim().Split('\n');
        p.WaitForExit();
        var ours = new Dictionary<string, PyType>
        {
            ["str"] = TypeObjects.Str, ["bytes"] = PyBytes.TypeObject, ["bytearray"] = PyByteArray.TypeObject,
            ["memoryview"] = PyMemoryView.TypeObject, ["str_ascii_iterator"] = PyStrIterator.AsciiTypeObject,
            ["str_iterator"] = PyStrIterator.TypeObject, ["bytes_iterator"] = PyBytesIterator.TypeObject,
            ["bytearray_iterator"] = PyBytesIterator.ByteArrayIteratorType,
        };
        // Names CPython lists because of how its C types are laid out, not behaviour we lack.
        var notNeeded = new HashSet<string> { "__doc__", "__getattribute__" };
        // Known gap, reported: memoryview.cast (only format 'B' views exist here).
        var known = new HashSet<string> { "memoryview.cast" };
        var missing = new List<string>();
        Assert.That(lines.Length, Is.EqualTo(8));
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            var t = ours[parts[0]];
            foreach (var name in parts.Skip(1))
                if (!notNeeded.Contains(name) && !known.Contains(parts[0] + "." + name) && t.Namespace.GetStr(name) == null)
                    missing.Add(parts[0] + "." + name);
        }
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void RandomUnicodeStringsMatchCPython() => Check("""
import random
rng = random.Random(1234)
POOL = ('aZ09_ -,.\t\n\r\x0b\x1c\x85\u2028\u00a0\u2000\u3000' + 'ßﬁﬀİıΣσςΑαǄǅǆᾈᾀΐŉ' + '\u0301\u0345\u00b7\u2019' +
        '\U00010400\U00010428\U0001F600\U0001D7CE' + '١٢½²Ⅷ' + 'ÿéÉĀāΩω' + 'Σ')
for n in range(400):
    s = ''.join(rng.choice(POOL) for _ in range(rng.randrange(0, 9)))
    for m in ('upper', 'lower', 'title', 'capitalize', 'swapcase', 'casefold', 'isalnum', 'isalpha', 'isdecimal',
              'isdigit', 'isnumeric', 'isidentifier', 'islower', 'isupper', 'istitle', 'isspace', 'isprintable',
              'split', 'splitlines', 'strip', 'expandtabs', 'len', 'repr', 'list'):
        case(s, m)
    case(s, 'center', 12, '\U0001F600')
    case(s, 'split', 'Σ')
    case(s, 'find', '\U00010400')
    case(s, 'rsplit', None, 1)
    case(s, 'encode', 'utf-16-be', 'surrogatepass')
    case(s, 'encode', 'latin-1', 'backslashreplace')
    case(s, 'encode')
    case(s.encode('utf-8', 'surrogatepass'), 'decode')
    case(s.encode('utf-8', 'surrogatepass'), 'decode', 'utf-8', 'replace')
    case(s.encode('utf-8', 'surrogatepass')[1:], 'decode', 'utf8', 'backslashreplace')
    case(s, 'count', rng.choice(POOL))
    case(s, 'replace', rng.choice(POOL), '<>')
    case(s, '<', ''.join(rng.choice(POOL) for _ in range(3)))
    case(s, 'format()', '^11')
""", 10000);

    /// <summary>Figures for the report (not a pass/fail test): time of common str operations
    /// through the object model, per call.</summary>
    [Test, Explicit]
    public void Benchmark()
    {
        var ts = new PythonEngine().MainThread;
        var text = new PyStr(string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 20000)));
        var astral = new PyStr(string.Concat(Enumerable.Repeat("ab\U0001F600", 1000)));
        var small = new PyStr("Hello World");
        void Time(string what, int n, Action a)
        {
            a();
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < n; i++) a();
            sw.Stop();
            TestContext.Out.WriteLine($"{what}: {sw.Elapsed.TotalMilliseconds * 1e6 / n:F0} ns/op");
        }
        var sep = new PyStr(" ");
        Time("'Hello World'.upper()", 200000, () => Ops.CallMethod(ts, small, "upper"));
        Time("'Hello World'.split()", 200000, () => Ops.CallMethod(ts, small, "split"));
        Time("'Hello World'.find('W')", 200000, () => Ops.CallMethod(ts, small, "find", new PyStr("W")));
        Time("'Hello World'[4] (BMP)", 1000000, () => Ops.GetItem(ts, small, PyInt.From(4)));
        Time("astral 3000-cp str [2999]", 100000, () => Ops.GetItem(ts, astral, PyInt.From(2999)));
        Time("len(astral) (cached)", 1000000, () => Ops.Len(ts, astral));
        Time("900KB text.split(' ')", 20, () => Ops.CallMethod(ts, text, "split", sep));
        Time("900KB text.count('fox')", 50, () => Ops.CallMethod(ts, text, "count", new PyStr("fox")));
        Time("900KB text.upper()", 20, () => Ops.CallMethod(ts, text, "upper"));
        Time("'{}-{}'.format(a, b)", 200000, () => Ops.CallMethod(ts, new PyStr("{}-{}"), "format", small, small));
        Time("'%s-%s' % (a, b)", 200000, () => Ops.BinaryOp(ts, new PyStr("%s-%s"), PyTuple.Of(small, small), 6));
        Time("900KB text.encode()", 20, () => Ops.CallMethod(ts, text, "encode"));
    }
}
