# The Pickler/Unpickler hooks (persistent_id/persistent_load, dispatch_table,
# reducer_override, find_class, memo), Python 2 pickles, and the exceptions (types and
# messages) of bad objects and bad pickle data, as CPython 3.11's C pickle gives them.
import copyreg
import io
import pickle
import sys


class A:
    def __init__(self):
        self.x = 1


def f():
    pass


class P(pickle.Pickler):
    def persistent_id(self, obj):
        return "X" if obj == 42 else None


class U(pickle.Unpickler):
    def persistent_load(self, pid):
        return ("loaded", pid)


for proto in range(6):
    b = io.BytesIO()
    P(b, proto).dump([1, 42, "a"])
    print(proto, b.getvalue(), U(io.BytesIO(b.getvalue())).load())

p = pickle.Pickler(io.BytesIO(), 2)
p.persistent_id = lambda o: 7 if o == "secret" else None
p.dump(["secret", "open"])
u = pickle.Unpickler(io.BytesIO(pickle.dumps(1)))
u.persistent_load = lambda pid: pid
print(type(p.persistent_id).__name__, type(u.persistent_load).__name__)


class Q(pickle.Pickler):
    dispatch_table = {A: lambda a: (str, ("an A",))}


b = io.BytesIO()
Q(b, 2).dump(A())
print(b.getvalue(), pickle.loads(b.getvalue()))
b = io.BytesIO()
p = pickle.Pickler(b, 3)
p.dispatch_table = copyreg.dispatch_table.copy()
p.dispatch_table[A] = lambda a: (int, ("7",))
p.dump([A()])
print(b.getvalue(), pickle.loads(b.getvalue()))


class R(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is f:
            return (len, ("ab",))
        return NotImplemented


b = io.BytesIO()
R(b, 4).dump([f, 1, A])
print(b.getvalue(), pickle.loads(b.getvalue())[:2])


class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module in ("builtins", "__builtin__") and name == "set":
            return super().find_class(module, name)
        raise pickle.UnpicklingError("global '%s.%s' is forbidden" % (module, name))


print(Restricted(io.BytesIO(pickle.dumps({1, 2}, 2))).load())
try:
    Restricted(io.BytesIO(pickle.dumps(f))).load()
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)

# the memo proxies
p = pickle.Pickler(io.BytesIO(), 2)
x = [1]
p.dump(x)
memo = p.memo.copy()
print(len(memo), [v[0] for v in memo.values()], list(memo.values())[0][1] is x)
p.clear_memo()
print(len(p.memo.copy()))
p.memo = {id(x): (0, x)}
print(len(p.memo.copy()))
u = pickle.Unpickler(io.BytesIO(pickle.dumps([1, [2]], 1)))
u.load()
print(sorted(u.memo.copy().items()))
u.memo.clear()
print(u.memo.copy())

# fast mode writes no memo opcodes
b = io.BytesIO()
p = pickle.Pickler(b, 2)
p.fast = 1
p.dump([(1, 2), "s", "s"])
print(p.fast, p.bin, b.getvalue())

# Python 2 strings and names
print(pickle.loads(b"U\x03\xe9bc.", encoding="latin1"), pickle.loads(b"U\x03\xe9bc.", encoding="bytes"))
print(pickle.loads(b"S'a\\nb'\n.", encoding="bytes"), pickle.loads(b"\x80\x02c__builtin__\nset\nq\x00]q\x01K\x01a\x85q\x02Rq\x03."))
print(pickle.loads(b"cUserDict\nUserDict\n(tR."), pickle.dumps(set, 2), pickle.dumps(set, 2, fix_imports=False))
print(pickle.loads(b"Vab\\u00e9\n."), pickle.loads(b"I01\n."), pickle.loads(b"I12\n."), pickle.loads(b"L12L\n."), pickle.loads(b"F1.5\n."))

# errors while pickling
class BadReduce:
    def __reduce__(self):
        return 5


class ShortReduce:
    def __reduce__(self):
        return (A,)


class NotCallable:
    def __reduce__(self):
        return (5, ())


def outer():
    def inner():
        pass
    return inner


for obj in [BadReduce(), ShortReduce(), NotCallable(), outer(), lambda: 0]:
    try:
        pickle.dumps(obj)
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
for bad in [lambda: pickle.dumps(1, 6), lambda: pickle.dumps(1, 2, buffer_callback=print),
            lambda: pickle.Pickler(5), lambda: pickle.Unpickler(5), lambda: pickle.loads("str")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
sys.setrecursionlimit(1000)
deep = []
for i in range(100000):
    deep = [deep]
try:
    pickle.dumps(deep)
except RecursionError as e:
    print("RecursionError", e)

# errors while unpickling
for data in [b"g0\n.", b"h\x00.", b"", b"\x80\x06.", b"N", b"z", b"\x00", b"(.", b"K", b"0.", b"(K\x01d.",
             b"}(K\x01u.", b"S\"abc\n.", b"Sabc\n.", b"\x8c\x03ab", b"]K\x01\x94h\x00.", b"\x80\x02\x81.",
             b"K\x01K\x02\x81.", b"\x82\x00.", b"\x82\xff.", b"Q.", b"P1\n.", b"\x97.", b"cno_such_module\nx\n.",
             b"cbuiltins\nno_such_name\n.", b"\x8c\x08builtins\x8c\x03len\x93.", b"K\x01K\x02\x93."]:
    try:
        print(repr(pickle.loads(data)))
    except Exception as e:
        print(type(e).__name__, e)
