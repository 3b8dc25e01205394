# Process-facing modules: environment and os.system, wait statuses, _signal handlers raised
# by the program itself, atexit ordering and error reports, gc basics, errno names.
import os, sys, errno, atexit, gc, _signal
n0 = atexit._ncallbacks()   # CPython's site module registers one of its own

os.environ["SI_COMPARE_VAR"] = "hello from the parent"
sys.stdout.flush()
status = os.system("echo child sees: $SI_COMPARE_VAR")
print("status", status, os.waitstatus_to_exitcode(status))
sys.stdout.flush()
status = os.system("exit 7")
print("exit 7 ->", os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
status = os.system(b"kill -TERM $$")
print("killed ->", os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))
del os.environ["SI_COMPARE_VAR"]
sys.stdout.flush()
os.system("echo unset: ${SI_COMPARE_VAR:-gone}")

print(_signal.SIGINT, _signal.SIGTERM, _signal.SIGUSR1, _signal.NSIG, _signal.SIG_DFL, _signal.SIG_IGN)
print(_signal.getsignal(_signal.SIGINT) is _signal.default_int_handler, _signal.getsignal(_signal.SIGPIPE), _signal.getsignal(_signal.SIGUSR1))
print(sorted(set(range(1, 65)) - _signal.valid_signals()), _signal.strsignal(_signal.SIGINT), _signal.strsignal(_signal.SIGSEGV))

seen = []
def handler(signum, frame):
    seen.append((signum, frame is not None and frame.f_code.co_name))
old = _signal.signal(_signal.SIGUSR1, handler)
print(old, _signal.getsignal(_signal.SIGUSR1) is handler)
def send():
    _signal.raise_signal(_signal.SIGUSR1)
    os.kill(os.getpid(), _signal.SIGUSR1)
send()
print(seen)
_signal.signal(_signal.SIGUSR2, _signal.SIG_IGN)
_signal.raise_signal(_signal.SIGUSR2)
print("ignored SIGUSR2")
try:
    _signal.raise_signal(_signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
for bad in [(0, _signal.SIG_DFL), (65, _signal.SIG_DFL), (_signal.SIGUSR1, 5), (_signal.SIGKILL, _signal.SIG_IGN)]:
    try:
        _signal.signal(*bad)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
print(_signal.set_wakeup_fd(-1))

print(errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK], errno.EWOULDBLOCK == errno.EAGAIN, len(errno.errorcode))
print(os.strerror(errno.ENOSPC), os.strerror(errno.EPIPE))

print(gc.isenabled(), gc.collect() >= 0, gc.get_threshold())
gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked(()), gc.is_tracked((1, 2)), gc.is_tracked(([],)))
events = []
gc.callbacks.append(lambda phase, info: events.append((phase, info["generation"])))
gc.collect()
print(events)
gc.callbacks.clear()

def first():
    print("atexit: first registered, runs last")
def failing():
    raise ValueError("boom in atexit")
def with_args(a, b=None):
    print("atexit with", a, b)
atexit.register(first)
atexit.register(failing)
atexit.register(with_args, 1, b="two")
atexit.register(print, "never printed")
atexit.unregister(print)
print("callbacks", atexit._ncallbacks() - n0)
print("main done")
