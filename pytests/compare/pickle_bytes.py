# pickle.dumps gives the same bytes as CPython 3.11's C pickler for the same objects at
# every protocol, and pickle.loads reads them back (byte-identical output is what lets a
# pickle made here be compared, cached and exchanged with CPython).
import collections
import datetime
import decimal
import fractions
import hashlib
import io
import pickle


class Plain:
    def __init__(self):
        self.x = 1
        self.y = [1, 2]


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1

    def __getstate__(self):
        return (None, {"a": self.a})


class Reduced:
    def __reduce__(self):
        return (Reduced, ())


class NewArgsEx:
    def __new__(cls, *args, **kwargs):
        return object.__new__(cls)

    def __getnewargs_ex__(self):
        return ((1,), {"k": 2})


class MyList(list):
    pass


class MyDict(dict):
    pass


class Stateful:
    def __getstate__(self):
        return {"s": 5}

    def __setstate__(self, state):
        self.__dict__.update(state)


class WithSetter:
    def __reduce__(self):
        return (WithSetter, (), {"v": 1}, None, None, set_state)


def set_state(obj, state):
    obj.v = state["v"] * 10


class Outer:
    class Inner:
        pass


def func():
    pass


Point = collections.namedtuple("Point", "x y")
shared = [1, 2]
recursive = []
recursive.append(recursive)
rec_tuple_holder = []
rec_tuple = (rec_tuple_holder,)
rec_tuple_holder.append(rec_tuple)

OBJECTS = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -65536, 2**31 - 1, 2**31, -2**31, -2**31 - 1,
    2**63, -2**64, 10**30, -(2**800), 1.5, -0.0, float("inf"), float("-inf"), 1e300, 1e-300,
    "", "a", "h\xe9llo", "\u65e5\u672c", "\U0001f600", "a\nb\\c\r\x00\x1a", "x" * 300, "\udc80 lone",
    b"", b"abc", b"\x00\xff" * 200, bytearray(b"ab"), bytearray(),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], list(range(1001)), list(range(2001)),
    {}, {1: 2}, {1: 2, 3: 4}, {i: str(i) for i in range(1500)}, set(), {1, 2, 3}, set(range(2500)),
    frozenset(), frozenset({1, 2}), {"a": [1, (2, 3)], "b": {"c": None}},
    int, str, len, pickle.dumps, io.BytesIO, type(None), type(...), type(NotImplemented), ...,
    NotImplemented, complex(1, 2), range(5), slice(1, 2, 3), Plain(), Slotted(), Reduced(), NewArgsEx(),
    MyList([1, 2]), MyDict(a=1), Stateful(), WithSetter(), func, Outer.Inner, Outer.Inner(),
    collections.OrderedDict(a=1), collections.deque([1, 2]), collections.Counter("abca"),
    datetime.date(2020, 1, 2), datetime.datetime(2021, 3, 4, 5, 6, 7, 8), decimal.Decimal("1.5"),
    fractions.Fraction(1, 3), Point(1, 2), Point, [shared, shared, (shared,)], recursive, rec_tuple,
    [Plain(), Plain()],
]

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for obj in OBJECTS:
        label = repr(obj)[:40]
        if " at 0x" in label:
            label = type(obj).__name__
        try:
            data = pickle.dumps(obj, proto)
        except Exception as e:
            print(proto, label, type(e).__name__, e)
            continue
        shown = data.hex() if len(data) <= 80 else hashlib.sha1(data).hexdigest() + " len=%d" % len(data)
        print(proto, label, shown)
        back = pickle.loads(data)
        if obj is recursive:
            assert back[0] is back
        elif obj is rec_tuple:
            assert back[0][0] is back
        elif isinstance(obj, (Plain, Stateful, WithSetter)):
            expected = {"v": 10} if isinstance(obj, WithSetter) else {"s": 5} if isinstance(obj, Stateful) else obj.__dict__
            assert type(back) is type(obj) and back.__dict__ == expected, (label, back.__dict__)
        elif isinstance(obj, (Slotted, Reduced, NewArgsEx, Outer.Inner)):
            assert type(back) is type(obj)
        else:
            assert repr(back) == repr(obj) or pickle.dumps(back, proto) == data, (label, back)

# dump to a file: the same bytes as dumps; framing of a large pickle; several pickles in one file
big = [str(i) * 10 for i in range(20000)]
for proto in (4, 5):
    f = io.BytesIO()
    pickle.dump(big, f, proto)
    print("file", proto, f.getvalue() == pickle.dumps(big, proto), hashlib.sha1(f.getvalue()).hexdigest())
print("large payloads", hashlib.sha1(pickle.dumps([b"x" * 100000, "y" * 70000, bytearray(70000)], 5)).hexdigest())
f = io.BytesIO()
pickle.dump(1, f)
pickle.dump("two", f, 0)
pickle.dump([3], f, 4)
f.seek(0)
print(pickle.load(f), pickle.load(f), pickle.load(f), f.read())
