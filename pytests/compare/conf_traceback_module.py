# The traceback module on the engine's frames, tracebacks and code positions (co_positions).
import sys
import traceback

def fail(x):
    return x.missing_attribute

def outer():
    try:
        fail(1)
    except AttributeError as e:
        raise RuntimeError("outer failed") from e

try:
    outer()
except RuntimeError as e:
    print("".join(traceback.format_exception(e)), end="")
    te = traceback.TracebackException.from_exception(e)
    print(list(te.format_exception_only()))
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.name, fs.lineno, fs.end_lineno, fs.line, fs.colno, fs.end_colno)
    print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(e.__traceback__)])
    print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(e.__cause__.__traceback__)])
    traceback.print_exc(file=sys.stdout)
    traceback.print_exc(limit=1, chain=False, file=sys.stdout)

def g():
    return traceback.extract_stack()
print([(x.name, x.lineno, x.line) for x in g()])
traceback.print_stack(file=sys.stdout)

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except Exception as e:
    traceback.print_exception(e, file=sys.stdout)

def recurse(n):
    return recurse(n + 1)
try:
    recurse(0)
except RecursionError:
    lines = traceback.format_exc().splitlines()
    print(len(lines), lines[-2:])

e = ValueError("noted")
e.add_note("a note")
print(traceback.format_exception_only(type(e), e))
print(traceback.format_exception_only(SyntaxError, SyntaxError("bad", ("f.py", 2, 3, "x = = 1\n", 2, 5))))
