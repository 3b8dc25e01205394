# "'X' object has no attribute" and "cannot set ... of immutable type 'X'" name a native type
# as CPython's tp_name does: with its module ('re.Pattern', 'collections.deque'), where we
# said the bare name ('Pattern', 'deque').
import array, collections, functools, io, itertools, operator, re, select, struct, threading, zlib

objs = [re.compile("a"), re.match("a", "a"), array.array("b"), struct.Struct("i"),
        collections.deque(), collections.defaultdict(), itertools.count(), itertools.chain(),
        functools.partial(print), io.StringIO(), io.BytesIO(), threading.Lock(), threading.RLock(),
        operator.itemgetter(1), operator.attrgetter("a"), zlib.compressobj(), select.poll(),
        iter([]), (x for x in []), print, [].append, object(), 1, {}.keys(), range(1),
        memoryview(b""), zip(), map(len, []), enumerate([]), collections.Counter()]
for o in objs:
    try:
        o.zz_missing
    except AttributeError as e:
        print(e)
    try:
        o.zz_missing = 1
    except (AttributeError, TypeError) as e:
        print(" set:", e)
for t in (collections.deque, itertools.count, functools.partial, io.StringIO, struct.Struct,
          re.Pattern, array.array, operator.itemgetter, int, list):
    try:
        t.zz_ = 1
    except TypeError as e:
        print(e)
