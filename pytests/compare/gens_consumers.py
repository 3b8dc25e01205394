# Builtins that consume a generator (sum, any, all, min, max): results, early stops that leave
# the generator suspended, errors raised by the consumer (never seen by the generator) and
# by the generator, frames and exc_info seen from inside, recursion through them.
import sys, traceback
def g(n):
    for i in range(n):
        yield i
print(sum(g(10)), sum(x * 1.5 for x in range(4)), sum((x for x in [1, 2.5, 3]), 10))
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(10)), any(()), all([]))
print(max(x for x in range(10)), min(x % 7 for x in range(3, 20)), max((x for x in []), default='d'))
print(max((x for x in "hello"), key=ord), min(g(5), key=lambda v: -v))
# early stop leaves the generator suspended
it = (x for x in range(10))
print(any(x > 3 for x in it), list(it))
gg = g(10)
print(any(v > 3 for v in gg), next(gg))
# exceptions inside the generator and in the consumer
def bad():
    yield 1
    yield "a"
    yield 3
try:
    sum(bad())
except TypeError as e:
    print("TypeError", e, [fs.name for fs in traceback.extract_tb(e.__traceback__)])
b = bad()
try:
    sum(b)
except TypeError:
    print("after error:", next(b), b.gi_running, b.gi_suspended if hasattr(b, 'gi_suspended') else '')
def raiser():
    yield 1
    1 / 0
try:
    max(raiser())
except ZeroDivisionError as e:
    print("ZDE", [fs.name for fs in traceback.extract_tb(e.__traceback__)])
try:
    max(x for x in ())
except ValueError as e:
    print("VE", e)
# the generator catching nothing from the consumer
def catching():
    try:
        yield 1
        yield "x"
        yield 2
    except TypeError:
        print("WRONG: generator saw the consumer's error")
        yield 100
try: print(sum(catching()))
except TypeError as e: print("ok", e)
# frames during the consumer's callbacks
def key(v):
    f = sys._getframe(1)
    return (f.f_code.co_name, v)
def caller():
    return max((x for x in range(3)), key=key)
print(caller())
def gi(): 
    yield sys._getframe().f_back.f_code.co_name
print(list(gi()), sum(len(x) for x in gi()))
def who():
    yield sys._getframe(1).f_code.co_name
def user(): return max(who())
print(user())
# exc_info inside
def excinfo():
    yield sys.exc_info()[0]
try:
    raise KeyError
except KeyError:
    print(max(excinfo(), key=str), sys.exc_info()[0])
# next() on the generator from within the consumer
class Eater:
    def __init__(self, g): self.g = g
    def __bool__(self):
        try: next(self.g)
        except StopIteration: pass
        return False
def selfeat():
    for i in range(5):
        yield Eater(G)
G = selfeat()
print(any(G))
G2 = (x for x in range(3))
print(sum(G2), sum(G2))
# started generator
G3 = g(5); next(G3)
print(sum(G3))
def rec(n):
    return sum(rec(n - 1) for _ in range(1)) + 1 if n else 0
print(rec(50))
try:
    rec(5000)
except RecursionError as e:
    print("RecursionError")
# generator return value ignored, gi_frame is None after
def withret():
    yield 1
    return 5
w = withret()
print(sum(w), w.gi_frame)
print(sum(x for x in range(3) if x), max(iter([3, 1])), min(3, 1, 2), max(1, 2, key=lambda v: -v))
