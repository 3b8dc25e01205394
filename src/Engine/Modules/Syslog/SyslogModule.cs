#nullable enable
using System;
using System.Runtime.InteropServices;
using StacklessIron.Modules.Syslog;
namespace StacklessIron.Modules;

/// <summary>The `syslog` module over glibc's openlog/syslog/closelog/setlogmask. glibc keeps
/// the ident pointer it was given, so the module owns that native string until the log is
/// closed or reopened (as CPython keeps its ident object alive).</summary>
public static class SyslogModule
{
    const int LOG_USER = 8, LOG_INFO = 6;

    [DllImport("libc")] static extern void openlog(IntPtr ident, int option, int facility);
    [DllImport("libc", EntryPoint = "syslog")] static extern void syslog_native(int priority, byte[] format, byte[] message);
    [DllImport("libc")] static extern void closelog();
    [DllImport("libc")] static extern int setlogmask(int mask);

    static readonly object s_lock = new();
    static IntPtr s_ident;      // the native ident string glibc holds on to
    static bool s_open;

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("syslog");
        NativeMembers.FillModule(m, typeof(SyslogModule));
        foreach (var (name, value) in SyslogConstants.All) m.Set(name, PyInt.From(value));
        return m;
    }

    public static void Register() => Importer.NativeModules["syslog"] = Create;

    /// <summary>Strict UTF-8 (a lone surrogate is a UnicodeEncodeError) with a terminating NUL;
    /// an embedded NUL simply ends the C string early, as with CPython's PyUnicode_AsUTF8.</summary>
    static byte[] CString(ThreadState ts, PyStr s)
    {
        var bytes = PyStrCodecs.Encode(ts, s, "utf-8", "strict");
        Array.Resize(ref bytes, bytes.Length + 1);
        return bytes;
    }

    /// <summary>The default ident: the basename of sys.argv[0], when there is one.</summary>
    static PyStr? ScriptName(ThreadState ts)
    {
        if (ts.Engine.Sys.Get("argv") is not PyList argv || argv.Count == 0) return null;
        if (argv.Items[0] is not PyStr script || script.Value.Length == 0) return null;
        int slash = script.Value.LastIndexOf('/');
        return slash >= 0 ? new PyStr(script.Value[(slash + 1)..]) : script;
    }

    [PyMethod("openlog")]
    static void OpenLog(ThreadState ts, [PyKeyword] PyObject? ident = null, int logoption = 0, int facility = LOG_USER)
    {
        // Only a missing ident means sys.argv[0]; an explicit None is refused, as in CPython.
        PyStr? name = ident == null ? ScriptName(ts)
            : ident as PyStr ?? throw PyExc.TypeError($"openlog() argument 1 must be str, not {(ident == PyNone.Value ? "None" : ident.Type.Name)}");
        IntPtr native = IntPtr.Zero;
        if (name != null)
        {
            var bytes = CString(ts, name);
            native = Marshal.AllocHGlobal(bytes.Length);
            Marshal.Copy(bytes, 0, native, bytes.Length);
        }
        lock (s_lock)
        {
            openlog(native, logoption, facility);
            // glibc now points at the new ident; the old one may go.
            if (s_ident != IntPtr.Zero) Marshal.FreeHGlobal(s_ident);
            s_ident = native;
            s_open = true;
        }
    }

    [PyMethod("syslog")]
    static void Syslog(ThreadState ts, params PyObject[] args)
    {
        if (args.Length < 1 || args.Length > 2) throw PyExc.TypeError("[priority,] message string");
        int priority = LOG_INFO;
        if (args.Length == 2)
        {
            if (args[0] is not PyInt p || args[1] is not PyStr) throw PyExc.TypeError("[priority,] message string");
            if (!p.FitsLong || p.Small > int.MaxValue || p.Small < int.MinValue) throw PyExc.OverflowError("signed integer is greater than maximum");
            priority = (int)p.Small;
        }
        if (args[^1] is not PyStr message) throw PyExc.TypeError("[priority,] message string");
        var text = CString(ts, message);
        if (!s_open) OpenLog(ts);
        var format = new byte[] { (byte)'%', (byte)'s', 0 };
        using (ts.AllowThreads()) syslog_native(priority, format, text);
    }

    [PyMethod("closelog")]
    static void CloseLog(ThreadState ts)
    {
        lock (s_lock)
        {
            if (!s_open) return;
            closelog();
            if (s_ident != IntPtr.Zero) Marshal.FreeHGlobal(s_ident);
            s_ident = IntPtr.Zero;
            s_open = false;
        }
    }

    [PyMethod("setlogmask")] static long SetLogMask(ThreadState ts, int maskpri) => setlogmask(maskpri);
    // C int arithmetic: the shift count wraps at 32 (x86), as C# int shifts do too.
    [PyMethod] static long LOG_MASK(ThreadState ts, int pri) => unchecked(1 << pri);
    [PyMethod] static long LOG_UPTO(ThreadState ts, int pri) => unchecked((1 << (pri + 1)) - 1);
}
