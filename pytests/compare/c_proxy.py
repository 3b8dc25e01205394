# Attribute hooks: delegation proxy, validated setattr, delattr, __dir__, read-only views.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append("get " + name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self._log.append("set " + name)
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self._log.append("del " + name)
        delattr(self._target, name)
class Target:
    def __init__(self):
        self.x = 1
    def hello(self):
        return "hello from target x=%d" % self.x
t = Target(); p = Proxy(t)
p.x = 42
print(p.hello(), t.x)
p.y = "new"
print(t.y)
del p.y
print(hasattr(t, "y"), p._log)
try:
    p.missing
except AttributeError as e:
    print("AE", e)
class Strict:
    fields = ("name", "age")
    def __setattr__(self, name, value):
        if name not in self.fields:
            raise AttributeError("unknown field %r" % name)
        if name == "age" and not (isinstance(value, int) and 0 <= value < 150):
            raise ValueError("bad age %r" % (value,))
        super().__setattr__(name, value)
    def __dir__(self):
        return list(self.fields)
    def __delattr__(self, name):
        raise AttributeError("cannot delete " + name)
s = Strict()
s.name = "Zed"; s.age = 40
print(s.name, s.age, dir(s))
for name, val in [("age", 200), ("age", "x"), ("email", "a@b")]:
    try:
        setattr(s, name, val)
    except (AttributeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    del s.name
except AttributeError as e:
    print("AE", e)
class ReadOnlyView:
    __slots__ = ("_d",)
    def __init__(self, d):
        object.__setattr__(self, "_d", d)
    def __getattr__(self, k):
        try:
            return self._d[k]
        except KeyError:
            raise AttributeError(k) from None
    def __setattr__(self, k, v):
        raise TypeError("read-only")
v = ReadOnlyView({"host": "localhost", "port": 8080})
print(v.host, v.port, getattr(v, "user", "anon"))
try:
    v.port = 1
except TypeError as e:
    print("TE", e)
class Counted:
    count = 0
    def __getattribute__(self, name):
        type(self).count += 1
        return super().__getattribute__(name)
    def m(self):
        return self.a + self.b
c = Counted(); c.a = 1; c.b = 2
print(c.m(), Counted.count)
