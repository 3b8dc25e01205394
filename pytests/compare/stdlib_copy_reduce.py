# object.__reduce_ex__ with protocol 2+: copyreg.__newobj__/__newobj_ex__, state from the
# instance dict and __slots__, list/dict subclass items, and what copy and pickle make of it.
import copy, copyreg, pickle

class Slotted:
    __slots__ = ("a", "b", "__weakref__")
    def __init__(self): self.a = 1
class Both(Slotted):
    def __init__(self): super().__init__(); self.b = 2; self.c = 3
class Plain:
    def __init__(self, x): self.x = x
class WithArgs:
    def __new__(cls, n, *, tag="t"):
        o = super().__new__(cls); o.n = n; o.tag = tag; return o
    def __getnewargs_ex__(self): return (self.n,), {"tag": self.tag}
class Pos(int):
    def __getnewargs__(self): return (int(self) + 0,)
class L(list): pass
class D(dict): pass

def show(r):
    f, args, *rest = r
    return (f.__name__, [a.__name__ if isinstance(a, type) else a for a in args], *[
        type(x).__name__ if "iterator" in type(x).__name__ else x for x in rest])

print(show(Slotted().__reduce_ex__(2)))
print(show(Both().__reduce_ex__(4)))
print(show(Plain(5).__reduce_ex__(3)))
print(show(WithArgs(7, tag="q").__reduce_ex__(4)))
print(show(L([1, 2]).__reduce_ex__(2)))
print(show(D(a=1).__reduce_ex__(2)))
print(Plain(5).__reduce_ex__(1)[0].__name__, Plain(5).__reduce__()[0].__name__)
print(object.__new__.__self__ is object, int.__new__.__self__ is int, hasattr(int.__add__, "__self__"))
print(Slotted().__getstate__(), Plain(1).__getstate__(), object().__reduce_ex__(2)[2])

b = copy.copy(Both())
print(b.a, b.b, b.c)
w = copy.deepcopy(WithArgs(3, tag="z"))
print(w.n, w.tag)
l = copy.deepcopy(L([[1], 2])); l.x = 9
print(type(l).__name__, l, copy.copy(l).x)
print(copy.copy(D(k=[1]))["k"], Pos(4).__reduce_ex__(2)[1][1])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    p = pickle.loads(pickle.dumps(Both(), proto)) if proto >= 2 else None
    q = pickle.loads(pickle.dumps(WithArgs(1, tag="x"), proto)) if proto >= 2 else None
    r = pickle.loads(pickle.dumps(Plain([1, 2]), proto))
    print(proto, p and (p.a, p.b, p.c), q and (q.n, q.tag), r.x)
try:
    pickle.dumps(Both(), 1)
except TypeError as e:
    print("TypeError", e)

class Overrides:
    def __reduce__(self): return (Overrides, ())
print(Overrides().__reduce_ex__(4)[0].__name__)
class BadArgs:
    def __getnewargs__(self): return [1]
try:
    BadArgs().__reduce_ex__(2)
except TypeError as e:
    print("TypeError", e)
print(len.__reduce__(), pickle.loads(pickle.dumps(len)) is len, pickle.loads(pickle.dumps([].append, 2)).__name__)
