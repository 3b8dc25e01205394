using NUnit.Framework;
using StacklessIron.Runtime;

namespace StacklessIron.Tests;

/// <summary>The start-up warm-ups find what they are meant to compile: the VM loop and the
/// regular-expression matcher keep AggressiveOptimization methods (which ReadyToRun leaves to
/// the JIT). Were these renamed or unmarked, the warm-up would silently do nothing.</summary>
public class BackgroundCompilerTests
{
    [Test]
    public void InterpreterLoopAndRegexMatcherHaveMethodsToPrepare()
    {
        Assert.That(BackgroundCompiler.PrepareLoopNow(), Is.EqualTo(1));
        Assert.That(BackgroundCompiler.PrepareRegexNow(), Is.EqualTo(4));
    }

    [Test]
    public void QueuedWorkRuns()
    {
        using var done = new System.Threading.ManualResetEventSlim();
        BackgroundCompiler.Enqueue(() => throw new System.InvalidOperationException("dropped"));
        BackgroundCompiler.Enqueue(done.Set);
        Assert.That(done.Wait(30_000), Is.True, "the work after a failing item ran");
    }
}
