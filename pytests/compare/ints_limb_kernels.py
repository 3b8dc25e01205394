# Big-int add, subtract, multiply-by-one-limb and hash at the edges of the limb kernels:
# carries that run through all-ones limbs, results that shrink to a long or to zero,
# the long.MinValue / 2**63 / 2**64 boundaries, mixed signs and mixed sizes.
M = 2**61 - 1

def edges():
    vals = [0, 1, -1, 2**31, 2**32 - 1, 2**32, 2**63 - 1, 2**63, -2**63, -2**63 - 1,
            2**64 - 1, 2**64, -2**64, 2**64 + 1, 2**95, 2**96 - 1, 2**96, 2**127 + 2**64,
            2**200 - 1, -(2**200 - 1), 2**200, 2**61 - 1, 2**61, 2**122 - 1, (2**61 - 1) ** 3]
    for k in (1, 2, 3, 7, 8, 33):
        ones = 2**(32 * k) - 1
        vals += [ones, -ones, ones << 17, ones * (2**32 + 1)]
    return vals

def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        yield seed

def randoms(n):
    g = lcg(12345)
    out = []
    for _ in range(n):
        limbs = next(g) % 9
        v = 0
        for _ in range(limbs):
            v = (v << 32) | (next(g) >> 32 if next(g) % 3 else 0xFFFFFFFF)
        if next(g) % 2:
            v = -v
        out.append(v)
    return out

vals = edges() + randoms(60)
digest = 0
lines = 0
for i, a in enumerate(vals):
    for b in vals:
        s, d, p = a + b, a - b, a * b
        # Check the algebra here too, so a wrong result is also a failed assert, not only a diff.
        assert s - b == a and d + b == a and s + d == 2 * a
        assert (a == b) == (d == 0) and (a < b) == (d < 0)
        digest = (digest * 31 + s % M + 7 * (d % M) + 13 * (p % M) + hash(s) + hash(d) + hash(p)) % 2**64
        lines += 1
    for small in (0, 1, 2, 3, 10, 2**16 + 1, 2**32 - 1, 2**32, -7, -(2**32 - 1)):
        p = a * small
        assert p == small * a
        digest = (digest * 17 + hash(p) + p % 1000000007) % 2**64
    print(i, hash(a), a.bit_length(), hash(-a), a % 1000000007)
print("pairs", lines, "digest", digest)

# A carry through every limb, and subtractions that cancel the top limbs.
for k in (1, 2, 5, 40):
    x = 2**(32 * k) - 1
    print(k, x + 1 == 2**(32 * k), (x + x).bit_length(), (x + 1) - 1 == x, (2**(32 * k) + 5) - 2**(32 * k))
    print(hash(x), hash(x + 1), hash(-x), hash(x * (2**32 - 1)))
# The Fibonacci loop of bench/bigint.py, short.
a, b = 0, 1
for _ in range(3000):
    a, b = b, a + b
print(a % 1000000007, hash(a), a.bit_length())
f = 1
for i in range(1, 1500):
    f *= i
print(f % 998244353, hash(f), f.bit_length(), hash(-f))
print(hash(-1), hash(-(2**61 - 1)), hash(2**61 - 2), hash(-(2**61)), hash(2**64), hash(-2**64))
