# stacklesssocket as a drop-in for socket: run by one tasklet (plain blocking waits), it must
# behave exactly as the standard module does under CPython (where it falls back to socket).
import errno
try:
    import stacklesssocket as socket
except ImportError:
    import socket


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, getattr(e, "errno", None), str(e))
    else:
        print(label, "=", r)


a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type, a.gettimeout(), a.getblocking(), a.timeout)
a.sendall(b"hello world")
print(b.recv(5), b.recv(100))
buf = bytearray(8)
a.send(b"abc")
print(b.recv_into(buf), bytes(buf))
b.settimeout(0.05)
print(b.gettimeout(), b.getblocking(), b.timeout)
show("recv with timeout", lambda: b.recv(1))
show("socket.timeout is TimeoutError", lambda: socket.timeout is TimeoutError)
b.setblocking(False)
print(b.gettimeout(), b.getblocking())
show("recv non-blocking", lambda: b.recv(1))
b.setblocking(True)
print(b.gettimeout())
for bad in (-1, -0.5, "x", float("nan")):
    show("settimeout(%r)" % (bad,), lambda: b.settimeout(bad))
c = b.dup()
print(type(c) is type(b), c.gettimeout())
c.settimeout(2.5)
d = c.dup()
print(d.gettimeout())
c.close(); d.close()
a.shutdown(socket.SHUT_WR)
print(b.recv(10), b.recv(10))
a.close()
show("recv after close", lambda: a.recv(1))
print(a.fileno())
b.close()

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(5)
srv.settimeout(0.05)
show("accept timeout", lambda: srv.accept())
port = srv.getsockname()[1]
cl = socket.create_connection(("127.0.0.1", port), timeout=3)
print(cl.gettimeout())
conn, addr = srv.accept()
print(addr[0], conn.gettimeout(), conn.getblocking())
f = conn.makefile("rwb")
cl.sendall(b"line 1\nline 2\n")
print(f.readline(), f.readline())
f.write(b"reply\n")
f.flush()
print(cl.recv(100))
t = cl.makefile("r", encoding="ascii", newline="")
conn.sendall(b"text\r\nmore")
conn.close(); f.close()
print(repr(t.readline()), repr(t.read()))
t.close(); cl.close()
srv.close()

dead = socket.socket()
dead.bind(("127.0.0.1", 0))
addr = dead.getsockname()
dead.close()
s = socket.socket()
show("connect refused", lambda: s.connect(addr))
s.close()
s = socket.socket()
print(s.connect_ex(addr) == errno.ECONNREFUSED)
s.close()
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u1, socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u2:
    u1.bind(("127.0.0.1", 0))
    u2.sendto(b"datagram", u1.getsockname())
    data, frm = u1.recvfrom(100)
    print(data, frm[0])
    u1.settimeout(0.02)
    show("recvfrom timeout", lambda: u1.recvfrom(10))
print("done")
