# Builtin methods that take no keyword arguments name themselves with their type, as
# CPython's method descriptors do ("dict.get() takes no keyword arguments").
calls = [
    lambda: {}.get(key=1),
    lambda: {}.pop(x=1),
    lambda: {}.setdefault(x=1),
    lambda: [].index(x=1),
    lambda: [].insert(x=1),
    lambda: [].append(x=1),
    lambda: "a".startswith(x=1),
    lambda: "a".count(x=1),
    lambda: b"".count(x=1),
    lambda: set().add(x=1),
    lambda: (1).bit_length(x=1),
    lambda: getattr(x=1),
    lambda: divmod(x=1),
    lambda: {}.get(),
    lambda: [].index(),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)

# Module functions name their module (not for builtins): "math.sqrt() takes exactly one argument".
import math, operator, time, os, sys
module_calls = [
    lambda: math.pow(2), lambda: math.pow(2, 3, 4), lambda: math.sqrt(1, 2), lambda: math.sqrt(),
    lambda: operator.add(1), lambda: time.time(1), lambda: os.getpid(1), lambda: len(1, 2),
    lambda: sys.getrefcount(1, 2), lambda: math.floor(1, 2), lambda: math.gcd(a=1),
    lambda: time.sleep(secs=1), lambda: os.getcwd(x=1), lambda: math.pow(2, y=3),
]
for call in module_calls:
    try:
        call()
    except TypeError as e:
        print(e)
