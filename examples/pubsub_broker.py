"""A line-protocol publish/subscribe broker behind a relaying proxy, on real sockets.

Protocol (one command per line): SUB topic, UNSUB topic, PUB topic text, PING, QUIT.
The broker has one tasklet per connection reading lines through socket.makefile(); a
message goes to every subscriber's connection. Clients reach the broker through a proxy
that relays bytes both ways (two tasklets per connection). An idle client is dropped
by the broker's socket timeout (settimeout); a client that connects to a port nobody
listens on gets ConnectionRefusedError; a client with a receive timeout sees
socket.timeout. At the end the broker and proxy shut down with connections still open.

    python pubsub_broker.py [subscribers] [messages]
"""
import socket
import sys

import stackless

import slpcompat

slpcompat.install_sockets()

N_SUBS = int(sys.argv[1]) if len(sys.argv) > 1 else 12
N_MSGS = int(sys.argv[2]) if len(sys.argv) > 2 else 20


def listener():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(100)
    return s


class Broker(object):
    def __init__(self):
        self.sock = listener()
        self.port = self.sock.getsockname()[1]
        self.topics = {}          # topic -> list of connection files
        self.stats = {"conns": 0, "idle_dropped": 0, "published": 0, "delivered": 0}
        self.tasks = []
        self.acceptor = stackless.tasklet(self.accept_loop)()

    def accept_loop(self):
        while True:
            conn, _ = self.sock.accept()
            conn.settimeout(0.3)          # idle connections are dropped
            self.stats["conns"] += 1
            self.tasks.append(stackless.tasklet(self.serve)(conn))

    def serve(self, conn):
        rfile = conn.makefile("rb")
        subs = set()
        try:
            while True:
                try:
                    line = rfile.readline()
                except socket.timeout:
                    self.stats["idle_dropped"] += 1
                    conn.sendall(b"BYE idle\n")
                    return
                if not line:
                    return
                cmd, _, rest = line.decode().rstrip("\n").partition(" ")
                if cmd == "SUB":
                    self.topics.setdefault(rest, []).append(conn)
                    subs.add(rest)
                    conn.sendall(("OK %s\n" % rest).encode())
                elif cmd == "UNSUB":
                    self.topics[rest].remove(conn)
                    subs.discard(rest)
                elif cmd == "PUB":
                    topic, _, text = rest.partition(" ")
                    self.stats["published"] += 1
                    for c in list(self.topics.get(topic, ())):
                        c.sendall(("MSG %s %s\n" % (topic, text)).encode())
                        self.stats["delivered"] += 1
                elif cmd == "PING":
                    conn.sendall(b"PONG\n")
                elif cmd == "QUIT":
                    conn.sendall(b"BYE\n")
                    return
                else:
                    conn.sendall(("ERR %s\n" % cmd).encode())
        finally:
            for t in subs:
                self.topics[t].remove(conn)
            rfile.close()
            conn.close()


class Proxy(object):
    """Relays each client connection to the broker, byte for byte."""

    def __init__(self, target_port):
        self.sock = listener()
        self.port = self.sock.getsockname()[1]
        self.target = target_port
        self.bytes = [0, 0]
        self.acceptor = stackless.tasklet(self.accept_loop)()

    def accept_loop(self):
        while True:
            down, _ = self.sock.accept()
            up = socket.create_connection(("127.0.0.1", self.target))
            stackless.tasklet(self.pipe)(down, up, 0)
            stackless.tasklet(self.pipe)(up, down, 1)

    def pipe(self, src, dst, direction):
        try:
            while True:
                data = src.recv(4096)
                if not data:
                    break
                dst.sendall(data)
                self.bytes[direction] += len(data)
        except OSError:
            pass
        finally:
            try:
                dst.shutdown(socket.SHUT_WR)
            except OSError:
                pass


