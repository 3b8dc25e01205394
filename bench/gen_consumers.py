"""Builtins consuming generators (sum, any, max, list, join, dict, sorted) and loops over
generators with enumerate and `yield from`. Prints: gen_consumers seconds=<s> check=<v>"""
import time
def inner(n):
    for i in range(n):
        yield i
def outer(n):
    yield from inner(n)
def work():
    n = 200000
    check = sum(x * x for x in range(n) if x % 3)
    check += any(x < 0 for x in range(n)) + max(x ^ 5 for x in range(n))
    check += len(list(x for x in range(n))) + len(",".join(str(x) for x in range(n // 4)))
    check += len(dict((k, k) for k in range(n // 2))) + sorted(x % 1000 for x in range(n // 2))[-1]
    for i, x in enumerate(inner(n)):
        check += i ^ x
    for x in outer(n):
        check += x
    return check
t0 = time.perf_counter()
v = work()
print("gen_consumers seconds=%.4f check=%d" % (time.perf_counter() - t0, v))
