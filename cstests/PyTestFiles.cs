using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>One NUnit case per pytests/test_*.py (other .py files there are modules the tests
/// import, such as host_process.py): the file runs on the engine and must exit 0
/// with nothing on stderr (the files are plain Python with asserts; each runs its test_*
/// functions itself, or just asserts at module level).</summary>
public class PyTestFiles
{
    static string PyTestsDir => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "pytests"));
    /// <summary>The project's own pure-Python modules, searched before the standard library as the host does.</summary>
    static string ProjectLibDir => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "src", "Lib"));

    public static IEnumerable<TestCaseData> Files()
    {
        if (!Directory.Exists(PyTestsDir)) yield break;
        foreach (var f in Directory.GetFiles(PyTestsDir, "test_*.py").OrderBy(x => x))
            yield return new TestCaseData(Path.GetFileName(f)).SetName("PyTest_" + Path.GetFileNameWithoutExtension(f));
    }

    [TestCaseSource(nameof(Files))]
    public void RunsCleanly(string file)
    {
        var path = Path.Combine(PyTestsDir, file);
        var (code, stdout, stderr) = EngineRunner.Run(File.ReadAllText(path), path, new[] { PyTestsDir, ProjectLibDir });
        Assert.That(stderr, Is.Empty, "stderr (stdout was: " + stdout + ")");
        Assert.That(code, Is.EqualTo(0));
    }
}
