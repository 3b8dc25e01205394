using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace StacklessIron.Tests;

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut);

/// <summary>Runs a program to completion with a time limit, capturing both streams.</summary>
public static class ProcessRunner
{
    public static ProcessResult Run(string file, IEnumerable<string> args, string? workDir = null,
                                    int timeoutMs = 60_000, string? stdin = null)
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

    /// <summary>Runs the StacklessIron host (the built assembly) with the given arguments.</summary>
    public static ProcessResult RunOurs(IEnumerable<string> args, string? workDir = null, int timeoutMs = 60_000, string? stdin = null)
    {
        var all = new List<string> { RepoPaths.HostDll };
        all.AddRange(args);
        return Run("dotnet", all, workDir, timeoutMs, stdin);
    }
}
