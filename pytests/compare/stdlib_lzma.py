# lzma over _lzma: .xz / .lzma / raw formats, presets, checks, filter chains, incremental
# decompression with max_length, LZMAFile, tarfile .xz, zipfile's ZIP_LZMA members, errors.
import io, lzma, os, tarfile, tempfile, zipfile

data = b"".join(b"record %06d: %s\n" % (i, b"abcdefgh"[: i % 8] * 3) for i in range(4000))
for preset in (0, 1, 6, 9 | lzma.PRESET_EXTREME):
    c = lzma.compress(data, preset=preset)
    print(preset, len(c), c[:6].hex(), lzma.decompress(c) == data)
for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    c = lzma.compress(data, check=check)
    d = lzma.LZMADecompressor()
    print(check, len(c), d.decompress(c) == data, d.check, d.eof, lzma.is_check_supported(check))
alone = lzma.compress(data, format=lzma.FORMAT_ALONE)
print(len(alone), alone[:5].hex(), lzma.decompress(alone) == data, lzma.decompress(alone, lzma.FORMAT_ALONE) == data)
filters = [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 3, "dict_size": 1 << 20, "lc": 2, "mf": lzma.MF_BT4, "mode": lzma.MODE_NORMAL}]
raw = lzma.compress(data, format=lzma.FORMAT_RAW, filters=filters)
print(len(raw), lzma.decompress(raw, format=lzma.FORMAT_RAW, filters=filters) == data)
x86 = lzma.compress(data, filters=[{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2}])
print(len(x86), lzma.decompress(x86) == data)
print(lzma.decompress(lzma.compress(b"one") + lzma.compress(b"two")))
err_empty = None
try:
    lzma.decompress(b"")
except lzma.LZMAError as e:
    print("LZMAError", e)

comp = lzma.LZMACompressor()
parts = [comp.compress(data[i:i + 7000]) for i in range(0, len(data), 7000)] + [comp.flush()]
stream = b"".join(parts)
print(lzma.decompress(stream) == data)
d = lzma.LZMADecompressor()
chunks = [d.decompress(stream, 500)]
print(len(chunks[0]), d.needs_input, d.eof, d.check)
while not d.eof:
    chunks.append(d.decompress(b"", 40000))
print(b"".join(chunks) == data, [len(c) for c in chunks][:3])
d = lzma.LZMADecompressor()
print(len(d.decompress(stream + b"junk")), d.unused_data, d.needs_input)
d = lzma.LZMADecompressor()
half = d.decompress(stream[:len(stream) // 2])
print(d.needs_input, d.eof, len(half) + len(d.decompress(stream[len(stream) // 2:])) == len(data))

props = lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1, "preset": 6})
print(props, lzma._decode_filter_properties(lzma.FILTER_LZMA1, props))
print(lzma._decode_filter_properties(lzma.FILTER_LZMA2, lzma._encode_filter_properties({"id": lzma.FILTER_LZMA2, "dict_size": 1 << 16})))
print(lzma._decode_filter_properties(lzma.FILTER_DELTA, lzma._encode_filter_properties({"id": lzma.FILTER_DELTA, "dist": 9})))

def err(f, *a, **k):
    try:
        f(*a, **k); print("ok")
    except Exception as e:
        print(type(e).__name__, e)
err(lzma.decompress, b"not xz data at all")
err(lzma.decompress, stream[:-20])
err(lzma.LZMACompressor, format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32)
err(lzma.LZMACompressor, preset=1, filters=filters)
err(lzma.LZMACompressor, format=lzma.FORMAT_RAW)
err(lzma.LZMACompressor, format=9)
err(lzma.LZMACompressor, format=lzma.FORMAT_ALONE, filters=filters)
err(lzma.LZMACompressor, filters=[{"id": 12345}])
err(lzma.LZMACompressor, filters=[{"dist": 1}])
err(lzma.LZMACompressor, filters=[{"id": lzma.FILTER_LZMA2, "bogus": 1}])
err(lzma.LZMACompressor, filters=[{"id": lzma.FILTER_DELTA, "dict_size": 1}])
err(lzma.LZMACompressor, filters=[{"id": lzma.FILTER_LZMA2}] * 5)
err(lzma.LZMACompressor, filters=[5])
err(lzma.LZMACompressor, preset=99)
err(lzma.LZMADecompressor, format=lzma.FORMAT_RAW)
err(lzma.LZMADecompressor, format=lzma.FORMAT_RAW, memlimit=1000, filters=filters)
err(lzma.LZMADecompressor, filters=filters)
err(lzma.LZMADecompressor(memlimit=1024).decompress, stream)
c = lzma.LZMACompressor(); c.flush()
err(c.flush); err(c.compress, b"x")
d = lzma.LZMADecompressor(); d.decompress(lzma.compress(b"x"))
err(d.decompress, b"y")
import pickle
err(pickle.dumps, lzma.LZMADecompressor())

tmp = tempfile.mkdtemp()
p = os.path.join(tmp, "f.xz")
with lzma.open(p, "wt", encoding="utf-8", preset=1) as f:
    f.write("xz text\n" * 500)
with lzma.LZMAFile(p) as f:
    print(f.readline(), len(f.read()))
tp = os.path.join(tmp, "t.tar.xz")
with tarfile.open(tp, "w:xz") as t:
    t.add(p, arcname="f.xz")
with tarfile.open(tp) as t:
    print(t.getnames(), t.extractfile("f.xz").read()[:6])
zp = os.path.join(tmp, "z.zip")
with zipfile.ZipFile(zp, "w", compression=zipfile.ZIP_LZMA) as z:
    z.writestr("m.txt", data)
with zipfile.ZipFile(zp) as z:
    print(z.infolist()[0].compress_type, z.read("m.txt") == data, z.testzip())
for n in os.listdir(tmp):
    os.unlink(os.path.join(tmp, n))
os.rmdir(tmp)
