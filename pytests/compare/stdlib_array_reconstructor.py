"""array pickling through array._array_reconstructor (protocol 3+), and memoryview of arrays (format, item access, assignment, bytes-like use by base64/binascii)."""
import array, pickle, base64, binascii
from array import _array_reconstructor as rec
a = array.array('i', [1, -2, 3])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    b = pickle.loads(pickle.dumps(a, proto))
    print(proto, b, type(b).__name__, a.__reduce_ex__(proto)[0].__name__)
class Sub(array.array): pass
s = Sub('d', [1.5, 2.5]); s.x = 7
t = pickle.loads(pickle.dumps(s, 4)); print(type(t).__name__, t, t.x)
print(rec(array.array, 'l', 5, b'\x00\x01\x80\x00'))
print(rec(array.array, 'L', 7, b'\x00\x00\x00\x01'))
print(rec(array.array, 'd', 17, b'?\xf0\x00\x00\x00\x00\x00\x00'))
print(rec(array.array, 'u', 19, 'hé'.encode('utf-16-be')))
for args in [("", "b", 0, b""), (str, "b", 0, b""), (array.array, "b", '', b""), (array.array, "b", 0, ""),
             (array.array, "?", 0, b""), (array.array, "b", -1, b""), (array.array, "b", 22, b""), (array.array, "d", 16, b"a")]:
    try: rec(*args)
    except Exception as e: print(type(e).__name__, e)
m = memoryview(array.array('h', [1, 2, 3]))
print(m.format, m.itemsize, m.nbytes, m.tolist(), m[1], len(m))
m[0] = 300; m[2] = -5
print(m.obj)
try: m[0] = 1 << 20
except Exception as e: print(type(e).__name__, e)
try: m[0] = 1.5
except Exception as e: print(type(e).__name__, e)
mu = memoryview(array.array('u', 'ab')); print(mu.format, mu.itemsize)
try: mu[0]
except Exception as e: print(type(e).__name__, e)
print(base64.b64encode(array.array('B', b'abc')), base64.b64decode(array.array('B', b'YWJj')))
print(binascii.hexlify(array.array('H', [0x102, 0x304])))
print(bytes(memoryview(array.array('f', [1.0]))))
md = memoryview(array.array('d', [0.5, 1.5])); md[1] = 2; print(md.tolist(), md.cast('B').nbytes)
