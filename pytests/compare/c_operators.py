# Operator overloading: arithmetic, reflected, in-place, comparisons, hash.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, int):
            return Vec(self.x * k, self.y * k)
        return NotImplemented
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return self.x * self.x + self.y * self.y
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __iadd__(self, o):
        self.x += o.x; self.y += o.y
        return self
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __bool__(self):
        return bool(self.x or self.y)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, abs(b), a == Vec(1, 2), a != b)
c = a
c += b
print(a, c is a)
print(len({Vec(1, 1), Vec(1, 1), Vec(2, 2)}), sorted([Vec(5, 5), Vec(0, 1), Vec(2, 2)]))
print(bool(Vec(0, 0)), bool(Vec(0, 1)), max(Vec(1, 1), Vec(3, 0)))
try:
    a + 1
except TypeError as e:
    print("TE", e)
try:
    a < 3
except (TypeError, AttributeError) as e:
    print("err", type(e).__name__)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, o):
        return Money(self.cents + (o.cents if isinstance(o, Money) else o))
    __radd__ = __add__
    def __str__(self):
        return "$%d.%02d" % divmod(self.cents, 100)
    def __format__(self, spec):
        return "[" + spec + ":" + str(self) + "]"
    def __le__(self, o):
        return self.cents <= o.cents
    def __ge__(self, o):
        return self.cents >= o.cents
print(sum([Money(150), Money(275), Money(5)]), format(Money(99), "x"), f"{Money(1000)!s}")
print(Money(1) <= Money(2), Money(3) >= Money(2), Money(1) >= Money(2))
class Bits:
    def __init__(self, v): self.v = v
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __invert__(self): return Bits(~self.v & 0xF)
    def __lshift__(self, n): return Bits((self.v << n) & 0xF)
    def __repr__(self): return "Bits(%s)" % bin(self.v)
    def __floordiv__(self, n): return Bits(self.v // n)
    def __mod__(self, n): return Bits(self.v % n)
    def __pow__(self, n): return Bits(self.v ** n)
x, y = Bits(0b1100), Bits(0b1010)
print(x & y, x | y, x ^ y, ~x, x << 1, x // 3, x % 5, Bits(3) ** 2)
class Eq:
    def __eq__(self, o):
        return "custom"
print(Eq() == 1, Eq() != 1, [Eq()] == [Eq()])
class Rev:
    def __radd__(self, o): return "radd:" + repr(o)
    def __rsub__(self, o): return "rsub:" + repr(o)
print(1 + Rev(), "s" - Rev() if False else 5 - Rev())
