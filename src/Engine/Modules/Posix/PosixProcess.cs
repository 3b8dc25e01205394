#nullable enable
using System;
namespace StacklessIron.Modules.Posix;

/// <summary>posix functions about the process and the system: ids, signals to processes,
/// the environment, system()/waitpid and wait-status macros, uname, times, sysconf, urandom.
/// There is no fork(): a .NET runtime cannot survive it; children start through system()
/// and posix_spawn (which glibc implements with vfork+exec).</summary>
public static unsafe class PosixProcess
{
    [PyMethod] static int getpid(ThreadState ts) => LibC.getpid();
    [PyMethod] static int getppid(ThreadState ts) => LibC.getppid();
    [PyMethod] static long getuid(ThreadState ts) => (uint)LibC.getuid();
    [PyMethod] static long geteuid(ThreadState ts) => (uint)LibC.geteuid();
    [PyMethod] static long getgid(ThreadState ts) => (uint)LibC.getgid();
    [PyMethod] static long getegid(ThreadState ts) => (uint)LibC.getegid();
    [PyMethod] static int getpgrp(ThreadState ts) => LibC.getpgrp();

    [PyMethod]
    static int getpgid(ThreadState ts, int pid)
    {
        int r = LibC.getpgid(pid);
        if (r < 0) throw PosixErrors.Last();
        return r;
    }

    [PyMethod]
    static int getsid(ThreadState ts, int pid)
    {
        int r = LibC.getsid(pid);
        if (r < 0) throw PosixErrors.Last();
        return r;
    }

    [PyMethod]
    static PyObject getgroups(ThreadState ts)
    {
        int n = LibC.getgroups(0, null);
        if (n < 0) throw PosixErrors.Last();
        var groups = new int[n];
        fixed (int* g = groups) n = LibC.getgroups(n, g);
        if (n < 0) throw PosixErrors.Last();
        var list = new PyList();
        for (int i = 0; i < n; i++) list.Append(PyInt.From((uint)groups[i]));
        return list;
    }

    [PyMethod]
    static PyObject getlogin(ThreadState ts)
    {
        var p = LibC.getlogin();
        if (p == IntPtr.Zero)
        {
            int err = LibC.Errno;
            if (err != 0) throw PosixErrors.FromErrno(err);
            throw PyExc.OSError("unable to determine login name");
        }
        return new PyStr(PathArg.Decode(ts, LibC.CString((byte*)p)));
    }

    [PyMethod]
    static void kill(ThreadState ts, int pid, int signal)
    {
        // A signal to ourselves reaches a Python handler at once, as CPython's would run at
        // the next bytecode boundary.
        if (pid == LibC.getpid() && SignalModule.DeliverToSelf(ts, signal)) return;
        if (LibC.kill(pid, signal) != 0) throw PosixErrors.Last();
    }

    [PyMethod]
    static void killpg(ThreadState ts, int pgid, int signal)
    {
        if (LibC.killpg(pgid, signal) != 0) throw PosixErrors.Last();
    }

    [PyMethod]
    static int umask(ThreadState ts, int mask) => LibC.umask(mask);

    [PyMethod]
    static int nice(ThreadState ts, int increment)
    {
        System.Runtime.InteropServices.Marshal.SetLastPInvokeError(0);
        int r = LibC.nice(increment);
        if (r == -1 && LibC.Errno != 0) throw PosixErrors.Last();
        return r;
    }

    [PyMethod] static void sched_yield(ThreadState ts) => LibC.sched_yield();

    [PyMethod] static string strerror(ThreadState ts, int code) => LibC.StrError(code);

    [PyMethod]
    static PyObject urandom(ThreadState ts, long size)
    {
        if (size < 0) throw PyExc.ValueError("negative argument not allowed");
        var buf = new byte[size];
        System.Security.Cryptography.RandomNumberGenerator.Fill(buf);
        return PyBytes.From(buf);
    }

