#nullable enable
using System;
using System.Numerics;
namespace StacklessIron.Modules.Posix;

/// <summary>stat/lstat/fstat through glibc (struct stat of Linux x86-64, 144 bytes) and the
/// os.stat_result they return.</summary>
public static unsafe class PosixStat
{
    public const int StructSize = 144;
    public const int S_IFMT = 0xF000, S_IFDIR = 0x4000, S_IFREG = 0x8000, S_IFLNK = 0xA000;

    public static readonly PyType StatResultType = PyStructSeq.MakeType("os.stat_result", new string?[] {
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", null, null, null,
        "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev" }, 10,
        "stat_result: Result from stat, fstat, or lstat.");

    /// <summary>The raw fields the callers (stat_result, DirEntry) need.</summary>
    public readonly struct Raw
    {
        public readonly ulong Dev, Ino, Nlink, Rdev;
        public readonly uint Mode, Uid, Gid;
        public readonly long Size, Blksize, Blocks, ASec, ANsec, MSec, MNsec, CSec, CNsec;
        public Raw(byte* b)
        {
            Dev = *(ulong*)(b + 0); Ino = *(ulong*)(b + 8); Nlink = *(ulong*)(b + 16);
            Mode = *(uint*)(b + 24); Uid = *(uint*)(b + 28); Gid = *(uint*)(b + 32);
            Rdev = *(ulong*)(b + 40); Size = *(long*)(b + 48); Blksize = *(long*)(b + 56); Blocks = *(long*)(b + 64);
            ASec = *(long*)(b + 72); ANsec = *(long*)(b + 80); MSec = *(long*)(b + 88); MNsec = *(long*)(b + 96);
            CSec = *(long*)(b + 104); CNsec = *(long*)(b + 112);
        }
    }

    /// <summary>fstatat (or fstat when the path is a descriptor); raises OSError naming the path.</summary>
    public static Raw Stat(in PathArg path, int dirFd, bool followSymlinks)
    {
        byte* buf = stackalloc byte[StructSize];
        int r;
        while (true)
        {
            r = path.IsFd ? LibC.fstat(path.Fd, buf) : LibC.fstatat(dirFd, path.Bytes!, buf, followSymlinks ? 0 : LibC.AT_SYMLINK_NOFOLLOW);
            if (r == 0) return new Raw(buf);
            if (LibC.Errno != LibC.EINTR) throw PosixErrors.Last(path);
        }
    }

    /// <summary>fstatat without raising: the errno, or 0 with `raw` filled.</summary>
    public static int TryStat(int dirFd, byte[] path, bool followSymlinks, out Raw raw)
    {
        byte* buf = stackalloc byte[StructSize];
        int r = LibC.fstatat(dirFd, path, buf, followSymlinks ? 0 : LibC.AT_SYMLINK_NOFOLLOW);
        raw = r == 0 ? new Raw(buf) : default;
        return r == 0 ? 0 : LibC.Errno;
    }

    public static int FStat(int fd, out Raw raw)
    {
        byte* buf = stackalloc byte[StructSize];
        int r = LibC.fstat(fd, buf);
        raw = r == 0 ? new Raw(buf) : default;
        return r == 0 ? 0 : LibC.Errno;
    }

    static PyObject U(ulong v) => v <= long.MaxValue ? PyInt.From((long)v) : PyInt.From((BigInteger)v);
    static PyObject Ns(long sec, long nsec) => PyInt.From((BigInteger)sec * 1_000_000_000 + nsec);

    public static PyObject Result(in Raw s) => PyStructSeq.Create(StatResultType,
        PyInt.From(s.Mode), U(s.Ino), U(s.Dev), U(s.Nlink), PyInt.From(s.Uid), PyInt.From(s.Gid), PyInt.From(s.Size),
        PyInt.From(s.ASec), PyInt.From(s.MSec), PyInt.From(s.CSec),
        new PyFloat(s.ASec + s.ANsec * 1e-9), new PyFloat(s.MSec + s.MNsec * 1e-9), new PyFloat(s.CSec + s.CNsec * 1e-9),
        Ns(s.ASec, s.ANsec), Ns(s.MSec, s.MNsec), Ns(s.CSec, s.CNsec),
        PyInt.From(s.Blksize), PyInt.From(s.Blocks), U(s.Rdev));
}
