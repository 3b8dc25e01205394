# A file object dropped without close() still writes its data (CPython flushes and closes
# it when it dies); checked after gc.collect().
import gc
import io
import os
import tempfile

d = tempfile.mkdtemp()


def write_text(name, text, **kw):
    f = open(os.path.join(d, name), "w", **kw)
    f.write(text)


def write_bytes(name, data):
    open(os.path.join(d, name), "wb").write(data)


write_text("a.txt", "hello\n" * 3)
write_text("b.txt", "x" * 100000)
write_text("c.txt", "line buffered\npending", buffering=1)
write_bytes("d.bin", bytes(range(256)) * 4)
# many dropped at once: each file's layers close in order (text, buffer, FileIO)
for i in range(60):
    write_text("many%02d.txt" % i, "data %d\n" % i * 50)
# a wrapper made by hand over an open buffer closes it when dropped
b = open(os.path.join(d, "e.txt"), "wb")
t = io.TextIOWrapper(b, encoding="ascii")
t.write("wrapped text")
del t, b
# detach() gives the buffer back: the dropped wrapper no longer closes it, the buffer does
t = open(os.path.join(d, "f.txt"), "w")
t.write("before detach;")
b = t.detach()
del t
gc.collect()
b.write(b" after detach")
del b
gc.collect()
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), "rb") as f:
        data = f.read()
    if not name.startswith("many") or name.endswith(("00.txt", "59.txt")):
        print(name, len(data), data[:20])
    elif len(data) != len("data %d\n" % int(name[4:6])) * 50:
        print("short", name, len(data))
    os.remove(os.path.join(d, name))
os.rmdir(d)