    [PyMethod]
    static PyObject cpu_count(ThreadState ts)
    {
        long n = LibC.sysconf(84 /* _SC_NPROCESSORS_ONLN */);
        return n < 1 ? PyNone.Value : PyInt.From(n);
    }

    [PyMethod]
    static PyObject getloadavg(ThreadState ts)
    {
        double* l = stackalloc double[3];
        if (LibC.getloadavg(l, 3) != 3) throw PyExc.OSError("Load averages are unobtainable");
        return PyTuple.Of(new PyFloat(l[0]), new PyFloat(l[1]), new PyFloat(l[2]));
    }

    [PyMethod]
    static PyObject uname(ThreadState ts)
    {
        byte* buf = stackalloc byte[6 * 65];
        if (LibC.uname(buf) != 0) throw PosixErrors.Last();
        var f = new PyObject[5];
        for (int i = 0; i < 5; i++) f[i] = new PyStr(PathArg.Decode(ts, LibC.CString(buf + 65 * i)));
        return PyStructSeq.Create(PosixModule.UnameResultType, f);
    }

    [PyMethod]
    static PyObject times(ThreadState ts)
    {
        long* t = stackalloc long[4];
        long elapsed = LibC.times(t);
        if (elapsed == -1) throw PosixErrors.Last();
        double tick = LibC.sysconf(2 /* _SC_CLK_TCK */);
        return PyStructSeq.Create(PosixModule.TimesResultType, new PyFloat(t[0] / tick), new PyFloat(t[1] / tick),
            new PyFloat(t[2] / tick), new PyFloat(t[3] / tick), new PyFloat(elapsed / tick));
    }

    /// <summary>A sysconf/confstr/pathconf name: an int, or a key of the names table.</summary>
    internal static int ConfName(ThreadState ts, PyObject name, (string Name, long Value)[] table)
    {
        if (name is PyInt) return FdArg.ToFd(ts, name);
        if (name is not PyStr s) throw PyExc.TypeError("configuration names must be strings or integers");
        foreach (var (n, v) in table) if (n == s.Value) return (int)v;
        throw PyExc.ValueError("unrecognized configuration name");
    }

    [PyMethod]
    static long sysconf(ThreadState ts, PyObject name)
    {
        int n = ConfName(ts, name, PosixConstants.SysconfNames);
        System.Runtime.InteropServices.Marshal.SetLastPInvokeError(0);
        long r = LibC.sysconf(n);
        if (r == -1 && LibC.Errno != 0) throw PosixErrors.Last();
        return r;
    }

    [PyMethod]
    static PyObject confstr(ThreadState ts, PyObject name)
    {
        int n = ConfName(ts, name, PosixConstants.ConfstrNames);
        System.Runtime.InteropServices.Marshal.SetLastPInvokeError(0);
        nint len = LibC.confstr(n, null, 0);
        if (len == 0)
        {
            if (LibC.Errno != 0) throw PosixErrors.Last();
            return PyNone.Value;
        }
        var buf = new byte[len];
        fixed (byte* b = buf) LibC.confstr(n, b, len);
        return new PyStr(PathArg.Decode(ts, buf[..(int)(len - 1)]));
    }

    // ---------------- environment ----------------

    static byte[] EnvBytes(ThreadState ts, PyObject o, string what)
    {
        var p = PathArg.FsPath(ts, o, allowBytes: true, out bool bad);
        if (bad) throw PyExc.TypeError($"expected str, bytes or os.PathLike object, not {o.Type.Name}");
        var b = p is PyStr s ? PathArg.Encode(ts, s) : ((PyBytes)p).Data;
        if (Array.IndexOf(b, (byte)0) >= 0) throw PyExc.ValueError("embedded null byte");
        return [.. b, 0];
    }

    [PyMethod]
    static void putenv(ThreadState ts, PyObject name, PyObject value)
    {
        var n = EnvBytes(ts, name, "name");
        if (n.Length == 1 || Array.IndexOf(n, (byte)'=') >= 0) throw PyExc.ValueError("illegal environment variable name");
        if (LibC.setenv(n, EnvBytes(ts, value, "value"), 1) != 0) throw PosixErrors.Last();
    }

