# Tasklets, channels and the scheduler. Every expectation here was checked against
# Stackless 3.7.5 (the same file passes there).
import stackless

def run_log(setup):
    log = []
    setup(log)
    stackless.run()
    return log

def test_round_robin_schedule():
    def setup(log):
        def t(name):
            for i in range(2):
                log.append((name, i))
                stackless.schedule()
        for n in "abc":
            stackless.tasklet(t)(n)
    assert run_log(setup) == [("a", 0), ("b", 0), ("c", 0), ("a", 1), ("b", 1), ("c", 1)]

def preference_log(pref, sender_first):
    log = []
    ch = stackless.channel()
    ch.preference = pref
    def sender():
        for i in range(2):
            log.append("s%d" % i)
            ch.send(i)
            log.append("s%d done" % i)
    def receiver():
        for i in range(2):
            log.append("r%d" % i)
            log.append("got %d" % ch.receive())
    if sender_first:
        stackless.tasklet(sender)(); stackless.tasklet(receiver)()
    else:
        stackless.tasklet(receiver)(); stackless.tasklet(sender)()
    stackless.run()
    return log

def test_preference_receiver():
    assert preference_log(-1, True) == ['s0', 'r0', 'got 0', 'r1', 's0 done', 's1', 'got 1', 's1 done']
    assert preference_log(-1, False) == ['r0', 's0', 'got 0', 'r1', 's0 done', 's1', 'got 1', 's1 done']

def test_preference_sender():
    assert preference_log(1, True) == ['s0', 'r0', 's0 done', 's1', 'got 0', 'r1', 's1 done', 'got 1']
    assert preference_log(1, False) == ['r0', 's0', 's0 done', 's1', 'got 0', 'r1', 's1 done', 'got 1']

def test_preference_neither():
    assert preference_log(0, True) == ['s0', 'r0', 'got 0', 'r1', 's0 done', 's1', 's1 done', 'got 1']
    assert preference_log(0, False) == ['r0', 's0', 's0 done', 's1', 'got 0', 'r1', 'got 1', 's1 done']

def test_balance_queue_and_deadlock():
    ch = stackless.channel()
    def r(): ch.receive()
    t1 = stackless.tasklet(r)(); t2 = stackless.tasklet(r)()
    stackless.run()
    assert ch.balance == -2 and ch.queue is t1 and t1.blocked and not t1.scheduled is False
    ch.send(1); ch.send(2)
    assert ch.balance == 0 and not t1.alive and not t2.alive
    try:
        ch.receive()
    except RuntimeError as e:
        assert "Deadlock" in str(e)
    else:
        raise AssertionError("no deadlock error")

def test_exception_escapes_to_main():
    def bad():
        raise KeyError("k")
    stackless.tasklet(bad)()
    try:
        stackless.run()
    except KeyError as e:
        assert e.args == ("k",)
    else:
        raise AssertionError("exception lost")
    assert stackless.getruncount() == 1

def test_taskletexit_and_kill():
    assert issubclass(TaskletExit, SystemExit)
    log = []
    ch = stackless.channel()
    def victim():
        try:
            ch.receive()
        except TaskletExit:
            log.append("exit")
            raise
        finally:
            log.append("finally")
    t = stackless.tasklet(victim)()
    stackless.run()
    assert t.blocked and t.alive
    t.kill()
    assert log == ["exit", "finally"] and not t.alive and ch.balance == 0
    # killing a tasklet that never ran: it dies without running
    t2 = stackless.tasklet(victim)()
    t2.kill()
    assert not t2.alive and log == ["exit", "finally"]

def test_throw_and_raise_exception():
    ch = stackless.channel()
    log = []
    def catcher():
        try:
            ch.receive()
        except ValueError as e:
            log.append(("caught", e.args))
        log.append("after")
    t = stackless.tasklet(catcher)()
    stackless.run()
    t.raise_exception(ValueError, 1, 2)
    assert log == [("caught", (1, 2)), "after"]
    log.clear()
    t = stackless.tasklet(catcher)()
    stackless.run()
    t.throw(ValueError("x"), pending=True)
    assert log == [] and t.scheduled and not t.blocked
    stackless.run()
    assert log == [("caught", ("x",)), "after"]

def test_send_exception_and_iteration():
    ch = stackless.channel()
    got = []
    def consumer():
        try:
            for v in ch:
                got.append(v)
        except ZeroDivisionError as e:
            got.append(("zde", e.args))
    stackless.tasklet(consumer)()
    stackless.run()
    assert ch.send_sequence([1, 2, 3]) == 3
    ch.send_exception(ZeroDivisionError, "no")
    assert got == [1, 2, 3, ("zde", ("no",))]

def test_close():
    ch = stackless.channel()
    ch.close()
    assert ch.closing and ch.closed
    try:
        ch.send(1)
    except ValueError:
        pass
    else:
        raise AssertionError("send on closed channel")
    assert list(ch) == []
    ch.open()
    assert not ch.closed

def test_schedule_retval_and_tempval():
    out = []
    def t():
        out.append(stackless.schedule("x"))
        out.append(stackless.schedule() is stackless.getcurrent())
    stackless.tasklet(t)()
    stackless.run()
    assert out == ["x", True]

