# collections.defaultdict, namedtuple (on _tuplegetter), Counter (on _count_elements) and
_string's parsers (string.Formatter is in compare_pending/colls_string.py until re imports); printed for comparison with CPython 3.11.
import copy
from collections import defaultdict, namedtuple, Counter, OrderedDict
import _collections
import _string

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

d = defaultdict(list)
d["a"].append(1); d["a"].append(2); d["b"]
print(d, d["a"], len(d), "c" in d, d.get("c"), d.default_factory)
n = defaultdict(); show("no factory", lambda: n["x"]); print(n, n.default_factory)
show("bad factory", lambda: defaultdict(1))
print(defaultdict(None, {1: 2}, x=3), defaultdict(int, [(1, 2)]), defaultdict(int, a=1))
c = defaultdict(int, {"k": 1})
c2 = c.copy(); c2["z"] += 5
print(c, c2, type(c2).__name__, copy.copy(c), copy.deepcopy(c))
print(c.__reduce__()[:4], list(c.__reduce__()[4]))
c.default_factory = str; print(c["new"] == "", c)
c.default_factory = None; show("after None", lambda: c["missing"])
print(d | {"q": 9}, {"q": 9} | d, type(d | {}).__name__, type({} | d).__name__)
d |= {"r": 1}; print(d)
r = defaultdict(list); r.default_factory = r.copy
print(defaultdict(lambda: 0).__repr__().startswith("defaultdict(<function <lambda>"))
class DD(defaultdict):
    def __missing__(self, key):
        return "missing " + str(key)
dd = DD(int); print(dd["x"], dd, type(dd.copy()).__name__)
class DD2(defaultdict):
    pass
x = DD2(list); x[1].append(2); print(x, x.copy(), type(x.copy()).__name__)
print(defaultdict[str, int], isinstance(d, dict), defaultdict.__module__)
rec = defaultdict(int); rec.default_factory = rec.__getitem__ if False else None
print(rec)

# namedtuple
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p.y, p._asdict(), p._replace(x=5), P._fields, P._make([3, 4]), p == (1, 2))
print(type(P.x).__name__, P.x.__doc__, P.x.__get__(None, P) is P.x)
show("set", lambda: setattr(p, "x", 3))
show("del", lambda: P.x.__delete__(p))
show("wrong obj", lambda: P.x.__get__([1], list))
show("short", lambda: P.y.__get__((1,), tuple))
tg = _collections._tuplegetter(1, "doc"); print(tg.__doc__, tg.__get__((5, 6)), tg.__reduce__()[1])
tg.__doc__ = "new"; print(tg.__doc__)
Q = namedtuple("Q", ["a", "b", "c"], defaults=[0, 1], rename=False)
print(Q(9), Q(9, 8, 7), Q.__new__.__defaults__)

# Counter
cn = Counter("abracadabra")
print(cn.most_common(3), sorted(cn.items()), cn["z"], cn.total())
cn.update("aaa"); cn.subtract("bb"); print(sorted(cn.items()))
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3) - Counter(a=5), sorted((Counter("aab") | Counter("bbc")).items()))
m = {}; _collections._count_elements(m, "hello"); print(m)
class Weird(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
w = Weird(); _collections._count_elements(w, "aab"); print(w)
od = OrderedDict(); _collections._count_elements(od, [3, 1, 3]); print(od)
show("count bad", lambda: _collections._count_elements({}, 5))

# _string and string.Formatter / Template
print(list(_string.formatter_parser("a{0}b{x!r:>{w}}c{{d}}{}")))
print(list(_string.formatter_parser("")), list(_string.formatter_parser("plain")))
first, rest = _string.formatter_field_name_split("obj.attr[0][key].z")
print(first, list(rest))
first, rest = _string.formatter_field_name_split("12[3]")
print(repr(first), list(rest))
show("bad parse", lambda: list(_string.formatter_parser("a{")))
show("bad parse2", lambda: list(_string.formatter_parser("}")))
show("bad split", lambda: list(_string.formatter_field_name_split("a[0]x")[1]))
