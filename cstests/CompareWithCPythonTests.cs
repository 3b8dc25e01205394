using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>
/// Every program in pytests/compare/ runs under our engine and under CPython 3.11;
/// stdout and the exit status must be identical. One NUnit case per file.
/// A program may read a file `NAME.stdin` beside it as its standard input.
/// </summary>
[TestFixture]
public class CompareWithCPythonTests
{
    public static IEnumerable<TestCaseData> Programs()
    {
        var dir = Path.Combine(Oracle.RepoRoot, "pytests", "compare");
        if (!Directory.Exists(dir)) yield break;
        foreach (var f in Directory.GetFiles(dir, "*.py").OrderBy(f => f, System.StringComparer.Ordinal))
            yield return new TestCaseData(Path.GetFileName(f)).SetName("compare_" + Path.GetFileNameWithoutExtension(f));
    }

    [TestCaseSource(nameof(Programs))]
    public void SameOutputAsCPython(string name)
    {
        var dir = Path.Combine(Oracle.RepoRoot, "pytests", "compare");
        var stdinFile = Path.Combine(dir, Path.ChangeExtension(name, ".stdin"));
        string? stdin = File.Exists(stdinFile) ? File.ReadAllText(stdinFile) : null;
        var theirs = ProcessRunner.Run(Oracle.Python, new[] { name }, dir, 60_000, stdin);
        var ours = ProcessRunner.RunOurs(new[] { name }, dir, 60_000, stdin);
        Assert.That(ours.TimedOut, Is.False, "our engine timed out");
        Assert.That(ours.Stdout, Is.EqualTo(theirs.Stdout), "stdout differs; our stderr:\n" + ours.Stderr);
        Assert.That(ours.ExitCode, Is.EqualTo(theirs.ExitCode), "exit status differs; our stderr:\n" + ours.Stderr);
    }
}
