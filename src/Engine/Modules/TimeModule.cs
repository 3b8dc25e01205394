#nullable enable
using System;
using System.Diagnostics;
using System.Text;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules;

/// <summary>The `time` module. Clocks come from .NET (wall clock: DateTime.UtcNow; monotonic
/// and perf_counter: Stopwatch); calendar conversions go through DateTime and the local
/// TimeZoneInfo; strftime formats the C-locale directives itself.</summary>
public static class TimeModule
{
    static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    static readonly string[] DayAbbr = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    static readonly string[] DayName = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
    static readonly string[] MonAbbr = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    static readonly string[] MonName = { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("time", "This module provides various functions to manipulate time values.");
        NativeMembers.FillModule(m, typeof(TimeModule));
        m.Set("struct_time", StructTime.TypeObject);
        foreach (var (name, id) in new[] { ("CLOCK_REALTIME", LibC.CLOCK_REALTIME), ("CLOCK_MONOTONIC", LibC.CLOCK_MONOTONIC),
            ("CLOCK_MONOTONIC_RAW", LibC.CLOCK_MONOTONIC_RAW), ("CLOCK_PROCESS_CPUTIME_ID", LibC.CLOCK_PROCESS_CPUTIME_ID),
            ("CLOCK_THREAD_CPUTIME_ID", LibC.CLOCK_THREAD_CPUTIME_ID), ("CLOCK_BOOTTIME", LibC.CLOCK_BOOTTIME), ("CLOCK_TAI", LibC.CLOCK_TAI) })
            m.Set(name, PyInt.From(id));
        m.Set("_STRUCT_TM_ITEMS", PyInt.From(11));   // struct tm fields incl. tm_gmtoff and tm_zone (test_time reads it)
        var tz = TimeZoneInfo.Local;
        var year = DateTime.UtcNow.Year;
        var jan = tz.GetUtcOffset(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var jul = tz.GetUtcOffset(new DateTime(year, 7, 1, 0, 0, 0, DateTimeKind.Utc));
        var std = jan < jul ? jan : jul; var dst = jan < jul ? jul : jan;
        m.Set("timezone", PyInt.From(-(long)std.TotalSeconds));
        m.Set("altzone", PyInt.From(-(long)dst.TotalSeconds));
        m.Set("daylight", PyInt.From(tz.SupportsDaylightSavingTime && jan != jul ? 1 : 0));
        m.Set("tzname", PyTuple.Of(new PyStr(ZoneName(tz, false)), new PyStr(ZoneName(tz, true))));
        return m;
    }

    public static void Register() => Importer.NativeModules["time"] = Create;

    static string ZoneName(TimeZoneInfo tz, bool dst)
    {
        if (tz.BaseUtcOffset == TimeSpan.Zero && !tz.SupportsDaylightSavingTime) return "UTC";
        return dst ? tz.DaylightName : tz.StandardName;
    }

    // ---------------- clocks ----------------

    static long NowTicks() => (DateTime.UtcNow - Epoch).Ticks;
    [PyMethod] static double time(ThreadState ts) => NowTicks() / 1e7;
    [PyMethod] static PyObject time_ns(ThreadState ts) => PyInt.From((System.Numerics.BigInteger)NowTicks() * 100);
    static long MonoNs() => (long)((System.Numerics.BigInteger)Stopwatch.GetTimestamp() * 1_000_000_000 / Stopwatch.Frequency);
    [PyMethod] static double perf_counter(ThreadState ts) => MonoNs() / 1e9;
    [PyMethod] static long perf_counter_ns(ThreadState ts) => MonoNs();
    [PyMethod] static double monotonic(ThreadState ts) => MonoNs() / 1e9;
    [PyMethod] static long monotonic_ns(ThreadState ts) => MonoNs();
    [PyMethod] static double process_time(ThreadState ts) => ClockNs(LibC.CLOCK_PROCESS_CPUTIME_ID) / 1e9;
    [PyMethod] static long process_time_ns(ThreadState ts) => ClockNs(LibC.CLOCK_PROCESS_CPUTIME_ID);
    /// <summary>The calling OS thread's CPU time (a tasklet's time is its thread's).</summary>
    [PyMethod] static double thread_time(ThreadState ts) => ClockNs(LibC.CLOCK_THREAD_CPUTIME_ID) / 1e9;
    [PyMethod] static long thread_time_ns(ThreadState ts) => ClockNs(LibC.CLOCK_THREAD_CPUTIME_ID);

    // ---------------- clock_* (the POSIX clocks, by id) ----------------

    static long ClockNs(int clockId)
    {
        if (LibC.clock_gettime(clockId, out var t) != 0) throw PosixErrors.FromErrno(LibC.Errno);
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }

    [PyMethod] static double clock_gettime(ThreadState ts, int clk_id)
    {
        if (LibC.clock_gettime(clk_id, out var t) != 0) throw PosixErrors.FromErrno(LibC.Errno);
        return t.Seconds + t.Nanoseconds * 1e-9;
    }

    [PyMethod] static long clock_gettime_ns(ThreadState ts, int clk_id) => ClockNs(clk_id);

    [PyMethod] static double clock_getres(ThreadState ts, int clk_id)
    {
        if (LibC.clock_getres(clk_id, out var t) != 0) throw PosixErrors.FromErrno(LibC.Errno);
        return t.Seconds + t.Nanoseconds * 1e-9;
    }

    [PyMethod] static void clock_settime(ThreadState ts, int clk_id, PyObject time)
    {
        double secs = Ops.ToDouble(ts, time);
        if (double.IsNaN(secs)) throw PyExc.ValueError("Invalid value NaN (not a number)");
        SetClock(clk_id, LibC.Timespec.FromSeconds(secs));
    }

    [PyMethod] static void clock_settime_ns(ThreadState ts, int clk_id, PyObject time)
    {
        if (time is not PyInt) throw PyExc.TypeError($"'{time.Type.Name}' object cannot be interpreted as an integer");
        var ns = ((PyInt)time).Big;
        var sec = System.Numerics.BigInteger.DivRem(ns, 1_000_000_000, out var rem);
        if (rem < 0) { rem += 1_000_000_000; sec -= 1; }
        if (sec > long.MaxValue || sec < long.MinValue) throw PyExc.OverflowError("timestamp too large to convert to C _PyTime_t");
        SetClock(clk_id, new LibC.Timespec { Seconds = (long)sec, Nanoseconds = (long)rem });
    }

    static void SetClock(int clockId, LibC.Timespec t)
    {
        if (LibC.clock_settime(clockId, in t) != 0) throw PosixErrors.FromErrno(LibC.Errno);
    }

    /// <summary>time.sleep's argument as seconds, with its TypeError/ValueError/OverflowError
    /// (shared by the sleeps of the cooperative I/O module).</summary>
    public static double SleepSeconds(ThreadState ts, PyObject secs)
    {
        if (secs is not PyInt && secs is not PyFloat && secs.Type.Float == null && secs.Type.Index == null)
            throw PyExc.TypeError($"'{secs.Type.Name}' object cannot be interpreted as an integer");
        var s = Ops.ToDouble(ts, secs);
        if (double.IsNaN(s)) throw PyExc.ValueError("Invalid value NaN (not a number)");
        if (s < 0) throw PyExc.ValueError("sleep length must be non-negative");
        if (s > 1e9) throw PyExc.OverflowError("timestamp too large to convert to C _PyTime_t");
        return s;
    }

    [PyMethod]
    static void sleep(ThreadState ts, PyObject secs)
    {
        var s = SleepSeconds(ts, secs);
        // On the main thread a signal for a Python handler interrupts the sleep: the handler
        // runs (its exception ends the sleep), then the rest of the time is slept (PEP 475).
        // Both waits are nanosecond-precise (ppoll on the signal event's pipe, nanosleep).
        long end = Stopwatch.GetTimestamp() + (long)(s * Stopwatch.Frequency);
        var arrived = ts == ts.Engine.MainThread ? ts.Engine.SignalArrived : null;
        while (true)
        {
            long left = end - Stopwatch.GetTimestamp();
            if (left <= 0) return;
            double secsLeft = left / (double)Stopwatch.Frequency;
            bool signalled = false;
            using (ts.AllowThreads())
            {
                if (arrived != null) signalled = arrived.Wait(secsLeft);
                else
                {
                    Posix.LibC.nanosleep(Posix.LibC.Timespec.FromSeconds(secsLeft), out _);   // EINTR: the loop sleeps what is left
                }
            }
            if (signalled)
            {
                arrived!.Reset();
                ts.RunPendingSignals();
            }
        }
    }

    static double Resolution(int clockId)
        => LibC.clock_getres(clockId, out var t) == 0 ? t.Seconds + t.Nanoseconds * 1e-9 : 1e-9;

    [PyMethod]
    static PyObject get_clock_info(ThreadState ts, string name)
    {
        var ns = new PySimpleNamespace();
        (string impl, bool mono, bool adj, double res) = name switch
        {
            "time" => ("clock_gettime(CLOCK_REALTIME)", false, true, 1e-07),
            "monotonic" => ("clock_gettime(CLOCK_MONOTONIC)", true, false, 1.0 / Stopwatch.Frequency),
            "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false, 1.0 / Stopwatch.Frequency),
            "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false, Resolution(LibC.CLOCK_PROCESS_CPUTIME_ID)),
            "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false, Resolution(LibC.CLOCK_THREAD_CPUTIME_ID)),
            _ => throw PyExc.ValueError("unknown clock"),
        };
        ns.Dict!.SetStr("implementation", new PyStr(impl));
        ns.Dict!.SetStr("monotonic", PyBool.From(mono));
        ns.Dict!.SetStr("adjustable", PyBool.From(adj));
        ns.Dict!.SetStr("resolution", new PyFloat(res));
        return ns;
    }

    // ---------------- calendar conversions ----------------

    static double Seconds(ThreadState ts, PyObject? secs)
    {
        if (secs == null || secs is PyNone) return NowTicks() / 1e7;
        if (secs is not PyInt && secs is not PyFloat && secs.Type.Float == null && secs.Type.Index == null)
            throw PyExc.TypeError($"'{secs.Type.Name}' object cannot be interpreted as an integer");
        var s = Ops.ToDouble(ts, secs);
        if (double.IsNaN(s)) throw PyExc.ValueError("Invalid value NaN (not a number)");
        return s;
    }

    static DateTime UtcOf(double secs)
    {
        var whole = Math.Floor(secs);
        if (whole < -62135596800.0 || whole > 253402300799.0) throw PyExc.OverflowError("timestamp out of range for platform time_t");
        return Epoch.AddSeconds(whole);
    }

    static StructTime Make(DateTime d, int isdst, string zone, long gmtoff) => new(StructTime.TypeObject, new PyObject[] {
            PyInt.From(d.Year), PyInt.From(d.Month), PyInt.From(d.Day), PyInt.From(d.Hour), PyInt.From(d.Minute), PyInt.From(d.Second),
            PyInt.From(((int)d.DayOfWeek + 6) % 7), PyInt.From(d.DayOfYear), PyInt.From(isdst) }, new PyStr(zone), PyInt.From(gmtoff));

    [PyMethod] static PyObject gmtime(ThreadState ts, PyObject? secs = null) => Make(UtcOf(Seconds(ts, secs)), 0, "GMT", 0);

    static StructTime Local(DateTime utc)
    {
        var tz = TimeZoneInfo.Local;
        var off = tz.GetUtcOffset(utc);
        bool dst = tz.IsDaylightSavingTime(utc);
        return Make(utc + off, dst ? 1 : 0, ZoneName(tz, dst), (long)off.TotalSeconds);
    }

    [PyMethod] static PyObject localtime(ThreadState ts, PyObject? secs = null) => Local(UtcOf(Seconds(ts, secs)));

    /// <summary>The nine fields of a struct_time or 9-tuple, as longs.</summary>
    static long[] Fields(ThreadState ts, PyObject t, string func)
    {
        if (t is not PyTuple tup) throw PyExc.TypeError($"Tuple or struct_time argument required");
        if (tup.Items.Length != 9) throw PyExc.TypeError($"{func}(): illegal time tuple argument");
        var f = new long[9];
        for (int i = 0; i < 9; i++)
        {
            var v = tup.Items[i];
            if (v is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
            f[i] = Ops.Index(ts, v).ToLongChecked();
        }
        return f;
    }

    [PyMethod]
    static double mktime(ThreadState ts, PyObject t)
    {
        var f = Fields(ts, t, "mktime");
        DateTime local;
        try
        {
            local = new DateTime((int)f[0], 1, 1, 0, 0, 0, DateTimeKind.Unspecified)
                .AddMonths((int)f[1] - 1).AddDays(f[2] - 1).AddHours(f[3]).AddMinutes(f[4]).AddSeconds(f[5]);
        }
        catch (ArgumentException) { throw PyExc.OverflowError("mktime argument out of range"); }
        var tz = TimeZoneInfo.Local;
        var off = tz.IsInvalidTime(local) ? tz.BaseUtcOffset : tz.GetUtcOffset(local);
        return (local - off - DateTime.SpecifyKind(Epoch, DateTimeKind.Unspecified)).Ticks / 1e7;
    }

    static long[] CheckedFields(ThreadState ts, PyObject? t, string func)
    {
        long[] f;
        if (t == null) { var st = Local(DateTime.UtcNow); f = new long[9]; for (int i = 0; i < 9; i++) f[i] = ((PyInt)st.Items[i]).Small; return f; }
        f = Fields(ts, t, func);
        // CPython's checktm: 0 stands for "unset" in month, day of month and day of year.
        if (f[1] == 0) f[1] = 1;
        if (f[2] == 0) f[2] = 1;
        if (f[7] == 0) f[7] = 1;
        if (f[1] < 1 || f[1] > 12) throw PyExc.ValueError("month out of range");
        if (f[2] < 1 || f[2] > 31) throw PyExc.ValueError("day of month out of range");
        if (f[3] < 0 || f[3] > 23) throw PyExc.ValueError("hour out of range");
        if (f[4] < 0 || f[4] > 59) throw PyExc.ValueError("minute out of range");
        if (f[5] < 0 || f[5] > 61) throw PyExc.ValueError("seconds out of range");
        if (f[6] < 0) throw PyExc.ValueError("day of week out of range");
        f[6] %= 7;
        if (f[7] < 1 || f[7] > 366) throw PyExc.ValueError("day of year out of range");
        if (f[8] < -1) f[8] = -1; else if (f[8] > 1) f[8] = 1;
        return f;
    }

    static string Asc(long[] f) =>
        $"{DayAbbr[f[6]]} {MonAbbr[f[1] - 1]} {f[2],2} {f[3]:00}:{f[4]:00}:{f[5]:00} {f[0]}";

    [PyMethod] static string asctime(ThreadState ts, PyObject? t = null) => Asc(CheckedFields(ts, t, "asctime"));

    [PyMethod]
    static string ctime(ThreadState ts, PyObject? secs = null)
    {
        var st = Local(UtcOf(Seconds(ts, secs)));
        var f = new long[9]; for (int i = 0; i < 9; i++) f[i] = ((PyInt)st.Items[i]).Small;
        return Asc(f);
    }

    /// <summary>strptime(string, format): parsed by the stdlib's _strptime, as CPython's C module does.</summary>
    [PyMethod]
    static PyObject strptime(ThreadState ts, PyObject @string, PyObject? format = null)
    {
        var parser = Importer.ImportModule(ts, "_strptime");
        return format == null ? Ops.CallMethod(ts, parser, "_strptime_time", @string) : Ops.CallMethod(ts, parser, "_strptime_time", @string, format);
    }

    [PyMethod]
    static string strftime(ThreadState ts, string format, PyObject? t = null)
    {
        var f = CheckedFields(ts, t, "strftime");
        string zone = t is StructTime s && s.Zone is PyStr zs ? zs.Value : ZoneName(TimeZoneInfo.Local, f[8] > 0);
        long gmtoff = t is StructTime s2 && s2.GmtOff is PyInt gi ? gi.Small : (long)TimeZoneInfo.Local.BaseUtcOffset.TotalSeconds;
        var sb = new StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%' || i + 1 >= format.Length) { sb.Append(c); continue; }
            char d = format[++i];
            long hour12 = f[3] % 12 == 0 ? 12 : f[3] % 12;
            switch (d)
            {
                case 'a': sb.Append(DayAbbr[f[6]]); break;
                case 'A': sb.Append(DayName[f[6]]); break;
                case 'b': case 'h': sb.Append(MonAbbr[f[1] - 1]); break;
                case 'B': sb.Append(MonName[f[1] - 1]); break;
                case 'c': sb.Append(Asc(f)); break;
                case 'C': sb.Append((f[0] / 100).ToString("00")); break;
                case 'd': sb.Append(f[2].ToString("00")); break;
                case 'D': sb.Append($"{f[1]:00}/{f[2]:00}/{f[0] % 100:00}"); break;
                case 'e': sb.Append($"{f[2],2}"); break;
                case 'F': sb.Append($"{f[0]}-{f[1]:00}-{f[2]:00}"); break;
                case 'H': sb.Append(f[3].ToString("00")); break;
                case 'I': sb.Append(hour12.ToString("00")); break;
                case 'j': sb.Append(f[7].ToString("000")); break;
                case 'm': sb.Append(f[1].ToString("00")); break;
                case 'M': sb.Append(f[4].ToString("00")); break;
                case 'n': sb.Append('\n'); break;
                case 'p': sb.Append(f[3] < 12 ? "AM" : "PM"); break;
                case 'R': sb.Append($"{f[3]:00}:{f[4]:00}"); break;
                case 'S': sb.Append(f[5].ToString("00")); break;
                case 't': sb.Append('\t'); break;
                case 'T': case 'X': sb.Append($"{f[3]:00}:{f[4]:00}:{f[5]:00}"); break;
                case 'u': sb.Append(f[6] + 1); break;
                case 'w': sb.Append((f[6] + 1) % 7); break;
                case 'U': sb.Append(((f[7] - 1 + 7 - (f[6] + 1) % 7) / 7).ToString("00")); break;
                case 'W': sb.Append(((f[7] - 1 + 7 - f[6]) / 7).ToString("00")); break;
                case 'x': sb.Append($"{f[1]:00}/{f[2]:00}/{f[0] % 100:00}"); break;
                case 'y': sb.Append((f[0] % 100).ToString("00")); break;
                case 'Y': sb.Append(f[0]); break;
                case 'z': { var o = gmtoff; sb.Append(o < 0 ? '-' : '+'); o = Math.Abs(o); sb.Append($"{o / 3600:00}{o / 60 % 60:00}"); break; }
                case 'Z': sb.Append(zone); break;
                case '%': sb.Append('%'); break;
                default: sb.Append('%').Append(d); break;
            }
        }
        return sb.ToString();
    }
}