def subscriber(port, num, topics, expect, out, done):
    s = socket.create_connection(("127.0.0.1", port))
    f = s.makefile("rwb")
    got = []
    try:
        for t in topics:
            f.write(("SUB %s\n" % t).encode())
            f.flush()
            assert f.readline() == ("OK %s\n" % t).encode()
        done.send(("ready", num))
        while len(got) < expect:
            line = f.readline().decode().rstrip("\n")
            got.append(line)
        f.write(b"PING\nBOGUS\nQUIT\n")
        f.flush()
        tail = [f.readline().decode().rstrip("\n") for _ in range(3)]
        out[num] = (got, tail)
    finally:
        f.close()
        s.close()
        done.send(("done", num))


def publisher(port, msgs, done):
    s = socket.create_connection(("127.0.0.1", port))
    for i, (topic, text) in enumerate(msgs):
        s.sendall(("PUB %s %s\n" % (topic, text)).encode())
        if i % 5 == 4:
            stackless.schedule()
    s.sendall(b"QUIT\n")
    reply = s.recv(100)
    s.close()
    done.send(("published", reply))


def idle_client(port, out, done):
    s = socket.create_connection(("127.0.0.1", port))
    data = b""
    while True:
        chunk = s.recv(100)
        if not chunk:
            break
        data += chunk
    out["idle"] = data
    s.close()
    done.send(("idle", None))


def timeout_client(port, out, done):
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(0.05)
    try:
        s.recv(10)               # the broker says nothing until asked
        out["timeout"] = "no timeout"
    except socket.timeout as e:
        out["timeout"] = "socket.timeout: %s" % e     # its name is TimeoutError since 3.10
    s.settimeout(None)
    s.sendall(b"PING\n")
    out["after timeout"] = s.recv(10)
    s.close()
    done.send(("timeout", None))


def refused_client(out, done):
    s = listener()
    port = s.getsockname()[1]
    s.close()
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2)
        out["refused"] = "connected?"
    except ConnectionRefusedError as e:
        out["refused"] = type(e).__name__
    done.send(("refused", None))


def main():
    broker = Broker()
    proxy = Proxy(broker.port)
    done = stackless.channel()
    out = {}
    topics = ["news", "sport", "weather"]
    subs = {}
    for n in range(N_SUBS):
        mine = [topics[n % 3]] + ([topics[(n + 1) % 3]] if n % 4 == 0 else [])
        subs[n] = mine
    msgs = [(topics[i % 3], "item-%d" % i) for i in range(N_MSGS)]
    for n in range(N_SUBS):
        expect = sum(1 for t, _ in msgs if t in subs[n])
        stackless.tasklet(subscriber)(proxy.port, n, subs[n], expect, out, done)
    ready = 0
    while ready < N_SUBS:
        kind, _ = done.receive()
        ready += kind == "ready"
    stackless.tasklet(publisher)(broker.port, msgs, done)
    stackless.tasklet(idle_client)(broker.port, out, done)
    stackless.tasklet(timeout_client)(proxy.port, out, done)
    stackless.tasklet(refused_client)(out, done)
    finished = []
    while len(finished) < N_SUBS + 4:
        finished.append(done.receive()[0])
    for n in sorted(out) if False else range(N_SUBS):
        got, tail = out[n]
        order_ok = got == ["MSG %s %s" % m for m in msgs if m[0] in subs[n]]
        print("sub %2d %-14s %2d messages, in order: %s, tail %s" % (n, "+".join(subs[n]), len(got), order_ok, tail))
    print("published reply:", [x for x in finished].count("published"), "idle client got:", out["idle"])
    print("timeout client:", out["timeout"], out["after timeout"])
    print("refused client:", out["refused"])
    print("broker stats:", sorted(broker.stats.items()))
    print("proxy relayed down/up bytes > 0:", proxy.bytes[0] > 0, proxy.bytes[1] > 0)
    # shutdown with the acceptors still waiting
    for t in (broker.acceptor, proxy.acceptor):
        t.kill()
    broker.sock.close()
    proxy.sock.close()
    print("topics left:", sorted((t, len(c)) for t, c in broker.topics.items()))
    print("connection tasklets alive:", sum(t.alive for t in broker.tasks))


if __name__ == "__main__":
    main()
