"""A program written for threads, run unchanged on tasklets.

It uses only the standard library's threading model: a ThreadingHTTPServer serving in a
background thread (serve_forever/shutdown), client threads calling it with urllib,
queue.Queue for results, a Lock-protected counter, an Event, a Condition, a Semaphore
limiting concurrent requests, time.sleep, and threading.Timer. Where stacklesslib is there,
monkeypatch.patch_all() turns every thread into a tasklet and every blocking call into a
tasklet wait, all in one OS thread; elsewhere (Stackless 3.7) it runs on real threads.
The output is the same either way.
"""
import sys

try:
    from stacklesslib import monkeypatch
    monkeypatch.patch_all()
    PATCHED = True
except ImportError:
    PATCHED = False

import json
import queue
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

N_CLIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 16

hits_lock = threading.Lock()
hits = {"count": 0}
in_flight = {"now": 0, "max": 0}
flight_lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        with flight_lock:
            in_flight["now"] += 1
            in_flight["max"] = max(in_flight["max"], in_flight["now"])
        time.sleep(0.005)                  # some work that blocks
        with hits_lock:
            hits["count"] += 1
            n = hits["count"]
        body = json.dumps({"path": self.path, "n": n}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        with flight_lock:
            in_flight["now"] -= 1


def client(num, port, limit, results, start):
    start.wait()
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    for k in range(3):
        with limit:
            with opener.open("http://127.0.0.1:%d/c%d/%d" % (port, num, k), timeout=10) as f:
                data = json.loads(f.read().decode())
        results.put((num, k, data["path"]))


class Countdown(object):
    """A Condition-based latch."""

    def __init__(self, n):
        self.n = n
        self.cond = threading.Condition()

    def arrive(self):
        with self.cond:
            self.n -= 1
            if self.n == 0:
                self.cond.notify_all()

    def wait(self, timeout):
        with self.cond:
            return self.cond.wait_for(lambda: self.n == 0, timeout)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port = server.server_address[1]
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="server")
    serving.start()

    results = queue.Queue()
    start = threading.Event()
    limit = threading.BoundedSemaphore(4)
    latch = Countdown(N_CLIENTS)

    def run_client(n):
        try:
            client(n, port, limit, results, start)
        finally:
            latch.arrive()
    threads = [threading.Thread(target=run_client, args=(n,), name="client-%d" % n) for n in range(N_CLIENTS)]
    for t in threads:
        t.start()
    fired = []
    timer = threading.Timer(0.01, lambda: fired.append("timer"))
    timer.start()
    time.sleep(0.02)
    start.set()
    print("latch reached:", latch.wait(30))
    for t in threads:
        t.join()
    timer.join()
    got = []
    while True:
        try:
            got.append(results.get_nowait())
        except queue.Empty:
            break
    got.sort()
    print("responses:", len(got), "all paths right:", all(p == "/c%d/%d" % (n, k) for n, k, p in got))
    print("server counted:", hits["count"], "concurrency capped by the semaphore:", 1 <= in_flight["max"] <= 4)
    print("timer fired:", fired, "threads alive:", sum(t.is_alive() for t in threads))
    print("names:", sorted(t.name for t in threads)[:3], threading.current_thread().name)
    server.shutdown()
    serving.join()
    server.server_close()
    print("server stopped:", not serving.is_alive())
    try:
        limit.release()
    except ValueError as e:
        print("over-release:", e)
    q = queue.Queue(maxsize=1)
    q.put(1)
    try:
        q.put(2, timeout=0.01)
    except queue.Full:
        print("queue full after timeout")
    print("lock free at end:", hits_lock.acquire(blocking=False))


if __name__ == "__main__":
    main()
