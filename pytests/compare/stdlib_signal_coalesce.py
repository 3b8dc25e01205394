# Signals that arrive faster than the Python handler runs merge into one call (CPython's
# tripped flag); none of them may fall through to the OS's default action (death), however
# many come before the handler ran.
import os, signal, time
got = []
def slow(signum, frame):
    got.append(signum)
    time.sleep(0.002)
signal.signal(signal.SIGUSR1, slow)
for i in range(200):
    os.kill(os.getpid(), signal.SIGUSR1)
    os.kill(os.getpid(), signal.SIGUSR1)
    os.kill(os.getpid(), signal.SIGUSR1)
signal.signal(signal.SIGALRM, lambda signum, frame: got.append(signum))
signal.setitimer(signal.ITIMER_REAL, 1e-4, 1e-4)   # a burst of SIGALRM
deadline = time.monotonic() + 0.3
while time.monotonic() < deadline:
    pass
signal.setitimer(signal.ITIMER_REAL, 0)
time.sleep(0.05)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
print("alive", signal.SIGUSR1 in got, signal.SIGALRM in got)
