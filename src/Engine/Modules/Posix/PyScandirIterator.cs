#nullable enable
using System;
namespace StacklessIron.Modules.Posix;

/// <summary>The iterator os.scandir returns: reads the directory lazily with readdir, yields
/// DirEntry objects (skipping . and ..), and is a context manager; close() releases the
/// directory stream.</summary>
[PyType("posix.ScandirIterator")]
public sealed unsafe class PyScandirIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("ScandirIterator", typeof(PyScandirIterator), subclassable: false, module: "posix");

    IntPtr _dir;
    readonly PathArg _path;
    readonly byte[]? _prefix;   // "path/" in the filesystem encoding; null for scandir(fd)
    readonly int _fd;

    PyScandirIterator(IntPtr dir, PathArg path, byte[]? prefix, int fd) : base(TypeObject) { _dir = dir; _path = path; _prefix = prefix; _fd = fd; }

    /// <summary>Opens the directory os.scandir(path) names (a path, or a descriptor it duplicates).</summary>
    public static PyScandirIterator Open(ThreadState ts, PathArg path)
    {
        IntPtr dir;
        if (path.IsFd)
        {
            int dupFd = LibC.fcntl(path.Fd, 1030 /* F_DUPFD_CLOEXEC */, 0);
            if (dupFd < 0) throw PosixErrors.Last(path);
            dir = LibC.fdopendir(dupFd);
            if (dir == IntPtr.Zero) { var e = PosixErrors.Last(path); LibC.close(dupFd); throw e; }
            LibC.rewinddir(dir);
            return new PyScandirIterator(dir, path, null, path.Fd);
        }
        dir = LibC.opendir(path.Bytes!);
        if (dir == IntPtr.Zero) throw PosixErrors.Last(path);
        var raw = path.Raw;
        byte[] prefix = raw.Length == 0 ? Array.Empty<byte>() : raw[^1] == (byte)'/' ? raw : [.. raw, (byte)'/'];
        return new PyScandirIterator(dir, path, prefix, LibC.AT_FDCWD);
    }

    /// <summary>The next entry other than . and ..: (name bytes, d_type, d_ino), or null at the end.</summary>
    public static (byte[] Name, byte Type, ulong Ino)? ReadEntry(IntPtr dir, in PathArg path)
    {
        while (true)
        {
            Marshal0();
            byte* ent = LibC.readdir64(dir);
            if (ent == null)
            {
                int err = LibC.Errno;
                if (err != 0) throw PosixErrors.FromErrno(err, path.Object);
                return null;
            }
            byte* name = ent + 19;
            if (name[0] == (byte)'.' && (name[1] == 0 || (name[1] == (byte)'.' && name[2] == 0))) continue;
            return (LibC.CString(name), ent[18], *(ulong*)ent);
        }
    }

    /// <summary>readdir signals the end and errors alike with NULL; only errno tells them apart.</summary>
    static void Marshal0() => System.Runtime.InteropServices.Marshal.SetLastPInvokeError(0);

    void Close()
    {
        if (_dir != IntPtr.Zero) { LibC.closedir(_dir); _dir = IntPtr.Zero; }
    }

    ~PyScandirIterator() { if (_dir != IntPtr.Zero) LibC.closedir(_dir); }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyScandirIterator)self;
        if (it._dir == IntPtr.Zero) return null;
        var e = ReadEntry(it._dir, it._path);
        if (e == null) { it.Close(); return null; }
        var (name, type, ino) = e.Value;
        PyObject nameObj = it._path.Result(ts, name);
        if (it._prefix == null)
            return new PyDirEntry(nameObj, nameObj, [.. name, 0], it._fd, type, ino);
        byte[] full = [.. it._prefix, .. name];
        return new PyDirEntry(nameObj, it._path.Result(ts, full), [.. full, 0], LibC.AT_FDCWD, type, ino);
    }

    [PyMethod] static void close(ThreadState ts, PyScandirIterator self) => self.Close();
    [PyMethod] static PyObject __enter__(ThreadState ts, PyScandirIterator self) => self;
    [PyMethod] static bool __exit__(ThreadState ts, PyScandirIterator self, params PyObject[] args) { self.Close(); return false; }
}
