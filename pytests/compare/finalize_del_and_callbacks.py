# __del__, weakref callbacks, weakref.finalize and weak containers, in the order CPython
# shows them for objects that die one at a time (checked after gc.collect()).
import gc
import weakref


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def drop_one():
    a = Noisy("a")
    r1 = weakref.ref(a, lambda r: print("callback 1, referent gone:", r() is None))
    r2 = weakref.ref(a, lambda r: print("callback 2"))
    print("weakrefs:", weakref.getweakrefcount(a), weakref.ref(a) is weakref.ref(a))
    del a
    gc.collect()
    print("after collect")
    return r1, r2


refs = drop_one()

saved = []


class Phoenix:
    def __del__(self):
        print("phoenix del")
        saved.append(self)


Phoenix()
gc.collect()
print("saved:", len(saved), gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print("no second __del__")

d = weakref.WeakValueDictionary()
k = weakref.WeakKeyDictionary()
objs = [Noisy(str(i)) for i in range(3)]
for o in objs:
    d[o.name] = o
    k[o] = o.name
print(sorted(d), sorted(k.values()))
del o
objs.pop()
gc.collect()
print(sorted(d), sorted(k.values()))
while objs:   # one at a time: a cluster dying at once has no order CPython promises
    objs.pop()
    gc.collect()
print(sorted(d), sorted(k.values()))

f = weakref.finalize(Noisy("f"), print, "finalize ran")
gc.collect()
print("finalize alive:", f.alive)

at_exit = Noisy("left at exit")
weakref.finalize(at_exit, print, "finalize at exit")
print("end of program")
