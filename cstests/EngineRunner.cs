using System;
using System.Diagnostics;
using System.IO;
using StacklessIron.Objects;
using StacklessIron.Runtime;

namespace StacklessIron.Tests;

/// <summary>Runs Python source on a fresh engine in-process, capturing stdout and stderr;
/// and runs the same source under CPython 3.11 (the oracle) when it is installed.</summary>
public static class EngineRunner
{
    const string CPython = Oracle.PythonPath;

    public static (int code, string stdout, string stderr) Run(string source, string filename = "<test>", string[]? path = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var engine = new PythonEngine(stdout, stderr, new StringReader(""));
        var sysPath = new PyList();
        foreach (var p in path ?? Array.Empty<string>()) sysPath.Append(new PyStr(p));
        sysPath.Append(new PyStr("/usr/lib/python3.11"));
        engine.Sys.Set("path", sysPath);
        int code = engine.RunMain(ts =>
        {
            var main = engine.CreateMain(filename == "<test>" ? null : filename);
            var co = (PyCode)engine.CompileSource(ts, source, filename, Compiling.CompileMode.Exec, 0);
            return Interpreter.RunModuleCode(ts, co, main.Namespace);
        });
        engine.FlushStreams();
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static bool HasCPython => File.Exists(CPython);

    public static (int code, string stdout, string stderr) RunCPython(string source)
    {
        var psi = new ProcessStartInfo(CPython, "-c \"exec(open(0).read())\"")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.ArgumentList.Clear();
        psi.ArgumentList.Add("-");
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(source);
        p.StandardInput.Close();
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, o.Result, e.Result);
    }
}
