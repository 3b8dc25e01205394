#nullable enable
using System;
namespace StacklessIron.Modules.Posix;

/// <summary>posix functions on paths: stat, directories, links, permissions, times, the working
/// directory. Each goes through the *at() call of glibc so dir_fd and follow_symlinks work as
/// in CPython.</summary>
public static unsafe class PosixFiles
{
    /// <summary>A dir_fd argument: None (or not given) means the working directory.</summary>
    internal static int DirFd(ThreadState ts, PyObject? dirFd) => dirFd == null || dirFd == PyNone.Value ? LibC.AT_FDCWD : FdArg.ToFd(ts, dirFd);

    static void CheckFdCombination(in PathArg p, string func, int dirFd, bool follow)
    {
        if (!p.IsFd) return;
        if (dirFd != LibC.AT_FDCWD) throw PyExc.ValueError($"{func}: can't specify both dir_fd and fd");
        if (!follow) throw PyExc.ValueError($"{func}: cannot use fd and follow_symlinks together");
    }

    /// <summary>Retries a libc call interrupted by a signal (PEP 475).</summary>
    static int Retry(Func<int> call)
    {
        int r;
        do r = call(); while (r < 0 && LibC.Errno == LibC.EINTR);
        return r;
    }

    // ---------------- stat ----------------

    [PyMethod]
    static PyObject stat(ThreadState ts, [PyKeyword] PyObject path, [PyKwOnly] PyObject? dir_fd = null, bool follow_symlinks = true)
    {
        var p = PathArg.From(ts, path, "stat", allowFd: true);
        int dfd = DirFd(ts, dir_fd);
        CheckFdCombination(p, "stat", dfd, follow_symlinks);
        return PosixStat.Result(PosixStat.Stat(p, dfd, follow_symlinks));
    }

    [PyMethod]
    static PyObject lstat(ThreadState ts, [PyKeyword] PyObject path, [PyKwOnly] PyObject? dir_fd = null)
    {
        var p = PathArg.From(ts, path, "lstat");
        return PosixStat.Result(PosixStat.Stat(p, DirFd(ts, dir_fd), false));
    }

    [PyMethod]
    static bool access(ThreadState ts, [PyKeyword] PyObject path, int mode, [PyKwOnly] PyObject? dir_fd = null, bool effective_ids = false, bool follow_symlinks = true)
    {
        var p = PathArg.From(ts, path, "access");
        int flags = (effective_ids ? LibC.AT_EACCESS : 0) | (follow_symlinks ? 0 : LibC.AT_SYMLINK_NOFOLLOW);
        return LibC.faccessat(DirFd(ts, dir_fd), p.Bytes!, mode, flags) == 0;
    }

    // ---------------- directories ----------------

    [PyMethod]
    static PyObject getcwd(ThreadState ts) => new PyStr(PathArg.Decode(ts, Cwd()));

    [PyMethod]
    static PyObject getcwdb(ThreadState ts) => PyBytes.From(Cwd());

    static byte[] Cwd()
    {
        for (int size = 1024; ; size *= 2)
        {
            var buf = new byte[size];
            fixed (byte* b = buf)
            {
                if (LibC.getcwd(b, size) != null) return LibC.CString(b);
                if (LibC.Errno != LibC.ERANGE) throw PosixErrors.Last();
            }
        }
    }

    [PyMethod]
    static void chdir(ThreadState ts, [PyKeyword] PyObject path)
    {
        var p = PathArg.From(ts, path, "chdir", allowFd: true);
        int r = p.IsFd ? LibC.fchdir(p.Fd) : LibC.chdir(p.Bytes!);
        if (r != 0) throw PosixErrors.Last(p);
        // .NET caches nothing of its own here, but keep its idea of the directory in step for
        // code that asks it (Path.GetFullPath).
        try { Environment.CurrentDirectory = PathArg.Decode(ts, Cwd()); } catch (Exception) { }
    }

