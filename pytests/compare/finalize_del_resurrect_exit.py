# __del__ of plain instances: resurrection, gc.is_finalized, weakrefs made after resurrection,
# a subclass, and instances still alive at exit (each instance keeps its own finalization tracker).
import gc, weakref
saved = []
class A:
    def __init__(self, name): self.name = name
    def __del__(self):
        print("del", self.name)
        if self.name == "res": saved.append(self)
a = A("global")
A("res")
gc.collect()
r = saved[0]
print(gc.is_finalized(r))
w = weakref.ref(r, lambda w: print("cb after resurrection"))
print(w() is r)
saved.clear(); del r
gc.collect()
print("after", w())
class B(A): pass
b = B("b")
wb = weakref.ref(b, lambda w: print("cb b"))
del b
gc.collect()
print(wb())
def f():
    x = A("local-at-exit")
    saved.append(x)
f()
print("end")
