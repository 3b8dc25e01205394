# A call's result that a STORE_FAST or POP_TOP takes right after the call goes straight into the
# local (or away) in the loop, without the push: results of Python functions, __init__ (the
# instance), builtins, methods of builtin types, __enter__; a fused STORE_FAST pair after the
# call; line numbers and tracebacks right after; tracing (which sees every instruction's line).
import sys
import traceback


def plain(x):
    return x * 2


class C:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def __enter__(self):
        return self.v + 100

    def __exit__(self, *a):
        return False


def stores(n):
    a = plain(n)              # Python function -> STORE_FAST
    b = C(a)                  # class with __init__ -> the instance
    c = b.get(); d = c        # method -> STORE_FAST fused with the LOAD_FAST after it
    e = len([a, c])           # builtin
    lst = []
    lst.append(e)             # list.append statement -> POP_TOP
    lst.append(plain(e))
    plain(1)                  # Python call statement -> POP_TOP
    k = {'x': 1}.get('x')     # dict.get
    with C(7) as w:           # __enter__ result
        m = w
    g = max(a, e); h = g; i = h
    return a, b.v, c, d, e, lst, k, w, m, g, h, i


print(stores(5))


def unpack_after_call():
    x, y = divmod(17, 5)
    p, q = plain(3), plain(4)
    return x, y, p, q


print(unpack_after_call())


def chained():
    a = b = plain(2)
    return a, b


print(chained())


def lineno_after_call():
    f = sys._getframe()
    x = plain(1)
    line = f.f_lineno - f.f_code.co_firstlineno
    return x, line


print(lineno_after_call())


def raise_after_store():
    x = plain(3)
    return x + None


try:
    raise_after_store()
except TypeError as e:
    print(''.join(traceback.format_exception(e)).replace(__file__, 'FILE').splitlines()[-4:])


def callee_sees_caller():
    f = sys._getframe(1)
    return f.f_lineno - f.f_code.co_firstlineno


def caller():
    a = callee_sees_caller()
    b = callee_sees_caller(); c = b
    return a, b, c


print(caller())


events = []


def tracer(frame, event, arg):
    if frame.f_code is stores.__code__:
        events.append((event, frame.f_lineno - stores.__code__.co_firstlineno))
    return tracer


sys.settrace(tracer)
r = stores(2)
sys.settrace(None)
print(r)
print(events)
print(stores(3))


def gen():
    x = yield plain(1)
    y = plain(x)
    yield y


g = gen()
print(next(g), g.send(10))


def recursive(n):
    if n == 0:
        return 0
    r = recursive(n - 1)
    return r + 1


print(recursive(200))
