# fcntl locks really exclude (two open file descriptions in one process), a blocking flock
# releases the interpreter lock while it waits, and resource's values are consistent.
import errno, fcntl, os, resource, tempfile, threading, time


def test_flock_excludes_other_open_file():
    with tempfile.NamedTemporaryFile() as a, open(a.name, "rb") as b:
        fcntl.flock(a, fcntl.LOCK_EX)
        try:
            fcntl.flock(b, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as e:
            assert e.errno in (errno.EAGAIN, errno.EWOULDBLOCK)
        else:
            raise AssertionError("second exclusive flock succeeded")
        fcntl.flock(a, fcntl.LOCK_UN)
        fcntl.flock(b, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(b, fcntl.LOCK_UN)


def test_blocking_flock_lets_other_threads_run():
    with tempfile.NamedTemporaryFile() as a, open(a.name, "rb") as b:
        fcntl.flock(a, fcntl.LOCK_EX)
        got = []
        t = threading.Thread(target=lambda: (fcntl.flock(b, fcntl.LOCK_EX), got.append(time.monotonic())))
        t.start()
        # While the thread waits in flock, this thread keeps running Python code.
        spins = 0
        end = time.monotonic() + 0.3
        while time.monotonic() < end:
            spins += 1
        assert not got and spins > 1000, (got, spins)
        released = time.monotonic()
        fcntl.flock(a, fcntl.LOCK_UN)
        t.join(10)
        assert got and got[0] >= released
        fcntl.flock(b, fcntl.LOCK_UN)


def test_ofd_lock_through_struct_flock():
    import struct
    with tempfile.NamedTemporaryFile() as a, open(a.name, "rb+") as b:
        wrlck = struct.pack("hhqqi4x", fcntl.F_WRLCK, 0, 0, 0, 0)
        fcntl.fcntl(a, fcntl.F_OFD_SETLK, wrlck)
        # F_OFD_GETLK through the other description reports the conflicting lock.
        out = fcntl.fcntl(b, fcntl.F_OFD_GETLK, wrlck)
        assert struct.unpack("hhqqi4x", out)[0] == fcntl.F_WRLCK
        try:
            fcntl.fcntl(b, fcntl.F_OFD_SETLK, wrlck)
        except OSError as e:
            assert e.errno in (errno.EAGAIN, errno.EACCES)
        else:
            raise AssertionError("conflicting OFD lock granted")


def test_ioctl_mutates_in_place_only_when_asked():
    import array, termios
    r, w = os.pipe()
    try:
        os.write(w, b"12345")
        buf = array.array("i", [0])
        assert fcntl.ioctl(r, termios.FIONREAD, buf) == 0 and buf[0] == 5
        buf = array.array("i", [0])
        out = fcntl.ioctl(r, termios.FIONREAD, buf, False)
        assert buf[0] == 0 and int.from_bytes(out, "little") == 5
    finally:
        os.close(r)
        os.close(w)


def test_resource_values():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert 0 < soft and (soft <= hard or hard == resource.RLIM_INFINITY)
    assert resource.prlimit(0, resource.RLIMIT_NOFILE) == (soft, hard)
    before = resource.getrusage(resource.RUSAGE_SELF)
    x = 0
    for i in range(200000):
        x += i
    after = resource.getrusage(resource.RUSAGE_SELF)
    assert after.ru_utime + after.ru_stime >= before.ru_utime + before.ru_stime
    assert after.ru_maxrss > 1000   # kilobytes: the engine is far larger than 1 MB
    assert resource.getpagesize() == os.sysconf("SC_PAGESIZE")


for name, f in list(globals().items()):
    if name.startswith("test_"):
        f()
