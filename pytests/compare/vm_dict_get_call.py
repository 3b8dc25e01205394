# d.get(k[, default]) runs inline in CALL on an exact dict, and LOAD_METHOD skips the
# instance-dict check for exact list/dict/str: every other shape must behave as the
# generic call (subclasses, shadowing instance attributes, bad arguments, odd keys).
d = {1: "one", "two": 2, (3,): [3]}
for k in (1, "two", (3,), 4, 1.0, True, "missing"):
    print(repr(k), d.get(k), d.get(k, "dflt"))

counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)

for bad in (lambda: d.get(), lambda: d.get(1, 2, 3), lambda: d.get([1]), lambda: d.get({}, 0)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

print(dict.get(d, 1), dict.get(d, 9, "u"))

class D(dict):
    def get(self, k, default=None):
        return ("sub", k, default)
    def __missing__(self, k):
        return "never for get"
print(D(a=1).get("a"), D().get("x", 5))

class M(dict):
    def __missing__(self, k):
        return "missing!"
m = M(a=1)
print(m.get("a"), m.get("zz"), m["zz"])

class Key:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, other):
        print("eq called")
        return isinstance(other, Key) and other.v == self.v
kd = {Key(1): "k1"}
print(kd.get(Key(1)), kd.get(Key(2), "none"))

class BadHash:
    def __hash__(self): raise RuntimeError("no hash")
try:
    d.get(BadHash())
except RuntimeError as e:
    print("RuntimeError:", e)

# instance attributes shadow methods on subclasses of list/dict/str (not on the exact types)
class L(list): pass
l = L()
l.append = lambda x: print("shadowed append", x)
l.append(1)
print(list(l))
class DD(dict): pass
dd = DD()
dd.get = lambda *a: ("shadowed get",) + a
print(dd.get(1), dd.get(1, 2))
class S(str): pass
s = S("x")
s.upper = lambda: "shadowed upper"
print(s.upper(), "x".upper())
for obj in ([], {}, "s", l, dd, s):
    try:
        obj.nope = 1
    except AttributeError as e:
        print("AttributeError:", e)

# the same call site sees several types in turn
def call_get(o): return o.get("k", "d")
print([call_get(o) for o in ({"k": 1}, dd, {"z": 0}, DD(k=2), {"k": 3})])
