# weakref.proxy forwards the number, sequence, mapping and iterator protocols, comparisons,
# bytes() and reversed() to its referent; it is unhashable; a proxy to a callable is a
# CallableProxyType that calls it (test_weakref's proxy cases).
import weakref, collections, operator
class C:
    def __init__(self, v): self.v = v
    def __add__(self, o): return "add"
    def __radd__(self, o): return "radd"
    def __floordiv__(self, o): return 42
    def __ifloordiv__(self, o): return 21
    def __index__(self): return 10
    def __lt__(self, o): return "lt"
    def __neg__(self): return "neg"
    def __bytes__(self): return b"bytes"
    def __str__(self): return "string"
o = C(1); p = weakref.proxy(o)
print(p + 1, 1 + p, p // 5, operator.index(p), p < 3, -p, bytes(p), str(p), "__bytes__" in dir(p))
q = p; q //= 5; print(q)
try: hash(p)
except TypeError as e: print(e)
print(callable(p), type(p).__name__, type(weakref.proxy(len)).__name__, weakref.proxy(len)("abc"))
L = collections.UserList(); lp = weakref.proxy(L)
lp.append(1); lp[:] = [2, 3]; lp[1] = 5; print(L, len(lp), 3 in lp, lp[1]); del lp[0]; print(L)
def gen():
    yield from [4, 5, 6]
it = gen()
class W:
    def __iter__(self): return weakref.proxy(it)
print(list(W()))
fn = lambda: 0
class A2:
    def __iter__(self): return weakref.proxy(fn)
try: list(A2())
except TypeError as e: print(e)
class R:
    def __len__(self): return 3
    def __reversed__(self): return iter("cba")
r = R(); print("".join(reversed(weakref.proxy(r))))
L2 = collections.UserList(L)
print(weakref.proxy(L) == weakref.proxy(L2), weakref.proxy(L) != weakref.proxy(L2))
