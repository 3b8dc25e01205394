# 1,000 tasklets, each on its own socket connection (and 1,000 serving tasklets), in one OS
# thread: the connections really overlap, and the process's OS thread count stays flat. A
# regression to thread-blocking I/O (a thread per waiting tasklet, or a blocking call that
# stalls the scheduler) fails here: either by threads, or by a deadlock.
import threading
import time

import stackless
import stacklesssocket as socket


def os_threads():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("Threads:"):
                return int(line.split()[1])


def test_thousand_connections_one_thread():
    n, rounds = 1000, 3
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(n)
    addr = srv.getsockname()
    threads_before = os_threads()
    state = {"connected": 0, "peak": 0, "threads": 0, "served": 0}
    done = []

    def handle(conn):
        while data := conn.recv(1024):
            conn.sendall(data.upper())
        conn.close()
        state["served"] += 1

    def server():
        for _ in range(n):
            conn, _ = srv.accept()
            stackless.tasklet(handle)(conn)

    def client(i):
        s = socket.create_connection(addr)
        state["connected"] += 1
        state["peak"] = max(state["peak"], state["connected"])
        for k in range(rounds):
            s.sendall(b"m %d %d" % (i, k))
            assert s.recv(100) == b"M %d %d" % (i, k)
        if i % 100 == 0:
            state["threads"] = max(state["threads"], os_threads())
        state["connected"] -= 1
        s.close()
        done.append(i)

    t0 = time.monotonic()
    stackless.tasklet(server)()
    for i in range(n):
        stackless.tasklet(client)(i)
    stackless.run()
    srv.close()
    assert sorted(done) == list(range(n))
    assert state["served"] == n
    # every client was connected before the first one finished
    assert state["peak"] == n, state
    assert threading.active_count() == 1
    # the runtime may start a helper thread or two; a thread per connection would be 1,000
    assert state["threads"] <= threads_before + 10, (threads_before, state)
    assert time.monotonic() - t0 < 120


test_thousand_connections_one_thread()
