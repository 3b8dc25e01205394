# The small runtime-facing modules next to posix: gc, atexit, _imp, _stat/stat, errno, _signal
# (handlers raised by the program itself only: this runs in-process under NUnit).
import gc, atexit, _imp, _stat, stat, errno, _signal, sys

def raises(exc, f, *a, msg=None, **kw):
    try:
        f(*a, **kw)
    except exc as e:
        if msg is not None:
            assert str(e) == msg, (str(e), msg)
        return e
    raise AssertionError("no %s" % exc.__name__)

def test_gc():
    assert gc.isenabled()
    gc.disable(); assert not gc.isenabled()
    gc.enable(); assert gc.isenabled()
    assert gc.collect() == 0 and gc.collect(0) == 0
    raises(ValueError, gc.collect, 3, msg="invalid generation")
    old = gc.get_threshold()
    gc.set_threshold(100, 5)
    assert gc.get_threshold() == (100, 5, old[2])
    gc.set_threshold(*old)
    assert len(gc.get_count()) == 3 and len(gc.get_stats()) == 3 and set(gc.get_stats()[0]) == {"collections", "collected", "uncollectable"}
    assert not gc.is_tracked(1) and not gc.is_tracked("s") and not gc.is_tracked(None) and not gc.is_tracked((1, "a"))
    assert gc.is_tracked([]) and gc.is_tracked(([],)) and gc.is_tracked(object.__new__(type("X", (), {})))
    assert not gc.is_tracked({"a": 1}) and gc.is_tracked({"a": []})
    lst = [1, "two"]
    d = {"k": lst}
    assert gc.get_referents(lst) == ["two", 1] and gc.get_referents(d) == [lst] and gc.get_referents({1: lst}) == [lst, 1] and gc.get_referents((1,), [2]) == [1, 2]
    class C:
        pass
    c = C(); c.attr = 5
    refs = gc.get_referents(c)
    assert refs == [5, C], refs
    assert isinstance(gc.get_referrers(lst), list) and gc.garbage == []
    seen = []
    cb = lambda phase, info: seen.append((phase, info["generation"], type(info["collected"])))
    gc.callbacks.append(cb)
    gc.collect(1)
    gc.callbacks.remove(cb)
    assert seen == [("start", 1, int), ("stop", 1, int)], seen
    gc.set_debug(gc.DEBUG_STATS); assert gc.get_debug() == gc.DEBUG_STATS; gc.set_debug(0)

def test_atexit():
    n0 = atexit._ncallbacks()
    out = []
    def a(x, y=0): out.append(("a", x, y))
    def b(): out.append("b")
    def bad(): raise ValueError("ignored")
    assert atexit.register(a, 1, y=2) is a
    atexit.register(b)
    atexit.register(bad)
    atexit.register(b)
    atexit.unregister(b)
    assert atexit._ncallbacks() == n0 + 4
    raises(TypeError, atexit.register, 5, msg="the first argument must be callable")
    class Capture:
        text = ""
        def write(self, s): self.text += s
        def flush(self): pass
    saved, sys.stderr = sys.stderr, Capture()
    try:
        atexit._run_exitfuncs()
    finally:
        captured, sys.stderr = sys.stderr, saved
    assert out == [("a", 1, 2)], out
    assert captured.text.startswith("Exception ignored in atexit callback: <function test_atexit.<locals>.bad at 0x"), captured.text
    assert "Traceback (most recent call last):" in captured.text and captured.text.endswith("ValueError: ignored\n")
    assert atexit._ncallbacks() == 0
    atexit.register(b)
    atexit._clear()
    assert atexit._ncallbacks() == 0

