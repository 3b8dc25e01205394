# math edge cases: error types/messages for bad arguments, big ints, special values.
import math
for bad in [lambda: math.sqrt(10**400), lambda: math.log(-(10**400)), lambda: math.log(10, 1), lambda: math.log(0, 10),
            lambda: math.factorial(10**20), lambda: math.gcd(1.5), lambda: math.lcm(2, "a"), lambda: math.isqrt(2.0),
            lambda: math.comb(5.0, 2), lambda: math.perm(5, None), lambda: math.ldexp(1.0, 2.0), lambda: math.ldexp(1.0, -10**30),
            lambda: math.pow(10, 400), lambda: math.pow(0.0, -math.inf), lambda: math.fmod(math.inf, 1), lambda: math.atan2("a", 1),
            lambda: math.floor("x"), lambda: math.ceil(None), lambda: math.remainder(math.inf, 1), lambda: math.copysign(1, "x"),
            lambda: math.log2(0), lambda: math.log10(-1), lambda: math.fsum([1, "a"]), lambda: math.exp(10**400)]:
    try: print(repr(bad()))
    except Exception as e: print(type(e).__name__, e)
print(math.log2(2**1023 * 4), math.log10(10**300 * 1000), math.log(2**2000), math.pow(2, -1074), math.pow(-1, math.inf), math.pow(math.inf, -1))
print(math.floor(-0.0), math.trunc(2**70 + 0.0), math.ceil(1e300) == 10**300, math.factorial(True), math.gcd(True, 4), math.isqrt(True))
print(math.hypot(-3), math.hypot(math.inf, math.nan), math.dist((1.5,), (-2,)), math.comb(10**3, 3), math.perm(20, 0))
print(math.fsum(x / 7 for x in range(100)), math.fsum([2**53, 1, 1e-16]), math.sumprod if hasattr(math, "sumprod") else None)
print(math.modf(math.inf), math.frexp(math.inf), math.frexp(-1e-320), math.ldexp(1, 1023), math.ulp(0.0), math.ulp(math.inf), math.nextafter(1, 1))
