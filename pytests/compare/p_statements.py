# assert, del, pass, global in nested scopes, conditional defs, star unpacking in literals, lambda tricks.
def check(v):
    try:
        assert v > 0, "value must be positive, got %d" % v
        assert v != 5
        return "ok"
    except AssertionError as e:
        return "AssertionError(%s)" % e
print(check(1), check(-2), check(5))
x = 10
del x
try:
    x
except NameError as e:
    print("NameError:", e)
d = {"a": 1, "b": 2}
del d["a"], d["b"]
print(d)
if True:
    def pick():
        return "first"
else:
    def pick():
        return "second"
print(pick())
print([*range(3), *"ab"], {*range(3), 2}, {**{"a": 1}, "b": 2, **{"a": 3}}, (*[1], *[2]))
first, second, *_ = "xyzw"
print(first, second, _)
sq = lambda x: x * x
ops = {"sq": sq, "neg": lambda x: -x, "id": lambda x: x}
print({k: f(7) for k, f in sorted(ops.items())}, (lambda: (yield))().__class__.__name__)
def deep():
    def level1():
        def level2():
            global G
            G = "set deep"
        level2()
    level1()
deep()
print(G)
class Cfg:
    debug = False
    if debug:
        mode = "dbg"
    else:
        mode = "rel"
    for i in range(3):
        pass
    last = i
print(Cfg.mode, Cfg.last)
while False:
    pass
else:
    print("while-else runs")
for i in []:
    pass
else:
    print("for-else on empty")
try:
    pass
except Exception:
    print("no")
else:
    print("try-else")
n = 0
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    n += i
print(n)
print(1 if 0 else 2 if 0 else 3, not not "x", -(-5), +3, ~~7)
values = [3, 1, 2]
values.sort(key=lambda v: -v); print(values)
try:
    [3, 1, "a"].sort()
except TypeError as e:
    print("TE", e)
big = list(range(1000))
big.sort(key=lambda v: v % 3)
print(big[:5], big[333:337], big[-3:])
