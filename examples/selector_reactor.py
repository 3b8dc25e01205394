"""A home-made reactor: selectors.DefaultSelector driving tasklets, as many Stackless
game servers had before stacklesssocket existed.

Sockets are non-blocking; a tasklet that would block registers its socket with the
reactor and waits on a channel; the reactor tasklet polls the selector (without waiting
while other tasklets can run) and wakes them. On top: a key-value server with a tiny
binary protocol (struct-framed requests), clients doing pipelined requests, a server-side
per-connection timeout done with the reactor's timer heap, and exceptions thrown into a
waiting tasklet through its channel (send_exception) when its peer disconnects.
"""
import errno
import heapq
import selectors
import socket
import struct
import time

import stackless


class Reactor(object):
    def __init__(self):
        self.sel = selectors.DefaultSelector()
        self.timers = []
        self.seq = 0
        self.task = None
        self.waiting = 0

    def wait(self, sock, events, timeout=None):
        ch = stackless.channel()
        ch.preference = 1
        key = None
        try:
            key = self.sel.register(sock, events, ch)
        except KeyError:
            raise RuntimeError("two tasklets wait on one socket")
        handle = None
        if timeout is not None:
            self.seq += 1
            handle = [time.monotonic() + timeout, self.seq, ch, True]
            heapq.heappush(self.timers, handle)
        self.waiting += 1
        self.ensure()
        try:
            return ch.receive()
        finally:
            self.waiting -= 1
            if handle is not None:
                handle[3] = False
            self.sel.unregister(sock)

    def ensure(self):
        if self.task is None or not self.task.alive:
            self.task = stackless.tasklet(self.loop)()

    def loop(self):
        while self.waiting:
            now = time.monotonic()
            while self.timers and (not self.timers[0][3] or self.timers[0][0] <= now):
                h = heapq.heappop(self.timers)
                if h[3]:
                    h[3] = False
                    h[2].send_exception(socket.timeout, "reactor timeout")
            if stackless.getruncount() > 1:
                timeout = 0
            elif self.timers:
                timeout = max(0, self.timers[0][0] - now)
            else:
                timeout = None
            for key, mask in self.sel.select(timeout):
                if key.data.balance < 0:
                    key.data.send(mask)
            stackless.schedule()


reactor = Reactor()


def recv_exact(sock, n, timeout=None):
    buf = b""
    while len(buf) < n:
        try:
            chunk = sock.recv(n - len(buf))
        except BlockingIOError:
            reactor.wait(sock, selectors.EVENT_READ, timeout)
            continue
        if not chunk:
            raise EOFError("peer closed after %d of %d bytes" % (len(buf), n))
        buf += chunk
    return buf


def send_all(sock, data):
    view = memoryview(data)
    while view:
        try:
            view = view[sock.send(view):]
        except BlockingIOError:
            reactor.wait(sock, selectors.EVENT_WRITE)


def accept(sock):
    while True:
        try:
            conn, addr = sock.accept()
            conn.setblocking(False)
            return conn
        except BlockingIOError:
            reactor.wait(sock, selectors.EVENT_READ)


def connect(addr):
    s = socket.socket()
    s.setblocking(False)
    err = s.connect_ex(addr)
    if err not in (0, errno.EINPROGRESS):
        raise OSError(err, "connect")
    reactor.wait(s, selectors.EVENT_WRITE)
    return s


HEADER = struct.Struct("!BHI")     # op, key length, value length
OP_SET, OP_GET, OP_DEL, OP_OK, OP_MISS = range(5)


def read_msg(sock, timeout=None):
    op, klen, vlen = HEADER.unpack(recv_exact(sock, HEADER.size, timeout))
    body = recv_exact(sock, klen + vlen, timeout)
    return op, body[:klen].decode(), body[klen:]


def write_msg(sock, op, key="", value=b""):
    k = key.encode()
    send_all(sock, HEADER.pack(op, len(k), len(value)) + k + value)


class Server(object):
    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.sock.setblocking(False)
        self.addr = self.sock.getsockname()
        self.store = {}
        self.events = []
        self.acceptor = stackless.tasklet(self.accept_loop)()

    def accept_loop(self):
        n = 0
        while True:
            conn = accept(self.sock)
            n += 1
            stackless.tasklet(self.serve)(conn, n)

    def serve(self, conn, n):
        try:
            while True:
                op, key, value = read_msg(conn, timeout=0.3)
                if op == OP_SET:
                    self.store[key] = value
                    write_msg(conn, OP_OK, key)
                elif op == OP_GET:
                    if key in self.store:
                        write_msg(conn, OP_OK, key, self.store[key])
                    else:
                        write_msg(conn, OP_MISS, key)
                elif op == OP_DEL:
                    write_msg(conn, OP_OK if self.store.pop(key, None) is not None else OP_MISS, key)
        except EOFError as e:
            self.events.append(("closed", str(e)))
        except socket.timeout as e:
            self.events.append(("idle", str(e)))
        finally:
            conn.close()


def client(addr, num, out):
    s = connect(addr)
    # pipelined: all requests first, then all replies
    keys = ["k%d-%d" % (num, i) for i in range(5)]
    for i, k in enumerate(keys):
        write_msg(s, OP_SET, k, struct.pack("!I", num * 100 + i))
    for k in keys[:2]:
        write_msg(s, OP_DEL, k)
    for k in keys:
        write_msg(s, OP_GET, k)
    replies = [read_msg(s) for _ in range(len(keys) * 2 + 2)]
    got = [(op, k, struct.unpack("!I", v)[0] if v else None) for op, k, v in replies[-5:]]
    out[num] = ([op for op, _, _ in replies[:7]], got)
    s.close()


def half_client(addr):
    s = connect(addr)
    send_all(s, HEADER.pack(OP_SET, 3, 10) + b"abc12")   # half a message, then gone
    s.close()


def idle_client(addr, done):
    s = connect(addr)
    try:
        recv_exact(s, 1)
    except EOFError:
        done.append("idle client saw the server close")
    s.close()


def main():
    server = Server()
    out = {}
    done = []
    tasks = [stackless.tasklet(client)(server.addr, n, out) for n in range(20)]
    tasks.append(stackless.tasklet(half_client)(server.addr))
    tasks.append(stackless.tasklet(idle_client)(server.addr, done))
    while any(t.alive for t in tasks):
        stackless.schedule()
    for n in sorted(out)[:3]:
        print(n, out[n])
    print("all clients right:", all(out[n][1] == [(OP_MISS, "k%d-0" % n, None), (OP_MISS, "k%d-1" % n, None)] +
                                    [(OP_OK, "k%d-%d" % (n, i), n * 100 + i) for i in range(2, 5)] for n in out))
    print("store size:", len(server.store))
    print(done)
    while len(server.events) < 22:
        stackless.schedule()
    kinds = {}
    for kind, msg in server.events:
        kinds.setdefault(kind, set()).add(msg)
    for k in sorted(kinds):
        print(k, sorted(kinds[k]))
    server.acceptor.kill()
    server.sock.close()
    print("reactor idle:", reactor.waiting == 0, "selector empty:", len(reactor.sel.get_map()) == 0)
    print("selector kind is a BaseSelector:", isinstance(reactor.sel, selectors.BaseSelector))


if __name__ == "__main__":
    main()
