import itertools
from itertools import *

def raises(exc, f, *a, msg=None, **k):
    try:
        r = f(*a, **k)
        list(r)
    except exc as e:
        if msg is not None:
            assert str(e) == msg, (str(e), msg)
        return
    raise AssertionError("no %s" % exc.__name__)

def test_infinite():
    assert list(islice(count(), 4)) == [0, 1, 2, 3] and list(islice(count(10, -2), 3)) == [10, 8, 6]
    c = count(5); next(c)
    assert repr(c) == "count(6)" and repr(count(1, 3)) == "count(1, 3)"
    assert list(islice(cycle("ab"), 5)) == ["a", "b", "a", "b", "a"] and list(cycle([])) == []
    assert list(repeat(7, 3)) == [7, 7, 7] and repr(repeat("x", 2)) == "repeat('x', 2)"
    assert list(map(pow, range(3), repeat(2))) == [0, 1, 4]
    raises(TypeError, count, "a", msg="a number is required")

def test_terminating():
    assert list(accumulate([1, 2, 3])) == [1, 3, 6] and list(accumulate([1, 2], initial=100)) == [100, 101, 103]
    assert list(accumulate([2, 3, 4], lambda a, b: a * b)) == [2, 6, 24] and list(accumulate([])) == []
    assert list(chain("ab", (1,))) == ["a", "b", 1] and list(chain.from_iterable(["ab", "c"])) == ["a", "b", "c"]
    assert list(compress(range(6), [1, 0, 1])) == [0, 2]
    assert list(dropwhile(lambda x: x < 3, [1, 5, 1])) == [5, 1] and list(takewhile(lambda x: x < 3, [1, 5, 1])) == [1]
    assert list(filterfalse(None, [0, 1, "", "a"])) == [0, ""]
    assert list(islice(range(10), 2, 8, 3)) == [2, 5] and list(islice(range(10), None)) == list(range(10))
    it = iter(range(10)); list(islice(it, 0, 4, 3)); assert next(it) == 4
    assert list(pairwise([1, 2, 3])) == [(1, 2), (2, 3)]
    assert list(starmap(lambda a, b: a - b, [(5, 2), (1, 1)])) == [3, 0]
    assert list(zip_longest([1, 2], "a", fillvalue=0)) == [(1, "a"), (2, 0)]
    raises(ValueError, islice, [], -1)
    raises(TypeError, chain, x=1, msg="chain() takes no keyword arguments")
    raises(TypeError, cycle, msg="cycle expected 1 argument, got 0")

def test_groupby():
    assert [(k, "".join(g)) for k, g in groupby("aaabcc")] == [("a", "aaa"), ("b", "b"), ("c", "cc")]
    assert [k for k, g in groupby([1, 1, 2, 2, 1])] == [1, 2, 1]
    assert [(k, list(g)) for k, g in groupby(range(7), lambda x: x // 3)] == [(0, [0, 1, 2]), (1, [3, 4, 5]), (2, [6])]
    g = groupby("aabbc"); _, g1 = next(g); _, g2 = next(g)
    assert list(g1) == [] and list(g2) == ["b", "b"]

def test_tee():
    a, b = tee([1, 2, 3])
    assert next(a) == 1 and list(b) == [1, 2, 3] and list(a) == [2, 3]
    assert tee([1], 0) == () and len(tee("ab", 3)) == 3
    raises(ValueError, tee, [], -1)

def test_combinatorics():
    assert list(product("ab", repeat=2)) == [("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]
    assert list(product()) == [()] and list(product([], [1])) == []
    assert list(permutations([1, 2, 3], 2)) == [(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2)]
    assert len(list(permutations(range(5)))) == 120 and list(permutations([1], 2)) == []
    assert list(combinations(range(4), 2)) == [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    assert list(combinations_with_replacement("ab", 2)) == [("a", "a"), ("a", "b"), ("b", "b")]
    assert len(list(combinations(range(10), 4))) == 210
    raises(ValueError, permutations, [1], -1, msg="r must be non-negative")
    raises(ValueError, product, [1], repeat=-1)
    raises(TypeError, combinations, [1], msg="combinations() missing required argument 'r' (pos 2)")

def test_types():
    assert type(count()).__name__ == "count" and isinstance(chain(), chain)
    class C(chain):
        pass
    c = C("ab"); c.attr = 1
    assert list(c) == ["a", "b"] and c.attr == 1
    assert iter(c) is c

for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
