# Every cmath function on a grid of values with infinite, NaN, signed-zero, tiny and huge parts,
# printed exactly (repr), plus the errors and their messages. cmath computes with the C
# library's real functions, so the bits must agree with CPython's.
import cmath, math

INF, NAN = math.inf, math.nan
parts = [-INF, -1e308, -2.5, -1.0, -0.5, -1e-310, -0.0, 0.0, 1e-310, 1e-7, 0.5, 1.0, 2.5, 700.0, 1e308, INF, NAN]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log", "log10",
         "sin", "sinh", "sqrt", "tan", "tanh", "phase", "polar", "isfinite", "isinf", "isnan"]


def show(f, *args):
    try:
        r = f(*args)
    except (ValueError, OverflowError, TypeError) as e:
        return f"{type(e).__name__}: {e}"
    return repr(r)


for name in names:
    f = getattr(cmath, name)
    lines = [show(f, complex(re, im)) for re in parts for im in parts]
    print(name, len(lines))
    for line in lines:
        print(" ", line)

for r in parts:
    print("rect", r, [show(cmath.rect, r, phi) for phi in parts])

for z in [1 + 1j, 2.0, -3 - 4j, 0j, 1e-300j, 1e300 + 1e300j]:
    for base in [None, 2, 10.0, 1j, 0, 1, -1]:
        print("log", z, base, show(cmath.log, z) if base is None else show(cmath.log, z, base))

# Conversions: __complex__, __float__, __index__, and what is refused.
class WithComplex:
    def __complex__(self): return 3 + 4j
class WithFloat:
    def __float__(self): return 0.25
class WithIndex:
    def __index__(self): return 7
class BadComplex:
    def __complex__(self): return 1.5
for arg in [WithComplex(), WithFloat(), WithIndex(), 10, 10**20, True, BadComplex(), "1j", None, [1]]:
    print(type(arg).__name__, show(cmath.sqrt, arg), show(cmath.phase, arg), show(cmath.isfinite, arg))

# isclose
pairs = [(1 + 1j, 1 + 1.000000001j), (1j, 1j), (INF, INF), (complex(INF, 0), complex(-INF, 0)),
         (NAN, NAN), (0.001j, 0), (1e-10, 0), (1 - 1j, 1 - 0.999999999999j)]
for a, b in pairs:
    print("isclose", a, b, cmath.isclose(a, b), cmath.isclose(a, b, rel_tol=1e-12),
          cmath.isclose(a, b, abs_tol=1e-3), cmath.isclose(b, a, rel_tol=0.5))
print(show(lambda: cmath.isclose(1, 2, rel_tol=-1)), show(lambda: cmath.isclose(1, 2, abs_tol=-1e-9)))
print(show(lambda: cmath.isclose(1j, 1j, rel_tol=1j)))
print(show(lambda: cmath.isclose(1, 1, 1)))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(sorted(n for n in dir(cmath) if not n.startswith("_")))