    [PyMethod]
    static void fchdir(ThreadState ts, PyObject fd)
    {
        int f = FdArg.FromObject(ts, fd);
        if (LibC.fchdir(f) != 0) throw PosixErrors.Last();
        try { Environment.CurrentDirectory = PathArg.Decode(ts, Cwd()); } catch (Exception) { }
    }

    [PyMethod]
    static PyObject listdir(ThreadState ts, [PyKeyword] PyObject? path = null)
    {
        var p = PathArg.From(ts, path ?? PyNone.Value, "listdir", allowFd: true, nullable: true);
        IntPtr dir;
        if (p.IsFd)
        {
            int dupFd = LibC.fcntl(p.Fd, 1030 /* F_DUPFD_CLOEXEC */, 0);
            if (dupFd < 0) throw PosixErrors.Last(p);
            dir = LibC.fdopendir(dupFd);
            if (dir == IntPtr.Zero) { var e = PosixErrors.Last(p); LibC.close(dupFd); throw e; }
            LibC.rewinddir(dir);
        }
        else
        {
            dir = LibC.opendir(p.Bytes!);
            if (dir == IntPtr.Zero) throw PosixErrors.Last(p);
        }
        var result = new PyList();
        try
        {
            while (PyScandirIterator.ReadEntry(dir, p) is { } e) result.Append(p.Result(ts, e.Name));
        }
        finally { LibC.closedir(dir); }
        return result;
    }

    [PyMethod]
    static PyObject scandir(ThreadState ts, [PyKeyword] PyObject? path = null)
        => PyScandirIterator.Open(ts, PathArg.From(ts, path ?? PyNone.Value, "scandir", allowFd: true, nullable: true));

    [PyMethod]
    static void mkdir(ThreadState ts, [PyKeyword] PyObject path, int mode = 0x1ff, [PyKwOnly] PyObject? dir_fd = null)
    {
        var p = PathArg.From(ts, path, "mkdir");
        int dfd = DirFd(ts, dir_fd);
        if (Retry(() => LibC.mkdirat(dfd, p.Bytes!, mode)) != 0) throw PosixErrors.Last(p);
    }

    [PyMethod]
    static void rmdir(ThreadState ts, [PyKeyword] PyObject path, [PyKwOnly] PyObject? dir_fd = null)
    {
        var p = PathArg.From(ts, path, "rmdir");
        if (LibC.unlinkat(DirFd(ts, dir_fd), p.Bytes!, LibC.AT_REMOVEDIR) != 0) throw PosixErrors.Last(p);
    }

    [PyMethod]
    static void mkfifo(ThreadState ts, [PyKeyword] PyObject path, int mode = 0x1b6, [PyKwOnly] PyObject? dir_fd = null)
    {
        var p = PathArg.From(ts, path, "mkfifo");
        int dfd = DirFd(ts, dir_fd);
        if (Retry(() => LibC.mkfifoat(dfd, p.Bytes!, mode)) != 0) throw PosixErrors.Last(p);
    }

    [PyMethod]
    static void mknod(ThreadState ts, [PyKeyword] PyObject path, int mode = 0x180, long device = 0, [PyKwOnly] PyObject? dir_fd = null)
    {
        var p = PathArg.From(ts, path, "mknod");
        if (LibC.mknodat(DirFd(ts, dir_fd), p.Bytes!, mode, (ulong)device) != 0) throw PosixErrors.Last(p);
    }

    // ---------------- files and links ----------------

    [PyMethod]
    static void unlink(ThreadState ts, [PyKeyword] PyObject path, [PyKwOnly] PyObject? dir_fd = null) => Unlink(ts, path, dir_fd, "unlink");

    [PyMethod]
    static void remove(ThreadState ts, [PyKeyword] PyObject path, [PyKwOnly] PyObject? dir_fd = null) => Unlink(ts, path, dir_fd, "remove");

    static void Unlink(ThreadState ts, PyObject path, PyObject? dirFd, string func)
    {
        var p = PathArg.From(ts, path, func);
        if (LibC.unlinkat(DirFd(ts, dirFd), p.Bytes!, 0) != 0) throw PosixErrors.Last(p);
    }

