# Abstract-style base classes by convention, super() in classmethods, property() calls, closures' cells.
class Shape:
    registry = {}
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Shape.registry[cls.__name__.lower()] = cls
    def area(self):
        raise NotImplementedError(type(self).__name__ + ".area")
    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())
    @classmethod
    def make(cls, kind, *args):
        return cls.registry[kind](*args)
class Rect(Shape):
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
class Square(Rect):
    def __init__(self, s): super().__init__(s, s)
    @classmethod
    def make(cls, kind, *args):
        obj = super().make(kind, *args)
        obj.tagged = True
        return obj
class Blob(Shape):
    pass
for kind, args in [("rect", (2, 3)), ("square", (4,)), ("blob", ())]:
    s = Shape.make(kind, *args)
    try:
        print(s.describe())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
sq = Square.make("square", 5)
print(sq.area(), getattr(sq, "tagged", False), sorted(Shape.registry))
class Temp:
    def __init__(self): self._t = 0
    def get_t(self): return self._t
    def set_t(self, v): self._t = max(v, -273)
    t = property(get_t, set_t, None, "temperature")
tp = Temp(); tp.t = -500
print(tp.t, Temp.t.__doc__)
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
print(add5(1), add5.__closure__[0].cell_contents, make_adder.__code__.co_name if hasattr(make_adder, "__code__") else "make_adder")
class Static:
    @staticmethod
    def s(x): return x * 3
    @classmethod
    def c(cls): return cls.__name__
class Child(Static):
    pass
print(Static.s(2), Static().s(3), Child.c(), Child().c())
class Chain:
    def __init__(self): self.ops = []
    def add(self, n): self.ops.append("+%d" % n); return self
    def mul(self, n): self.ops.append("*%d" % n); return self
    def __str__(self): return " ".join(self.ops)
print(Chain().add(1).mul(2).add(3))
