# _functools: partial (flattening, repr, __reduce__/__setstate__), reduce, cmp_to_key;
# printed for comparison with CPython 3.11.
from functools import partial, reduce, cmp_to_key
import functools
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)
p = partial(print, 1, sep='-')
print(repr(p), p.func, p.args, p.keywords)
q = partial(p, 2, end='!\n'); print(repr(q)); q(3)
class P(partial): pass
r = P(max, 1); print(repr(r), r(5))
show('nc', lambda: partial(1))
show('noarg', lambda: partial())
show('kw', lambda: partial(func=max))
print(p.__reduce__())
show('ss', lambda: partial(max).__setstate__(1))
show('ss2', lambda: partial(max).__setstate__((1,2)))
show('ss3', lambda: partial(max).__setstate__((max, [1], {}, None)))
x = partial(min); x.__setstate__((max, (1,), None, None)); print(repr(x), x.keywords, x(7))
x.__setstate__((max, (1,), {'key': abs}, {'a': 1})); print(repr(x), x.a, x.__dict__)
show('setattr', lambda: setattr(p, 'func', 1))
print(reduce(lambda a,b: a+b, [1,2,3]), reduce(lambda a,b: a+b, [], 5))
show('red', lambda: reduce(max, []))
show('red2', lambda: reduce(max, 5))
show('red3', lambda: reduce(max))
K = cmp_to_key(lambda a, b: a - b)
print(sorted([3,1,2], key=K), K(1) < K(2), K(1) == K(1), K(3).obj, type(K), type(K(1)))
show('kcmp', lambda: K(1) < 1)
print(type(K(1)).__hash__)
show('kcall', lambda: K())
print(partial[int])
pp = partial(p); pp.attr = 1; ppp = partial(pp, 5); print(repr(ppp))
rp = partial(print); rp.__setstate__((rp, (), {}, None)); print(repr(rp))

# functools built on them
import functools
@functools.lru_cache(maxsize=2)
def sq(x):
    return x * x
print([sq(i) for i in (1, 2, 1, 3, 1)], sq.cache_info())
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
pm = functools.partialmethod(lambda self, a, b: (a, b), 1)
class C:
    m = pm
print(C().m(2), functools.reduce(lambda a, b: a * b, range(1, 10)))
add = partial(lambda *a, **k: (a, sorted(k.items())), 1, x=1)
print(add(2, y=2), add(x=5), add.func.__name__, partial(add, 3, z=0)(4))
