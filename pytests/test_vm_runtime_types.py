# Runtime types provided with the engine core: types.UnionType (X | Y), SimpleNamespace
# (sys.implementation), _weakref.ref, super() forms, mappingproxy.
import sys
import _weakref

def test_union_types():
    u = int | str
    assert repr(u) == "int | str"
    assert isinstance(3, u) and isinstance("s", u) and not isinstance(3.0, u)
    assert issubclass(bool, u)
    assert (int | None).__args__ == (int, type(None))
    assert (int | str) == (str | int)
    assert int | int is int

def test_simple_namespace():
    ns = type(sys.implementation)(a=1, b="x")
    assert repr(ns) == "namespace(a=1, b='x')"
    ns.c = 3
    assert ns.c == 3 and ns == type(ns)(a=1, b="x", c=3)
    assert sys.implementation.name in ("stacklessiron", "cpython")

def test_weakref_basics():
    class Obj:
        pass
    o = Obj()
    r = _weakref.ref(o)
    assert r() is o
    assert r == _weakref.ref(o) and hash(r) == hash(o)
    class KeyedRef(_weakref.ref):
        __slots__ = ("key",)
        def __new__(cls, ob, callback, key):
            self = _weakref.ref.__new__(cls, ob, callback)
            self.key = key
            return self
        def __init__(self, ob, callback, key):
            super().__init__(ob, callback)
    k = KeyedRef(o, None, "the-key")
    assert k.key == "the-key" and k() is o
    p = _weakref.proxy(o)
    o.attr = 5
    assert p.attr == 5

def test_super_forms():
    class A:
        def f(self): return "A"
        @classmethod
        def c(cls): return cls.__name__
    class B(A):
        def f(self): return "B" + super(B, self).f()
        @classmethod
        def c(cls): return "B" + super().c()
    assert B().f() == "BA" and B.c() == "BB"
    assert super(B, B()).f() == "A"

def test_class_dict_is_readonly_proxy():
    class C:
        x = 1
    d = C.__dict__
    assert d["x"] == 1 and "x" in d
    try:
        d["y"] = 2
    except TypeError:
        pass
    else:
        raise AssertionError("mappingproxy accepted an assignment")

for _name, _fn in list(globals().items()):
    if "test_" in _name:
        _fn()
