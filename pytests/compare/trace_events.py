# Trace events (call/line/return/exception) of sys.settrace for loops, exceptions, generators,
# comprehensions, with, coroutines and generator.throw, as CPython 3.11 reports them.
import sys

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    a = arg
    if event == 'exception':
        a = (arg[0].__name__, str(arg[1]))
    elif event == 'return' and arg is not None and not isinstance(arg, (int, str)):
        a = type(arg).__name__
    print(event, frame.f_code.co_name, frame.f_lineno, a)
    return tracer

def f(x):
    y = x + 1
    return y * 2

def g():
    for i in range(2):
        f(i)
    try:
        raise ValueError("boom")
    except ValueError:
        pass
    return 7

def gen():
    yield 1
    x = yield 2
    return 3

def h():
    for v in gen():
        print("got", v)
    return sum(x for x in [1, 2])

def deep():
    raise KeyError('k')

def catcher():
    try:
        deep()
    except KeyError:
        return 'c'

sys.settrace(tracer)
g()
h()
catcher()
sys.settrace(None)
print(sys.gettrace())
