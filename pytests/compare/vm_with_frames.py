# A with-statement whose __enter__/__exit__ are Python functions runs them as frames of the
# loop (BEFORE_WITH, the normal exit CALL and WITH_EXCEPT_START push a frame): the same
# results, exceptions, tracebacks and recursion behaviour as CPython.
import sys, traceback, contextlib


class CM:
    def __init__(self, name, swallow=False, fail_enter=False, fail_exit=False):
        self.name, self.swallow, self.fail_enter, self.fail_exit = name, swallow, fail_enter, fail_exit

    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise KeyError("enter " + self.name)
        return self.name.upper()

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v, tb is not None)
        if self.fail_exit:
            raise ValueError("exit " + self.name)
        return self.swallow


def plain():
    with CM("a") as x:
        print("body", x)
    return "done"
print(plain())


def nested():
    with CM("outer") as o, CM("inner") as i:
        print("body", o, i)
        with CM("deep", swallow=True):
            raise IndexError("deep")
        print("after deep")
    return o + i
print(nested())


def swallowed():
    with CM("s", swallow=True):
        raise RuntimeError("boom")
    return "swallowed"
print(swallowed())


def propagated():
    try:
        with CM("p"):
            raise RuntimeError("through")
    except RuntimeError as e:
        print("caught", e, type(e.__context__))
propagated()


def enter_fails():
    try:
        with CM("ok"), CM("bad", fail_enter=True):
            print("never")
    except KeyError as e:
        print("caught", repr(e))
enter_fails()


def exit_fails():
    try:
        with CM("x", fail_exit=True):
            raise TypeError("inner")
    except ValueError as e:
        print("caught", repr(e), "context", repr(e.__context__))
    try:
        with CM("y", fail_exit=True):
            pass
    except ValueError as e:
        print("caught", repr(e), "context", repr(e.__context__))
exit_fails()


def tb_lines():
    try:
        with CM("tb", fail_enter=True):
            pass
    except KeyError:
        for fs in traceback.extract_tb(sys.exc_info()[2]):
            print("tb", fs.name, fs.line)
    try:
        with CM("tb2", fail_exit=True):
            1 / 0
    except ValueError:
        for fs in traceback.extract_tb(sys.exc_info()[2]):
            print("tb", fs.name, fs.line)
tb_lines()


def returns_inside():
    for i in range(3):
        with CM("loop%d" % i):
            if i == 1:
                continue
            if i == 2:
                return i
            print("loop body", i)
print(returns_inside())


@contextlib.contextmanager
def gen_cm(tag):
    print("gen enter", tag)
    try:
        yield tag * 2
    except ZeroDivisionError:
        print("gen saw ZeroDivisionError")
    finally:
        print("gen exit", tag)


def with_gen():
    with gen_cm("g") as v:
        print("body", v)
    with gen_cm("h"):
        1 / 0
    print("after h")
with_gen()


def in_generator():
    with CM("gen-with") as x:
        yield x
        yield x + "!"
print(list(in_generator()))


class Frames:
    def __enter__(self):
        return sys._getframe(1).f_code.co_name

    def __exit__(self, *a):
        print("exit caller", sys._getframe(1).f_code.co_name)


def caller_frame():
    with Frames() as name:
        print("enter caller", name)
caller_frame()


class Deep:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        if self.n:
            with Deep(self.n - 1):
                pass
        return self

    def __exit__(self, *a):
        pass


def recursion():
    try:
        with Deep(10 ** 6):
            pass
    except RecursionError as e:
        print("RecursionError", e)
recursion()


class ExitSelf:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return a[0] is StopIteration


def stop_iteration():
    with ExitSelf():
        raise StopIteration
    print("StopIteration swallowed")
stop_iteration()
