using System.IO;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>`stackless-iron --dump-ast FILE` prints exactly what CPython 3.11 prints for
/// print(ast.dump(ast.parse(open(FILE,'rb').read()), include_attributes=True)),
/// and a file CPython rejects fails with SyntaxError on stderr and status 1.</summary>
[TestFixture]
public class DumpAstCommandTests
{
    const string OracleScript =
        "import ast, sys\nprint(ast.dump(ast.parse(open(sys.argv[1],'rb').read()), include_attributes=True))\n";

    static readonly string[] StdlibFiles =
    {
        "/usr/lib/python3.11/ast.py",            // the module itself: every node kind is named
        "/usr/lib/python3.11/string.py",         // f-strings and %-formats
        "/usr/lib/python3.11/asyncio/tasks.py",  // async/await
        "/usr/lib/python3.11/test/test_patma.py",// match statements of every kind
        "/usr/lib/python3.11/test/test_fstring.py",
        "/usr/lib/python3.11/encodings/cp1252.py",
    };

    [TestCaseSource(nameof(StdlibFiles))]
    public void DumpEqualsCPythons(string path)
    {
        var theirs = ProcessRunner.Run(Oracle.Python, new[] { "-c", OracleScript, path });
        Assert.That(theirs.ExitCode, Is.EqualTo(0), theirs.Stderr);
        var ours = ProcessRunner.RunOurs(new[] { "--dump-ast", path });
        Assert.That(ours.ExitCode, Is.EqualTo(0), ours.Stderr);
        Assert.That(ours.Stdout, Is.EqualTo(theirs.Stdout));
    }

    [Test]
    public void SyntaxErrorGoesToStderrWithStatus1()
    {
        var file = Path.Combine(Path.GetTempPath(), "si_bad_" + System.Guid.NewGuid().ToString("N") + ".py");
        File.WriteAllText(file, "x = 1\nif x\n    pass\n");
        try
        {
            var ours = ProcessRunner.RunOurs(new[] { "--dump-ast", file });
            Assert.That(ours.ExitCode, Is.EqualTo(1));
            Assert.That(ours.Stdout, Is.Empty);
            StringAssert.Contains("line 2", ours.Stderr);
            StringAssert.Contains("SyntaxError: expected ':'", ours.Stderr);
        }
        finally { File.Delete(file); }
    }
}
