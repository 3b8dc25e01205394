using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>
/// Runs many cases through python3.11 in one process and returns its answers, so tests can
/// compare the engine's algorithms with CPython itself. Fields travel as hex code points
/// (lone surrogates survive), doubles as their 64 bits; each answer is the result text or
/// "!ExceptionType: message".
/// </summary>
public static class FormattingOracle
{
    public const string Python = "/usr/bin/python3.11";

    private const string Prelude = @"
import sys, struct, math
def D(s): return ''.join(chr(int(x, 16)) for x in s.split('.')) if s else ''
def E(s): return '.'.join('%x' % ord(c) for c in s)
def F(s): return struct.unpack('<d', int(s).to_bytes(8, 'little', signed=True))[0]
";

    /// <summary>Encodes a .NET string field (code points, a lone surrogate as itself).</summary>
    public static string Enc(string s)
    {
        var parts = new List<string>();
        for (int i = 0; i < s.Length;)
        {
            int cp;
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i += 2;
            }
            else cp = s[i++];
            parts.Add(cp.ToString("x"));
        }
        return string.Join(".", parts);
    }

    public static string Dec(string s)
    {
        if (s.Length == 0) return "";
        var sb = new StringBuilder();
        foreach (string p in s.Split('.'))
        {
            int cp = Convert.ToInt32(p, 16);
            if (cp < 0x10000) sb.Append((char)cp); else sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString();
    }

    public static string EncDouble(double d) => BitConverter.DoubleToInt64Bits(d).ToString();

    /// <summary>
    /// For each case (a list of already encoded fields), evaluates <paramref name="body"/>:
    /// Python statements with `a` = the list of fields, ending by assigning the answer text to
    /// `r`. Returns CPython's answers in order.
    /// </summary>
    public static string[] Run(string body, IReadOnlyList<string[]> cases)
    {
        string dir = Path.Combine(Path.GetTempPath(), "si-fmt-oracle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string input = Path.Combine(dir, "in.txt"), output = Path.Combine(dir, "out.txt"), script = Path.Combine(dir, "t.py");
            File.WriteAllLines(input, cases.Select(c => string.Join("\t", c)));
            var indented = string.Join("\n", body.Replace("\r", "").Split('\n').Select(l => "        " + l));
            File.WriteAllText(script, Prelude + $@"
out = []
for line in open({Quote(input)}).read().split('\n')[:{cases.Count}]:
    a = line.split('\t')
    try:
{indented}
    except Exception as e:
        r = '!%s: %s' % (type(e).__name__, e)
    out.append(E(r))
open({Quote(output)}, 'w').write('\n'.join(out))
");
            var psi = new ProcessStartInfo(Python, script)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            psi.Environment["PYTHONIOENCODING"] = "utf-8";
            using var p = Process.Start(psi)!;
            string err = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.That(p.ExitCode, Is.EqualTo(0), "python3.11 failed: " + err);
            string text = File.ReadAllText(output);
            var lines = text.Length == 0 && cases.Count == 0 ? Array.Empty<string>() : text.Split('\n');
            Assert.That(lines.Length, Is.EqualTo(cases.Count), "oracle answer count");
            return lines.Select(Dec).ToArray();
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static string Quote(string path) => "'" + path.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    /// <summary>Runs <paramref name="mine"/> turning FormatError into the oracle's
    /// "!Type: message" form.</summary>
    public static string Capture(Func<string> mine)
    {
        try { return mine(); }
        catch (StacklessIron.Objects.Formatting.FormatError e)
        {
            return "!" + e.PyType + ": " + (e.PyType == "KeyError" && e.Key is string k ? "'" + k + "'" : e.Message);
        }
    }

    /// <summary>Compares answers; reports up to 20 differences with their inputs.</summary>
    public static void AssertSame(IReadOnlyList<string[]> cases, string[] expected, string[] actual, Func<string[], string> describe)
    {
        var failures = new List<string>();
        int count = 0;
        for (int i = 0; i < cases.Count; i++)
        {
            if (expected[i] == actual[i]) continue;
            count++;
            if (failures.Count < 20)
                failures.Add($"{describe(cases[i])}: python {Show(expected[i])} ours {Show(actual[i])}");
        }
        Assert.That(count, Is.EqualTo(0), $"{count} of {cases.Count} differ:\n" + string.Join("\n", failures));
    }

    private static string Show(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            if (c >= 0x20 && c < 0x7F) sb.Append(c);
            else sb.Append("\\u").Append(((int)c).ToString("x4"));
        }
        return sb.Append('"').ToString();
    }
}
