#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Posix;

/// <summary>Starting child programs without fork(): a .NET process cannot fork safely, but
/// glibc's posix_spawn (vfork + exec) can. Serves os.posix_spawn/posix_spawnp, os.execv/execve
/// and _posixsubprocess.fork_exec (which subprocess.Popen calls).</summary>
public static unsafe class PosixSpawn
{
    public const short SETPGROUP = 0x02, SETSIGDEF = 0x04, SETSIGMASK = 0x08, RESETIDS = 0x01, SETSID = 0x80;
    const int SigSetBytes = 128;

    /// <summary>What a spawn needs besides the program: file actions, flags and signal sets.</summary>
    public sealed class Options
    {
        public readonly List<(int Kind, int Fd, int NewFd, byte[]? Path, int Flags, int Mode)> Actions = new();
        public byte[]? Chdir;
        public short Flags;
        public int PGroup;
        public int[]? SigDefault;
        public int[]? SigMask;
    }

    /// <summary>An argument that must be str, bytes or os.PathLike, as NUL-terminated bytes.</summary>
    public static byte[] FsBytes(ThreadState ts, PyObject o, string what)
    {
        var p = PathArg.FsPath(ts, o, allowBytes: true, out bool bad);
        if (bad) throw PyExc.TypeError($"expected str, bytes or os.PathLike object, not {o.Type.Name}");
        var b = p is PyStr s ? PathArg.Encode(ts, s) : ((PyBytes)p).Data;
        if (Array.IndexOf(b, (byte)0) >= 0) throw PyExc.ValueError("embedded null byte");
        return [.. b, 0];
    }

    /// <summary>An env mapping as "KEY=VALUE" entries (os.posix_spawn / execve).</summary>
    public static byte[][] EnvFromMapping(ThreadState ts, PyObject env)
    {
        if (env.Type.Lookup("keys") == null) throw PyExc.TypeError("env must be a mapping object");
        var keys = Ops.ToArray(ts, Ops.CallMethod(ts, env, "keys"));
        var r = new byte[keys.Length][];
        for (int i = 0; i < keys.Length; i++)
        {
            var k = FsBytes(ts, keys[i], "env key");
            var v = FsBytes(ts, Ops.GetItem(ts, env, keys[i]), "env value");
            if (k.Length == 1 || Array.IndexOf(k, (byte)'=') >= 0) throw PyExc.ValueError("illegal environment variable name");
            r[i] = [.. k[..^1], (byte)'=', .. v];
        }
        return r;
    }

    /// <summary>An argv-like sequence (list or tuple) of path-likes.</summary>
    public static byte[][] Argv(ThreadState ts, PyObject argv, string func, bool requireFirst)
    {
        if (argv is not PyList && argv is not PyTuple) throw PyExc.TypeError($"{func}: argv must be a tuple or list");
        var items = Ops.ToArray(ts, argv);
        if (requireFirst && items.Length < 1) throw PyExc.ValueError($"{func}: argv must not be empty");
        var r = new byte[items.Length][];
        for (int i = 0; i < items.Length; i++) r[i] = FsBytes(ts, items[i], "argv");
        if (requireFirst && r[0].Length == 1) throw PyExc.ValueError($"{func}: argv first element cannot be empty");
        return r;
    }

    /// <summary>A NULL-terminated array of C strings in unmanaged memory (freed by Free).</summary>
    static IntPtr* CStrings(byte[][] items, List<IntPtr> owned)
    {
        var arr = (IntPtr*)Marshal.AllocHGlobal((items.Length + 1) * sizeof(IntPtr));
        owned.Add((IntPtr)arr);
        for (int i = 0; i < items.Length; i++)
        {
            var b = items[i];
            var p = Marshal.AllocHGlobal(b.Length);
            Marshal.Copy(b, 0, p, b.Length);
            owned.Add(p);
            arr[i] = p;
        }
        arr[items.Length] = IntPtr.Zero;
        return arr;
    }

