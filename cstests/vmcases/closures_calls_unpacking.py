# closures, nonlocal, defaults, kwargs
def outer():
    x = 1
    def inner(y=2, *args, z=3, **kw):
        nonlocal x
        x += y
        return x, args, z, sorted(kw.items())
    return inner
f = outer()
print(f())
print(f(10, 20, 30, z=5, k=1, a=2))
print(f.__name__, f.__qualname__, f.__defaults__, f.__kwdefaults__)
try:
    f(1, z=2, zz=3, **{'z': 4})
except TypeError as e:
    print(e)
def g(a, b, /, c, *, d): return a, b, c, d
print(g(1, 2, 3, d=4), g(1, 2, c=3, d=4))
for bad in [lambda: g(1), lambda: g(1, 2, 3), lambda: g(a=1, b=2, c=3, d=4), lambda: g(1,2,3,4,d=5)]:
    try: bad()
    except TypeError as e: print(e)
# comprehensions
print([x * y for x in range(3) for y in range(3) if x != y])
print({k: v for k, v in zip("abc", range(3))})
print(sorted([x % 3 for x in range(10)]))
print(list(x for x in range(5) if x & 1))
# unpacking
a, *b, c = range(6)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
print(*[1, 2], *(3,), sep="-")
d = {**{'a': 1}, 'b': 2, **dict(c=3)}
print(d)
# while/else, for/else, break/continue
i = 0
while i < 10:
    i += 1
    if i == 3: continue
    if i == 7: break
else:
    print("no")
print(i)
for j in range(3):
    pass
else:
    print("for-else", j)
# string formatting
name = "w"
print("a-5")
# global
G = 0
def incg():
    global G
    G += 1
incg(); incg()
print(G)
# conditional expression, chained comparison, boolean ops
print(1 < 2 < 3, 1 < 3 < 2, 0 or "x", 1 and 0, not None)
# lambda with default
fs = [lambda i=i: i for i in range(3)]
print([fn() for fn in fs])
