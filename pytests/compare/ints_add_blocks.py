# Big-int addition and subtraction of operands of 9 limbs (32-bit) and more, where the
# kernels work eight limbs at a time and must notice a carry that runs through all-ones
# limbs (a borrow through equal limbs): runs of every length, starting at every offset
# within a block of eight, with a carry or borrow arriving from below, ending at the top
# or inside the shorter operand.
def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        yield seed

g = lcg(2024)
digest = 0
count = 0
ONES = 0xFFFFFFFF
for la in (9, 10, 16, 17, 24, 25, 40, 63):
    for run_start in range(0, la):
        run_len = 1 + next(g) % 20
        # a: random limbs with a run of all-ones limbs; b: a carry-generating limb just below the run
        limbs_a = [(next(g) >> 32) for _ in range(la)]
        for k in range(run_start, min(la, run_start + run_len)):
            limbs_a[k] = ONES
        a = 0
        for limb in reversed(limbs_a):
            a = (a << 32) | limb
        a |= 1 << (32 * la - 1)
        lb = la - next(g) % 3 if next(g) % 2 else la + next(g) % 3
        b = next(g) % 2**(32 * max(lb, 1))
        if run_start > 0:
            b |= ONES << (32 * (run_start - 1))   # generates the carry into the run
        # equal limbs from run_start up to the top one (less by one), all ones below: the
        # borrow from the low limbs runs through every equal limb
        eq = ((a >> (32 * run_start)) << (32 * run_start)) - 2**(32 * (la - 1)) + (2**(32 * run_start) - 1)
        for x, y in ((a, b), (b, a), (a, 1), (a, a), (a, ONES), (a, 2**(32 * run_start)), (a, eq), (a, -eq)):
            d = x - y
            assert d + y == x and y - x == -d, (x, y)
            digest = (digest * 1000003 + d % (2**61 - 1) + hash(d) + d.bit_length()) % 2**64
            s = x + y
            # subtraction and the bit length check the sum independently of the addition
            assert s - y == x and s - x == y, (x, y)
            assert y < 0 or s.bit_length() in (max(x.bit_length(), y.bit_length()), max(x.bit_length(), y.bit_length()) + 1)
            digest = (digest * 1000003 + s % (2**61 - 1) + hash(s)) % 2**64
            count += 1
    print(la, digest)
# all ones plus one: the carry runs from limb 0 through every block to a new top limb
for k in (9, 15, 16, 17, 64, 100):
    x = 2**(32 * k) - 1
    print(k, x + 1 == 2**(32 * k), (x + 1).bit_length(), hash(x + x), (x + (x >> 32)) % 1000000007)
    # and back: a borrow from limb 0 through every zero limb
    print(k, (x + 1) - 1 == x, hash(2**(32 * k) - 1), hash(2**(32 * k + 5) - 2**(32 * k - 1)), (2**(32 * k) - 3) % 1000000007)
print("sums", count)
