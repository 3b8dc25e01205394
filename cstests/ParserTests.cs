using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Threading;
using NUnit.Framework;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
using StacklessIron.Objects.Formatting;
using Assert = NUnit.Framework.Assert;
using Is = NUnit.Framework.Is;

namespace StacklessIron.Tests;

/// <summary>
/// The parser, construct by construct, against CPython 3.11's ast.parse: the same
/// ast.dump(include_attributes=True) for accepted snippets; the same error class, message,
/// line and offset for rejected ones. CPython's answers come from one batched run of
/// python3.11 for all snippets.
/// </summary>
public class ParserTests
{
    // ------------------------------------------------------------------ snippets

    static readonly string[] Statements =
    {
        "x = 1", "x = y = 2", "a, b = c", "[a, *b] = c", "(a, b), c = d", "x += 1", "a.b **= 2", "a[1] //= 3",
        "x: int = 3", "x: int", "(x): int", "a.b: int", "a[0]: int = 1", "x = yield 1", "x = *a, b",
        "del a, b[1], c.d", "del (a, b), [c]", "del (a)", "pass", "break\ncontinue",
        "import a.b as c, d", "from . import x", "from ...a import (b as c, d,)", "from a import *", "from .... import x",
        "global a, b", "nonlocal x", "assert x, 'm'", "raise", "raise E from F", "return", "return *a, b", "yield", "yield from x",
        "x = 1;", "x = 1; y = 2\n", "if x: a; b", "print(1)\n\n\n", "\n\n# comment only\n", "",
        "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass", "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass",
        "while x:\n    pass\nelse:\n    pass", "for a, b in c:\n    pass\nelse:\n    pass", "for x in *a, b: pass",
        "for x, in y: pass", "for [a, b] in c: pass",
        "with a as b, c as (d, e): pass", "with (a as b, c): pass", "with (a, b): pass", "with (a, b) as c: pass", "with a: pass",
        "with (\n    open(x) as f,\n    open(y) as g,\n):\n    pass\n",
        "try:\n    pass\nexcept E as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass",
        "try:\n    pass\nfinally:\n    pass", "try:\n    pass\nexcept* E:\n    pass\nexcept* (F, G) as g:\n    pass",
        "class C: pass", "class C(): pass", "class C(B, metaclass=M, *a, **k): pass", "@d\nclass C(B): pass",
        "if x:\n    if y:\n        pass\n    else:\n        pass\n",
        "def f():\n    '''doc'''\n    return 1\n",
        "x = 1 \\\n    + 2\n",
    };

    static readonly string[] Functions =
    {
        "def f(): pass", "def f(a, b=1, *args, c, d=2, **kw): pass", "def f(a, /, b): pass", "def f(a=1, /, b=2, *, c): pass",
        "def f(a, /): pass", "def f(*, a): pass", "def f(*a: *b): pass", "def f(a: int = 1, *b: str, c: 'x', **d: float) -> None: pass",
        "def f(a,): pass", "def f(**k,): pass", "def f(a, b=1, /, c=2): pass",
        "async def f():\n    await x\n    async for a in b: pass\n    async with c as d: pass\n    return [i async for i in y]",
        "@dec\n@dec2(1)\ndef f(): pass", "@a.b.c\n@(yield)\n@x[0]\nasync def f(): pass", "@x := y\ndef f(): pass",
        "lambda: 0", "lambda a, *b, c=1, **d: a", "lambda a, /, b: 0", "lambda *, a: a", "lambda a=1, /: a", "lambda *a: a",
        "lambda: (yield)", "f = lambda x: lambda y: x + y",
    };

