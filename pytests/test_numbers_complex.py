# complex on the engine: constants, constructor, repr, arithmetic, pow, equality, hash, errors.

def raises(exc, fn, message=None):
    try:
        fn()
    except exc as e:
        if message is not None:
            assert str(e) == message, (str(e), message)
    else:
        raise AssertionError("no " + exc.__name__)

def test_constants_and_repr():
    assert type(1j) is complex and repr(3j) == '3j' and repr(1 + 2j) == '(1+2j)' and repr(-1j) == '(-0-1j)'
    assert repr(complex(1.5, -0.0)) == '(1.5-0j)' and repr(complex(-0.0, 0.0)) == '(-0+0j)'
    assert repr(complex(float('nan'), float('inf'))) == '(nan+infj)' and str(1e20j) == '1e+20j'

def test_constructor():
    assert complex() == 0j and complex(2) == 2 + 0j and complex(1, 2) == 1 + 2j and complex(real=2, imag=3) == 2 + 3j
    assert complex('1+2j') == 1 + 2j and complex(' ( -3.5e2-4J ) ') == -350 - 4j and complex('  j  ') == 1j
    assert complex(1j, 1j) == -1 + 1j and repr(complex(-0.0, -0.0)) == '(-0-0j)'
    class C:
        def __complex__(self): return 1 + 1j
    class F:
        def __float__(self): return 2.5
    assert complex(C()) == 1 + 1j and complex(F()) == 2.5
    raises(ValueError, lambda: complex('x'), "complex() arg is a malformed string")
    raises(TypeError, lambda: complex('1', 2), "complex() can't take second arg if first is a string")
    raises(TypeError, lambda: complex(1, '2'), "complex() second arg can't be a string")
    raises(TypeError, lambda: complex([]), "complex() first argument must be a string or a number, not 'list'")
    raises(TypeError, lambda: complex(1, []), "complex() second argument must be a number, not 'list'")
    raises(TypeError, lambda: complex(1, 2, 3), "complex() takes at most 2 arguments (3 given)")
    class MyComplex(complex):
        pass
    m = MyComplex(1, 2)
    assert type(m) is MyComplex and type(m + 1) is complex and m.conjugate() == 1 - 2j

def test_arithmetic():
    assert (1 + 2j) * (3 - 4j) == 11 + 2j and (1 + 2j) / (3 - 4j) == -0.2 + 0.4j and 1 / 2j == -0.5j
    assert (1 + 2j) ** 2 == -3 + 4j and (1 + 1j) ** -2 == -0.5j and 3 - 1j == complex(3, -1)
    assert abs(3 + 4j) == 5.0 and abs(complex(1e308, 1e308)) == 1.4142135623730951e+308
    assert 2 ** 1j == (0.7692389013639721 + 0.6389612763136348j) and 0j ** 0 == 1
    z = 1j
    z *= 2
    assert z == 2j and -z == -2j and +z == 2j and (1 + 2j).real == 1.0 and (1 + 2j).imag == 2.0
    raises(ZeroDivisionError, lambda: (1 + 2j) / 0, "complex division by zero")
    raises(ZeroDivisionError, lambda: 0j ** -1, "0.0 to a negative or complex power")
    raises(ZeroDivisionError, lambda: 0j ** 1j, "0.0 to a negative or complex power")
    raises(OverflowError, lambda: (1 + 2j) ** 1000000, "complex exponentiation")
    raises(OverflowError, lambda: abs(complex(1.7e308, 1.7e308)), "absolute value too large")
    raises(TypeError, lambda: 2j // 1, "unsupported operand type(s) for //: 'complex' and 'int'")
    raises(TypeError, lambda: 1j % 1, "unsupported operand type(s) for %: 'complex' and 'int'")

def test_comparison_and_hash():
    assert (1 + 0j) == 1 and 1 == 1 + 0j and 1.5 + 0j == 1.5 and (2 ** 53 + 1) + 0j != 2 ** 53 + 1
    assert 1j != 1 and hash(1 + 0j) == hash(1) and hash(2.5 + 1j) == hash(2.5 + 1j)
    raises(TypeError, lambda: 1j < 2j, "'<' not supported between instances of 'complex' and 'complex'")

def test_format():
    assert format(1 + 2j, '.1f') == '1.0+2.0j' and format(1 + 2j, '') == '(1+2j)' and format(3j, '>8') == '      3j'

for _name, _fn in list(globals().items()):
    if "test_" in _name:
        _fn()
