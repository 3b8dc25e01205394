# Behaviours CPython's own test suite leans on (tools/cpython_tests.py): frame.clear(),
# exception context chains that hold a cycle, and a __call__ that recurses without end.
import sys
import traceback


def failing():
    local = [1, 2, 3]
    raise ValueError("boom")


try:
    failing()
except ValueError as e:
    tb = e.__traceback__
# unittest's assertRaises clears the frames of every traceback it catches.
traceback.clear_frames(tb)
inner = tb.tb_next.tb_frame
print("cleared locals:", inner.f_locals, inner.f_code.co_name)
inner.clear()  # clearing twice is fine

try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError:", e)


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed by frame.clear()")


g = gen()
next(g)
g.gi_frame.clear()
print("after clear:", list(g))


# A raise while handling an exception whose context chain is a cycle must not hang.
def cycle():
    try:
        raise ValueError(1)
    except ValueError as ex:
        ex.__context__ = ex
        raise TypeError(2)


try:
    cycle()
except Exception as e:
    print(type(e).__name__, type(e.__context__).__name__, e.__context__.__context__ is e.__context__)


class A(Exception): pass
class B(Exception): pass
class C(Exception): pass
class D(Exception): pass
class E(Exception): pass


def longer_cycle():
    try:
        raise A
    except A as _a:
        a = _a
        try:
            raise B
        except B as _b:
            b = _b
            try:
                raise C
            except C as _c:
                c = _c
                a.__context__ = c
                try:
                    raise D
                except D as _d:
                    e = E()
                    raise e


try:
    longer_cycle()
except E as e:
    chain = []
    x = e
    for _ in range(6):
        chain.append(type(x).__name__)
        x = x.__context__
    print("chain:", " -> ".join(chain))


# Calling an instance whose class's __call__ is an instance of that class recurses forever:
# RecursionError, not a crash.
class Rec:
    pass


Rec.__call__ = Rec()
try:
    Rec()()
except RecursionError:
    print("RecursionError from a recursive __call__")
