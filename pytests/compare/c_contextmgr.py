# Context managers: enter/exit order, exception suppression, nesting.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("outer") as o, CM("inner") as i:
    print("both", o, i)
with CM("s", suppress=True):
    raise ValueError("hidden")
print("after suppress")
try:
    with CM("ns"):
        raise KeyError("k")
except KeyError as e:
    print("caught", e)
def f():
    with CM("ret"):
        return "value"
print(f())
for n in range(3):
    with CM("loop%d" % n):
        if n == 1:
            continue
        if n == 2:
            break
        print("n", n)
class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print("rolled back:", ev)
            return True
        print("committed")
db = {"a": 1}
with Transaction(db) as s:
    s["b"] = 2
with Transaction(db) as s:
    s["c"] = 3
    raise RuntimeError("fail")
print(db)
class Timer:
    depth = 0
    def __enter__(self):
        Timer.depth += 1
        print("  " * Timer.depth + "start")
        return self
    def __exit__(self, *a):
        print("  " * Timer.depth + "stop")
        Timer.depth -= 1
with Timer():
    with Timer():
        with Timer():
            pass
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print("not a cm", type(e).__name__)
