# `*` between sequences and other operands: which operand's repeat or number slot runs, and the messages.
class S(str): pass
class R:
    def __rmul__(self, other): return ("rmul", other)
    def __mul__(self, other): return ("mul", other)
class Idx:
    def __index__(self): return 2
cases = [
 lambda: (1,) * "a", lambda: [1] * "a", lambda: "a" * [1], lambda: "a" * (1,), lambda: b"x" * "a", lambda: "a" * b"x",
 lambda: bytearray(b"x") * [1], lambda: (1,) * S("a"), lambda: S("a") * (1,), lambda: [1] * R(), lambda: R() * [1],
 lambda: "ab" * R(), lambda: (1, 2) * Idx(), lambda: Idx() * "ab", lambda: [0] * 2.0, lambda: 2.0 * [0], lambda: [1] * None,
 lambda: None * [1], lambda: (1,) * True, lambda: "x" * -1, lambda: [1] * (2**62 if False else 3),
]
for i, c in enumerate(cases):
    try:
        print(i, repr(c()))
    except BaseException as e:
        print(i, type(e).__name__ + ":", e)
x = [1]
try:
    x *= "a"
except TypeError as e:
    print("imul", e)
t = (1,)
try:
    t *= [2]
except TypeError as e:
    print("tuple imul", e)
