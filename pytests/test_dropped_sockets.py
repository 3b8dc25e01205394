# A socket dropped without close() is closed before the program waits, as CPython's reference
# counting closes it at once: a peer waiting for EOF must not hang (Finalization.SweepBeforeWait).
import socket
import threading


def listener():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    return srv, srv.getsockname()[1]


def test_handler_returning_without_close_gives_eof():
    srv, port = listener()

    def handle():
        conn, _ = srv.accept()
        conn.sendall(b"hello")      # returns without conn.close()

    def serve():
        for _ in range(4):
            handle()

    threading.Thread(target=serve, daemon=True).start()
    for i in range(4):             # quick rounds: later ones meet a sweep held back by its budget
        c = socket.create_connection(("127.0.0.1", port))
        c.settimeout(30)
        data = b""
        while True:
            d = c.recv(100)
            if not d:
                break
            data += d
        assert data == b"hello", (i, data)
        c.close()
    srv.close()


def test_join_waits_after_dropping_a_connection():
    srv, port = listener()
    got = []

    def client():
        c = socket.create_connection(("127.0.0.1", port))
        data = b""
        while True:                 # a blocking recv with no timeout, in another thread
            d = c.recv(100)
            if not d:
                break
            data += d
        got.append(data)
        c.close()

    t = threading.Thread(target=client, daemon=True)
    t.start()

    def reply():
        conn, _ = srv.accept()
        conn.sendall(b"bye")

    reply()                         # the connection is garbage from here on
    t.join(30)                      # a lock wait: it closes the dropped connection first
    assert not t.is_alive(), "the client never saw EOF"
    assert got == [b"bye"]
    srv.close()
