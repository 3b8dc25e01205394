#nullable enable
using System.Threading;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>
/// An OS thread that runs Python code for one scheduler: the host thread (where the scheduler
/// was created) or a worker. Exactly one runner of a scheduler holds the baton and runs; the
/// others wait on their own semaphore. A tasklet that must switch while native code is on its
/// .NET stack ("hard" switch) keeps its runner parked until it is resumed; meanwhile another
/// runner's base loop runs the soft tasklets. Workers exist only for that case.
/// </summary>
sealed class Runner
{
    public readonly SemaphoreSlim Wake = new(0);
    public readonly bool IsHost;
    /// <summary>Nesting level of its base loop, the VM loop that runs soft chains (a worker's
    /// own loop; on the host, the loop of the main tasklet's bottom frame).</summary>
    public int BaseLevel;
    /// <summary>ts.NestingLevel of this thread while it does not hold the baton.</summary>
    public int SavedNesting;
    /// <summary>Parked at its base level without a tasklet, ready to load a soft one.</summary>
    public bool Idle;
    /// <summary>The tasklet parked on this runner by a hard switch, if any.</summary>
    public PyTasklet? Parked;
    /// <summary>What an idle runner does when woken: load this soft tasklet, or (host only)
    /// make its base loop return the result of the main tasklet that ended elsewhere.</summary>
    public PyTasklet? ToLoad;
    public bool FinishMain;
    /// <summary>A worker's bottom frame (suspended in its start call): resuming it ends the
    /// worker's loop, and then its thread, which hands the baton to HandOffAtExit.</summary>
    public Frame? BaseFrame;
    public Runner? HandOffAtExit;
    /// <summary>Who gets the baton when this runner's idle frame calls the idle native.</summary>
    public Runner? IdleTarget;
    /// <summary>Woken to unwind the stack of its parked tasklet instead of resuming it.</summary>
    public bool Abandon;

    public Runner(bool isHost, int baseLevel) { IsHost = isHost; BaseLevel = baseLevel; }

    /// <summary>Wakes this runner; the caller must not run Python code afterwards until its own
    /// semaphore is released.</summary>
    public void Give() => Wake.Release();
}
