# Generators: yield, send, throw, close, yield from, generator expressions, return values.
def gen(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("got", got)
    return "done"

g = gen(3)
print(next(g))
print(g.send("hi"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def delegator():
    r = yield from gen(2)
    print("sub returned", r)
    yield "last"
print(list(delegator()))

def catcher():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 99
    finally:
        print("cleanup")

c = catcher()
print(next(c))
print(c.throw(ValueError("boom")))
c.close()

print(sum(x * x for x in range(10) if x % 2))
print(list(zip((i for i in "abc"), range(5))))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)

def closer():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        raise
x = closer()
next(x)
x.close()
print(x.gi_frame is None if hasattr(x, "gi_frame") else "n/a")
