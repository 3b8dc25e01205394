# format(obj) looks __format__ up on type(obj): for a class, its metaclass's, never the class's own.
import datetime
import enum


class M(type):
    pass


class A(int, metaclass=M):
    def __format__(self, spec):
        return "inst" + spec


print(format(A), format(A(1)), format(A(1), "x"), f"{A!s:>30}", format(int, ""))
try:
    format(A, ">30")
except TypeError as e:
    print(e)


class E(enum.IntEnum):
    X = 1


class F(float, enum.Enum):
    Y = 1.5


print(format(E), format(E.X), f"{E.X:>4}", "{}".format(E), format(F), format(datetime.date))


class S(str):
    pass


print(format(S("ab"), ">4"))
o = A(2)
o.__format__ = lambda spec: "instance attribute is ignored"
print(format(o))
