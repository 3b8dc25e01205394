using System;
using System.IO;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>Finalization at the engine's edges: what is still alive or still queued when the
/// program ends, and tracking costs nothing for objects that need none.</summary>
public class FinalizationTests
{
    static string TempPath() => Path.Combine(Path.GetTempPath(), "si-fin-" + Guid.NewGuid().ToString("N"));

    [Test]
    public void DroppedFileDataReachesDiskByExitWithoutCollect()
    {
        var p = TempPath();
        try
        {
            // the file object dies early; .NET collects it at some point (or not) before exit
            var src = $"def w():\n    f = open({Q(p)}, 'w')\n    f.write('data' * 1000)\nw()\njunk = [list(range(100)) for i in range(20000)]\n";
            var (code, _, stderr) = EngineRunner.Run(src);
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(File.ReadAllText(p), Is.EqualTo(string.Concat(System.Linq.Enumerable.Repeat("data", 1000))));
        }
        finally { File.Delete(p); }
    }

    [Test]
    public void DelOfObjectsAliveAtExitRunsAfterAtexit()
    {
        var src = "import atexit\nclass A:\n    def __del__(self): print('del', self.n)\n"
                + "a = A(); a.n = 1\nb = A(); b.n = 2\natexit.register(print, 'atexit')\nprint('end')\n";
        var (code, stdout, stderr) = EngineRunner.Run(src);
        Assert.That(stderr, Is.Empty);
        Assert.That(stdout, Is.EqualTo("end\natexit\ndel 1\ndel 2\n"));
    }

    [Test]
    public void ExceptionInDelIsReportedNotRaised()
    {
        var src = "import gc\nclass E:\n    def __del__(self): raise KeyError('k')\nE()\ngc.collect()\nprint('went on')\n";
        var (code, stdout, stderr) = EngineRunner.Run(src);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Is.EqualTo("went on\n"));
        Assert.That(stderr, Does.StartWith("Exception ignored in: <function E.__del__ at 0x"));
        Assert.That(stderr, Does.Contain("KeyError: 'k'"));
    }

    [Test]
    public void PlainInstancesGetNoTracker()
    {
        // creating objects of a class without __del__ allocates nothing for finalization:
        // same bytes per instance as before this feature (instance + inline values)
        static long Bytes(string src)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var (_, _, stderr) = EngineRunner.Run(src);
            Assert.That(stderr, Is.Empty);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        const string plain = "class P:\n    pass\nfor i in range(N): P()\n";
        const string withDel = "class P:\n    def __del__(self): pass\nfor i in range(N): P()\n";
        Bytes(plain.Replace("N", "1000"));
        double perPlain = (Bytes(plain.Replace("N", "100000")) - Bytes(plain.Replace("N", "50000"))) / 50000.0;
        double perDel = (Bytes(withDel.Replace("N", "100000")) - Bytes(withDel.Replace("N", "50000"))) / 50000.0;
        TestContext.Out.WriteLine($"plain {perPlain:F1} bytes, with __del__ {perDel:F1} bytes per instance");
        Assert.That(perPlain, Is.LessThan(100));
        Assert.That(perDel, Is.GreaterThan(perPlain + 30), "a __del__ instance gets its tracker");
    }

    static string Q(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
