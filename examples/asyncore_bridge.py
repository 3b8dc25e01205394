"""An old-style asyncore/asynchat line server (the kind many Stackless game servers grew
from) polled by a tasklet, with blocking-style client tasklets on cooperative sockets:
commands parsed by asynchat's terminator handling, a broadcast to every session, a
session dropped by the server, and the loop ended when the map is empty.

Cooperative sockets come from stacklesssocket here and from slpcompat's select() hub on
Stackless 3.7 (see slpcompat.py)."""
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import asyncore
    import asynchat

import slpcompat
import stackless

slpcompat.install_sockets()
import socket


class Session(asynchat.async_chat):
    def __init__(self, sock, server, amap):
        asynchat.async_chat.__init__(self, sock, map=amap)
        self.server = server
        self.buf = []
        self.name = None
        self.set_terminator(b"\n")

    def collect_incoming_data(self, data):
        self.buf.append(data)

    def found_terminator(self):
        line = b"".join(self.buf).decode()
        self.buf = []
        cmd, _, arg = line.partition(" ")
        if cmd == "NICK":
            self.name = arg
            self.push(("OK hello %s\n" % arg).encode())
        elif cmd == "SAY":
            self.server.broadcast("%s: %s" % (self.name, arg))
        elif cmd == "SUM":
            self.push(("OK %d\n" % sum(int(x) for x in arg.split())).encode())
        elif cmd == "QUIT":
            self.push(b"BYE\n")
            self.close_when_done()
        else:
            self.push(("ERR unknown %s\n" % cmd).encode())
            self.server.log.append("dropping %s after bad command %r" % (self.name, cmd))
            self.close_when_done()

    def handle_close(self):
        self.server.sessions.discard(self)
        self.close()


class Server(asyncore.dispatcher):
    def __init__(self, amap):
        asyncore.dispatcher.__init__(self, map=amap)
        self.amap = amap
        self.create_socket(socket.AF_INET, socket.SOCK_STREAM)
        self.set_reuse_addr()
        self.bind(("127.0.0.1", 0))
        self.listen(16)
        self.port = self.socket.getsockname()[1]
        self.sessions = set()
        self.log = []
        self.accepted = 0

    def handle_accepted(self, sock, addr):
        self.accepted += 1
        self.sessions.add(Session(sock, self, self.amap))

    def broadcast(self, text):
        for s in sorted(self.sessions, key=lambda s: s.name or ""):
            s.push(("MSG %s\n" % text).encode())


def poller(amap, stop):
    """asyncore's loop, one poll at a time, giving the client tasklets their turns."""
    polls = 0
    while amap and not stop[0]:
        asyncore.loop(timeout=0.01, map=amap, count=1)
        polls += 1
        stackless.schedule()
    stop.append(polls)


class LineClient(object):
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.rest = b""

    def send(self, line):
        self.sock.sendall(line.encode() + b"\n")

    def line(self):
        while b"\n" not in self.rest:
            data = self.sock.recv(4096)
            if not data:
                return None
            self.rest += data
        line, _, self.rest = self.rest.partition(b"\n")
        return line.decode()


def main():
    amap = {}
    server = Server(amap)
    stop = [False]
    stackless.tasklet(poller)(amap, stop)
    transcripts = {}
    done = stackless.channel()
    gos = {}

    def client(name, nums, bad):
        go = gos[name] = stackless.channel()
        c = LineClient(server.port)
        lines = transcripts[name] = []
        c.send("NICK " + name)
        lines.append(c.line())
        c.send("SUM " + " ".join(map(str, nums)))
        lines.append(c.line())
        done.send(name)
        go.receive()                       # everyone is connected: chat
        c.send("SAY hi from " + name)
        for i in range(3):
            lines.append(c.line())
        if bad:
            c.send("FROB")
            lines.append(c.line())
            lines.append("eof" if c.line() is None else "more")
        else:
            done.send(name)
            go.receive()
            c.send("QUIT")
            lines.append(c.line())
            lines.append("eof" if c.line() is None else "more")
        c.sock.close()
        done.send(name)

    names = ["ann", "bob", "cid"]
    for i, n in enumerate(names):
        stackless.tasklet(client)(n, range(i * 3, i * 3 + 4), n == "cid")
    for n in names:
        done.receive()
    print("connected:", server.accepted, "sessions", len(server.sessions))
    # one speaker at a time, so every transcript has the same order
    for n in names:
        gos[n].send(None)
        slpcompat.sleep(0.05)
    for i in range(3):
        done.receive()                     # ann and bob wait to quit, cid was dropped
    for n in ("ann", "bob"):
        gos[n].send(None)
    for i in range(2):
        done.receive()
    server.close()
    while amap:
        slpcompat.sleep(0.02)
    stackless.run()
    for n in names:
        print(n, transcripts[n])
    print("server log:", server.log)
    print("poller ended:", len(stop) == 2 and stop[1] > 0, "map", len(amap))


main()