    [PyMethod]
    static void unsetenv(ThreadState ts, PyObject name)
    {
        var n = EnvBytes(ts, name, "name");
        if (n.Length == 1 || Array.IndexOf(n, (byte)'=') >= 0) throw PyExc.ValueError("illegal environment variable name");
        if (LibC.unsetenv(n) != 0) throw PosixErrors.Last();
    }

    // ---------------- child processes ----------------

    [PyMethod]
    static int system(ThreadState ts, [PyKeyword] PyObject command)
    {
        // sys.stdout is not flushed first, as in CPython: a piped program sees the same order.
        return LibC.system(EnvBytes(ts, command, "command"));
    }

    [PyMethod]
    static PyObject waitpid(ThreadState ts, int pid, int options)
    {
        int status = 0, r, err = 0;
        using (ts.AllowThreads())
            do r = LibC.waitpid(pid, &status, options); while (r < 0 && (err = LibC.Errno) == LibC.EINTR);
        if (r < 0) throw PosixErrors.FromErrno(err);
        return PyTuple.Of(PyInt.From(r), PyInt.From(status));
    }

    [PyMethod]
    static PyObject wait(ThreadState ts) => waitpid(ts, -1, 0);

    [PyMethod]
    static int waitstatus_to_exitcode(ThreadState ts, [PyKeyword] int status)
    {
        if (WIFEXITED(ts, status)) return WEXITSTATUS(ts, status);
        if (WIFSIGNALED(ts, status)) return -WTERMSIG(ts, status);
        throw PyExc.ValueError($"invalid wait status: {status}");
    }

    [PyMethod] static bool WIFEXITED(ThreadState ts, [PyKeyword] int status) => (status & 0x7f) == 0;
    [PyMethod] static int WEXITSTATUS(ThreadState ts, [PyKeyword] int status) => (status >> 8) & 0xff;
    [PyMethod] static bool WIFSIGNALED(ThreadState ts, [PyKeyword] int status) => ((sbyte)((status & 0x7f) + 1) >> 1) > 0;
    [PyMethod] static int WTERMSIG(ThreadState ts, [PyKeyword] int status) => status & 0x7f;
    [PyMethod] static bool WIFSTOPPED(ThreadState ts, [PyKeyword] int status) => (status & 0xff) == 0x7f;
    [PyMethod] static int WSTOPSIG(ThreadState ts, [PyKeyword] int status) => (status >> 8) & 0xff;
    [PyMethod] static bool WIFCONTINUED(ThreadState ts, [PyKeyword] int status) => status == 0xffff;
    [PyMethod] static bool WCOREDUMP(ThreadState ts, [PyKeyword] int status) => (status & 0x80) != 0;

    [PyMethod]
    static void execv(ThreadState ts, PyObject path, PyObject argv)
    {
        var p = PosixSpawn.FsBytes(ts, path, "path");
        PosixSpawn.Exec(p, PosixSpawn.Argv(ts, argv, "execv", true), null, path);
    }

    [PyMethod]
    static void execve(ThreadState ts, [PyKeyword] PyObject path, PyObject argv, PyObject env)
    {
        var p = PosixSpawn.FsBytes(ts, path, "path");
        PosixSpawn.Exec(p, PosixSpawn.Argv(ts, argv, "execve", true), PosixSpawn.EnvFromMapping(ts, env), path);
    }

    [PyMethod]
    static int posix_spawn(ThreadState ts, PyObject path, PyObject argv, PyObject env, [PyKwOnly] PyObject? file_actions = null,
        PyObject? setpgroup = null, bool resetids = false, bool setsid = false, PyObject? setsigmask = null, PyObject? setsigdef = null, PyObject? scheduler = null)
        => Spawn(ts, "posix_spawn", false, path, argv, env, file_actions, setpgroup, resetids, setsid, setsigmask, setsigdef, scheduler);

