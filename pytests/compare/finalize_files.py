# A file object dropped without close() still writes its data (CPython flushes and closes
# it when it dies); checked after gc.collect().
import gc
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
gc.collect()
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), "rb") as f:
        data = f.read()
    print(name, len(data), data[:20])
    os.remove(os.path.join(d, name))
os.rmdir(d)
