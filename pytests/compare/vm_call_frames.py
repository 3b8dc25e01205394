# An instance with a Python __call__ and f(*args, **kw) on a bound method run their function's
# frame in the calling loop (CALL / CALL_FUNCTION_EX push it): the same results, argument
# errors, tracebacks, sys._getframe and recursion behaviour as CPython.
import sys, traceback
class C:
    def __call__(self, a, b=2, *rest, **kw):
        if a == 0:
            raise ValueError("zero")
        return (a, b, rest, sorted(kw.items()))
    def m(self, *a, **k):
        return a, sorted(k.items())
c = C()
print(c(1), c(1, 3, 4, 5, z=1), c(*[7], **{"b": 8, "q": 9}))
print(c.m(*[1, 2], **{"x": 3}), C.m(c, *[1]))
try:
    c(0)
except ValueError:
    traceback.print_exc(file=sys.stdout)
try:
    c()
except TypeError as e:
    print("TypeError", e)
try:
    c.m(*[1], **{"x": 1, "y": 2})
    def rec(n): return c2(n)
    class D:
        def __call__(self, n): return rec(n - 1) if n else sys._getframe(1).f_code.co_name
    c2 = D()
    print(c2(5))
except Exception as e:
    print("E", e)
class G:
    def __call__(self):
        yield 1
print(list(G()()))
sys.setrecursionlimit(100)
class R:
    def __call__(self): return self()
try:
    R()()
except RecursionError as e:
    print("RecursionError", e)
