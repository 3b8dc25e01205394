# int/float/complex/bool results, reprs, formats and error messages; stdout must equal python3.11's.
class MyInt(int):
    def __repr__(self): return f'MyInt({int(self)})'
class MyFloat(float): pass
class MyComplex(complex): pass
m = MyInt(5); print(m, repr(m), type(m + 1), m + 1, type(-m), type(abs(m)), MyInt('12', 8), type(int(m)))
f = MyFloat('2.5'); print(f, type(f), type(f * 2), MyFloat.fromhex('0x1p3'), type(MyFloat.fromhex('0x1p3')))
c = MyComplex(1, 2); print(c, type(c), type(c + 1), c.real, c.imag, c.conjugate())
x = 5; x += 2.5; print(x); y = 3; y **= 2; print(y); z = 1j; z *= 2; print(z)
print(2**53 + 1 > float(2**53), 2**53 + 1 == float(2**53 + 1), float(2**53) == 2**53, 10**400 > 1e308, -10**400 < float('-inf'), 1 < float('nan'))
print(hash(2**61 - 1), hash(2**61), hash(-2**61), hash(-1), hash(1.5), hash(-1.0), hash(float('inf')), hash(10**100))
print(0.1 + 0.2 == 0.3, 1e308 * 10, -1e308 * 10, 5 % -3, -5 // 3, 5.0 // -3, -0.0 % 5, 7 % 0.5)
print(str(2**100), str(-2**64), (-2**63) // -1, (-2**63) % -1, abs(-2**63), -(-2**63))
print(1 + True, True * 2.5, 3 - 1j, 2 * (1+1j), 1 / 2j, (1+1j) ** -2, 2.0 ** 0.5j)
print(int.__add__(1, 2.0), float.__radd__(1.0, 2), (3).__rsub__(10), (1).__truediv__(2), int.__pow__(2, 10))
print((1.5).__round__(), round(-0.5), round(0.125, 2), round(1e300, -300), round(12345.6789, -2), round(5, 0), type(round(5.5, None)))
print(format(-42, '+08d'), format(3.5, '=+10.2f'), format(1+2j, '.1f'), format(1e-7, ''), format(12.0, 'n'), format(10**20, 'e'), format(5, 'c'))
print(f'{123.456:_^20.1f}|{0.000123:.2e}|{1234.5:,}|{-0.0}|{float("inf"):+}|{12:#o}|{12:X}')
print(int('   0b101  ', 0), int('0o17', 0), int('10', 2), int('٣'), float('  ١.٥ '), int('1_000'), complex('  j  '), complex('-1.5e-3J'))
print((2**64).bit_length(), (-2**64).bit_count(), (10).as_integer_ratio(), (-0.75).as_integer_ratio(), 1.0.hex(), (-0.0).hex(), float.fromhex('-0X1.FFFFFP+10'))
print(sum([0.1]*10), max(1, 2.5), min(3j.imag, 2), divmod(-7, 2), pow(3, 4, 5), pow(3, -1, 7), pow(2, 0.5), pow(-8, 1/3))
print(True.real, True.imag, (5).numerator, (5).denominator, (5).real, (5).imag, 1.5.real, 1.5.imag, (2+3j).real)
print(type(True + False), type(True & 1), isinstance(True, int), bool(0.0), bool(0j), bool(-0.0), bool(1e-300))
print(int.from_bytes([0xff, 0xfe], 'little', signed=True), (1024).__sizeof__() > 0, float.__getformat__('double'))
