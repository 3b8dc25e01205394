# math and itertools: values, reprs and error messages must match CPython 3.11 exactly.
import math
import itertools as it

for name in ["sqrt", "exp", "log", "log2", "log10", "log1p", "expm1", "sin", "cos", "tan", "asin", "acos", "atan",
             "sinh", "cosh", "tanh", "asinh", "atanh", "erf", "erfc", "fabs", "degrees", "radians"]:
    fmt = repr
    f = getattr(math, name)
    out = []
    for x in [0.0, 0.5, -0.5, 1.0, 2.0, -3.0, 10.0, 1e-10, math.inf, -math.inf, math.nan]:
        try:
            out.append(fmt(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, " ".join(out))

print(math.log(10**400), math.log(2**1000, 2), math.log10(10**50), math.gamma(0.5), round(math.lgamma(0.5), 13), math.gamma(4.5))
print(math.factorial(50), math.comb(60, 30), math.perm(10, 4), math.gcd(2**100, 6**50), math.lcm(12, 18, 30))
print(math.isqrt(2**200 + 12345), math.fsum([0.1] * 10), math.fsum([1e16, 1.0, 1e-16]), math.prod(range(1, 15)))
print(math.frexp(1e-310), math.frexp(123.456), math.modf(-2.25), math.ldexp(3, -1080), math.ldexp(1.5, 3))
print(math.hypot(1e200, 1e200), math.hypot(3, 4, 12), math.dist([1, 2, 3], [4, 6, 15]), math.atan2(-0.0, -1.0))
print(math.copysign(3, -0.0), math.fmod(-10, 3), math.remainder(10, 4), math.nextafter(0.0, -1.0), math.ulp(1e300))
print(math.floor(-3.5), math.ceil(-3.5), math.trunc(3.99), math.floor(True), math.isclose(1e-12, 0), math.pow(-2, 3))
for bad in [lambda: math.factorial(-3), lambda: math.sqrt(-0.1), lambda: math.exp(710), lambda: math.log(0.0),
            lambda: math.comb(3, -1), lambda: math.isqrt(-5), lambda: math.gamma(-1.0), lambda: math.fsum([1e308, 1e308]),
            lambda: math.floor(math.inf), lambda: math.trunc([]), lambda: math.sqrt("4"), lambda: math.dist([1], [1, 2])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

print(list(it.islice(it.count(1.5, 0.25), 4)), repr(it.count(-1)), repr(it.repeat([1], 3)))
print(list(it.accumulate(range(8), lambda a, b: a * 2 + b)), list(it.accumulate("abc")))
print([(k, len(list(g))) for k, g in it.groupby(sorted("mississippi"))])
print(list(it.islice(it.cycle(range(3)), 2, 11, 2)), list(it.zip_longest(range(3), "ab", [True])))
print(list(it.starmap(divmod, it.product(range(7, 9), range(2, 4)))))
print(list(it.chain.from_iterable(it.combinations("abcd", r) for r in range(5))))
print(list(it.permutations("abcd", 2))[::3], len(list(it.combinations_with_replacement(range(5), 3))))
x, y, z = it.tee(it.count(), 3)
print(next(x), next(x), next(y), list(it.islice(z, 3)), next(y), list(it.pairwise(range(5))))
print(list(it.filterfalse(lambda v: v % 3, range(20))), list(it.compress("abcdef", it.cycle([0, 1]))))
for bad in [lambda: it.islice([1], 1, 2, -1), lambda: it.permutations(1), lambda: it.combinations([1], "a"),
            lambda: it.count(1, 2, 3), lambda: it.repeat(), lambda: it.starmap(len, [1]), lambda: it.zip_longest([], q=1)]:
    try:
        print(list(bad()))
    except Exception as e:
        print(type(e).__name__, e)
