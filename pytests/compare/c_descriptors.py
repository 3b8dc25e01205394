# Descriptors, __set_name__, __getattribute__, metaclasses.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.owner = owner.__name__
    def __init__(self, kind):
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s.%s must be %s" % (self.owner, self.name[1:], self.kind.__name__))
        setattr(obj, self.name, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ann", 30)
print(p.name, p.age, Person.name.name, Person.age.owner)
try:
    p.age = "old"
except TypeError as e:
    print("TE", e)
class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, cls):
        v = self.fn(obj)
        obj.__dict__[self.fn.__name__] = v
        return v
class Data:
    @Lazy
    def heavy(self):
        print("computing")
        return 99
d = Data()
print(d.heavy, d.heavy)
class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
l = Logged()
print(l.x)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = "Meta"
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def __call__(cls, *a):
        print("making", cls.__name__)
        return super().__call__(*a)
class Thing(metaclass=Meta):
    def __init__(self, v):
        self.v = v
t = Thing(5)
print(t.v, Thing.created_by, type(Thing).__name__, isinstance(Thing, Meta))
class Sub(Thing):
    pass
print(Sub(1).v, type(Sub).__name__)
Dyn = type("Dyn", (object,), {"k": 3, "m": lambda self: self.k * 2})
print(Dyn().m(), Dyn.__name__)
class Const:
    def __get__(self, obj, cls):
        return 42
class H:
    c = Const()
h = H()
h.__dict__["c"] = 1
print(h.c, H.c)
class DataDesc:
    def __get__(self, obj, cls): return "desc"
    def __set__(self, obj, v): print("blocked", v)
class K:
    a = DataDesc()
k = K(); k.a = 5; print(k.a)
