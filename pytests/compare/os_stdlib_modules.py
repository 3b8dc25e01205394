# The pure-Python standard library that stands on os/posix: tempfile, pathlib, shutil, glob,
# fnmatch, platform, getpass, argparse, logging, contextlib, random, and threading as used by
# a single-threaded program (no thread is started).
import os, sys, shutil, tempfile, glob, fnmatch, pathlib, platform, getpass, argparse, logging, threading, contextlib, random, stat

d = tempfile.mkdtemp(prefix="si_stdlib_")
try:
    print(os.path.isdir(d), os.path.basename(d).startswith("si_stdlib_"), os.path.dirname(d) == tempfile.gettempdir())
    print(stat.S_IMODE(os.stat(d).st_mode) == 0o700)
    p = pathlib.Path(d)
    (p / "a.txt").write_text("hello\n")
    (p / "sub").mkdir()
    (p / "sub" / "b.py").write_bytes(b"x = 1\n")
    (p / "sub" / "deeper").mkdir(parents=True)
    print(sorted(x.name for x in p.iterdir()), repr((p / "a.txt").read_text()), (p / "a.txt").stat().st_size)
    print((p / "a.txt").exists(), (p / "nope").exists(), (p / "sub").is_dir(), (p / "a.txt").suffix, (p / "sub" / "b.py").stem)
    print(sorted(os.path.relpath(x, d) for x in glob.glob(d + "/**/*", recursive=True)))
    print(sorted(os.path.relpath(x, d) for x in glob.glob(os.path.join(d, "*.txt"))), glob.escape("a[b]*"))
    print(sorted(str(x.relative_to(p)) for x in p.rglob("*.py")), sorted(str(x.relative_to(p)) for x in p.glob("*")))
    print(fnmatch.fnmatch("x.py", "*.py"), fnmatch.filter(["a.py", "b.txt", "c.py"], "*.py"), fnmatch.translate("a?b*"))
    print(p.owner() == getpass.getuser(), (p / "a.txt").resolve() == p.resolve() / "a.txt", pathlib.Path("~").expanduser() == pathlib.Path.home())

    shutil.copy(p / "a.txt", p / "c.txt")
    shutil.copy2(p / "a.txt", p / "c2.txt")
    print(os.stat(p / "c2.txt").st_mtime_ns == os.stat(p / "a.txt").st_mtime_ns)
    shutil.copytree(p / "sub", p / "sub2")
    shutil.move(str(p / "c.txt"), str(p / "sub2"))
    print(sorted(os.listdir(p / "sub2")), shutil.disk_usage(d).total > 0, shutil.which("sh") is not None, shutil.which("no-such-program-xyz"))
    print(shutil.get_terminal_size((77, 11)) if not os.isatty(1) else "tty")

    fd, name = tempfile.mkstemp(suffix=".dat", dir=d)
    os.write(fd, b"xyz")
    os.close(fd)
    with open(name) as f:
        print(f.read(), name.endswith(".dat"))
    with tempfile.TemporaryDirectory() as td:
        print(os.path.isdir(td))
    print(os.path.exists(td))
    with tempfile.NamedTemporaryFile("w+") as tf:
        tf.write("abc")
        tf.seek(0)
        print(tf.read(), os.path.exists(tf.name))
    print(os.path.exists(tf.name))
    with tempfile.TemporaryFile() as tf:
        tf.write(b"q")
        tf.seek(0)
        print(tf.read())
    with tempfile.SpooledTemporaryFile(max_size=10) as sf:
        sf.write(b"0123456789abc")
        sf.seek(0)
        print(sf.read())
finally:
    shutil.rmtree(d)
print(os.path.exists(d))

print(platform.system(), platform.machine(), platform.node() == os.uname().nodename, platform.uname().system)
print(getpass.getuser() == os.environ.get("USER", getpass.getuser()))
ap = argparse.ArgumentParser(prog="x")
ap.add_argument("--n", type=int, default=3)
ap.add_argument("-v", action="store_true")
ap.add_argument("f", nargs="*")
print(ap.parse_args(["--n", "5", "a", "b"]), ap.parse_args(["-v"]))
print(ap.format_usage().strip())
logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s", stream=sys.stdout)
log = logging.getLogger("t")
log.info("hello %s", "log")
log.debug("not shown")
log.warning("careful")
try:
    1 / 0
except ZeroDivisionError as ex:
    log.error("caught %r", ex)

t = threading.current_thread()
print(t.name, threading.main_thread() is t, threading.active_count(), threading.get_ident() == t.ident, t.is_alive(), t.daemon)
print([x.name for x in threading.enumerate()])
e = threading.Event()
print(e.is_set(), e.wait(0.01))
e.set()
print(e.wait(0.1), e.is_set())
c = threading.Condition()
with c:
    print(c.wait(0.01), c.wait_for(lambda: True, 0.01))
lk = threading.Lock()
print(lk.acquire(), lk.locked(), lk.acquire(False))
lk.release()
rl = threading.RLock()
with rl:
    with rl:
        print("rlock reentered")
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(timeout=0.01))
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as ex:
    print("ValueError", ex)
loc = threading.local()
loc.x = 5
print(loc.x, threading.Timer(10, print).is_alive())

random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abc"), random.sample(range(10), 3))
with contextlib.suppress(KeyError):
    {}[1]
with contextlib.ExitStack() as st:
    st.callback(print, "exit stack callback")
print(contextlib.nullcontext(5).__enter__())
