# http.server and http.client over sockets in one thread: the client's request is sent before
# the server accepts it (the listen backlog holds the connection), the server handles one
# request per handle_request(), and the client then reads the response.
import http.client, http.server, io, json, os, socketserver, tempfile, urllib.parse

root = tempfile.mkdtemp()
with open(os.path.join(root, "hello.txt"), "wb") as f:
    f.write(b"hello over http\n" * 100)

class Quiet(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **k):
        super().__init__(*a, directory=root, **k)
    def log_message(self, *args):
        pass

class Api(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    def log_message(self, *args):
        pass
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        reply = json.dumps({"path": self.path, "got": json.loads(body), "agent": self.headers["User-Agent"]}).encode()
        self.send_response(201, "Made")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

def exchange(server, method, path, body=None, headers={}):
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=5)
    conn.request(method, path, body=body, headers=headers)
    server.handle_request()
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, resp.reason, resp.getheader("Content-Type"), resp.getheader("Content-Length"), data

with http.server.HTTPServer(("127.0.0.1", 0), Quiet) as srv:
    print(srv.server_address[0], isinstance(srv.socket.fileno(), int))
    st, reason, ctype, clen, data = exchange(srv, "GET", "/hello.txt")
    print(st, reason, ctype, clen, data[:16], len(data))
    st, reason, ctype, clen, data = exchange(srv, "GET", "/missing")
    print(st, reason, ctype, b"Nothing matches the given URI" in data)
    st, reason, ctype, clen, data = exchange(srv, "HEAD", "/hello.txt")
    print(st, clen, data)
    st, reason, ctype, clen, data = exchange(srv, "GET", "/")
    print(st, ctype, b'href="hello.txt"' in data)

with socketserver.TCPServer(("127.0.0.1", 0), Api) as srv:
    st, reason, ctype, clen, data = exchange(srv, "POST", "/api?x=1", json.dumps([1, "two"]), {"User-Agent": "si-test"})
    print(st, reason, ctype, json.loads(data))

# a raw request on a socket, and a malformed one
import socket
with http.server.HTTPServer(("127.0.0.1", 0), Quiet) as srv:
    c = socket.create_connection(srv.server_address)
    c.sendall(b"BOGUS\r\n\r\n")
    srv.handle_request()
    print(c.recv(1000).split(b"\r\n")[0])
    c.close()
for name in os.listdir(root):
    os.unlink(os.path.join(root, name))
os.rmdir(root)
