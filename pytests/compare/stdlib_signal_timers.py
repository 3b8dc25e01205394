# Python handlers for signals .NET has no name for (SIGALRM, SIGUSR1): alarm, setitimer, os.kill.
import os
import signal
import time

got = []
print(signal.signal(signal.SIGALRM, lambda sig, frame: got.append((sig, type(frame).__name__))))
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(1)
print(got)
delay, interval = signal.setitimer(signal.ITIMER_REAL, 10, 5)
print(delay, interval)
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print(9 < delay <= 10, interval)
print(signal.setitimer(signal.ITIMER_REAL, 0)[1], signal.getitimer(signal.ITIMER_REAL))
print(signal.alarm(0))
print(signal.ItimerError, issubclass(signal.ItimerError, OSError))
try:
    signal.setitimer(12345, 1)
except signal.ItimerError as e:
    print("ItimerError", e.errno)

signal.signal(signal.SIGUSR1, lambda sig, frame: got.append(sig))
os.kill(os.getpid(), signal.SIGUSR1)
time.sleep(0.2)
print(got[-1] == signal.SIGUSR1)


class Stop(Exception):
    pass


def stop(sig, frame):
    raise Stop


signal.signal(signal.SIGALRM, stop)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    while True:
        pass
except Stop:
    print("a busy loop was interrupted")
signal.signal(signal.SIGALRM, signal.SIG_IGN)
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(0.2)
print("ignored")
