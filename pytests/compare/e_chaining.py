# Exception chaining, custom hierarchies, attributes, notes.
class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.msg = msg
        self.code = code
    def __str__(self):
        return "[%d] %s" % (self.code, self.msg)
class NotFound(AppError):
    pass
class Denied(AppError):
    pass
def lookup(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise NotFound("no " + key, 404) from e
try:
    lookup("z")
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise Denied("nope", 403)
except Denied as e:
    print(e, type(e.__context__).__name__, e.__cause__)
try:
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b") from None
except TypeError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
print(issubclass(NotFound, AppError), issubclass(NotFound, Exception), issubclass(KeyError, LookupError))
print([c.__name__ for c in NotFound.__mro__])
e = ValueError("x", 2)
print(e.args, str(e), repr(e), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
try:
    raise ValueError("with note")
except ValueError as err:
    err.add_note("first note")
    err.add_note("second")
    print(err.__notes__)
def classify(exc):
    try:
        raise exc
    except NotFound:
        return "notfound"
    except AppError as e:
        return "app:" + str(e.code)
    except (ArithmeticError, LookupError) as e:
        return "std:" + type(e).__name__
    except BaseException as e:
        return "base:" + type(e).__name__
for x in [NotFound("m", 1), Denied("m", 2), ZeroDivisionError(), KeyError(), OverflowError(), SystemExit(3), KeyboardInterrupt()]:
    print(classify(x))
class Retry(Exception):
    attempts = 0
def flaky():
    Retry.attempts += 1
    if Retry.attempts < 3:
        raise Retry("attempt %d" % Retry.attempts)
    return "ok after %d" % Retry.attempts
while True:
    try:
        print(flaky())
        break
    except Retry as r:
        print("retrying:", r)
try:
    raise StopIteration(5)
except StopIteration as s:
    print("stop value", s.value)
try:
    {}["k"]
except LookupError as le:
    print(type(le).__name__, le.args)
print(isinstance(SystemExit(), Exception), isinstance(KeyboardInterrupt(), BaseException))
