# int/float/complex/bool results, reprs, formats and error messages; stdout must equal python3.11's.
class I:
    def __index__(self): return 7 - 5 + 5
class F:
    def __float__(self): return 2.5
class C:
    def __complex__(self): return 1+1j
class Bad:
    def __float__(self): return 1
print(int(I()), float(I()), float(F()), complex(C()), complex(F()), complex(I()), list(range(9))[I()], complex(1j, 1j), complex(-0.0, -0.0), complex(real=2, imag=3))
print(bin(10), oct(-8), hex(255), (1).__index__(), float(' +1.5E+3\n'), int('-0'), int(' 00 '), 3 .__class__, complex(2.0) == 2)
for e in ['int("")', 'int(" ")', 'int("1.5")', "int('12', base=37)", 'int("9", 8)', 'int(x="1")', 'float(x=1)', 'float(1, 2)', 'complex(1, 2, 3)',
          'float(Bad())', 'complex(C(), 1j) if False else complex("1", "2")', '1j < 2j', '1j > 1', '1 + "a"', '2.0 < "x"', '-(1j).foo',
          '(1j) // 2', 'divmod(1j, 2)', 'pow(2, 3, 0)', 'pow(4, -1, 6)', '10 ** -1000', '1 << 10**20',
          '(2**64).to_bytes(4, "big")', '(-1).to_bytes(1, "big")', 'int.from_bytes("ab", "big")', 'float.fromhex("0x1p99999")', 'float.fromhex("zz")',
          '(1.5).as_integer_ratio() + float("inf").as_integer_ratio()', 'float("nan").as_integer_ratio()', 'round(1.5, "x")', 'int.bit_length(1.5)',
          'format(1.5, "x")', 'format(10, ".2s")', 'format(10, ",b")', 'format(1j, "=10")', 'format(1.0, "z")',
          'abs(complex(1e308, 1e308)*10)', 'complex("1e500j")', 'float("1e500")', '1e200 ** 2', '(-1) ** 0.5', '0 ** -1', '0.0 ** 0', 'int("1" * 5000)',
          'str(10 ** 5000)[:3]', '1.0 // float("inf")', 'divmod(-1.0, float("inf"))', 'float("inf") % 2', '5 % float("inf")']:
    try: print(e, '->', repr(eval(e)))
    except Exception as x: print(e, '!!', type(x).__name__, x)
