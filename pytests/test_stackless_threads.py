# Stackless with several Python threads (threads.rst): one scheduler per thread, channels
# between tasklets of different threads, tasklet.thread_id and bind_thread, stackless.threads
# and get_thread_info, a thread that blocks on a channel until another thread wakes it,
# run(threadblock=True). Every wait has a timeout, so a broken build fails instead of hanging.
import stackless, threading, time

T = 10

def test_scheduler_per_thread():
    seen = []
    def secondary():
        seen.append((stackless.runcount, stackless.current is stackless.main,
                     stackless.main is not main_of_main, stackless.getcurrentid() == threading.get_ident()))
    main_of_main = stackless.main
    def watcher():
        while th.is_alive():
            stackless.schedule()
        seen.append("dead")
    stackless.tasklet(watcher)()
    th = threading.Thread(target=secondary)
    th.start()
    stackless.run()
    th.join(T)
    assert seen == [(1, True, True, True), "dead"], seen

def test_channel_between_threads():
    ch = stackless.channel()
    log = []
    def master():
        for c in ("A", "B", "C", "QUIT"):
            ch.send(c)
    def slave():
        while True:
            c = ch.receive()
            log.append(c)
            if c == "QUIT":
                break
    def scheduler_run(f):
        t = stackless.tasklet(f)()
        while t.alive:
            stackless.run()
    th = threading.Thread(target=scheduler_run, args=(master,))
    th.start()
    scheduler_run(slave)
    th.join(T)
    assert log == ["A", "B", "C", "QUIT"]
    assert ch.balance == 0

def test_main_tasklet_blocks_thread_until_other_thread_sends():
    ch = stackless.channel()
    def sender():
        time.sleep(0.05)
        ch.send("hello")
        ch.send_exception(ValueError, "bad")
    th = threading.Thread(target=sender)
    th.start()
    assert ch.receive() == "hello"
    try:
        ch.receive()
    except ValueError as e:
        assert str(e) == "bad"
    else:
        raise AssertionError("no ValueError")
    th.join(T)
    # the other direction: the thread's tasklet blocks on send until main receives
    got = []
    def receiver_thread():
        got.append(ch.receive())
    th = threading.Thread(target=receiver_thread)
    th.start()
    time.sleep(0.05)
    ch.send(42)
    th.join(T)
    assert got == [42]

def test_deadlock_when_no_other_thread_can_wake():
    ch = stackless.channel()
    try:
        ch.receive()
    except RuntimeError as e:
        assert str(e) == "Deadlock: the last runnable tasklet cannot be blocked."
    else:
        raise AssertionError("no deadlock error")
    assert ch.balance == 0 and stackless.runcount == 1

def test_thread_id_and_bind_thread():
    box = {}
    made = threading.Event(); finish = threading.Event()
    def maker():
        box["t"] = stackless.tasklet(lambda: box.setdefault("ran", threading.get_ident()))()
        box["tid"] = threading.get_ident()
        made.set()
        finish.wait(T)
    th = threading.Thread(target=maker)
    th.start()
    assert made.wait(T)
    t = box["t"]
    assert t.thread_id == box["tid"] != stackless.current.thread_id
    assert box["tid"] in stackless.threads and threading.get_ident() in stackless.threads
    assert stackless.threads[0] == threading.main_thread().ident
    main, cur, n = stackless.get_thread_info(box["tid"])
    assert n == 2 and t is not main
    try:
        t.bind_thread()
    except RuntimeError as e:
        assert "runnable" in str(e)
    else:
        raise AssertionError("bound a runnable tasklet")
    finish.set()
    th.join(T)
    assert t.thread_id == -1 and not t.alive
    t.bind_thread()
    assert t.thread_id == stackless.current.thread_id and t.alive
    t.run()
    assert box["ran"] == threading.get_ident() and not t.alive
    try:
        stackless.get_thread_info(box["tid"])
    except RuntimeError as e:
        assert str(e) == "Thread id not found"
    else:
        raise AssertionError("found an ended thread")
    try:
        stackless.tasklet(lambda: None).bind_thread(123456789)
    except ValueError as e:
        assert str(e) == "bad thread"
    else:
        raise AssertionError("bound to a bogus thread")

def test_insert_remote_tasklet_runs_on_its_thread():
    # a tasklet of another thread inserted from here runs there, when that thread schedules
    # (its main does not block on a channel meanwhile: a blocked main whose last other
    # tasklet ends gets "receiving without a sender" at once, on Stackless too)
    box = {}
    ready = threading.Event()
    def remote():
        box["t"] = stackless.tasklet(lambda: box.setdefault("where", threading.get_ident()))
        box["t"].setup()
        box["t"].remove()
        box["tid"] = threading.get_ident()
        ready.set()
        end = time.monotonic() + T
        while "where" not in box and time.monotonic() < end:
            stackless.schedule()
            time.sleep(0.001)
    th = threading.Thread(target=remote)
    th.start()
    assert ready.wait(T)
    before = stackless.getruncount()
    box["t"].insert()
    assert stackless.getruncount() == before
    th.join(T)
    assert box["where"] == box["tid"]

