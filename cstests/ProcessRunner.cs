using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace StacklessIron.Tests;

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut);

/// <summary>Runs a program to completion with a time limit, capturing both streams.</summary>
public static class ProcessRunner
{
    public static ProcessResult Run(string file, IEnumerable<string> args, string? workDir = null,
                                    int timeoutMs = 60_000, string? stdin = null, IReadOnlyDictionary<string, string?>? env = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workDir ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PYTHONHASHSEED"] = "0";
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        if (env != null)
            foreach (var (k, v) in env)
                if (v == null) psi.Environment.Remove(k); else psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        Task<string> so = p.StandardOutput.ReadToEndAsync(), se = p.StandardError.ReadToEndAsync();
        if (stdin != null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        bool done = p.WaitForExit(timeoutMs);
        if (!done)
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.WaitForExit();
        }
        return new ProcessResult(done ? p.ExitCode : -1, so.Result, se.Result, !done);
    }

    /// <summary>Runs the StacklessIron host (the built assembly) with the given arguments.
    /// Its compiled-module cache is on, in a folder of this test run shared by all its engine
    /// processes (many run at once: the cache must stay consistent under that) and removed
    /// when the run ends.</summary>
    public static ProcessResult RunOurs(IEnumerable<string> args, string? workDir = null, int timeoutMs = 60_000, string? stdin = null)
    {
        var all = new List<string> { RepoPaths.HostDll };
        all.AddRange(args);
        return Run("dotnet", all, workDir, timeoutMs, stdin, CacheEnvironment.Value);
    }

    static readonly Lazy<IReadOnlyDictionary<string, string?>> CacheEnvironment = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), $"stackless-iron-test-cache-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return new Dictionary<string, string?> { ["PYTHONDONTWRITEBYTECODE"] = null, ["PYTHONPYCACHEPREFIX"] = dir };
    });
}
