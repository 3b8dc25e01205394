# _thread and threading on real OS threads under one interpreter lock: starting and joining,
# locks that block (with timeouts, letting other threads run meanwhile), thread-local data,
# exceptions in threads, the lock handed over between busy threads and around blocking calls.
# Every wait has a timeout, so a broken build fails instead of hanging.
import _thread, threading, time, sys, queue

T = 10  # seconds: the most any wait here may take

def wait_until(cond, timeout=T):
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.001)

def test_start_new_thread():
    done = _thread.allocate_lock()
    done.acquire()
    box = []
    def f(a, b, c=None):
        box.append((a, b, c, _thread.get_ident()))
        done.release()
    ident = _thread.start_new_thread(f, (1, 2), {"c": 3})
    assert done.acquire(timeout=T)
    assert box[0][:3] == (1, 2, 3)
    assert box[0][3] == ident != _thread.get_ident()
    wait_until(lambda: _thread._count() == 0)
    try:
        _thread.start_new_thread(f, [1])
    except TypeError as e:
        assert str(e) == "2nd arg must be a tuple"
    else:
        raise AssertionError("no TypeError")

def test_thread_join_and_results():
    results = {}
    def work(n):
        s = 0
        for i in range(20000):
            s += i * n
        results[n] = s
    ts = [threading.Thread(target=work, args=(n,)) for n in range(5)]
    for t in ts:
        t.start()
    assert threading.active_count() >= 1
    for t in ts:
        t.join(T)
        assert not t.is_alive()
    assert results == {n: sum(range(20000)) * n for n in range(5)}
    assert threading.active_count() == 1
    assert threading.current_thread() is threading.main_thread()
    assert all(t.ident is not None and t.native_id is not None for t in ts)

def test_current_thread_and_names():
    seen = []
    def f():
        seen.append((threading.current_thread().name, threading.get_ident() == threading.current_thread().ident))
    t = threading.Thread(target=f, name="worker-1")
    t.start(); t.join(T)
    assert seen == [("worker-1", True)]
    assert "worker-1" not in [x.name for x in threading.enumerate()]

def test_lock_blocks_until_released_by_other_thread():
    lock = threading.Lock()
    lock.acquire()
    order = []
    def releaser():
        time.sleep(0.05)
        order.append("release")
        lock.release()
    t = threading.Thread(target=releaser)
    t.start()
    assert lock.acquire(timeout=T)     # waits without the interpreter lock: releaser runs
    order.append("acquired")
    lock.release()
    t.join(T)
    assert order == ["release", "acquired"]

def test_lock_timeout():
    lock = threading.Lock()
    holder_ready = threading.Event()
    stop = threading.Event()
    def holder():
        with lock:
            holder_ready.set()
            stop.wait(T)
    t = threading.Thread(target=holder)
    t.start()
    assert holder_ready.wait(T)
    t0 = time.monotonic()
    assert lock.acquire(timeout=0.1) is False
    assert 0.08 <= time.monotonic() - t0 < T
    assert lock.acquire(blocking=False) is False
    stop.set()
    t.join(T)
    assert lock.acquire(timeout=T)
    lock.release()

def test_rlock_owned_per_thread():
    r = threading.RLock()
    r.acquire(); r.acquire()
    got = []
    def other():
        got.append(r.acquire(timeout=0.05))
        try:
            r.release()
        except RuntimeError as e:
            got.append(str(e))
    t = threading.Thread(target=other); t.start(); t.join(T)
    assert got == [False, "cannot release un-acquired lock"]
    r.release(); r.release()

def test_condition_event_semaphore_barrier():
    cond = threading.Condition()
    items = []
    def producer():
        for i in range(5):
            with cond:
                items.append(i)
                cond.notify()
            time.sleep(0.001)
    t = threading.Thread(target=producer); t.start()
    got = []
    with cond:
        while len(got) < 5:
            assert cond.wait_for(lambda: items, timeout=T)
            got.extend(items); items.clear()
    t.join(T)
    assert got == [0, 1, 2, 3, 4]
    sem = threading.BoundedSemaphore(2)
    inside, peak = [0], [0]
    guard = threading.Lock()
    def user():
        with sem:
            with guard:
                inside[0] += 1; peak[0] = max(peak[0], inside[0])
            time.sleep(0.01)
            with guard:
                inside[0] -= 1
    us = [threading.Thread(target=user) for _ in range(6)]
    for u in us: u.start()
    for u in us: u.join(T)
    assert peak[0] <= 2 and inside[0] == 0
    b = threading.Barrier(3, timeout=T)
    ids = []
    def party():
        ids.append(b.wait())
    ps = [threading.Thread(target=party) for _ in range(2)]
    for p in ps: p.start()
    ids.append(b.wait())
    for p in ps: p.join(T)
    assert sorted(ids) == [0, 1, 2]

def test_queue_producer_consumer():
    q = queue.Queue(maxsize=3)
    out = []
    def consumer():
        while True:
            x = q.get(timeout=T)
            if x is None:
                break
            out.append(x * 2)
            q.task_done()
    c = threading.Thread(target=consumer); c.start()
    for i in range(20):
        q.put(i, timeout=T)
    q.join()
    q.put(None)
    c.join(T)
    assert out == [i * 2 for i in range(20)]

def test_local():
    loc = threading.local()
    loc.x = "main"
    seen = []
    def f(v):
        seen.append(hasattr(loc, "x"))
        loc.x = v
        time.sleep(0.01)
        seen.append(loc.x == v)
    ts = [threading.Thread(target=f, args=(i,)) for i in range(3)]
    for t in ts: t.start()
    for t in ts: t.join(T)
    assert seen.count(False) == 3 and seen.count(True) == 3
    assert loc.x == "main"
    class L(threading.local):
        def __init__(self, start):
            self.n = start
    l2 = L(5)
    l2.n += 1
    got = []
    t = threading.Thread(target=lambda: got.append(l2.n)); t.start(); t.join(T)
    assert got == [5] and l2.n == 6     # __init__ runs again in each thread

