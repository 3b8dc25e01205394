# Messages about an instance name its type as CPython's tp_name does: a native type of a module
# with the module ('collections.deque' object has no attribute ...; cannot pickle
# 'itertools.pairwise' object), a builtin or a class statement's type by its name alone, and a
# module's exception class (made at run time in CPython) by its name alone.
import collections, itertools, functools, io, re, array, threading, _thread, operator, struct, random, zlib, contextvars, socket, pickle


class Mine:
    __slots__ = ()


class MyDeque(collections.deque):
    pass


objs = [1, "s", [], {}, iter([]), {}.keys(), bytearray(), Mine(), MyDeque(),
        collections.deque(), collections.defaultdict(), itertools.count(), itertools.pairwise("ab"), itertools.groupby(""),
        functools.partial(len), io.StringIO(), io.BytesIO(), re.compile("a"), re.match("a", "a"), array.array("i"),
        threading.Lock(), _thread.allocate_lock(), threading.RLock(), operator.itemgetter(1), struct.Struct("i"),
        zlib.compressobj(), contextvars.ContextVar("x"), contextvars.copy_context(), socket.gaierror(), socket.timeout(),
        ValueError(), (x for x in ())]
for o in objs:
    try:
        o.no_such_attribute
    except AttributeError as e:
        print(e)
    try:
        pickle.dumps(o)
    except (TypeError, pickle.PicklingError) as e:
        print("  pickle:", type(e).__name__, e)
