# zlib: one-shot and streaming compression, wbits (zlib/raw/gzip/auto), dictionaries,
# flush modes, max_length, checksums, copies, and the errors CPython gives.
import zlib

data = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(2000))
print(len(data), zlib.crc32(data), zlib.adler32(data), zlib.crc32(b""), zlib.adler32(b""))
print(zlib.crc32(b"abc", 12345), zlib.crc32(b"abc", -1), zlib.adler32(b"abc", 2**40 + 7), zlib.crc32(bytearray(b"xy")), zlib.crc32(memoryview(b"xyz")[1:]))
for level in range(-1, 10):
    c = zlib.compress(data, level)
    assert zlib.decompress(c) == data
    print("level", level, len(c), c[:2].hex())
print(zlib.compress(b"hello") == zlib.compress(b"hello", level=-1, wbits=15))
for wbits in (9, 12, 15, -9, -15, 25, 31):
    c = zlib.compress(data, 6, wbits)
    back = zlib.decompress(c, wbits)
    auto = zlib.decompress(c, 47) if wbits > 0 else None
    print("wbits", wbits, len(c), back == data, auto == data if auto is not None else "-")
print(zlib.decompress(zlib.compress(data), bufsize=1) == data, zlib.decompress(zlib.compress(b"")) == b"")
print(zlib.decompress(zlib.compress(b"abc") + b"trailing garbage"))

# streaming
co = zlib.compressobj(9, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush(zlib.Z_SYNC_FLUSH))
print("sync flush tail", parts[-1][-4:].hex())
parts.append(co.flush(zlib.Z_FULL_FLUSH))
parts.append(co.compress(b"more"))
parts.append(co.flush())
stream = b"".join(parts)
print(len(stream), zlib.decompress(stream, -12) == data + b"more")
print(co.flush(zlib.Z_NO_FLUSH))
for mode in (zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_BLOCK, zlib.Z_FINISH):
    c2 = zlib.compressobj()
    a = c2.compress(b"abcabcabc" * 10)
    b = c2.flush(mode)
    rest = c2.flush() if mode != zlib.Z_FINISH else b""
    print("mode", mode, len(a), len(b), zlib.decompress(a + b + rest) == b"abcabcabc" * 10)

do = zlib.decompressobj()
c = zlib.compress(data) + b"EXTRA"
out = b""
pieces = 0
for i in range(0, len(c), 777):
    out += do.decompress(c[i:i + 777])
    pieces += 1
print(out == data, do.eof, do.unused_data, do.unconsumed_tail, pieces)
print(do.decompress(b"after"), do.unused_data)

# max_length and unconsumed_tail
do = zlib.decompressobj()
got = do.decompress(zlib.compress(data), 100)
print(len(got), len(do.unconsumed_tail) > 0, do.eof)
chunks = [got]
while do.unconsumed_tail:
    chunks.append(do.decompress(do.unconsumed_tail, 5000))
chunks.append(do.flush())
print(b"".join(chunks) == data, do.eof, [len(x) for x in chunks[:4]])
do = zlib.decompressobj()
head = do.decompress(zlib.compress(data), 10)
rest = do.flush()
print(head + rest == data, do.eof, do.unconsumed_tail)

# gzip wrapper through wbits
co = zlib.compressobj(wbits=31)
gz = co.compress(data) + co.flush()
print(gz[:3].hex(), zlib.decompress(gz, 31) == data, zlib.decompressobj(47).decompress(gz) == data)

# dictionaries
zd = b"the quick brown fox jumps over the lazy dog"
co = zlib.compressobj(zdict=zd)
cd = co.compress(b"the lazy dog and the quick fox") + co.flush()
print(len(cd), zlib.decompressobj(zdict=zd).decompress(cd))
try:
    zlib.decompress(cd)
except zlib.error as e:
    print("error", e)
try:
    zlib.decompressobj().decompress(cd)
except zlib.error as e:
    print("error", e)
co = zlib.compressobj(wbits=-15, zdict=bytearray(zd))
raw = co.compress(b"quick brown fox") + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=memoryview(zd)).decompress(raw))

# copies
co = zlib.compressobj()
pre = co.compress(b"shared prefix ")
c1 = co.copy()
a = pre + co.compress(b"first") + co.flush()
b = pre + c1.compress(b"second") + c1.flush()
print(zlib.decompress(zlib.compress(b"x")), zlib.decompress(a)[-5:], zlib.decompress(b)[-6:])
do = zlib.decompressobj()
z = zlib.compress(data)
do.decompress(z[:500])
d2 = do.copy()
print(do.decompress(z[500:]) == d2.decompress(z[500:]))
import copy
print(type(copy.copy(zlib.compressobj())).__name__, type(copy.deepcopy(zlib.decompressobj())).__name__)

# errors
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("no error", r)
    except Exception as e:
        print(type(e).__name__, e)
err(zlib.decompress, b"not zlib data at all")
err(zlib.decompress, zlib.compress(data)[:-10])
err(zlib.decompress, b"")
err(zlib.decompress, zlib.compress(b"x"), 3)
err(zlib.decompress, b"x", bufsize=-1)
err(zlib.compress, b"x", 10)
err(zlib.compress, b"x", 6, 100)
err(zlib.compress, "text")
err(zlib.compress, data=b"x")
err(zlib.compressobj, 5, 9)
err(zlib.compressobj, memLevel=0)
err(zlib.compressobj, zdict="str")
err(zlib.decompressobj, 100)
err(zlib.decompressobj, zdict=12)
err(zlib.decompressobj().decompress, b"x", -1)
err(zlib.decompressobj().flush, 0)
err(zlib.decompressobj().decompress, b"\x78\x9c\xff\xff\xff")
err(zlib.crc32, "abc")
err(zlib.crc32, b"a", 1.5)
co = zlib.compressobj(); co.compress(b"abc"); co.flush()
err(co.compress, b"more")
err(co.flush)
err(co.copy)
do = zlib.decompressobj(); do.decompress(zlib.compress(b"abc")); do.flush()
err(do.copy)
err(do.decompress, b"x")
print(zlib.Z_DEFAULT_COMPRESSION, zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION,
      zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_FINISH, zlib.Z_BLOCK, zlib.Z_TREES)
print(type(zlib.compressobj()), type(zlib.decompressobj()), zlib.error, issubclass(zlib.error, Exception))
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.__version__)
print(hasattr(zlib, "Compress"), hasattr(zlib, "Decompress"))
