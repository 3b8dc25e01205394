# Classes: inheritance, super, properties, class/static methods, __slots__, dunders, metaclasses.
class Base:
    count = 0
    def __init__(self, name):
        self.name = name
        Base.count += 1
    def greet(self):
        return "Base " + self.name
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Child(Base):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def greet(self):
        return "Child/" + super().greet()
    @property
    def older(self):
        return self.age + 1
    @older.setter
    def older(self, v):
        self.age = v - 1
    @classmethod
    def make(cls, n):
        return cls(n, 0)
    @staticmethod
    def twice(x):
        return 2 * x

c = Child("ann", 7)
print(c, c.greet(), c.older, Base.count)
c.older = 20
print(c.age, Child.make("bob"), Child.twice(21), Base.count)
print(Child.__mro__)
print(isinstance(c, Base), issubclass(Child, Base), type(c) is Child)

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = Slotted()
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(s.b)
except AttributeError as e:
    print("AttributeError:", e)

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __len__(self):
        return 2
    def __iter__(self):
        yield self.x
        yield self.y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
v = Vec(1, 2) + Vec(3, 4)
print(v, 3 * v, v * 2, list(v), len(v), v == Vec(4, 6), {v: 1}[Vec(4, 6)])

class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)

class Registry:
    subclasses = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Registry.subclasses.append(cls.__name__)
class A(Registry): pass
class B(Registry): pass
print(Registry.subclasses)

class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        return "desc:" + self.name if obj is not None else self
class Holder:
    field = Desc()
print(Holder().field, type(Holder.field).__name__)

class Dyn:
    def __getattr__(self, name):
        return name.upper()
print(Dyn().hello)
