# lst.append(x) runs inline in CALL (exact list, one positional argument); every other
# shape of the call (unbound, bound via MethodType, a subclass, wrong arity, keywords,
# tracing) must behave exactly as the generic call does.
import sys, types

l = []
for i in range(5):
    l.append(i * i)
print(l)

append = l.append
append("bound")
list.append(l, "unbound")
types.MethodType(list.append, l)("method-type")
print(l)

class MyList(list):
    def append(self, x):
        super().append(("wrapped", x))
m = MyList()
m.append(1)
print(m)

class Plain(list):
    pass
p = Plain()
p.append(2)
print(p, type(p).__name__)

for bad in (lambda: l.append(), lambda: l.append(1, 2), lambda: l.append(object=1), lambda: list.append(5, 1), lambda: list.append()):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# the value of the call is None, and self-append makes a recursive list
r = l.append(l)
print(r, l[-1] is l, repr(l)[-6:])

# under a trace function the call still appends once and reports its line
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tracer
def traced():
    out = []
    out.append(1)
    out.append(2)
    return out
sys.settrace(tracer)
res = traced()
sys.settrace(None)
print(res, events)

# [] builds a fresh empty list each time
a = [[] for _ in range(3)]
a[0].append(1)
print(a, [] is [], len([]))
