# Python classes built on the io hierarchy: a RawIOBase with readinto/write under
# BufferedReader/BufferedWriter/TextIOWrapper, IOBase's derived readline and iteration,
# BufferedIOBase's readinto from read(), and subclasses of StringIO, BytesIO and TextIOWrapper.
import io


class Source(io.RawIOBase):
    """Gives its data out a few bytes at a time, as a pipe or socket would."""
    def __init__(self, data, step=3):
        self.data, self.pos, self.step, self.calls = data, 0, step, 0
    def readable(self):
        return True
    def readinto(self, b):
        self.calls += 1
        n = min(len(b), self.step, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self):
        return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)


src = Source(b"first line\nsecond line\nthird")
print(src.read(4), src.read(), src.read(), src.readable(), src.writable(), src.seekable())
src = Source(b"first line\nsecond line\nthird")
print(src.readline(), list(src))
print(src.readall(), src.closed)
src.close()
print(src.closed)
try:
    src.read()
except ValueError as e:
    print("ValueError", e)

br = io.BufferedReader(Source(b"abc\ndefgh\nij" * 3), buffer_size=4)
print(br.read(2), br.readline(), br.peek(1)[:1], br.read1(5), br.read())
tw = io.TextIOWrapper(io.BufferedReader(Source("h\u00e9llo\nw\u00f6rld\n".encode("utf-8"), 1)), encoding="utf-8")
print(tw.readline(), tw.read(), tw.readable(), tw.seekable())

sink = Sink()
bw = io.BufferedWriter(sink, buffer_size=8)
print(bw.write(b"abc"), bw.write(b"defghij"), sink.chunks)
bw.write(b"0123456789abcdef")
bw.flush()
print(sink.chunks)
tw = io.TextIOWrapper(io.BufferedWriter(Sink()), encoding="utf-8", line_buffering=True)
tw.write("no newline")
print(tw.buffer.raw.chunks)
tw.write(" now\n")
print(tw.buffer.raw.chunks, tw.line_buffering)
tw.reconfigure(line_buffering=False)
tw.write("later\n")
print(tw.buffer.raw.chunks)
tw.flush()
print(tw.buffer.raw.chunks)


class Lines(io.IOBase):
    def __init__(self, data):
        self.data = data
    def read(self, n=-1):
        r, self.data = self.data[:1], self.data[1:]
        return r
    def readable(self):
        return True


print(list(Lines(b"a\nbb\nccc")))
print(Lines(b"xyz\n").readlines())


class Chunky(io.BufferedIOBase):
    def read(self, n=-1):
        return b"Q" * min(n, 4)


buf = bytearray(6)
print(Chunky().readinto(buf), buf)


class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())


u = Upper()
print("hello", "there", file=u)
u.writelines(["a", "b\n"])
print(repr(u.getvalue()), isinstance(u, io.TextIOBase), type(u).__mro__[1].__name__)


class Tagged(io.BytesIO):
    tag = "T"
    def __init__(self, data):
        super().__init__(data)
        self.extra = 1


t = Tagged(b"xy\nz")
print(t.read(1), t.tag, t.extra, list(t), t.getvalue())


class Counting(io.TextIOWrapper):
    written = 0
    def write(self, s):
        Counting.written += len(s)
        return super().write(s)


c = Counting(io.BytesIO(), encoding="utf-8")
print("abc", 12, file=c)
c.flush()
print(Counting.written, c.buffer.getvalue())
print(issubclass(io.BytesIO, io.BufferedIOBase), issubclass(io.StringIO, io.TextIOBase), isinstance(Source(b""), io.RawIOBase))
print(io.BufferedReader.__mro__[1].__name__, io.TextIOWrapper.__module__, io.IOBase.__module__)
