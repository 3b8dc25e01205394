# `for TARGET in generator:` with every kind of target: the loop stores a plain local straight
# from the generator's yield, the other targets through the stack; values, line numbers and
# tracebacks must not tell the two apart.
import sys, traceback

def gen(n):
    for i in range(n):
        yield i * 10

def pairs(n):
    for i in range(n):
        yield i, -i

def locals_many():
    a = b = c = None
    out = []
    for c in gen(3):
        out.append((a, b, c))
        for b in gen(2):
            out.append((a, b, c))
    a = c
    return out, a, b, c

def unpack():
    out = []
    for x, y in pairs(3):
        out.append(x + y * 2)
    for (x, *rest) in ((i, i, i) for i in range(2)):
        out.append((x, rest))
    return out

class Box:
    pass

def attr_and_item():
    b = Box()
    d = {}
    for b.v in gen(3):
        pass
    for d["k"] in gen(4):
        pass
    return b.v, d

def cell():
    total = []
    for x in gen(3):
        total.append(lambda: x)
    return [f() for f in total]

def line_in_body():
    lines = []
    for v in gen(2):
        lines.append(sys._getframe().f_lineno)
    return lines

def raises_in_body():
    for v in gen(5):
        if v == 20:
            raise ValueError(v)

def empty_gen():
    return
    yield

def untouched_target():
    x = "before"
    for x in empty_gen():
        pass
    return x

def yield_from_loop():
    def inner():
        yield 1
        yield 2
        return 3
    def outer():
        r = yield from inner()
        yield r
    return [v for v in outer()], list(outer())

for x in gen(2):
    print("module-level", x)
print(locals_many())
print(unpack())
print(attr_and_item())
print(cell())
print(line_in_body())
print(untouched_target())
print(yield_from_loop())
try:
    raises_in_body()
except ValueError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(f.name, f.lineno, f.line) for f in tb])
