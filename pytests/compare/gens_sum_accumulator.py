# sum() keeps an exact-int or float total unboxed while it can: every switch between that and
# the general `+` must give CPython's values and types, from a generator (driven by the loop)
# and from a list (pulled by the native).
import sys

class I(int):
    def __add__(self, o): return I(int(self) + int(o) + 1000)
    __radd__ = __add__

class F(float):
    def __radd__(self, o): return "F.radd(%r)" % (o,)

big = sys.maxsize
cases = [
    ("ints", [1, 2, 3], None),
    ("overflow up", [big, 1, 1], None),
    ("overflow down", [-big, -2, -3], None),
    ("back from big", [big, big, -big, -big, 5], None),
    ("bools", [True, True, False, 3], None),
    ("int then float", [1, 2.5, 3], None),
    ("float start", [1, 2, 3], 0.5),
    ("float + huge int", [1.0, 2 ** 53 + 1, 3], None),
    ("float + int past 2**53", [0.5, 2 ** 60 + 12345], None),
    ("float + bigger than long", [1.5, 10 ** 30], None),
    ("neg zero", [-0.0], None),
    ("neg zero start", [-0.0], -0.0),
    ("inf nan", [1.0, float("inf"), -float("inf"), 2], None),
    ("int subclass item", [1, I(2), 3], None),
    ("int subclass start", [1, 2], I(10)),
    ("float subclass radd", [1.0, F(2.0)], None),
    ("complex", [1, 2j, 0.5], None),
    ("lists", [[1], [2, 3]], []),
    ("fractions-like", [0.1] * 10, None),
    ("empty", [], None),
    ("empty start", [], 7.25),
]

def show(v):
    return "%s %r" % (type(v).__name__, v)

for name, items, start in cases:
    from_gen = sum((x for x in items), start) if start is not None else sum(x for x in items)
    from_list = sum(items, start) if start is not None else sum(items)
    print(name, show(from_gen), show(from_list))

try:
    sum(x for x in [1, 2, "a"])
except TypeError as e:
    print("TypeError", e)
try:
    sum(x for x in [1.5, "a"])
except TypeError as e:
    print("TypeError", e)
print(sum(x for x in range(1000000) if x % 7))
print(sum(x * 0.5 for x in range(100001)))