def test_run_threadblock():
    # run(threadblock=True): when the only tasklet blocks, the thread waits for the other
    # thread instead of run() returning
    ch = stackless.channel()
    got = []
    def consumer():
        for _ in range(3):
            got.append(ch.receive())
    def producer():
        for i in range(3):
            time.sleep(0.01)
            ch.send(i)
    stackless.tasklet(consumer)()
    th = threading.Thread(target=producer)
    th.start()
    stackless.run(threadblock=True)
    th.join(T)
    assert got == [0, 1, 2]
    # without threadblock run() returns as soon as its tasklet blocks
    got2 = []
    t = stackless.tasklet(lambda: got2.append(ch.receive()))()
    stackless.run()
    assert got2 == [] and t.blocked
    th = threading.Thread(target=lambda: ch.send("late"))
    th.start()
    th.join(T)
    stackless.run()
    assert got2 == ["late"]

def test_thread_end_gives_up_hard_switched_tasklet_that_survives_kill():
    # A tasklet parked by a hard switch (a native call below it) when its thread ends is
    # killed once; one that catches TaskletExit and switches back is left with its C state
    # (Stackless 3.7.5: test_thread's test_rebind_from_dead_fail_cstate). The thread must
    # still end: its stack under the tasklet is unwound without running Python handlers.
    loop = [True]
    log = []
    def task():
        while loop[0]:
            try:
                stackless.main.switch()
            except TaskletExit:
                log.append("exit caught")
        log.append("never")
    def other_thread_main():
        tlet.bind_thread()
        tlet.run()
        log.append("thread main done")
    tlet = stackless.tasklet().bind(stackless._test_nostacklesscall, (task,))
    th = threading.Thread(target=other_thread_main)
    th.start()
    th.join(T)
    assert not th.is_alive()
    assert log == ["thread main done", "exit caught"], log
    assert tlet.thread_id == -1
    assert not tlet.alive and not tlet.restorable
    assert tlet.nesting_level == 2, tlet.nesting_level
    loop[0] = False
    try:
        tlet.bind_thread()
    except RuntimeError as e:
        assert str(e) == "tasklet has C state on its stack", e
    else:
        raise AssertionError("bind_thread of a tasklet with C state")
    assert tlet.thread_id == -1

def test_tasklet_of_other_thread_ends_with_exception():
    # an exception escaping a tasklet of a thread that did not import stackless itself
    # (its scheduler was made there later) reaches that thread's main tasklet
    out = []
    def worker():
        def bad():
            raise ValueError("in tasklet")
        stackless.tasklet(bad)()
        try:
            stackless.run()
        except ValueError as e:
            out.append(str(e))
        t = stackless.tasklet(lambda: out.append("ran"))()
        t.kill()
        out.append(t.alive)
    th = threading.Thread(target=worker)
    th.start()
    th.join(T)
    assert out == ["in tasklet", False], out

def test_kill_tasklet_whose_thread_ended_drops_its_frames():
    # Stackless 3.7.5 (test_miscell's test_kill_without_thread_state_*): killing a tasklet
    # whose thread ended (runnable or blocked there, soft or with C state) drops its frames:
    # it is neither blocked nor scheduled nor alive afterwards, and does not move threads
    for nested in (False, True):
        for block in (False, True):
            ch = stackless.channel()
            loop = [True]
            def task():
                while loop[0]:
                    try:
                        if block:
                            ch.receive()
                        else:
                            stackless.main.run()
                    except TaskletExit:
                        pass
            def other_thread_main():
                tlet.bind_thread()
                tlet.run()
            if nested:
                tlet = stackless.tasklet().bind(stackless._test_nostacklesscall, (task,))
            else:
                tlet = stackless.tasklet().bind(task, ())
            th = threading.Thread(target=other_thread_main)
            th.start()
            th.join(T)
            assert not th.is_alive()
            loop[0] = False
            assert tlet.blocked == block and not tlet.alive and tlet.thread_id == -1
            try:
                tlet.throw(TaskletExit, pending=True)
            except RuntimeError as e:
                assert str(e) == "tasklet has no thread"
            else:
                raise AssertionError("throw to a tasklet without thread")
            tlet.kill(pending=True)
            state = (tlet.blocked, tlet.scheduled, tlet.alive, tlet.next, tlet.prev)
            assert state == (False, False, False, None, None), (nested, block, state)
            tlet.remove()
            tlet.kill()
            assert ch.balance == 0

for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
