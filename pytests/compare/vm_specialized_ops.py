# The loop's BINARY_OP forms by operator (+, -, *, % and their in-place forms run small ints
# and floats inline, everything else as BINARY_OP), BUILD_SLICE, UNPACK_SEQUENCE's tuple fast
# path and its slow paths, and LOAD_GLOBAL/LOAD_METHOD out of their caches must behave as the
# generic instructions: boundaries of the inline cases, other operand types, errors, tracing.
import sys

BIG = 2 ** 63 - 1
SMALL = -2 ** 63
vals = [0, 1, -1, 7, -7, 2 ** 31 - 1, -2 ** 31, 2 ** 31, 2 ** 32 + 3, BIG, SMALL, 2 ** 70, -2 ** 70,
        True, False, 1.5, -0.0, float("inf"), 3 + 4j]


def ops(a, b):
    out = []
    for name, f in (("+", lambda: a + b), ("-", lambda: a - b), ("*", lambda: a * b), ("%", lambda: a % b)):
        try:
            r = f()
            out.append("%s%s" % (name, repr(r) if not isinstance(r, float) or r == r else "nan"))
        except Exception as e:
            out.append("%s%s" % (name, type(e).__name__))
    return out


for a in vals:
    for b in vals:
        print(repr(a), repr(b), type(a + 0 if not isinstance(a, complex) else a).__name__, *ops(a, b))


def inplace(a, b):
    x = a; x += b
    y = a; y -= b
    z = a; z *= b
    w = a
    try:
        w %= b
    except ZeroDivisionError:
        w = "zde"
    return x, y, z, w


for a, b in [(5, 3), (BIG, 1), (SMALL, 1), (2 ** 40, 2 ** 40), (-5, 3), (5, -3), (7.5, 2.0), (2, 0.5)]:
    print("inplace", a, b, inplace(a, b))

# other types reach the generic operator
print("str", "ab" + "cd", "ab" * 3, "%d-%s" % (4, "x"), "%s" % "s", "%r" % 1.5, "%d" % 3)
lst = [1]; alias = lst; lst += [2]; lst *= 2
print("list", lst, alias is lst, [1] + [2], [0] * 3, (1,) + (2,))
print("bytes", b"a" + b"b", b"%d" % 5, bytearray(b"x") * 2)
print("set", {1, 2} - {2}, frozenset({3}) - {3})


class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
    def __radd__(self, o): return N(o + self.v)
    def __sub__(self, o): return NotImplemented
    def __rsub__(self, o): return "rsub"
    def __mul__(self, o): return "mul"
    def __mod__(self, o): return "mod"
    def __rmod__(self, o): return "rmod"
    def __iadd__(self, o): self.v += 100; return self
    def __repr__(self): return "N(%r)" % self.v


class I(int):
    def __add__(self, o): return "I.add"
    def __radd__(self, o): return "I.radd"
    def __mod__(self, o): return "I.mod"


class S(str):
    def __rmod__(self, o): return "S.rmod"


n = N(1)
print("user", n + 1, 1 + n, n + n, 2 - n, n * 3, n % 2, 5 % n)
m = n; m += 1; print("iadd", m, n, m is n)
try:
    n - 1
except TypeError as e:
    print("TypeError", e)
print("int subclass", I(3) + 1, 1 + I(3), I(3) - 1, I(3) % 2, 7 % I(3), I(3) * 2)
print("str subclass", "%s" % S("x"), "a" % S("x"), S("ab") + "c", type(S("ab") + "c").__name__)
for bad in [lambda: 1 + "a", lambda: "a" - 1, lambda: [] % 2, lambda: None * 2, lambda: 1 % 0, lambda: 1.0 % 0.0]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# slices
s = "abcdefgh"
l = list(range(10))
print("slices", s[2:5], s[::-1], s[::2], s[-3:], s[:-3], s[1:7:3], l[2:5], l[::-2], l[5:2:-1], (1, 2, 3)[1:])
i, j = 1, 4
print("var slices", s[i:j], l[i:], l[:j], s[None:j], b"bytes"[i:j])
l[1:3] = ["x"]
del l[::3]
print("assigned", l)


class Sl:
    def __getitem__(self, k): return k


print("slice objects", Sl()[1:2], Sl()[::3], Sl()[1:2, 3], Sl()["a":])
try:
    s["a":]
except TypeError as e:
    print("TypeError", e)

# unpacking
a, b, c = (1, 2, 3)
d, e = [4, 5]
f, g = "fg"
h, k = iter((6, 7))
() = ()
[] = []
print("unpack", a, b, c, d, e, f, g, h, k)
for bad in [lambda: exec("a, b = (1, 2, 3)"), lambda: exec("a, b = (1,)"), lambda: exec("a, b = [1]"),
            lambda: exec("a, b = 5"), lambda: exec("a, = iter(())"), lambda: exec("a, b = iter((1, 2, 3))"),
            lambda: exec("() = (1,)")]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)


def gen_raises():
    yield 1
    raise KeyError("inside")


try:
    a, b = gen_raises()
except KeyError as ex:
    print("KeyError", ex)
for x, y in [(1, 2), (3, 4)]:
    print("loop unpack", x, y)

# globals out of the inline cache, and methods out of theirs
def uses_global():
    return missing_name


for _ in range(2):
    try:
        uses_global()
    except NameError as ex:
        print("NameError", ex)
missing_name = "now defined"
print(uses_global())
del missing_name
try:
    uses_global()
except NameError as ex:
    print("NameError", ex)
import math
print("module method", math.floor(2.5), "x".upper(), [3, 1, 2].index(2))
try:
    [].nosuch()
except AttributeError as ex:
    print("AttributeError", ex)


# tracing runs the compiled instructions: the same results and line events
def traced(a, b):
    x = a + b
    x -= 1
    y = x * 2 % 7
    s = "abc"[::-1]
    p, q = (x, y)
    return p + q, s


events = []


def tracer(frame, event, arg):
    if frame.f_code is traced.__code__:
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tracer


print("untraced", traced(3, 4), traced(2.5, 1.0))
sys.settrace(tracer)
r = traced(3, 4)
sys.settrace(None)
print("traced", r, events)
print("after", traced(BIG, 1))


# the inline int/float cases test the operand's exact class: a float subclass's operators,
# an int subclass or bool as a list index, and a subclass value that compares inline
class F(float):
    def __add__(self, o): return "F.add"
    def __rsub__(self, o): return "F.rsub"
    def __mul__(self, o): return "F.mul"
    def __lt__(self, o): return "F.lt"


f = F(2.5)
print("float subclass", f + 1.0, 1.0 - f, f * 2.0, 2.0 * f, f - 1.0, f % 2.0, f < 3.0, 3.0 > f, f == 2.5)
lst = [10, 20, 30]
print("index", lst[I(1)], lst[True], lst[False], lst[-1], lst[int("2")])
print("int subclass compare", I(5) < 7, I(5) == 5, 7 > I(5), I(2**70) > 2**69, type(I(5) * 2).__name__)
acc = 0
for v in [1, True, 2**64, I(3), 2.5, F(1.5)]:
    try:
        acc = acc + v
    except TypeError as e:
        acc = 0
    print("acc", repr(acc))
