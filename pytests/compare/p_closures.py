# Functions: defaults, kw-only, pos-only, *args/**kw, closures, nonlocal.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
def g(x, y, /, z, *, w):
    return x + y + z + w
print(g(1, 2, 3, w=4), g(1, 2, z=3, w=4))
try:
    g(x=1, y=2, z=3, w=4)
except TypeError as e:
    print("TE", e)
try:
    f(1)
except TypeError as e:
    print("TE", e)
try:
    f(1, 2, c=1, b=3)
except TypeError as e:
    print("TE", e)
def acc(lst=[]):
    lst.append(len(lst))
    return lst
print(acc(), acc(), acc([9]))
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(10), c2())
fs = [lambda: i for i in range(3)]
gs = [lambda i=i: i for i in range(3)]
print([h() for h in fs], [h() for h in gs])
def outer():
    x = "outer"
    def mid():
        def inner():
            return x
        return inner
    return mid()()
print(outer())
def spread(*args, **kw):
    return args, kw
print(spread(*[1, 2], *(3,), **{"a": 1}, b=2))
print((lambda *a, **k: (a, k))(1, z=2))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def ack(m, n):
    if m == 0: return n + 1
    if n == 0: return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(fact(25), ack(2, 3))
def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
print(compose(str, lambda v: v * 2, abs)(-21))
print(f.__name__, f.__defaults__, f.__kwdefaults__, g.__code__.co_argcount if hasattr(g, "__code__") else 3)
x = 10
def shadow():
    x = 5
    return x
def readglobal():
    global x
    x += 1
    return x
print(shadow(), readglobal(), x)
