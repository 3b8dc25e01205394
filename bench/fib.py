"""Recursive fib: Python-to-Python calls. Prints: fib seconds=<s> check=<v>"""
import time
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
t0 = time.perf_counter()
v = fib(30)
print("fib seconds=%.4f check=%d" % (time.perf_counter() - t0, v))
