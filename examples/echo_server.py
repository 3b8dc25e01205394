"""An echo server and many clients, all tasklets of one OS thread.

Every connection gets a tasklet; each client tasklet sends its messages and reads the
echoes. A tasklet that waits for the network blocks only itself (stacklesssocket): the
scheduler runs the others and, when none can run, waits for the sockets.

    ./stackless-iron examples/echo_server.py [clients] [messages]
    python3 examples/echo_server.py --threads [clients] [messages]   # the same with OS threads
"""
import sys
import time
import threading

args = [a for a in sys.argv[1:] if not a.startswith("--")]
use_threads = "--threads" in sys.argv
CLIENTS = int(args[0]) if args else 100
MESSAGES = int(args[1]) if len(args) > 1 else 50

if use_threads:
    import socket
else:
    import stackless
    import stacklesssocket as socket


def spawn(f, *a):
    if use_threads:
        t = threading.Thread(target=f, args=a)
        t.start()
        return t
    return stackless.tasklet(f)(*a)


def serve_connection(conn):
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            conn.sendall(data)


def server(listener, count):
    for _ in range(count):
        conn, _addr = listener.accept()
        spawn(serve_connection, conn)


def client(address, done):
    with socket.create_connection(address) as s:
        for i in range(MESSAGES):
            msg = b"message %d" % i
            s.sendall(msg)
            got = b""
            while len(got) < len(msg):
                part = s.recv(4096)
                if not part:
                    raise RuntimeError("server closed the connection")
                got += part
            assert got == msg
    done.append(1)


listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(CLIENTS)
address = listener.getsockname()
done = []
start = time.perf_counter()
workers = [spawn(server, listener, CLIENTS)]
workers += [spawn(client, address, done) for _ in range(CLIENTS)]
peak_threads = threading.active_count()
if use_threads:
    for t in workers:
        t.join()
else:
    stackless.run()
elapsed = time.perf_counter() - start
listener.close()
print("%d clients x %d messages echoed in %.2f s: %.0f round trips/s, %d Python threads at the peak (%s)" % (
    len(done), MESSAGES, elapsed, len(done) * MESSAGES / elapsed, peak_threads, "threads" if use_threads else "tasklets"))
