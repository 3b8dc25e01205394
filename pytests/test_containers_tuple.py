def raises(exc, f, *args, **kw):
    try:
        f(*args, **kw)
    except exc as e:
        return str(e)
    raise AssertionError(f"{exc.__name__} not raised")


def test_tuple():
    t = (1, 2, 3, 2)
    assert t[::-1] == (2, 3, 2, 1) and t[:] is t and t[1:3] == (2, 3)
    assert repr((1,)) == "(1,)" and repr(()) == "()"
    assert t.index(2, 2) == 3 and t.count(2) == 2
    assert raises(ValueError, t.index, 9) == "tuple.index(x): x not in tuple"
    assert hash(()) == 5740354900026072187
    assert hash((1, 2, 3)) == 529344067295497451
    assert hash((-1, (5,))) == 3896002582772657960
    assert raises(TypeError, hash, (1, [])) == "unhashable type: 'list'"
    assert (1,) * 3 == (1, 1, 1) and t * 1 is t
    assert raises(TypeError, lambda: (1,) + [1]) == 'can only concatenate tuple (not "list") to tuple'
    assert raises(IndexError, t.__getitem__, 4) == "tuple index out of range"
    assert (1, 2) < (1, 3) and (1, 2) < (1, 2, 0)
    assert t.__getnewargs__() == ((1, 2, 3, 2),)
    assert tuple(t) is t and tuple([1]) == (1,)
    assert raises(TypeError, tuple, 1, 2) == "tuple expected at most 1 argument, got 2"


def test_tuple_subclass():
    class P(tuple):
        pass
    p = P([1, 2])
    assert p == (1, 2) and type(p) is P and type(p[:]) is tuple


for _name, _fn in list(globals().items()):
    if "test_" in _name and callable(_fn):  # (str.startswith arrives with the strings work)
        _fn()
