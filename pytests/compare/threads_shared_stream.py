# Threads writing to one buffered stream at the same time: the raw write releases the
# interpreter lock, so the stream must keep other threads out of its buffer meanwhile
# (CPython's per-object buffered lock). Nothing may be lost, duplicated or raise.
import os
import sys
import tempfile
import threading

def writer(f, n, lines):
    for i in range(lines):
        f.write("thread %d line %d %s\n" % (n, i, "x" * (i % 40)))

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "shared.txt")
    for mode, opener in (("text", lambda: open(path, "w")), ("binary", lambda: open(path, "wb"))):
        with opener() as f:
            if mode == "binary":
                raw_write = f.write
                f = type("W", (), {"write": lambda self, s: raw_write(s.encode())})()
            threads = [threading.Thread(target=writer, args=(f, n, 2000)) for n in range(6)]
            for t in threads: t.start()
            for t in threads: t.join()
        with open(path) as f:
            lines = f.read().splitlines()
        print(mode, "size:", os.path.getsize(path))
        if mode == "binary":
            # one buffered write stays whole (text writes may interleave, in CPython too)
            print("lines:", len(lines), "well-formed:", all(l.startswith("thread ") for l in lines))

# The same through print() to a pipe read by the main thread.
r, w = os.pipe()
out = os.fdopen(w, "w")
def printer(n):
    for i in range(500):
        print("p", n, i, file=out)
threads = [threading.Thread(target=printer, args=(n,)) for n in range(4)]
for t in threads: t.start()
chunks = []
reader = threading.Thread(target=lambda: chunks.append(os.fdopen(r).read()))
reader.start()
for t in threads: t.join()
out.close()
reader.join()
print("printed bytes:", len(chunks[0]), "newlines:", chunks[0].count("\n"))
