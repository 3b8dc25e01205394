# The object model seen from Python: MRO, descriptors, properties, super, metaclasses.

def test_mro_and_super():
    class A:
        def who(self): return ["A"]
    class B(A):
        def who(self): return ["B"] + super().who()
    class C(A):
        def who(self): return ["C"] + super().who()
    class D(B, C):
        def who(self): return ["D"] + super().who()
    assert D().who() == ["D", "B", "C", "A"]
    assert [k.__name__ for k in D.__mro__] == ["D", "B", "C", "A", "object"]
    try:
        class X(A, D): pass
    except TypeError as e:
        assert "Cannot create a consistent method resolution" in str(e)
    else:
        raise AssertionError("MRO conflict not detected")

def test_data_descriptor_precedence():
    class Data:
        def __get__(self, obj, owner): return "data"
        def __set__(self, obj, value): obj.__dict__["stored"] = value
    class NonData:
        def __get__(self, obj, owner): return "nondata"
    class K:
        d = Data()
        n = NonData()
    k = K()
    k.__dict__["d"] = "instance"
    k.__dict__["n"] = "instance"
    assert k.d == "data" and k.n == "instance"
    k.d = 5
    assert k.__dict__["stored"] == 5

def test_property_classmethod_staticmethod():
    class P:
        def __init__(self): self._x = 1
        @property
        def x(self): return self._x
        @x.setter
        def x(self, v): self._x = v * 10
        @classmethod
        def cm(cls): return cls.__name__
        @staticmethod
        def sm(a): return a + 1
    p = P()
    p.x = 2
    assert p.x == 20 and P.cm() == "P" and p.cm() == "P" and P.sm(1) == 2 and p.sm(2) == 3
    try:
        del p.x
    except AttributeError:
        pass
    else:
        raise AssertionError("deleter missing not detected")

def test_slots():
    class S:
        __slots__ = ("a",)
    s = S()
    s.a = 1
    assert s.a == 1
    try:
        s.b = 2
    except AttributeError:
        pass
    else:
        raise AssertionError("slots allowed a new attribute")
    assert not hasattr(s, "__dict__")

def test_metaclass_and_init_subclass():
    log = []
    class Meta(type):
        def __new__(m, name, bases, ns, **kw):
            log.append(("new", name, kw))
            return super().__new__(m, name, bases, ns)
        def __init__(cls, name, bases, ns, **kw):
            log.append(("init", name))
            super().__init__(name, bases, ns)
    class Base(metaclass=Meta):
        def __init_subclass__(cls, **kw):
            log.append(("sub", cls.__name__, kw))
    class Child(Base, flag=True):
        pass
    assert type(Child) is Meta
    assert log == [("new", "Base", {}), ("init", "Base"), ("new", "Child", {"flag": True}), ("sub", "Child", {}), ("init", "Child")], log

def test_set_name_and_class_getitem():
    class Field:
        def __set_name__(self, owner, name):
            self.owner, self.name = owner, name
    class Model:
        f = Field()
        def __class_getitem__(cls, item):
            return (cls.__name__, item)
    assert Model.f.name == "f" and Model.f.owner is Model
    assert Model[int] == ("Model", int)

def test_getattr_getattribute_setattr():
    class G:
        def __getattr__(self, name):
            return "missing:" + name
    g = G()
    g.x = 1
    assert g.x == 1 and g.y == "missing:y"
    class T:
        def __getattribute__(self, name):
            if name == "secret":
                raise AttributeError(name)
            return object.__getattribute__(self, name)
        def __getattr__(self, name):
            return "fallback"
    assert T().secret == "fallback"
    class W:
        def __setattr__(self, name, value):
            object.__setattr__(self, name, value * 2)
        def __delattr__(self, name):
            object.__setattr__(self, "deleted", name)
    w = W()
    w.v = 3
    del w.v
    assert w.v == 6 and w.deleted == "deleted" or w.__dict__["deleted"] == "v"

def test_operators_and_reflection():
    class V:
        def __init__(self, x): self.x = x
        def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
        def __radd__(self, o): return V(o + self.x)
        def __iadd__(self, o): self.x += 100; return self
        def __eq__(self, o): return isinstance(o, V) and o.x == self.x
        def __lt__(self, o): return self.x < o.x
        def __hash__(self): return hash(self.x)
        def __neg__(self): return V(-self.x)
    class W(V):
        def __radd__(self, o): return "W.radd"
    assert (V(1) + 2).x == 3 and (2 + V(1)).x == 3
    v = V(1); v += 1
    assert v.x == 101
    assert V(1) + W(2) == "W.radd"
    assert sorted([V(3), V(1)])[0].x == 1 and (-V(2)).x == -2
    assert {V(1): "a"}[V(1)] == "a"
    try:
        V(1) < 3
    except AttributeError:
        pass
    try:
        object() < object()
    except TypeError as e:
        assert str(e) == "'<' not supported between instances of 'object' and 'object'"

def test_instantiation_protocol():
    class N:
        def __new__(cls, v):
            obj = super().__new__(cls)
            obj.from_new = v
            return obj
        def __init__(self, v):
            self.from_init = v * 2
    n = N(3)
    assert n.from_new == 3 and n.from_init == 6
    class Other:
        def __new__(cls):
            return 42
        def __init__(self):
            raise AssertionError("__init__ must not run")
    assert Other() == 42
    try:
        object.__new__(int)
    except TypeError as e:
        assert "is not safe" in str(e)

def test_subclass_builtin():
    class MyList(list):
        def first(self): return self[0]
    m = MyList([3, 4])
    m.tag = "t"
    assert m.first() == 3 and len(m) == 2 and m.tag == "t" and isinstance(m, list)
    class MyInt(int):
        pass
    i = MyInt(5)
    assert i + 1 == 6 and type(i) is MyInt and repr(i) == "5"
    class MyDict(dict):
        def __missing__(self, key):
            return key * 2
    assert MyDict()[4] == 8

for _name, _fn in list(globals().items()):
    if "test_" in _name:  # (str methods arrive with the strings work)
        _fn()
