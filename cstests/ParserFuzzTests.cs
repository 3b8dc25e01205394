using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using NUnit.Framework;
using StacklessIron.Objects.Formatting;

namespace StacklessIron.Tests;

/// <summary>
/// Mutated windows of stdlib code (fixed seed): our parser must accept exactly what CPython 3.11's
/// ast.parse accepts, with the same ast.dump, reject the rest with PythonSyntaxError, and never
/// crash or hang. How often the error line (and class) also agree is printed, not asserted.
/// </summary>
public class ParserFuzzTests
{
    const int Seed = 3110;
    const int MutantCount = 12_000;

    /// <summary>Tokens to insert or substitute: the punctuation and keywords that steer the grammar.</summary>
    static readonly string[] Vocabulary =
    {
        "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "=", ":=", "==", "->", "*", "**", "/", "//",
        "@", "|", "&", "~", "-", "+", "<", ">", "!=", "+=", "lambda", "yield", "await", "async", "def", "class",
        "if", "elif", "else", "for", "while", "in", "not", "is", "and", "or", "return", "import", "from", "as",
        "with", "try", "except", "except*", "finally", "raise", "global", "nonlocal", "del", "pass", "break",
        "continue", "match", "case", "_", "None", "True", "False", "print", "x", "0", "1.5", "0x1f", "1_000",
        "1j", "'s'", "\"s\"", "f'{x}'", "f\"{", "b'", "r'\\'", "'''", "\"\"\"", "#", "\\", "\n", "    ", "\t",
        " ", "\f", "\r", "\\\n", "print x", "exec", "`", "$", "?", "!", "0777", "1__0", "1e", "0b2", "é", "€",
        "\u00a0", "\ufeff", "\U0001F600", "\u0000",
    };