    static readonly string[] Expressions =
    {
        "x if y else z", "a or b or c", "a and b", "a and b or c and d", "not a", "not not a", "a < b <= c != d", "a is not b", "a not in b", "a in b is c",
        "a | b ^ c & d << e >> f + g - h * i / j // k % l @ m", "-a ** -b", "~a", "+a", "a ** b ** c", "await x", "await x ** 2",
        "a.b.c", "a[1]", "a[1:2]", "a[1:2, 3]", "a[::2]", "a[:]", "a[1:2:3]", "a[*b]", "a[b, *c]", "a[b:=1]", "a[()]", "a[1,]",
        "f(a, *b, c=1, **d)", "f(x for x in y)", "f(a)(b)[c].d", "f(*a, *b, **c, **d)", "f(a, x=1, *b)", "f(x=1, *b, **c)", "f(**a, b=1)",
        "f()", "f(a,)", "f((x for x in y), 1)",
        "(1, 2)", "()", "(1,)", "[1, 2]", "[]", "{1: 2, **a}", "{}", "{1, 2}", "{*a}", "{**a, 'b': 1}", "[*a, *b]",
        "[x for x in y if z]", "{x for x in y}", "{a: b for a, b in c}", "(x for x in y for z in w)", "[x async for x in y]",
        "[x for x in y if a if b]", "[(x, y) for x, y in z]", "[x := 1 for y in z]",
        "x := 1", "(x := 1)", "f(x := 1)", "[y := 2, y ** 2]", "print(*a)", "a if b else (c if d else e)",
        "(yield)", "(yield x)", "x = (yield from y)", "((a))", "(((a, b)))", "(a)(b)", "(a).b", "-(1)", "(-1) ** 2",
        "...", "True", "False", "None", "a.True" /* invalid */,
        "x = (\n  1,\n  2)\n", "f(a,\n  b)\n", "a = [\n1]\n# c\n", "(a\n .b\n .c())\n",
    };

    static readonly string[] Literals =
    {
        "1", "0", "00", "1_000", "0x1F", "0XdeadBEEF", "0o17", "0b101", "0B1_0", "10000000000000000000000000", "1.5e10", "1e400", ".5", "5.", "1_0.0_1e+1_0",
        "1j", "1.5J", "1e3j", "1 + 2j", "0.1", "1e-400", "123456789012345678901234567890.5",
        "'a' 'b'", "b'a' b'b'", "u'x'", "U'x'", "u'a' 'b'", "'a' u'b'", "r'\\n'", "R'a\\'b'", "'''tri\nple'''", "\"\"\"a\"b\"\"\"",
        "'\\x41\\u00e9\\U0001F600\\N{EM DASH}'", "b'\\xff\\n'", "'\\\n'", "'\\q'", "'é' 'ü'", "x = 'é' + 'ü'",
    };

    static readonly string[] FStrings =
    {
        "f'{x}'", "f'a{x!r:>{w}}b'", "f'{x=}'", "f'{ x = }'", "f'{x=!s}'", "f'{x=:>10}'", "f'{x!a}'", "f'{x:}'", "f'{x:{y}a}'",
        "f'{{}}{a}}}'", "f'{a}' 'b' f'{c}'", "'a' f'{b}' 'c'", "u'a' f'{b}'", "F'{x}'", "rf'{x}\\n'", "fr'\\{x}'",
        "f'{a[\"k\"]}'", "f\"{a['k']}\"", "f'{(lambda: 1)()}'", "f'{x:{y}.{z}f}'", "f'{*a, b}'", "f'{yield}'", "f'{a if b else c}'",
        "f'{3.14:!<10.10}'", "f'{x!r}' f'{y!s}'", "f''", "f'' ''", "'' f''", "f'{x}' b''"/* error */,
        "x = f'''abc\n  {y}'''", "x = f'''abc {\n  y}'''", "x = f'''{a +\nb}'''", "x = 'é' + f'{y}'", "x = ('a'\n  f'{y}')",
        "f'{x!r:>{w}}' 'tail'", "f'\\N{EM DASH}{x}'", "f'{a}{b}{c}'", "f'{a:{b}{c}}'", "f'{\"a\" \"b\"}'", "f'{x,}'",
        "f'{x:=1}'", "f'{(x:=1)}'", "f'{x!r=}'", "f'{a b}'", "f'{}'", "f'{ }'", "f'{!r}'", "f'{x!z}'", "f'{x!}'", "f'}'", "f'{'",
        "f'{a:{b:{c}}}'", "f'{a)}'", "f'{(a]}'", "f'{#}'", "f'{a\\n}'", "f'{a!r }'", "f'{*a}'", "f'{x:{y!r}}'", "f'{a!rr}'",
        "x = 1\nf'{a b}'\n", "f'{lambda x: 1}'", "f'{a:b:c}'", "f'{\"\"\"a\"\"\"}'",
    };

