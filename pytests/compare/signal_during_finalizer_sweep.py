# A signal that arrives while finalizers run must still interrupt the wait it was meant for.
# Here a dropped object's __del__ runs in the sweep a wait makes before blocking (CPython runs
# it at `del`); the alarm comes during that __del__, and its handler's exception must end the
# select below, not be reported as "Exception ignored" inside the finalizer.
import select, signal, socket, time

ran = []

class Slow:
    def __del__(self):
        end = time.monotonic() + 0.4
        while time.monotonic() < end:
            pass
        ran.append("del")

class Alarm(Exception):
    pass

def handler(sig, frame):
    raise Alarm()

signal.signal(signal.SIGALRM, handler)
r, w = socket.socketpair()
obj = Slow()
del obj
dropped = socket.socket()  # a closeable made since the last sweep: the wait sweeps first
del dropped
t0 = time.monotonic()
try:
    signal.setitimer(signal.ITIMER_REAL, 0.1)
    select.select([r], [], [], 5)
    print("select returned without the alarm")
except Alarm:
    print("select interrupted by the alarm")
print("waited less than 3 s:", time.monotonic() - t0 < 3)
print("finalizer ran:", ran)
r.close(); w.close()