    static readonly Regex TokenPattern = new(
        @"[A-Za-z_][A-Za-z_0-9]*|\d[\d_]*(\.\d*)?([eEjJ][-+]?\d*)?|[ \t]+|\r?\n|""""""|'''|\*\*=?|//=?|<<=?|>>=?|->|:=|[-+*/%@&|^<>=!]=|[\s\S]",
        RegexOptions.Compiled);

    /// <summary>Builds the mutants: a window of 1..30 lines of a random stdlib file, dedented, then
    /// 0..3 token- or character-level edits. Edits work on whole code points (never half a pair).</summary>
    public static List<string> MakeMutants(int count, int seed)
    {
        var rng = new Random(seed);
        var files = StdlibParseTests.PythonFiles(StdlibParseTests.StdlibRoot);
        var strict = new UTF8Encoding(false, true);
        var cache = new Dictionary<string, string[]?>();
        var mutants = new List<string>(count);
        while (mutants.Count < count)
        {
            string file = files[rng.Next(files.Count)];
            if (!cache.TryGetValue(file, out var lines))
            {
                try { lines = strict.GetString(File.ReadAllBytes(file)).Split('\n'); }
                catch (DecoderFallbackException) { lines = null; }   // not UTF-8: not a snippet source
                cache[file] = lines;
            }
            if (lines == null || lines.Length == 0) continue;
            int start = rng.Next(lines.Length);
            int len = Math.Min(rng.Next(1, 31), lines.Length - start);
            var window = lines.Skip(start).Take(len).ToList();
            string first = window.FirstOrDefault(l => l.Trim().Length > 0) ?? "";
            string indent = first[..(first.Length - first.TrimStart(' ', '\t').Length)];
            if (indent.Length > 0)
                window = window.Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l).ToList();
            string text = string.Join("\n", window) + "\n";
            int edits = rng.Next(10) == 0 ? 0 : rng.Next(1, 4);
            for (int e = 0; e < edits; e++) text = Mutate(text, rng);
            mutants.Add(text);
        }
        return mutants;
    }

    static string Mutate(string text, Random rng)
    {
        int op = rng.Next(9);
        if (op < 5)
        {
            var tokens = TokenPattern.Matches(text).Select(m => m.Value).ToList();
            if (tokens.Count == 0) return Vocabulary[rng.Next(Vocabulary.Length)];
            int i = rng.Next(tokens.Count);
            switch (op)
            {
                case 0: tokens.RemoveAt(i); break;
                case 1: tokens.Insert(i, tokens[i]); break;
                case 2: if (i + 1 < tokens.Count) (tokens[i], tokens[i + 1]) = (tokens[i + 1], tokens[i]); break;
                case 3: tokens.Insert(i, Vocabulary[rng.Next(Vocabulary.Length)]); break;
                default: tokens[i] = Vocabulary[rng.Next(Vocabulary.Length)]; break;
            }
            return string.Concat(tokens);
        }
        var cps = new List<string>();
        foreach (var rune in text.EnumerateRunes()) cps.Add(rune.ToString());
        if (cps.Count == 0) return text + Vocabulary[rng.Next(Vocabulary.Length)];
        int k = rng.Next(cps.Count);
        switch (op)
        {
            case 5: cps.RemoveAt(k); break;
            case 6: cps.Insert(k, cps[k]); break;
            case 7: if (k + 1 < cps.Count) (cps[k], cps[k + 1]) = (cps[k + 1], cps[k]); break;
            default:
                const string chars = "()[]{}:;,.'\"\\#@=+-*/%<>!&|^~ \t\n\r\fxX09_jbBfFrRuU\u00e9\u20ac\u00a0\ufeff";
                cps.Insert(k, chars[rng.Next(chars.Length)].ToString());
                break;
        }
        return string.Concat(cps);
    }

    public sealed record Verdict(bool Ok, string? Kind, int? Lineno, int? Offset, string? Msg, string? Sha256,
                                 [property: JsonPropertyName("utf16_ambiguous")] bool Utf16Ambiguous);

    static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    static List<Verdict> CPythonVerdicts(List<string> sources)
    {
        string input = Path.GetTempFileName(), output = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(input, sources.Select(s => JsonSerializer.Serialize(s)), new UTF8Encoding(false));
            var r = Oracle.Run(null, new[] { "verdicts", input, output },
                               scriptPath: Path.Combine(Oracle.RepoRoot, "tools", "ast_oracle.py"));
            if (r.ExitCode != 0) Assert.Fail($"ast_oracle.py verdicts failed:\n{r.Stderr}");
            var verdicts = File.ReadAllLines(output).Select(l => JsonSerializer.Deserialize<Verdict>(l, JsonOptions)!).ToList();
            Assert.That(verdicts.Count, Is.EqualTo(sources.Count));
            return verdicts;
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    static bool IsSyntaxErrorKind(string? kind) => kind is "SyntaxError" or "IndentationError" or "TabError";

    [Test]
    public void MutatedStdlibSnippetsGetCPythonsVerdict()
    {
        var clock = Stopwatch.StartNew();
        var mutants = MakeMutants(MutantCount, Seed);
        var python = CPythonVerdicts(mutants);
        double pythonSeconds = clock.Elapsed.TotalSeconds;
        var sources = mutants.Select(m => Encoding.UTF8.GetBytes(m)).ToList();
        CompareWithCPython("parser fuzz", sources, python, pythonSeconds);
    }

    /// <summary>Every str constant and doctest example of CPython's own syntax tests (test_syntax,
    /// test_grammar, test_exceptions, test_fstring ... see SNIPPET_SOURCES in tools/ast_oracle.py):
    /// the cases CPython's developers wrote down, valid and invalid, with the same demands as the fuzz.</summary>
    [Test]
    public void CPythonTestSuiteSnippetsGetCPythonsVerdict()
    {
        var clock = Stopwatch.StartNew();
        var snippets = CPythonSnippets();
        CompareWithCPython("cpython test snippets", snippets.Select(s => s.source).ToList(),
                           snippets.Select(s => s.verdict).ToList(), clock.Elapsed.TotalSeconds);
    }

    /// <summary>The same snippets of CPython's syntax tests, each mutated twice (1..2 edits, fixed seed):
    /// inputs close to the error rules those tests aim at.</summary>
    [Test]
    public void MutatedCPythonTestSuiteSnippetsGetCPythonsVerdict()
    {
        var clock = Stopwatch.StartNew();
        var snippets = CPythonSnippets().Select(s => Encoding.UTF8.GetString(s.source)).ToList();
        var rng = new Random(Seed + 1);
        var mutants = new List<string>();
        foreach (var snippet in snippets)
            for (int k = 0; k < 2; k++)
            {
                string text = snippet;
                int edits = rng.Next(1, 3);
                for (int e = 0; e < edits; e++) text = Mutate(text, rng);
                mutants.Add(text);
            }
        var python = CPythonVerdicts(mutants);
        CompareWithCPython("mutated cpython test snippets", mutants.Select(m => Encoding.UTF8.GetBytes(m)).ToList(),
                           python, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The snippets of tools/ast_oracle.py `snippets`, with CPython's verdicts.</summary>
    static List<(byte[] source, Verdict verdict)> CPythonSnippets()
    {
        string output = Path.GetTempFileName();
        try
        {
            var r = Oracle.Run(null, new[] { "snippets", StdlibParseTests.StdlibRoot, output },
                               scriptPath: Path.Combine(Oracle.RepoRoot, "tools", "ast_oracle.py"));
            if (r.ExitCode != 0) Assert.Fail($"ast_oracle.py snippets failed:\n{r.Stderr}");
            var result = new List<(byte[], Verdict)>();
            foreach (var line in File.ReadAllLines(output))
            {
                using var doc = JsonDocument.Parse(line);
                result.Add((Convert.FromHexString(doc.RootElement.GetProperty("hex").GetString()!),
                            doc.RootElement.Deserialize<Verdict>(JsonOptions)!));
            }
            Assert.That(result.Count, Is.GreaterThan(3000), "too few snippets: is libpython3.11-testsuite installed?");
            return result;
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Runs our parser on every source (5 s limit each) and holds it to CPython's verdicts:
    /// asserted are no hang, no crash, the same accept/reject verdict, and for accepted sources the
    /// same ast.dump; printed are the rates at which the error's line, class, offset and message agree.</summary>
    static void CompareWithCPython(string title, List<byte[]> sources, List<Verdict> python, double pythonSeconds)
    {
        var clock = Stopwatch.StartNew();
        var (ours, states) = GuardedRunner.Run(Enumerable.Range(0, sources.Count).ToList(),
            i => StdlibParseTests.Ours(sources[i], hash: python[i].Ok), TimeSpan.FromSeconds(5), workers: 2);
        double oursSeconds = clock.Elapsed.TotalSeconds;

        int accepted = 0, rejected = 0, lineAgrees = 0, kindAgrees = 0, offsetAgrees = 0, msgAgrees = 0, otherErrors = 0;
        var otherKinds = new SortedDictionary<string, int>();
        foreach (var v in python.Where(v => !v.Ok && !IsSyntaxErrorKind(v.Kind)))
        {
            otherErrors++;
            otherKinds[v.Kind!] = otherKinds.GetValueOrDefault(v.Kind!) + 1;
        }
        // Failures by category; for crashes, one line per distinct crash site with its shortest source.
        var hangs = new List<string>();
        var crashes = new Dictionary<string, (int count, int shortest)>();
        var oursRejects = new List<string>();   // CPython accepts, ours rejects
        var oursAccepts = new List<string>();   // CPython rejects, ours accepts
        var treeDiffers = new List<string>();   // both accept, ast.dump differs
        var lineDiffers = new List<string>();   // both reject, at different lines (reported, not asserted)
        var msgDiffers = new List<string>();    // both reject at the same line, other message (reported)
        int sameTree = 0, utf16Ambiguous = 0;   // (a str that UTF-16 cannot hold apart: see StdlibParseTests)
        for (int i = 0; i < sources.Count; i++)
        {
            var p = python[i];
            if (p.Ok) accepted++; else rejected++;
            string Show()
            {
                string text = Encoding.UTF8.GetString(sources[i]);
                return Repr.Str(text.Length > 400 ? text[..400] + "..." : text);
            }
            if (states[i] == GuardedRunner.State.TimedOut) { hangs.Add($"#{i}: no result within 5 s {Show()}"); continue; }
            var us = ours[i]!;
            if (us.Crash != null)
            {
                (int count, int shortest) prev = crashes.TryGetValue(us.Crash, out var found) ? found : (0, i);
                crashes[us.Crash] = (prev.count + 1, sources[i].Length < sources[prev.shortest].Length ? i : prev.shortest);
                continue;
            }
            if (p.Ok)
            {
                if (!us.Ok) oursRejects.Add($"#{i}: ours {us.Kind} line {us.Lineno}: {us.Message} {Show()}");
                else if (us.Sha256 == p.Sha256) sameTree++;
                else if (p.Utf16Ambiguous) utf16Ambiguous++;
                else treeDiffers.Add($"#{i}: {Show()}");
                continue;
            }
            if (!IsSyntaxErrorKind(p.Kind))
            {
                // CPython 3.11 rejects some input without a SyntaxError (ValueError for NUL bytes,
                // MemoryError or RecursionError past its parser's limits); ours must reject it too,
                // with a PythonSyntaxError (CPython 3.12 made these SyntaxErrors).
                if (us.Ok) oursAccepts.Add($"#{i}: CPython {p.Kind}: {p.Msg} {Show()}");
                continue;
            }
            if (us.Ok) { oursAccepts.Add($"#{i}: CPython {p.Kind} line {p.Lineno}: {p.Msg} {Show()}"); continue; }
            if (us.Kind == p.Kind) kindAgrees++;
            if (us.Lineno != p.Lineno)
            {
                lineDiffers.Add($"#{i}: CPython {p.Kind} line {p.Lineno}: {p.Msg} | ours {us.Kind} line {us.Lineno}: {us.Message} {Show()}");
                continue;
            }
            lineAgrees++;
            if (us.Offset == p.Offset) offsetAgrees++;
            if (us.Message == p.Msg) msgAgrees++;
            else msgDiffers.Add($"#{i}: line {p.Lineno} CPython {p.Kind}: {p.Msg} | ours {us.Kind}: {us.Message} {Show()}");
        }
        int syntaxRejected = rejected - otherErrors;
        int crashCount = crashes.Values.Sum(c => c.count);
        string summary =
            $"{title}: sources={sources.Count} cpython_accepts={accepted} cpython_rejects={rejected} " +
            $"(non-SyntaxError: {string.Join(", ", otherKinds.Select(kv => kv.Key + "=" + kv.Value))}) " +
            $"hangs={hangs.Count} crashes={crashCount} (sites={crashes.Count}) only_cpython_accepts={oursRejects.Count} " +
            $"only_ours_accepts={oursAccepts.Count} same_tree={sameTree} tree_differs={treeDiffers.Count} utf16_ambiguous={utf16Ambiguous} " +
            $"error_line_agrees={Percent(lineAgrees, syntaxRejected)} error_class_agrees={Percent(kindAgrees, syntaxRejected)} " +
            $"offset_agrees={Percent(offsetAgrees, syntaxRejected)} message_agrees={Percent(msgAgrees, syntaxRejected)} " +
            $"(cpython {pythonSeconds:F1} s, ours {oursSeconds:F1} s)";
        var report = new StringBuilder(summary).Append('\n');
        foreach (var h in hangs.Take(5)) report.Append("  hang   ").AppendLine(h);
        foreach (var c in crashes.OrderByDescending(c => c.Value.count).Take(10))
        {
            string text = Encoding.UTF8.GetString(sources[c.Value.shortest]);
            if (text.Length > 600) text = text[..600] + "...";
            report.Append($"  crash  x{c.Value.count} {c.Key}\n         shortest #{c.Value.shortest}: ").AppendLine(Repr.Str(text));
        }
        foreach (var f in oursRejects.Take(10)) report.Append("  only CPython accepts ").AppendLine(f);
        foreach (var f in oursAccepts.Take(10)) report.Append("  only ours accepts    ").AppendLine(f);
        foreach (var f in treeDiffers.Take(10)) report.Append("  tree differs         ").AppendLine(f);
        foreach (var f in lineDiffers.Take(10)) report.Append("  (line differs)       ").AppendLine(f);
        foreach (var f in msgDiffers.Take(10)) report.Append("  (message differs)    ").AppendLine(f);
        TestContext.Out.WriteLine(report.ToString());
        Assert.That(hangs.Count + crashCount + oursRejects.Count + oursAccepts.Count + treeDiffers.Count, Is.Zero, report.ToString());
    }

    static string Percent(int part, int whole) => whole == 0 ? "n/a" : $"{100.0 * part / whole:F1}% ({part}/{whole})";

    [Test]
    public void MutantsAreDeterministicAndVaried()
    {
        var a = MakeMutants(200, Seed);
        var b = MakeMutants(200, Seed);
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.Distinct().Count(), Is.GreaterThan(150));
        Assert.That(a.Count(m => m.Contains('\n')), Is.GreaterThan(150));
    }
}
