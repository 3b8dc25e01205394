# Differences users' programs found in stacklesslib's timers (examples/threaded_app.py and
# examples/timers.py, run against Stackless 3.7.5 where the same program runs on threads).
import time

import stackless
from stacklesslib import locks, main


def test_earlier_timer_added_after_a_later_one_fires_first():
    # the event queue's driver slept until the 3 s timeout of a wait that had ended early,
    # so a 0.01 s timeout asked for afterwards expired after 3 s (queue.put(timeout=0.01)
    # took 30 s in threaded_app.py; on threads it takes 0.01 s)
    lock = locks.Lock()
    lock.acquire()
    got = []

    def early_release():
        lock.release()

    def waiter():
        got.append(lock.acquire(True, 3))     # handed the lock at once; its timer cancelled
        stackless.tasklet(second)()           # while the driver sleeps for that timer

    def second():
        t0 = time.monotonic()
        got.append(lock.acquire(True, 0.05))  # held by the waiter: times out
        got.append(time.monotonic() - t0)
    stackless.tasklet(waiter)()
    stackless.tasklet(early_release)()
    stackless.run()
    assert got[:2] == [True, False], got
    assert 0.04 <= got[2] < 1.5, got


def test_cancelled_timeout_does_not_keep_run_waiting():
    # an Event.wait(20) satisfied at once left its 20 s timer in the queue's driver, and
    # stackless.run() waited for it: run() returns as soon as nobody can run
    lock = locks.Lock()
    lock.acquire()
    out = []

    def waiter():
        out.append(lock.acquire(True, 20))

    def releaser():
        lock.release()
    stackless.tasklet(waiter)()
    stackless.tasklet(releaser)()
    t0 = time.monotonic()
    stackless.run()
    assert out == [True]
    assert time.monotonic() - t0 < 5, time.monotonic() - t0
    lock.release()


def test_call_later_order_with_cancel_and_earlier_insert():
    calls = []
    q = main.event_queue
    q.call_later(0.3, calls.append, "late")
    h = q.call_later(0.2, calls.append, "cancelled")

    def adder():
        main.sleep(0.01)
        h.cancel()
        q.call_later(0.02, calls.append, "early")
    stackless.tasklet(adder)()
    t0 = time.monotonic()
    while len(calls) < 2 and time.monotonic() - t0 < 5:
        stackless.run()
        main.sleep(0.01)
    assert calls == ["early", "late"], calls
    assert len(q) == 0


for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
