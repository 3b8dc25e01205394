# __new__, __class_getitem__, __repr__/__str__ fallbacks, __eq__ without __hash__, class attributes.
class Singleton:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self, v):
        self.v = v
a = Singleton(1); b = Singleton(2)
print(a is b, a.v)
class Celsius(float):
    def __new__(cls, v):
        return super().__new__(cls, round(v * 10) / 10 if False else v)
    def __str__(self):
        return float.__repr__(self) + "C"
c = Celsius(21.5)
print(c, c + 1, isinstance(c, float), repr(c))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
    def shout(self):
        return self + "!"
u = Upper("hi")
print(u, u.shout(), len(u), type(u).__name__, u == "HI")
class MyList(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i - 1)
ml = MyList([10, 20, 30])
print(ml[1], ml[3], len(ml), ml + [1], type(ml + [1]).__name__)
class MyDict(dict):
    def __missing__(self, k):
        return k * 2
md = MyDict(a=1)
print(md["a"], md["zz"], md.get("q"))
class Gen:
    def __class_getitem__(cls, item):
        return "Gen[%s]" % item.__name__
print(Gen[int], list[int], dict[str, int])
class OnlyStr:
    def __str__(self):
        return "str-form"
class OnlyRepr:
    def __repr__(self):
        return "repr-form"
print(str(OnlyStr()), str(OnlyRepr()), repr(OnlyRepr()), [OnlyRepr()], "%s" % OnlyRepr())
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__ is None)
try:
    hash(EqOnly())
except TypeError as e:
    print("TE", e)
class Base:
    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % kv for kv in sorted(vars(self).items())))
class Pt(Base):
    def __init__(self, x, y): self.x = x; self.y = y
print(Pt(1, "a"), [Pt(0, 0)])
print(Pt.__name__, Pt.__qualname__, Pt.__module__, Pt(1, 2).__class__.__name__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__)
print(type(len).__name__, type(Pt.__init__).__name__, type(Pt(1, 2).__repr__).__name__)
