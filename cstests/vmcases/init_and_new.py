class Point:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, x, y=0):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y) if False else "Point(" + repr(self.x) + ", " + repr(self.y) + ")"
p = Point(1, 2)
print(p)
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print(e)
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = object.__new__(cls)
        return cls._inst
print(Single() is Single())
class NoArgs: pass
try:
    NoArgs(1)
except TypeError as e:
    print(e)
class WithInit:
    def __init__(self, a, *, b): pass
for args, kw in [((), {}), ((1, 2), {}), ((1,), {'c': 3})]:
    try:
        WithInit(*args, **kw)
    except TypeError as e:
        print(e)
