"""Loops over dict and list work. Prints: loops seconds=<s> check=<v>"""
import time
def work():
    d = {}
    lst = []
    for i in range(1500000):
        k = i % 977
        d[k] = d.get(k, 0) + i
        lst.append(i * 2)
    total = 0
    for x in lst:
        if x % 3 == 0:
            total += x
    for k, v in d.items():
        total ^= k * v
    return total
t0 = time.perf_counter()
v = work()
print("loops seconds=%.4f check=%d" % (time.perf_counter() - t0, v))