    [PyMethod]
    static void rename(ThreadState ts, [PyKeyword] PyObject src, PyObject dst, [PyKwOnly] PyObject? src_dir_fd = null, PyObject? dst_dir_fd = null)
        => Rename(ts, src, dst, src_dir_fd, dst_dir_fd, "rename");

    [PyMethod]
    static void replace(ThreadState ts, [PyKeyword] PyObject src, PyObject dst, [PyKwOnly] PyObject? src_dir_fd = null, PyObject? dst_dir_fd = null)
        => Rename(ts, src, dst, src_dir_fd, dst_dir_fd, "replace");

    static void Rename(ThreadState ts, PyObject src, PyObject dst, PyObject? srcDirFd, PyObject? dstDirFd, string func)
    {
        var s = PathArg.From(ts, src, func, "src");
        var d = PathArg.From(ts, dst, func, "dst");
        if (s.IsBytes != d.IsBytes) throw PyExc.TypeError($"{func}: src and dst must be the same type");
        if (LibC.renameat(DirFd(ts, srcDirFd), s.Bytes!, DirFd(ts, dstDirFd), d.Bytes!) != 0) throw PosixErrors.Last(s, d);
    }

    [PyMethod]
    static void symlink(ThreadState ts, [PyKeyword] PyObject src, PyObject dst, bool target_is_directory = false, [PyKwOnly] PyObject? dir_fd = null)
    {
        var s = PathArg.From(ts, src, "symlink", "src");
        var d = PathArg.From(ts, dst, "symlink", "dst");
        if (LibC.symlinkat(s.Bytes!, DirFd(ts, dir_fd), d.Bytes!) != 0) throw PosixErrors.Last(s, d);
    }

    [PyMethod]
    static void link(ThreadState ts, [PyKeyword] PyObject src, PyObject dst, [PyKwOnly] PyObject? src_dir_fd = null, PyObject? dst_dir_fd = null, bool follow_symlinks = true)
    {
        var s = PathArg.From(ts, src, "link", "src");
        var d = PathArg.From(ts, dst, "link", "dst");
        if (s.IsBytes != d.IsBytes) throw PyExc.TypeError("link: src and dst must be the same type");
        if (LibC.linkat(DirFd(ts, src_dir_fd), s.Bytes!, DirFd(ts, dst_dir_fd), d.Bytes!, follow_symlinks ? LibC.AT_SYMLINK_FOLLOW : 0) != 0)
            throw PosixErrors.Last(s, d);
    }

    [PyMethod]
    static PyObject readlink(ThreadState ts, [PyKeyword] PyObject path, [PyKwOnly] PyObject? dir_fd = null)
    {
        var p = PathArg.From(ts, path, "readlink");
        int dfd = DirFd(ts, dir_fd);
        for (int size = 256; ; size *= 4)
        {
            var buf = new byte[size];
            nint n;
            fixed (byte* b = buf) n = LibC.readlinkat(dfd, p.Bytes!, b, size);
            if (n < 0) throw PosixErrors.Last(p);
            if (n < size) return p.Result(ts, buf[..(int)n]);
        }
    }

    // ---------------- permissions, owners, times, sizes ----------------

    [PyMethod]
    static void chmod(ThreadState ts, [PyKeyword] PyObject path, int mode, [PyKwOnly] PyObject? dir_fd = null, bool follow_symlinks = true)
    {
        var p = PathArg.From(ts, path, "chmod", allowFd: true);
        int dfd = DirFd(ts, dir_fd);
        CheckFdCombination(p, "chmod", dfd, follow_symlinks);
        int r;
        if (p.IsFd) r = LibC.fchmod(p.Fd, mode);
        else
        {
            r = LibC.fchmodat(dfd, p.Bytes!, mode, follow_symlinks ? 0 : LibC.AT_SYMLINK_NOFOLLOW);
            // glibc cannot change a symlink's own mode on Linux; CPython says so this way.
            if (r != 0 && !follow_symlinks && (LibC.Errno == 95 || LibC.Errno == 38))
                throw PyExc.NotImplementedError("chmod: follow_symlinks unavailable on this platform");
        }
        if (r != 0) throw PosixErrors.Last(p);
    }

