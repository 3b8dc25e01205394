#nullable enable
using System;
namespace StacklessIron.Modules.Posix;

/// <summary>`_posixsubprocess`: fork_exec for subprocess.Popen, done with posix_spawn instead
/// of fork (see PosixSpawn). The child's standard descriptors are wired with dup2 actions,
/// pass_fds made inheritable, cwd entered with addchdir. What only a forked Python child can do
/// (preexec_fn, a umask, changing uid/gid/groups) raises. An exec failure is raised here,
/// in the parent, as the OSError subprocess would have built from the child's report.</summary>
public static class PosixSubprocessModule
{
    public static void Register() => Importer.NativeModules["_posixsubprocess"] = ts =>
    {
        var m = new PyModule("_posixsubprocess", "A POSIX helper for the subprocess module.");
        NativeMembers.FillModule(m, typeof(PosixSubprocessModule));
        return m;
    };

    static bool IsNone(PyObject o) => o == PyNone.Value;

    [PyMethod]
    static int fork_exec(ThreadState ts, PyObject args, PyObject executable_list, bool close_fds, PyObject pass_fds, PyObject cwd, PyObject env,
        int p2cread, int p2cwrite, int c2pread, int c2pwrite, int errread, int errwrite, int errpipe_read, int errpipe_write,
        bool restore_signals, bool call_setsid, long pgid_to_set, PyObject gid, PyObject extra_groups, PyObject uid, long child_umask,
        PyObject preexec_fn, bool allow_vfork = true)
    {
        if (!IsNone(preexec_fn)) throw PyExc.RuntimeError("preexec_fn is not supported: StacklessIron starts children with posix_spawn, not fork");
        if (child_umask >= 0) throw PyExc.RuntimeError("umask is not supported: StacklessIron starts children with posix_spawn, not fork");
        if (!IsNone(gid) || !IsNone(uid) || !IsNone(extra_groups))
            throw PyExc.RuntimeError("user, group and extra_groups are not supported: StacklessIron starts children with posix_spawn, not fork");
        var argv = IsNone(args) ? Array.Empty<byte[]>() : PosixSpawn.Argv(ts, args, "fork_exec", false);
        var exes = Ops.ToArray(ts, executable_list);
        byte[][]? envs = null;
        if (!IsNone(env))
        {
            var items = Ops.ToArray(ts, env);
            envs = new byte[items.Length][];
            for (int i = 0; i < items.Length; i++) envs[i] = PosixSpawn.FsBytes(ts, items[i], "env");
        }
        var opt = new PosixSpawn.Options();
        if (!IsNone(cwd))
        {
            opt.Chdir = PosixSpawn.FsBytes(ts, cwd, "cwd");
            // Checked here so the error names the directory, as the child's report would.
            var cp = PathArg.From(ts, cwd, "fork_exec", "cwd");
            var st = PosixStat.TryStat(LibC.AT_FDCWD, cp.Bytes!, true, out var raw);
            if (st != 0) throw PosixErrors.FromErrno(st, cwd);
            if ((raw.Mode & PosixStat.S_IFMT) != PosixStat.S_IFDIR) throw PosixErrors.FromErrno(20, cwd);
        }
        // The child's standard descriptors: each pipe end given is duplicated onto 0, 1, 2 (an
        // end already in place only loses close-on-exec); the parent's ends close on exec.
        if (p2cread >= 0) opt.Actions.Add((2, p2cread, 0, null, 0, 0));
        if (c2pwrite >= 0) opt.Actions.Add((2, c2pwrite, 1, null, 0, 0));
        if (errwrite >= 0) opt.Actions.Add((2, errwrite, 2, null, 0, 0));
        // pass_fds stay open in the child: clear their close-on-exec flag (dup2 onto itself).
        foreach (var o in Ops.Iterate(ts, pass_fds))
        {
            int fd = FdArg.ToFd(ts, o);
            if (fd > 2 && fd != errpipe_write) opt.Actions.Add((2, fd, fd, null, 0, 0));
        }
        if (restore_signals) opt.SigDefault = new[] { 13 /* SIGPIPE */, 25 /* SIGXFSZ */ };
        if (call_setsid) opt.Flags |= PosixSpawn.SETSID;
        if (pgid_to_set >= 0) { opt.Flags |= PosixSpawn.SETPGROUP; opt.PGroup = (int)pgid_to_set; }

        int firstError = 0, lastError = 2;
        foreach (var exe in exes)
        {
            var path = PosixSpawn.FsBytes(ts, exe, "executable");
            int pid = PosixSpawn.Spawn(path, argv, envs, opt, false, out int err);
            if (pid > 0) return pid;
            lastError = err;
            if (err != 2 && err != 20 && firstError == 0) firstError = err;
        }
        int errno = firstError != 0 ? firstError : lastError;
        PyObject filename = argv.Length > 0 && args is PyList or PyTuple ? Ops.GetItem(ts, args, PyInt.From(0)) : PyNone.Value;
        throw PosixErrors.FromErrno(errno, filename);
    }
}
