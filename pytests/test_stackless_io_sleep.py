# Sleeping tasklets and the main loop (stacklesslib.main), and the scheduler waiting on
# the reactor instead of spinning or declaring a deadlock.
import time

import stackless
import _stacklessio
from stacklesslib import main


def test_thousand_sleepers_take_one_sleep():
    done = []

    def sleeper(i):
        main.sleep(0.1)
        done.append(i)

    t0 = time.monotonic()
    for i in range(1000):
        stackless.tasklet(sleeper)(i)
    stackless.run()
    elapsed = time.monotonic() - t0
    assert len(done) == 1000
    assert 0.09 <= elapsed < 5, elapsed        # ~0.1 s in all, not 1000 x 0.1 s (margin for a loaded machine)


def test_wake_order_follows_deadlines():
    order = []

    def sleeper(name, secs):
        main.sleep(secs)
        order.append(name)

    for name, secs in (("c", 0.06), ("a", 0.02), ("b", 0.04)):
        stackless.tasklet(sleeper)(name, secs)
    stackless.run()
    assert order == ["a", "b", "c"], order


def test_sleeping_tasklet_is_blocked_and_killable():
    def sleeper():
        main.sleep(100)

    t = stackless.tasklet(sleeper)()
    stackless.schedule()
    assert t.blocked and t.alive and t.scheduled
    assert _stacklessio.pending() == 1
    t.kill()
    assert not t.alive
    assert _stacklessio.pending() == 0
    t0 = time.monotonic()
    stackless.run()
    assert time.monotonic() - t0 < 1


def test_sleep_zero_lets_others_run():
    log = []

    def a():
        log.append("a1"); main.sleep(0); log.append("a2")

    def b():
        log.append("b1"); main.sleep_next(); log.append("b2")

    stackless.tasklet(a)(); stackless.tasklet(b)()
    stackless.run()
    assert log == ["a1", "b1", "a2", "b2"], log


def test_main_alone_sleeps_plainly():
    t0 = time.monotonic()
    main.sleep(0.05)
    assert 0.04 <= time.monotonic() - t0 < 1


def test_main_waits_on_channel_while_sleeper_works():
    # the only other tasklet sleeps: no deadlock, the scheduler waits for its timer
    ch = stackless.channel()

    def later():
        main.sleep(0.03)
        ch.send("woke")

    stackless.tasklet(later)()
    assert ch.receive() == "woke"


def test_deadlock_still_detected():
    ch = stackless.channel()
    try:
        ch.receive()
        raise AssertionError("no deadlock error")
    except RuntimeError as e:
        # a tasklet an earlier test left runnable may end first: Stackless then words it so
        assert "Deadlock" in str(e) or "receiving without a sender" in str(e), e


def test_main_sleep_arguments():
    # main.sleep takes a negative delay as 0 (stacklesslib's sleep: `delay <= 0` is a
    # sleep_next); its other errors are time.sleep's
    main.sleep(-1)
    for bad, exc in (("x", TypeError), (float("nan"), ValueError)):
        for f in (main.sleep, time.sleep):
            try:
                f(bad)
                raise AssertionError("accepted %r" % (bad,))
            except exc as e:
                msg = str(e)
        try:
            main.sleep(bad)
        except exc as e:
            assert str(e) == msg, (str(e), msg)


def test_sleep_with_a_deadline_already_past_yields_once():
    # timer code computes sleep(deadline - now); a deadline just past must not raise
    order = []

    def late():
        order.append("late1")
        main.sleep(time.monotonic() - 1.0 - time.monotonic())
        order.append("late2")

    def other():
        order.append("other")
    stackless.tasklet(late)()
    stackless.tasklet(other)()
    stackless.run()
    assert order == ["late1", "other", "late2"], order


def test_event_queue_and_mainloop():
    calls = []
    q = main.event_queue
    q.call_later(0.04, calls.append, "late")
    h = q.call_later(0.02, calls.append, "cancelled")
    q.call_soon(calls.append, "soon")
    h.cancel()

    def worker():
        main.sleep(0.06)
        calls.append("worker")
        main.mainloop.stop()

    stackless.tasklet(worker)()
    t0 = time.monotonic()
    main.mainloop.run()
    assert calls == ["soon", "late", "worker"], calls
    assert time.monotonic() - t0 < 10
    assert not main.mainloop.running


def test_run_waits_for_sleepers_with_timeout_budget():
    # stackless.run() returns only when nobody can run and nobody waits for time or I/O
    done = []

    def napper():
        for i in range(3):
            main.sleep(0.01)
            done.append(i)

    stackless.tasklet(napper)()
    stackless.run()
    assert done == [0, 1, 2]


def test_sleep_arguments_as_time_sleep():
    # _stacklessio.sleep checks its argument exactly as time.sleep does
    for bad, exc in ((-1, ValueError), (float("nan"), ValueError), ("1", TypeError), (1e10, OverflowError)):
        msgs = []
        for sleep in (time.sleep, _stacklessio.sleep):
            try:
                sleep(bad)
            except exc as e:
                msgs.append(str(e))
        assert len(msgs) == 2 and msgs[0] == msgs[1], (bad, msgs)


for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
