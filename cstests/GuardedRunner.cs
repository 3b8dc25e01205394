using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace StacklessIron.Tests;

/// <summary>
/// Runs a function over many inputs on a few worker threads, each with a large stack, and
/// gives up on any single input that runs longer than a time limit (a parser hang must fail
/// the test for that input, not stall the test run). An abandoned worker keeps its thread
/// (.NET cannot abort one) but is replaced; being a background thread it dies with the run.
/// </summary>
public static class GuardedRunner
{
    public enum State { Pending, Running, Done, TimedOut }

    /// <summary>Stack of each worker: deep but legal nesting in a recursive-descent parser
    /// must not turn into a process-killing StackOverflow before its own limits apply.</summary>
    const int WorkerStackBytes = 256 * 1024 * 1024;

    public static (TOut?[] results, State[] states) Run<TIn, TOut>(
        IReadOnlyList<TIn> inputs, Func<TIn, TOut> work, TimeSpan perItem, int workers)
    {
        int n = inputs.Count;
        var results = new TOut?[n];
        var states = new int[n];
        int next = -1;
        var slots = new List<Slot>();
        object gate = new();

        void StartWorker()
        {
            var slot = new Slot();
            var thread = new Thread(() =>
            {
                while (true)
                {
                    int i = Interlocked.Increment(ref next);
                    if (i >= n) break;
                    Volatile.Write(ref slot.StartTicks, Stopwatch.GetTimestamp());
                    Volatile.Write(ref slot.Item, i);
                    Interlocked.Exchange(ref states[i], (int)State.Running);
                    TOut r = work(inputs[i]);
                    // A late result of an item already declared timed out is dropped, and the
                    // worker (already replaced) stops.
                    if (Interlocked.CompareExchange(ref states[i], (int)State.Done, (int)State.Running) != (int)State.Running)
                        return;
                    results[i] = r;
                    Volatile.Write(ref slot.Item, -1);
                }
                Volatile.Write(ref slot.Finished, true);
            }, WorkerStackBytes) { IsBackground = true, Name = "guarded-worker" };
            lock (gate) slots.Add(slot);
            thread.Start();
        }

        for (int w = 0; w < Math.Max(1, workers); w++) StartWorker();
        long limit = (long)(perItem.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Thread.Sleep(20);
            bool allFinished = true;
            Slot[] current;
            lock (gate) current = slots.ToArray();
            foreach (var slot in current)
            {
                if (slot.Abandoned) continue;
                if (!Volatile.Read(ref slot.Finished)) allFinished = false;
                int item = Volatile.Read(ref slot.Item);
                if (item < 0) continue;
                if (Stopwatch.GetTimestamp() - Volatile.Read(ref slot.StartTicks) > limit
                    && Interlocked.CompareExchange(ref states[item], (int)State.TimedOut, (int)State.Running) == (int)State.Running)
                {
                    slot.Abandoned = true;
                    StartWorker();
                    allFinished = false;
                }
            }
            if (allFinished) break;
        }
        var finalStates = new State[n];
        for (int i = 0; i < n; i++) finalStates[i] = (State)states[i];
        return (results, finalStates);
    }

    sealed class Slot
    {
        public int Item = -1;
        public long StartTicks;
        public bool Finished;
        public bool Abandoned;
    }
}
