# classes: inheritance, super, properties, classmethod/staticmethod, slots, descriptors
class Base:
    count = 0
    def __init__(self, v):
        self.v = v
        Base.count += 1
    def describe(self):
        return f"Base({self.v})"
    @property
    def double(self):
        return self.v * 2
    @double.setter
    def double(self, x):
        self.v = x // 2
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def helper(x):
        return x + 1
    def __repr__(self):
        return f"<{type(self).__name__} {self.v}>"
    def __eq__(self, other):
        return isinstance(other, Base) and self.v == other.v
    __hash__ = None

class Child(Base):
    def __init__(self, v, w=0):
        super().__init__(v)
        self.w = w
    def describe(self):
        return "Child+" + super().describe()

c = Child.make(5)
print(c, c.describe(), c.double, Base.helper(1), c.helper(2), Base.count)
c.double = 20
print(c.v, c == Child(10), c != Child(10), c == 3)
try:
    hash(c)
except TypeError as e:
    print(e)
print(Child.__mro__, Child.__bases__, Child.__name__, Child.__qualname__)
print(isinstance(c, Base), issubclass(Child, Base), issubclass(Base, Child))

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1
s = Slotted()
print(s.a)
try:
    s.b
except AttributeError as e:
    print(e)
try:
    s.c = 3
except AttributeError as e:
    print(e)

class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return f"desc:{self.name}"
class UsesDesc:
    attr = Desc()
print(UsesDesc().attr, type(UsesDesc.attr).__name__)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['tag'] = kw.get('tag', 'none')
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a):
        print("Meta call", cls.__name__)
        return super().__call__(*a)
class WithMeta(metaclass=Meta, tag='x'):
    pass
w = WithMeta()
print(WithMeta.tag, type(WithMeta).__name__, type(w).__name__)

class InitSub:
    subs = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        InitSub.subs.append((cls.__name__, kw))
class S1(InitSub, flavor=1): pass
class S2(S1): pass
print(InitSub.subs)

class GA:
    def __getattr__(self, name):
        return "X" + name
ga = GA()
ga.real = 1
print(ga.real, ga.missing)

class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o): return Num(o + self.v)
    def __lt__(self, o): return self.v < o.v
    def __iter__(self): return iter([self.v, self.v])
    def __len__(self): return 2
    def __getitem__(self, i): return i * 10
    def __call__(self, x): return x * self.v
    def __bool__(self): return self.v != 0
    def __contains__(self, x): return x == self.v
print((Num(1) + 2).v, (3 + Num(1)).v, Num(1) < Num(2), list(Num(4)), len(Num(0)), Num(0)[3], Num(3)(4), bool(Num(0)), 3 in Num(3))
print(sorted([Num(3), Num(1), Num(2)], key=lambda n: n.v)[0].v, max([Num(3), Num(5)]).v)
class Abstract:
    def m(self): raise NotImplementedError
try:
    Abstract().m()
except NotImplementedError:
    print("NIE")
print(type(3), type("s"), type(None), type(type))
