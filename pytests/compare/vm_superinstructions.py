# The loop fuses pairs of instructions (LOAD_FAST+LOAD_FAST, LOAD_FAST+LOAD_CONST,
# LOAD_CONST+LOAD_FAST, STORE_FAST+LOAD_FAST, STORE_FAST+STORE_FAST): the values, an unbound
# local in either half (its message, line and position), jumps into the second half, exception
# handlers around either half, and the line numbers seen through frames and tracebacks.
import sys
import traceback


def pairs(a, b):
    c = a + b          # LOAD_FAST LOAD_FAST
    d = a * 3          # LOAD_FAST LOAD_CONST
    e = 7 - b          # LOAD_CONST LOAD_FAST
    f = c; g = f       # STORE_FAST LOAD_FAST
    h, i = a, b        # STORE_FAST STORE_FAST
    j, k, l = 1, 2, 3  # a chain of three stores
    return c, d, e, f, g, h, i, j, k, l


print(pairs(2, 5))
print(pairs('x', 'y') if False else pairs(1.5, 2))


def unbound_first(flag):
    if flag:
        x = 1
    return x + flag


def unbound_second(flag):
    if flag:
        y = 1
    return flag + y


def unbound_after_const(flag):
    if flag:
        z = 1
    return 10 - z


def unbound_after_store(flag):
    if flag:
        w = 1
    v = flag
    return w


def show(fn, *args):
    try:
        print(fn.__name__, fn(*args))
    except UnboundLocalError as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(fn.__name__, 'UnboundLocalError:', e, 'line', tb.tb_lineno - fn.__code__.co_firstlineno)
        print(''.join(traceback.format_exception(e)).replace(__file__, 'FILE').splitlines()[-3:])


for fn in (unbound_first, unbound_second, unbound_after_const, unbound_after_store):
    show(fn, 1)
    show(fn, 0)


def handler_between(flag):
    a = 1
    try:
        b = a
        return a + missing if flag else b
    except NameError as e:
        return 'caught ' + str(e)


print(handler_between(1), handler_between(0))


def jump_into_second(n):
    # the loop's back edge lands on instructions that also end a fused pair
    total = 0
    i = 0
    while i < n:
        total = total + i
        i = i + 1
    return total, i


print(jump_into_second(10))


def lines():
    a = 1; b = a; f = sys._getframe()
    return f.f_lineno - f.f_code.co_firstlineno, b


print(lines())


def deep(n):
    a, b = n, n - 1
    return a if n == 0 else deep(b)


print(deep(50))
