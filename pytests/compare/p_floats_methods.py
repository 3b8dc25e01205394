# Float repr/str, arithmetic, special values and conversions without the math module.
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, 1e16, 1e-5, 123456789.123, 1 / 3, 2.5, -0.0, 1e300 * 10, 2 / 3, 100.0]
for v in vals:
    print(repr(v), str(v), v == v, -v)
print(float("3.5"), float("  -2e3 "), float("inf"), float("-inf"), float("nan") == float("nan"))
print(7.0 // 2, -7.0 // 2, 7.0 % 3, -7.0 % 3, divmod(7.5, 2), 2 ** -2, 10 ** -3)
print(int(2.9e3), int(-0.5), float(10 ** 20), 2 ** 0.5, 10 / 4, 9 / 3, 1e22, 1e23)
print((0.5).as_integer_ratio(), (2.0).is_integer(), (2.5).is_integer())
print(abs(-3.5), max(1.5, 2), min(-0.0, 0.0), 0.1 * 3, 0.3 == 0.1 * 3)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZDE", e)
try:
    float("x")
except ValueError as e:
    print("VE", e)
total = 0.0
for i in range(1, 11):
    total += 1 / i
print(total, sum([0.1] * 10))
xs = [3.25, -1.5, 2.0, 0.125]
print(sorted(xs), sum(xs) / len(xs), max(xs), min(xs))
print(1e-7, 1.5e-10, 12345678901234567890.0, 0.000123, 1e15, 1e16, -1e-4, 5e-324, 1.7976931348623157e308)
print(3 * 1.1, 1.1 + 2.2, 1 - 0.9, 4.35 * 100, 0.1 ** 10)
def newton_sqrt(x):
    g = x / 2
    for _ in range(30):
        g = (g + x / g) / 2
    return g
print(newton_sqrt(2), newton_sqrt(1e10), newton_sqrt(0.25))
inf = float("inf")
print(inf > 1e308, -inf < 0, inf - inf == inf - inf, inf * 0 == 0, str(inf), repr(-inf))
print(1 == 1.0, 1.5 > 1, hash(2.0) == hash(2), int(1e16) == 10 ** 16, 2 ** 53 + 1.0)
print(f"{0.1}", "%s %r" % (0.5, 1e-5), str(123.0), [1.0, 2.5], (0.0,), {1.5: 2.25})
