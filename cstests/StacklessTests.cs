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

    [Test]
    public void ChannelSendAndReceiveUseTheirHandWrittenInvokers()
    {
        // the switch path's natives skip the adapter and the compiled invoker (nothing is
        // compiled or swapped while the first switches run); calls, argument errors and a
        // subclass's channel behave as before
        var (code, stdout, stderr) = Run(@"
import stackless
ch = stackless.channel()
for f in [lambda: stackless.channel.send(1, 2), lambda: stackless.channel.receive(1), lambda: ch.send(),
          lambda: ch.send(1, 2), lambda: ch.receive(1), lambda: ch.send(x=1)]:
    try: f()
    except TypeError as e: print(e)
class C(stackless.channel): pass
c = C()
def t(): print('got', c.receive(), ch.receive())
stackless.tasklet(t)()
c.send(5)
stackless.channel.send(ch, 6)
");
        Assert.That(stderr, Is.Empty);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout.Replace("\r", ""), Is.EqualTo(
            "descriptor 'send' for 'channel' objects doesn't apply to a 'int' object\n" +
            "descriptor 'receive' for 'channel' objects doesn't apply to a 'int' object\n" +
            "channel.send() takes exactly one argument (0 given)\n" +
            "channel.send() takes exactly one argument (2 given)\n" +
            "channel.receive() takes no arguments (1 given)\n" +
            "channel.send() takes no keyword arguments\n" +
            "got 5 6\n"));
        foreach (var name in new[] { "send", "receive" })
            Assert.That(((Objects.PyMethodDescriptor)PyChannel.TypeObject.Namespace.GetStr(name)!).Func.InvokerIsHandWritten, Is.True, name);
    }

    [Test]
    public void RunConvertsItsArgumentsAsTheBinderSays()
    {
        // run() has a hand-written invoker after the binder (no expression tree compiled at the
        // first run()): errors, defaults and conversions as the compiled one's
        var (code, stdout, stderr) = Run(@"
import stackless
class Ix:
    def __index__(self): return 0
for f in [lambda: stackless.run(1, 2, 3, 4, 5, 6), lambda: stackless.run(timeout='x'), lambda: stackless.run(bogus=1),
          lambda: stackless.run(), lambda: stackless.run(Ix(), [], '', 0, None), lambda: stackless.run(timeout=0, totaltimeout=1)]:
    try: print(f())
    except TypeError as e: print(e)
def t(): print('ran')
stackless.tasklet(t)()
print(stackless.run(0, threadblock=True))
print(stackless.getruncount())
");
        Assert.That(stderr, Is.Empty);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout.Replace("\r", ""), Is.EqualTo(
            "run() takes at most 5 arguments (6 given)\n" +
            "'str' object cannot be interpreted as an integer\n" +
            "'bogus' is an invalid keyword argument for run()\n" +
            "None\nNone\nNone\nran\nNone\n1\n"));
        Objects.PyModule? module = null;
        var engine = new Runtime.PythonEngine(new System.IO.StringWriter(), new System.IO.StringWriter(), new System.IO.StringReader(""));
        engine.RunMain(ts => { module = StacklessModule.Create(ts); return Objects.PyNone.Value; });
        Assert.That(((Objects.PyBuiltinFunction)module!.Namespace.GetStr("run")!).Func.InvokerIsHandWritten, Is.True);
    }

    [Test]
    public void UseInvokerRejectsAnotherArity()
    {
        var m = typeof(PyChannel).GetMethod("send", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var nf = new Runtime.NativeFunction("send", m, true, "channel");
        Assert.Throws<InvalidOperationException>(() => nf.UseInvoker(new Func<Runtime.ThreadState, Objects.PyObject?, Objects.PyObject>((ts, a) => a!)));
        Assert.That(nf.InvokerIsHandWritten, Is.False);
    }
    [Test]
    public void TaskletExitEndsAnEmbeddedMainWithoutItsHandlersOrTheProcess()
    {
        // sys.exit in a tasklet while main waits on a channel: as 3.7.5, none of main's
        // handlers run, and the embedding engine's run of main returns the status (the
        // test process goes on); a second engine afterwards works as usual
        var (code, stdout, stderr) = Run(@"
import stackless, sys
ch = stackless.channel()
def f():
    print('f')
    sys.exit(6)
stackless.tasklet(f)()
try:
    ch.receive()
except BaseException:
    print('except')
finally:
    print('finally')
");
        Assert.That((code, stdout, stderr), Is.EqualTo((6, "f\n", "")));
        Assert.That(Run("print('next engine')").stdout, Is.EqualTo("next engine\n"));
    }
}
