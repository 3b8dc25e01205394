# Inheritance, super chains, diamond MRO, __init_subclass__.
class Base:
    def __init__(self):
        self.log = ["Base"]
    def who(self):
        return "Base"
class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")
    def who(self):
        return "Left>" + super().who()
class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")
    def who(self):
        return "Right>" + super().who()
class Diamond(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Diamond")
    def who(self):
        return "Diamond>" + super().who()
d = Diamond()
print(d.log, d.who())
print([c.__name__ for c in Diamond.__mro__])
print(issubclass(Diamond, Base), isinstance(d, Right), Diamond.__bases__ == (Left, Right))
class Plugin:
    registry = []
    def __init_subclass__(cls, kind="generic", **kw):
        super().__init_subclass__(**kw)
        cls.kind = kind
        Plugin.registry.append(cls.__name__)
class A(Plugin, kind="audio"):
    pass
class V(Plugin):
    pass
print(Plugin.registry, A.kind, V.kind)
class Animal:
    sound = "..."
    def speak(self):
        return type(self).__name__ + " says " + self.sound
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
for a in [Animal(), Dog(), Puppy()]:
    print(a.speak())
try:
    class Bad(Left, Diamond):
        pass
except TypeError as e:
    print("TE", e)
class X:
    def m(self):
        return "X"
class Y(X):
    def m(self):
        return "Y" + super(Y, self).m()
print(Y().m(), X.m(Y()))
class Counter:
    def __init__(self):
        self.n = 0
class Named(Counter):
    def __init__(self, name):
        super().__init__()
        self.name = name
n = Named("q"); print(n.n, n.name, type(n).__mro__[1].__name__)
