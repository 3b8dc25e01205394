# A Python thread blocked in a system call (accept, connect, recv, read of a pipe) must let
# the other threads run: each check below deadlocks when the interpreter lock is held there.
import http.client
import http.server
import os
import socket
import threading
import time

# A server thread blocked in accept() while the main thread connects and talks to it.
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen()
def serve():
    conn, _ = listener.accept()
    with conn:
        conn.sendall(conn.recv(16).upper())
t = threading.Thread(target=serve)
t.start()
time.sleep(0.05)            # the thread is in accept() by now
with socket.create_connection(listener.getsockname()) as c:
    c.sendall(b"ping")
    print("echo:", c.recv(16))
t.join()
listener.close()

# A thread blocked in recv() on a blocking socket pair while the main thread sends.
a, b = socket.socketpair()
got = []
t = threading.Thread(target=lambda: got.append(b.recv(16)))
t.start()
time.sleep(0.05)
a.sendall(b"later")
t.join()
print("recv:", got)
a.close(); b.close()

# A thread reading a pipe (unbuffered and text) while the main thread writes.
r, w = os.pipe()
with open(r, "rb", buffering=0) as fr, open(w, "wb", buffering=0) as fw:
    got = []
    t = threading.Thread(target=lambda: got.append(fr.read(5)))
    t.start()
    time.sleep(0.05)
    fw.write(b"hello")
    t.join()
    print("pipe:", got)
r, w = os.pipe()
with open(r) as fr, open(w, "w") as fw:
    got = []
    t = threading.Thread(target=lambda: got.append(fr.readline()))
    t.start()
    time.sleep(0.05)
    fw.write("a line\n")
    fw.flush()
    t.join()
    print("text pipe:", got)

# http.server in a thread, http.client in the main thread.
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("you asked for " + self.path).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
t.start()
conn = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
for path in ("/a", "/b/c"):
    conn.request("GET", path)
    resp = conn.getresponse()
    print("http:", resp.status, resp.read())
conn.close()
server.shutdown()
server.server_close()
t.join()
print("done")
