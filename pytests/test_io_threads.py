# Threads sharing one text stream while raw writes release the interpreter lock: each
# write() reaches the file whole, no character of print() is lost, and a thread reading a pipe
# does not stop the writers. (CPython's TextIOWrapper can tear or garble such writes, so
# this is checked here rather than in a compare program.)
import os
import tempfile
import threading


def test_text_writes_from_threads_stay_whole():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "shared.txt")
        with open(path, "w") as f:
            def writer(n):
                for i in range(2000):
                    f.write("thread %d line %d %s\n" % (n, i, "x" * (i % 40)))
            threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
            for t in threads: t.start()
            for t in threads: t.join()
        with open(path) as f:
            lines = f.read().splitlines()
        assert len(lines) == 12000, len(lines)
        for line in lines:
            n, i = line.split()[1], int(line.split()[3])
            assert line == "thread %s line %d %s" % (n, i, "x" * (i % 40)), line


def test_print_from_threads_into_a_pipe_read_by_a_thread():
    r, w = os.pipe()
    out = os.fdopen(w, "w")
    def printer(n):
        for i in range(500):
            print("p", n, i, file=out)
    chunks = []
    reader = threading.Thread(target=lambda: chunks.append(os.fdopen(r).read()))
    reader.start()
    threads = [threading.Thread(target=printer, args=(n,)) for n in range(4)]
    for t in threads: t.start()
    for t in threads: t.join()
    out.close()
    reader.join()
    # print() writes its pieces separately, so lines of different threads may interleave
    # (as in CPython); no character may be lost or doubled
    expected = "".join("p %d %d\n" % (n, i) for n in range(4) for i in range(500))
    assert len(chunks[0]) == len(expected), len(chunks[0])
    assert sorted(chunks[0]) == sorted(expected)


for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
