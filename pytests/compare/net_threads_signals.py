# Blocking sockets and waits with threads and signals: a blocking recv in one thread lets
# the others run (the interpreter lock is released while it waits); a signal interrupts a
# main-thread recv/select/poll/epoll wait: the handler runs, its exception ends the wait,
# and without one the wait goes on (PEP 475); timeouts raise TimeoutError('timed out').
import os, select, selectors, signal, socket, threading, time

a, b = socket.socketpair()

def echo_upper():
    while data := b.recv(65536):
        b.sendall(data.upper())

t = threading.Thread(target=echo_upper)
t.start()
# the other thread runs while this one is blocked in recv
a.sendall(b"ping" * 100000)
n = 0
while n < 400000:
    n += len(a.recv(65536))
print("echoed", n)
# a blocking send of more than the socket buffer holds completes as one call
print("send", a.send(b"x" * 300000))
n = 0
while n < 300000:
    n += len(a.recv(65536))
print("echoed", n)
a.shutdown(socket.SHUT_WR)
t.join()
print("peer closed", b.recv(10) == b"")
a.close(); b.close()

print(type(selectors.DefaultSelector()).__name__)

def interrupted(label, call):
    def h(sig, frame):
        raise InterruptedError("handler")
    signal.signal(signal.SIGALRM, h)
    signal.setitimer(signal.ITIMER_REAL, 0.1)
    t0 = time.monotonic()
    try:
        call()
        print(label, "returned")
    except InterruptedError as e:
        print(label, "interrupted by", e, time.monotonic() - t0 < 5)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)

a, b = socket.socketpair()
r, w = os.pipe()
interrupted("recv", lambda: a.recv(1))
interrupted("accept-timeout", lambda: (s := socket.create_server(("127.0.0.1", 0)), s.settimeout(30), s.accept()))
interrupted("select", lambda: select.select([r], [], [], 30))
p = select.poll(); p.register(r, select.POLLIN)
interrupted("poll", lambda: p.poll(30000))
ep = select.epoll(); ep.register(r, select.EPOLLIN)
interrupted("epoll", lambda: ep.poll(30))
interrupted("time.sleep", lambda: time.sleep(30))

# a handler that returns: the call goes on and gets the data the handler sent
got = []
signal.signal(signal.SIGALRM, lambda s, f: (got.append(s), b.send(b"y")))
signal.setitimer(signal.ITIMER_REAL, 0.1)
print("recv after handler", a.recv(1), got == [signal.SIGALRM])
signal.signal(signal.SIGALRM, lambda s, f: (got.append(s), os.write(w, b"z")))
signal.setitimer(signal.ITIMER_REAL, 0.1)
print("epoll after handler", ep.poll(30) == [(r, select.EPOLLIN)], len(got))
os.read(r, 10)

a.settimeout(0.2)
try:
    a.recv(1)
except TimeoutError as e:
    print("timeout:", type(e).__name__, e)
a.settimeout(None)
a.setblocking(False)
try:
    a.recv(1)
except BlockingIOError as e:
    print("non-blocking:", type(e).__name__, e.errno)

# set_wakeup_fd gets the signal number
rs, ws = socket.socketpair()
ws.setblocking(False)
signal.set_wakeup_fd(ws.fileno())
signal.signal(signal.SIGALRM, lambda s, f: None)
signal.setitimer(signal.ITIMER_REAL, 0.05)
rs.settimeout(10)
print("wakeup fd byte", rs.recv(1) == bytes([signal.SIGALRM]))
signal.set_wakeup_fd(-1)
