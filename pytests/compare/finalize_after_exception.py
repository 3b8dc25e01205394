# An object passed to a function that raised and caught an exception is freed once dropped:
# neither the loop's locals nor the runtime's record of its last thrown .NET exception may
# keep the traceback's frames (and their locals) alive.
import gc
import weakref


class Obj:
    pass


def catches_python_raise(o):
    try:
        raise ValueError(1)
    except ValueError:
        pass


def catches_native_raise(o):
    try:
        {}[1]
    except KeyError as e:
        return 1


def catches_from_next(o):
    try:
        next(iter(()))
    except StopIteration:
        return 2


class Iter:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


def steps(o):
    for _ in o:
        pass


for fn, make in ((catches_python_raise, Obj), (catches_native_raise, Obj),
                 (catches_from_next, Obj), (steps, Iter)):
    arg = make()
    r = weakref.ref(arg)
    fn(arg)
    del arg
    gc.collect()
    print(fn.__name__, "freed:", r() is None)
