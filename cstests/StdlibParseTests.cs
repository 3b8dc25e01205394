using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NUnit.Framework;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
using Assert = NUnit.Framework.Assert;
using Is = NUnit.Framework.Is;

namespace StacklessIron.Tests;

/// <summary>
/// The parser against CPython 3.11 over every .py file of its standard library and test suite:
/// the same ast.dump (with positions) for each file CPython accepts, the same SyntaxError class and
/// line for each file it rejects. tools/ast_oracle.py gives CPython's side (cached).
/// </summary>
public class StdlibParseTests
{
    public const string StdlibRoot = "/usr/lib/python3.11";

    /// <summary>What our parser made of one source.</summary>
    public sealed record Outcome(bool Ok, string? Sha256, string? Kind, int Lineno, string? Message, string? Crash);

    /// <summary>Parses with our parser and classifies the result; never throws.
    /// With hash, an accepted source is dumped (with attributes) and hashed as the oracle does.</summary>
    public static Outcome Ours(byte[] source, bool hash)
    {
        try
        {
            Module m = PythonParser.ParseModule(source, "<unknown>");
            if (!hash) return new Outcome(true, null, null, 0, null, null);
            return new Outcome(true, Sha256Hex(AstDump.Dump(m, includeAttributes: true)), null, 0, null, null);
        }
        catch (PythonSyntaxError e)
        {
            return new Outcome(false, null, e.Kind, e.Lineno, e.Msg, null);
        }
        catch (Exception e)
        {
            // Type, message and the throwing frame: enough to tell crash sites apart.
            string frame = e.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "";
            return new Outcome(false, null, null, 0, null, $"{e.GetType().Name}: {e.Message} {frame}");
        }
    }

    /// <summary>sha256 of the UTF-8 encoding of s, lone surrogates encoded as themselves
    /// (Python's 'surrogatepass'), as tools/ast_oracle.py hashes CPython's dump.</summary>
    public static string Sha256Hex(string s) => Convert.ToHexStringLower(SHA256.HashData(Utf8SurrogatePass(s)));

    public static byte[] Utf8SurrogatePass(string s)
    {
        var bytes = new List<byte>(s.Length + 16);
        for (int i = 0; i < s.Length; i++)
        {
            int c = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                c = char.ConvertToUtf32(s[i], s[++i]);
            if (c < 0x80) bytes.Add((byte)c);
            else if (c < 0x800) { bytes.Add((byte)(0xC0 | c >> 6)); bytes.Add((byte)(0x80 | c & 0x3F)); }
            else if (c < 0x10000)
            {
                bytes.Add((byte)(0xE0 | c >> 12)); bytes.Add((byte)(0x80 | c >> 6 & 0x3F)); bytes.Add((byte)(0x80 | c & 0x3F));
            }
            else
            {
                bytes.Add((byte)(0xF0 | c >> 18)); bytes.Add((byte)(0x80 | c >> 12 & 0x3F));
                bytes.Add((byte)(0x80 | c >> 6 & 0x3F)); bytes.Add((byte)(0x80 | c & 0x3F));
            }
        }
        return bytes.ToArray();
    }

