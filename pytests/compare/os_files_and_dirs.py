# os and os.path on a scratch directory: the same calls print the same results under
# CPython 3.11 and StacklessIron (paths are shown relative to the scratch directory).
import os, stat, errno

base = "/tmp/os_files_and_dirs_%d" % os.getpid()

def rel(p):
    return p.replace(base, "BASE") if isinstance(p, str) else p.replace(os.fsencode(base), b"BASE")

def show_error(f, *args, **kw):
    try:
        f(*args, **kw)
        print("no error")
    except OSError as e:
        print(type(e).__name__, e.errno, errno.errorcode[e.errno], e.strerror, rel(str(e)))

def cleanup(p):
    if not os.path.lexists(p):
        return
    for root, dirs, files in os.walk(p, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            full = os.path.join(root, name)
            if os.path.islink(full):
                os.unlink(full)
            else:
                os.rmdir(full)
    os.rmdir(p)

cleanup(base)
old_cwd = os.getcwd()
os.makedirs(base + "/src/pkg/sub")
try:
    os.chdir(base)
    print(rel(os.getcwd()), rel(os.getcwdb()), os.path.abspath("x") == base + "/x")
    for name, data in [("src/a.txt", b"alpha\n"), ("src/pkg/b.py", b"print('b')\n" * 3), ("src/pkg/sub/c.bin", bytes(range(256)))]:
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
        os.write(fd, data)
        os.close(fd)
    os.symlink("a.txt", "src/link_to_a")
    os.symlink("missing", "src/broken")
    os.mkdir("empty", 0o700)

    print(sorted(os.listdir("src")))
    print(sorted(os.listdir(b"src")))
    print(sorted(os.listdir()) == sorted(os.listdir(".")))
    for e in sorted(os.scandir("src"), key=lambda e: e.name):
        print(repr(e), e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False))
    print([e.path for e in os.scandir()] == ["./" + n for n in os.listdir()])
    for root, dirs, files in os.walk("src"):
        print(root, sorted(dirs), sorted(files))
    for root, dirs, files in os.walk("src", topdown=False):
        print("up", root, sorted(dirs), sorted(files))
    for root, dirs, files, rootfd in os.fwalk("src"):
        print("fwalk", root, sorted(dirs), sorted(files), type(rootfd).__name__)

    st = os.stat("src/pkg/b.py")
    print(st.st_size, stat.filemode(st.st_mode), stat.S_IMODE(st.st_mode) == 0o640 & ~os.umask(os.umask(0)), stat.S_ISREG(st.st_mode))
    print(os.path.getsize("src/pkg/sub/c.bin"), os.path.isdir("src/pkg"), os.path.isfile("src/pkg"), os.path.exists("src/broken"), os.path.lexists("src/broken"))
    print(os.readlink("src/link_to_a"), os.readlink(b"src/link_to_a"), os.path.islink("src/link_to_a"), os.path.realpath("src/link_to_a") == base + "/src/a.txt")
    print(stat.filemode(os.lstat("src/link_to_a").st_mode)[0], os.stat("src/link_to_a").st_size)
    print(os.path.samefile("src/a.txt", "src/link_to_a"), os.path.getmtime("src/a.txt") == os.stat("src/a.txt").st_mtime)

    os.utime("src/a.txt", (1234567890, 1234567890.5))
    st = os.stat("src/a.txt")
    print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[stat.ST_MTIME], os.path.getatime("src/a.txt"))
    os.utime("src/a.txt", ns=(10**18, 2 * 10**18 + 7))
    print(os.stat("src/a.txt").st_mtime_ns, os.stat("src/a.txt").st_atime_ns)
    os.chmod("src/a.txt", 0o604)
    print(oct(stat.S_IMODE(os.stat("src/a.txt").st_mode)), os.access("src/a.txt", os.R_OK), os.access("nope", os.F_OK))

    fd = os.open("src/a.txt", os.O_RDWR | os.O_APPEND)
    os.write(fd, b"beta\n")
    os.lseek(fd, 0, os.SEEK_SET)
    print(os.read(fd, 100), os.fstat(fd).st_size, os.lseek(fd, 0, os.SEEK_END))
    os.ftruncate(fd, 3)
    os.lseek(fd, 0, 0)
    print(os.read(fd, 100))
    os.close(fd)

    os.rename("src/a.txt", "src/a2.txt")
    os.replace("src/a2.txt", "empty/a3.txt")
    os.link("empty/a3.txt", "empty/hard")
    print(sorted(os.listdir("empty")), os.stat("empty/hard").st_nlink)

    show_error(os.stat, "nope")
    show_error(os.stat, base + "/nope")
    show_error(os.mkdir, "src")
    show_error(os.rmdir, "src")
    show_error(os.rmdir, "empty/hard")
    show_error(os.listdir, "empty/hard")
    show_error(os.unlink, "src/pkg")
    show_error(os.rename, "nope", "nope2")
    show_error(os.open, "src", os.O_WRONLY)
    show_error(os.open, "src/pkg/b.py", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    show_error(os.readlink, "src/pkg/b.py")
    show_error(os.close, 9999)
    show_error(os.chdir, "nope")

    dfd = os.open("src", os.O_RDONLY)
    print(os.stat("pkg/b.py", dir_fd=dfd).st_size, sorted(os.listdir(dfd)), sorted(e.name for e in os.scandir(dfd)))
    os.mkdir("made_at", dir_fd=dfd)
    os.rmdir("made_at", dir_fd=dfd)
    os.close(dfd)

    os.makedirs("deep/er/est")
    os.removedirs("deep/er/est")
    print(os.path.exists("deep"))
    print(os.path.relpath(base + "/src/pkg", base + "/empty"), os.path.commonpath([base + "/src/pkg", base + "/src/a"]) == base + "/src")
    print(os.path.expanduser("~") == os.environ.get("HOME"), os.path.normpath("a//b/../c/."))
    print(os.path.split("/a/b/c.txt"), os.path.splitext("c.tar.gz"), os.path.basename("/x/y"), os.path.dirname("/x/y"), os.path.join("/a", "b", "/c"))
finally:
    os.chdir(old_cwd)
    cleanup(base)
print(os.path.exists(base))
