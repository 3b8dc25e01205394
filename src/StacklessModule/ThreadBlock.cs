#nullable enable
using SemaphoreSlim = System.Threading.SemaphoreSlim;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>
/// Stackless across Python threads (threads.rst): each thread has its own scheduler. When a
/// thread's current tasklet blocks and nothing else of that thread can run, but another
/// thread can, the thread itself blocks here (without the interpreter lock) until another
/// thread makes one of its tasklets runnable: a channel action with a tasklet of this thread,
/// or an insert. Only when no other thread can run is it a deadlock.
/// All fields are read and written by threads that hold the interpreter lock.
/// </summary>
sealed class ThreadBlock
{
    /// <summary>How often a blocked thread looks again whether it can still be woken: when the
    /// other threads ended or blocked too, it gets the deadlock error instead of hanging.</summary>
    const int RecheckMs = 100;
    readonly SemaphoreSlim _wake = new(0);
    public bool IsBlocked;

    /// <summary>Waits until woken (or the recheck interval passed); other threads run meanwhile.</summary>
    public void Wait(ThreadState ts)
    {
        IsBlocked = true;
        using (ts.AllowThreads()) _wake.Wait(RecheckMs);
        IsBlocked = false;
    }

    public void Unblock()
    {
        if (!IsBlocked) return;
        IsBlocked = false;
        _wake.Release();
    }

    /// <summary>Whether some other Python thread can still run: one that is not blocked in its
    /// scheduler (a thread that never used stackless, or waits for a lock or I/O, counts).</summary>
    public static bool OtherThreadRunnable(ThreadState ts)
    {
        foreach (var t in ts.Engine.Gil.Threads)
        {
            if (t == ts || t.Ended) continue;
            if (t.Scheduler is not Scheduler s || !s.Block.IsBlocked) return true;
        }
        return false;
    }

    /// <summary>The scheduler of the live Python thread `id` (created if it has none yet); null
    /// if there is no such live thread.</summary>
    public static Scheduler? SchedulerOfThread(ThreadState ts, long id)
    {
        if (id == ts.Ident) return Scheduler.Of(ts);
        foreach (var t in ts.Engine.Gil.Threads)
            // a live thread that has not used stackless yet gets its scheduler now, as
            // Stackless binds to any thread with a thread state
            if (t.Ident == id && !t.Ended) return t.Scheduler as Scheduler ?? Scheduler.Of(t);
        return null;
    }

    /// <summary>A thread ended: its run queue is gone (its tasklets are no longer scheduled,
    /// and report no thread until bound to another).</summary>
    public static void OnThreadEnded(ThreadState ts)
    {
        if (ts.Scheduler is not Scheduler s) return;
        while (s.RunQueue.Front is PyTasklet t) s.Remove(t);
    }

    /// <summary>Makes `t`, a tasklet of another thread's scheduler, runnable there and wakes
    /// that thread if it is blocked; the calling thread goes on (as Stackless's interthread switch).</summary>
    public static void RunOnItsThread(PyTasklet t)
    {
        var s = t.Owner!;
        if (s.OwnerThread.Ended) throw PyExc.RuntimeError("tasklet has no thread");
        s.Insert(t);
        s.Block.Unblock();
    }

    /// <summary>tasklet.run() of another thread's tasklet: as in Stackless, it runs there next,
    /// before the tasklets inserted earlier: first in the queue of a thread that waits, right
    /// after the current tasklet of a thread that runs.</summary>
    public static void RunNextOnItsThread(PyTasklet t)
    {
        var s = t.Owner!;
        if (s.OwnerThread.Ended) throw PyExc.RuntimeError("tasklet has no thread");
        if (s.Block.IsBlocked) s.PlaceFirst(t);
        else s.PlaceAfterCurrent(t);
        s.Block.Unblock();
    }
}
