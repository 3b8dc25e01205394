# posix/os: files, directories, descriptors, stat, errors, environment, process information.
# Works in a fresh directory under /tmp and removes it. Runs in-process under NUnit, so it
# never changes the working directory.
import os, sys, errno, stat, posix

def raises(exc, f, *a, msg=None, **kw):
    try:
        f(*a, **kw)
    except exc as e:
        if msg is not None:
            assert str(e) == msg, (str(e), msg)
        return e
    raise AssertionError("no %s" % exc.__name__)

BASE = "/tmp/test_os_module_%d" % os.getpid()

def rmtree(p):
    for root, dirs, files in os.walk(p, topdown=False):
        for f in files:
            os.unlink(os.path.join(root, f))
        for d in dirs:
            full = os.path.join(root, d)
            (os.unlink if os.path.islink(full) else os.rmdir)(full)
    os.rmdir(p)

def test_import_and_names():
    assert os.name == "posix" and os.path is sys.modules["os.path"] and os.sep == "/"
    assert "posix" in sys.builtin_module_names
    assert os.error is OSError and posix.error is OSError
    assert os.O_RDONLY == 0 and os.O_CREAT == 64 and os.O_EXCL == 128 and os.F_OK == 0 and os.R_OK == 4
    assert os.stat in os.supports_dir_fd and os.stat in os.supports_follow_symlinks and os.scandir in os.supports_fd
    assert os.SEEK_SET == 0 and os.SEEK_END == 2
    assert errno.ENOENT == 2 and errno.errorcode[2] == "ENOENT" and errno.errorcode[11] == "EAGAIN" and errno.EWOULDBLOCK == 11

def test_errors():
    e = raises(FileNotFoundError, os.stat, BASE + "/missing")
    assert e.errno == errno.ENOENT and e.strerror == "No such file or directory" and e.filename == BASE + "/missing"
    assert str(e) == "[Errno 2] No such file or directory: '%s/missing'" % BASE
    e = raises(FileNotFoundError, os.rename, BASE + "/a", BASE + "/b")
    assert e.filename2 == BASE + "/b" and str(e).endswith("-> '%s/b'" % BASE)
    assert type(OSError(2, "x")) is FileNotFoundError and type(OSError(13, "x")) is PermissionError
    assert type(OSError(17, "x", "f")) is FileExistsError and type(OSError(999, "x")) is OSError
    assert type(OSError("just a message")) is OSError
    raises(TypeError, os.stat, [], msg="stat: path should be string, bytes, os.PathLike or integer, not list")
    raises(TypeError, os.mkdir, 3, msg="mkdir: path should be string, bytes or os.PathLike, not int")
    raises(ValueError, os.stat, "a\0b", msg="embedded null character in path")
    raises(ValueError, os.stat, b"a\0b", msg="embedded null byte")
    raises(TypeError, os.fspath, 1, msg="expected str, bytes or os.PathLike object, not int")
    e = raises(OSError, os.read, -1, 1)
    assert e.errno == errno.EBADF and str(e) == "[Errno 9] Bad file descriptor"
    assert os.strerror(errno.EACCES) == "Permission denied"

def test_files_and_descriptors():
    os.mkdir(BASE)
    try:
        raises(FileExistsError, os.mkdir, BASE)
        p = os.path.join(BASE, "f.txt")
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        assert fd > 2 and not os.get_inheritable(fd) and os.get_blocking(fd)
        assert os.write(fd, b"hello ") == 6 and os.write(fd, bytearray(b"world")) == 5 and os.write(fd, memoryview(b"!")) == 1
        os.fsync(fd)
        os.close(fd)
        raises(FileExistsError, os.open, p, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        fd = os.open(p, os.O_RDWR)
        assert os.read(fd, 5) == b"hello" and os.lseek(fd, 0, os.SEEK_CUR) == 5
        assert os.lseek(fd, -6, os.SEEK_END) == 6 and os.read(fd, 100) == b"world!" and os.read(fd, 10) == b""
        assert os.pread(fd, 4, 1) == b"ello"
        st = os.fstat(fd)
        assert st.st_size == 12 and stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) == 0o644 & ~_umask()
        os.ftruncate(fd, 5)
        assert os.fstat(fd).st_size == 5
        fd2 = os.dup(fd)
        assert fd2 != fd and not os.get_inheritable(fd2)
        os.set_inheritable(fd2, True); assert os.get_inheritable(fd2)
        os.set_blocking(fd2, False); assert not os.get_blocking(fd2); os.set_blocking(fd2, True)
        os.close(fd2)
        assert os.dup2(fd, fd2) == fd2 and os.get_inheritable(fd2)
        os.close(fd2)
        os.close(fd)
        raises(OSError, os.close, fd)
        fd = os.open(p, os.O_RDONLY)
        assert os.isatty(fd) is False
        os.close(fd)
        r, w = os.pipe()
        os.write(w, b"through a pipe")
        os.close(w)
        assert os.read(r, 100) == b"through a pipe" and os.read(r, 100) == b""
        os.close(r)
        os.truncate(p, 2)
        assert os.path.getsize(p) == 2
        assert os.access(p, os.R_OK | os.W_OK) and not os.access(BASE + "/nope", os.F_OK)
    finally:
        rmtree(BASE)
    assert not os.path.exists(BASE)

