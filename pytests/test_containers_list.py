# list: methods, slicing, sort, operators, messages (CPython 3.11 semantics)

def raises(exc, f, *args, **kw):
    try:
        f(*args, **kw)
    except exc as e:
        return str(e)
    raise AssertionError(f"{exc.__name__} not raised")


def test_slicing_get_set_del():
    a = list(range(10))
    assert a[::-3] == [9, 6, 3, 0]
    assert a[8:2:-2] == [8, 6, 4]
    assert a[-100:100] == a and a[5:1] == []
    a[2:5] = [20]
    assert a == [0, 1, 20, 5, 6, 7, 8, 9]
    a[5:1] = [-1, -2]
    assert a == [0, 1, 20, 5, 6, -1, -2, 7, 8, 9]
    del a[::2]
    assert a == [1, 5, -1, 7, 9]
    del a[::-2]
    assert a == [5, 7]
    a[::-1] = [1, 2]
    assert a == [2, 1]
    a[:] = a
    a[1:1] = a
    assert a == [2, 2, 1, 1]
    assert raises(ValueError, a.__setitem__, slice(None, None, 2), [1, 2, 3]) == \
        "attempt to assign sequence of size 3 to extended slice of size 2"
    assert raises(TypeError, a.__setitem__, slice(None, None, 2), 1) == "must assign iterable to extended slice"
    assert raises(TypeError, a.__setitem__, slice(0, 1), 1) == "can only assign an iterable"
    assert raises(IndexError, a.__getitem__, 4) == "list index out of range"
    assert raises(IndexError, a.__setitem__, -5, 0) == "list assignment index out of range"
    assert raises(TypeError, a.__getitem__, "x") == "list indices must be integers or slices, not str"
    assert raises(IndexError, a.__getitem__, 10 ** 20) == "cannot fit 'int' into an index-sized integer"
    assert a[True] == 2


def test_methods():
    l = [3, 1, 2, 1]
    assert l.index(1) == 1 and l.index(1, 2) == 3 and l.index(1, -1) == 3
    assert raises(ValueError, l.index, 7) == "7 is not in list"
    assert l.count(1) == 2
    l.remove(1)
    assert l == [3, 2, 1]
    assert raises(ValueError, l.remove, 9) == "list.remove(x): x not in list"
    l.insert(-100, 0); l.insert(100, 9); l.insert(-1, 8)
    assert l == [0, 3, 2, 1, 8, 9]
    assert l.pop(1) == 3 and l.pop() == 9
    assert raises(IndexError, l.pop, 10) == "pop index out of range"
    assert raises(IndexError, [].pop) == "pop from empty list"
    l.reverse()
    assert l == [8, 1, 2, 0]
    c = l.copy(); l.clear()
    assert l == [] and c == [8, 1, 2, 0]
    l.extend(range(3)); l.extend(l)
    assert l == [0, 1, 2, 0, 1, 2]


def test_operators():
    assert [1, 2] * 2 == [1, 2, 1, 2] and -1 * [1] == [] and [1] * True == [1]
    assert raises(TypeError, lambda: [1] * 2.5) == "can't multiply sequence by non-int of type 'float'"
    assert raises(TypeError, lambda: [1] + (1,)) == 'can only concatenate list (not "tuple") to list'
    assert raises(OverflowError, lambda: [1] * 10 ** 20) == "cannot fit 'int' into an index-sized integer"
    x = [1, 2]
    y = x
    x += (3,)
    x *= 2
    assert y is x and x == [1, 2, 3, 1, 2, 3]
    assert raises(TypeError, lambda: hash([])) == "unhashable type: 'list'"
    assert [1, 2] < [1, 3] and [1, 2] < [1, 2, 0] and [1, 2] >= [1, 2] and not [1] == [1, 0]
    assert raises(TypeError, lambda: [1] < ["a"]) == "'<' not supported between instances of 'int' and 'str'"
    r = [1]
    r.append(r)
    assert repr(r) == "[1, [...]]"
    assert 2 in [1, 2] and 3 not in [1, 2]


def test_sort():
    seed = [12345]
    def rand(k):          # a small LCG: no dependence on the random module
        seed[0] = (seed[0] * 1103515245 + 12345) % 2 ** 31
        return seed[0] % k
    for n in (0, 1, 2, 10, 100, 1000):
        data = [(rand(10), i) for i in range(n)]
        s = sorted(data, key=lambda t: t[0])
        assert [t[0] for t in s] == sorted(t[0] for t in data)
        for a, b in zip(s, s[1:]):
            assert a[0] < b[0] or a[1] < b[1]          # stable
        r = sorted(data, key=lambda t: t[0], reverse=True)
        for a, b in zip(r, r[1:]):
            assert a[0] > b[0] or a[1] < b[1]          # stable when reversed too
    l = [3, 2, 1]
    def key(x):
        l.append(0)
        return x
    assert raises(ValueError, l.sort, key=key) == "list modified during sort"
    assert l == [1, 2, 3]
    m = [1, "a", 0]
    assert raises(TypeError, m.sort) == "'<' not supported between instances of 'str' and 'int'"
    assert sorted(m, key=str) == [0, 1, "a"]
    assert raises(TypeError, [].sort, reverse="x") == "'str' object cannot be interpreted as an integer"
    words = ["b", "\U0001F600", "\uffff", "a"]
    words.sort()
    assert words == ["a", "b", "\uffff", "\U0001F600"]


def test_iterators():
    l = [1, 2, 3]
    it = iter(l)
    next(it)
    assert it.__length_hint__() == 2
    l.append(4)
    assert list(it) == [2, 3, 4]
    assert list(reversed(l)) == [4, 3, 2, 1]
    assert type(reversed(l)).__name__ == "list_reverseiterator"


def test_subclass():
    class L(list):
        pass
    a = L([1, 2])
    a.x = 5
    assert a == [1, 2] and type(a[:]) is list and type(a + a) is list and a.x == 5


def test_generic_alias():
    ga = list[int]
    assert repr(ga) == "list[int]" and repr(dict[str, list[int]]) == "dict[str, list[int]]"
    assert repr(tuple[()]) == "tuple[()]" and repr(tuple[int, ...]) == "tuple[int, ...]"
    assert ga.__origin__ is list and ga.__args__ == (int,) and ga.__parameters__ == ()
    assert ga() == [] and ga == list[int] and hash(ga) == hash(list[int]) and ga != list[str]
    assert type(ga).__name__ == "GenericAlias" and type(ga).__module__ == "types"
    assert ga.append is list.append and ga.__mro_entries__(()) == (list,)
    assert repr(set[frozenset[int]]) == "set[frozenset[int]]"

    assert repr(list[len]) == "list[len]"
    assert repr(list[int] | None) == "list[int] | None" and repr(int | dict[str, int]) == "int | dict[str, int]"

    class X(list[int]):
        pass
    assert X.__mro__ == (X, list, object)
    try:
        isinstance([], ga)
    except TypeError as e:
        assert str(e) == "isinstance() argument 2 cannot be a parameterized generic"
    else:
        raise AssertionError("no TypeError")


for _name, _fn in list(globals().items()):
    if "test_" in _name and callable(_fn):  # (str.startswith arrives with the strings work)
        _fn()
