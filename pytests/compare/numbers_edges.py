# Parsing, rounding, subclass construction and promotion edge cases; stdout must equal python3.11's.
class BadInt:
    def __int__(self): return 1.5
class Sub(float): pass
class ISub(int): pass
for e in ['int("0x", 16)', 'int("0_1")', 'int(" 1 2 ")', 'float("1__0")', 'float(".")', 'float("1e")', 'float(".5")', 'float("5.")', 'int(BadInt())',
          'complex("1+2j ")', 'complex("(1+2j")', 'complex("1e3-j")', 'complex("infj")', 'complex("nan+nanj")', 'complex("-1_0.5j")', 'round(2.5, True)', 'round(1.23456, 10**20)',
          'int.__new__(int)', 'float.__new__(Sub, "1.5")', 'type(float.__new__(Sub, "1.5"))', 'int.__new__(ISub, 5)', 'type(ISub(5) + 0)', 'float.__new__(int)',
          'int.__new__(float)', '(12).__format__("")', '(1.5).__format__(5)', 'format(True, "")', 'format(True, "d")', 'format(2.5, "")', 'str(True)', 'float.fromhex(" 0x1.0p-1074 ")',
          'float.fromhex("0x1p-1075")', 'float.fromhex("0x1.fffffffffffff8p1023")', '(5e-324).hex()', 'float("0x1p3")', 'int("1e3")', '(-5) ** 0.5', '(-5.0) ** 2', '(-5) ** 3',
          '2 ** 0.5 ** 2', '10 ** 20 * 10 ** 20', '0 ** 0', '(2**100) // 3.0', '(2**100) % 7.0', '7.0 // (2**100)', 'float("1" * 400)', 'float("-" + "9" * 400 + "e-400")',
          'int(-0.0)', 'repr(-0.0 * 1)', '-0.0 == 0', 'hash(-0.0)', 'abs(-0.0)', '(1).__sizeof__() == (1).__sizeof__()', 'isinstance(1, complex)', '1 in [1.0]', '{1: "a"}[1.0]',]:
    try: print(e, '->', repr(eval(e)))
    except Exception as x: print(e, '!!', type(x).__name__, x)
