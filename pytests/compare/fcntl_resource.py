# fcntl and resource: flags on pipes, locks on a temporary file, ioctl with int, bytes and
# mutable buffer arguments, resource limits and usage, and the errors of each.
import array, fcntl, os, resource, struct, sys, tempfile, termios


def show(f, *args):
    try:
        return repr(f(*args))
    except Exception as e:
        return f"{type(e).__name__}: {e}"


r, w = os.pipe()
flags = fcntl.fcntl(w, fcntl.F_GETFL)
print("nonblock before", bool(flags & os.O_NONBLOCK))
print("setfl", fcntl.fcntl(w, fcntl.F_SETFL, flags | os.O_NONBLOCK))
print("nonblock after", bool(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK))
print("cloexec", fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fcntl.fcntl(r, fcntl.F_SETFD, 0)
print("cloexec cleared", fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
size = fcntl.fcntl(w, fcntl.F_GETPIPE_SZ)
fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, size // 2)
print("pipe size halved", fcntl.fcntl(w, fcntl.F_GETPIPE_SZ) == size // 2)

os.write(w, b"hello world")
print("FIONREAD NULL", show(fcntl.ioctl, r, termios.FIONREAD, 0))
print("FIONREAD bytes", struct.unpack("i", fcntl.ioctl(r, termios.FIONREAD, b"\0\0\0\0")))
buf = bytearray(4)
print("FIONREAD bytearray", fcntl.ioctl(r, termios.FIONREAD, buf), struct.unpack("i", buf))
buf = bytearray(4)
print("FIONREAD no mutate", struct.unpack("i", fcntl.ioctl(r, termios.FIONREAD, buf, False)), buf)
arr = array.array("i", [0])
print("FIONREAD array", fcntl.ioctl(r, termios.FIONREAD, arr), arr[0])
big = bytearray(2048)
print("FIONREAD big buffer", fcntl.ioctl(r, termios.FIONREAD, big), struct.unpack("i", big[:4]))
print(show(fcntl.ioctl, r, termios.FIONREAD, bytes(1025)))
print(show(fcntl.ioctl, r, termios.FIONREAD, bytearray(1025), False))
os.close(r)
os.close(w)

with tempfile.TemporaryFile() as f:
    fd = f.fileno()
    for op in [fcntl.LOCK_SH, fcntl.LOCK_UN, fcntl.LOCK_EX | fcntl.LOCK_NB, fcntl.LOCK_UN]:
        print("flock", op, fcntl.flock(f, op))
    for cmd in [fcntl.LOCK_EX, fcntl.LOCK_UN, fcntl.LOCK_SH | fcntl.LOCK_NB, fcntl.LOCK_UN]:
        print("lockf", cmd, fcntl.lockf(fd, cmd, 10, 5, os.SEEK_SET))
    print(show(fcntl.lockf, fd, 99))
    # F_GETLK with a struct flock: nobody else holds a lock, so the type comes back F_UNLCK.
    lk = struct.pack("hhqqi4x", fcntl.F_WRLCK, 0, 0, 0, 0)
    out = fcntl.fcntl(fd, fcntl.F_GETLK, lk)
    print("getlk", len(out), struct.unpack("hhqqi4x", out)[0] == fcntl.F_UNLCK)
    print(show(fcntl.fcntl, fd, fcntl.F_GETLK, bytes(1025)))

class FileLike:
    def __init__(self, n): self.n = n
    def fileno(self): return self.n

for bad in [-1, "spam", FileLike(-1), FileLike("spam"), 2**31, 1.5, 9999]:
    print("bad fd", show(fcntl.fcntl, bad, fcntl.F_GETFL), show(fcntl.flock, bad, fcntl.LOCK_SH))
null = os.open(os.devnull, os.O_RDONLY)
for arg in [None, 1.5, [1], 2**70, 2**40, -1]:
    print(show(fcntl.fcntl, null, fcntl.F_GETFD, arg), show(fcntl.ioctl, null, termios.TCGETS, arg))
os.close(null)
print(show(fcntl.fcntl))
print(show(fcntl.flock, 0))
print(sorted(n for n in dir(fcntl) if n.startswith(("LOCK_", "F_", "FD_", "DN_")))[:12])
print(fcntl.LOCK_EX, fcntl.F_SETLKW, fcntl.DN_MULTISHOT, fcntl.F_OFD_SETLK)

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print("nofile ints", type(soft).__name__, type(hard).__name__, soft <= hard or hard == resource.RLIM_INFINITY)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(soft, 200), hard))
print("lowered", resource.getrlimit(resource.RLIMIT_NOFILE) == (min(soft, 200), hard))
print("prlimit", resource.prlimit(0, resource.RLIMIT_NOFILE) == resource.getrlimit(resource.RLIMIT_NOFILE))
print("prlimit set", resource.prlimit(0, resource.RLIMIT_NOFILE, [min(soft, 100), hard]) == (min(soft, 200), hard))
print("fsize", resource.getrlimit(resource.RLIMIT_FSIZE)[1] == resource.RLIM_INFINITY)
for args in [(-1,), (16,), (99,)]:
    print("getrlimit", args, show(resource.getrlimit, *args))
for limits in [(1,), (1, 2, 3), ("a", 1), 5, (hard + 1 if hard != -1 else 2**40, hard)]:
    print("setrlimit", show(resource.setrlimit, resource.RLIMIT_NOFILE, limits))
print(show(resource.prlimit, -1, resource.RLIMIT_AS))
ru = resource.getrusage(resource.RUSAGE_SELF)
print(type(ru).__name__, len(ru), type(ru.ru_utime).__name__, type(ru.ru_maxrss).__name__, ru.ru_maxrss > 0, ru[2] == ru.ru_maxrss)
print(resource.struct_rusage.n_fields, resource.struct_rusage.__module__, resource.struct_rusage.__doc__.splitlines()[0])
print(show(resource.getrusage, 1234))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_nswap, resource.getpagesize(), resource.error)
print({n: getattr(resource, n) for n in dir(resource) if n.isupper()})

# A write past RLIMIT_FSIZE fails with EFBIG (SIGXFSZ is ignored, as CPython does at start-up).
# Nothing is printed while the limit is low: stdout may be a file longer than the limit.
sys.stdout.flush()
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (1024, hard))
with tempfile.TemporaryFile() as f:
    first = os.write(f.fileno(), b"x" * 1500)
    second = show(os.write, f.fileno(), b"y")
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
print("partial write", first)
print("past the limit", second)
