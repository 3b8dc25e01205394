# float on the engine: repr, arithmetic signs, pow edge cases, rounding, methods, constructor.

def raises(exc, fn, message=None):
    try:
        fn()
    except exc as e:
        if message is not None:
            assert str(e) == message, (str(e), message)
    else:
        raise AssertionError("no " + exc.__name__)

def test_repr_shortest():
    assert repr(0.1 + 0.2) == '0.30000000000000004' and repr(1e16) == '1e+16' and repr(1e-5) == '1e-05'
    assert repr(123456789.0) == '123456789.0' and repr(-0.0) == '-0.0' and repr(1e22) == '1e+22'
    assert repr(float('nan')) == 'nan' and repr(float('-inf')) == '-inf' and str(2.0 ** 0.5) == '1.4142135623730951'
    assert repr(5e-324) == '5e-324' and repr(1.7976931348623157e308) == '1.7976931348623157e+308'

def test_division_signs():
    assert 5.0 // -3 == -2.0 and -7.5 % 2 == 0.5 and 7.5 % -2 == -0.5 and divmod(-7.5, 2) == (-4.0, 0.5)
    assert repr(-0.0 % 5) == '0.0' and repr(0.0 % -5) == '-0.0' and 7 % 0.5 == 0.0
    assert 1.0 // float('inf') == 0.0 and 5 % float('inf') == 5.0
    raises(ZeroDivisionError, lambda: 1.0 / 0, "float division by zero")
    raises(ZeroDivisionError, lambda: 1.0 // 0.0, "float floor division by zero")
    raises(ZeroDivisionError, lambda: 1.0 % 0, "float modulo")
    raises(ZeroDivisionError, lambda: (1.0).__divmod__(0.0), "float divmod()")

def test_pow():
    raises(ZeroDivisionError, lambda: 0.0 ** -1, "0.0 cannot be raised to a negative power")
    raises(OverflowError, lambda: 1e200 ** 2)
    r = (-8) ** (1 / 3)
    assert type(r) is complex and abs(r - (1 + 1.7320508075688772j)) < 1e-15
    assert 0.0 ** 0 == 1.0 and float('nan') ** 0 == 1.0 and 1.0 ** float('nan') == 1.0 and 2 ** 0.5 == 2.0 ** 0.5

def test_round():
    assert round(2.5) == 2 and round(3.5) == 4 and round(-0.5) == 0 and type(round(2.5)) is int
    assert round(2.675, 2) == 2.67 and round(0.125, 2) == 0.12 and round(12345.6789, -2) == 12300.0
    assert round(1.5e300) == int(1.5e300) and type(round(5.5, None)) is int
    raises(OverflowError, lambda: round(float('inf')), "cannot convert float infinity to integer")
    raises(ValueError, lambda: round(float('nan')), "cannot convert float NaN to integer")
    assert (2.5).__floor__() == 2 and (2.5).__ceil__() == 3 and (-2.5).__trunc__() == -2

def test_methods():
    assert (1.5).as_integer_ratio() == (3, 2) and (-0.75).as_integer_ratio() == (-3, 4)
    assert (0.1).hex() == '0x1.999999999999ap-4' and (-0.0).hex() == '-0x0.0p+0'
    assert float.fromhex('0x1.8p1') == 3.0 and float.fromhex('-0X1.FFFFFP+10') == -2047.9990234375
    assert (3.0).is_integer() and not (3.5).is_integer() and not float('inf').is_integer()
    assert (1.5).real == 1.5 and (1.5).imag == 0.0 and (1.5).conjugate() == 1.5
    assert float.__getformat__('double') in ('IEEE, little-endian', 'IEEE, big-endian')
    raises(OverflowError, lambda: float('inf').as_integer_ratio(), "cannot convert Infinity to integer ratio")
    raises(ValueError, lambda: float('nan').as_integer_ratio(), "cannot convert NaN to integer ratio")
    raises(ValueError, lambda: float.fromhex('zz'), "invalid hexadecimal floating-point string")

def test_constructor():
    assert float() == 0.0 and float('  1e5 ') == 100000.0 and float(' +1.5E+3\n') == 1500.0 and float('1_0.5') == 10.5
    assert float('-inf') == float('-Infinity') and float(7) == 7.0 and float('\u0661.\u0665') == 1.5
    class F:
        def __float__(self): return 2.5
    class I:
        def __index__(self): return 3
    assert float(F()) == 2.5 and float(I()) == 3.0
    raises(ValueError, lambda: float('x'), "could not convert string to float: 'x'")
    raises(TypeError, lambda: float([]), "float() argument must be a string or a real number, not 'list'")
    raises(TypeError, lambda: float(x=1), "float() takes no keyword arguments")
    raises(OverflowError, lambda: 10 ** 400 + 0.0, "int too large to convert to float")
    class MyFloat(float):
        pass
    m = MyFloat('2.5')
    assert type(m) is MyFloat and m == 2.5 and type(m * 2) is float and type(MyFloat.fromhex('0x1p3')) is MyFloat

def test_format():
    assert format(3.14159, '.2f') == '3.14' and format(1234567.891, ',.2f') == '1,234,567.89'
    assert format(0.5, '%') == '50.000000%' and format(1e100, 'g') == '1e+100' and format(1e-7, '') == '1e-07'
    assert f"{2.5:>10}|{-1.0:+e}" == '       2.5|-1.000000e+00' and f"{123.456:_^20.1f}" == '_______123.5________'
    assert f"{1234.5:,}" == '1,234.5' and f"{float('inf'):+}" == '+inf' and format(3.5, '=+10.2f') == '+     3.50'
    raises(ValueError, lambda: format(1.5, 'd'), "Unknown format code 'd' for object of type 'float'")

def test_hash():
    assert hash(1.5) == 1152921504606846977 and hash(-1.0) == -2 and hash(float('inf')) == 314159
    assert hash(2.0 ** 80) == hash(2 ** 80) and hash(0.0) == hash(-0.0) == 0

for _name, _fn in list(globals().items()):
    if "test_" in _name:
        _fn()
