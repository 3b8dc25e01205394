# Decorators: plain, with arguments, stacked, class decorators, memoization.
calls = []
def trace(fn):
    def wrapper(*a, **k):
        calls.append(fn.__name__)
        return fn(*a, **k)
    wrapper.__name__ = fn.__name__
    return wrapper
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@trace
def add(a, b):
    return a + b
@repeat(3)
def hello(name):
    return "hi " + name
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
@trace
@repeat(2)
def sq(x):
    return x * x
print(add(2, 3), add.__name__, hello("bo"), fib(80), len(fib.cache), sq(4), calls)
registry = {}
def register(name):
    def deco(cls):
        registry[name] = cls
        cls.tag = name
        return cls
    return deco
@register("circle")
class Circle:
    pass
@register("square")
class Square:
    pass
print(sorted(registry), Circle.tag, registry["square"] is Square)
def validate(**types):
    def deco(fn):
        def wrapper(**kw):
            for k, t in types.items():
                if not isinstance(kw[k], t):
                    raise TypeError(k + " must be " + t.__name__)
            return fn(**kw)
        return wrapper
    return deco
@validate(x=int, s=str)
def combine(x, s):
    return s * x
print(combine(x=3, s="ab"))
try:
    combine(x="3", s="ab")
except TypeError as e:
    print("TE", e)
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.count = 0
    def __call__(self, *a):
        self.count += 1
        return self.fn(*a)
@CountCalls
def double(x):
    return 2 * x
print(double(1), double(5), double.count)
def once(fn):
    done = []
    def w():
        if not done:
            done.append(fn())
        return done[0]
    return w
@once
def setup():
    print("setup ran")
    return 42
print(setup(), setup())
