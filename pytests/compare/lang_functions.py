# Functions: defaults, keyword-only, positional-only, *args/**kwargs, closures, nonlocal, recursion.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))

def g(x, y, /, z=0, *, w=1):
    return x + y + z + w

print(g(1, 2), g(1, 2, 3, w=10))
try:
    g(x=1, y=2)
except TypeError as e:
    print("TypeError:", e)

def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c = counter()
print(c(), c(), c(5))

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in make_adders()])

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))

def outer():
    x = 1
    def middle():
        def inner():
            return x + 1
        return inner()
    return middle()
print(outer())

def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper

@deco
def hello(name):
    return "hello " + name
print(hello("world"))

args = (1, 2)
kwargs = {"c": 3}
print(f(*args, **kwargs))
print((lambda *a, **k: (a, k))(1, 2, x=3))
print(f.__name__, f.__defaults__, f.__kwdefaults__)
