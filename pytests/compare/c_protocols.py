# Container protocols: __len__, __getitem__, __iter__, __contains__, __setitem__, __call__.
class Range2:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("out of range")
        return i * 10
r = Range2(5)
print(len(r), r[2], r[-1], list(r), r[1:4], 30 in r, 35 in r, list(reversed(r)))
class Bag:
    def __init__(self):
        self.items = {}
    def __setitem__(self, k, v):
        self.items[k] = v
    def __getitem__(self, k):
        return self.items[k]
    def __delitem__(self, k):
        del self.items[k]
    def __contains__(self, k):
        print("contains?", k)
        return k in self.items
    def __iter__(self):
        return iter(sorted(self.items))
    def __len__(self):
        return len(self.items)
b = Bag()
b["x"] = 1; b["a"] = 2
print("x" in b, "q" in b, list(b), len(b), bool(b))
del b["x"]
print(list(b), b["a"])
try:
    b["zz"]
except KeyError as e:
    print("KE", e)
class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(4)), [x for x in Countdown(2)], sum(Countdown(10)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
class Poly:
    def __init__(self, *coef):
        self.coef = coef
    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.coef))
p = Poly(1, 0, 2)
print(p(0), p(3), list(map(p, [1, 2])), callable(p), callable(5))
class Empty:
    def __len__(self):
        return 0
print(bool(Empty()), "yes" if Empty() else "no")
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return "abc"[i]
print(list(Seq()), "b" in Seq(), list(enumerate(Seq())))
x, y, z = Seq()
print(x, y, z)
try:
    iter(5)
except TypeError as e:
    print("TE", e)
class Wrapper:
    def __init__(self, d):
        self.d = d
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: self.d[name[4:]]
        raise AttributeError(name)
w = Wrapper({"a": 1})
print(w.get_a(), hasattr(w, "zzz"), w.d)
