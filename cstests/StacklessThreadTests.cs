using System;
using System.IO;
using System.Text.RegularExpressions;
using NUnit.Framework;
using StacklessIron.Objects;
using StacklessIron.Runtime;
using StacklessIron.Stackless;

namespace StacklessIron.Tests;

/// <summary>`import _threadprobe` for the tests below: the process's OS thread count as the
/// kernel reports it (/proc/self/status), read from inside a running Python program.</summary>
public static class ThreadProbeModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_threadprobe");
        NativeMembers.FillModule(m, typeof(ThreadProbeModule));
        return m;
    }

    [PyMethod]
    static long os_threads(ThreadState ts)
    {
        var status = File.ReadAllText("/proc/self/status");
        return long.Parse(Regex.Match(status, @"^Threads:\s*(\d+)", RegexOptions.Multiline).Groups[1].Value);
    }
}

/// <summary>Soft switching needs no OS thread per tasklet; hard switching starts a worker only
/// when a tasklet blocks under a native call, and reuses it.</summary>
public class StacklessThreadTests
{
    [OneTimeSetUp] public void Register() => Importer.NativeModules["_threadprobe"] = ThreadProbeModule.Create;

    static (int code, string stdout, string stderr, Scheduler? s) Run(string src)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var engine = new PythonEngine(stdout, stderr, new StringReader(""));
        int code = engine.RunMain(ts =>
        {
            var main = engine.CreateMain(null);
            var co = (PyCode)engine.CompileSource(ts, src, "<test>", Compiling.CompileMode.Exec, 0);
            return Interpreter.RunModuleCode(ts, co, main.Namespace);
        });
        engine.FlushStreams();
        return (code, stdout.ToString(), stderr.ToString(), engine.MainThread.Scheduler as Scheduler);
    }

    [Test]
    public void ThreadCountStaysFlatWhile100000TaskletsAreBlockedAndOneIs5000Deep()
    {
        var (code, stdout, stderr, s) = Run(@"
import stackless, sys, _threadprobe
before = _threadprobe.os_threads()
ch = stackless.channel()
for i in range(100000):
    stackless.tasklet(ch.receive)()
stackless.run()
assert ch.balance == -100000
blocked = _threadprobe.os_threads()
sys.setrecursionlimit(20000)
deep_ch = stackless.channel()
def rec(n):
    return rec(n - 1) + 1 if n else deep_ch.receive()
def deep():
    for i in range(3):
        deep_ch.send(rec(5000))
t = stackless.tasklet(deep)()
stackless.run()
assert t.blocked and t.recursion_depth > 5000, t.recursion_depth
switches = []
for i in range(3):
    deep_ch.send(i)                     # resumes it 5,000 frames deep ...
    switches.append(deep_ch.receive())  # ... and it switches back from the top
assert switches == [5000, 5001, 5002], switches
deep_blocked = _threadprobe.os_threads()
ch.send_sequence(range(100000))
assert ch.balance == 0
print(before, blocked, deep_blocked)
");
        Assert.That(stderr, Is.Empty);
        Assert.That(code, Is.EqualTo(0));
        var n = Array.ConvertAll(stdout.Trim().Split(' '), int.Parse);
        // a little slack for the runtime's own threads (JIT, GC, timers) coming and going
        Assert.That(n[1] - n[0], Is.LessThanOrEqualTo(2), stdout);
        Assert.That(n[2] - n[0], Is.LessThanOrEqualTo(2), stdout);
        Assert.That(s!.WorkersStarted, Is.EqualTo(0));
    }

    [Test]
    public void HardSwitchesReuseOneWorker()
    {
        var (code, stdout, stderr, s) = Run(@"
import stackless
ch = stackless.channel()
def nested():
    print(sum(map(lambda x: ch.receive(), range(1000))))
stackless.tasklet(nested)()
def feeder():
    for i in range(1000):
        ch.send(i)
stackless.tasklet(feeder)()
stackless.run()
");
        Assert.That(stderr, Is.Empty);
        Assert.That(stdout.Trim(), Is.EqualTo("499500"));
        Assert.That(s!.WorkersStarted, Is.EqualTo(1));
    }

    [Test]
    public void ManyHardBlockedTaskletsThenReleasedKeepFewThreads()
    {
        // 50 tasklets parked under native calls need 50 parked stacks; once they have ended,
        // surplus workers end too
        var (code, stdout, stderr, s) = Run(@"
import stackless, _threadprobe
before = _threadprobe.os_threads()
ch = stackless.channel()
def w():
    sorted([1], key=lambda x: ch.receive())
for i in range(50):
    stackless.tasklet(w)()
stackless.run()
during = _threadprobe.os_threads()
for i in range(50):
    ch.send(i)
stackless.run()
print(before, during, stackless.getruncount())
");
        Assert.That(stderr, Is.Empty);
        Assert.That(code, Is.EqualTo(0));
        var n = Array.ConvertAll(stdout.Trim().Split(' '), int.Parse);
        Assert.That(n[1] - n[0], Is.GreaterThanOrEqualTo(49), stdout);
        Assert.That(n[2], Is.EqualTo(1));
        Assert.That(s!.WorkersStarted - s.WorkersEnded, Is.LessThanOrEqualTo(3), $"started {s.WorkersStarted}, ended {s.WorkersEnded}");
    }
}