    [PyMethod]
    static void fchmod(ThreadState ts, int fd, int mode)
    {
        if (LibC.fchmod(fd, mode) != 0) throw PosixErrors.Last();
    }

    [PyMethod]
    static void chown(ThreadState ts, [PyKeyword] PyObject path, int uid, int gid, [PyKwOnly] PyObject? dir_fd = null, bool follow_symlinks = true)
    {
        var p = PathArg.From(ts, path, "chown", allowFd: true);
        int dfd = DirFd(ts, dir_fd);
        CheckFdCombination(p, "chown", dfd, follow_symlinks);
        int r = p.IsFd ? LibC.fchown(p.Fd, uid, gid) : LibC.fchownat(dfd, p.Bytes!, uid, gid, follow_symlinks ? 0 : LibC.AT_SYMLINK_NOFOLLOW);
        if (r != 0) throw PosixErrors.Last(p);
    }

    [PyMethod]
    static void lchown(ThreadState ts, [PyKeyword] PyObject path, int uid, int gid)
    {
        var p = PathArg.From(ts, path, "lchown");
        if (LibC.fchownat(LibC.AT_FDCWD, p.Bytes!, uid, gid, LibC.AT_SYMLINK_NOFOLLOW) != 0) throw PosixErrors.Last(p);
    }

    [PyMethod]
    static void fchown(ThreadState ts, int fd, int uid, int gid)
    {
        if (LibC.fchown(fd, uid, gid) != 0) throw PosixErrors.Last();
    }

    /// <summary>A time in seconds (int or float) as (sec, nsec), rounded toward minus infinity as
    /// CPython's utime does.</summary>
    static (long, long) SecNs(ThreadState ts, PyObject v)
    {
        if (v is PyInt i) return (i.ToLongChecked(), 0);
        double d = Ops.ToDouble(ts, v);
        if (double.IsNaN(d)) throw PyExc.ValueError("Invalid value NaN (not a number)");
        double sec = Math.Floor(d);
        long ns = (long)Math.Floor((d - sec) * 1e9);
        if (ns >= 1_000_000_000) { sec += 1; ns -= 1_000_000_000; }
        return ((long)sec, ns);
    }

    [PyMethod]
    static void utime(ThreadState ts, [PyKeyword] PyObject path, PyObject? times = null, [PyKwOnly] PyObject? ns = null, PyObject? dir_fd = null, bool follow_symlinks = true)
    {
        var p = PathArg.From(ts, path, "utime", allowFd: true);
        int dfd = DirFd(ts, dir_fd);
        CheckFdCombination(p, "utime", dfd, follow_symlinks);
        long* t = stackalloc long[4];
        if (times != null && times != PyNone.Value && ns != null)
            throw PyExc.ValueError("utime: you may specify either 'times' or 'ns' but not both");
        if (times != null && times != PyNone.Value)
        {
            if (times is not PyTuple tt || tt.Items.Length != 2)
                throw PyExc.TypeError("utime: 'times' must be either a tuple of two ints or None");
            (t[0], t[1]) = SecNs(ts, tt.Items[0]);
            (t[2], t[3]) = SecNs(ts, tt.Items[1]);
        }
        else if (ns != null)
        {
            if (ns is not PyTuple nt || nt.Items.Length != 2)
                throw PyExc.TypeError("utime: 'ns' must be a tuple of two ints");
            for (int k = 0; k < 2; k++)
            {
                if (nt.Items[k] is not PyInt ni) throw PyExc.TypeError("utime: 'ns' must be a tuple of two ints");
                var q = System.Numerics.BigInteger.DivRem(ni.Big, 1_000_000_000, out var rem);
                if (rem.Sign < 0) { q -= 1; rem += 1_000_000_000; }
                t[2 * k] = (long)q; t[2 * k + 1] = (long)rem;
            }
        }
        else { t[1] = LibC.UTIME_NOW; t[3] = LibC.UTIME_NOW; }
        int r = p.IsFd ? LibC.futimens(p.Fd, t) : LibC.utimensat(dfd, p.Bytes!, t, follow_symlinks ? 0 : LibC.AT_SYMLINK_NOFOLLOW);
        if (r != 0) throw PosixErrors.Last(p);
    }

