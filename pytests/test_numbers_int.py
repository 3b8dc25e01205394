# int and bool on the engine: arithmetic, promotion, methods, constructor and CPython's errors.

def raises(exc, fn, message=None):
    try:
        fn()
    except exc as e:
        if message is not None:
            assert str(e) == message, (str(e), message)
    else:
        raise AssertionError("no " + exc.__name__)

def test_arithmetic_long_and_big_paths():
    big = 2 ** 64
    assert big == 18446744073709551616
    assert (2 ** 63 - 1) + 1 == 9223372036854775808
    assert -(-2 ** 63) == 2 ** 63
    assert (-2 ** 63) // -1 == 2 ** 63 and (-2 ** 63) % -1 == 0
    assert 7 // -2 == -4 and -7 // 2 == -4 and 7 % -2 == -1 and -7 % 2 == 1
    assert divmod(-7, 2) == (-4, 1) and divmod(big, 7) == (big // 7, big % 7)
    assert 10 / 4 == 2.5 and (10 ** 30) / 7 == 1.4285714285714285e+29
    assert 2 ** -1 == 0.5 and 3 ** 40 == 12157665459056928801
    assert 1 << 100 == 2 ** 100 and (2 ** 100) >> 99 == 2 and -1 >> 1000 == -1
    assert ~5 == -6 and -big & 0xff == 0 and (big | 1) ^ 1 == big
    assert pow(3, 4, 5) == 1 and pow(3, -1, 7) == 5

def test_comparisons_with_float_are_exact():
    assert 2 ** 53 + 1 != float(2 ** 53 + 1)
    assert 2 ** 53 + 1 > float(2 ** 53)
    assert float(2 ** 53) == 2 ** 53
    assert 10 ** 400 > 1e308 and -10 ** 400 > float('-inf')
    assert not (1 < float('nan')) and 1 != float('nan')

def test_hash_matches_across_types():
    for v in [0, 1, -1, 2 ** 61 - 1, 2 ** 61, -2 ** 61, 10 ** 100, 2 ** 53]:
        assert hash(v) == hash(float(v)) or abs(v) > 2 ** 53
    assert hash(-1) == -2 and hash(2 ** 61 - 1) == 0 and hash(True) == 1
    assert hash(1) == hash(1.0) == hash(1 + 0j) == hash(True)

def test_constructor():
    assert int() == 0 and int('  -12_3 ') == -123 and int('0x1f', 16) == 31
    assert int('0b101', 0) == 5 and int('z', 36) == 35 and int(3.99) == 3 and int(-3.99) == -3
    assert int('\u0663') == 3
    raises(ValueError, lambda: int('abc'), "invalid literal for int() with base 10: 'abc'")
    raises(ValueError, lambda: int('9', 8), "invalid literal for int() with base 8: '9'")
    raises(ValueError, lambda: int('1', 1), "int() base must be >= 2 and <= 36, or 0")
    raises(TypeError, lambda: int(1.5, 10), "int() can't convert non-string with explicit base")
    raises(TypeError, lambda: int([]), "int() argument must be a string, a bytes-like object or a real number, not 'list'")
    raises(TypeError, lambda: int(x='1'), "'x' is an invalid keyword argument for int()")
    raises(OverflowError, lambda: int(float('inf')), "cannot convert float infinity to integer")
    raises(ValueError, lambda: int(float('nan')), "cannot convert float NaN to integer")
    raises(ValueError, lambda: int('1' * 5000))
    class Idx:
        def __index__(self): return 7
    assert int(Idx()) == 7

def test_subclass():
    class MyInt(int):
        pass
    m = MyInt('12', 8)
    assert m == 10 and type(m) is MyInt and type(m + 1) is int and type(-m) is int
    m.extra = 1
    assert m.extra == 1 and type(int(m)) is int

def test_reflected_and_not_implemented():
    class R:
        def __radd__(self, other): return ('radd', other)
        def __rlshift__(self, other): return 'rlshift'
    assert 1 + R() == ('radd', 1) and (1 << R()) == 'rlshift'
    assert int.__add__(1, 2.0) is NotImplemented
    raises(TypeError, lambda: 1 + 'a', "unsupported operand type(s) for +: 'int' and 'str'")

def test_methods():
    assert (5).bit_length() == 3 and (-2 ** 64).bit_length() == 65 and (255).bit_count() == 8
    assert (10).as_integer_ratio() == (10, 1) and (7).conjugate() == 7
    assert (5).numerator == 5 and (5).denominator == 1 and (5).real == 5 and (5).imag == 0
    assert round(1234, -2) == 1200 and round(-1250, -2) == -1200 and round(1350, -2) == 1400 and round(7) == 7
    assert (7).__trunc__() == 7 and (7).__floor__() == 7 and (7).__ceil__() == 7
    assert int.from_bytes([1, 0], 'big') == 256 and int.from_bytes([255, 254], 'little', signed=True) == -257
    raises(ValueError, lambda: (1).to_bytes(1, 'x'), "byteorder must be either 'little' or 'big'")
    raises(ValueError, lambda: 1 << -1, "negative shift count")
    raises(ZeroDivisionError, lambda: 1 // 0, "integer division or modulo by zero")
    raises(ZeroDivisionError, lambda: 1 / 0, "division by zero")

def test_format():
    assert format(255, 'x') == 'ff' and format(255, '#b') == '0b11111111' and format(1234567, '_') == '1_234_567'
    assert format(-42, '+08d') == '-0000042' and f"{10 ** 30:,}" == '1,000,000,000,000,000,000,000,000,000,000'
    assert format(42, '08.3f') == '0042.000' and format(12, '#o') == '0o14' and format(5, '') == '5'
    raises(ValueError, lambda: format(3, 's'), "Unknown format code 's' for object of type 'int'")

def test_bool():
    t, f = True, False
    assert (t & t) is True and (t | f) is True and (t ^ t) is False and type(t & 1) is int
    assert t + t == 2 and ~t == -2 and -t == -1 and repr(t) == 'True' and str(f) == 'False'
    assert bool() is False and bool(0.0) is False and bool(1e-300) is True and bool(0j) is False
    raises(TypeError, lambda: type('B', (bool,), {}))

for _name, _fn in list(globals().items()):
    if "test_" in _name:
        _fn()
