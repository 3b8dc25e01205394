# Cooperative sockets (stacklesssocket): blocking calls block only the calling tasklet.
import errno
import os
import socket as stdsocket
import threading
import time

import stackless
import stacklesssocket as socket


def os_threads():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("Threads:"):
                return int(line.split()[1])


def listener():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(200)
    return srv


def test_many_clients_one_thread():
    # 60 clients and one accepting server, each connection served by its own tasklet,
    # all exchanging messages concurrently on this one OS thread
    srv = listener()
    addr = srv.getsockname()
    n, rounds = 60, 4
    replies = []
    active = []
    threads_before = os_threads()
    peak = [0, 0]

    def handle(conn):
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data.upper())
        conn.close()

    def server():
        for _ in range(n):
            conn, _peer = srv.accept()
            stackless.tasklet(handle)(conn)

    def client(i):
        s = socket.create_connection(addr)
        active.append(i)
        peak[0] = max(peak[0], len(active))
        for k in range(rounds):
            s.sendall(b"hello %d %d" % (i, k))
            replies.append(s.recv(1024))
            peak[1] = max(peak[1], os_threads())
        active.remove(i)
        s.close()

    stackless.tasklet(server)()
    for i in range(n):
        stackless.tasklet(client)(i)
    stackless.run()
    srv.close()
    assert len(replies) == n * rounds, len(replies)
    assert sorted(replies) == sorted(b"HELLO %d %d" % (i, k) for i in range(n) for k in range(rounds))
    # the clients really overlapped (all connected before the first finished), on one thread
    assert peak[0] == n, peak
    assert threading.active_count() == 1
    # (the runtime may start a helper thread or two meanwhile; a thread per client would be 60)
    assert peak[1] <= threads_before + 10, (threads_before, peak[1])


def test_interleaving():
    # a tasklet blocked in recv lets another run; it resumes when data arrives
    a, b = socket.socketpair()
    log = []

    def reader():
        log.append("wait")
        log.append(b.recv(10))

    def writer():
        log.append("write")
        a.sendall(b"x")

    stackless.tasklet(reader)()
    stackless.tasklet(writer)()
    stackless.run()
    assert log == ["wait", "write", b"x"], log
    a.close(); b.close()


def test_blocked_while_waiting_and_kill():
    a, b = socket.socketpair()

    def reader():
        b.recv(10)

    t = stackless.tasklet(reader)()
    stackless.schedule()
    assert t.blocked and t.alive
    t.kill()
    assert not t.alive
    stackless.run()     # nothing waits any more: returns at once
    a.close(); b.close()


def test_closed_peer_gives_empty_bytes():
    a, b = socket.socketpair()
    got = []

    def reader():
        got.append(b.recv(10))
        got.append(b.recv(10))

    def closer():
        a.sendall(b"last")
        a.close()

    stackless.tasklet(reader)()
    stackless.tasklet(closer)()
    stackless.run()
    assert got == [b"last", b""], got
    b.close()


def test_timeouts():
    a, b = socket.socketpair()
    b.settimeout(0.2)
    assert b.gettimeout() == 0.2 and b.timeout == 0.2 and b.getblocking()
    other = []

    def busy():
        for i in range(5):
            other.append(i)
            stackless.schedule()

    stackless.tasklet(busy)()
    t0 = time.monotonic()
    try:
        b.recv(10)
    except socket.timeout as e:
        err = e
    else:
        raise AssertionError("no timeout")
    elapsed = time.monotonic() - t0
    assert type(err) is TimeoutError and str(err) == "timed out" and err.args == ("timed out",), repr(err)
    assert socket.timeout is stdsocket.timeout
    assert 0.15 <= elapsed < 2, elapsed
    assert other == [0, 1, 2, 3, 4]     # the others ran while it waited
    # accept with a timeout
    srv = listener()
    srv.settimeout(0.1)
    try:
        srv.accept()
        raise AssertionError("no timeout")
    except TimeoutError as e:
        assert str(e) == "timed out"
    srv.close()
    # non-blocking: the OS error at once, as the plain socket
    b.setblocking(False)
    assert b.gettimeout() == 0.0 and not b.getblocking()
    try:
        b.recv(10)
        raise AssertionError("no error")
    except BlockingIOError as e:
        assert e.errno == errno.EAGAIN
    b.setblocking(True)
    assert b.gettimeout() is None and b.timeout is None
    for bad in (-1, "x"):
        try:
            b.settimeout(bad)
            raise AssertionError("accepted %r" % (bad,))
        except (ValueError, TypeError) as e:
            plain = stdsocket.socket()
            try:
                plain.settimeout(bad)
            except type(e) as e2:
                assert str(e) == str(e2), (e, e2)
            plain.close()
    a.close(); b.close()


