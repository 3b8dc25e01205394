# collections.deque: every method, maxlen, mutation during iteration, reprs, operators,
# __reduce__, subclasses; printed for comparison with CPython 3.11.
import copy
from collections import deque

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

d = deque(range(5))
d.append(5); d.appendleft(-1)
print(d, len(d), d[0], d[-1], d[3])
print(d.pop(), d.popleft(), d)
d.extend("ab"); d.extendleft("xy")
print(d)
d.rotate(); print(d)
d.rotate(-3); print(d)
d.rotate(100); print(d)
d.rotate(0); print(d)
d.reverse(); print(d)
d.insert(2, "I"); d.insert(-1, "J"); d.insert(100, "K"); d.insert(-100, "L"); print(d)
d.remove("I"); print(d)
print(d.count("a"), d.index("x"), d.index(3, 2), d.index(3, -9, -1))
del d[1]; d[0] = "zero"; print(d)
print("a" in d, "q" in d, bool(deque()), bool(d))
print(d.copy() == d, d.copy() is d, copy.copy(d), copy.deepcopy(d))
d.clear(); print(d, len(d))

# maxlen
m = deque(range(10), maxlen=3)
print(m, m.maxlen, deque().maxlen)
m.append(10); print(m)
m.appendleft(-1); print(m)
m.extend(range(20, 25)); print(m)
m.extendleft("abc"); print(m)
z = deque("abc", maxlen=0); z.append(1); z.appendleft(2); print(z, len(z))
show("insert full", lambda: m.insert(0, 1))
show("maxlen neg", lambda: deque(maxlen=-1))
show("maxlen str", lambda: deque([], maxlen="a"))
show("too many", lambda: deque([], 2, 3))
show("kw", lambda: deque(iterable=[1, 2], maxlen=1))
try:
    m.maxlen = 3
except AttributeError:
    print("maxlen is read-only")

# errors
e = deque([1, 2, 3])
show("pop empty", lambda: deque().pop())
show("popleft empty", lambda: deque().popleft())
show("str index", lambda: e["a"])
show("range", lambda: e[3])
show("neg range", lambda: e[-4])
show("set range", lambda: e.__setitem__(5, 1))
show("del range", lambda: e.__delitem__(5))
show("index missing", lambda: e.index(7))
show("index stop", lambda: e.index(3, 0, 2))
show("remove missing", lambda: e.remove(7))
show("concat list", lambda: e + [1])
show("not iterable", lambda: deque(1))
show("slice", lambda: e[1:2])
print(deque.__hash__)

# mutation while iterating
for op in ["d.reverse()", "d[0] = 5", "d.rotate(1)", "d.append(1)", "d.pop()", "d.clear()",
           "d.extend([])", "d.remove(1)", "d.insert(0, 9)", "del d[0]", "d.count(1)", "d *= 1", "d += []"]:
    d = deque([1, 2, 3]); it = iter(d); next(it)
    exec(op)
    try:
        print(op, list(it))
    except RuntimeError as ex:
        print(op, "RuntimeError", ex)
        show("  again", lambda: next(it))

class Evil:
    def __init__(self, d): self.d = d
    def __eq__(self, other):
        self.d.clear()
        return False
d = deque([1, 2, 3]); show("evil contains", lambda: Evil(d) in d)
d = deque([1, 2, 3]); show("evil count", lambda: d.count(Evil(d)))
d = deque([1, 2, 3]); show("evil remove", lambda: d.remove(Evil(d)))

# operators and comparisons
a, b = deque([1, 2]), deque([1, 3])
print(a + b, a * 2, 2 * a, a * 0, a * -1, deque("ab", 3) * 3, deque("abc", 4) * 5)
print(a < b, a <= b, a == b, a != b, a > b, a >= b, a == [1, 2], deque() == deque())
c = deque([1]); c += [2, 3]; c *= 2; print(c)
c += c; print(c)
c.extend(c); print(len(c))
print(list(reversed(deque("abc"))), list(deque("abc")))
r = deque(); r.append(r); print(r)
print(deque[int], deque.__module__, deque.__name__)
print(type(iter(deque())).__name__, type(reversed(deque())).__name__)
it = iter(deque([1, 2, 3])); next(it); print(it.__length_hint__(), list(it))

# __reduce__ (pickle itself is tested in colls_pickle.py) is tested in colls_pickle.py)
def rebuild(obj):
    cls, args, state, items = obj.__reduce__()
    new = cls(*args)
    if state:
        new.__dict__.update(state)
    for x in items:
        new.append(x)
    return new
for p in [deque([1, "a", (2,)]), deque(range(5), maxlen=3), deque()]:
    q = rebuild(p)
    print(q, q.maxlen, q == p, type(q).__name__)
it = iter(deque("abcd")); next(it)
f, a = it.__reduce__()
print(f.__name__, a, list(f(*a)))
print(deque([1], 2).__reduce__()[:3])

# subclasses
class D(deque):
    pass
s = D("abc", 5)
s.tag = 1
print(s, repr(D()), s.copy(), type(s.copy()).__name__, s + deque("x"), type(s * 2).__name__, s.maxlen)
print(s.__reduce__()[:3])
q = rebuild(s); print(q, q.tag, type(q).__name__)
class E(deque):
    def __init__(self, it=(), n=None, extra=0):
        super().__init__(it, n)
        self.extra = extra
print(E([1, 2]).copy(), isinstance(E(), deque))

# a long queue
big = deque()
for i in range(100000):
    big.append(i)
total = 0
while len(big) > 1:
    total += big.popleft()
    if total % 3 == 0:
        big.append(total % 1000)
print(total, len(big))
big = deque(range(1000)); big.rotate(337); print(big[0], big[-1], big[500])
for i in range(0, 1000, 7):
    big.insert(i, -i)
for i in range(0, 500, 3):
    del big[i]
print(sum(big), len(big), big[123], big[-321])
