# stackless.run() from any tasklet: the calls nest (the innermost returns when the run queue
# empties, and gets exceptions escaping tasklets); only the first call with a timeout sets it.
# Every expectation here holds on Stackless 3.7.5 too.
import stackless

def test_run_from_a_tasklet_nests():
    log = []
    def other():
        log.append("other")
    def inner():
        log.append("inner start")
        stackless.tasklet(other)()
        log.append(("inner after run", stackless.run()))
    t = stackless.tasklet(inner)()
    assert stackless.run() is None
    assert log == ["inner start", "other", ("inner after run", None)] and not t.alive

def test_escaping_exception_goes_to_the_innermost_run():
    log = []
    def raiser():
        log.append("raiser")
        raise KeyError("k")
    def inner():
        stackless.tasklet(raiser)()
        try:
            stackless.run()
        except KeyError as e:
            log.append(("inner caught", e.args))
        log.append("inner end")
    stackless.tasklet(inner)()
    stackless.run()
    assert log == ["raiser", ("inner caught", ("k",)), "inner end"], log

def test_inner_run_returns_with_blocked_tasklets():
    log = []
    ch = stackless.channel()
    def blocker():
        log.append("blocker")
        ch.receive()
        log.append("blocker got")
    def inner():
        stackless.tasklet(blocker)()
        log.append(("inner run", stackless.run()))
        log.append(("balance", ch.balance))
        ch.send(1)
        log.append("inner end")
    stackless.tasklet(inner)()
    stackless.run()
    assert log == ["blocker", ("inner run", None), ("balance", -1), "blocker got", "inner end"], log

def test_only_the_first_timeout_counts():
    log = []
    def spin():
        while True:
            pass
    def inner():
        s = stackless.tasklet(spin)()
        r = stackless.run(100)          # runs as if without timeout
        log.append("inner returned")
    w = stackless.tasklet(inner)()
    r = stackless.run(1000)
    # the outer run's timeout interrupts the spinner; the inner run() ends too, its
    # tasklet runnable again
    assert r is not None and r is not w and r.alive and log == [] and w.alive and w.scheduled
    r.kill()
    assert log == [] and stackless.getruncount() == 2
    stackless.run()
    assert log == ["inner returned"] and not w.alive

def test_run_switch_and_kill_orders():
    # tasklet.run()/kill() put the target in front of the caller: the caller runs right after
    log = []
    def f(n):
        log.append(n)
        stackless.schedule()
        log.append(n + "2")
    def case(kind):
        del log[:]
        a = stackless.tasklet(f)("a")
        b = stackless.tasklet(f)("b")
        c = stackless.tasklet(f)("c")
        if kind == "run-new": c.remove(); c.run()
        elif kind == "run-queued": b.run()
        elif kind == "switch-queued": b.switch()
        elif kind == "switch-new": c.remove(); c.switch()
        log.append("main")
        stackless.run()
        return log[:]
    assert case("run-new") == ['c', 'main', 'a', 'b', 'c2', 'a2', 'b2']
    assert case("run-queued") == ['b', 'c', 'main', 'a', 'b2', 'c2', 'a2']
    assert case("switch-queued") == ['b', 'c', 'a', 'b2', 'c2', 'a2', 'main']
    assert case("switch-new") == ['c', 'a', 'b', 'c2', 'a2', 'b2', 'main']
    ch = stackless.channel()
    def g(n):
        try:
            ch.receive()
        finally:
            log.append(n)
    del log[:]
    x = stackless.tasklet(g)("x")
    stackless.run()
    stackless.tasklet(f)("a")
    x.kill()
    log.append("main")
    stackless.run()
    assert log == ['x', 'main', 'a', 'a2'], log
    del log[:]
    y = stackless.tasklet(g)("y")
    stackless.run()
    stackless.tasklet(f)("a")
    try:
        y.raise_exception(KeyError)
    except KeyError:
        log.append("main got KeyError")
    log.append("main")
    stackless.run()
    assert log == ['y', 'main got KeyError', 'main', 'a', 'a2'], log

def test_schedule_callback_around_soft_and_hard_switches():
    log = []
    names = {id(stackless.main): "main"}
    def cb(prev, next):
        log.append((names.get(id(prev)), names.get(id(next)), prev.alive if prev is not None else None))
    stackless.set_schedule_callback(cb)
    try:
        def f():
            stackless.schedule()
        t = stackless.tasklet(f)()
        names[id(t)] = "t"
        stackless.run()
        ch = stackless.channel()
        def g():
            sorted([1], key=lambda x: ch.receive())
        u = stackless.tasklet(g)()
        names[id(u)] = "u"
        stackless.run()
        ch.send(1)
    finally:
        stackless.set_schedule_callback(None)
    # an ending tasklet is still alive when the callback sees it leave
    assert log == [("main", "t", True), ("t", "main", True), ("main", "u", True),
                   ("u", "main", True), ("main", "u", True), ("u", "main", True)], log

for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
