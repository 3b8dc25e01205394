# The loop's inline call paths (plain functions, methods, class instantiation with a Python
# __init__, returns into a Python caller) and the quickened instructions must behave as the
# generic ones: every case here runs each form several times, so the caches are filled first
# and then hit, and then the thing they cached is changed under them.
import sys
import traceback


def add(a, b):
    return a + b


def pick(n):
    return n if n < 2 else -n


def with_default(a, b=10):
    return a + b


def kwonly(a, *, k):
    return a * k


def outer(x):
    def inner(y):
        return x + y
    return inner


def gen(n):
    for i in range(n):
        yield i


print("plain", [add(i, 1) for i in range(3)], [pick(i) for i in range(4)])
print("defaults", [with_default(i) for i in range(3)], with_default(1, 2), with_default(b=1, a=2))
print("kw", [kwonly(i, k=3) for i in range(3)], add(b="x", a="y"))
print("closure", [outer(i)(10) for i in range(3)])
print("generator", [list(gen(i)) for i in range(3)])

# wrong argument counts still raise the binder's errors
for bad in [(), (1,), (1, 2, 3)]:
    try:
        add(*bad) if len(bad) != 1 else add(bad[0])
    except TypeError as e:
        print("TypeError", e)

# a function's code replaced under the call site
def f1(a):
    return ("f1", a)


def two(a, b):
    return ("two", a, b)


for i in range(3):
    print(f1(i))
f1.__code__ = two.__code__
try:
    f1(1)
except TypeError as e:
    print("after code swap:", e)
print(f1(1, 2))


# methods, shadowed by an instance attribute after the cache was filled
class A:
    def m(self):
        return "method"

    def n(self, x):
        return ("n", x)


a = A()
print([a.m() for _ in range(3)], [a.n(i) for i in range(2)])
a.m = lambda: "instance attribute"
print(a.m(), A().m())
b = A()
b.other = 1
b.n = lambda x: ("shadow", x)
print(b.n(5), A().n(5), a.n(5))
del b.n
print(b.n(6))


class WithSlots:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def add(self, o):
        return WithSlots(self.x + o.x, self.y + o.y)


v = WithSlots(0, 0)
one = WithSlots(1, 2)
for _ in range(5):
    v = v.add(one)
print("slots", v.x, v.y, type(v).__name__)


# class instantiation
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


ps = [P(i, -i) for i in range(3)]
print("P", [(p.x, p.y) for p in ps], P(y=1, x=2).x)
try:
    P(1)
except TypeError as e:
    print("TypeError", e)


class BadInit:
    def __init__(self, x):
        return x


for i in range(2):
    try:
        BadInit(i)
    except TypeError as e:
        print("TypeError", e)
print(type(BadInit(None)).__name__)


class Replaced:
    def __init__(self, a):
        self.a = a


for i in range(3):
    print("before", Replaced(i).a)


def new_init(self, a, b=5):
    self.a = (a, b)


Replaced.__init__ = new_init
print("after", Replaced(1).a, Replaced(1, 2).a)


class WithNew:
    def __new__(cls, *args):
        o = super().__new__(cls)
        o.made = args
        return o

    def __init__(self, a):
        self.a = a


for i in range(3):
    w = WithNew(i)
    print("WithNew", w.made, w.a)


class Meta(type):
    calls = 0

    def __call__(cls, *args):
        Meta.calls += 1
        return super().__call__(*args)


class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print("meta", [M(i).a for i in range(3)], Meta.calls)


class Base:
    def __init__(self, a):
        self.a = ("base", a)


class Derived(Base):
    pass


print("inherited", [Derived(i).a for i in range(2)])


# a generator __init__ is a TypeError from __init__ returning a generator
class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print("TypeError", e)


# errors raised in called frames keep their tracebacks and lines
def failing(n):
    if n == 0:
        return undefined_name(n)
    return failing(n - 1)


for _ in range(2):
    try:
        failing(3)
    except NameError as e:
        tb = traceback.extract_tb(e.__traceback__)
        print("NameError", e, [(t.name, t.lineno) for t in tb])


# frames taken by sys._getframe are not reused by later calls
def keep():
    return sys._getframe()


f1 = keep()
f2 = keep()
print("frames", f1 is f2, f1.f_code.co_name, f1.f_lineno)


def depth():
    return depth() + 1


try:
    depth()
except RecursionError as e:
    print("RecursionError", e)


def countdown(n):
    return 0 if n == 0 else countdown(n - 1) + 1


print("countdown", countdown(500))


# comparisons fused with their jumps, with non-bool results and backward jumps
class Weird:
    def __lt__(self, o):
        return [1] if o else []


i = 0
while i < 5:
    i += 1
print("while", i, "yes" if Weird() < 1 else "no", "yes" if Weird() < 0 else "no")
x = 3.5
print("float", "lt" if x < 4.0 else "ge", "nan" if float("nan") < 1.0 else "not lt")
