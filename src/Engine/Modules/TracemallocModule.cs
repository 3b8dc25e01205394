#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `_tracemalloc` module behind `tracemalloc`. The engine's objects live on the
/// .NET heap, whose allocations cannot be attributed to Python tracebacks, so tracing never
/// starts: every query answers as CPython's does while tracing is off (no traces, zero traced
/// memory, no object traceback), which is what warnings, unittest and asyncio ask before they
/// use it, and start() refuses with a RuntimeError instead of pretending to trace.</summary>
public static class TracemallocModule
{
    /// <summary>CPython's limit on frames per traceback (start's nframe range).</summary>
    const int MaxNFrame = 65535;

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_tracemalloc", "Debug module to trace memory blocks allocated by Python.");
        NativeMembers.FillModule(m, typeof(TracemallocModule));
        return m;
    }

    public static void Register() => Importer.NativeModules["_tracemalloc"] = Create;

    [PyMethod]
    static bool is_tracing(ThreadState ts) => false;

    [PyMethod]
    static void start(ThreadState ts, long nframe = 1)
    {
        if (nframe < 1 || nframe > MaxNFrame)
            throw PyExc.ValueError($"the number of frames must be in range [1; {MaxNFrame}]");
        throw PyExc.RuntimeError("tracemalloc cannot trace memory allocations on this engine " +
            "(objects live on the .NET heap)");
    }

    [PyMethod]
    static void stop(ThreadState ts) { }

    [PyMethod]
    static void clear_traces(ThreadState ts) { }

    [PyMethod]
    static void reset_peak(ThreadState ts) { }

    /// <summary>The limit start() would have set; CPython's default is one frame.</summary>
    [PyMethod]
    static long get_traceback_limit(ThreadState ts) => 1;

    /// <summary>(current, peak) traced bytes: both zero while not tracing.</summary>
    [PyMethod]
    static PyObject get_traced_memory(ThreadState ts) => PyTuple.Of(PyInt.From(0), PyInt.From(0));

    /// <summary>Memory the tracer itself uses: none, since it never runs.</summary>
    [PyMethod]
    static long get_tracemalloc_memory(ThreadState ts) => 0;

    [PyMethod]
    static PyObject _get_traces(ThreadState ts) => new PyList();

    [PyMethod]
    static PyObject _get_object_traceback(ThreadState ts, PyObject obj) => PyNone.Value;
}
