using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>
/// End-to-end programs (cstests/vmcases/*.py) run on the engine; stdout, stderr and the exit
/// code must equal what CPython 3.11 produced (*.out, *.err, *.rc, recorded from python3.11;
/// caret lines included; the script's folder is stripped).
/// </summary>
public class VmTests
{
    static string CasesDir => Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "vmcases");

    public static IEnumerable<TestCaseData> Cases()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "vmcases");
        foreach (var f in Directory.GetFiles(dir, "*.py").OrderBy(x => x))
            yield return new TestCaseData(Path.GetFileName(f)).SetName("VmCase_" + Path.GetFileNameWithoutExtension(f));
    }

    [TestCaseSource(nameof(Cases))]
    public void ProgramMatchesCPython(string file)
    {
        var path = Path.GetFullPath(Path.Combine(CasesDir, file));
        var baseName = path[..^3];
        var (code, stdout, stderr) = EngineRunner.Run(File.ReadAllText(path), path);
        stderr = stderr.Replace("File \"" + Path.GetDirectoryName(path) + "/", "File \"");
        Assert.That(stdout, Is.EqualTo(File.ReadAllText(baseName + ".out")), "stdout");
        Assert.That(stderr, Is.EqualTo(File.ReadAllText(baseName + ".err")), "stderr");
        Assert.That(code, Is.EqualTo(int.Parse(File.ReadAllText(baseName + ".rc").Trim())), "exit code");
    }

    [Test]
    public void RecursionBeyondTheLimitRaisesRecursionErrorNotACrash()
    {
        var (code, stdout, stderr) = EngineRunner.Run("import sys\nsys.setrecursionlimit(100000)\ndef f(n): return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('RE', e)\n");
        Assert.That(stdout, Is.EqualTo("RE maximum recursion depth exceeded\n"), stderr);
        Assert.That(code, Is.EqualTo(0));
    }

    [Test]
    public void GeneratorSendFromPythonIsSoftSwitched()
    {
        // 20000 generators, each resuming the next with send(): on a nested .NET loop per send
        // this would exhaust the .NET stack; soft switching keeps it in one loop.
        var src = "import sys\nsys.setrecursionlimit(100000)\n" +
                  "def counter():\n    n = 0\n    while True:\n        n += (yield n) or 1\n" +
                  "def relay(inner):\n    v = yield\n    while True:\n        v = yield inner.send(v)\n" +
                  "g = counter(); next(g)\nfor i in range(20000):\n    r = relay(g); next(r); g = r\n" +
                  "print(g.send(5), g.send(2))\n";
        var (code, stdout, stderr) = EngineRunner.Run(src);
        Assert.That(stdout, Is.EqualTo("5 7\n"), stderr);
    }

    [Test]
    public void DeepNativeRecursionRaisesRecursionError()
    {
        // repr of a deeply nested list recurses in C#: must become RecursionError, not a crash.
        var (code, stdout, stderr) = EngineRunner.Run("l = []\nfor i in range(1000000):\n    l = [l]\ntry:\n    repr(l)\nexcept RecursionError:\n    print('RE')\n");
        Assert.That(stdout, Is.EqualTo("RE\n"), stderr);
    }

    [Test]
    public void SyntaxErrorIsAPythonExceptionWithLocation()
    {
        var (code, stdout, stderr) = EngineRunner.Run("try:\n    compile('x = (', 'f.py', 'exec')\nexcept SyntaxError as e:\n    print(e.msg, e.lineno, e.offset, e.filename)\n");
        Assert.That(stdout, Is.EqualTo("'(' was never closed 1 5 f.py\n"), stderr);
    }

    [Test]
    public void ExecAndEvalUseTheGivenNamespaces()
    {
        var (code, stdout, stderr) = EngineRunner.Run("g = {}\nexec('a = 2\\ndef f(): return a * 3', g)\nprint(g['f'](), eval('a + 1', g), eval('x', {}, {'x': 5}))\n");
        Assert.That(stdout, Is.EqualTo("6 3 5\n"), stderr);
    }

    [Test]
    public void ImportsModulesFromSysPath()
    {
        var dir = Path.Combine(Path.GetTempPath(), "si_import_" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "pkg"));
        File.WriteAllText(Path.Combine(dir, "pkg", "__init__.py"), "VALUE = 1\n");
        File.WriteAllText(Path.Combine(dir, "pkg", "sub.py"), "from . import VALUE\nfrom .helper import twice\nRESULT = twice(VALUE)\n");
        File.WriteAllText(Path.Combine(dir, "pkg", "helper.py"), "def twice(x): return 2 * x\n");
        File.WriteAllText(Path.Combine(dir, "plain.py"), "import sys\nNAME = __name__\n");
        try
        {
            var (code, stdout, stderr) = EngineRunner.Run(
                "import plain, pkg.sub\nfrom pkg.sub import RESULT\nimport pkg.helper as h\nprint(plain.NAME, pkg.sub.RESULT, RESULT, h.twice(5), pkg.VALUE)\n" +
                "try:\n    import no_such_module_xyz\nexcept ModuleNotFoundError as e:\n    print(e)\n" +
                "try:\n    from pkg import nothing_here\nexcept ImportError as e:\n    print(type(e).__name__)\n", path: new[] { dir });
            Assert.That(stdout, Is.EqualTo("plain 2 2 10 1\nNo module named 'no_such_module_xyz'\nImportError\n"), stderr);
        }
        finally { Directory.Delete(dir, true); }
    }
}
