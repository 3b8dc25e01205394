# exec(code, closure=...) (3.11): the cells become the code's free variables; the checks of
# CPython's builtin_exec; types.CellType(); breakpoint() through sys.breakpointhook and
# $PYTHONBREAKPOINT (a builtin, module.attr, "0", unimportable names warn).
import os, sys, warnings
from types import CellType
def make():
    a, b, c = 2, 3, 5
    def three():
        nonlocal a, b
        global result
        result = a * b
    def none(): return 1
    return three, none
three, none = make()
result = 0
exec(three.__code__, three.__globals__, closure=three.__closure__); print(result)
exec(three.__code__, three.__globals__, closure=(CellType(35), CellType(72))); print(result)
for kw in ({}, {"closure": None}, {"closure": (CellType(1),)}, {"closure": [CellType(1), CellType(2)]},
           {"closure": (CellType(1), 2)}, {"closure": (CellType(1), CellType(2), CellType(3))}):
    try: exec(three.__code__, three.__globals__, **kw); print("ran", result)
    except TypeError as e: print("TypeError:", e)
for src, kw in ((none.__code__, {"closure": (CellType(1),)}), ("x = 1", {"closure": (CellType(1),)}), (none.__code__, {"closure": None})):
    try: exec(src, {}, **kw); print("ran")
    except TypeError as e: print("TypeError:", e)
c = CellType(); print(repr(c).split(":")[-1])
try: c.cell_contents
except ValueError as e: print("ValueError:", e)
print(CellType([1]).cell_contents)
for args, kw in (((1, 2), {}), ((), {"x": 1})):
    try: CellType(*args, **kw)
    except TypeError as e: print("TypeError:", e)
os.environ["PYTHONBREAKPOINT"] = "builtins.print"
breakpoint(1, 2, sep="-")
os.environ["PYTHONBREAKPOINT"] = "print"
breakpoint("plain", "builtin")
os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint(1))
for bad in (".int", "int.", "nosuchmodule.f", "os.no_such_function", "/./"):
    os.environ["PYTHONBREAKPOINT"] = bad
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        print(breakpoint(), [(x.category.__name__, str(x.message)) for x in w])
sys.breakpointhook = lambda *a, **k: ("hook", a, k)
print(breakpoint(3, k=4))
del sys.breakpointhook
try: breakpoint()
except RuntimeError as e: print("RuntimeError:", e)
sys.breakpointhook = sys.__breakpointhook__
