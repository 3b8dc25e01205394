# _heapq, _bisect and binascii against CPython 3.11: results, heap layouts, errors.
import heapq, bisect, binascii
import _heapq, _bisect

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

print(heapq.heappush is _heapq.heappush, bisect.bisect is _bisect.bisect_right)
data = [(i * 7919) % 101 for i in range(60)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(10)], h[:10])
h2 = data[:]; heapq.heapify(h2); print(h2)
print(heapq.heapreplace(h2, 50), heapq.heappushpop(h2, -1), heapq.heappushpop(h2, 99), h2[:8])
m = data[:]; heapq._heapify_max(m); print(m[:10], heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m[:10])
print(heapq.nsmallest(5, data), heapq.nlargest(5, data), list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])))
print(heapq.nsmallest(3, data, key=lambda v: -v), heapq.nlargest(3, ["a", "ccc", "bb"], key=len))
show("pop empty", lambda: heapq.heappop([]))
show("replace empty", lambda: heapq.heapreplace([], 1))
show("not list", lambda: heapq.heappush((), 1))
show("heapify tuple", lambda: heapq.heapify((1, 2)))
show("uncomparable", lambda: heapq.heapify([1, "a", 2]))
class Grow:
    def __init__(self, h): self.h = h
    def __lt__(self, other):
        self.h.append(0)
        return True
g = [1, 2]; show("grows", lambda: heapq.heappush(g, Grow(g)))
print(heapq.heappushpop([], 5))

a = [1, 2, 2, 2, 3, 5, 8]
print([bisect.bisect_left(a, x) for x in range(10)], [bisect.bisect_right(a, x) for x in range(10)])
print(bisect.bisect(a, 2, 2), bisect.bisect_left(a, 2, 0, 3), bisect.bisect_right(a, 2, hi=-1), bisect.bisect_right(a, 2, lo=1, hi=2))
b = []; [bisect.insort(b, x) for x in data[:15]]; print(b)
c = []; [bisect.insort_left(c, x) for x in (3, 1, 2, 1)]; print(c)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("d", 4), key=lambda r: r[1]); print(recs)
show("neg lo", lambda: bisect.bisect(a, 1, -1))
show("no len", lambda: bisect.bisect(5, 1))
class Seq:
    def __init__(self): self.items = [1, 3, 5]
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def insert(self, i, x): self.items.insert(i, x)
s = Seq(); bisect.insort(s, 4); print(s.items, bisect.bisect(Seq(), 2))

for d in [b"", b"a", b"ab", b"abc", b"abcd", bytes(range(256))]:
    print(binascii.hexlify(d)[:40], binascii.b2a_base64(d)[:40], binascii.b2a_base64(d, newline=False)[-8:],
          binascii.crc32(d), binascii.crc32(d, 12345), binascii.crc_hqx(d, 0), binascii.crc_hqx(d, 0xffff), binascii.b2a_uu(d[:45]))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2), binascii.hexlify(b"\x01\x02\x03\x04\x05", "_", -2))
print(binascii.unhexlify(b"0aFf"), binascii.a2b_hex("00ff"), binascii.crc32(b"x", -1), binascii.b2a_uu(b"", backtick=True), binascii.b2a_uu(b"\x00\x00\x00", backtick=True))
print(binascii.a2b_uu(b""), binascii.a2b_uu(b"#86)C\n"), binascii.a2b_uu(b"$86)C"), binascii.a2b_uu(b" "))
show("odd", lambda: binascii.unhexlify(b"abc"))
show("nonhex", lambda: binascii.unhexlify(b"zz"))
show("nonascii", lambda: binascii.unhexlify("é0"))
show("hexstr", lambda: binascii.hexlify("ab"))
show("uu long", lambda: binascii.b2a_uu(b"x" * 46))
show("uu illegal", lambda: binascii.a2b_uu(b"#\x01\x02"))
show("uu trailing", lambda: binascii.a2b_uu(b"!86)Cxyz"))
for d in [b"", b"YQ", b"YQ=", b"YQ==", b"YQ===", b"Y", b"YWJj", b"YW Jj\n", b"YWJjZ", b"YWJjZA", b"=YWJj", b"YW=Jj", b"YQ==YQ==", b"a!b@c#d=", b"YWJjZA=x=", "YWJj", "\xe9"]:
    for strict in (False, True):
        show(repr(d) + " " + str(strict), lambda: binascii.a2b_base64(d, strict_mode=strict))
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__mro__[1])
