"""JSON-RPC between tasklets over socketpairs and a TCP listener, with a struct-packed
binary frame (magic, flags, length, crc32), zlib compression of large payloads, hashlib
digests computed in worker tasklets, pending calls matched by id, errors as JSON-RPC error
objects, a call timeout, and notifications.

Cooperative sockets come from stacklesssocket here and from slpcompat's select() hub on
Stackless 3.7 (see slpcompat.py)."""
import hashlib
import json
import struct
import zlib

import slpcompat
import stackless

slpcompat.install_sockets()
import socket

HEADER = struct.Struct("!2sBIi")     # magic, flags, body length, crc32 of the body
MAGIC = b"JR"
F_ZLIB = 1


def write_frame(sock, obj):
    body = json.dumps(obj, sort_keys=True, separators=(",", ":")).encode("utf-8")
    flags = 0
    if len(body) > 256:
        body = zlib.compress(body, 6)
        flags |= F_ZLIB
    crc = zlib.crc32(body)
    if crc >= 1 << 31:
        crc -= 1 << 32
    sock.sendall(HEADER.pack(MAGIC, flags, len(body), crc) + body)


def read_exact(sock, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(65536, n - len(buf)))
        if not chunk:
            raise EOFError("peer closed with %d of %d bytes" % (len(buf), n))
        buf += chunk
    return bytes(buf)


def read_frame(sock):
    magic, flags, length, crc = HEADER.unpack(read_exact(sock, HEADER.size))
    if magic != MAGIC:
        raise ValueError("bad magic %r" % magic)
    body = read_exact(sock, length)
    if zlib.crc32(body) & 0xffffffff != crc & 0xffffffff:
        raise ValueError("crc mismatch")
    if flags & F_ZLIB:
        body = zlib.decompress(body)
    return json.loads(body.decode("utf-8")), flags


class RpcError(Exception):
    pass


class Server(object):
    def __init__(self):
        self.methods = {}
        self.notes = []
        self.jobs = stackless.channel()
        self.workers = [stackless.tasklet(self.worker)(i) for i in range(3)]

    def method(self, fn):
        self.methods[fn.__name__] = fn
        return fn

    def worker(self, i):
        # digest work handed to a small pool; the reply goes back on the caller's channel
        while True:
            data, algo, reply = self.jobs.receive()
            h = hashlib.new(algo)
            for k in range(0, len(data), 1000):
                h.update(data[k:k + 1000])
                stackless.schedule()
            reply.send(h.hexdigest())

    def serve(self, sock):
        try:
            while True:
                try:
                    req, flags = read_frame(sock)
                except EOFError:
                    return
                if "id" not in req:
                    self.notes.append((req["method"], req.get("params")))
                    continue
                stackless.tasklet(self.dispatch)(sock, req)
        finally:
            sock.close()

    def dispatch(self, sock, req):
        try:
            fn = self.methods[req["method"]]
        except KeyError:
            resp = {"id": req["id"], "error": {"code": -32601, "message": "no method %s" % req["method"]}}
        else:
            try:
                resp = {"id": req["id"], "result": fn(self, *req.get("params", []))}
            except Exception as e:
                resp = {"id": req["id"], "error": {"code": -32000, "message": "%s: %s" % (type(e).__name__, e)}}
        write_frame(sock, resp)


srv = Server()


@srv.method
def add(self, a, b):
    return a + b


@srv.method
def digest(self, text, algo):
    reply = stackless.channel()
    self.jobs.send((text.encode("utf-8") * 50, algo, reply))
    return reply.receive()


@srv.method
def blob(self, n):
    return ["item-%04d" % i for i in range(n)]


@srv.method
def slow(self, secs):
    slpcompat.sleep(secs)
    return "slept"


@srv.method
def fail(self, x):
    return {"a": 1}[x]