    static readonly string[] Match =
    {
        "match x:\n    case 1:\n        pass\n    case [a, *b]:\n        pass\n    case {'k': v, **r}:\n        pass\n    case C(a, b=c):\n        pass\n    case A.B | -1 | 1+2j:\n        pass\n    case _:\n        pass\n    case (a as b):\n        pass\n    case None:\n        pass",
        "match x, y:\n    case (1, 2): pass", "match *a, b:\n    case [*_]: pass", "match x:\n    case {}: pass\n    case {**r}: pass\n    case {1: a, 'b': c, d.e: f}: pass",
        "match x:\n    case C(): pass\n    case a.b.C(x, y,): pass\n    case C(a=1, b=2,): pass", "match x:\n    case [1, 2] | (3, 4) if y > 0: pass",
        "match x:\n    case -1.5 - 2j: pass\n    case 'a' 'b': pass\n    case b'x': pass\n    case True | False: pass", "match x:\n    case (): pass\n    case []: pass\n    case (a,): pass",
        "match x:\n    case a if a: pass", "match (x):\n    case _: pass", "match(x)", "match = 1", "match.a = 2", "match[1]", "case = 2", "_ = 3", "print(match, case, _)",
        "match x:\n    case 1 + 1: pass", "match x:\n    case a as _: pass", "match x:\n    case a as 1: pass", "match x:\n    case C(a=1, b): pass",
        "match x:\n    case {**r, 'a': 1}: pass", "match x:\n    case 1j + 2: pass", "match x:\n    case f(): pass", "match x:\n    case *a: pass",
        "match x\n    case 1: pass", "match x:\ncase 1: pass", "match x:\n    case 1\n        pass", "match x:\n    case 1:\n    pass",
    };

