# Files through open(): modes, text and binary reads and writes, seek/tell, newline handling,
# encodings, attributes and the errors CPython raises. Files live under /tmp.
import io

BASE = "/tmp/_stackless_io_files_"


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


p = BASE + "a.txt"
with open(p, "w") as f:
    print(type(f).__name__, f.name, f.mode, f.encoding, f.errors, f.line_buffering, f.closed)
    print(type(f.buffer).__name__, f.buffer.mode, type(f.buffer.raw).__name__, f.buffer.raw.mode, f.buffer.raw.closefd)
    print(f.write("line one\n"), f.write("line two\nline three"), f.tell())
    f.writelines(["\n", "four\n"])
print(f.closed, f.buffer.closed)
show("read closed", f.read)
show("write closed", lambda: f.write("x"))

with open(p) as f:
    print(repr(f.read()))
with open(p) as f:
    print([line for line in f])
with open(p) as f:
    print(f.readline(), f.readline(4), f.readline(100), f.readlines())
with open(p) as f:
    print(f.readlines(10))
with open(p) as f:
    print(repr(f.read(5)), f.tell(), repr(f.read(3)))
    pos = f.tell()
    rest = f.read()
    f.seek(pos)
    print(f.read() == rest, f.seek(0, 2), repr(f.read()))
    show("seek cur", lambda: f.seek(3, 1))
    show("seek end", lambda: f.seek(-1, 2))
    show("seek neg", lambda: f.seek(-1))
    show("bad whence", lambda: f.seek(0, 5))
    show("write on r", lambda: f.write("x"))

# binary
with open(p, "rb") as f:
    print(f.read(4), f.peek(2)[:2], f.read1(3), f.readline(), f.tell())
    b = bytearray(5)
    print(f.readinto(b), b, f.seek(-3, 2), f.read(), f.read(), f.tell())
    show("binary write", lambda: f.write(b"x"))
with open(p, "rb", buffering=0) as f:
    print(type(f).__name__, f.read(3), f.readall()[:5], f.read(10), f.seekable(), f.readable(), f.writable())

# append, exclusive, r+, w+, truncate
with open(p, "a") as f:
    print(f.tell(), f.write("tail"))
with open(p, "rb") as f:
    print(f.read()[-10:])
show("x on existing", lambda: open(p, "x"))
with open(p, "r+") as f:
    print(repr(f.read(4)))
    f.seek(0)
    f.write("LINE")
    f.seek(0)
    print(repr(f.readline()))
    print(f.truncate(10), f.tell())
    f.seek(0)
    print(repr(f.read()))
with open(p, "w+b") as f:
    print(f.write(b"0123456789"), f.seek(3), f.read(2), f.tell(), f.truncate(), f.seek(0, 2))
    f.seek(0)
    print(f.read())
with open(p, "wb") as f:
    print(f.write(bytearray(b"abc")), f.write(memoryview(b"def")))
    show("write str", lambda: f.write("x"))
print(open(p, "rb").read())

# newline translation
with open(p, "w", newline="") as f:
    f.write("a\nb\r\nc\rd")
print(open(p, "rb").read())
with open(p) as f:
    print(repr(f.read()), f.newlines)
with open(p, newline="") as f:
    print(list(f), f.newlines)
with open(p, newline="\r") as f:
    print(list(f))
with open(p, newline="\r\n") as f:
    print(list(f))
with open(p, "w", newline="\r\n") as f:
    f.write("x\ny\n")
print(open(p, "rb").read())
show("bad newline", lambda: open(p, newline="x"))

# encodings
with open(p, "w", encoding="utf-8") as f:
    f.write("h\u00e9llo \u20ac \U0001f600\n")
print(open(p, "rb").read())
with open(p, encoding="utf-8") as f:
    print(f.read(2), f.tell(), f.read(4), f.read())
with open(p, encoding="latin-1") as f:
    print(repr(f.read()))
with open(p, encoding="ascii") as f:
    show("ascii strict", f.read)
with open(p, encoding="ascii", errors="replace") as f:
    print(repr(f.read()))
with open(p, "w", encoding="latin-1") as f:
    f.write("caf\u00e9")
    show("latin-1 euro", lambda: f.write("\u20ac"))
print(open(p, "rb").read())
with open(p, "w", encoding="utf-16") as f:
    f.write("ab")
    f.write("c")
print(open(p, "rb").read())
print(open(p, encoding="utf-16").read())
with open(p, "w", encoding="cp1252") as f:
    f.write("\u20ac5")
print(open(p, "rb").read(), open(p, encoding="cp1252").read())
show("unknown encoding", lambda: open(p, encoding="nope"))

# tell/seek cookies in the middle of multi-byte text
with open(p, "w", encoding="utf-8") as f:
    f.write("\u00e9\u00e9\u00e9\n" * 3000)
with open(p, encoding="utf-8") as f:
    f.read(5000)
    c = f.tell()
    a = f.read(7)
    f.seek(c)
    print(f.read(7) == a, repr(a))
    f.seek(0)
    f.readline()
    print(f.tell())

# errors of open()
for args in [("/nonexistent/dir/x",), ("/tmp",), ("/tmp", "w"), (p, "rw"), (p, "rbt"), (p, "q"), (p, "b"), (1.5,)]:
    try:
        open(*args)
    except Exception as e:
        print(type(e).__name__, getattr(e, "errno", None), getattr(e, "filename", None), e)
for kw in [dict(mode="rb", encoding="utf-8"), dict(mode="rb", newline="\n"), dict(mode="r", buffering=0)]:
    try:
        open(p, **kw)
    except ValueError as e:
        print("ValueError", e)

# FileIO directly, fd sharing, closefd
raw = io.FileIO(p, "w")
print(raw.name, raw.mode, raw.closefd, raw.write(b"xyz"), raw.tell(), raw.seekable(), raw.isatty())
raw.close()
print(raw.closed, repr(raw))
show("fileio closed read", raw.read)
r = io.FileIO(p)
f2 = open(r.fileno(), "rb", closefd=False)
print(f2.name == r.fileno(), f2.read())
f2.close()
print(r.closed, r.read())
r.close()
show("fileio bad mode", lambda: io.FileIO(p, "rw"))
show("fileio neg fd", lambda: io.FileIO(-1))
show("closefd name", lambda: io.FileIO(p, closefd=False))

# opener: returns a descriptor the new file then owns
holders = []
def opener(path, flags):
    holders.append(io.FileIO(path, "r"))
    return holders[-1].fileno()
with open(p, "rb", opener=opener) as f:
    print(f.read(), f.raw.closefd)
try:
    holders[0].close()
except OSError as e:
    print("second close:", type(e).__name__, e.errno)
show("opener not int", lambda: open(p, opener=lambda path, flags: "x"))
show("opener negative", lambda: open(p, opener=lambda path, flags: -2))

# large writes and reads through the buffer
with open(p, "wb") as f:
    for i in range(1000):
        f.write(bytes([i % 256]) * 37)
with open(p, "rb") as f:
    data = f.read()
print(len(data), data[:3], data[-3:], sum(data) % 1000)
with open(p, "rb") as f:
    chunks = []
    while True:
        c = f.read(10000)
        if not c:
            break
        chunks.append(len(c))
print(chunks)

for name in ["a.txt"]:
    try:
        import os
        os.unlink(BASE + name)
    except ImportError:
        open(BASE + name, "w").close()
