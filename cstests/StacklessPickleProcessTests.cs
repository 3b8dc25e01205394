using System;
using System.IO;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>Stackless's promise for pickling: tasklets pickled mid-run (one blocked on a
/// channel, one removed by schedule_remove) are loaded by a NEW host process, go on there
/// and finish with the output an uninterrupted run gives (Stackless 3.7.5 prints the same).</summary>
public class StacklessPickleProcessTests
{
    const string Script = """
import pickle, sys, stackless

def worker(name, ch, n):
    total = 0
    for i in range(n):
        total += ch.receive()
        print(name, i, total)
    print(name, "ends with", total)

def counter(limit):
    log = []
    def step(v):
        log.append(v * v)
    k = 0
    while k < limit:
        k += 1
        step(k)
        stackless.schedule_remove()
    print("counter", log)

if sys.argv[1] == "dump":
    ch = stackless.channel()
    a = stackless.tasklet(worker)("a", ch, 4)
    b = stackless.tasklet(counter)(4)
    stackless.run()
    ch.send(1)
    stackless.run()
    ch.send(2)
    print("pickling", a.blocked, b.alive, b.scheduled)
    with open(sys.argv[2], "wb") as f:
        pickle.dump((ch, b), f)
else:
    with open(sys.argv[2], "rb") as f:
        ch, b = pickle.load(f)
    print("loaded", ch.balance, b.alive, b.scheduled)
    b.insert()
    for v in (3, 4):
        ch.send(v)
        stackless.run()
    while b.alive:
        b.insert()
        stackless.run()
    print("done", b.alive, ch.balance)
""";

    [Test]
    public void TaskletsPickledInOneProcessFinishInAnother()
    {
        var dir = Path.Combine(Path.GetTempPath(), "si-pickle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "xproc.py"), Script);
            var data = Path.Combine(dir, "tasklets.pickle");
            var dump = ProcessRunner.RunOurs(new[] { "xproc.py", "dump", data }, dir);
            Assert.That(dump.Stderr, Is.Empty);
            Assert.That(dump.Stdout, Is.EqualTo("a 0 1\na 1 3\npickling True True False\n"));
            var load = ProcessRunner.RunOurs(new[] { "xproc.py", "load", data }, dir);
            Assert.That(load.Stderr, Is.Empty);
            Assert.That(load.Stdout, Is.EqualTo("loaded -1 True False\na 2 6\na 3 10\na ends with 10\ncounter [1, 4, 9, 16]\ndone False 0\n"));
            Assert.That(load.ExitCode, Is.EqualTo(0));
        }
        finally { Directory.Delete(dir, true); }
    }
}
