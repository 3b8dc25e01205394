"""A generator pipeline. Prints: generators seconds=<s> check=<v>"""
import time
def numbers(n):
    for i in range(n):
        yield i
def squares(it):
    for x in it:
        yield x * x
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def work():
    total = 0
    for v in evens(squares(numbers(2000000))):
        total += v
    total += sum(x for x in range(1000000) if x % 7)
    return total
t0 = time.perf_counter()
v = work()
print("generators seconds=%.4f check=%d" % (time.perf_counter() - t0, v))
