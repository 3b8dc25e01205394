# array.array: every typecode's conversions and range errors, sequence operations, slices,
# bytes round trips, comparisons and reprs; compared with CPython 3.11.
from array import array, typecodes, ArrayType
import struct

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

print(typecodes, ArrayType is array)
for tc in "bBhHiIlLqQ":
    for v in (2**64, -2**64, 2**31, -2**31 - 1, 40000, -40000, 256, -129, -1, 1.5, "x"):
        show(tc + " " + str(v)[:6], lambda: array(tc, [v]))
for tc in "fd":
    for v in ("x", 10**400, 1, 2.5, float("inf")):
        show(tc + " " + str(v)[:6], lambda: array(tc, [v]))
for tc in typecodes:
    a = array(tc, "abc" if tc == "u" else [1, 2, 3])
    print(tc, a.itemsize, a.typecode, a, a.tobytes(), a.tolist(), len(a), a[0], a[-1], a[::-1], a[1:], bytes(a))
show("u1", lambda: array("u", [1]))
show("u2", lambda: array("u", ["ab"]))
show("u3", lambda: array("u", "a\U0001F600c").tounicode())
show("bad tc", lambda: array("z"))
show("bad tc2", lambda: array(1))
show("bad tc3", lambda: array("bb"))
show("str init", lambda: array("b", "abc"))
show("uarr init", lambda: array("b", array("u", "ab")))
show("arr init", lambda: array("d", array("b", [1, 2])))
show("bytes init", lambda: array("h", b"\x01\x00\x02\x00"))
show("bytes odd", lambda: array("h", b"\x01\x00\x02"))
show("gen init", lambda: array("i", (x * x for x in range(5))))
a = array("i", [1, 2, 3])
show("add list", lambda: a + [1])
show("add other", lambda: a + array("d"))
show("slice set", lambda: a.__setitem__(slice(0, 1), [1]))
show("slice set2", lambda: a.__setitem__(slice(0, 1), array("d", [1])))
show("idx", lambda: a[5])
show("idx set", lambda: a.__setitem__(5, 1))
show("pop", lambda: array("i").pop())
show("pop2", lambda: a.pop(7))
show("remove", lambda: a.remove(9))
show("index", lambda: a.index(9))
show("tounicode", lambda: a.tounicode())
show("fromunicode", lambda: a.fromunicode("x"))
show("str idx", lambda: a["x"])
show("ext", lambda: a.extend(array("b")))
show("frombytes", lambda: array("i").frombytes(b"123"))
show("fromlist", lambda: a.fromlist((1,)))
b = array("i", [1, 2]); show("fromlist atomic", lambda: b.fromlist([3, "x"])); print(b)
print(repr(array("u", "ab")), repr(array("d")), repr(array("f", [1.5])))
print(a == array("d", [1, 2, 3]), a < array("i", [1, 3]), a == [1, 2, 3], array("b") == array("B"), a != a)
print(a * 2, 0 * a, a + array("i", [9]))
c = array("h", range(10))
c.append(10); c.insert(0, -1); c.insert(100, 11); c.insert(-2, 99); print(c)
print(c.pop(), c.pop(0), c.pop(-3), c.count(5), c.index(5), c.index(5, 2, 9), 5 in c, 50 in c)
c.remove(3); c.reverse(); print(c)
c[1:3] = array("h", [7, 7, 7]); print(c)
c[::2] = array("h", [0] * len(c[::2])); print(c)
del c[::3]; print(c)
del c[1:4]; print(c)
c[2:2] = c; print(c)
c += array("h", [5]); c *= 2; print(c, len(c))
show("ext slice size", lambda: c.__setitem__(slice(0, 10, 2), array("h", [1])))
d = array("I", [1, 0xDEADBEEF]); d.byteswap(); print(d, d.tobytes().hex())
e = array("d", [1.5, -2.25]); e.frombytes(array("d", [3.0]).tobytes()); print(e, e.buffer_info()[1], list(iter(e)))
print(struct.unpack("<3d", e), bytes(array("B", range(5))))
buf = array("b", [0] * 8); struct.pack_into("<hh", buf, 2, 258, -1); print(buf)
u = array("u", "hello"); u.fromunicode(" world"); u.append("!"); print(u, u.tounicode(), u[1], u[::2])
print(array("i", [1]).__reduce_ex__(2), array("i").__reduce_ex__(2)[:2], array.__module__, hasattr(array, "__class_getitem__"))
it = iter(array("b", [1, 2, 3])); next(it); print(it.__reduce__()[1:], list(it))
class A(array):
    pass
s = A("i", [4, 5]); s.x = 1; print(s, type(s + s).__name__, s.x, isinstance(s, array), s[::-1])
print(array.__hash__)
