# Threads writing to one buffered binary stream at the same time: the raw write releases the
# interpreter lock, so the stream must keep other threads out of its buffer meanwhile
# (CPython's per-object buffered lock). Nothing may be lost or torn, nothing may raise.
# (Text streams shared by threads can tear even in CPython: pytests/test_io_threads.py.)
import os
import tempfile
import threading

def writer(f, n, lines):
    for i in range(lines):
        f.write(b"thread %d line %d %s\n" % (n, i, b"x" * (i % 40)))

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "shared.bin")
    for buffering in (8192, 100):
        with open(path, "wb", buffering=buffering) as f:
            threads = [threading.Thread(target=writer, args=(f, n, 2000)) for n in range(6)]
            for t in threads: t.start()
            for t in threads: t.join()
        with open(path, "rb") as f:
            lines = f.read().splitlines()
        print("buffer", buffering, "size:", os.path.getsize(path), "lines:", len(lines),
              "whole:", all(l.startswith(b"thread ") for l in lines),
              "per thread:", sorted(sum(1 for l in lines if l.startswith(b"thread %d " % n)) for n in range(6)))
