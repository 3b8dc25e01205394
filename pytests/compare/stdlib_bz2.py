# bz2 over _bz2: one-shot and incremental compression, max_length/needs_input, multi-stream
# data, BZ2File, tarfile .bz2, and the errors.
import bz2, io, os, tarfile, tempfile

data = b"".join(b"%d bottles of beer on the wall\n" % i for i in range(3000))
for level in (1, 5, 9):
    c = bz2.compress(data, level)
    print(level, len(c), c[:4], bz2.decompress(c) == data)
print(bz2.decompress(bz2.compress(b"one")+ bz2.compress(b"two")), bz2.decompress(b""), len(bz2.compress(b"")))

comp = bz2.BZ2Compressor(3)
parts = [comp.compress(data[i:i + 5000]) for i in range(0, len(data), 5000)]
parts.append(comp.flush())
stream = b"".join(parts)
print(len(stream), [len(p) for p in parts][:3], bz2.decompress(stream) == data)

d = bz2.BZ2Decompressor()
out = d.decompress(stream[:100])
print(len(out), d.needs_input, d.eof)
out += d.decompress(stream[100:] + b"trailing")
print(len(out) == len(data), d.eof, d.unused_data, d.needs_input)

d = bz2.BZ2Decompressor()
pieces = [d.decompress(stream, 1000)]
print(len(pieces[0]), d.needs_input, d.eof)
while not d.eof:
    pieces.append(d.decompress(b"", 30000))
print(b"".join(pieces) == data, len(pieces), [len(p) for p in pieces][:4])
d = bz2.BZ2Decompressor()
print(d.decompress(stream, 0), d.needs_input)

def err(f, *a):
    try:
        f(*a); print("ok")
    except Exception as e:
        print(type(e).__name__, e)
err(bz2.BZ2Compressor, 0)
err(bz2.BZ2Compressor, 10)
err(bz2.decompress, b"not bzip2 data")
err(bz2.decompress, stream[:-10])
err(bz2.BZ2Decompressor().decompress, "str")
c = bz2.BZ2Compressor(); c.flush()
err(c.flush)
err(c.compress, b"x")
d = bz2.BZ2Decompressor(); d.decompress(bz2.compress(b"x"))
err(d.decompress, b"more")
import pickle
err(pickle.dumps, bz2.BZ2Compressor())

tmp = tempfile.mkdtemp()
p = os.path.join(tmp, "f.bz2")
with bz2.open(p, "wt", encoding="utf-8") as f:
    f.write("text line\n" * 1000)
with bz2.BZ2File(p) as f:
    print(f.readline(), len(f.read()), f.seekable())
with open(p, "ab") as f:
    f.write(bz2.compress(b"appended stream\n"))
with bz2.open(p, "rb") as f:
    print(f.read()[-16:])
tp = os.path.join(tmp, "t.tar.bz2")
with tarfile.open(tp, "w:bz2") as t:
    t.add(p, arcname="f.bz2")
with tarfile.open(tp) as t:
    print(t.getnames(), t.extractfile("f.bz2").read()[:3])
os.unlink(p); os.unlink(tp); os.rmdir(tmp)
