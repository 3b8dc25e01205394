"""An HTTP/1.0 JSON service and its clients, all tasklets in one OS thread.

The server is the standard library's BaseHTTPRequestHandler, one tasklet per connection,
behind an accept loop; the clients are tasklets using http.client and urllib.request, as
an existing program would, unchanged, once sockets are cooperative. A slow client that
never finishes its request is cut off by the handler's socket timeout; at the end the
server shuts down cleanly (the acceptor is killed while it waits in accept()).

    python http_service.py [clients] [requests-per-client]
"""
import http.client
import json
import socket
import sys
import urllib.request
from http.server import BaseHTTPRequestHandler

import stackless

import slpcompat

slpcompat.install_sockets()

N_CLIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 24
N_REQUESTS = int(sys.argv[2]) if len(sys.argv) > 2 else 4

STORE = {}            # key -> value, the service's state
LOG = []              # (method, path, status) as the handler logged them


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    timeout = 0.5      # StreamRequestHandler applies it to the connection

    def log_message(self, fmt, *args):
        pass

    def log_request(self, code="-", size="-"):
        LOG.append((self.command, self.path.split("?")[0], int(code)))

    def reply(self, status, obj):
        body = json.dumps(obj, sort_keys=True).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/keys":
            self.reply(200, sorted(STORE))
        elif self.path.startswith("/kv/"):
            key = self.path[4:]
            if key in STORE:
                self.reply(200, {"key": key, "value": STORE[key]})
            else:
                self.reply(404, {"error": "no such key", "key": key})
        elif self.path == "/yield":
            stackless.schedule()             # a handler that lets the others run mid-request
            self.reply(200, {"runcount_positive": stackless.getruncount() > 0})
        else:
            self.send_error(404, "Not Found")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        data = json.loads(self.rfile.read(length).decode())
        key = self.path[4:]
        old = STORE.get(key)
        STORE[key] = data["value"] if old is None else old + data["value"]
        self.reply(201, {"key": key, "value": STORE[key]})


class Server(object):
    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(128)
        self.port = self.sock.getsockname()[1]
        self.handlers = []
        self.served = 0
        self.timeouts = 0
        self.acceptor = stackless.tasklet(self.accept_loop)()

    def accept_loop(self):
        try:
            while True:
                conn, addr = self.sock.accept()
                t = stackless.tasklet(self.handle)(conn, addr)
                self.handlers.append(t)
        except TaskletExit:
            self.sock.close()
            raise

    def handle(self, conn, addr):
        try:
            Handler(conn, addr, self)
            self.served += 1
        except socket.timeout:
            self.timeouts += 1
        finally:
            conn.close()


def client(num, port, results, done):
    try:
        run_client(num, port, results)
    finally:
        done.send(num)


def run_client(num, port, results):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    key = "k%d" % (num % 6)
    statuses = []
    for i in range(N_REQUESTS):
        body = json.dumps({"value": num * 10 + i})
        conn.request("POST", "/kv/" + key, body, {"Content-Type": "application/json"})
        resp = conn.getresponse()
        statuses.append(resp.status)
        json.loads(resp.read().decode())
        conn.close()       # HTTP/1.0: one request per connection
    conn.request("GET", "/kv/missing%d" % num)
    resp = conn.getresponse()
    statuses.append(resp.status)
    resp.read()
    conn.close()
    results[num] = statuses


def url_client(port, out):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open("http://127.0.0.1:%d/keys" % port, timeout=5) as f:
        out["keys"] = json.loads(f.read().decode())
        out["type"] = f.headers["Content-Type"]
    with opener.open("http://127.0.0.1:%d/yield" % port, timeout=5) as f:
        out["yield"] = json.loads(f.read().decode())
    try:
        opener.open("http://127.0.0.1:%d/nowhere" % port, timeout=5)
    except urllib.error.HTTPError as e:
        out["error"] = (e.code, e.reason)


def slow_client(port, out):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /keys HTTP/1.0\r\n")    # never ends its request
    data = s.recv(100)
    out["slow"] = data
    s.close()


def main():
    server = Server()
    results = {}
    extra = {}
    stackless.tasklet(slow_client)(server.port, extra)
    done = stackless.channel()
    for n in range(N_CLIENTS):
        stackless.tasklet(client)(n, server.port, results, done)
    for n in range(N_CLIENTS):      # main blocks; the scheduler runs the others, waits for I/O
        done.receive()
    stackless.tasklet(url_client)(server.port, extra)
    while "error" not in extra or "slow" not in extra:
        slpcompat.sleep(0.01)
    print("clients done:", len(results), "all ok:",
          all(s == [201] * N_REQUESTS + [404] for s in results.values()))
    for key in sorted(STORE):
        print(" ", key, STORE[key])
    expect = {}
    for n in range(N_CLIENTS):
        for i in range(N_REQUESTS):
            expect["k%d" % (n % 6)] = expect.get("k%d" % (n % 6), 0) + n * 10 + i
    print("store matches the sum of posts:", expect == STORE)
    print("urllib keys:", extra["keys"], extra["type"])
    print("urllib yield:", extra["yield"])
    print("urllib error:", extra["error"])
    print("slow client got:", extra["slow"])
    counts = {}
    for method, path, status in LOG:
        k = (method, path.rsplit("/", 1)[0] if path.startswith("/kv/") else path, status)
        counts[k] = counts.get(k, 0) + 1
    for k in sorted(counts):
        print("  log", k, counts[k])
    print("served:", server.served, "timed out:", server.timeouts)
    # clean shutdown: the acceptor waits in accept(); kill it, its handler closes the socket
    print("acceptor alive before kill:", server.acceptor.alive, "blocked:", server.acceptor.blocked)
    server.acceptor.kill()
    print("acceptor alive after kill:", server.acceptor.alive, "listener closed:", server.sock.fileno() == -1)
    print("handlers alive:", sum(t.alive for t in server.handlers), "of", len(server.handlers))
    try:
        socket.create_connection(("127.0.0.1", server.port), timeout=1).close()
        print("connect after shutdown: accepted")
    except OSError as e:
        print("connect after shutdown:", type(e).__name__)


if __name__ == "__main__":
    main()
