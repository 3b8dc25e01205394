#nullable enable
using System;
using System.Collections.Generic;
namespace StacklessIron.Modules.Posix;

/// <summary>`_posixsubprocess`: fork_exec for subprocess.Popen, done with posix_spawn instead
/// of fork (see PosixSpawn). The child's standard descriptors are wired with dup2 actions,
/// pass_fds made inheritable, cwd entered with addchdir. What only a forked Python child can do
/// (preexec_fn, changing uid/gid/groups) raises; a umask is set in this process around the spawn. An exec failure is raised here,
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
        var keep = new HashSet<int>();
        foreach (var o in Ops.Iterate(ts, pass_fds)) keep.Add(FdArg.ToFd(ts, o));
        var temporaries = new List<int>();
        try
        {
            // The child's standard descriptors, as CPython's child_exec wires them: an end that
            // sits on a standard descriptor another end overwrites first moves away (a copy
            // made here, closed on exec); an end already in place only loses close-on-exec
            // (dup2 onto itself); the rest are duplicated onto 0, 1, 2.
            if (c2pwrite == 0) c2pwrite = MoveUp(c2pwrite, temporaries);
            if (errwrite == 0 || errwrite == 1) errwrite = MoveUp(errwrite, temporaries);
            if (p2cread >= 0) opt.Actions.Add((2, p2cread, 0, null, 0, 0));
            if (c2pwrite >= 0) opt.Actions.Add((2, c2pwrite, 1, null, 0, 0));
            if (errwrite >= 0) opt.Actions.Add((2, errwrite, 2, null, 0, 0));
            // pass_fds stay open in the child: clear their close-on-exec flag (dup2 onto itself).
            foreach (int fd in keep)
                if (fd > 2 && fd != errpipe_write) opt.Actions.Add((2, fd, fd, null, 0, 0));
            // close_fds: every other inheritable descriptor above 2 is closed in the child (the
            // close-on-exec ones close by themselves)
            if (close_fds)
                foreach (int fd in InheritableDescriptors())
                    if (fd > 2 && !keep.Contains(fd)) opt.Actions.Add((1, fd, 0, null, 0, 0));
            if (restore_signals) opt.SigDefault = new[] { 13 /* SIGPIPE */, 25 /* SIGXFSZ */ };
            if (call_setsid) opt.Flags |= PosixSpawn.SETSID;
            if (pgid_to_set >= 0) { opt.Flags |= PosixSpawn.SETPGROUP; opt.PGroup = (int)pgid_to_set; }

            int firstError = 0, lastError = 2;
            // posix_spawn has no umask action: the process's is set around the spawn
            lock (s_umaskLock)
            {
                int oldMask = child_umask >= 0 ? LibC.umask((int)child_umask) : -1;
                try
                {
                    foreach (var exe in exes)
                    {
                        var path = PosixSpawn.FsBytes(ts, exe, "executable");
                        int pid = PosixSpawn.Spawn(path, argv, envs, opt, false, out int err);
                        if (pid > 0) return pid;
                        lastError = err;
                        if (err != 2 && err != 20 && firstError == 0) firstError = err;
                    }
                }
                finally
                {
                    if (oldMask >= 0) LibC.umask(oldMask);
                }
            }
            int errno = firstError != 0 ? firstError : lastError;
            // the name subprocess gives the child's exec failure: the executable it was asked for
            PyObject filename = PyNone.Value;
            if (exes.Length > 0)
            {
                var first = PosixSpawn.FsBytes(ts, exes[0], "executable")[..^1];
                if (exes.Length > 1) first = first[(Array.LastIndexOf(first, (byte)'/') + 1)..];
                filename = new PyStr(PathArg.Decode(ts, first));
            }
            throw PosixErrors.FromErrno(errno, filename);
        }
        finally
        {
            foreach (int fd in temporaries) LibC.close(fd);
        }
    }

    static readonly object s_umaskLock = new();

    /// <summary>A close-on-exec copy of `fd` at 3 or above (kept in `temporaries` to close after the spawn).</summary>
    static int MoveUp(int fd, List<int> temporaries)
    {
        int copy = LibC.fcntl(fd, F_DUPFD_CLOEXEC, 3);
        if (copy < 0) throw PosixErrors.FromErrno(LibC.Errno);
        temporaries.Add(copy);
        return copy;
    }

    const int F_DUPFD_CLOEXEC = 1030;

    /// <summary>The process's open descriptors without close-on-exec (from /proc/self/fd).</summary>
    static List<int> InheritableDescriptors()
    {
        var result = new List<int>();
        try
        {
            foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                if (!int.TryParse(System.IO.Path.GetFileName(entry), out int fd)) continue;
                int flags = LibC.fcntl(fd, LibC.F_GETFD, 0);
                if (flags >= 0 && (flags & LibC.FD_CLOEXEC) == 0) result.Add(fd);
            }
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException) { }
        return result;
    }
}