def test_excepthook():
    calls = []
    old = threading.excepthook
    threading.excepthook = lambda args: calls.append((args.exc_type, str(args.exc_value), args.thread.name))
    try:
        def bad():
            raise ValueError("boom")
        t = threading.Thread(target=bad, name="bad-one"); t.start(); t.join(T)
    finally:
        threading.excepthook = old
    assert calls == [(ValueError, "boom", "bad-one")]

def test_unraisable_from_start_new_thread():
    seen = []
    done = threading.Event()
    old = sys.unraisablehook
    def hook(u):
        seen.append((u.exc_type, u.err_msg, u.object))
        done.set()
    sys.unraisablehook = hook
    try:
        def bad():
            raise KeyError(1)
        _thread.start_new_thread(bad, ())
        assert done.wait(T)
    finally:
        sys.unraisablehook = old
    assert seen == [(KeyError, "Exception ignored in thread started by", bad)]
    # SystemExit ends a thread quietly
    done2 = threading.Event()
    def leave():
        done2.set()
        raise SystemExit
    _thread.start_new_thread(leave, ())
    assert done2.wait(T)
    wait_until(lambda: _thread._count() == 0)

def test_busy_threads_take_turns():
    # no thread blocks: only the periodic hand-over lets the other ones run
    old = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    assert sys.getswitchinterval() == 0.001
    try:
        stop = [False]
        counts = [0, 0]
        def spin(k):
            while not stop[0]:
                counts[k] += 1
        ts = [threading.Thread(target=spin, args=(k,)) for k in range(2)]
        for t in ts: t.start()
        end = time.monotonic() + 0.3
        n = 0
        while time.monotonic() < end or not (counts[0] and counts[1]):
            n += 1
            if time.monotonic() > end + T:
                break
        stop[0] = True
        for t in ts: t.join(T)
        assert counts[0] > 0 and counts[1] > 0 and n > 0, (counts, n)
    finally:
        sys.setswitchinterval(old)

def test_sleep_lets_others_run():
    progress = [0]
    stop = threading.Event()
    def busy():
        while not stop.is_set():
            progress[0] += 1
    t = threading.Thread(target=busy); t.start()
    time.sleep(0.1)
    stop.set()
    t.join(T)
    assert progress[0] > 0

def test_current_frames_and_sentinel():
    ready = threading.Event(); go = threading.Event()
    def f():
        ready.set()
        go.wait(T)
    t = threading.Thread(target=f); t.start()
    assert ready.wait(T)
    frames = sys._current_frames()
    assert threading.get_ident() in frames and t.ident in frames
    assert frames[threading.get_ident()].f_code.co_name == "test_current_frames_and_sentinel"
    go.set()
    t.join(T)
    # the sentinel lock of a thread is released when the thread ends
    box = []
    fin = threading.Event()
    def g():
        l = _thread._set_sentinel()
        l.acquire()
        box.append(l)
        fin.set()
    _thread.start_new_thread(g, ())
    assert fin.wait(T)
    assert box[0].acquire(timeout=T)

def test_thread_pool_executor():
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=3) as ex:
        assert list(ex.map(lambda x: x * x, range(10), timeout=T)) == [x * x for x in range(10)]

def test_timer_and_daemon():
    fired = threading.Event()
    tm = threading.Timer(0.01, fired.set)
    tm.start()
    assert fired.wait(T)
    tm.join(T)
    d = threading.Thread(target=lambda: time.sleep(100), daemon=True)
    d.start()
    assert d.daemon and d.is_alive()    # left running: a daemon does not hold up the end

def test_faulthandler_dumps_all_threads():
    import faulthandler, tempfile
    ev = threading.Event()
    def parked_here():
        ev.wait(T)
    t = threading.Thread(target=parked_here); t.start()
    # faulthandler writes to a file descriptor, as CPython's (a StringIO has none)
    with tempfile.TemporaryFile("w+") as buf:
        faulthandler.dump_traceback(buf)
        ev.set(); t.join(T)
        buf.seek(0)
        text = buf.read()
    assert "line" in text and " in parked_here\n" in text and "Current thread 0x" in text, text
    current = text[text.index("Current thread"):]
    assert current.splitlines()[1].endswith(" in test_faulthandler_dumps_all_threads"), text
    with tempfile.TemporaryFile("w+") as buf:
        faulthandler.dump_traceback(buf, all_threads=False)
        buf.seek(0)
        assert buf.read().startswith("Stack (most recent call first):\n")

def test_import_waits_for_other_threads_import():
    # a module whose code still runs in one thread is not handed half-done to another
    import os, tempfile
    d = tempfile.mkdtemp()
    with open(os.path.join(d, "slow_threads_mod.py"), "w") as f:
        f.write("import time\nfirst = 1\ntime.sleep(0.2)\nlast = 2\n")
    sys.path.insert(0, d)
    try:
        started = threading.Event()
        res = []
        def imp():
            started.set()
            import slow_threads_mod
            res.append(slow_threads_mod.last)
        t = threading.Thread(target=imp); t.start()
        assert started.wait(T)
        time.sleep(0.05)
        import slow_threads_mod
        assert slow_threads_mod.last == 2
        t.join(T)
        assert res == [2]
    finally:
        sys.path.remove(d)
        sys.modules.pop("slow_threads_mod", None)
        os.remove(os.path.join(d, "slow_threads_mod.py"))
        os.rmdir(d)

for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