    static readonly string[] Errors =
    {
        "f() = 1", "a + 1 = 2", "None = 1", "(a, b()) = 1", "[a, 1] = 2", "a, *b, *c = d", "*a = b", "del f()", "del 1", "del (a, 1)", "del *a",
        "x += 1, 2", "(a, b) += 1", "f() += 1", "a, b: int", "[a]: int", "(a): int = 1", "f(): int", "x = yield = 1",
        "def f(a=1, b): pass", "def f(a, a): pass", "def f(*): pass", "def f(*, **k): pass", "def f(*a=1): pass", "def f(**k=1): pass",
        "def f(**k, a): pass", "def f(**k, *a): pass", "def f(/, a): pass", "def f(a, /, b, /): pass", "def f(*, a, /): pass", "def f(a=1, /, *, b, /): pass",
        "def f(a, *, /): pass", "def f(a, b=): pass", "def f((a, b)): pass", "lambda a=1, b: 0", "lambda (a): 0", "lambda *: 0", "lambda *a=1: 0",
        "f(a=1, b)", "f(**k, b)", "f(x for x in y, 1)", "f(1, x for x in y)", "f(a, b for b in c if d)", "f(a=1 for x in y)",
        "f(True=1)", "f(a.b=1)", "f(a, b=1, c)", "f(*a=1)", "(*a)", "(**a)", "x = *a", "print *a", "print 1", "exec 'x'",
        "a b", "x = 1 +", "(a\nb = 2\n", "if x\n  pass", "if x:\npass", "while x\n  pass", "for x in y\n  pass", "for 1 in x: pass",
        "for f() in x: pass", "for x in range(10):\npass", "with a as 1: pass", "with a as f(): pass", "with a\n  pass", "with (a, b)\n  pass",
        "class C\n  pass", "class C:\npass", "def f()\n  pass", "def f():\npass", "try:\npass", "try:\n  pass\n", "try:\n  pass\nx = 1",
        "try:\n  pass\nexcept A, B:\n  pass\n", "try:\n  pass\nexcept:\npass", "try:\n  pass\nexcept\n  pass", "try:\n  pass\nexcept *:\n  pass",
        "try:\n  pass\nexcept A:\n  pass\nexcept* B:\n  pass", "try:\n  pass\nexcept* A:\n  pass\nexcept B:\n  pass", "try:\n  pass\nfinally:\npass",
        "if x:\n  pass\nelse:\npass", "if x:\n  pass\nelif y:\npass", "if x:\n  pass\nelif y\n  pass",
        "{1: *a, 2: 3}", "x = {1:2, 3}", "{1:}", "{1: 2, 3:}", "{**a for a in b}", "[*a for a in b]", "[a, b for a, b in c]", "{a, b for a in c}", "[a, for a in b]",
        "x = 1 if y", "x = a if b else", "1 if 2 else 3 = 4", "(x for x in y) = 1", "[x for x in y] = 1", "{} = 1", "{a} = 1", "... = 1", "a < b = 1",
        "a.b.c = 1 = 2 = f() = 3", "lambda: 1 = 1", "not a = 1", "-a = 1", "await a = 1", "yield = 1", "f'{x}' = 1", "'a' = 1", "1 = x", "True = 1",
        "x := 1 := 2", "(a.b := 1)", "(a[0] := 1)", "((a, b) := 1)", "def f(x := 1): pass", "[i := 0 for i in range(5)]"/* ok for ast.parse */,
        "import a.b as c.d", "from a import b,", "from a import (b", "from a import ()", "import", "from import a", "from a import b as",
        "x = 1\n  y = 2", "if x:\n    a\n  b", "  x = 1", "if x:\n\ta\n        b", "def f(:\n  pass", "f(", "f(a", "[1, 2", "{a: b", "(", ")", "]", "}",
        "a = (1,\n     2\nb = 3", "x = (\n", "'abc", "'''abc", "f'abc", "b'\\u1234' 'x'", "'a' b'b'", "1_", "0x", "1e", "0b2", "09", "1__0",
        "print(1)\nprint 2", "a b c", "f(a b)", "[a b]", "{a b}", "(a b)", "x = a b", "a.b c", "return return", "def def(): pass", "class class: pass",
        "x = 1 2", "if x = 1: pass", "while x = 1: pass", "assert x = 1", "f(x y=1)", "a = b = c d", "nonlocal", "global", "del", "raise from x",
        "@\ndef f(): pass", "@f\nx = 1", "async x = 1", "async def f(): await", "await", "a[]", "a[1:2:3:4]", "f(**)", "f(*)", "x.1", "x.(y)", "1.__class__",
        "\\", "x = \\\n", "a @= ", "x ==== y", "x <> y", "x !== y", "a = ! b", "a = $", "a = `b`", "a = ?",
        "'\\N{nope}'", "b'\\N{DASH}'", "'\\x4'", "'\\U0011ffff'",
        "t = (\n    'a'\n    else\\x02'\n", "t = (\n  a b\n  c\\d\n", "t = [\n1,\n  2 3\n\tif x:\n", "f(a,\n  b c)\n  x = 1\n", "(a\nb\n",
    };

    static readonly string[] EvalSources = { "1 + 2", "a, b", "x if y else z", "lambda: 1", "(yield)", "f(x)\n\n", "a b", "x = 1", "", "*a, b", "1,", "[\n1,\n2]" };
    static readonly string[] SingleSources = { "x = 1", "if x:\n    pass\n\n", "1 + 2\n", "x = 1; y = 2", "x = 1\ny = 2", "\n", "# c\n", "def f():\n    pass\n\n", "a b" };

    // ------------------------------------------------------------------ oracle

    sealed record Expected(bool Ok, string? Dump, string? Kind, string? Msg, int Lineno, int Offset);

    static Dictionary<(string, string), Expected>? s_expected;

    const string OracleScript = @"
import ast, json, sys
for line in sys.stdin:
    item = json.loads(line)
    src = item['src'].encode('utf-8', 'surrogatepass')
    try:
        t = ast.parse(src, mode=item['mode'])
        out = {'ok': True, 'dump': ast.dump(t, include_attributes=True)}
    except SyntaxError as e:
        out = {'ok': False, 'kind': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno or 0, 'offset': e.offset or 0}
    except (MemoryError, RecursionError, ValueError) as e:
        out = {'ok': False, 'kind': type(e).__name__, 'msg': str(e), 'lineno': 0, 'offset': 0}
    print(json.dumps(out))
";

