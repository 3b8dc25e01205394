import sys
def gen():
    x = yield 1
    print("got", x)
    try:
        y = yield 2
    except ValueError as e:
        print("caught in gen", e)
        y = yield 3
    finally:
        print("finally in gen")
    return y
g = gen()
print(next(g), g.send("a"), g.throw(ValueError("boom")))
try:
    g.send("end")
except StopIteration as e:
    print("stop", e.value)
def sub():
    r = yield 1
    yield r
    return "subdone"
def deleg():
    v = yield from sub()
    print("deleg got", v)
    yield v
print(list(deleg()))
d = deleg(); next(d); print(d.send("S"))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(sum(countdown(100)), list(zip(countdown(3), countdown(5))))
g2 = countdown(3)
for v in g2:
    if v == 2: break
print(list(g2))
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
c = closing(); next(c); c.close()
print(c.gi_frame is None)
# exception chaining
def chain():
    try:
        {}['k']
    except KeyError as e:
        raise ValueError("v") from e
try:
    chain()
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1/0
    except ZeroDivisionError:
        raise TypeError("t")
except TypeError as e:
    print(repr(e.__context__))
# finally ordering and return in finally
def f():
    try:
        return "try"
    finally:
        print("fin")
print(f())
def f2():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: return i
        finally:
            print("f2 fin", i)
print(f2())
# with statement
class CM:
    def __enter__(self): print("enter"); return self
    def __exit__(self, t, v, tb): print("exit", t.__name__ if t else None); return True
with CM() as cm:
    raise KeyError("x")
print("after with")
# exception groups
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print("VE", repr(eg.exceptions))
except* TypeError as eg:
    print("TE", repr(eg.exceptions))
# sys.exc_info
try:
    raise IndexError("ie")
except IndexError:
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
# assert
try:
    assert 1 == 2, "msg"
except AssertionError as e:
    print("assert", e)
# nested function recursion depth
sys.setrecursionlimit(5000)
def deep(n): return 0 if n == 0 else 1 + deep(n - 1)
print(deep(4000))
def inf(): return inf()
try: inf()
except RecursionError as e: print("RE", e)
# match
def m(x):
    match x:
        case 0: return "zero"
        case [a, b]: return f"pair {a} {b}"
        case {"k": v}: return f"dict {v}"
        case str() as s: return "str " + s
        case _: return "other"
print(m(0), m([1, 2]), m({"k": 5}), m("s"), m(3.5))
