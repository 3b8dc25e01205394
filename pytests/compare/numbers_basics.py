# int/float/complex/bool results, reprs, formats and error messages; stdout must equal python3.11's.
print(1+2j, 3j, -1j, complex(1.5, -0.0), complex(-0.0, 0.0), complex("1+2j"), complex(" ( -3.5e2-4J ) "))
print((1+2j)*(3-4j), (1+2j)/(3-4j), (1+2j)**2, (1+2j)**0.5, 2**(1j), abs(3+4j), (-8)**(1/3))
print(hash(1+0j) == hash(1), hash(2.5+1j), (1+0j) == 1, 1j == 1j, 2**53+1 == float(2**53+1))
print(format(3.14159, '.2f'), format(1234567.891, ',.2f'), format(0.5, '%'), format(1e100, 'g'), f"{2.5:>10}|{-1.0:+e}")
print(format(255, 'x'), format(255, '#b'), format(1234567, '_'), format(42, '08.3f'), f"{10**30:,}")
print(int('0x1f', 16), int('  -12_3  '), int(3.99), int(-3.99), int('z', 36), float('  1e5 '), float('-inf'))
print(divmod(7, -2), divmod(-7.5, 2), 7 // -2, -7 % 3, 7.5 % -2, 2 ** -1, 2 ** 100, 10 / 4, (10**30) / 7)
print(round(2.5), round(3.5), round(2.675, 2), round(1234, -2), round(-1250, -2), round(1.5e300), round(7))
print(int.from_bytes([1, 0], 'big'), int.from_bytes([255, 255], 'little', signed=True), (5).bit_length(), (255).bit_count())
print(1.5.as_integer_ratio(), (0.1).hex(), float.fromhex('0x1.8p1'), 3.0.is_integer(), (2.5).__floor__(), (2.5).__ceil__(), (-2.5).__trunc__())
print(repr(1e16), repr(1e-5), repr(0.1+0.2), 1e22, 123456789.0, -0.0, float('nan'), 2.0**0.5)
t = True; f = False
print(t & t, t | f, t ^ t, True + True, ~True, -True, repr(True), int(True), True == 1, hash(True))
for e in ['1/0', '1.0/0', '1//0', '1.0%0', '0.0**-1', 'int("abc")', 'float("x")', 'int(1e400)', "int(float('nan'))", '10**400 + 0.0', 'complex("1+")', '(1e200+1e200j)**50', '0j**-1', 'divmod(1.0, 0.0)', 'int("1", 1)', 'int(1.5, 10)', 'float([])', 'int([])', '(1).to_bytes(1, "x")', '(256).to_bytes(1, "big")', 'format(1.5, "d")', 'format(3, "s")', 'round(float("inf"))', '1 << -1']:
    try: print(e, '->', repr(eval(e)))
    except Exception as x: print(e, '!!', type(x).__name__, x)
