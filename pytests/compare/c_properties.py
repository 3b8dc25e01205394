# Properties, __slots__, class/static methods, class attributes.
class Temp:
    scale = "C"
    count = 0
    def __init__(self, c):
        self._c = c
        Temp.count += 1
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = 0
    @property
    def fahrenheit(self):
        return self._c * 9 // 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 // 9)
    @staticmethod
    def valid(v):
        return v >= -273
t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 37
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("VE", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AE")
del t.celsius
print(t.celsius, Temp.from_f(212).celsius, Temp.valid(-500), t.valid(0), Temp.count)
print(type(Temp.__dict__["celsius"]).__name__, isinstance(Temp.from_f(32), Temp))
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x; self.y = y
p = P(1, 2)
p.x = 10
print(p.x, p.y, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError:
    print("no z")
class Q(P):
    __slots__ = ("z",)
q = Q(1, 2); q.z = 3
print(q.x, q.y, q.z)
class Shared:
    items = []
    def add(self, v):
        self.items.append(v)
s1, s2 = Shared(), Shared()
s1.add(1); s2.add(2)
print(Shared.items, s1.items is s2.items)
s1.items = ["own"]
print(s1.items, s2.items, Shared.items)
class Account:
    rate = 0.0
    def __init__(self, owner):
        self.owner = owner
print(getattr(Account("x"), "owner"), getattr(Account("x"), "nope", "dflt"))
a = Account("y"); setattr(a, "bal", 5); print(a.bal, vars(a))
delattr(a, "bal"); print(hasattr(a, "bal"))
