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
# list(), tuple(), sorted(), str.join() of a generator
print(list(x * 2 for x in range(5)), tuple(x for x in "abc"), tuple(x for x in ()), list(g(0)))
print(sorted(x % 5 for x in range(12)), sorted((x for x in "hello"), key=lambda c: -ord(c), reverse=True))
print(",".join(str(x) for x in range(6)), "".join(c.upper() for c in "abc"), "-".join(x for x in ()))
try:
    ",".join(x for x in [1, "a"])
except TypeError as e:
    print("TypeError", e)
try:
    sorted((x for x in [1, "a", 2]))
except TypeError as e:
    print("TypeError", e, [fs.name for fs in traceback.extract_tb(e.__traceback__)])
try:
    list(raiser())
except ZeroDivisionError as e:
    print("ZDE", [fs.name for fs in traceback.extract_tb(e.__traceback__)])
class L(list): pass
class T(tuple): pass
print(type(L(x for x in range(2))), L(x for x in range(2)), type(T(x for x in range(2))), T(x for x in range(2)))
gl = (x for x in range(4)); next(gl)
print(list(gl), list(gl), tuple(gl))
print(list(map(tuple, [g(2), g(3)])), [sorted(g(3), reverse=True) for _ in range(2)])
print(any(x for x in range(0, 5)), all(x for x in range(0, 5)), any([0, 0.0, ""]), all(x for x in [1, 2, 3]))
# set() and dict() of a generator, errors at an item leave the generator there
print(sorted(set(x % 4 for x in range(10))), set(x for x in ()), dict((k, k * 2) for k in range(4)), dict(x for x in ()))
print(dict((str(k), [k]) for k in range(3)), dict([k, v] for k, v in zip("ab", "cd")), dict(("ab", "cd")[i] for i in range(2)))
class H:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): print("eq", self.v, o.v); return isinstance(o, H) and self.v == o.v
print(len(set(H(v) for v in [1, 2, 1])), len(dict((H(v), 0) for v in [3, 3])))
def items_then_bad():
    yield (1, 2)
    yield [3, 4]
    yield 5
    print("not reached")
gb = items_then_bad()
try:
    dict(gb)
except TypeError as e:
    print("TypeError", e, list(gb))
try:
    dict(x for x in [(1, 2), (1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
gs = (x for x in [1, [], 2])
try:
    set(gs)
except TypeError as e:
    print("TypeError", e, list(gs))
print(sorted(map(repr, set(x for x in [1, True, 1.0, "a", None]))), dict((x, 1) for x in [1, True, 1.0]))
class S(set): pass
class D(dict): pass
print(type(S(x for x in [1])), type(D((x, x) for x in [1])), frozenset(x for x in [1, 1, 2]))
# list.extend(gen): items appended as they come (visible to the generator), errors midway
le = [0]
def ext():
    for i in range(3):
        yield len(le) + i
le.extend(ext())
print(le, le.extend(x for x in ()), le)
def ext_bad():
    yield 1
    raise KeyError("k")
try:
    le.extend(ext_bad())
except KeyError as e:
    print("KeyError", e, le)
class LL(list): pass
ll = LL([1]); ll.extend(x for x in "ab"); print(ll, type(ll))
