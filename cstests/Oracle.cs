using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>
/// Runs CPython 3.11, the reference the engine is compared with. Scripts run isolated
/// (-I: no user site, no PYTHON* variables) in UTF-8 mode, so output is the same on every machine.
/// </summary>
public static class Oracle
{
    public const string PythonPath = "/usr/bin/python3.11";

    /// <summary>The python3.11 executable, or a test failure saying how to get it.</summary>
    public static string Python
    {
        get
        {
            if (!File.Exists(PythonPath))
                Assert.Fail($"the oracle {PythonPath} is missing: run setup-env.sh (apt-get install python3.11 libpython3.11-stdlib libpython3.11-testsuite)");
            return PythonPath;
        }
    }

    /// <summary>The repository root (the folder holding StacklessIron.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "StacklessIron.sln"))) return dir.FullName;
            throw new InvalidOperationException("StacklessIron.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs `python3.11 -I -X utf8 -c script args...` (or a script file when scriptPath is set),
    /// feeding stdin, and waits at most timeoutSeconds.</summary>
    public static Result Run(string? script, IEnumerable<string> args, string? stdin = null,
                             int timeoutSeconds = 300, string? scriptPath = null)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add("-I");
        psi.ArgumentList.Add("-X");
        psi.ArgumentList.Add("utf8");
        if (scriptPath != null) psi.ArgumentList.Add(scriptPath);
        else { psi.ArgumentList.Add("-c"); psi.ArgumentList.Add(script ?? ""); }
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + Python);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using (var input = new StreamWriter(p.StandardInput.BaseStream, new UTF8Encoding(false)))
            input.Write(stdin ?? "");
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"python3.11 did not finish within {timeoutSeconds} s");
        }
        p.WaitForExit();
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a script that must succeed; returns its stdout.</summary>
    public static string RunOk(string script, string? stdin = null, params string[] args)
    {
        var r = Run(script, args, stdin);
        if (r.ExitCode != 0)
            Assert.Fail($"python3.11 failed (exit {r.ExitCode}):\n{r.Stderr}");
        return r.Stdout;
    }

    /// <summary>Runs a script that reads one input line per case from stdin and prints one output
    /// line per case; returns the output lines (checked to be as many as the inputs).</summary>
    public static string[] RunLines(string script, IReadOnlyList<string> inputLines)
    {
        string output = RunOk(script, string.Join("\n", inputLines) + "\n");
        var lines = output.Split('\n');
        int n = lines.Length;
        if (n > 0 && lines[n - 1] == "") n--;
        if (n != inputLines.Count)
            Assert.Fail($"python3.11 printed {n} lines for {inputLines.Count} inputs");
        return lines[..n];
    }
}
