import math

def raises(exc, f, *a, msg=None, **k):
    try:
        f(*a, **k)
    except exc as e:
        if msg is not None:
            assert str(e) == msg, (str(e), msg)
        return
    raise AssertionError("no %s from %r%r" % (exc.__name__, f, a))

def test_constants():
    assert math.pi == 3.141592653589793 and math.e == 2.718281828459045
    assert math.tau == 2 * math.pi and math.inf > 1e308 and math.nan != math.nan

def test_basic_float_functions():
    assert math.sqrt(16) == 4.0 and math.sqrt(2) == 1.4142135623730951
    raises(ValueError, math.sqrt, -1, msg="math domain error")
    assert math.exp(0) == 1.0
    raises(OverflowError, math.exp, 1000, msg="math range error")
    assert math.log(math.e) == 1.0 and math.log(8, 2) == 3.0 and math.log(100, 10) == 2.0
    assert math.log2(1024) == 10.0 and math.log10(1000) == 3.0
    assert abs(math.log(10**400) - 921.0340371976183) < 1e-9
    assert math.log10(10**400) == 400.0 or abs(math.log10(10**400) - 400.0) < 1e-12
    raises(ValueError, math.log, 0, msg="math domain error")
    raises(ValueError, math.log, -5)
    assert math.log1p(1e-20) == 1e-20 and math.expm1(1e-20) == 1e-20
    assert math.pow(2, 10) == 1024.0 and math.pow(1, math.nan) == 1.0
    raises(ValueError, math.pow, -8, 1/3)
    raises(ValueError, math.pow, 0, -1)
    assert math.fabs(-3) == 3.0 and math.copysign(1, -0.0) == -1.0
    raises(TypeError, math.sqrt, "x")

def test_rounding():
    assert math.floor(2.7) == 2 and type(math.floor(2.7)) is int and math.ceil(2.1) == 3
    assert math.trunc(-2.7) == -2 and math.floor(-0.5) == -1
    assert math.floor(10**30) == 10**30
    class F:
        def __floor__(self): return "floored"
        def __ceil__(self): return "ceiled"
        def __trunc__(self): return "trunced"
    assert math.floor(F()) == "floored" and math.ceil(F()) == "ceiled" and math.trunc(F()) == "trunced"
    raises(OverflowError, math.floor, math.inf)
    raises(ValueError, math.ceil, math.nan)
    raises(TypeError, math.trunc, "x", msg="type str doesn't define __trunc__ method")

def test_integer_functions():
    assert math.factorial(0) == 1 and math.factorial(20) == 2432902008176640000
    assert math.factorial(30) == 265252859812191058636308480000000
    raises(ValueError, math.factorial, -1, msg="factorial() not defined for negative values")
    raises(TypeError, math.factorial, 5.0)
    assert math.gcd() == 0 and math.gcd(12, 18) == 6 and math.gcd(12, 18, 8) == 2 and math.gcd(-4, 6) == 2
    assert math.lcm() == 1 and math.lcm(4, 6) == 12 and math.lcm(4, 6, 10) == 60 and math.lcm(0, 5) == 0
    assert math.isqrt(0) == 0 and math.isqrt(15) == 3 and math.isqrt(16) == 4
    assert math.isqrt(10**40) == 10**20 and math.isqrt(10**40 - 1) == 10**20 - 1
    raises(ValueError, math.isqrt, -1)
    assert math.comb(5, 2) == 10 and math.comb(5, 7) == 0 and math.comb(100, 50) == 100891344545564193334812497256
    assert math.perm(5, 2) == 20 and math.perm(5) == 120 and math.perm(3, 5) == 0
    raises(ValueError, math.comb, -1, 2, msg="n must be a non-negative integer")
    assert math.prod([1, 2, 3, 4]) == 24 and math.prod([]) == 1 and math.prod([2, 3], start=10) == 60
    assert math.prod([1.5, 2]) == 3.0

def test_fsum():
    assert math.fsum([0.1] * 10) == 1.0 and sum([0.1] * 10) != 1.0
    assert math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]) == 1e-100
    assert math.fsum([]) == 0.0
    assert math.fsum([math.inf, 1]) == math.inf
    raises(ValueError, math.fsum, [math.inf, -math.inf])
    raises(OverflowError, math.fsum, [1e308, 1e308])

def test_trig():
    assert math.sin(0) == 0.0 and math.cos(0) == 1.0 and math.atan2(1, 1) == math.pi / 4
    assert abs(math.sin(math.pi / 2) - 1) < 1e-15
    raises(ValueError, math.asin, 2, msg="math domain error")
    raises(ValueError, math.sin, math.inf)
    assert math.acosh(1) == 0.0 and math.asinh(0) == 0.0 and math.tanh(100) == 1.0
    raises(ValueError, math.atanh, 1)
    assert math.hypot(3, 4) == 5.0 and math.hypot() == 0.0 and math.hypot(1, 2, 2) == 3.0
    assert math.dist((0, 0), (3, 4)) == 5.0
    raises(ValueError, math.dist, (1,), (1, 2))
    assert math.degrees(math.pi) == 180.0 and math.radians(180) == math.pi

def test_float_decomposition():
    assert math.fmod(7, 3) == 1.0 and math.fmod(-7, 3) == -1.0
    raises(ValueError, math.fmod, 1, 0)
    assert math.modf(3.5) == (0.5, 3.0) and math.modf(-3.5) == (-0.5, -3.0)
    assert math.frexp(8.0) == (0.5, 4) and math.frexp(0.0) == (0.0, 0) and math.frexp(-3.0) == (-0.75, 2)
    assert math.ldexp(0.5, 4) == 8.0
    raises(OverflowError, math.ldexp, 1.0, 5000)
    assert math.isfinite(1.0) and not math.isfinite(math.inf) and math.isinf(-math.inf) and math.isnan(math.nan)
    assert math.isclose(1.0, 1.0 + 1e-10) and not math.isclose(1.0, 1.1)
    assert math.isclose(1.0, 1.1, rel_tol=0.2) and math.isclose(0.0, 1e-10, abs_tol=1e-9)
    raises(ValueError, math.isclose, 1, 1, rel_tol=-1)
    assert math.nextafter(1.0, 2.0) == 1.0000000000000002 and math.ulp(1.0) == 2.220446049250313e-16
    assert math.remainder(5, 3) == -1.0 and math.remainder(7, 2) == -1.0

def test_special_functions():
    assert math.erf(0) == 0.0 and abs(math.erf(1) - 0.8427007929497149) < 1e-15
    assert abs(math.erfc(2) - 0.004677734981047266) < 1e-17 and abs(math.erf(-3) + 0.9999779095030014) < 1e-15
    assert math.gamma(5) == 24.0 and abs(math.gamma(0.5) - math.sqrt(math.pi)) < 1e-14
    raises(ValueError, math.gamma, 0)
    raises(ValueError, math.gamma, -2)
    raises(OverflowError, math.gamma, 200)
    assert math.lgamma(1) == 0.0 and abs(math.lgamma(10) - math.log(362880)) < 1e-12

for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
