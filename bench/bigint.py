"""Big-int arithmetic. Prints: bigint seconds=<s> check=<v>"""
import time
def work():
    a, b = 0, 1
    for _ in range(150000):
        a, b = b, a + b
    f = 1
    for i in range(1, 12000):
        f *= i
    x = pow(3, 100000, 10**50 + 151)
    return (a % 1000000007) ^ (f % 998244353) ^ x ^ f.bit_length()
t0 = time.perf_counter()
v = work()
print("bigint seconds=%.4f check=%d" % (time.perf_counter() - t0, v))
