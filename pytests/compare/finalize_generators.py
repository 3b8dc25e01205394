# A suspended generator that is dropped is closed (CPython's _PyGen_Finalize): its finally
# blocks and with-exits run with GeneratorExit; a coroutine never awaited warns; an async
# generator goes to the sys.set_asyncgen_hooks finalizer. Checked after gc.collect(), since
# CPython does it at once and a tracing collector when it finds the object dead.
import gc
import sys
import warnings


def unraisable(u):
    print("unraisable:", type(u.exc_value).__name__, u.exc_value, "in", type(u.object).__name__)


sys.unraisablehook = unraisable


def in_try():
    try:
        yield 1
        yield 2
    finally:
        print("finally of in_try")


next(in_try())
gc.collect()
print("-- with")


class CM:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit with", t.__name__ if t else None)
        return False


def in_with():
    with CM():
        yield "a"


it = in_with()
print(next(it))
del it
gc.collect()
print("-- except GeneratorExit")


def catches():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        raise


c = catches()
next(c)
del c
gc.collect()
print("-- errors go to sys.unraisablehook")


def ignores():
    try:
        yield 1
    finally:
        yield 2


g = ignores()
next(g)
del g
gc.collect()


def raises():
    try:
        yield 1
    finally:
        raise ValueError("from finally")


g = raises()
next(g)
del g
gc.collect()
print("-- not started, exhausted, closed, outside the try: nothing runs")
g = in_try()
del g
g = in_try()
print(list(g))
del g
g = in_try()
next(g)
g.close()
del g


def after_try():
    try:
        yield 1
    finally:
        print("finally of after_try")
    yield 2


g = after_try()
next(g)
next(g)
del g
gc.collect()
print("-- left by break, and by a consumer that stops early")


def lines():
    try:
        for i in range(10):
            yield i
    finally:
        print("lines closed")


for i in lines():
    if i == 2:
        break
gc.collect()
found = any(x > 3 for x in lines())
gc.collect()
print("any:", found)
print("-- yield from: the inner generator is closed too")


def outer():
    try:
        yield from in_try()
    finally:
        print("finally of outer")


g = outer()
next(g)
del g
gc.collect()
print("-- a generator kept alive is not closed")
kept = in_try()
next(kept)
gc.collect()
print("still suspended:", kept.gi_suspended if hasattr(kept, "gi_suspended") else kept.gi_frame is not None)
kept.close()
print("-- coroutines")


async def never():
    print("never runs")


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    co = never()
    del co
    gc.collect()
print([(w.category.__name__, str(w.message)) for w in caught])


async def inner():
    return 5


async def awaiting():
    return await inner() + 1


try:
    awaiting().send(None)
except StopIteration as e:
    print("awaited:", e.value)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    co = never()
    co.close()
    del co
    gc.collect()
print("closed coroutine warns:", len(caught))


class Suspend:
    def __await__(self):
        yield "suspended"


async def coro_try():
    try:
        await Suspend()
    finally:
        print("finally of coro_try")


co = coro_try()
print(co.send(None))
del co
gc.collect()
print("-- async generators and their hooks")


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("finally of agen")


def step(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value


old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=lambda a: print("firstiter", type(a).__name__),
                       finalizer=lambda a: print("finalizer", type(a).__name__))
a = agen()
print("first:", step(a.__anext__()))
del a
gc.collect()
sys.set_asyncgen_hooks(*old)
a = agen()
print("first:", step(a.__anext__()))
del a
gc.collect()
try:
    sys.set_asyncgen_hooks(finalizer=1)
except TypeError as e:
    print("TypeError:", e)
print("-- cr_origin")
print(never.__name__, sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(1)


def make():
    return never()


co = make()
print([(name, line - make.__code__.co_firstlineno) for _, line, name in co.cr_origin])
co.close()
sys.set_coroutine_origin_tracking_depth(0)
co = never()
print(co.cr_origin)
co.close()
print("end")
