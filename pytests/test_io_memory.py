# io.BytesIO, io.StringIO, the buffered classes over in-memory raw streams, TextIOWrapper
# over BytesIO, IncrementalNewlineDecoder, and Python subclasses; checked with asserts.
import io, sys


def raises(exc, f, *args, **kw):
    try:
        f(*args, **kw)
    except exc as e:
        return e
    raise AssertionError(f"{exc.__name__} not raised")


def test_bytesio():
    b = io.BytesIO(b"ab\ncd")
    assert b.readline() == b"ab\n" and b.read() == b"cd" and b.read() == b""
    b.seek(7)
    b.write(b"!")
    assert b.getvalue() == b"ab\ncd\x00\x00!"
    v = b.getbuffer()
    v[0] = ord("A")
    assert b.getvalue()[:1] == b"A"
    v.release()
    assert b.truncate(2) == 2 and b.getvalue() == b"Ab" and b.tell() == 8
    assert str(raises(ValueError, b.seek, -1)) == "negative seek value -1"
    raises(TypeError, b.write, "str")
    b.close()
    raises(ValueError, b.getvalue)


def test_stringio():
    s = io.StringIO("x\ny")
    assert s.readline() == "x\n" and s.read() == "y" and s.tell() == 3
    s.seek(5)
    s.write("z")
    assert s.getvalue() == "x\ny\x00\x00z"
    assert s.truncate(1) == 1 and s.getvalue() == "x"
    u = io.StringIO(newline=None)
    u.write("a\r\nb\rc")
    assert u.getvalue() == "a\nb\nc" and u.newlines == ("\r", "\r\n")
    assert io.StringIO("a\rb", newline="").readlines() == ["a\r", "b"]
    assert io.StringIO("a\nb", newline="\r\n").getvalue() == "a\r\nb"
    e = io.StringIO("\U0001f600ab")
    assert e.read(1) == "\U0001f600" and e.tell() == 1
    raises(OSError, e.seek, 1, 1)
    raises(TypeError, e.write, b"x")


def test_text_over_bytes():
    t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n")
    t.write("one\ntwo\n")
    t.flush()
    assert t.buffer.getvalue() == b"one\r\ntwo\r\n"
    t.seek(0)
    assert t.read() == "one\r\ntwo\r\n"
    r = io.TextIOWrapper(io.BytesIO("\u20ac\n\u00e9".encode("utf-8")), encoding="utf-8")
    assert r.readline() == "\u20ac\n"
    c = r.tell()
    assert r.read() == "\u00e9"
    r.seek(c)
    assert r.read(1) == "\u00e9"
    d = r.detach()
    assert isinstance(d, io.BufferedIOBase)
    raises(ValueError, lambda: r.encoding and r.read())


def test_newline_decoder():
    d = io.IncrementalNewlineDecoder(None, translate=True)
    assert d.decode("a\r") == "a" and d.decode("\nb", final=True) == "\nb"
    assert d.newlines == "\r\n"
    assert d.getstate() == (b"", 0)
    d.reset()
    assert d.newlines is None


class Chunks(io.RawIOBase):
    def __init__(self, data):
        self.data = data
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), 2, len(self.data))
        b[:n], self.data = self.data[:n], self.data[n:]
        return n


def test_python_raw():
    br = io.BufferedReader(Chunks(b"hello world\nbye"))
    assert br.readline() == b"hello world\n" and br.read() == b"bye"
    t = io.TextIOWrapper(io.BufferedReader(Chunks("\u00e9\u00e8\n".encode("utf-8"))), encoding="utf-8")
    assert t.read() == "\u00e9\u00e8\n"


def test_print_to_files():
    s = io.StringIO()
    print("a", 1, sep="-", end="!", file=s)
    assert s.getvalue() == "a-1!"
    t = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    print("caf\u00e9", file=t)
    t.flush()
    assert t.buffer.getvalue() == b"caf\xe9\n"
    old = sys.stdout
    sys.stdout = io.StringIO()
    try:
        print("captured")
        assert sys.stdout.getvalue() == "captured\n"
    finally:
        sys.stdout = old


for name, fn in list(globals().items()):
    if name.startswith("test_") and callable(fn):
        fn()