    [PyMethod]
    static void truncate(ThreadState ts, [PyKeyword] PyObject path, long length)
    {
        var p = PathArg.From(ts, path, "truncate", allowFd: true);
        int r = p.IsFd ? Retry(() => LibC.ftruncate(p.Fd, length)) : LibC.truncate(p.Bytes!, length);
        if (r != 0) throw PosixErrors.Last(p);
    }

    [PyMethod]
    static long pathconf(ThreadState ts, [PyKeyword] PyObject path, PyObject name)
    {
        var p = PathArg.From(ts, path, "pathconf", allowFd: true);
        int n = PosixProcess.ConfName(ts, name, PosixConstants.PathconfNames);
        System.Runtime.InteropServices.Marshal.SetLastPInvokeError(0);
        long r = p.IsFd ? LibC.fpathconf(p.Fd, n) : LibC.pathconf(p.Bytes!, n);
        if (r == -1 && LibC.Errno != 0) throw PosixErrors.Last(p);
        return r;
    }

    [PyMethod]
    static long fpathconf(ThreadState ts, PyObject fd, PyObject name)
    {
        int n = PosixProcess.ConfName(ts, name, PosixConstants.PathconfNames);
        System.Runtime.InteropServices.Marshal.SetLastPInvokeError(0);
        long r = LibC.fpathconf(FdArg.FromObject(ts, fd), n);
        if (r == -1 && LibC.Errno != 0) throw PosixErrors.Last();
        return r;
    }

    // ---------------- file systems ----------------

    public static readonly PyType StatvfsResultType = PyStructSeq.MakeType("os.statvfs_result", new string?[] {
        "f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax", "f_fsid" }, 10,
        "statvfs_result: Result from statvfs or fstatvfs.");

    /// <summary>struct statvfs of Linux x86-64: eleven unsigned longs (bsize, frsize, blocks,
    /// bfree, bavail, files, ffree, favail, fsid, flag, namemax) and spare ints.</summary>
    static PyObject StatvfsResult(ulong* b)
    {
        static PyObject U(ulong v) => v <= long.MaxValue ? PyInt.From((long)v) : PyInt.From((System.Numerics.BigInteger)v);
        return PyStructSeq.Create(StatvfsResultType, U(b[0]), U(b[1]), U(b[2]), U(b[3]), U(b[4]), U(b[5]), U(b[6]), U(b[7]),
            U(b[9]), U(b[10]), U(b[8]));
    }

    [PyMethod]
    static PyObject statvfs(ThreadState ts, [PyKeyword] PyObject path)
    {
        var p = PathArg.From(ts, path, "statvfs", allowFd: true);
        ulong* buf = stackalloc ulong[14];
        int r;
        do r = p.IsFd ? LibC.fstatvfs(p.Fd, buf) : LibC.statvfs(p.Bytes!, buf);
        while (r < 0 && LibC.Errno == LibC.EINTR);
        if (r != 0) throw PosixErrors.Last(p);
        return StatvfsResult(buf);
    }

    [PyMethod]
    static PyObject fstatvfs(ThreadState ts, int fd)
    {
        ulong* buf = stackalloc ulong[14];
        int r;
        do r = LibC.fstatvfs(fd, buf); while (r < 0 && LibC.Errno == LibC.EINTR);
        if (r != 0) throw PosixErrors.Last();
        return StatvfsResult(buf);
    }

    // ---------------- path helpers ----------------

    [PyMethod]
    static PyObject fspath(ThreadState ts, [PyKeyword] PyObject path)
    {
        var r = PathArg.FsPath(ts, path, allowBytes: true, out bool bad);
        if (bad) throw PyExc.TypeError($"expected str, bytes or os.PathLike object, not {path.Type.Name}");
        return r;
    }
}
