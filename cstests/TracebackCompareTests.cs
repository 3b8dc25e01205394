using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>
/// Every program in pytests/tracebacks/ fails on purpose (or prints to stderr) and runs under
/// our engine and under CPython 3.11: stderr (tracebacks, caret lines, chained exceptions,
/// exception groups, SyntaxError display), stdout and the exit status must be identical once
/// the folders that differ between the two installations are replaced by placeholders.
/// </summary>
[TestFixture]
public class TracebackCompareTests
{
    static string Dir => Path.Combine(Oracle.RepoRoot, "pytests", "tracebacks");

    public static IEnumerable<TestCaseData> Programs()
    {
        if (!Directory.Exists(Dir)) yield break;
        foreach (var f in Directory.GetFiles(Dir, "*.py").OrderBy(f => f, System.StringComparer.Ordinal))
            yield return new TestCaseData(Path.GetFileName(f)).SetName("traceback_" + Path.GetFileNameWithoutExtension(f));
    }

    /// <summary>The script folder and the two standard-library folders become placeholders.</summary>
    static string Normalise(string text)
    {
        text = text.Replace(Dir + "/", "<dir>/");
        foreach (var lib in new[] { "/usr/lib/python3.11/", "/root/.pyenv/versions/3.11.7/lib/python3.11/" })
            text = text.Replace(lib, "<stdlib>/");
        return text;
    }

    [TestCaseSource(nameof(Programs))]
    public void SameStderrAsCPython(string name)
    {
        var theirs = ProcessRunner.Run(Oracle.Python, new[] { name }, Dir, 60_000);
        var ours = ProcessRunner.RunOurs(new[] { name }, Dir, 60_000);
        Assert.That(ours.TimedOut, Is.False, "our engine timed out");
        Assert.That(Normalise(ours.Stderr), Is.EqualTo(Normalise(theirs.Stderr)), "stderr differs");
        Assert.That(ours.Stdout, Is.EqualTo(theirs.Stdout), "stdout differs");
        Assert.That(ours.ExitCode, Is.EqualTo(theirs.ExitCode), "exit status differs");
    }
}
