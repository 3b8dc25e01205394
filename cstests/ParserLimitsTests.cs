using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>
/// Deep nesting around and far beyond CPython 3.11's limits (200 nested brackets, 100 indentation
/// levels, about 3,000 levels of AST): each source is parsed by the host (`stackless-iron --dump-ast`)
/// in its own process with the ordinary stack, so a stack overflow shows up as a crash of that
/// process, not of the test run. Ours must give CPython's verdict (and dump), and never crash or hang.
/// </summary>
public class ParserLimitsTests
{
    static Dictionary<string, string> Cases()
    {
        var gens = new Dictionary<string, Func<int, string>>
        {
            ["neg"] = n => new string('-', n) + "x",
            ["not"] = n => Repeat("not ", n) + "x",
            ["lambda"] = n => Repeat("lambda:", n) + "x",
            ["attr"] = n => "x" + Repeat(".y", n),
            ["call"] = n => "f" + Repeat("()", n),
            ["plus"] = n => string.Join("+", Enumerable.Repeat("x", n)),
            ["pow"] = n => string.Join("**", Enumerable.Repeat("x", n)),
            ["ifexp"] = n => Repeat("x if y else ", n) + "z",
            ["subscript"] = n => "x" + Repeat("[0]", n),
            ["elif"] = n => "if x: pass\n" + Repeat("elif x: pass\n", n),
        };
        var cases = new Dictionary<string, string>();
        // Below and above CPython's AST depth limit. That limit (about 2,990 levels) shrinks with the
        // depth of the Python stack that calls ast.parse, so levels within ~100 of it are left out.
        foreach (var (name, gen) in gens)
            foreach (int n in new[] { 1000, 2900, 3100, 100_000 })
                cases[$"{name}{n}"] = gen(n);
        foreach (int n in new[] { 199, 200, 201, 100_000 })
        {
            cases[$"paren{n}"] = new string('(', n) + new string(')', n);
            cases[$"list{n}"] = "x = " + new string('[', n) + new string(']', n);
            cases[$"dict{n}"] = Repeat("{1:", n) + "1" + new string('}', n);
            cases[$"unclosed{n}"] = new string('(', n);
        }
        foreach (int n in new[] { 99, 100, 101, 1000 })
        {
            var sb = new StringBuilder();
            for (int i = 0; i < n; i++) sb.Append(' ', i).Append("if x:\n");
            cases[$"indent{n}"] = sb.Append(' ', n).Append("pass\n").ToString();
        }
        cases["chain100000"] = "x" + Repeat(" < x", 100_000);
        cases["deco10000"] = Repeat("@d\n", 10_000) + "def f(): pass\n";
        cases["with10000"] = "with " + string.Join(", ", Enumerable.Repeat("a", 10_000)) + ": pass\n";
        cases["fstring_nested"] = "f'{f\"{f'''{x}'''}\"}'";
        cases["fstring_deep"] = "f'{" + Repeat("(", 198) + "x" + Repeat(")", 198) + "}'";
        cases["lines100000"] = Repeat("x = 1\n", 100_000);
        return cases;
    }

    static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    sealed record HostResult(int ExitCode, string Stdout, string Stderr, bool TimedOut);

    static HostResult RunHost(string file)
    {
        string config = AppContext.BaseDirectory.Contains("/bin/Debug/") ? "Debug" : "Release";
        string dll = Path.Combine(Oracle.RepoRoot, "src", "Host", "bin", config, "net10.0", "stackless-iron.dll");
        if (!File.Exists(dll)) Assert.Fail($"{dll} is missing: build the solution first");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--dump-ast");
        psi.ArgumentList.Add(file);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            return new HostResult(-1, "", "", true);
        }
        p.WaitForExit();
        return new HostResult(p.ExitCode, stdout.Result, stderr.Result, false);
    }

    [Test]
    public void DeepNestingGetsCPythonsVerdictWithoutCrashing()
    {
        var cases = Cases().ToList();
        string dir = Path.Combine(Path.GetTempPath(), "si-limits-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        string input = Path.Combine(dir, "in.jsonl"), output = Path.Combine(dir, "out.jsonl");
        try
        {
            File.WriteAllLines(input, cases.Select(c => JsonSerializer.Serialize(c.Value)));
            var r = Oracle.Run(null, new[] { "verdicts", input, output },
                               scriptPath: Path.Combine(Oracle.RepoRoot, "tools", "ast_oracle.py"));
            if (r.ExitCode != 0) Assert.Fail($"ast_oracle.py verdicts failed:\n{r.Stderr}");
            var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
            var python = File.ReadAllLines(output).Select(l => JsonSerializer.Deserialize<ParserFuzzTests.Verdict>(l, options)!).ToList();

            var results = new HostResult[cases.Count];
            Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                string file = Path.Combine(dir, cases[i].Key + ".py");
                File.WriteAllText(file, cases[i].Value);
                results[i] = RunHost(file);
            });

            var failures = new List<string>();
            var table = new StringBuilder();
            for (int i = 0; i < cases.Count; i++)
            {
                var p = python[i];
                var us = results[i];
                string theirs = p.Ok ? "ok" : $"{p.Kind} line {p.Lineno}: {p.Msg}";
                string ours;
                if (us.TimedOut) ours = "HANG (60 s)";
                else if (us.ExitCode == 0) ours = "ok";
                else
                {
                    // A clean rejection is a Python traceback ending in "SomeError: message"
                    // (SyntaxError and its subclasses, or MemoryError/RecursionError as CPython 3.11 gives).
                    string last = us.Stderr.TrimEnd('\n').Split('\n').LastOrDefault() ?? "";
                    bool clean = us.ExitCode == 1 && us.Stderr.StartsWith("Traceback (most recent call last):")
                                 && System.Text.RegularExpressions.Regex.IsMatch(last, @"^[A-Za-z]*Error: ");
                    ours = clean ? last : $"CRASH exit {us.ExitCode}: {string.Join(" | ", us.Stderr.Split('\n').Take(3))}";
                }
                table.AppendLine($"  {cases[i].Key,-18} CPython {theirs,-75} ours {ours}");
                if (ours.StartsWith("HANG") || ours.StartsWith("CRASH")) failures.Add($"{cases[i].Key}: {ours}");
                else if (p.Ok != (ours == "ok")) failures.Add($"{cases[i].Key}: CPython {theirs}; ours {ours}");
                else if (p.Ok && StdlibParseTests.Sha256Hex(us.Stdout.TrimEnd('\n')) != p.Sha256)
                    failures.Add($"{cases[i].Key}: both accept, dumps differ");
            }
            TestContext.Out.WriteLine($"parser limits: cases={cases.Count} failures={failures.Count}\n{table}");
            Assert.That(failures, Is.Empty, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
