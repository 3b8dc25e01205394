# Builtin iterators as a suspended for loop holds them on a frame's value stack: their
# __reduce__ (printed with the callables by name) and a pickle round trip, part-way through.
# Pickling a tasklet mid-loop relies on these.
import pickle, itertools, collections, array
def show(name, it, advance=1):
    for _ in range(advance):
        next(it, None)
    try:
        r = it.__reduce__()
    except Exception as e:
        print(name, "reduce error", type(e).__name__, e)
        return
    def fmt(x):
        if isinstance(x, (list, tuple)):
            return type(x)(fmt(i) for i in x)
        if callable(x) and hasattr(x, '__name__'):
            return getattr(x, '__qualname__', x.__name__)
        if hasattr(x, '__next__'):
            return type(x).__name__
        return x
    print(name, fmt(r))
    try:
        it2 = pickle.loads(pickle.dumps(it))
        print("   rest", list(itertools.islice(it2, 5)), list(itertools.islice(it, 5)))
    except Exception as e:
        print("   pickle error", type(e).__name__, e)

show("list", iter([1, 2, 3]))
show("tuple", iter((1, 2, 3)))
show("range", iter(range(5)))
show("longrange", iter(range(2**70, 2**70 + 3)))
show("str", iter("abc"))
show("bytes", iter(b"abc"))
show("bytearray", iter(bytearray(b"abc")))
show("reversed list", reversed([1, 2, 3]))
show("reversed tuple", reversed((1, 2, 3)))
show("reversed range", reversed(range(4)))
show("dict keys", iter({1: 2, 3: 4}))
show("dict values", iter({1: 2, 3: 4}.values()))
show("dict items", iter({1: 2, 3: 4}.items()))
show("set", iter({1}), 0)
show("frozenset", iter(frozenset({5})), 0)
show("enumerate", enumerate([5, 6, 7], 2))
show("zip", zip([1, 2, 3], "abc"))
show("map", map(abs, [-1, -2, -3]))
show("filter", filter(None, [0, 1, 2, 3]))
show("callable_iterator", iter(iter([1,2,3]).__next__, 3))
show("deque", iter(collections.deque([1, 2, 3])))
show("array", iter(array.array('i', [1, 2, 3])))
show("dict reversed", reversed({1: 2, 3: 4}))

import itertools
show("count", itertools.count(3))
show("count step", itertools.count(3, 2))
show("count float", itertools.count(1.5))
show("count float step", itertools.count(1, 1.0))
show("repeat", itertools.repeat("a", 3))
show("repeat forever", itertools.repeat("a"))
show("repeat exhausted", itertools.repeat("a", 0))
