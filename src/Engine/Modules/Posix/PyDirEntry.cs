#nullable enable
using System;
namespace StacklessIron.Modules.Posix;

/// <summary>`os.DirEntry`: one entry yielded by os.scandir. The file type comes from readdir's
/// d_type when the filesystem gives it; stat results are fetched on demand and cached, as in
/// CPython.</summary>
[PyType("posix.DirEntry")]
public sealed class PyDirEntry : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("DirEntry", typeof(PyDirEntry), subclassable: false, module: "posix");
    const byte DT_UNKNOWN = 0, DT_DIR = 4, DT_REG = 8, DT_LNK = 10;

    readonly PyObject _name, _path;
    readonly byte[] _statPath;   // NUL-terminated: the full path, or the bare name under _dirFd
    readonly int _dirFd;         // AT_FDCWD, or the descriptor scandir(fd) was given
    readonly byte _dType;
    readonly ulong _ino;
    PyObject? _stat, _lstat;

    public PyDirEntry(PyObject name, PyObject path, byte[] statPath, int dirFd, byte dType, ulong ino) : base(TypeObject)
    {
        _name = name; _path = path; _statPath = statPath; _dirFd = dirFd; _dType = dType; _ino = ino;
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => throw PyExc.TypeError("cannot create 'posix.DirEntry' instances");

    [PyGetter("name")] static PyObject Name(ThreadState ts, PyObject self) => ((PyDirEntry)self)._name;
    [PyGetter("path")] static PyObject Path(ThreadState ts, PyObject self) => ((PyDirEntry)self)._path;

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self) => new PyStr("<DirEntry " + Ops.ReprString(ts, ((PyDirEntry)self)._name) + ">");

    [PyMethod] static PyObject __fspath__(ThreadState ts, PyDirEntry self) => self._path;
    [PyMethod] static PyObject inode(ThreadState ts, PyDirEntry self) => PyInt.From((System.Numerics.BigInteger)self._ino);

    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => new PyGenericAlias(cls, item);

    PyObject FetchStat(bool follow)
    {
        int err = PosixStat.TryStat(_dirFd, _statPath, follow, out var raw);
        if (err != 0) throw PosixErrors.FromErrno(err, _path);
        return PosixStat.Result(raw);
    }

    bool IsSymlink(ThreadState ts)
    {
        if (_dType != DT_UNKNOWN) return _dType == DT_LNK;
        return (Mode(LStat()) & PosixStat.S_IFMT) == PosixStat.S_IFLNK;
    }

    PyObject LStat() => _lstat ??= FetchStat(false);

    PyObject GetStat(ThreadState ts, bool follow)
    {
        if (follow && IsSymlink(ts)) return _stat ??= FetchStat(true);
        return LStat();
    }

    static long Mode(PyObject st) => ((PyInt)((PyStructSeq)st).Items[0]).Small;

    bool TestMode(ThreadState ts, bool follow, int mode, byte dtype)
    {
        bool needStat = _dType == DT_UNKNOWN || (follow && _dType == DT_LNK);
        if (!needStat) return _dType == dtype;
        try { return (Mode(GetStat(ts, follow)) & PosixStat.S_IFMT) == mode; }
        catch (PyException e) when (e.Matches(ExceptionTypes.FileNotFoundError)) { return false; }
    }

    [PyMethod] static PyObject stat(ThreadState ts, PyDirEntry self, [PyKwOnly] bool follow_symlinks = true) => self.GetStat(ts, follow_symlinks);
    [PyMethod] static bool is_dir(ThreadState ts, PyDirEntry self, [PyKwOnly] bool follow_symlinks = true) => self.TestMode(ts, follow_symlinks, PosixStat.S_IFDIR, DT_DIR);
    [PyMethod] static bool is_file(ThreadState ts, PyDirEntry self, [PyKwOnly] bool follow_symlinks = true) => self.TestMode(ts, follow_symlinks, PosixStat.S_IFREG, DT_REG);

    [PyMethod]
    static bool is_symlink(ThreadState ts, PyDirEntry self)
    {
        try { return self.IsSymlink(ts); }
        catch (PyException e) when (e.Matches(ExceptionTypes.FileNotFoundError)) { return false; }
    }
}
