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
        // Both interpreters cache compiled modules, in one temporary folder of this test run
        // (so they see the same sys.flags.dont_write_bytecode, and CPython writes nothing
        // next to the sources). Many of our engine's processes run at once and share its
        // cache: the cache must stay consistent under that.
        psi.Environment.Remove("PYTHONDONTWRITEBYTECODE");
        psi.Environment["PYTHONPYCACHEPREFIX"] = CacheDir.Value;
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

    /// <summary>The cache folder of this test run, removed when it ends (the test host does not
    /// always get to its exit handlers: the folders of runs whose process is gone go too).</summary>
    static readonly Lazy<string> CacheDir = new(() =>
    {
        const string Prefix = "stackless-iron-test-cache-";
        foreach (var old in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var rest = Path.GetFileName(old)[Prefix.Length..];
            int dash = rest.IndexOf('-');
            if (dash > 0 && int.TryParse(rest[..dash], out int pid) && !Directory.Exists("/proc/" + pid))
                try { Directory.Delete(old, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        var dir = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return dir;
    });
}
