# Files through open() and io.FileIO, checked with asserts (run in-process by the NUnit
# harness). Files are written under /tmp and removed (or emptied, while os is missing).
import io

BASE = "/tmp/_stackless_test_io_files_"
made = []


def path(name):
    made.append(BASE + name)
    return BASE + name


def raises(exc, f, *args, **kw):
    try:
        f(*args, **kw)
    except exc as e:
        return e
    raise AssertionError(f"{exc.__name__} not raised")


def test_text_round_trip():
    p = path("text.txt")
    with open(p, "w") as f:
        assert f.write("one\ntwo\n") == 8
        assert f.mode == "w" and f.name == p and f.encoding == "UTF-8"
    with open(p) as f:
        assert f.read() == "one\ntwo\n"
    with open(p) as f:
        assert list(f) == ["one\n", "two\n"]
    with open(p, "a") as f:
        f.write("three")
    with open(p) as f:
        assert f.readlines() == ["one\n", "two\n", "three"]
        assert f.read() == ""


def test_unflushed_writes_reach_the_file():
    # CPython flushes a dropped file object at once; here the next open() flushes it.
    p = path("unflushed.txt")
    open(p, "w").write("kept")
    assert open(p).read() == "kept"


def test_binary_and_positions():
    p = path("bin.dat")
    with open(p, "wb") as f:
        f.write(bytes(range(256)) * 40)
    with open(p, "rb") as f:
        assert f.read(3) == b"\x00\x01\x02"
        assert f.tell() == 3
        assert f.seek(-2, 2) == 256 * 40 - 2
        assert f.read() == b"\xfe\xff"
        f.seek(100)
        b = bytearray(4)
        assert f.readinto(b) == 4 and b == bytearray(b"defg")
        assert f.peek(1)[:1] == b"h"
    with open(p, "r+b") as f:
        f.seek(1)
        f.write(b"XY")
        f.seek(0)
        assert f.read(4) == b"\x00XY\x03"
        assert f.truncate(10) == 10
    with open(p, "rb", buffering=0) as f:
        assert isinstance(f, io.FileIO)
        assert f.readall() == b"\x00XY\x03\x04\x05\x06\x07\x08\x09"


def test_newlines():
    p = path("nl.txt")
    with open(p, "w", newline="") as f:
        f.write("a\nb\r\nc\rd")
    with open(p) as f:
        assert f.read() == "a\nb\nc\nd"
        assert f.newlines == ("\r", "\n", "\r\n")
    with open(p, newline="") as f:
        assert f.readlines() == ["a\n", "b\r\n", "c\r", "d"]
    with open(p, "w", newline="\r\n") as f:
        f.write("x\ny")
    with open(p, "rb") as f:
        assert f.read() == b"x\r\ny"


def test_encodings_and_cookies():
    p = path("enc.txt")
    text = "\u00e9t\u00e9 \u20ac \U0001f600\n" * 2000
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
    with open(p, encoding="utf-8") as f:
        assert f.read(3) == "\u00e9t\u00e9"
        f.read(3001)
        cookie = f.tell()
        rest = f.read(50)
        f.seek(cookie)
        assert f.read(50) == rest
        f.seek(0)
        assert f.read() == text
    with open(p, "w", encoding="utf-16") as f:
        f.write("ab")
        f.write("c")
    assert open(p, "rb").read() == b"\xff\xfea\x00b\x00c\x00"
    assert open(p, encoding="utf-16").read() == "abc"
    with open(p, "wb") as f:
        f.write(b"ok \xff bad")
    e = raises(UnicodeDecodeError, lambda: open(p, encoding="utf-8").read())
    assert e.start == 3 and e.reason == "invalid start byte"
    assert open(p, encoding="utf-8", errors="replace").read() == "ok \ufffd bad"
    assert open(p, encoding="utf-8", errors="surrogateescape").read() == "ok \udcff bad"
    assert open(p, encoding="cp1252").read() == "ok \u00ff bad"
    raises(LookupError, open, p, encoding="no-such-codec")


def test_errors():
    e = raises(FileNotFoundError, open, "/nonexistent/x/y")
    assert e.errno == 2 and e.filename == "/nonexistent/x/y" and e.strerror == "No such file or directory"
    e = raises(IsADirectoryError, open, "/tmp")
    assert e.errno == 21
    p = path("exists.txt")
    open(p, "w").close()
    e = raises(FileExistsError, open, p, "x")
    assert e.errno == 17
    assert "must have exactly one" in str(raises(ValueError, open, p, "rw"))
    raises(ValueError, open, p, "rbt")
    raises(ValueError, open, p, "r", buffering=0)
    raises(TypeError, open, 1.5)
    f = open(p)
    f.close()
    assert str(raises(ValueError, f.read)) == "I/O operation on closed file."
    raises(ValueError, lambda: f.buffer.read())
    raises(io.UnsupportedOperation, lambda: open(p).write("x"))
    assert issubclass(io.UnsupportedOperation, OSError) and issubclass(io.UnsupportedOperation, ValueError)


def test_fileio():
    p = path("raw.dat")
    raw = io.FileIO(p, "w")
    assert raw.mode == "wb" and raw.closefd and raw.write(b"abc") == 3
    assert repr(raw) == f"<_io.FileIO name={p!r} mode='wb' closefd=True>"
    raw.close()
    assert raw.closed and repr(raw) == "<_io.FileIO [closed]>"
    r = io.FileIO(p)
    g = io.FileIO(r.fileno(), closefd=False)
    assert g.read() == b"abc" and g.name == r.fileno()
    g.close()
    assert not r.closed
    r.close()
    raises(ValueError, io.FileIO, -1)
    raises(ValueError, io.FileIO, p, closefd=False)


for name, fn in list(globals().items()):
    if name.startswith("test_") and callable(fn):
        fn()

try:
    import os
    for p in made:
        if os.path.exists(p):
            os.unlink(p)
except ImportError:
    for p in made:
        open(p, "w").close()
