# Big-int &, |, ^, <<, >>, float(), math.isqrt/comb/perm on the limb paths: mixed sizes and
# signs (negative operands take the two's complement path), shifts across limb boundaries,
# rounding of float(int) at the half-way points, isqrt around perfect squares.
import math

def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        yield seed

g = lcg(99)
vals = [0, 1, -1, 2**32 - 1, 2**32, 2**63 - 1, 2**63, -2**63, 2**64 - 1, 2**64, -2**64,
        2**100, 2**100 - 1, -(2**100), 2**255 + 12345, (2**64 - 1) << 64, 10**40, -10**40]
for _ in range(25):
    v = 0
    for _ in range(next(g) % 7):
        v = (v << 32) | (next(g) >> 32)
    vals.append(v if next(g) % 3 else -v)

acc = 0
for a in vals:
    for b in vals:
        r = (a & b, a | b, a ^ b)
        assert r[0] + r[1] == a + b and r[2] == r[1] - r[0]
        acc = (acc * 1000003 + hash(r)) % 2**61
    for n in (0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 200, 1000):
        left, right = a << n, a >> n
        assert left == a * 2**n and right == a // 2**n
        acc = (acc * 1000003 + hash((left, right))) % 2**61
print("bitwise/shift digest", acc)
print((2**100) >> 2**70, (-(2**100)) >> 2**70, (-(2**100) - 1) >> 100, (-(2**100)) >> 100, -(2**64 + 1) >> 1)
print(0 << 2**80, (2**64) & -1, (-(2**64)) & (2**65 - 1), (2**64) | -(2**64), (2**70) ^ -1)

# float(int): exact, half-way (ties to even), above and below half, overflow.
for base in (2**53, 2**54 + 2, 2**64, 2**80 + 2**27, 2**1023):
    for delta in (-1, 0, 1):
        for half in (0, 1):
            shift = base.bit_length() - 53
            v = base + delta + (half << (shift - 1) if shift > 0 else 0)
            print(float(v).hex(), float(-v).hex())
# Ties: an odd kept mantissa rounds up, an even one stays.
for k in (11, 12, 40, 64, 500):
    for m in (2**53 - 1, 2**53 - 3, 2**52 + 1, 2**52 + 2):
        v = m * 2**k + 2**(k - 1)
        print(float(v).hex(), float(-v).hex(), float(v + 1).hex(), float(v - 1).hex())
print(float(2**1024 - 2**971), float(2**1023 * 3 // 2))
for v in (2**1024 - 2**970, 2**1024 - 2**970 + 1, 2**1024, -(2**1025)):
    try: print(float(v))
    except OverflowError as e: print("OverflowError", e)
print(float(2**64 + 2**11), float(2**64 + 2**11 + 1), float(3**200), 10**300 / 7 ** 100)

# isqrt around perfect squares; comb and perm against the definitions.
for r in (1, 2, 3, 2**26 - 1, 2**26, 2**32 + 7, 10**20 + 3, 3**100, 7**300):
    for n in (r * r - 1, r * r, r * r + 1, (r + 1) ** 2 - 1):
        s = math.isqrt(n)
        assert s * s <= n < (s + 1) ** 2, n
        print(s % 1000000007, end=" ")
print()
print([math.isqrt(n) for n in range(30)])
for n, k in ((0, 0), (5, 0), (5, 5), (5, 6), (30, 15), (100, 3), (1000, 500), (3000, 1200), (2**40, 3)):
    c, p = math.comb(n, k), math.perm(n, k)
    print(n, k, c % 1000000007, p % 1000000007, c.bit_length(), p.bit_length())
print(math.perm(20), math.comb(2**63 - 1, 1), math.perm(2**63 - 1, 1), math.comb(2**64, 2) % 1000000007)
print(hash(2**61 - 1), hash(2**61), hash(2**122), hash(-(2**200 + 5)), hash(7**5000) , hash(-(7**5001)))
