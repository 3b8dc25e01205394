cases = [
 lambda: pow(2, 3, 5), lambda: pow(2.0, 3, 5), lambda: pow(2, 3.0, 5), lambda: pow(2, 3, 5.0), lambda: pow(2, -1, 5),
 lambda: pow(2, -1, 4), lambda: pow(2, 3, 0), lambda: (2).__pow__(3, 5), lambda: (2).__pow__(3), lambda: (2).__rpow__(3),
 lambda: (2).__rpow__(3, 5), lambda: (2.0).__pow__(3, 5), lambda: (2.0).__pow__(3), lambda: pow(True, 2, 3), lambda: pow(10**20, 3, 7),
 lambda: pow(2, 3, None), lambda: pow(2+1j, 2, 3), lambda: pow(3, 2, -5), lambda: pow(-3, 3, 5), lambda: pow(2, 10**20, 10**9+7),
 lambda: pow(base=2, exp=3, mod=5), lambda: pow(2, 3, mod=5), lambda: pow(0, -1), lambda: pow(0.0, -1), lambda: pow(-8, 1/3),
 lambda: (1).__pow__(2, 3, 4), lambda: int.__pow__(2, 3, 5), lambda: float.__pow__(2.0, 3, 5), lambda: pow(2, 3, 1),
 lambda: complex.__pow__(1j, 2, 3), lambda: pow(1j, 2, 3), lambda: 2 ** -1, lambda: (-2) ** 0.5, lambda: pow(2, 0, 1),
 lambda: pow("a", 2, 3), lambda: pow(2, "a", 3), lambda: pow(2, 3, "a"),
]
class P:
    def __pow__(self, other, mod=None): return ("pow", other, mod)
    def __rpow__(self, other, mod=None): return ("rpow", other, mod)
cases += [lambda: pow(P(), 2, 3), lambda: pow(P(), 2), lambda: 2 ** P(), lambda: pow(2, P(), 3), lambda: pow(2, P())]
for i, c in enumerate(cases):
    try:
        print(i, repr(c()))
    except BaseException as e:
        print(i, type(e).__name__ + ":", e)
