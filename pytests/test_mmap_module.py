# mmap on the engine: shared file maps reach the file, the buffer protocol sees the live
# mapping (also after resize moves it), a closed map fails cleanly instead of touching freed
# memory, and maps beyond 2 GiB work for indexing, slicing and find.
import mmap, os, re, tempfile


def test_shared_map_writes_reach_the_file():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "f")
        with open(path, "wb") as f:
            f.write(b"a" * 8192)
        with open(path, "r+b") as f, mmap.mmap(f.fileno(), 0) as m:
            m[100:105] = b"hello"
            m.seek(8190)
            m.write(b"zz")
            m.flush()
        with open(path, "rb") as f:
            data = f.read()
        assert data[100:105] == b"hello" and data[-2:] == b"zz" and len(data) == 8192


def test_buffer_views_follow_the_live_mapping():
    m = mmap.mmap(-1, 4096)
    mv = memoryview(m)
    mv[0:4] = b"abcd"
    assert m[:4] == b"abcd" and bytes(m[:2]) == b"ab"
    m.resize(1 << 20)          # may move the mapping
    m[(1 << 20) - 3:] = b"end"
    assert bytes(mv[:4]) == b"abcd"
    assert re.search(rb"e(n)d", m).span() == ((1 << 20) - 3, 1 << 20)
    mv.release()
    m.close()


def test_closed_map_fails_cleanly():
    m = mmap.mmap(-1, 4096)
    mv = memoryview(m)
    m[0] = 7
    try:
        m.close()
    except BufferError:
        mv.release()      # CPython refuses to close with an export alive
        m.close()
        return
    for action in (lambda: mv[0], lambda: bytes(mv), lambda: m[0], lambda: m.find(b"x")):
        try:
            action()
        except ValueError:
            pass
        else:
            raise AssertionError("a closed mmap was still readable")


def test_map_larger_than_2gib():
    size = (1 << 31) + 4096
    with tempfile.TemporaryFile() as f:
        try:
            f.seek(size - 4)
            f.write(b"TAIL")
            f.flush()
        except (OSError, OverflowError):
            return        # no sparse-file support here
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            assert len(m) == size
            assert m[size - 4:] == b"TAIL" and m[-1] == ord("L")
            assert m.find(b"TAIL", size - 100) == size - 4
            assert m.rfind(b"TA") == size - 4
            m.seek(size - 2)
            assert m.read() == b"IL"


for name, f in list(globals().items()):
    if name.startswith("test_"):
        f()
