# stacklesslib.monkeypatch.patch_all(): the standard library's blocking calls (socket,
# select, selectors, time.sleep, threading) block only the calling tasklet, so
# socketserver/http.server and http.client run from tasklets of one thread.
import time
import select as real_select_module
import threading

import stackless
from stacklesslib import monkeypatch

original_sleep = time.sleep
original_select = real_select_module.select
monkeypatch.patch_all()

import socket
import selectors
import socketserver
import http.server
import http.client
import stacklesssocket


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(0.01)        # a patched sleep inside the handler
        body = ("hello " + self.path).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_http_server_and_clients_in_tasklets():
    server = socketserver.TCPServer(("127.0.0.1", 0), Handler)
    assert type(server.socket) is stacklesssocket.socket
    port = server.server_address[1]
    stackless.tasklet(server.serve_forever)(0.05)
    results = []
    clients, per_client = 8, 3

    def client(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for k in range(per_client):
            conn.request("GET", "/c%d/%d" % (i, k))
            resp = conn.getresponse()
            assert resp.status == 200
            results.append(resp.read().decode())
        conn.close()

    def stopper():
        while len(results) < clients * per_client:
            time.sleep(0.01)
        server.shutdown()       # waits (patched threading.Event) for serve_forever to end

    for i in range(clients):
        stackless.tasklet(client)(i)
    stackless.tasklet(stopper)()
    stackless.run()
    server.server_close()
    assert sorted(results) == sorted("hello /c%d/%d" % (i, k) for i in range(clients) for k in range(per_client))
    assert threading.active_count() == 1


def test_threading_mixin_threads_are_tasklets():
    class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
        daemon_threads = True

    class Echo(socketserver.StreamRequestHandler):
        def handle(self):
            line = self.rfile.readline()
            self.wfile.write(line.upper())

    server = Server(("127.0.0.1", 0), Echo)
    addr = server.server_address
    stackless.tasklet(server.serve_forever)(0.05)
    got = []

    def client(i):
        with socket.create_connection(addr) as s:
            s.sendall(b"ping %d\n" % i)
            f = s.makefile("rb")
            got.append(f.readline())
            f.close()
        if len(got) == 5:
            server.shutdown()

    for i in range(5):
        stackless.tasklet(client)(i)
    stackless.run()
    server.server_close()
    assert sorted(got) == [b"PING %d\n" % i for i in range(5)], got


def test_time_sleep_patched():
    done = []

    def sleeper():
        time.sleep(0.1)
        done.append(1)

    t0 = time.monotonic()
    for _ in range(200):
        stackless.tasklet(sleeper)()
    stackless.run()
    assert len(done) == 200 and time.monotonic() - t0 < 5


def test_patched_time_sleep_checks_like_time_sleep():
    # patched, time.sleep still refuses a negative time (main.sleep takes it as 0)
    try:
        time.sleep(-1)
        raise AssertionError("accepted -1")
    except ValueError as e:
        assert str(e) == "sleep length must be non-negative", str(e)


def test_simple_queue_and_thread_pool_patched():
    # examples/executor_app.py: ThreadPoolExecutor's workers wait on a queue.SimpleQueue,
    # _queue's native class, whose get() blocked the OS thread ("deadlock: get() on an empty
    # SimpleQueue"); on Stackless 3.7's real threads the program prints the pool's results
    import queue
    import concurrent.futures as cf
    q = queue.SimpleQueue()
    got = []

    def getter():
        got.append(q.get())
    stackless.tasklet(getter)()
    stackless.run()
    assert got == [] and q.empty()
    q.put("item")
    stackless.run()
    assert got == ["item"], got
    with cf.ThreadPoolExecutor(max_workers=3) as pool:
        assert list(pool.map(lambda x: x * x, range(8))) == [x * x for x in range(8)]
        f = pool.submit(time.sleep, 0.01)
        assert f.result(timeout=5) is None


def test_thread_local_per_thread_patched():
    # a threading.local was _thread's, one per OS thread: threads run as tasklets shared it
    # (each of three threads read back the last one's value); on Stackless 3.7's real threads
    # each sees its own, and the main thread none
    data = threading.local()

    class Counter(threading.local):
        def __init__(self):
            self.n = 0
    counter = Counter()
    out = []

    def worker(n):
        data.value = n
        counter.n += n
        time.sleep(0.01)
        out.append((n, data.value, counter.n))
    ts = [threading.Thread(target=worker, args=(i,)) for i in range(1, 4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert sorted(out) == [(1, 1, 1), (2, 2, 2), (3, 3, 3)], out
    assert not hasattr(data, "value") and counter.n == 0


def test_select_and_selectors_patched():
    a, b = socket.socketpair()
    log = []

    def waiter():
        r, w, x = real_select_module.select([b], [], [], 5)
        log.append(("select", r == [b]))
        sel = selectors.DefaultSelector()
        sel.register(b, selectors.EVENT_READ)
        events = sel.select(5)
        log.append(("selector", len(events)))
        sel.close()
        p = real_select_module.poll()
        p.register(b, real_select_module.POLLIN)
        log.append(("poll", p.poll(5000)[0][0] == b.fileno()))

    def writer():
        log.append("write")
        a.sendall(b"x")

    stackless.tasklet(waiter)()
    stackless.tasklet(writer)()
    stackless.run()
    assert log == ["write", ("select", True), ("selector", 1), ("poll", True)], log
    # timeouts: nothing ready
    b.recv(10)
    t0 = time.monotonic()
    assert real_select_module.select([b], [], [], 0.05) == ([], [], [])
    assert real_select_module.poll().poll(0) == []
    assert time.monotonic() - t0 < 5
    try:
        real_select_module.select([b], [], [], -1)
        raise AssertionError("accepted a negative timeout")
    except ValueError as e:
        assert str(e) == "timeout must be non-negative"
    a.close(); b.close()


def test_threading_locks_between_tasklets():
    lock = threading.Lock()
    event = threading.Event()
    cond = threading.Condition()
    log = []

    def holder():
        with lock:
            log.append("held")
            time.sleep(0.02)
            log.append("release")

    def contender():
        with lock:
            log.append("got")
        event.set()

    def waiter():
        assert event.wait(5)
        with cond:
            cond.wait_for(lambda: log[-1] == "notified", 5)
        log.append("done")

    def notifier():
        event.wait()
        with cond:
            log.append("notified")
            cond.notify_all()

    for f in (holder, contender, waiter, notifier):
        stackless.tasklet(f)()
    stackless.run()
    assert log == ["held", "release", "got", "notified", "done"], log
    assert lock.acquire(timeout=0.01) and not lock.acquire(timeout=0.01)
    lock.release()
    rl = threading.RLock()
    with rl:
        with rl:
            assert rl._is_owned()


def test_thread_runs_as_tasklet():
    out = []
    t = threading.Thread(target=lambda: (time.sleep(0.01), out.append(threading.current_thread().name)), name="worker")
    t.start()
    t.join(5)
    assert out == ["worker"] and not t.is_alive()
    assert threading.current_thread() is threading.main_thread()


def test_unpatch_all():
    monkeypatch.unpatch_all()
    assert time.sleep is original_sleep
    import queue
    assert queue.SimpleQueue.__module__ == "_queue"
    assert threading.local.__module__ == "_thread"
    assert real_select_module.select is original_select
    assert socket.socket is not stacklesssocket.socket
    assert threading.Lock is not None and threading.Lock.__module__ != "stacklesslib.locks"


for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
