#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Posix;

/// <summary>The `posix` module that os.py builds on (Linux). Its functions are spread over
/// PosixFiles (paths), PosixDescriptors (file descriptors) and PosixProcess (process, users,
/// system information); this class assembles the module: functions, constants, environ,
/// _have_functions and the result types.</summary>
public static unsafe class PosixModule
{
    public static readonly PyType TerminalSizeType = PyStructSeq.MakeType("os.terminal_size", new string?[] { "columns", "lines" }, 2,
        "A tuple of (columns, lines) for holding terminal window size");
    public static readonly PyType TimesResultType = PyStructSeq.MakeType("posix.times_result",
        new string?[] { "user", "system", "children_user", "children_system", "elapsed" }, 5, "times_result: Result from os.times().");
    public static readonly PyType UnameResultType = PyStructSeq.MakeType("posix.uname_result",
        new string?[] { "sysname", "nodename", "release", "version", "machine" }, 5, "uname_result: Result from os.uname().");

    /// <summary>The HAVE_* names os.py reads to build supports_dir_fd / supports_fd /
    /// supports_follow_symlinks: only those whose variants the functions here implement.</summary>
    static readonly string[] HaveFunctions = {
        "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHOWN", "HAVE_FCHOWNAT", "HAVE_FDOPENDIR", "HAVE_FPATHCONF",
        "HAVE_FSTATAT", "HAVE_FSTATVFS", "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_LINKAT", "HAVE_LCHOWN", "HAVE_LSTAT", "HAVE_MKDIRAT",
        "HAVE_MKFIFOAT", "HAVE_MKNODAT", "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT",
        "HAVE_UTIMENSAT" };

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("posix", "This module provides access to operating system functionality that is\n" +
            "standardized by the C Standard and the POSIX standard (a thinly\n" +
            "disguised Unix interface).  Refer to the library manual and\n" +
            "corresponding Unix manual entries for more information on calls.");
        NativeMembers.FillModule(m, typeof(PosixFiles));
        NativeMembers.FillModule(m, typeof(PosixDescriptors));
        NativeMembers.FillModule(m, typeof(PosixProcess));
        foreach (var (name, value) in PosixConstants.Os) m.Set(name, PyInt.From(value));
        m.Set("environ", Environ(ts));
        m.Set("error", ExceptionTypes.OSError);
        m.Set("stat_result", PosixStat.StatResultType);
        m.Set("terminal_size", TerminalSizeType);
        m.Set("times_result", TimesResultType);
        m.Set("uname_result", UnameResultType);
        m.Set("statvfs_result", PosixFiles.StatvfsResultType);
        m.Set("DirEntry", PyDirEntry.TypeObject);
        var have = new PyObject[HaveFunctions.Length];
        for (int i = 0; i < have.Length; i++) have[i] = new PyStr(HaveFunctions[i]);
        m.Set("_have_functions", new PyList(have));
        m.Set("sysconf_names", NameTable(PosixConstants.SysconfNames));
        m.Set("confstr_names", NameTable(PosixConstants.ConfstrNames));
        m.Set("pathconf_names", NameTable(PosixConstants.PathconfNames));
        return m;
    }

    public static void Register()
    {
        Importer.NativeModules["posix"] = Create;
        Importer.NativeModules["errno"] = ErrnoModule.Create;
        Importer.NativeModules["_stat"] = StatModule.Create;
        PwdModule.Register();
    }

    static PyDict NameTable((string Name, long Value)[] table)
    {
        var d = new PyDict();
        foreach (var (n, v) in table) d.SetStr(n, PyInt.From(v));
        return d;
    }

    /// <summary>posix.environ: the process environment as bytes keys and values, read from the C
    /// `environ` array (os.py decodes it into os.environ).</summary>
    static PyDict Environ(ThreadState ts)
    {
        var d = new PyDict();
        IntPtr lib = NativeLibrary.Load("libc.so.6");
        byte*** environ = (byte***)NativeLibrary.GetExport(lib, "environ");
        for (byte** p = *environ; p != null && *p != null; p++)
        {
            var entry = LibC.CString(*p);
            int eq = Array.IndexOf(entry, (byte)'=');
            if (eq <= 0) continue;   // CPython skips entries without '=' and those starting with it
            var key = PyBytes.From(entry[..eq]);
            if (!d.ContainsKey(ts, key)) d.SetItem(ts, key, PyBytes.From(entry[(eq + 1)..]));
        }
        return d;
    }
}