    static IEnumerable<(string src, string mode)> AllCases()
    {
        foreach (var s in Statements.Concat(Functions).Concat(Expressions).Concat(Literals).Concat(FStrings).Concat(Match).Concat(Errors))
            yield return (s, "exec");
        foreach (var s in EvalSources) yield return (s, "eval");
        foreach (var s in SingleSources) yield return (s, "single");
        foreach (var s in TestSyntaxSnippets()) yield return (s, "exec");
    }

    static Dictionary<(string, string), Expected> ExpectedResults()
    {
        if (s_expected != null) return s_expected;
        var cases = AllCases().Distinct().ToList();
        var input = string.Join("\n", cases.Select(c => JsonSerializer.Serialize(new { src = c.src, mode = c.mode }))) + "\n";
        var r = Oracle.Run(OracleScript, Array.Empty<string>(), input);
        if (r.ExitCode != 0) Assert.Fail("oracle failed: " + r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Length, Is.EqualTo(cases.Count));
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var d = new Dictionary<(string, string), Expected>();
        for (int i = 0; i < cases.Count; i++) d[cases[i]] = JsonSerializer.Deserialize<Expected>(lines[i], options)!;
        return s_expected = d;
    }

    /// <summary>The doctest sources of Lib/test/test_syntax.py: hundreds of rejected snippets with CPython's messages.</summary>
    static List<string> TestSyntaxSnippets()
    {
        const string path = "/usr/lib/python3.11/test/test_syntax.py";
        if (!File.Exists(path)) return new List<string>();
        var result = new List<string>();
        var cur = new StringBuilder();
        bool inExample = false;
        foreach (var raw in File.ReadAllLines(path))
        {
            string line = raw.TrimStart();
            if (line.StartsWith(">>> ")) { Flush(); cur.Append(line[4..]).Append('\n'); inExample = true; }
            else if (inExample && (line.StartsWith("... ") || line == "...")) cur.Append(line.Length > 4 ? line[4..] : "").Append('\n');
            else Flush();
        }
        Flush();
        return result.Distinct().ToList();

        void Flush()
        {
            if (inExample && cur.Length > 0) result.Add(cur.ToString());
            cur.Clear();
            inExample = false;
        }
    }

    static string Ours(string src, string mode, out PythonSyntaxError? error)
    {
        error = null;
        byte[] bytes = Encoding.UTF8.GetBytes(src);
        try
        {
            Node n = mode switch
            {
                "eval" => PythonParser.ParseExpression(bytes),
                "single" => PythonParser.ParseInteractive(bytes),
                _ => PythonParser.ParseModule(bytes),
            };
            return AstDump.Dump(n, includeAttributes: true);
        }
        catch (PythonSyntaxError e)
        {
            error = e;
            return "";
        }
    }

    static void Check(string src, string mode, bool checkOffset)
    {
        var exp = ExpectedResults()[(src, mode)];
        string dump = Ours(src, mode, out var err);
        if (exp.Ok)
        {
            Assert.That(err, Is.Null, $"CPython accepts {Repr.Str(src)} but ours raised {err?.Kind}: {err?.Msg} line {err?.Lineno}");
            Assert.That(dump, Is.EqualTo(exp.Dump), $"dump differs for {Repr.Str(src)}");
        }
        else
        {
            Assert.That(err, Is.Not.Null, $"CPython rejects {Repr.Str(src)} ({exp.Kind}: {exp.Msg}) but ours accepts it");
            string ours = $"{err!.Kind}: {err.Msg} line {err.Lineno}" + (checkOffset ? $" offset {err.Offset}" : "");
            string theirs = $"{exp.Kind}: {exp.Msg} line {exp.Lineno}" + (checkOffset ? $" offset {exp.Offset}" : "");
            Assert.That(ours, Is.EqualTo(theirs), Repr.Str(src));
        }
    }

    static IEnumerable<TestCaseData> Cases(string[] sources, string mode, string group)
        => sources.Select((s, i) => new TestCaseData(s, mode).SetName($"{group}_{i:D3}"));

