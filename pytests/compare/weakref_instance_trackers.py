"""Weakrefs to plain instances (whose finalization record lives in the instance itself): callbacks,
sharing, counts, and an instance revived by its __del__ that gets new weakrefs afterwards."""
import gc, weakref

class Plain:
    pass

class Phoenix:
    saved = []
    def __del__(self):
        print("del", self.name)
        Phoenix.saved.append(self)

events = []
a = Plain()
r1 = weakref.ref(a)
r2 = weakref.ref(a)
print("shared plain ref:", r1 is r2)
r3 = weakref.ref(a, lambda r: events.append("cb3"))
r4 = weakref.ref(a, lambda r: events.append("cb4"))
print("count:", weakref.getweakrefcount(a), len(weakref.getweakrefs(a)))
del r4
gc.collect()
del a
gc.collect()
print("dead:", r1() is None, r3() is None, "events:", events)

p = Phoenix()
p.name = "p"
p.me = p      # a cycle: CPython's collector clears the weakrefs before __del__, as ours does
w1 = weakref.ref(p, lambda r: events.append("w1"))
del p
gc.collect()
p = Phoenix.saved.pop()
del p.me
print("revived:", p.name, "finalized:", gc.is_finalized(p), "old weakref dead:", w1() is None)
w2 = weakref.ref(p, lambda r: events.append("w2"))
print("new weakref alive:", w2() is p, weakref.getweakrefcount(p))
del p
gc.collect()
print("after second death:", w2() is None, "saved:", len(Phoenix.saved), "events:", events)

# many short-lived weakrefs to one long-lived instance, then it dies
keep = Plain()
for i in range(1000):
    weakref.ref(keep, lambda r: events.append("never"))
last = weakref.ref(keep, lambda r: events.append("last"))
del keep
gc.collect()
print("events:", events[-2:])
