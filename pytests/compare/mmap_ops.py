# mmap: anonymous and file-backed maps, the file-like methods, the sequence/slice protocol,
# the buffer (bytes, memoryview, re), resize/move/flush/madvise, access modes and errors.
import mmap, os, re, tempfile


def t(f, *args, **kw):
    try:
        return repr(f(*args, **kw))
    except Exception as e:
        return f"{type(e).__name__}: {e}"


print(t(mmap.mmap, -1, 0))
m = mmap.mmap(-1, 10)
print(repr(m), len(m), m.write(b"ab\ncd"), m.tell(), m[:], m.seek(0), m.readline(), m.tell())
print(t(m.size))   # anonymous: fstat(-1) in CPython 3.11
print(t(m.seek, 11), t(m.__getitem__, 10), t(m.__getitem__, -11), m[-1], t(m.__setitem__, 0, 256))
print(t(m.__setitem__, 0, b"a"), t(m.__setitem__, slice(0, 2), b"a"), t(m.__delitem__, 0), t(m.__getitem__, "a"))
print(t(m.write_byte, 300), t(m.write_byte, -1), t(m.resize, 20), len(m), m[:])
print(t(m.move, 0, 5, 10), t(m.move, 0, 5, 3), m[:8], t(m.flush, 0, 100), t(m.flush), t(m.flush, 4096 * 10))
print(t(m.madvise, mmap.MADV_NORMAL, 100), t(m.madvise, mmap.MADV_NORMAL, 0, -1), t(m.madvise, mmap.MADV_NORMAL), t(m.madvise, mmap.MADV_WILLNEED, 0, 5))
m.close()
m.close()
print(repr(m), m.closed, t(m.__getitem__, 0), t(len, m), t(m.read), t(m.write, b"x"), t(m.tell))

print(t(lambda: mmap.mmap(-1, 10, access=5)), t(lambda: mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ)))
print(t(mmap.mmap, -1, -1), t(lambda: mmap.mmap(-1, 10, offset=-1)))
r = mmap.mmap(-1, 10, access=mmap.ACCESS_READ)
print(repr(r), t(r.write, b"a"), t(r.__setitem__, 0, 1), t(r.resize, 3), t(r.move, 0, 1, 1), t(r.write_byte, 1), t(r.flush))
print(r == r, r != r, mmap.mmap.__module__, mmap.mmap.__name__, type(r).__name__, isinstance(r, mmap.mmap))

m = mmap.mmap(-1, 6)
m[:] = b"abcdef"
print(m[::2], m[-1], m[-2:], m[5:1:-1], m[10:20], m[::-1])
m[::2] = b"XYZ"
print(m[:], m.find(b"Y"), m.find(b"Y", -3), m.rfind(b"Z", 0, 5), m.find(b"", 7), m.rfind(b""), m.find(b"c", 1, -1), t(m.find, b"d", None), m.find(b"d", 2**40), t(m.find, b"d", 2**70))
print(m.read(2), m.read(-1), m.read(), m.read(None), t(m.read, "a"), t(m.read_byte))
m.seek(-2, 2)
print(m.tell(), m.read_byte(), t(m.seek, 1, 3), t(m.seek, -1), b"Y" in m, 89 in m, list(m), bytes(m))
m.seek(2)
print(m.find(b"Y"), m.rfind(b"X"), m.find(bytearray(b"Zf")), m.find(memoryview(b"d")))

# The buffer: bytes(), memoryview (writable unless ACCESS_READ), re, struct, hashlib.
m = mmap.mmap(-1, 32)
m.write(b"key=value; other=thing; x=1")
mv = memoryview(m)
print(len(mv), mv.readonly, bytes(mv[:3]), mv[0], mv.tobytes()[:9])
mv[0:3] = b"KEY"
print(m[:10], [x.group(0) for x in re.finditer(rb"\w+=\w+", m)], re.search(rb"other=(\w+)", m).group(1))
mv.release()
import hashlib, struct
print(hashlib.sha1(m).hexdigest(), struct.unpack_from("<I", m, 4))
ro = mmap.mmap(-1, 8, access=mmap.ACCESS_READ)
print(memoryview(ro).readonly, t(memoryview(ro).__setitem__, 0, 1))

# File-backed maps: shared writes reach the file, ACCESS_COPY ones do not, offsets, resize.
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data")
    with open(path, "wb") as f:
        f.write(b"0123456789" * 1000)
    with open(path, "r+b") as f:
        print(t(mmap.mmap, f.fileno(), 20000), t(mmap.mmap, f.fileno(), 0, offset=20000))
        with mmap.mmap(f.fileno(), 0) as fm:
            print(len(fm), fm.size(), fm[:12], fm.find(b"789", 100), repr(fm)[:60])
            fm[0:5] = b"HELLO"
            fm.flush()
            fm.resize(12000)
            print(len(fm), fm.size(), os.path.getsize(path))
            fm[11998:12000] = b"!!"
        print(open(path, "rb").read()[:10], open(path, "rb").read()[-4:])
        cm = mmap.mmap(f.fileno(), 100, access=mmap.ACCESS_COPY)
        cm[:5] = b"xxxxx"
        print(cm[:7], open(path, "rb").read()[:7], t(cm.resize, 10), t(cm.flush))
        cm.close()
        om = mmap.mmap(f.fileno(), 4096, offset=mmap.ALLOCATIONGRANULARITY)
        print(len(om), om[:4], repr(om).split(",")[-1], t(mmap.mmap, f.fileno(), 10, offset=1))
        om.close()
        rm = mmap.mmap(f.fileno(), 10, prot=mmap.PROT_READ)
        print(repr(rm).split(",")[1], t(rm.write, b"z"))
        rm.close()
    with open(path, "wb"):
        pass
    with open(path, "rb") as f:
        print(t(mmap.mmap, f.fileno(), 0))

class Sub(mmap.mmap):
    pass
s = Sub(-1, 4)
s.attr = 5
print(repr(s), s.attr, len(s))
with mmap.mmap(-1, 3) as cmgr:
    pass
print(cmgr.closed, mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY, mmap.error is OSError)
print(sorted((k, v) for k, v in vars(mmap).items() if k.isupper()))
