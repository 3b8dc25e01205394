#nullable enable
using System;
using Stopwatch = System.Diagnostics.Stopwatch;
using Process = System.Diagnostics.Process;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>A minimal `time` module (perf_counter, monotonic, time, sleep, process_time) so that
/// the Stackless benchmarks and examples run before the engine has its full `time` module.
/// Registered only when no other `time` module is.</summary>
public static class MinimalTimeModule
{
    static readonly long s_start = Stopwatch.GetTimestamp();

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("time", "Minimal time module (StacklessIron fallback).");
        NativeMembers.FillModule(m, typeof(MinimalTimeModule));
        return m;
    }

    static double Elapsed() => (Stopwatch.GetTimestamp() - s_start) / (double)Stopwatch.Frequency;

    [PyMethod] static double perf_counter(ThreadState ts) => Elapsed();
    [PyMethod] static double monotonic(ThreadState ts) => Elapsed();
    [PyMethod] static double process_time(ThreadState ts) => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    [PyMethod] static double time(ThreadState ts) => (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
    [PyMethod] static long perf_counter_ns(ThreadState ts) => (long)(Elapsed() * 1e9);
    [PyMethod] static long time_ns(ThreadState ts) => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

    [PyMethod]
    static void sleep(ThreadState ts, double secs)
    {
        if (secs < 0) throw PyExc.ValueError("sleep length must be non-negative");
        System.Threading.Thread.Sleep(TimeSpan.FromSeconds(secs));
    }
}
