# sys.settrace: with, while/else, multi-line calls, lambdas, nested functions, coroutines.
import sys

def show(a):
    if isinstance(a, tuple) and len(a) == 3 and isinstance(a[0], type):
        return (a[0].__name__, str(a[1]))
    if a is None or isinstance(a, (int, str, bool)):
        return a
    if callable(a) and hasattr(a, '__name__'):
        return 'fn:' + a.__name__
    return type(a).__name__

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    print(event, frame.f_code.co_name, frame.f_lineno, show(arg))
    return tracer

class C:
    def __init__(self, v):
        self.v = v
    @property
    def p(self):
        return self.v * 2
    def m(self):
        return [i * self.v for i in range(2)]

def with_stmt():
    class CM:
        def __enter__(self):
            return 1
        def __exit__(self, *a):
            return True
    with CM() as x:
        y = x
        raise RuntimeError("in with")
    return y

def whiles():
    i = 0
    while i < 3:
        i += 1
        if i == 2:
            continue
    else:
        i = -i
    return i

def multi(a,
          b=2):
    return (a +
            b)

def lam():
    f = lambda q: q + 1
    return f(1), {k: k for k in 'ab'}, list(map(lambda z: z, [1]))

def nested():
    def inner():
        return 5
    return inner()

async def coro():
    return 9

def run_coro():
    c = coro()
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

def gen_throw():
    def g():
        try:
            yield 1
        except ValueError:
            yield 2
    it = g()
    next(it)
    r = it.throw(ValueError)
    it.close()
    return r

def main():
    c = C(3)
    c.p
    c.m()
    with_stmt()
    whiles()
    multi(1,
          b=3)
    lam()
    nested()
    run_coro()
    gen_throw()

sys.settrace(tracer)
main()
sys.settrace(None)
