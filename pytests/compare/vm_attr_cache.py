# Attribute inline caches (LOAD_ATTR / STORE_ATTR / LOAD_METHOD) must notice every change:
# instance attributes shadowing methods, class attributes added/removed, properties,
# __slots__ members, __getattr__ added later, __class__ assignment, a replaced __dict__.
class A:
    def m(self): return "A.m"
class B(A): pass
class S:
    __slots__ = ("x", "y")
    def __init__(self): self.x = 1
def get_x(o): return o.x
def call_m(o): return o.m()
def set_x(o, v): o.x = v
a, b = A(), B()
out = []
for i in range(3):
    out.append(call_m(b))
b.m = lambda: "inst"
out.append(call_m(b))
del b.m
out.append(call_m(b))
A.m = lambda self: "A.m2"
out.append(call_m(b))
B.m = lambda self: "B.m"
out.append(call_m(b))
s = S()
out.append(get_x(s))
set_x(s, 5); out.append(get_x(s))
del s.x
try: get_x(s)
except AttributeError as e: out.append(str(e))
a.x = 3
for i in range(3): out.append(get_x(a))
A.x = property(lambda self: "prop")
out.append(get_x(a))
del A.x
out.append(get_x(a))
A.__getattr__ = lambda self, n: "ga:" + n
class C: pass
c = C(); c.x = 9
out.append(get_x(c))
del c.x
try: get_x(c)
except AttributeError as e: out.append(str(e))
c.__class__ = A
out.append(get_x(c))
c2 = C()
set_x(c2, 1); set_x(c2, 2)
C.x = property(lambda self: "cprop", lambda self, v: out.append(("setter", v)))
set_x(c2, 3)
out.append(get_x(c2)); out.append(c2.__dict__)
del C.x
d = {}
class D:
    def __init__(self): self.__dict__ = d
dd = D(); set_x(dd, 7); out.append(d); out.append(get_x(dd))
class L(list): pass
l = L(); l.append(1); l.append = lambda x: out.append(("shadow", x)); l.append(2); out.append(list(l))
print(out)
