# Integer arithmetic: small and big, division semantics, bit ops, conversions.
def show(*a):
    print(*a)

big = 2 ** 100
show(big, big + 1, big * big)
show(big // 7, big % 7, -big // 7, -big % 7)
show(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
show(7 // 2, -7 // 2, 7 % -3, -7 % 3)
show(1 << 70, (1 << 70) >> 65, -1 >> 3, ~5, ~-1)
show(0b1011 & 0b0110, 0b1011 | 0b0110, 0b1011 ^ 0b0110)
show(int("123"), int("-0x1f", 16), int("777", 8), int("z", 36), int("  42  "))
show(int("1_000_000"), int(3.99), int(-3.99), int(True))
show(hex(255), oct(8), bin(10), hex(-255), bin(0))
show(abs(-big), pow(3, 200, 1000), pow(2, 10), pow(-2, 3))
show((123456789).bit_length(), (0).bit_length(), (-8).bit_length())
show(max(3, 9, 2), min([4, -1, 7]), sum(range(101)))
fact = 1
for i in range(1, 31):
    fact *= i
show(fact, len(str(fact)))
show(fact // (2 ** 20), fact % 1000003)
show(10 ** 20 == 100000000000000000000, 10 ** 20 > 2 ** 64)
show(round(1234, -2), round(1250, -2), round(1350, -2))
show(int.from_bytes(b"\x01\x00", "big"), (1024).to_bytes(2, "little"))
show(isinstance(big, int), type(big).__name__)
for v in [0, 1, -1, 2 ** 63, -(2 ** 63), 2 ** 64 - 1]:
    show(v, v + 1, v - 1, v * 3, v // 3, v % 3)
try:
    1 // 0
except ZeroDivisionError as e:
    show("ZDE", e)
try:
    5 % 0
except ZeroDivisionError as e:
    show("ZDE", e)
try:
    int("abc")
except ValueError as e:
    show("VE", e)
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
show(gcd(2 ** 64, 6 ** 20), gcd(1071, 462))
fib = [0, 1]
while len(fib) < 120:
    fib.append(fib[-1] + fib[-2])
show(fib[-1], fib[99] % 1000000007)
show(sorted([5, -3, 2 ** 70, -(2 ** 70), 0]))
show(hash(7) == hash(7), 3 == 3.0, 2 ** 53 + 1 == float(2 ** 53 + 1))
