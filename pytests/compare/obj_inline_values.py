# Instance attributes kept as inline values (per-class shared keys) until a real __dict__ is
# needed: the dict built then must hold the same items in the same (insertion) order.
import copy, pickle

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

a = P(1, 2); b = P(3, 4)
print(a.x, a.y, b.x, b.y, vars(a))
b.z = 5
print(vars(b), a.__dict__)

class Q: pass
q = Q(); q.b = 1; q.a = 2; print(q.__dict__)
r = Q(); r.a = 1; r.b = 2; print(r.__dict__)            # the other order than the keys
s = Q(); s.b = 1; s.c = 3; s.a = 2; print(s.__dict__)
t = Q(); t.c = 1; print(t.__dict__); t.a = 5; print(t.__dict__, t.a, t.c)
u = Q(); u.a = 1; u.b = 2; del u.a; print(u.__dict__); u.a = 3; print(u.__dict__)
try:
    del u.zz
except AttributeError as e:
    print("AttributeError", e)
v = Q(); v.a = 1
try:
    del v.b
except AttributeError as e:
    print("AttributeError", e)
del v.a
print(hasattr(v, 'a'), v.__dict__)

# a str subclass as a name goes to a real dict, with its key kept
class S(str): pass
w = Q(); setattr(w, S('a'), 1); w.b = 2
print(w.__dict__, type(list(w.__dict__)[0]).__name__)

# more names than the shared keys hold
x = Q()
for i in range(40): setattr(x, 'k%d' % i, i)
print(len(x.__dict__), x.k39, list(x.__dict__)[:3])
y = Q()
for i in range(40): setattr(y, 'k%d' % i, i)
print(y.k0, y.k35, getattr(y, 'k31'), y.__dict__['k38'])

# instance attribute shadowing a method, set before and after the call site ran
class M:
    def f(self): return 'method'
m = M()
for i in range(3):
    print(m.f())
    if i == 1: m.f = lambda: 'shadow'

# __class__ assignment moves the attributes along
class N:
    def __init__(self): self.v = 1
n = N(); n.__class__ = M; print(n.__dict__, n.f(), n.v)

# __dict__ replaced, and the built dict is the live one
z = Q(); z.__dict__ = {'p': 1}; print(z.p, z.__dict__); z.q = 2; print(z.__dict__)
z2 = Q(); z2.a = 1; d = z2.__dict__; d['b'] = 7; print(z2.b); z2.c = 3; print(d)

pp = P(1, [2]); pc = copy.deepcopy(pp); print(pc.x, pc.y, vars(pc))
pk = pickle.loads(pickle.dumps(P(5, 6))); print(vars(pk), pk.x)

class WithSlots:
    __slots__ = ('a', '__dict__')
ws = WithSlots(); ws.a = 1; ws.b = 2; print(ws.a, ws.b, ws.__dict__)
print([n for n in dir(P(1, 2)) if not n.startswith('__')])

class G:
    def __getattr__(self, n): return 'ga:' + n
g = G(); g.x = 1; print(g.x, g.y)

# one attribute site that sees instances in both storage modes, and two classes
def read(o): return o.x
objs = [P(i, i) for i in range(4)]
vars(objs[1]); objs[2].__dict__['x'] = 'dict'
class R:
    def __init__(self): self.x = 'R'
objs.append(R())
print([read(o) for o in objs * 2])
def write(o, val): o.x = val
for o in objs: write(o, 'w')
print([vars(o) for o in objs])

# optional attributes: instances leave gaps in the shared keys
class Opt:
    def __init__(self, flag):
        self.a = 1
        if flag: self.b = 2
        self.c = 3
o1, o2 = Opt(True), Opt(False)
print(vars(o1), vars(o2))
o3 = Opt(False); o3.b = 'late'; print(vars(o3))
print(hasattr(o2, 'b'), getattr(o2, 'b', 'none'))