    /// <summary>The current environment (C environ) as "KEY=VALUE" entries.</summary>
    static IntPtr* CurrentEnviron()
    {
        IntPtr lib = NativeLibrary.Load("libc.so.6");
        return *(IntPtr**)NativeLibrary.GetExport(lib, "environ");
    }

    static void FillSigSet(byte* set, int[] sigs)
    {
        for (int i = 0; i < SigSetBytes; i++) set[i] = 0;
        foreach (var s in sigs)
            if (s >= 1 && s <= SigSetBytes * 8) set[(s - 1) / 8] |= (byte)(1 << ((s - 1) % 8));
    }

    /// <summary>Spawns `path` (searched in PATH when `search`); returns the pid, or throws the
    /// errno as OSError (the child's exec failure comes back through posix_spawn).</summary>
    public static int Spawn(byte[] path, byte[][] argv, byte[][]? env, Options opt, bool search, out int error)
    {
        var owned = new List<IntPtr>();
        IntPtr fa = Marshal.AllocHGlobal(256), attr = Marshal.AllocHGlobal(512);
        owned.Add(fa); owned.Add(attr);
        LibC.posix_spawn_file_actions_init(fa);
        LibC.posix_spawnattr_init(attr);
        try
        {
            foreach (var a in opt.Actions)
            {
                int r = a.Kind switch
                {
                    0 => LibC.posix_spawn_file_actions_addopen(fa, a.Fd, a.Path!, a.Flags, a.Mode),
                    1 => LibC.posix_spawn_file_actions_addclose(fa, a.Fd),
                    _ => LibC.posix_spawn_file_actions_adddup2(fa, a.Fd, a.NewFd),
                };
                if (r != 0) { error = r; return -1; }
            }
            if (opt.Chdir != null && LibC.posix_spawn_file_actions_addchdir_np(fa, opt.Chdir) is int cr && cr != 0) { error = cr; return -1; }
            short flags = opt.Flags;
            byte* set = stackalloc byte[SigSetBytes];
            if (opt.SigDefault != null)
            {
                FillSigSet(set, opt.SigDefault);
                LibC.posix_spawnattr_setsigdefault(attr, set);
                flags |= SETSIGDEF;
            }
            // The child starts with the signal mask asked for, or none blocked (the .NET
            // runtime's threads may block signals the program expects delivered).
            FillSigSet(set, opt.SigMask ?? Array.Empty<int>());
            LibC.posix_spawnattr_setsigmask(attr, set);
            flags |= SETSIGMASK;
            if ((flags & SETPGROUP) != 0) LibC.posix_spawnattr_setpgroup(attr, opt.PGroup);
            LibC.posix_spawnattr_setflags(attr, flags);
            var argvC = CStrings(argv, owned);
            var envC = env != null ? CStrings(env, owned) : CurrentEnviron();
            int pid;
            int rc = search ? LibC.posix_spawnp(&pid, path, fa, attr, argvC, envC) : LibC.posix_spawn(&pid, path, fa, attr, argvC, envC);
            error = rc;
            return rc == 0 ? pid : -1;
        }
        finally
        {
            LibC.posix_spawn_file_actions_destroy(fa);
            LibC.posix_spawnattr_destroy(attr);
            foreach (var p in owned) Marshal.FreeHGlobal(p);
        }
    }

    /// <summary>execv/execve: replaces the process image; returns only by raising.</summary>
    public static void Exec(byte[] path, byte[][] argv, byte[][]? env, PyObject filename)
    {
        var owned = new List<IntPtr>();
        try
        {
            var argvC = CStrings(argv, owned);
            var envC = env != null ? CStrings(env, owned) : CurrentEnviron();
            LibC.execve(path, argvC, envC);
            throw PosixErrors.FromErrno(LibC.Errno);   // CPython names no file here
        }
        finally
        {
            foreach (var p in owned) Marshal.FreeHGlobal(p);
        }
    }
}
