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

    sealed record Verdict(bool Ok, string? Kind, int? Lineno, string? Msg, string? Sha256,
                          [property: JsonPropertyName("utf16_ambiguous")] bool Utf16Ambiguous);

    static List<Verdict> CPythonVerdicts(List<string> sources)
    {
        string input = Path.GetTempFileName(), output = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(input, sources.Select(s => JsonSerializer.Serialize(s)), new UTF8Encoding(false));
            var r = Oracle.Run(null, new[] { "verdicts", input, output },
                               scriptPath: Path.Combine(Oracle.RepoRoot, "tools", "ast_oracle.py"));
            if (r.ExitCode != 0) Assert.Fail($"ast_oracle.py verdicts failed:\n{r.Stderr}");
            var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
            var verdicts = File.ReadAllLines(output).Select(l => JsonSerializer.Deserialize<Verdict>(l, options)!).ToList();
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
        clock.Restart();
        var (ours, states) = GuardedRunner.Run(Enumerable.Range(0, mutants.Count).ToList(),
            i => StdlibParseTests.Ours(Encoding.UTF8.GetBytes(mutants[i]), hash: python[i].Ok), TimeSpan.FromSeconds(5), workers: 2);
        double oursSeconds = clock.Elapsed.TotalSeconds;

        int accepted = 0, rejected = 0, lineAgrees = 0, kindAgrees = 0, otherErrors = 0;
        var otherKinds = new SortedDictionary<string, int>();
        foreach (var v in python.Where(v => !v.Ok && !IsSyntaxErrorKind(v.Kind)))
        {
            otherErrors++;
            otherKinds[v.Kind!] = otherKinds.GetValueOrDefault(v.Kind!) + 1;
        }
        // Failures by category; for crashes, one line per distinct crash site with its shortest mutant.
        var hangs = new List<string>();
        var crashes = new Dictionary<string, (int count, int shortest)>();
        var oursRejects = new List<string>();   // CPython accepts, ours rejects
        var oursAccepts = new List<string>();   // CPython rejects, ours accepts
        var lineDiffers = new List<string>();   // both reject, at different lines (reported, not asserted)
        var treeDiffers = new List<string>();   // both accept, ast.dump differs
        int sameTree = 0, utf16Ambiguous = 0;   // (a str that UTF-16 cannot hold apart: see StdlibParseTests)
        for (int i = 0; i < mutants.Count; i++)
        {
            var p = python[i];
            if (p.Ok) accepted++; else rejected++;
            string Show() => Repr.Str(mutants[i].Length > 400 ? mutants[i][..400] + "..." : mutants[i]);
            if (states[i] == GuardedRunner.State.TimedOut) { hangs.Add($"#{i}: no result within 5 s {Show()}"); continue; }
            var us = ours[i]!;
            if (us.Crash != null)
            {
                (int count, int shortest) prev = crashes.TryGetValue(us.Crash, out var found) ? found : (0, i);
                crashes[us.Crash] = (prev.count + 1, mutants[i].Length < mutants[prev.shortest].Length ? i : prev.shortest);
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
            if (us.Lineno == p.Lineno) lineAgrees++;
            else lineDiffers.Add($"#{i}: CPython {p.Kind} line {p.Lineno}: {p.Msg} | ours {us.Kind} line {us.Lineno}: {us.Message} {Show()}");
            if (us.Kind == p.Kind) kindAgrees++;
        }
        int syntaxRejected = rejected - otherErrors;
        int crashCount = crashes.Values.Sum(c => c.count);
        string summary =
            $"parser fuzz: mutants={mutants.Count} cpython_accepts={accepted} cpython_rejects={rejected} " +
            $"(non-SyntaxError: {string.Join(", ", otherKinds.Select(kv => kv.Key + "=" + kv.Value))}) " +
            $"hangs={hangs.Count} crashes={crashCount} (sites={crashes.Count}) only_cpython_accepts={oursRejects.Count} " +
            $"only_ours_accepts={oursAccepts.Count} same_tree={sameTree} tree_differs={treeDiffers.Count} utf16_ambiguous={utf16Ambiguous} " +
            $"error_line_agrees={Percent(lineAgrees, syntaxRejected)} error_class_agrees={Percent(kindAgrees, syntaxRejected)} " +
            $"(cpython {pythonSeconds:F1} s, ours {oursSeconds:F1} s)";
        var report = new StringBuilder(summary).Append('\n');
        foreach (var h in hangs.Take(5)) report.Append("  hang   ").AppendLine(h);
        foreach (var c in crashes.OrderByDescending(c => c.Value.count).Take(10))
            report.Append($"  crash  x{c.Value.count} {c.Key}\n         shortest #{c.Value.shortest}: ")
                  .AppendLine(Repr.Str(mutants[c.Value.shortest]));
        foreach (var f in oursRejects.Take(10)) report.Append("  only CPython accepts ").AppendLine(f);
        foreach (var f in oursAccepts.Take(10)) report.Append("  only ours accepts    ").AppendLine(f);
        foreach (var f in treeDiffers.Take(10)) report.Append("  tree differs         ").AppendLine(f);
        foreach (var f in lineDiffers.Take(10)) report.Append("  (line differs)       ").AppendLine(f);
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