def test_imp():
    assert _imp.is_builtin("sys") == -1 and _imp.is_builtin("posix") == 1 and _imp.is_builtin("json") == 0
    class Spec:
        name = "errno"
    m = _imp.create_builtin(Spec)
    assert m.ENOENT == 2 and m is not errno and _imp.exec_builtin(m) == 0
    Spec.name = "nonexistent_native"
    raises(ImportError, _imp.create_builtin, Spec)
    assert not _imp.lock_held()
    _imp.acquire_lock(); assert _imp.lock_held(); _imp.release_lock()
    raises(RuntimeError, _imp.release_lock, msg="not holding the import lock")
    assert _imp.extension_suffixes() == [] and not _imp.is_frozen("json") and _imp.find_frozen("json") is None
    assert len(_imp.source_hash(1, b"abc")) == 8 and _imp.source_hash(1, b"abc") == _imp.source_hash(1, b"abc")

def test_stat_module():
    assert _stat.S_IFDIR == 0o040000 and stat.S_IFREG == 0o100000 and stat.S_ISDIR(0o040755) and not stat.S_ISDIR(0o100644)
    assert stat.S_IMODE(0o104755) == 0o4755 and stat.S_IFMT(0o100644) == stat.S_IFREG and stat.S_ISLNK(0o120777)
    assert _stat.filemode(0o100644) == "-rw-r--r--" and _stat.filemode(0o40755) == "drwxr-xr-x" and _stat.filemode(0o120777) == "lrwxrwxrwx"
    assert _stat.filemode(0o104755) == "-rwsr-xr-x" and _stat.filemode(0o41777) == "drwxrwxrwt" and _stat.filemode(0) == "?---------"
    assert _stat.filemode(0o102644) == "-rw-r-Sr--"
    raises(TypeError, _stat.S_ISDIR, "x", msg="an integer is required")
    raises(OverflowError, _stat.S_ISDIR, -1, msg="can't convert negative value to unsigned int")
    assert stat.filemode is _stat.filemode

def test_errno():
    assert errno.ENOENT == 2 and errno.EACCES == 13 and errno.EEXIST == 17 and errno.ENOTEMPTY == 39 and errno.ETIMEDOUT == 110
    assert errno.errorcode[errno.ENOENT] == "ENOENT" and errno.EWOULDBLOCK == errno.EAGAIN and errno.errorcode[35] == "EDEADLOCK"
    assert len(errno.errorcode) == 130 and all(getattr(errno, name) == code for code, name in errno.errorcode.items())

def test_signal_in_process():
    assert _signal.SIGINT == 2 and _signal.SIGTERM == 15 and _signal.NSIG == 65 and _signal.SIG_DFL == 0 and _signal.SIG_IGN == 1
    # SIGINT inherited as ignored (a background job) reads back as SIG_IGN, as in CPython.
    assert _signal.getsignal(_signal.SIGINT) in (_signal.default_int_handler, _signal.SIG_IGN) and _signal.getsignal(_signal.SIGPIPE) == _signal.SIG_IGN
    raises(KeyboardInterrupt, _signal.default_int_handler, 2, None)
    got = []
    old = _signal.signal(_signal.SIGUSR1, lambda n, f: got.append(n))
    try:
        _signal.raise_signal(_signal.SIGUSR1)
        _signal.raise_signal(_signal.SIGUSR1)
        assert got == [_signal.SIGUSR1] * 2
    finally:
        _signal.signal(_signal.SIGUSR1, old)
    assert _signal.getsignal(_signal.SIGUSR1) == _signal.SIG_DFL
    raises(ValueError, _signal.signal, 0, _signal.SIG_DFL, msg="signal number out of range")
    raises(TypeError, _signal.signal, 10, 7, msg="signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    e = raises(OSError, _signal.signal, _signal.SIGKILL, _signal.SIG_IGN)
    assert e.errno == errno.EINVAL
    assert len(_signal.valid_signals()) == 62 and 32 not in _signal.valid_signals()
    assert _signal.strsignal(_signal.SIGINT) == "Interrupt" and _signal.strsignal(_signal.SIGKILL) == "Killed"
    assert _signal.set_wakeup_fd(-1) == -1

for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
