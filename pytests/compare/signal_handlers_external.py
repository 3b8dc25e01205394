"""Python signal handlers for signals from outside the process: run on the main thread at the
next tick of a busy loop, and during time.sleep (which then sleeps the rest, or ends with the
handler's exception)."""
import signal, os, time, sys, subprocess
got = []
def h(signum, frame):
    got.append((signum, frame.f_code.co_name))
signal.signal(signal.SIGTERM, h)
signal.signal(signal.SIGUSR1, h) if hasattr(signal, "SIGUSR1") else None
def spin():
    t0 = time.monotonic()
    while not got and time.monotonic() - t0 < 5:
        pass
p = subprocess.Popen(["sh", "-c", "sleep 0.3; kill -TERM %d" % os.getpid()])
spin(); p.wait()
print(got)
got.clear()
p = subprocess.Popen(["sh", "-c", "sleep 0.3; kill -TERM %d" % os.getpid()])
t0 = time.monotonic(); time.sleep(1.0); dt = time.monotonic() - t0
p.wait()
print(got, 0.95 < dt < 2)
def boom(signum, frame): raise RuntimeError("from handler %d" % signum)
signal.signal(signal.SIGTERM, boom)
p = subprocess.Popen(["sh", "-c", "sleep 0.3; kill -TERM %d" % os.getpid()])
try:
    time.sleep(3)
except RuntimeError as e:
    print("sleep interrupted:", e)
p.wait()
signal.signal(signal.SIGTERM, signal.SIG_DFL)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