    /// <summary>Every .py file under root, sorted by relative path (ordinal), as the oracle lists them.</summary>
    public static List<string> PythonFiles(string root)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                // os.walk does not descend into symlinked folders; neither do we.
                if (new DirectoryInfo(sub).LinkTarget == null) pending.Push(sub);
            }
            files.AddRange(Directory.EnumerateFiles(dir, "*.py").Where(f => f.EndsWith(".py", StringComparison.Ordinal)));
        }
        files.Sort((a, b) => string.CompareOrdinal(Path.GetRelativePath(root, a), Path.GetRelativePath(root, b)));
        return files;
    }

    sealed record OracleRecord(string Path, bool Ok, string? Sha256, string? Kind, int? Lineno, string? Msg,
                               [property: JsonPropertyName("utf16_ambiguous")] bool Utf16Ambiguous);

    static List<OracleRecord> OracleHashes(string root)
    {
        string tool = Path.Combine(Oracle.RepoRoot, "tools", "ast_oracle.py");
        var r = Oracle.Run(null, new[] { "hashes", root }, scriptPath: tool, timeoutSeconds: 600);
        if (r.ExitCode != 0) Assert.Fail($"ast_oracle.py hashes failed:\n{r.Stderr}");
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonSerializer.Deserialize<OracleRecord>(l, options)!).ToList();
    }

    [Test]
    public void EveryStdlibFileParsesAsCPythonParsesIt()
    {
        if (!Directory.Exists(StdlibRoot)) Assert.Fail($"{StdlibRoot} is missing: run setup-env.sh");
        var clock = Stopwatch.StartNew();
        var oracle = OracleHashes(StdlibRoot);
        double oracleSeconds = clock.Elapsed.TotalSeconds;

        // Same file list on both sides: nothing may be skipped silently.
        var ours = PythonFiles(StdlibRoot).Select(f => Path.GetRelativePath(StdlibRoot, f)).ToList();
        var theirs = oracle.Select(o => o.Path).ToList();
        Assert.That(ours, Is.EqualTo(theirs), "the file lists of the test and of tools/ast_oracle.py differ");
        Assert.That(ours.Count, Is.GreaterThan(1000), "too few files: is libpython3.11-testsuite installed?");

        clock.Restart();
        var (results, states) = GuardedRunner.Run(oracle,
            o => Ours(File.ReadAllBytes(Path.Combine(StdlibRoot, o.Path)), hash: o.Ok),
            TimeSpan.FromSeconds(30), workers: 2);
        double oursSeconds = clock.Elapsed.TotalSeconds;

        int identical = 0, rejectedAgreeing = 0;
        var differing = new List<string>();      // CPython accepts, our dump differs
        var wrongVerdict = new List<string>();   // accepted by one side only, or rejected differently
        var broken = new List<string>();         // crash or hang
        // Differing only because a str constant holds a surrogate pair of code points, which a
        // .NET string cannot keep apart from the astral code point (the oracle detects these):
        // reported, not counted as failures, until Python str gets a representation that can.
        var utf16Ambiguous = new List<string>();
        for (int i = 0; i < oracle.Count; i++)
        {
            var o = oracle[i];
            if (states[i] == GuardedRunner.State.TimedOut) { broken.Add($"{o.Path}: no result within 30 s (hang?)"); continue; }
            var us = results[i]!;
            if (us.Crash != null) { broken.Add($"{o.Path}: {us.Crash}"); continue; }
            if (o.Ok)
            {
                if (!us.Ok) wrongVerdict.Add($"{o.Path}: CPython accepts; ours {us.Kind} line {us.Lineno}: {us.Message}");
                else if (us.Sha256 == o.Sha256) identical++;
                else if (o.Utf16Ambiguous) utf16Ambiguous.Add(o.Path);
                else differing.Add(o.Path);
            }
            else if (us.Ok)
                wrongVerdict.Add($"{o.Path}: CPython {o.Kind} line {o.Lineno}: {o.Msg}; ours accepts");
            else if (us.Kind == o.Kind && us.Lineno == o.Lineno)
                rejectedAgreeing++;
            else
                wrongVerdict.Add($"{o.Path}: CPython {o.Kind} line {o.Lineno}: {o.Msg}; ours {us.Kind} line {us.Lineno}: {us.Message}");
        }

        var report = new StringBuilder();
        report.AppendLine($"stdlib parse: files={oracle.Count} accepted_by_cpython={oracle.Count(o => o.Ok)} identical={identical} " +
                          $"differing={differing.Count} utf16_ambiguous={utf16Ambiguous.Count} rejected_agreeing={rejectedAgreeing} wrong_verdict={wrongVerdict.Count} " +
                          $"crash_or_hang={broken.Count} (oracle {oracleSeconds:F1} s, ours {oursSeconds:F1} s)");
        foreach (var line in broken.Take(15)) report.AppendLine("  crash/hang " + line);
        foreach (var line in wrongVerdict.Take(15)) report.AppendLine("  verdict    " + line);
        foreach (var path in utf16Ambiguous) report.AppendLine("  utf16-ambiguous str (not counted) " + path);
        foreach (var path in differing.Take(5)) report.AppendLine("  dump       " + path + ": " + FirstDifference(path));
        foreach (var path in differing.Skip(5).Take(20)) report.AppendLine("  dump       " + path);
        TestContext.Out.WriteLine(report.ToString());
        Assert.That(differing.Count + wrongVerdict.Count + broken.Count, Is.Zero, report.ToString());
    }

    /// <summary>Where our dump of a file first differs from CPython's (full dump from the oracle).</summary>
    public static string FirstDifference(string relativePath)
    {
        string path = Path.Combine(StdlibRoot, relativePath);
        var r = Oracle.Run(null, new[] { "dump", path }, scriptPath: Path.Combine(Oracle.RepoRoot, "tools", "ast_oracle.py"));
        string theirs = r.Stdout.TrimEnd('\n');
        string mine;
        try { mine = AstDump.Dump(PythonParser.ParseModule(File.ReadAllBytes(path), "<unknown>"), true); }
        catch (Exception e) { return "ours now fails: " + e.Message; }
        int k = 0;
        while (k < mine.Length && k < theirs.Length && mine[k] == theirs[k]) k++;
        int from = Math.Max(0, k - 80);
        string Slice(string s) => k >= s.Length && from >= s.Length ? "<end>" : s.Substring(from, Math.Min(s.Length - from, 200));
        return $"first difference at char {k} (lengths ours {mine.Length}, CPython {theirs.Length})\n" +
               $"      ours:    ...{Slice(mine)}\n      CPython: ...{Slice(theirs)}";
    }
}
