using System;
using System.IO;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>The engine's standard streams and files at exit: an embedding host's writers and
/// reader behind sys.stdout/stderr/stdin, and data a program never flushed reaching its file.</summary>
[TestFixture]
public class IoTests
{
    [Test]
    public void HostWritersAndReaderBehindTheStandardStreams()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var engine = new Runtime.PythonEngine(stdout, stderr, new StringReader("first\nsecond\n"));
        int code = engine.RunMain(ts =>
        {
            var main = engine.CreateMain(null);
            var co = (Objects.PyCode)engine.CompileSource(ts,
                "import sys\n" +
                "print('out', type(sys.stdout).__name__, sys.stdout.encoding)\n" +
                "sys.stderr.write('err\\n')\n" +
                "a = input('prompt> ')\n" +
                "print(repr(a), repr(sys.stdin.readline()))\n" +
                "try:\n    input()\nexcept EOFError as e:\n    print('EOF', e)\n" +
                "sys.stdout.write('caf\\u00e9 \\u20ac')\n",
                "<io-test>", Compiling.CompileMode.Exec, 0);
            return Runtime.Interpreter.RunModuleCode(ts, co, main.Namespace);
        });
        engine.FlushStreams();
        Assert.That(code, Is.EqualTo(0), stderr.ToString());
        Assert.That(stdout.ToString(), Is.EqualTo(
            "out TextIOWrapper utf-8\nprompt> 'first' 'second\\n'\nEOF EOF when reading a line\ncafé €"));
        Assert.That(stderr.ToString(), Is.EqualTo("err\n"));
    }

    [Test]
    public void UnflushedFileReachesTheDiskAtExit()
    {
        var dir = Path.Combine(Path.GetTempPath(), "stackless_io_test_" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var target = Path.Combine(dir, "left-open.txt");
            var script = Path.Combine(dir, "leave.py");
            File.WriteAllText(script,
                $"f = open({PyRepr(target)}, 'w')\nf.write('text never flushed')\n" +
                $"b = open({PyRepr(target + ".bin")}, 'wb')\nb.write(b'\\x00\\x01')\nprint('done')\n");
            var r = ProcessRunner.RunOurs(new[] { script }, dir);
            Assert.That(r.Stdout, Is.EqualTo("done\n"), r.Stderr);
            Assert.That(File.ReadAllText(target), Is.EqualTo("text never flushed"));
            Assert.That(File.ReadAllBytes(target + ".bin"), Is.EqualTo(new byte[] { 0, 1 }));
        }
        finally { Directory.Delete(dir, true); }
    }

    static string PyRepr(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