class Client(object):
    def __init__(self, sock):
        self.sock = sock
        self.next_id = 0
        self.pending = {}
        self.reader = stackless.tasklet(self.read_loop)()

    def read_loop(self):
        try:
            while True:
                resp, flags = read_frame(self.sock)
                ch = self.pending.pop(resp["id"], None)
                if ch is not None:
                    ch.send((resp, flags))
        except (EOFError, OSError):
            for ch in self.pending.values():
                ch.send_exception(EOFError, "connection lost")

    def call(self, method, *params, **kw):
        self.next_id += 1
        cid = self.next_id
        ch = stackless.channel()
        self.pending[cid] = ch
        write_frame(self.sock, {"id": cid, "method": method, "params": list(params)})
        timeout = kw.get("timeout")
        if timeout is not None:
            def timer():
                slpcompat.sleep(timeout)
                if self.pending.pop(cid, None) is ch:
                    ch.send_exception(RpcError, "call %d timed out" % cid)
            stackless.tasklet(timer)()
        resp, flags = ch.receive()
        if "error" in resp:
            raise RpcError(resp["error"]["message"])
        return resp["result"], flags

    def notify(self, method, *params):
        write_frame(self.sock, {"method": method, "params": list(params)})


def over_socketpair():
    print("== socketpair")
    a, b = socket.socketpair()
    stackless.tasklet(srv.serve)(b)
    cl = Client(a)
    out = {}
    done = stackless.channel()

    def caller(name, *args, **kw):
        try:
            out[name] = cl.call(*args, **kw)
        except RpcError as e:
            out[name] = "RpcError: %s" % e
        done.send(name)

    caller_specs = [("add", "add", 2, 40), ("sha", "digest", "hello", "sha256"),
                    ("md5", "digest", "abc", "md5"), ("blob", "blob", 100),
                    ("missing", "nope"), ("fail", "fail", "b"),
                    ("slow", "slow", 0.05)]
    for spec in caller_specs:
        stackless.tasklet(caller)(*spec)
    stackless.tasklet(caller)("timeout", "slow", 0.3, timeout=0.1)
    cl.notify("log", "hello", 1)
    for i in range(len(caller_specs) + 1):
        done.receive()       # run() would not return: the reader tasklets wait on sockets
    slpcompat.sleep(0.4)     # the timed-out call's late answer arrives and is dropped
    for k in sorted(out):
        v = out[k]
        if k == "blob":
            v = (len(v[0]), v[0][:2], v[0][-1], "flags", v[1])
        print(k, v)
    print("notes", srv.notes)
    cl.reader.kill()      # a socket closed under a waiting reader wakes nobody
    a.close()
    stackless.run()


def over_tcp():
    print("== tcp")
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(16)
    port = lsock.getsockname()[1]
    conns = []

    def acceptor(n):
        for i in range(n):
            c, addr = lsock.accept()
            conns.append(c)
            stackless.tasklet(srv.serve)(c)
        lsock.close()

    results = []
    done = stackless.channel()

    def client(k):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.connect(("127.0.0.1", port))
        cl = Client(s)
        total = 0
        for i in range(20):
            total += cl.call("add", k, i)[0]
        results.append((k, total))
        cl.reader.kill()
        s.close()
        done.send(k)

    stackless.tasklet(acceptor)(8)
    for k in range(8):
        stackless.tasklet(client)(k)
    for k in range(8):
        done.receive()
    stackless.run()       # the servers see their clients close and end
    print(sorted(results))
    # a corrupt frame is detected
    a, b = socket.socketpair()
    a.sendall(HEADER.pack(MAGIC, 0, 4, 0) + b"abcd")
    try:
        read_frame(b)
    except ValueError as e:
        print("corrupt:", e)
    a.sendall(b"XX" + b"\0" * (HEADER.size - 2))
    try:
        read_frame(b)
    except ValueError as e:
        print("corrupt:", e)
    a.close()
    try:
        read_frame(b)
    except EOFError as e:
        print("eof:", e)
    b.close()


over_socketpair()
over_tcp()
for w in srv.workers:
    w.kill()
print("done, runcount", stackless.getruncount())