    static IEnumerable<TestCaseData> StatementCases() => Cases(Statements, "exec", "Stmt");
    static IEnumerable<TestCaseData> FunctionCases() => Cases(Functions, "exec", "Func");
    static IEnumerable<TestCaseData> ExpressionCases() => Cases(Expressions, "exec", "Expr");
    static IEnumerable<TestCaseData> LiteralCases() => Cases(Literals, "exec", "Lit");
    static IEnumerable<TestCaseData> FStringCases() => Cases(FStrings, "exec", "FStr");
    static IEnumerable<TestCaseData> MatchCases() => Cases(Match, "exec", "Match");
    static IEnumerable<TestCaseData> ErrorCases() => Cases(Errors, "exec", "Err");
    static IEnumerable<TestCaseData> EvalCases() => Cases(EvalSources, "eval", "Eval");
    static IEnumerable<TestCaseData> SingleCases() => Cases(SingleSources, "single", "Single");

    [TestCaseSource(nameof(StatementCases))] public void Statement(string src, string mode) => Check(src, mode, true);
    [TestCaseSource(nameof(FunctionCases))] public void Function(string src, string mode) => Check(src, mode, true);
    [TestCaseSource(nameof(ExpressionCases))] public void Expression(string src, string mode) => Check(src, mode, true);
    [TestCaseSource(nameof(LiteralCases))] public void Literal(string src, string mode) => Check(src, mode, true);
    [TestCaseSource(nameof(FStringCases))] public void FString(string src, string mode) => Check(src, mode, true);
    [TestCaseSource(nameof(MatchCases))] public void MatchStatement(string src, string mode) => Check(src, mode, true);
    [TestCaseSource(nameof(ErrorCases))] public void Error(string src, string mode) => Check(src, mode, true);
    [TestCaseSource(nameof(EvalCases))] public void EvalMode(string src, string mode) => Check(src, mode, true);
    [TestCaseSource(nameof(SingleCases))] public void SingleMode(string src, string mode) => Check(src, mode, true);

    /// <summary>All of test_syntax.py's doctests: same verdict, class, message and line as CPython.</summary>
    [Test]
    public void TestSyntaxDoctests()
    {
        var failures = new List<string>();
        var snippets = TestSyntaxSnippets();
        Assert.That(snippets.Count, Is.GreaterThan(300));
        foreach (var s in snippets)
        {
            try { Check(s, "exec", false); }
            catch (AssertionException e) { failures.Add(e.Message.Split('\n')[0] + " " + Repr.Str(s)); }
        }
        Assert.That(failures, Is.Empty, $"{failures.Count}/{snippets.Count} differ:\n" + string.Join("\n", failures.Take(30)));
    }

    // ------------------------------------------------------------------ values and limits

    [Test]
    public void ConstantValuesHaveTheAgreedTypes()
    {
        var body = PythonParser.ParseModule("1\n1.5\n2j\n'a'\nb'b'\nNone\nTrue\n...\n10**100\n99999999999999999999\n0xff\n").body;
        object? V(int i) => ((Constant)((Expr)body[i]).value).value;
        Assert.That(V(0), Is.EqualTo(new BigInteger(1)));
        Assert.That(V(1), Is.EqualTo(1.5));
        Assert.That(V(2), Is.EqualTo(new Complex(0, 2)));
        Assert.That(V(3), Is.EqualTo("a"));
        Assert.That(V(4), Is.EqualTo(new byte[] { (byte)'b' }));
        Assert.That(V(5), Is.Null);
        Assert.That(V(6), Is.EqualTo(true));
        Assert.That(V(7), Is.SameAs(EllipsisConstant.Value));
        Assert.That(V(9), Is.EqualTo(BigInteger.Parse("99999999999999999999")));
        Assert.That(V(10), Is.EqualTo(new BigInteger(255)));
        Assert.That(((Constant)((Expr)PythonParser.ParseModule("u'x'").body[0]).value).kind, Is.EqualTo("u"));
    }

    static PythonSyntaxError? ErrorOf(string src)
    {
        try { PythonParser.ParseModule(src); return null; }
        catch (PythonSyntaxError e) { return e; }
    }

