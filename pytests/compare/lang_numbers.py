# Numbers: int (big), float, complex, bool, division rules, builtins.
print(2 ** 100, -7 // 2, -7 % 2, 7 // -2, divmod(-7, 2), 7 / 2, 2 ** -1, 10 ** 20 // 3)
print(int("ff", 16), int("0b101", 0), int(" 42 "), int(-3.9), float("1e-3"), float("inf"), -float("inf"))
print(round(2.5), round(3.5), round(2.675, 2), round(-0.5), round(1234, -2), abs(-3), abs(-2.5))
print(0.1 + 0.2 == 0.3, 1e308 * 10, 5 % 3.0, -5 % 3.0, 2 ** 0.5, pow(2, 10, 1000), pow(3, -1, 7))
print(True + True, True * 3, bool(0), bool([]), bool("x"), int(True), 1 == 1.0, hash(1) == hash(1.0))
print(complex(1, 2) * complex(3, -1), abs(3 + 4j), (1 + 2j).conjugate(), 1j ** 2)
print(bin(10), oct(8), hex(255), (255).bit_length(), (-1) ** 0.5)
print(1 << 70, (1 << 70) >> 68, -(1 << 64) | 5, ~5, 6 & 3, 6 ^ 3)
print(3 < 4 < 5, 3 < 4 > 5, 1 < 2.5, 10 ** 18 + 1 > 1e18)
print(float(10 ** 30), int(1e30), 7.0 // 2, 7.5 % 2, (2 ** 64) * 1.0)
import math
print(math.sqrt(16), math.pi, math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.factorial(20), math.isclose(0.1 + 0.2, 0.3))
print(sum(range(1000000)), max(3, 7.5), min("b", "a"))
print(1_000_000, 0x_ff, 1e3, 1.5j, 0o17, 0b1010)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
try:
    int("abc")
except ValueError as e:
    print(e)
