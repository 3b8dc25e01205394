#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>`faulthandler`: dumps the Python tracebacks of all threads, now or after a time
/// limit (test harnesses use it to show where a hung test waits). The engine cannot crash on
/// a fatal signal the way C code can, so enable() only records the setting.</summary>
public static class FaulthandlerModule
{
    static bool s_enabled;
    static System.Threading.Timer? s_later;

    public static void Register() => Importer.NativeModules["faulthandler"] = ts =>
    {
        var m = new PyModule("faulthandler", "faulthandler module.");
        NativeMembers.FillModule(m, typeof(FaulthandlerModule));
        return m;
    };

    [PyMethod] static void enable(ThreadState ts, [PyKeyword] PyObject? file = null, bool all_threads = true) => s_enabled = true;
    [PyMethod] static void disable(ThreadState ts) => s_enabled = false;
    [PyMethod] static bool is_enabled(ThreadState ts) => s_enabled;

    /// <summary>The tracebacks as CPython writes them: innermost frame first, per thread.</summary>
    static string Format(ThreadState ts, bool allThreads)
    {
        var sb = new StringBuilder();
        void Stack(Frame? f)
        {
            for (int n = 0; f != null && n < 100; f = f.Back, n++)
                sb.Append("  File \"").Append(f.Code.Code.Filename).Append("\", line ").Append(f.LineNo).Append(" in ").Append(f.Code.Code.Name).Append('\n');
        }
        if (!allThreads)
        {
            sb.Append("Stack (most recent call first):\n");
            Stack(ts.Frame);
            return sb.ToString();
        }
        foreach (var t in ts.Engine.Gil.Threads)
        {
            if (t == ts) continue;
            sb.Append($"Thread 0x{t.Ident:x16} (most recent call first):\n");
            Stack(t.Frame);
            sb.Append('\n');
        }
        sb.Append($"Current thread 0x{ts.Ident:x16} (most recent call first):\n");
        Stack(ts.Frame);
        return sb.ToString();
    }

    static void Write(ThreadState ts, PyObject? file, string text)
    {
        if (file == null || file == PyNone.Value) file = ts.Engine.Sys.Get("stderr");
        if (file == null || file == PyNone.Value) throw PyExc.RuntimeError("sys.stderr is None");
        if (file is PyInt) { ts.Engine.Stderr.Write(text); ts.Engine.Stderr.Flush(); return; }
        Ops.CallMethod(ts, file, "write", new PyStr(text));
        try { Ops.CallMethod(ts, file, "flush"); } catch (PyException) { }
    }

    [PyMethod]
    static void dump_traceback(ThreadState ts, [PyKeyword] PyObject? file = null, bool all_threads = true)
        => Write(ts, file, Format(ts, all_threads));

    /// <summary>After `timeout` seconds (again and again with repeat), writes all threads'
    /// tracebacks to the engine's stderr; with exit=True the process then ends (status 1).
    /// The timer thread reads the frames without taking the interpreter lock, as CPython's watchdog does.</summary>
    [PyMethod]
    static void dump_traceback_later(ThreadState ts, double timeout, [PyKeyword] bool repeat = false, PyObject? file = null, bool exit = false)
    {
        if (timeout <= 0) throw PyExc.ValueError("timeout must be greater than 0");
        s_later?.Dispose();
        var engine = ts.Engine;
        var period = TimeSpan.FromSeconds(timeout);
        var started = DateTime.UtcNow;
        s_later = new System.Threading.Timer(_ =>
        {
            try
            {
                var el = DateTime.UtcNow - started;
                var text = $"Timeout ({(int)el.TotalHours}:{el.Minutes:00}:{el.Seconds:00})!\n" + Format(engine.Gil.Owner ?? engine.MainThread, true).Replace("Current thread", "Thread");
                engine.Stderr.Write(text);
                engine.Stderr.Flush();
            }
            catch (Exception) { }
            if (exit) Environment.Exit(1);
        }, null, period, repeat ? period : System.Threading.Timeout.InfiniteTimeSpan);
    }

    [PyMethod]
    static void cancel_dump_traceback_later(ThreadState ts)
    {
        s_later?.Dispose();
        s_later = null;
    }
}
