def raises(exc, f, *args, **kw):
    try:
        f(*args, **kw)
    except exc as e:
        return str(e)
    raise AssertionError(f"{exc.__name__} not raised")


def test_enumerate():
    assert list(enumerate("ab", 5)) == [(5, "a"), (6, "b")]
    assert list(enumerate(iterable="a", start=-1)) == [(-1, "a")]
    assert list(enumerate("ab", 10 ** 20)) == [(10 ** 20, "a"), (10 ** 20 + 1, "b")]
    assert raises(TypeError, enumerate) == "enumerate() missing required argument 'iterable'"
    assert raises(TypeError, enumerate, [], x=1) == "'x' is an invalid keyword argument for enumerate()"
    assert raises(TypeError, enumerate, [], 1.5) == "'float' object cannot be interpreted as an integer"
    assert raises(TypeError, enumerate, 1) == "'int' object is not iterable"


def test_zip():
    assert list(zip([1, 2, 3], "ab")) == [(1, "a"), (2, "b")] and list(zip()) == []
    assert raises(ValueError, list, zip([1, 2], [3], strict=True)) == "zip() argument 2 is shorter than argument 1"
    assert raises(ValueError, list, zip([1], [3, 4], [5], strict=True)) == "zip() argument 2 is longer than argument 1"
    assert raises(ValueError, list, zip([1], [3], [], strict=True)) == "zip() argument 3 is shorter than arguments 1-2"
    assert raises(TypeError, zip, [], x=1) == "'x' is an invalid keyword argument for zip()"


def test_map_filter():
    assert list(map(lambda x, y: x + y, [1, 2, 3], [10, 20])) == [11, 22]
    assert raises(TypeError, map, abs) == "map() must have at least two arguments."
    assert raises(TypeError, map, abs, [], x=1) == "map() takes no keyword arguments"
    assert list(filter(None, [0, 1, 0, 2])) == [1, 2] and list(filter(lambda x: x > 1, [0, 1, 2, 3])) == [2, 3]
    assert raises(TypeError, filter, None) == "filter expected 2 arguments, got 1"


def test_reversed_and_iter():
    assert list(reversed((1, 2, 3))) == [3, 2, 1]
    assert type(reversed([1])).__name__ == "list_reverseiterator" and type(reversed(range(3))).__name__ == "range_iterator"
    assert raises(TypeError, reversed, {1}) == "'set' object is not reversible"
    assert raises(TypeError, reversed) == "reversed expected 1 argument, got 0"

    class Seq:
        def __len__(self):
            return 3
        def __getitem__(self, i):
            if i >= 3:
                raise IndexError(i)
            return i * 10
    assert list(reversed(Seq())) == [20, 10, 0] and list(iter(Seq())) == [0, 10, 20]

    class NoRev:
        __reversed__ = None
        def __len__(self):
            return 0
        def __getitem__(self, i):
            raise IndexError
    assert raises(TypeError, reversed, NoRev()) == "'NoRev' object is not reversible"
    n = [0]
    def count():
        n[0] += 1
        return n[0]
    assert list(iter(count, 4)) == [1, 2, 3]
    assert raises(TypeError, iter, 1, 2) == "iter(v, w): v must be callable"


for _name, _fn in list(globals().items()):
    if "test_" in _name and callable(_fn):  # (str.startswith arrives with the strings work)
        _fn()
