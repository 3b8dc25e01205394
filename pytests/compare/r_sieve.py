# Number theory: sieve of Eratosthenes, factorization, perfect numbers, Collatz, modular inverse.
def sieve(n):
    flags = bytearray([1]) * (n + 1)
    flags[0] = flags[1] = 0
    i = 2
    while i * i <= n:
        if flags[i]:
            flags[i * i::i] = bytearray(len(range(i * i, n + 1, i)))
        i += 1
    return [i for i in range(n + 1) if flags[i]]
primes = sieve(10000)
print(len(primes), primes[:15], primes[-3:])
def factor(n):
    out = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            out[d] = out.get(d, 0) + 1; n //= d
        d += 1
    if n > 1:
        out[n] = out.get(n, 0) + 1
    return out
for n in [360, 97, 2 ** 31 - 1, 600851475143, 1001, 2 ** 40 + 1]:
    f = factor(n)
    print(n, "=", " * ".join("%d^%d" % (p, e) if e > 1 else str(p) for p, e in sorted(f.items())))
def divisor_sum(n):
    s = 1; d = 2
    while d * d <= n:
        if n % d == 0:
            s += d
            if d != n // d: s += n // d
        d += 1
    return s
print([n for n in range(2, 10000) if divisor_sum(n) == n])
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1; steps += 1
    return steps
best = max(range(1, 3000), key=collatz_len)
print(best, collatz_len(best))
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
def modinv(a, m):
    g, x, _ = egcd(a, m)
    if g != 1:
        raise ValueError("%d has no inverse mod %d" % (a, m))
    return x % m
print(modinv(3, 11), modinv(17, 3120), pow(17, -1, 3120), egcd(240, 46))
try:
    modinv(6, 9)
except ValueError as e:
    print("VE", e)
twin = [(p, q) for p, q in zip(primes, primes[1:]) if q - p == 2]
print(len(twin), twin[-1], sum(primes) % 1000000)
gaps = {}
for p, q in zip(primes, primes[1:]):
    gaps[q - p] = gaps.get(q - p, 0) + 1
print(sorted(gaps.items())[:8], max(gaps))
