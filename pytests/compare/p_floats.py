# Float repr, arithmetic, special values, conversions (no format specs).
import math
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, 1e16, 1e-5, 123456789.123, 1 / 3, 2.5, -0.0, 1e300 * 10]
for v in vals:
    print(repr(v), str(v))
print(float("3.5"), float("  -2e3 "), float("inf"), float("-inf"))
print(math.isnan(float("nan")), float("nan") == float("nan"))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1.0005, 3))
print(7.0 // 2, -7.0 // 2, 7.0 % 3, -7.0 % 3, divmod(7.5, 2))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), int(2.9e3))
print(math.sqrt(2), math.pi, math.e, math.hypot(3, 4))
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(float(10 ** 20), 2 ** 0.5, 10 / 4, 9 / 3, 1e22, 1e23)
print((0.5).as_integer_ratio(), (2.0).is_integer(), (2.5).is_integer())
print(abs(-3.5), max(1.5, 2), min(-0.0, 0.0))
print(math.log(100, 10), math.log2(1024), math.exp(0))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZDE", e)
try:
    math.sqrt(-1)
except ValueError as e:
    print("VE", e)
total = 0.0
for i in range(1, 11):
    total += 1 / i
print(total)
xs = [3.25, -1.5, 2.0, 0.125]
print(sorted(xs), sum(xs) / len(xs))
print(1e-7, 1.5e-10, 12345678901234567890.0, 0.000123)
print(str(1.0e15), str(1.0e16), 100.0, -1e-4)
