"""A thread-pool program (concurrent.futures, socketserver, subprocess), run on tasklets.

Written for threads: a ThreadPoolExecutor maps work over a pool, futures complete with
results and exceptions, as_completed/wait with timeouts, a socketserver.ThreadingTCPServer
line service called from pool workers, select() with a timeout on a socket pair, and
subprocess.run with a timeout. With stacklesslib, monkeypatch.patch_all() makes all of it
run on tasklets in one OS thread; on Stackless 3.7 it runs on real threads.
"""
try:
    from stacklesslib import monkeypatch
    monkeypatch.patch_all()
except ImportError:
    pass

import concurrent.futures as cf
import select
import socket
import socketserver
import subprocess
import sys
import threading
import time


class LineHandler(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            word = line.decode().strip()
            if word == "quit":
                break
            time.sleep(0.002)
            self.wfile.write(("%s:%d\n" % (word.upper(), len(word))).encode())


def ask(port, words):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        f = s.makefile("rwb")
        out = []
        for w in words:
            f.write((w + "\n").encode())
            f.flush()
            out.append(f.readline().decode().strip())
        f.write(b"quit\n")
        f.flush()
        return out


def slow_square(x):
    time.sleep(0.001 * (x % 5))
    if x == 13:
        raise ValueError("unlucky %d" % x)
    return x * x


def main():
    with cf.ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(slow_square, range(12)))
        print("map:", results)
        futs = {pool.submit(slow_square, x): x for x in range(10, 16)}
        done = []
        for f in cf.as_completed(futs, timeout=10):
            x = futs[f]
            if f.exception() is not None:
                done.append((x, "error: %s" % f.exception()))
            else:
                done.append((x, f.result()))
        print("as_completed:", sorted(done))
        blocker = threading.Event()
        slow = pool.submit(blocker.wait, 5)
        d, nd = cf.wait([slow], timeout=0.02)
        print("wait with timeout: done", len(d), "not done", len(nd))
        try:
            slow.result(timeout=0.01)
        except cf.TimeoutError:
            print("result timed out")
        blocker.set()
        print("then finished:", slow.result(timeout=5))

        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), LineHandler)
        server.daemon_threads = True
        port = server.server_address[1]
        st = threading.Thread(target=server.serve_forever, args=(0.05,))
        st.start()
        batches = [["alpha", "beta"], ["gamma"], ["delta", "epsilon", "zeta"], ["eta", "theta"]]
        replies = list(pool.map(lambda ws: ask(port, ws), batches))
        print("server replies:", replies)
        server.shutdown()
        st.join()
        server.server_close()

    a, b = socket.socketpair()
    t0 = time.monotonic()
    r, _, _ = select.select([a], [], [], 0.05)
    print("select timed out empty:", r == [], time.monotonic() - t0 >= 0.04)

    def later():
        time.sleep(0.02)
        b.send(b"x")
    threading.Thread(target=later).start()
    r, _, _ = select.select([a], [], [], 5)
    print("select woke:", [s is a for s in r], a.recv(1))
    a.close()
    b.close()

    p = subprocess.run([sys.executable, "-c", "print(6 * 7)"], stdout=subprocess.PIPE, timeout=60)
    print("subprocess:", p.returncode, p.stdout.strip())
    try:
        subprocess.run([sys.executable, "-c", "import time; time.sleep(5)"], timeout=0.3)
    except subprocess.TimeoutExpired as e:
        print("subprocess timed out after", round(e.timeout, 1))
    print("threads left:", threading.active_count())


if __name__ == "__main__":
    main()
