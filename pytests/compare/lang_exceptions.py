# Exceptions: try/except/else/finally, chaining, custom exceptions, context managers, groups.
class MyError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code

def risky(n):
    if n == 0:
        raise MyError(42)
    if n == 1:
        return 1 / 0
    return n

for n in range(3):
    try:
        r = risky(n)
    except MyError as e:
        print("MyError", e.code, e.args, str(e))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    else:
        print("ok", r)
    finally:
        print("finally", n)

try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

try:
    try:
        int("x")
    except ValueError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e.__context__))

def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())

class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None)
        return True
with CM() as cm:
    raise KeyError("swallowed")
print("after with")

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("values", [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print("types", [str(x) for x in eg.exceptions])

e = Exception("a", 1)
e.add_note("a note")
print(e.args, e.__notes__)
print(issubclass(KeyError, LookupError), issubclass(StopIteration, Exception))
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError", e)

def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError caught")