    [PyMethod]
    static int posix_spawnp(ThreadState ts, PyObject path, PyObject argv, PyObject env, [PyKwOnly] PyObject? file_actions = null,
        PyObject? setpgroup = null, bool resetids = false, bool setsid = false, PyObject? setsigmask = null, PyObject? setsigdef = null, PyObject? scheduler = null)
        => Spawn(ts, "posix_spawnp", true, path, argv, env, file_actions, setpgroup, resetids, setsid, setsigmask, setsigdef, scheduler);

    static int[] Signals(ThreadState ts, PyObject o)
    {
        var items = Ops.ToArray(ts, o);
        var r = new int[items.Length];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = FdArg.ToFd(ts, items[i]);
            if (r[i] < 1 || r[i] >= SignalModule.NSIG) throw PyExc.ValueError($"signal number {r[i]} out of range [1; {SignalModule.NSIG - 1}]");
        }
        return r;
    }

    static int Spawn(ThreadState ts, string func, bool search, PyObject path, PyObject argv, PyObject env, PyObject? fileActions,
        PyObject? setpgroup, bool resetids, bool setsid, PyObject? setsigmask, PyObject? setsigdef, PyObject? scheduler)
    {
        var p = PosixSpawn.FsBytes(ts, path, "path");
        var args = PosixSpawn.Argv(ts, argv, func, false);
        var envs = PosixSpawn.EnvFromMapping(ts, env);
        var opt = new PosixSpawn.Options();
        if (fileActions != null && fileActions != PyNone.Value)
        {
            foreach (var fa in Ops.Iterate(ts, fileActions))
            {
                if (fa is not PyTuple t || t.Items.Length == 0) throw PyExc.TypeError("Each file_actions element must be a non-empty tuple");
                var it = t.Items;
                long kind = Ops.Index(ts, it[0]).ToLongChecked();
                if (kind == 0 && it.Length == 5)
                    opt.Actions.Add((0, FdArg.ToFd(ts, it[1]), 0, PosixSpawn.FsBytes(ts, it[2], "path"), FdArg.ToFd(ts, it[3]), FdArg.ToFd(ts, it[4])));
                else if (kind == 1 && it.Length == 2) opt.Actions.Add((1, FdArg.ToFd(ts, it[1]), 0, null, 0, 0));
                else if (kind == 2 && it.Length == 3) opt.Actions.Add((2, FdArg.ToFd(ts, it[1]), FdArg.ToFd(ts, it[2]), null, 0, 0));
                else if (kind is >= 0 and <= 2) throw PyExc.TypeError("A " + (kind == 0 ? "open" : kind == 1 ? "close" : "dup2") + " file_action tuple must have " + (kind == 0 ? 5 : kind == 1 ? 2 : 3) + " elements");
                else throw PyExc.TypeError("Unknown file_actions identifier");
            }
        }
        if (setpgroup != null && setpgroup != PyNone.Value) { opt.Flags |= PosixSpawn.SETPGROUP; opt.PGroup = FdArg.ToFd(ts, setpgroup); }
        if (resetids) opt.Flags |= PosixSpawn.RESETIDS;
        if (setsid) opt.Flags |= PosixSpawn.SETSID;
        if (setsigmask != null && setsigmask != PyNone.Value) opt.SigMask = Signals(ts, setsigmask);
        if (setsigdef != null && setsigdef != PyNone.Value) opt.SigDefault = Signals(ts, setsigdef);
        if (scheduler != null && scheduler != PyNone.Value) throw PyExc.NotImplementedError($"{func}: scheduler is not supported");
        int pid = PosixSpawn.Spawn(p, args, envs, opt, search, out int err);
        if (pid < 0) throw PosixErrors.FromErrno(err, path);
        return pid;
    }

    [PyMethod]
    static void _exit(ThreadState ts, [PyKeyword] int status) => LibC._exit(status);

    [PyMethod]
    static void abort(ThreadState ts) => LibC.abort();

    [PyMethod]
    static void sync(ThreadState ts) => LibC.sync();
}
