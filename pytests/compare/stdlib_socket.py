# socket over _socket: TCP echo on the loopback (listening socket, non-blocking accept with
# select), UDP, AF_UNIX, socketpair, makefile, timeouts, options, name resolution and the
# errors CPython gives. Everything runs in one process (no threads).
import errno, os, select, selectors, socket, struct

def err(f, *a):
    try:
        r = f(*a)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e.args)

# TCP: listen, connect (non-blocking), accept, echo
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0, srv.family, srv.type, srv.proto, repr(srv.family), str(srv.type))
print(repr(srv).startswith("<socket.socket fd="), "laddr=('127.0.0.1'," in repr(srv))
cli = socket.socket()
cli.setblocking(False)
print(cli.connect_ex((host, port)) in (0, errno.EINPROGRESS), cli.getblocking(), cli.gettimeout())
r, w, _ = select.select([srv], [cli], [], 5)
print(len(r), len(w))
conn, addr = srv.accept()
print(addr == cli.getsockname(), conn.getpeername() == cli.getsockname(), conn.gettimeout(), type(conn).__name__)
cli.setblocking(True)
cli.sendall(b"ping " * 1000)
got = b""
while len(got) < 5000:
    got += conn.recv(4096)
conn.sendall(got.upper())
back = bytearray()
buf = bytearray(1024)
while len(back) < 5000:
    n = cli.recv_into(buf)
    back += buf[:n]
print(len(back), bytes(back[:10]))
mv = memoryview(bytearray(8))
conn.send(b"abcdefgh")
print(cli.recv_into(mv[2:], 4), mv.tobytes())
conn.settimeout(0.1)
err(conn.recv, 10)
conn.setblocking(False)
err(conn.recv, 10)
cli.shutdown(socket.SHUT_WR)
conn.settimeout(2)
print(conn.recv(10))

# makefile: text lines both ways
rf = conn.makefile("rwb")
cf = cli.makefile("r", encoding="utf-8", newline="")
rf.write(b"line one\nline two\n"); rf.flush()
print(cf.readline(), cf.readline())
rf.close(); cf.close()
with conn, cli:
    pass
print(conn.fileno(), cli.fileno(), conn._closed)
err(conn.recv, 1)
srv.close()

# create_connection / create_server
with socket.create_server(("127.0.0.1", 0)) as s2:
    p2 = s2.getsockname()[1]
    c2 = socket.create_connection(("127.0.0.1", p2), timeout=5)
    a2, _ = s2.accept()
    c2.sendall(b"hi there")
    print(a2.recv(100), c2.gettimeout(), a2.gettimeout())
    a2.close(); c2.close()
err(socket.create_connection, ("127.0.0.1", p2), 1)

# UDP
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2.sendto(b"datagram", u1.getsockname())
data, frm = u1.recvfrom(100)
print(data, frm == u2.getsockname())
u1.sendto(b"reply", 0, frm)
buf = bytearray(10)
n, frm2 = u2.recvfrom_into(buf)
print(n, frm2 == u1.getsockname(), buf)
u2.connect(u1.getsockname())
u2.send(b"connected")
print(u1.recv(100))
err(u2.sendto, b"x")
u1.close(); u2.close()

# AF_UNIX and socketpair
import tempfile
d = tempfile.mkdtemp()
path = os.path.join(d, "sock")
us = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
us.bind(path)
us.listen(1)
uc = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
uc.connect(path)
ua, uaddr = us.accept()
print(us.getsockname() == path, uaddr, uc.getpeername() == path)
uc.send(b"unix!"); print(ua.recv(10))
for s in (us, uc, ua): s.close()
os.unlink(path); os.rmdir(d)
ab = socket.socket(socket.AF_UNIX)
ab.bind(b"\0stackless-iron-test-%d" % os.getpid())
print(ab.getsockname()[:20])
ab.close()
a, b = socket.socketpair()
print(type(a).__name__, a.family, a.type, b.getsockname())
a.sendall(b"pair"); print(b.recv(4))
sel = selectors.DefaultSelector()
sel.register(b, selectors.EVENT_READ)
print(sel.select(0))
a.send(b"x")
print([(k.fileobj is b, ev) for k, ev in sel.select(1)])
sel.close()
fd = b.detach()
print(b.fileno(), fd > 2)
c = socket.socket(fileno=fd)
print(c.family, c.type, c.recv(1))
c.close(); a.close()
d1 = socket.socket()
d2 = d1.dup()
print(d1.fileno() != d2.fileno(), d2.family)
d1.close(); d2.close()

# options
s = socket.socket()
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR), s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
print(struct.unpack("ii", s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
print(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
err(s.getsockopt, socket.SOL_SOCKET, socket.SO_LINGER, 5000)
err(s.settimeout, -1)
s.settimeout(2.5); print(s.gettimeout(), s.timeout, s.getblocking())
s.settimeout(None); print(s.gettimeout(), s.getblocking())
err(s.bind, ("127.0.0.1", 70000))
err(s.bind, "nope")
err(s.connect, ("127.0.0.1", 1))
print(s.connect_ex(("127.0.0.1", 1)))
s.close()
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(3)
t = socket.socket(); print(t.gettimeout(), t.getblocking()); t.close()
socket.setdefaulttimeout(None)

# names and conversions
print(socket.gethostbyname("localhost"), socket.gethostbyname("127.0.0.1"), socket.gethostbyname_ex("localhost")[2])
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", "80", socket.AF_INET6, socket.SOCK_DGRAM, 0, socket.AI_NUMERICHOST))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
err(socket.getaddrinfo, "no-such-host.invalid", 80)
print(socket.gethostname() == os.uname().nodename, socket.getservbyname("http", "tcp"), socket.getservbyport(443), socket.getprotobyname("udp"))
print(socket.inet_aton("10.0.0.1"), socket.inet_ntoa(b"\xc0\xa8\x00\x01"), socket.inet_pton(socket.AF_INET6, "fe80::1"))
print(socket.inet_ntop(socket.AF_INET6, socket.inet_pton(socket.AF_INET6, "2001:db8::8:800:200c:417a")))
print(socket.htons(0x1234), socket.ntohl(0x12345678), socket.htonl(1))
err(socket.inet_aton, "1.2.3.400")
err(socket.inet_ntop, socket.AF_INET, b"123")
print(socket.AF_INET, socket.SOCK_DGRAM, socket.AddressFamily(10), socket.SocketKind(2), socket.has_ipv6)
print(issubclass(socket.timeout, OSError), socket.timeout is TimeoutError, socket.error is OSError, socket.gaierror.__module__)
print(len(socket.if_nameindex()) > 0, socket.if_indextoname(1), socket.if_nametoindex("lo"))
import pickle
err(pickle.dumps, socket.socket())
import http.server, socketserver, http.client, urllib.request, smtplib, ftplib
print("imports ok")
