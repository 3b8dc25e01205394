# Generator edge cases: already executing, StopIteration inside generator, gen states, close return.
def selfref():
    yield g.send(None)
g = selfref()
try:
    next(g)
except ValueError as e:
    print("VE", e)
def leaky():
    yield 1
    raise StopIteration("bad")
try:
    list(leaky())
except RuntimeError as e:
    print("RE", e, type(e.__cause__).__name__)
def fin():
    try:
        yield 1
    finally:
        print("finally on close")
f = fin(); next(f); f.close(); f.close()
print(list(f))
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
ie = ignore_exit(); next(ie)
try:
    ie.close()
except RuntimeError as e:
    print("RE", e)
def thrower():
    while True:
        try:
            yield
        except KeyError as e:
            print("got", repr(e))
th = thrower(); next(th)
th.throw(KeyError("a"))
th.throw(KeyError("b"))
try:
    th.throw(ValueError("stop"))
except ValueError as e:
    print("escaped", e)
print(next(th, "exhausted"))
def unstarted():
    yield 1
u = unstarted()
try:
    u.send(5)
except TypeError as e:
    print("TE", e)
u2 = unstarted()
try:
    u2.throw(IndexError("early"))
except IndexError as e:
    print("IE", e)
print(next(u2, "dead"))
def counter():
    i = 0
    while True:
        cmd = yield i
        if cmd == "reset":
            i = 0
        else:
            i += 1
c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))
def pipeline():
    def read():
        for line in ["a 1", "b 2", "# comment", "c x", "d 4"]:
            yield line
    def parse(lines):
        for l in lines:
            if l.startswith("#"):
                continue
            k, v = l.split()
            try:
                yield k, int(v)
            except ValueError:
                yield k, None
    return {k: v for k, v in parse(read())}
print(pipeline())
ge = (1 / x for x in [1, 0])
print(next(ge))
try:
    next(ge)
except ZeroDivisionError:
    print("ZDE in genexp")
print(next(ge, "after error"))