def _umask():
    old = os.umask(0o22)
    os.umask(old)
    return old

def test_stat_result():
    st = os.stat("/usr/lib/python3.11/os.py")
    assert type(st) is os.stat_result and isinstance(st, tuple) and len(st) == 10
    assert st[stat.ST_SIZE] == st.st_size and st[stat.ST_MODE] == st.st_mode and st[8] == int(st.st_mtime)
    assert type(st.st_mtime) is float and type(st.st_mtime_ns) is int and st.st_mtime_ns // 10**9 == st[8]
    assert st.st_blksize > 0 and st.st_blocks >= 0 and st.st_nlink >= 1
    assert os.stat_result.n_fields == 19 and os.stat_result.n_sequence_fields == 10 and os.stat_result.n_unnamed_fields == 3
    r = repr(st)
    assert r.startswith("os.stat_result(st_mode=%d, st_ino=" % st.st_mode) and ("st_mtime=%d," % st[8]) in r
    s2 = os.stat_result(tuple(range(10)))
    assert s2.st_mode == 0 and s2.st_atime is None and s2[9] == 9
    s3 = os.stat_result(tuple(range(10)), {"st_atime": 1.5})
    assert s3.st_atime == 1.5
    raises(TypeError, os.stat_result, (1, 2), msg="os.stat_result() takes an at least 10-sequence (2-sequence given)")
    ts = os.terminal_size((80, 24))
    assert ts.columns == 80 and ts.lines == 24 and repr(ts) == "os.terminal_size(columns=80, lines=24)"
    raises(TypeError, os.terminal_size, (1, 2, 3), msg="os.terminal_size() takes a 2-sequence (3-sequence given)")
    fd = os.open("/usr/lib/python3.11", os.O_RDONLY)
    try:
        assert os.stat("os.py", dir_fd=fd).st_size == st.st_size
        assert os.stat(fd).st_ino == os.stat("/usr/lib/python3.11").st_ino
        assert "os.py" in os.listdir(fd)
        raises(ValueError, os.stat, fd, follow_symlinks=False)
    finally:
        os.close(fd)

def test_directories_and_links():
    os.makedirs(BASE + "/a/b/c")
    try:
        os.makedirs(BASE + "/a/b/c", exist_ok=True)
        with open_w(BASE + "/a/x.py") as _:
            pass
        os.symlink("x.py", BASE + "/a/link")
        os.symlink(BASE + "/nowhere", BASE + "/a/dangling")
        assert os.readlink(BASE + "/a/link") == "x.py" and os.readlink(os.fsencode(BASE + "/a/link")) == b"x.py"
        assert os.path.islink(BASE + "/a/link") and os.path.isfile(BASE + "/a/link") and not os.path.exists(BASE + "/a/dangling")
        assert os.path.lexists(BASE + "/a/dangling")
        assert stat.S_ISLNK(os.lstat(BASE + "/a/link").st_mode)
        assert sorted(os.listdir(BASE + "/a")) == ["b", "dangling", "link", "x.py"]
        assert sorted(os.listdir(os.fsencode(BASE + "/a"))) == [b"b", b"dangling", b"link", b"x.py"]
        entries = {e.name: e for e in os.scandir(BASE + "/a")}
        b, x, l, d = entries["b"], entries["x.py"], entries["link"], entries["dangling"]
        assert repr(x) == "<DirEntry 'x.py'>" and x.path == BASE + "/a/x.py" and os.fspath(x) == x.path
        assert b.is_dir() and not b.is_file() and x.is_file() and not x.is_dir() and not x.is_symlink()
        assert l.is_symlink() and l.is_file() and not l.is_file(follow_symlinks=False)
        assert d.is_symlink() and not d.is_file() and not d.is_dir()
        assert x.inode() == os.stat(x.path).st_ino and x.stat().st_size == 0
        assert stat.S_ISLNK(l.stat(follow_symlinks=False).st_mode) and stat.S_ISREG(l.stat().st_mode)
        with os.scandir(BASE) as it:
            assert [e.name for e in it] == ["a"]
        it = os.scandir(BASE)
        it.close()
        assert list(it) == []
        walked = [(os.path.relpath(r, BASE), sorted(ds), sorted(fs)) for r, ds, fs in os.walk(BASE)]
        assert walked == [(".", ["a"], []), ("a", ["b"], ["dangling", "link", "x.py"]), ("a/b", ["c"], []), ("a/b/c", [], [])], walked
        os.rename(BASE + "/a/x.py", BASE + "/a/y.py")
        os.replace(BASE + "/a/y.py", BASE + "/a/b/z.py")
        os.link(BASE + "/a/b/z.py", BASE + "/a/hard")
        assert os.stat(BASE + "/a/hard").st_nlink == 2 and os.path.samefile(BASE + "/a/hard", BASE + "/a/b/z.py")
        e = raises(OSError, os.rmdir, BASE + "/a/b")
        assert e.errno == errno.ENOTEMPTY and e.strerror == "Directory not empty"
        raises(NotADirectoryError, os.listdir, BASE + "/a/hard")
        raises(IsADirectoryError, os.unlink, BASE + "/a/b")
        os.chmod(BASE + "/a/hard", 0o600)
        assert stat.S_IMODE(os.stat(BASE + "/a/hard").st_mode) == 0o600
        os.utime(BASE + "/a/hard", (1000000000, 1500000000.25))
        st = os.stat(BASE + "/a/hard")
        assert st.st_atime == 1000000000 and st.st_mtime == 1500000000.25 and st.st_mtime_ns == 1500000000250000000
        os.utime(BASE + "/a/hard", ns=(5, 7 * 10**9 + 3))
        st = os.stat(BASE + "/a/hard")
        assert st.st_atime_ns == 5 and st.st_mtime_ns == 7000000003
        os.removedirs(BASE + "/a/b/c")
        assert os.path.isdir(BASE + "/a/b")
    finally:
        rmtree(BASE)

