using System;
using System.Linq;
using System.Threading;
using NUnit.Framework;

namespace StacklessIron.Tests;

public class GuardedRunnerTests
{
    [Test]
    public void HangingItemsTimeOutAndTheRestStillRun()
    {
        var inputs = Enumerable.Range(0, 40).ToList();
        var (results, states) = GuardedRunner.Run(inputs, i =>
        {
            if (i == 7 || i == 23) Thread.Sleep(Timeout.Infinite);   // a "hang"
            if (i == 11) throw new InvalidOperationException("boom");
            return i * 2;
        }, TimeSpan.FromMilliseconds(300), workers: 2);
        Assert.That(states[7], Is.EqualTo(GuardedRunner.State.TimedOut));
        Assert.That(states[23], Is.EqualTo(GuardedRunner.State.TimedOut));
        Assert.That(states[11], Is.EqualTo(GuardedRunner.State.Faulted));
        foreach (int i in inputs.Where(i => i != 7 && i != 23 && i != 11))
        {
            Assert.That(states[i], Is.EqualTo(GuardedRunner.State.Done), $"item {i}");
            Assert.That(results[i], Is.EqualTo(i * 2));
        }
    }

    [Test]
    public void WorkersHaveADeepStack()
    {
        // 100,000 nested calls need far more than the default 1 MB stack (8 MB on Linux main threads).
        static int Depth(int n) => n == 0 ? 0 : 1 + Depth(n - 1) + (n & 0);
        var (results, states) = GuardedRunner.Run(new[] { 100_000 }, Depth, TimeSpan.FromSeconds(30), workers: 1);
        Assert.That(states[0], Is.EqualTo(GuardedRunner.State.Done));
        Assert.That(results[0], Is.EqualTo(100_000));
    }
}
