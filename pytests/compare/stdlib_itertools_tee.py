# itertools.tee: copies share one buffer, a tee of a tee passes through, the source is never
# re-entered (its own __next__ or another thread), values the slowest iterator passed are
# freed (a tee over a long stream with one iterator dropped stays small).
import copy, gc, itertools, threading, weakref
from itertools import tee, repeat, islice
a, b = tee('abc')
c, d = tee(a)
print(a is c, list(d), list(c), list(b))
a, b = tee(range(200))
print(list(islice(a, 60))[-1], list(islice(b, 3)), next(copy.copy(a)), next(copy.copy(b)))
cp = copy.copy(a)
print(list(cp) == list(range(60, 200)), list(a) == list(range(60, 200)), len(list(b)))
t1, t2 = tee('xyz')
tnew = type(t1)
for args in ((), (10,)):
    try: tnew(*args)
    except TypeError as e: print("TypeError", type(e).__name__)
t3 = tnew(t1)
print(list(t1), list(t2), list(t3), [len(tee('ab', n)) for n in range(4)])
try: tee([], -1)
except ValueError as e: print("ValueError:", e)
class I:
    first = True
    def __iter__(self): return self
    def __next__(self):
        first, self.first = self.first, False
        if first: return next(b)
a, b = tee(I())
try: next(a)
except RuntimeError as e: print("RuntimeError:", e)
start, finish = threading.Event(), threading.Event()
class Slow:
    def __iter__(self): return self
    def __next__(self):
        start.set(); finish.wait(); return 1
a, b = tee(Slow())
th = threading.Thread(target=next, args=[a]); th.start()
start.wait()
try: next(b)
except RuntimeError as e: print("RuntimeError:", e)
finally:
    finish.set(); th.join()
# one iterator runs far ahead of a dropped one: the values it passed are collectable
class Big:
    pass
refs = []
def source():
    for i in range(3000):
        o = Big(); refs.append(weakref.ref(o)); yield o
fwd, back = tee(source())
del back
for _ in fwd: pass
gc.collect()
print("alive after the tee moved on:", sum(r() is not None for r in refs) < 100)
fwd, back = tee(repeat(None, 300000))
print(any(fwd)); del back
