"""More behaviours found by Stackless 3.7.5's own unittests (test_thread, test_defects,
test_miscell, test_exception, test_generator), each checked against the reference
(/tmp/slp-install/bin/python3 runs this file too)."""
import copy
import pickle
import sys
import threading
import time
import types
import stackless

T = 10


def test_module_pickles_by_name():
    # test_thread's helper calls stackless.__reduce__(); the module pickles as a reference
    assert stackless.__reduce__() == "stackless"
    assert stackless.__reduce_ex__(2) == "stackless"
    assert pickle.loads(pickle.dumps(stackless)) is stackless
    assert copy.copy(stackless) is stackless


def test_run_of_current_hands_back_tempval():
    cur = stackless.current
    cur.tempval = 5
    assert cur.run() == 5
    assert cur.switch() is None          # the tempval was taken
    cur.tempval = stackless.bomb(ValueError, ValueError("x"), None)
    try:
        cur.run()
    except ValueError as e:
        assert e.args == ("x",)
    else:
        raise AssertionError("the bomb in tempval did not explode")
    cur.tempval = None


def test_kill_blocked_tasklet_of_other_thread():
    # kill() of another thread's tasklet does not switch there: the tasklet gets TaskletExit
    # on its thread, and the caller goes on
    ch = stackless.channel()
    log = []
    ready = threading.Event()
    def task():
        try:
            ch.receive()
        except TaskletExit:
            log.append("killed")
            raise
    def other():
        global remote
        remote = stackless.tasklet(task)()
        stackless.schedule()           # it blocks on the channel
        ready.set()
        while remote.alive:            # the kill makes it runnable here
            stackless.run()
            time.sleep(0.001)
        log.append("thread done")
    th = threading.Thread(target=other)
    th.start()
    assert ready.wait(T)
    assert remote.blocked and remote.thread_id == th.ident
    remote.kill()
    log.append("caller goes on")
    th.join(T)
    assert not th.is_alive()
    assert log == ["caller goes on", "killed", "thread done"] or log == ["killed", "caller goes on", "thread done"], log
    assert not remote.alive and ch.balance == 0


def test_kill_main_of_other_thread_explodes_at_its_next_switch():
    # test_defects.TestShutdown.test_interthread_kill: the other thread's main tasklet loops
    # on main.run(); kill() from here raises TaskletExit there
    got = []
    started = threading.Event()
    class C:
        def other_thread_main(self):
            self.main = stackless.main
            started.set()
            try:
                for _ in range(10 ** 6):
                    self.main.run()
                    time.sleep(0.0005)
            except TaskletExit:
                got.append("TaskletExit")
    x = C()
    th = threading.Thread(target=x.other_thread_main)
    th.start()
    assert started.wait(T)
    x.main.kill()
    th.join(T)
    assert not th.is_alive()
    assert got == ["TaskletExit"], got


def test_run_of_remote_tasklet_goes_before_inserted_ones():
    # test_thread.TestRemoteSchedule.testRunOrder: on a thread that waits, run() puts the
    # tasklet first, before the ones inserted there earlier
    events = []
    c = stackless.channel()
    def tfunc():
        c2 = stackless.channel()
        tasklets = []
        for i in range(3):
            def helper(i=i):
                events.append(i)
                c2.send(None)
            t = stackless.tasklet(helper)()
            t.remove()
            tasklets.append(t)
        c.send(tasklets)
        for i in range(3):
            c2.receive()
        stackless.run()
    th = threading.Thread(target=tfunc)
    th.start()
    t1, t2, t3 = c.receive()
    with stackless.atomic():
        t2.insert()
        t3.insert()
        t1.run()
    th.join(T)
    assert not th.is_alive()
    assert events == [0, 1, 2], events


def test_unpickled_unrun_tasklet_has_recursion_depth_0():
    # test_miscell.TestWatchdog.test_aliveness2
    def runtask():
        x = 0
        for i in range(1000):
            x += 1
    t = stackless.tasklet(runtask)()
    t2 = pickle.loads(pickle.dumps(t))
    t.remove()
    t2.insert()
    assert t2.alive and t2.scheduled and t2.recursion_depth == 0
    t2.set_ignore_nesting(1)
    assert stackless.run(10) is t2
    assert t2.paused and t2.recursion_depth == 1
    t2.insert()
    stackless.run()
    assert not t2.alive and t2.recursion_depth == 0


def test_pickled_generator_keeps_exception_state():
    # test_exception.TestExcStatePickling.test_generator_pickle_with_exc
    e1 = ZeroDivisionError("test")
    e2 = NotImplementedError("TEST")
    def inner():
        stackless.schedule_remove((2, sys.exc_info()[0]))
        yield 3
        try:
            raise e2
        except Exception:
            yield 4
            stackless.schedule_remove((5, sys.exc_info()[0]))
            yield 6
        yield 7
        stackless.schedule_remove((8, sys.exc_info()[0]))
    def outer():
        stackless.schedule_remove((0, sys.exc_info()[0]))
        try:
            raise e1
        except Exception:
            stackless.schedule_remove((1, sys.exc_info()[0]))
            for x in inner():
                stackless.schedule_remove((x, sys.exc_info()[0]))
        stackless.schedule_remove((9, sys.exc_info()[0]))
    Z, N = ZeroDivisionError, NotImplementedError
    expected = [None, Z, Z, Z, Z, N, Z, Z, Z, None]
    t = stackless.tasklet(outer)()
    stackless.run()
    pickles = []
    for i, exc in enumerate(expected):
        assert t.tempval == (i, exc), (i, t.tempval)
        pickles.append(pickle.dumps(t))
        t.insert()
        stackless.run()
    assert not t.alive
    for n, p in enumerate(pickles):
        t = pickle.loads(p)
        t.insert()
        stackless.run()
        for i in range(n + 1, len(expected)):
            assert t.tempval == (i, expected[i]), (n, i, t.tempval)
            t.insert()
            stackless.run()
        assert not t.alive


def test_coroutine_send_from_python_switches_softly():
    # test_generator.TestStacklessOperations.test_coroutine(_wrapper): a coroutine driven by
    # send() from Python code runs at nesting level 0, so a switch inside it is soft
    levels = []
    @types.coroutine
    def one_yield():
        levels.append(stackless.current.nesting_level)
        stackless.schedule()
        yield
    async def coro():
        await one_yield()
        levels.append(stackless.current.nesting_level)
        await one_yield()
    def drive(it):
        n = 0
        while True:
            try:
                it.send(None)
                n += 1
            except StopIteration:
                return n
    def task():
        assert drive(coro().__await__()) == 2
        c = coro()
        assert drive(c) == 2
        try:
            c.send(None)
        except RuntimeError as e:
            assert "cannot reuse already awaited coroutine" in str(e)
        else:
            raise AssertionError("a finished coroutine was resumed")
    t = stackless.tasklet(task)()
    stackless.run()
    assert not t.alive
    if stackless.enable_softswitch(None):
        assert levels == [0] * 6, levels
    else:
        assert len(levels) == 6 and min(levels) > 0, levels


def test_coroutine_send_nests_with_softswitch_disabled():
    old = stackless.enable_softswitch(False)
    try:
        test_coroutine_send_from_python_switches_softly()
    finally:
        stackless.enable_softswitch(old)


for _name, _fn in list(globals().items()):
    if _name.startswith("test_") and callable(_fn):
        _fn()
        assert stackless.getruncount() == 1, _name
print("ok")