def test_schedule_callback():
    seen = []
    main = stackless.getmain()
    def cb(prev, nxt):
        seen.append((prev is main, nxt is main, prev is None))
    def t():
        pass
    stackless.set_schedule_callback(cb)
    try:
        stackless.tasklet(t)()
        stackless.run()
    finally:
        stackless.set_schedule_callback(None)
    # the tasklet that ended is still passed as `prev`
    assert seen == [(True, False, False), (False, True, False)]
    assert stackless.get_schedule_callback() is None

def test_channel_callback():
    seen = []
    ch = stackless.channel()
    def cb(chan, task, sending, willblock):
        seen.append((chan is ch, task is stackless.getmain(), sending, willblock))
    def r(): ch.receive()
    stackless.tasklet(r)()
    stackless.set_channel_callback(cb)
    try:
        stackless.run()
        ch.send(5)
    finally:
        stackless.set_channel_callback(None)
    assert seen == [(True, False, False, True), (True, True, True, False)]

def test_block_trap_and_switch_trap():
    ch = stackless.channel()
    cur = stackless.getcurrent()
    cur.block_trap = True
    try:
        ch.receive()
    except RuntimeError as e:
        assert "blocked" in str(e)
    else:
        raise AssertionError("block_trap")
    finally:
        cur.block_trap = False
    stackless.tasklet(lambda: None)()
    stackless.switch_trap(1)
    try:
        stackless.schedule()
    except RuntimeError:
        pass
    else:
        raise AssertionError("switch_trap")
    finally:
        stackless.switch_trap(-1)
    stackless.run()

def test_atomic_and_states():
    t = stackless.tasklet(lambda: None)
    assert not t.alive and not t.scheduled
    t()
    assert t.alive and t.scheduled and not t.blocked and not t.is_current
    main = stackless.getmain()
    assert main.is_main and main.is_current and stackless.getcurrent() is main
    with stackless.atomic():
        assert main.atomic
    assert not main.atomic
    stackless.run()
    assert not t.alive

def test_preemption_of_endless_loop():
    counter = [0]
    def spin():
        while True:
            counter[0] += 1
    t = stackless.tasklet(spin)()
    victim = stackless.run(100)
    assert victim is t and counter[0] > 0 and not t.scheduled and t.alive
    t.kill()
    assert not t.alive

def test_tasklet_run_and_switch():
    log = []
    def a():
        log.append("a")
    t = stackless.tasklet(a)()
    t.run()
    assert log == ["a"]
    ch = stackless.channel()
    def b():
        log.append("b")
        stackless.getmain().switch()
        log.append("b2")
    t = stackless.tasklet(b)()
    t.switch()
    assert log == ["a", "b"] and t.paused and not t.scheduled and stackless.getruncount() == 1
    stackless.run()          # a paused tasklet is not in the run queue
    assert log == ["a", "b"] and t.alive
    t.run()
    assert log == ["a", "b", "b2"] and not t.alive

def test_subclass_with_init():
    class Named(stackless.tasklet):
        def __init__(self, func, name):
            super().__init__(func)
            self.name = name
    out = []
    t = Named(lambda x: out.append(x), "n")
    t("v")
    stackless.run()
    assert t.name == "n" and out == ["v"]

def test_native_callable_tasklet():
    ch = stackless.channel()
    stackless.tasklet(ch.send)("sack")
    assert ch.receive() == "sack"

def test_last_runnable_tasklet_deadlock_reaches_blocked_main():
    ch, ch2 = stackless.channel(), stackless.channel()
    def t():
        ch2.receive()      # the last runnable tasklet: RuntimeError here, which ends t
    stackless.tasklet(t)()
    try:
        ch.receive()
    except RuntimeError as e:
        assert "Deadlock" in str(e)
    else:
        raise AssertionError("main kept waiting")
    assert stackless.getruncount() == 1 and ch.balance == 0 and ch2.balance == 0

def test_bind_scheduled_and_repr():
    t = stackless.tasklet(lambda: None)()
    try:
        t.bind(lambda: 1)
    except RuntimeError as e:
        assert str(e) == "tasklet is scheduled"
    else:
        raise AssertionError("rebound a scheduled tasklet")
    stackless.run()
    assert repr(t).startswith("<_stackless.tasklet object at 0x")
    assert repr(stackless.channel()).startswith("<_stackless.channel object at 0x")

def test_frame_of_blocked_tasklet():
    ch = stackless.channel()
    def waiter_fn():
        ch.receive()
    t = stackless.tasklet(waiter_fn)()
    stackless.run()
    assert t.frame.f_code.co_name == "waiter_fn"
    ch.send(None)
    assert t.frame is None and not t.alive

def test_soft_timeout_interrupts_at_schedule():
    log = []
    def polite():
        for i in range(100000):
            if i % 1000 == 0:
                stackless.schedule()
        log.append("done")
    p = stackless.tasklet(polite)()
    v = stackless.run(50, soft=True)
    assert v is None and p.scheduled and stackless.getruncount() == 2 and log == []
    stackless.run()
    assert log == ["done"]

def test_atomic_defers_preemption():
    n = [0]
    log = []
    def spin():
        cur = stackless.getcurrent()
        old = cur.set_atomic(True)
        for i in range(20000):
            n[0] += 1
        cur.set_atomic(old)
        log.append("after atomic")
        while True:
            pass
    t = stackless.tasklet(spin)()
    v = stackless.run(100)
    # the atomic section ran to its end before the interrupt
    assert v is t and n[0] == 20000
    t.kill()

for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
