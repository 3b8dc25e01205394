# time's POSIX clocks: clock_gettime/_ns/getres by id, the CLOCK_* constants, and the CPU
# clocks: thread_time counts only the calling thread (a busy second thread does not move
# it), process_time counts them all.
import threading, time

names = sorted(n for n in dir(time) if n.startswith("CLOCK_"))
print(names)
print([getattr(time, n) for n in names])
for clk in (time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID):
    a = time.clock_gettime(clk)
    b = time.clock_gettime_ns(clk)
    print(clk, type(a).__name__, type(b).__name__, abs(b / 1e9 - a) < 1.0, 0 < time.clock_getres(clk) <= 0.01)
print(abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 1)
print(abs(time.clock_gettime(time.CLOCK_MONOTONIC) - time.monotonic()) < 1)
for bad in (-12345, 999):
    try:
        time.clock_gettime(bad)
    except OSError as e:
        print("bad clock", e.errno)
try:
    time.clock_gettime("x")
except TypeError as e:
    print("TypeError")
try:
    time.clock_settime(time.CLOCK_MONOTONIC, 0.0)
except OSError as e:
    print("settime monotonic refused", e.errno)
print(time.get_clock_info("thread_time").implementation)
print(time.get_clock_info("process_time").implementation)

def busy(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass

done = threading.Event()
def other():
    busy(0.3)
    done.set()

t0, p0 = time.thread_time(), time.process_time()
th = threading.Thread(target=other)
th.start()
done.wait()   # the main thread sleeps while the other one spins
th.join()
t1, p1 = time.thread_time(), time.process_time()
print("main thread idle:", t1 - t0 < 0.15)
print("process counted the busy thread:", p1 - p0 > 0.2)
