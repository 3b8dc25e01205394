# Generators: send/throw/close, yield from, return values, pipelines.
def averager():
    total = 0; n = 0; avg = None
    while True:
        x = yield avg
        if x is None:
            return (n, avg)
        total += x; n += 1; avg = total / n
g = averager()
print(next(g), g.send(10), g.send(20), g.send(60))
try:
    g.send(None)
except StopIteration as e:
    print("done", e.value)
def deleg():
    r = yield from averager()
    yield ("result", r)
d = deleg(); next(d); d.send(4); d.send(8)
print(d.send(None))
def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield "caught " + str(e)
    finally:
        print("cleanup")
h = guarded()
print(next(h), h.throw(ValueError("boom")))
h.close()
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("got exit")
        raise
c = closer(); next(c); c.close(); print("closed")
def nums(n):
    for i in range(n):
        yield i
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def squares(src):
    yield from (x * x for x in src)
print(list(squares(evens(nums(10)))), sum(x for x in range(5)))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", [1, 2], range(2))))
def fibg():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fibg():
    if v > 100: break
    out.append(v)
print(out)
gen = (x for x in [1, 2])
print(next(gen), next(gen), next(gen, "end"))
try:
    next(gen)
except StopIteration:
    print("stop")
def ret():
    yield 1
    return "val"
r = ret(); next(r)
try:
    next(r)
except StopIteration as e:
    print(repr(e.value))
def inner():
    x = yield "a"
    print("inner got", x)
    return x * 2
def outer():
    v = yield from inner()
    print("outer got", v)
o = outer(); print(next(o))
try:
    o.send(21)
except StopIteration:
    print("outer finished")
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
