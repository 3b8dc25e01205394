"""faulthandler: tracebacks written straight to a file descriptor, on demand, after a
timeout and on a registered signal; argument errors."""
import faulthandler, os, re, signal, sys, tempfile, time

def captured(action):
    with tempfile.TemporaryFile() as f:
        action(f)
        f.seek(0)
        text = f.read().decode()
    # thread ids differ between runs and engines
    return re.sub(r"0x[0-9a-f]{16}", "0xTID", text)

def inner(f, **kw):
    faulthandler.dump_traceback(f, **kw)

def outer(f, **kw):
    inner(f, **kw)

print(captured(lambda f: outer(f, all_threads=False)), end="")
print(captured(lambda f: outer(f.fileno(), all_threads=False)), end="")
print(captured(lambda f: outer(f)), end="")

def recurse(n, f):
    if n == 0:
        faulthandler.dump_traceback(f, all_threads=False)
    else:
        recurse(n - 1, f)
text = captured(lambda f: recurse(150, f))
lines = text.splitlines()
print(len(lines), lines[0], lines[1], lines[-2], lines[-1])

def later(f):
    faulthandler.dump_traceback_later(0.05, file=f)
    deadline = time.monotonic() + 10
    while os.fstat(f.fileno()).st_size == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
print(captured(later).splitlines()[0])

def cancelled(f):
    faulthandler.dump_traceback_later(0.2, file=f)
    faulthandler.cancel_dump_traceback_later()
    time.sleep(0.4)
print(repr(captured(cancelled)))

def on_signal(f):
    assert faulthandler.register(signal.SIGUSR1, file=f, all_threads=False) is None
    os.kill(os.getpid(), signal.SIGUSR1)
    deadline = time.monotonic() + 10
    while os.fstat(f.fileno()).st_size == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
text = captured(on_signal)
print(text.splitlines()[0], [line.split(" in ")[-1] for line in text.splitlines()[1:]])

print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.is_enabled(), faulthandler.disable())

for call in [lambda: faulthandler.enable(file=-1), lambda: faulthandler.dump_traceback_later(0),
             lambda: faulthandler.dump_traceback_later(-1), lambda: faulthandler.dump_traceback_later(1e100),
             lambda: faulthandler.register(signal.SIGSEGV), lambda: faulthandler.register(0),
             lambda: faulthandler.register(100), lambda: faulthandler.unregister(0),
             lambda: faulthandler.dump_traceback(file="x")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
