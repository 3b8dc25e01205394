using System;
using NUnit.Framework;
using StacklessIron.Stackless;

namespace StacklessIron.Tests;

/// <summary>Registers the `stackless` module for every test in this namespace (the host does
/// the same at start-up), so pytests/test_stackless_*.py run through PyTestFiles too.</summary>
[SetUpFixture]
public class StacklessModuleSetUp
{
    [OneTimeSetUp] public void Register() => StacklessModule.Register();
}

/// <summary>The stackless module on the engine: soft switching keeps the .NET stack flat,
/// many blocked tasklets are cheap, and misuse gives Python errors, not crashes.</summary>
public class StacklessTests
{
    static (int code, string stdout, string stderr) Run(string src) => EngineRunner.Run(src);

    [Test]
    public void PingPongOutputOrder()
    {
        var (code, stdout, stderr) = Run(@"
import stackless
ch = stackless.channel()
def ping():
    for i in range(3):
        ch.send(i)
        print('sent', i)
def pong():
    for i in range(3):
        print('got', ch.receive())
stackless.tasklet(ping)()
stackless.tasklet(pong)()
stackless.run()
print('end', stackless.getruncount())
");
        Assert.That(stderr, Is.Empty);
        Assert.That(code, Is.EqualTo(0));
        // receiver preferred (-1): the receiver runs at once, the sender resumes later
        Assert.That(stdout.Replace("\r", ""), Is.EqualTo("got 0\nsent 0\ngot 1\nsent 1\ngot 2\nsent 2\nend 1\n"));
    }

    [Test]
    public void ManyBlockedTaskletsDoNotGrowTheDotNetStack()
    {
        // 20,000 tasklets each blocked three calls deep: with soft switching no .NET stack is
        // kept per tasklet, so this neither overflows nor needs threads.
        var (code, stdout, stderr) = Run(@"
import stackless
ch = stackless.channel()
def deep(n):
    if n: return deep(n - 1)
    return ch.receive()
total = [0]
def worker():
    v = deep(3)
    total[0] += v
for i in range(20000):
    stackless.tasklet(worker)()
stackless.run()
assert ch.balance == -20000
for i in range(20000):
    ch.send(1)
print(total[0], stackless.getruncount())
");
        Assert.That(stderr, Is.Empty);
        Assert.That(stdout.Trim(), Is.EqualTo("20000 1"));
    }

    [Test]
    public void UncaughtTaskletErrorReachesMainWithTraceback()
    {
        var (code, stdout, stderr) = Run(@"
import stackless
def bad():
    1 / 0
stackless.tasklet(bad)()
stackless.run()
");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("ZeroDivisionError"));
        Assert.That(stderr, Does.Contain("in bad"));
    }

    [Test]
    public void SwitchUnderNativeBoundaryIsAHardSwitch()
    {
        // sorted() calls the key from C#: the main tasklet blocks there with native frames on its
        // stack, so it is switched hard; the second receive has no sender left: the error is
        // Stackless 3.7.5's for a main tasklet whose last partner ended
        var (code, stdout, stderr) = Run(@"
import stackless
ch = stackless.channel()
stackless.tasklet(lambda: ch.send(1))()
try:
    sorted([1, 2], key=lambda x: ch.receive())
except RuntimeError as e:
    print('RuntimeError', 'receiving without a sender' in str(e))
print(sorted([2, 1], key=lambda x: stackless.schedule(x)))
");
        Assert.That(stderr, Is.Empty);
        Assert.That(stdout.Trim(), Is.EqualTo("RuntimeError True\n[1, 2]"));
    }

    [Test]
    public void HardSwitchedTaskletsAreKilledWhenMainEnds()
    {
        // as in Stackless 3.7.5: tasklets parked with native frames on their stack are killed
        // (oldest parked first) when the program ends; soft-blocked ones are left alone
        var (code, stdout, stderr) = Run(@"
import stackless
ch = stackless.channel()
def soft(n):
    try:
        ch.receive()
    finally:
        print('soft finally', n)
def hard(n):
    try:
        sorted([1, 2], key=lambda x: ch.receive())
    except TaskletExit:
        print('hard exit', n, stackless.current.nesting_level)
        raise
    finally:
        print('hard finally', n)
stackless.tasklet(soft)(1)
stackless.tasklet(hard)(2)
stackless.tasklet(hard)(3)
stackless.tasklet(soft)(4)
stackless.tasklet(hard)(5)
stackless.run()
ch.send(0)
ch.send(0)
print('main end', ch.balance)
raise KeyError(1)
");
        Assert.That(stdout.Replace("\r", ""), Is.EqualTo("soft finally 1\nmain end -4\nhard exit 3 0\nhard finally 3\nhard exit 5 0\nhard finally 5\nhard exit 2 0\nhard finally 2\n"));
        Assert.That(code, Is.EqualTo(1));
        // the traceback is main's own, as if no tasklet had been killed
        Assert.That(stderr.Replace("\r", ""), Is.EqualTo("Traceback (most recent call last):\n  File \"<test>\", line 26, in <module>\nKeyError: 1\n"));
    }

    [Test]
    public void PreemptionInterruptsAnEndlessLoop()
    {
        var (code, stdout, stderr) = Run(@"
import stackless
n = [0]
def spin():
    while True:
        n[0] += 1
def other():
    while True:
        n[0] -= 0
spin_t = stackless.tasklet(spin)()
stackless.tasklet(other)()
t = stackless.run(1000)
print(t is spin_t, 100 <= n[0] < 1000, t.alive, stackless.getruncount())
");
        // the timeout counts virtual instructions, several per turn of the loop (Stackless
        // 3.7.5 interrupts this one after 200 turns; here a turn counts a quarter of its body)
        Assert.That(stderr, Is.Empty);
        Assert.That(stdout.Trim(), Is.EqualTo("True True True 2"));
    }
}
