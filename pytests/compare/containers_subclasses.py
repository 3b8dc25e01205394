# Subclasses of the container types and user keys with __hash__/__eq__, compared with CPython 3.11.
class L(list): pass
class T(tuple): pass
class D(dict): pass
class S(set): pass
class F(frozenset): pass
l = L([1, 2]); t = T((1, 2)); d = D(a=1); s = S([1]); f = F([1, 2])
print(repr(l), repr(t), repr(d), repr(s), repr(f), type(f | {3}).__name__, type({3} | f).__name__, type(f.copy()).__name__)
print(l == [1, 2], t == (1, 2), d == {"a": 1}, s == {1}, f == frozenset([1, 2]), hash(f) == hash(frozenset([1, 2])))
print(type(l * 2).__name__, type(t + t).__name__, type(d.copy()).__name__, type(s & s).__name__, type(F()).__name__, F() == frozenset())
l.extra = 1; d.extra = 2; s.extra = 3
print(l.extra, d.extra, s.extra, list(reversed(t)), sorted(f), D.fromkeys("ab", 0))
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __repr__(self): return f"K({self.v})"
print({K(1): 1, K(1): 2}, {K(2), K(2), K(3)}, K(3) in {K(3)}, [K(1)].index(K(1)), (K(1),).count(K(1)))
print(sorted([K(2), K(1)], key=lambda k: k.v), max([3, 1, 2]), min((3, 1, 2)), sum([1, 2, 3]), any([]), all(()))
