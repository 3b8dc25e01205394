# The VM's fast paths against CPython: compare-and-branch on ints and floats, frame reuse
# in recursion (closures, exceptions, frames kept by tracebacks), and the slot identity
# tests of instantiation (object() and __init__ argument errors).
import sys


def branches(a, b):
    out = []
    if a < b: out.append('lt')
    if a <= b: out.append('le')
    if a == b: out.append('eq')
    if a != b: out.append('ne')
    if a > b: out.append('gt')
    if a >= b: out.append('ge')
    if not a < b: out.append('!lt')
    if not a == b: out.append('!eq')
    return out


nan = float('nan')
pairs = [(1, 2), (2, 2), (3, 2), (-5, 7), (2**62, 2**62 + 1), (2**70, 2**70), (2**64, -2**64),
         (1.5, 2.5), (2.0, 2.0), (nan, nan), (nan, 1.0), (1.0, nan), (-0.0, 0.0), (float('inf'), 1e308),
         (1, 1.0), (True, 1), (2, True), ('a', 'b'), ((1, 2), (1, 3))]
for a, b in pairs:
    print(repr(a), repr(b), branches(a, b))


class MyInt(int):
    def __lt__(self, other):
        return 'custom'


print(branches(MyInt(1), 2) if False else MyInt(1) < 2)
if MyInt(5) < 2:
    print('truthy custom result')


def stored(a, b):
    r = a < b
    s = a == b
    return r, s, (a > b) + 0


print(stored(1, 2), stored(2.0, 1.0), stored(nan, nan))


def counting(n):
    i = 0
    total = 0
    while i < n:
        total += i
        i += 1
    j = 0.0
    while j < 3.5:
        j += 0.5
    k = 10
    while not k <= 0:
        k -= 3
    return total, j, k


print(counting(1000), counting(0))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print([fib(i) for i in range(20)])


def tree(depth, label):
    # a closure per level: its cell must not leak into the next call that reuses the frame
    def show():
        return label
    if depth == 0:
        return [show()]
    return [show()] + tree(depth - 1, label + 1) + tree(depth - 1, label + 10)


print(tree(3, 0))


def locals_after_reuse(n, seen):
    x = n * 2
    if n > 0:
        locals_after_reuse(n - 1, seen)
    seen.append(sorted(locals().items()) if n != 2 else sorted(k for k in locals()))
    return seen


print(locals_after_reuse(4, []))


def fails_at(depth, at):
    if depth == at:
        raise ValueError('depth %d' % depth)
    return fails_at(depth + 1, at)


saved = []
for at in (3, 5, 2):
    try:
        fails_at(0, at)
    except ValueError as e:
        tb = e.__traceback__
        frames = []
        while tb is not None:
            frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_locals.get('depth')))
            tb = tb.tb_next
        saved.append(e)
        print(e, frames)
# the frames the tracebacks kept are still intact after more calls reused spare frames
print([fib(i) for i in range(10)])
for e in saved:
    tb = e.__traceback__
    depths = []
    while tb is not None:
        depths.append(tb.tb_frame.f_locals.get('depth'))
        tb = tb.tb_next
    print(depths)


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


try:
    deep(10**6)
except RecursionError as e:
    print('RecursionError', str(e)[:33])
print(deep(500))


def frame_identity():
    return sys._getframe()


f1 = frame_identity()
f2 = frame_identity()
print(f1 is f2, f1.f_code.co_name)


class P:
    def __init__(self, x, y):
        self.x, self.y = x, y


class NoInit:
    pass


def error(fn, *args):
    try:
        fn(*args)
    except TypeError as e:
        return str(e)
    return 'no error'


print(error(object, 1))
print(error(NoInit, 1))
print(error(P, 1))
print(error(P, 1, 2, 3))
print(str(123), int('7'), P(1, 2).y, type(NoInit()).__name__)
print(error(object.__init__, object(), 1))
print(error(lambda: NoInit().__init__(1)))


# BUILD_SLICE makes a slice object itself: rebinding builtins.slice does not change x[a:b]
import builtins


class Recorder:
    def __getitem__(self, key):
        return (type(key).__name__, key.start, key.stop, key.step)


real_slice = builtins.slice
builtins.slice = lambda *a: 'not a slice'
try:
    print('abcdef'[1:4], 'abcdef'[::-1], [1, 2, 3, 4][::2], Recorder()[1:'x':None], Recorder()[::-1])
finally:
    builtins.slice = real_slice
print(str(12345)[::-1], 'abc'[10:], (1, 2, 3)[-2:])
