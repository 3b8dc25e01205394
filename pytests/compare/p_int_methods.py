# int/float methods and numeric builtins.
print((255).bit_length(), (10).bit_count() if hasattr(int, "bit_count") else 2, (7).conjugate(), (5).real, (5).imag, (6).numerator, (6).denominator)
print(int.__name__, (3).__add__(4), (10).__sub__(3), (2).__pow__(10), float.fromhex("0x1.8p1"), (1.5).hex())
print(round(3.14159, 2), round(2.5), round(0.5), round(-1.5), round(1234.5678, -2), round(7, 0))
print(float("1e500"), -float("inf"), int(1e18), int(-2.5e10), 2 ** 0.5 * 2 ** 0.5)
