"""A chat server and its clients on real sockets, all tasklets in one process.

Cooperative I/O: with `stacklesssocket` (StacklessIron ships it; `install()` makes every
socket tasklet-aware) the code uses plain blocking socket calls. Where it is missing
(Stackless 3.7 has none built in), or with --select, a small select()-based poller stands
in: a tasklet waits for readiness on a channel, the poller tasklet wakes it. The server
broadcasts each line to the other clients; a client that says /quit is disconnected; the
server shuts down cleanly when all clients are gone.

    python chat_server.py [clients] [messages] [--select]
"""
import select
import socket
import sys
import time

import stackless

USE_SELECT = "--select" in sys.argv
args = [a for a in sys.argv[1:] if not a.startswith("--")]
N_CLIENTS = int(args[0]) if args else 8
N_MESSAGES = int(args[1]) if len(args) > 1 else 5

if not USE_SELECT:
    try:
        import stacklesssocket
        stacklesssocket.install()
    except ImportError:
        USE_SELECT = True


class Poller(object):
    """Wakes tasklets whose sockets are ready; runs while anyone waits."""

    def __init__(self):
        self.readers = {}
        self.writers = {}
        self.task = None

    def wait(self, sock, for_write=False):
        table = self.writers if for_write else self.readers
        ch = stackless.channel()
        ch.preference = 1
        table.setdefault(sock.fileno(), []).append(ch)   # several may wait on one socket
        if self.task is None or not self.task.alive:
            self.task = stackless.tasklet(self.loop)()
        ch.receive()

    def loop(self):
        while self.readers or self.writers:
            # others runnable: just poll; otherwise block in select
            timeout = 0 if stackless.getruncount() > 1 else 1.0
            r, w, _ = select.select(list(self.readers), list(self.writers), [], timeout)
            for fd in r:
                for ch in self.readers.pop(fd):
                    ch.send(None)
            for fd in w:
                for ch in self.writers.pop(fd):
                    ch.send(None)
            stackless.schedule()


poller = Poller()


def accept(srv):
    if USE_SELECT:
        poller.wait(srv)
    return srv.accept()


def recv(sock, n):
    if USE_SELECT:
        poller.wait(sock)
    return sock.recv(n)


def sendall(sock, data):
    if not USE_SELECT:
        return sock.sendall(data)
    while data:
        poller.wait(sock, True)
        sent = sock.send(data)
        data = data[sent:]


def connect(addr):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if USE_SELECT:
        s.setblocking(False)
        err = s.connect_ex(addr)
        poller.wait(s, True)
    else:
        s.connect(addr)
    return s


class Server(object):
    def __init__(self):
        self.srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.srv.bind(("127.0.0.1", 0))
        self.srv.listen(64)
        if USE_SELECT:
            self.srv.setblocking(False)
        self.port = self.srv.getsockname()[1]
        self.clients = {}
        self.lines = 0
        self.joined = 0

    def serve(self, expected):
        while self.joined < expected:
            conn, addr = accept(self.srv)
            if USE_SELECT:
                conn.setblocking(False)
            self.joined += 1
            stackless.tasklet(self.handle)(conn)
        self.srv.close()

    def broadcast(self, sender, text):
        for name, conn in list(self.clients.items()):
            if name != sender:
                sendall(conn, text.encode() + b"\n")

    def handle(self, conn):
        buf = b""
        name = None
        try:
            while True:
                data = recv(conn, 4096)
                if not data:
                    break
                buf += data
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    text = line.decode()
                    self.lines += 1
                    if name is None:
                        name = text
                        self.clients[name] = conn
                        sendall(conn, b"welcome " + line + b"\n")
                    elif text == "/quit":
                        sendall(conn, b"bye\n")
                        return
                    else:
                        self.broadcast(name, "%s: %s" % (name, text))
        finally:
            self.clients.pop(name, None)
            conn.close()


class Barrier(object):
    """Blocks tasklets until `count` of them have arrived (no busy waiting, so the poller
    can sleep in select when nothing else runs)."""

    def __init__(self, count):
        self.count = count
        self.arrived = []
        self.ch = stackless.channel()

    def wait(self, name):
        self.arrived.append(name)
        if len(self.arrived) < self.count:
            self.ch.receive()
        else:
            while self.ch.balance < 0:
                self.ch.send(None)


def client(port, name, n, results, joined, finished, done):
    s = connect(("127.0.0.1", port))
    if USE_SELECT:
        s.setblocking(False)
    sendall(s, name.encode() + b"\n")
    got = []
    buf = b""
    while b"\n" not in buf:
        buf += recv(s, 4096)
    welcome, buf = buf.split(b"\n", 1)
    got.append(welcome.decode())
    joined.wait(name)                      # everyone joined before anyone talks
    for i in range(n):
        sendall(s, ("msg %d from %s" % (i, name)).encode() + b"\n")
        stackless.schedule()
    expected = n * (N_CLIENTS - 1)
    seen = 0
    while seen < expected:
        data = recv(s, 4096)
        if not data:
            break
        buf += data
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            got.append(line.decode())
            seen += 1
    finished.wait(name)                    # nobody quits while others still broadcast
    sendall(s, b"/quit\n")
    while not buf.endswith(b"bye\n"):
        data = recv(s, 4096)
        if not data:
            break
        buf += data
    got.append(buf.decode().split("\n")[-2])
    s.close()
    results[name] = got
    done.send(name)


def main():
    start = time.time()
    server = Server()
    results = {}
    joined, finished = Barrier(N_CLIENTS), Barrier(N_CLIENTS)
    done = stackless.channel()
    stackless.tasklet(server.serve)(N_CLIENTS)
    for i in range(N_CLIENTS):
        stackless.tasklet(client)(server.port, "c%d" % i, N_MESSAGES, results, joined,
                                  finished, done)
    for i in range(N_CLIENTS):
        done.receive()                     # main blocks; the I/O wait runs the rest
    while server.clients:                  # handlers see the last EOFs
        stackless.schedule()
    print("clients finished:", len(results), "lines at server:", server.lines)
    for name in sorted(results):
        got = results[name]
        msgs = sorted(got[1:-1])
        print(name, got[0], len(msgs), "messages;", got[-1],
              "from everyone else:", sorted(set(m.split(":")[0] for m in msgs)) ==
              sorted("c%d" % i for i in range(N_CLIENTS) if "c%d" % i != name))
    print("server clients left:", len(server.clients), "listening closed:",
          server.srv.fileno() == -1)
    sys.stderr.write("%s: %d clients x %d messages in %.2fs\n" % (
        "select" if USE_SELECT else "stacklesssocket", N_CLIENTS, N_MESSAGES,
        time.time() - start))


main()