class open_w:
    def __init__(self, p): self.fd = os.open(p, os.O_WRONLY | os.O_CREAT, 0o644)
    def __enter__(self): return self.fd
    def __exit__(self, *a): os.close(self.fd)

class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p

def test_pathlike_and_bytes():
    assert os.fspath(P("/tmp")) == "/tmp" and os.fspath(b"x") == b"x" and os.fspath(P(b"/tmp")) == b"/tmp"
    assert os.stat(P("/tmp")).st_ino == os.stat("/tmp").st_ino
    e = raises(FileNotFoundError, os.stat, P("/nope/nope"))
    assert e.filename == "/nope/nope"
    raises(TypeError, os.fspath, P(3), msg="expected P.__fspath__() to return str or bytes, not int")
    assert os.getcwdb() == os.fsencode(os.getcwd()) and os.path.isabs(os.getcwd())
    assert os.fsdecode(b"caf\xc3\xa9") == "caf\u00e9" and os.fsencode("a\udcff") == b"a\xff"

def test_environ():
    assert isinstance(posix.environ, dict) and all(type(k) is bytes for k in posix.environ)
    assert os.environ["PATH"] == os.fsdecode(posix.environ[b"PATH"]) and os.getenv("PATH") == os.environ["PATH"]
    os.environ["SI_TEST_VAR"] = "v1"
    assert os.environ.get("SI_TEST_VAR") == "v1" and os.getenvb(b"SI_TEST_VAR") == b"v1"
    del os.environ["SI_TEST_VAR"]
    assert "SI_TEST_VAR" not in os.environ
    raises(ValueError, os.putenv, "A=B", "x", msg="illegal environment variable name")

def test_process_information():
    assert os.getpid() > 0 and os.getppid() >= 0 and type(os.getuid()) is int and os.geteuid() >= 0 and os.getgid() >= 0
    u = os.uname()
    assert u.sysname == "Linux" and u[0] == "Linux" and type(u) is os.uname_result and len(u) == 5
    assert repr(u).startswith("posix.uname_result(sysname='Linux', nodename=")
    t = os.times()
    assert len(t) == 5 and t.elapsed > 0 and t.user >= 0 and repr(t).startswith("posix.times_result(user=")
    assert os.cpu_count() >= 1 and len(os.urandom(16)) == 16 and os.urandom(0) == b""
    raises(ValueError, os.urandom, -1, msg="negative argument not allowed")
    assert os.sysconf("SC_PAGE_SIZE") == 4096 and os.sysconf_names["SC_CLK_TCK"] == 2
    raises(ValueError, os.sysconf, "SC_NOPE", msg="unrecognized configuration name")
    assert os.confstr("CS_PATH").startswith("/")
    assert os.WIFEXITED(3 << 8) and os.WEXITSTATUS(3 << 8) == 3 and os.WIFSIGNALED(9) and os.WTERMSIG(9) == 9
    assert os.waitstatus_to_exitcode(3 << 8) == 3 and os.waitstatus_to_exitcode(9) == -9
    fd = os.open("/dev/null", os.O_RDONLY)
    assert os.device_encoding(fd) is None
    os.close(fd)

def test_statvfs():
    s = os.statvfs("/")
    assert type(s) is os.statvfs_result and len(s) == 10 and s[0] == s.f_bsize and s.f_frsize > 0
    assert s.f_blocks >= s.f_bfree >= 0 and type(s.f_fsid) is int and s.f_namemax >= 14
    fd = os.open("/", os.O_RDONLY)
    try:
        assert os.fstatvfs(fd).f_blocks == s.f_blocks and os.statvfs(fd).f_bsize == s.f_bsize
    finally:
        os.close(fd)
    raises(FileNotFoundError, os.statvfs, "/nope/nope")

for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