def test_connect_refused_and_connect_ex():
    srv = listener()
    addr = srv.getsockname()
    srv.close()
    s = socket.socket()
    try:
        s.connect(addr)
        raise AssertionError("connected")
    except ConnectionRefusedError as e:
        assert e.errno == errno.ECONNREFUSED
    s.close()
    s = socket.socket()
    assert s.connect_ex(addr) == errno.ECONNREFUSED
    s.close()


def test_large_sendall_and_makefile():
    # more than the socket buffers hold: sendall waits for the reader tasklet in between
    a, b = socket.socketpair()
    payload = os.urandom(3 * 1024 * 1024)
    got = []

    def reader():
        f = b.makefile("rb")
        got.append(f.read(len(payload)))
        got.append(f.readline())
        got.append(f.readline())
        f.close()

    def writer():
        a.sendall(payload)
        w = a.makefile("w", encoding="utf-8")
        w.write("line one\nline two\n")
        w.flush()
        w.close()

    r = stackless.tasklet(reader)()
    stackless.tasklet(writer)()
    stackless.run()
    assert got[0] == payload
    assert got[1:] == [b"line one\n", b"line two\n"], got[1:]
    a.close(); b.close()


def test_wait_under_native_call_switches_hard():
    # a wait with a native call below it on the stack (a key function of sorted, the
    # native io.BufferedReader) parks the tasklet by a hard switch: same outcome
    import io
    a, b = socket.socketpair()
    got = []

    def nested():
        got.append(sorted([3, 1], key=lambda x: (b.recv(1), x)[1]))
        got.append(io.BufferedReader(socket.SocketIO(b, "r")).readline())

    def writer():
        stackless.schedule()
        a.sendall(b"12")
        stackless.schedule()
        a.sendall(b"native line\n")

    stackless.tasklet(nested)()
    stackless.tasklet(writer)()
    stackless.run()
    assert got == [[1, 3], b"native line\n"], got
    old = stackless.enable_softswitch(False)
    try:
        stackless.tasklet(lambda: got.append(b.recv(5)))()
        stackless.tasklet(lambda: a.sendall(b"hard!"))()
        stackless.run()
    finally:
        stackless.enable_softswitch(old)
    assert got[-1] == b"hard!"
    a.close(); b.close()


def test_udp():
    r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    r.bind(("127.0.0.1", 0))
    w = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    got = []

    def receiver():
        got.append(r.recvfrom(100)[0])
        buf = bytearray(10)
        n, _ = r.recvfrom_into(buf)
        got.append(bytes(buf[:n]))

    stackless.tasklet(receiver)()
    stackless.schedule()
    w.sendto(b"one", r.getsockname())
    w.sendto(b"two", 0, r.getsockname())
    stackless.run()
    assert got == [b"one", b"two"], got
    r.close(); w.close()


def test_main_alone_blocks_plainly():
    # no other tasklet: the call just waits, as the plain blocking call would
    a, b = socket.socketpair()
    b.settimeout(0.05)
    try:
        b.recv(1)
        raise AssertionError("no timeout")
    except TimeoutError:
        pass
    a.sendall(b"z")
    assert b.recv(1) == b"z"
    a.close(); b.close()


def test_install_uninstall():
    assert not socket.installed()
    socket.install()
    try:
        assert stdsocket.socket is socket.socket
        a, b = stdsocket.socketpair()
        assert type(a) is socket.socket
        c = stdsocket.create_connection
        srv = listener()
        conn = stdsocket.create_connection(srv.getsockname())
        assert type(conn) is socket.socket
        peer, _ = srv.accept()
        assert type(peer) is socket.socket
        for s in (a, b, srv, conn, peer):
            s.close()
    finally:
        socket.uninstall()
    assert not socket.installed()
    s = stdsocket.socket()
    assert type(s) is not socket.socket
    s.close()


for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