    [Test]
    public void DeepNestingIsACleanErrorNotACrash()
    {
        // CPython 3.11: the tokenizer refuses 200 nested brackets; the parser gives up with
        // MemoryError past 6000 nested rules; ast.parse refuses trees deeper than 3000.
        Assert.That(ErrorOf(new string('(', 300) + new string(')', 300))!.Msg, Is.EqualTo("too many nested parentheses"));
        Assert.That(ErrorOf(new string('(', 199) + new string(')', 199)), Is.Null);
        Assert.That(ErrorOf(new string('-', 100000) + "x")!.Kind, Is.EqualTo("MemoryError"));
        Assert.That(ErrorOf(string.Concat(Enumerable.Repeat("not ", 100000)) + "x")!.Kind, Is.EqualTo("MemoryError"));
        Assert.That(ErrorOf(string.Concat(Enumerable.Repeat("lambda:", 10000)) + "x")!.Kind, Is.EqualTo("MemoryError"));
        Assert.That(ErrorOf("a" + string.Concat(Enumerable.Repeat(".a", 100000)))!.Kind, Is.EqualTo("RecursionError"));
        Assert.That(ErrorOf("x" + string.Concat(Enumerable.Repeat("[0]", 50000)))!.Kind, Is.EqualTo("RecursionError"));
        Assert.That(ErrorOf(string.Concat(Enumerable.Repeat("x if x else ", 5000)) + "x")!.Kind, Is.EqualTo("RecursionError"));
        Assert.That(ErrorOf(new string('-', 2000) + "x"), Is.Null);
        // The MemoryError thresholds of CPython 3.11's parser (MAXSTACK 6000).
        Assert.That(ErrorOf(new string('-', 5969) + "x")!.Kind, Is.EqualTo("RecursionError"));
        Assert.That(ErrorOf(new string('-', 5970) + "x")!.Kind, Is.EqualTo("MemoryError"));
        Assert.That(ErrorOf(string.Concat(Enumerable.Repeat("lambda:", 2984)) + "x"), Is.Null);
        Assert.That(ErrorOf(string.Concat(Enumerable.Repeat("lambda:", 2985)) + "x")!.Kind, Is.EqualTo("MemoryError"));
        Assert.That(ErrorOf("2" + string.Concat(Enumerable.Repeat("**2", 2985)))!.Kind, Is.EqualTo("MemoryError"));
        Assert.That(ErrorOf("if x:\n  y = " + new string('-', 5962) + "x\n")!.Kind, Is.EqualTo("MemoryError"));
        Assert.That(ErrorOf(new string('-', 3000) + "x")!.Kind, Is.EqualTo("RecursionError"));
    }

    [Test]
    public void ParsesOnASmallStackThread()
    {
        // Deep (but legal) nesting on a thread with a small stack: the parser moves to a big-stack
        // thread instead of overflowing.
        string src = "x = " + new string('[', 190) + new string(']', 190) + "\n" + new string('-', 2500) + "1\n";
        Module? m = null; Exception? err = null;
        var t = new Thread(() => { try { m = PythonParser.ParseModule(src); } catch (Exception e) { err = e; } }, 256 * 1024);
        t.Start(); t.Join();
        Assert.That(err, Is.Null, err?.ToString());
        Assert.That(m!.body.Count, Is.EqualTo(2));
    }

    [Test]
    public void DecoratedDefStartsAtDefAndCallSpansParens()
    {
        var m = PythonParser.ParseModule("@d\ndef f(): pass\nf(x for x in y)\n");
        var f = (FunctionDef)m.body[0];
        Assert.That((f.lineno, f.col_offset), Is.EqualTo((2, 0)));
        var call = (Call)((Expr)m.body[1]).value;
        var g = (GeneratorExp)call.args[0];
        Assert.That((g.col_offset, g.end_col_offset, call.end_col_offset), Is.EqualTo((1, 15, 15)));
    }

    [Test]
    public void SyntaxErrorCarriesTextAndCharacterOffset()
    {
        var e = ErrorOf("x = 'é' + (1 2)\n")!;
        Assert.That(e.Msg, Is.EqualTo("invalid syntax. Perhaps you forgot a comma?"));
        Assert.That(e.Text, Is.EqualTo("x = 'é' + (1 2)\n"));
        Assert.That(e.Offset, Is.EqualTo(12));
    }
}
