# A bare `raise` in a function called from an except block re-raises the handled exception
# (shutil.rmtree's default onerror does this; the loop once read past the callee's stack).
import os
import shutil
import sys
import tempfile


def reraise(*args):
    raise


def guarded():
    try:
        1 / 0
    except Exception:
        reraise(1, 2, sys.exc_info())


for call in (guarded,):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, "a", "b"))
with open(os.path.join(d, "a", "f.txt"), "w") as f:
    f.write("x")
shutil.rmtree(d)
print(os.path.exists(d))
try:
    shutil.rmtree(d)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename == d)
shutil.rmtree(d, ignore_errors=True)
seen = []
shutil.rmtree(d, onerror=lambda func, path, info: seen.append((func.__name__, info[0].__name__)))
print(seen)
