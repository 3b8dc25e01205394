"""Pickling of coroutines' __await__() wrappers, async generators and their asend/athrow
awaitables, cr_origin, and copy.copy of generators, in Stackless's shapes (test_pickle's
TestCoroutinePickling, TestAsyncGenASend/AThrowPickling, TestCopy); checked against
Stackless 3.7.5, which runs this file too."""
import copy
import pickle
import sys
import types
import stackless

wrap = stackless._wrap


async def ag():
    yield 100
    yield 200


def inspect(step, kind):
    r = kind.__reduce__(step)
    assert r[0] is kind
    assert isinstance(r[2][0], types.AsyncGeneratorType)
    return r[2][1:]


def raises(exc, f, *args):
    try:
        f(*args)
    except exc as e:
        return e
    raise AssertionError("no " + exc.__name__)


def test_asend():
    ags = ag().__anext__()
    assert inspect(ags, wrap.async_generator_asend) == (None, 0, False)
    ags2 = pickle.loads(pickle.dumps(ags))
    assert type(ags2) is type(ags)
    assert inspect(ags2, wrap.async_generator_asend) == (None, 0, False)
    assert raises(StopIteration, ags2.__next__).value == 100
    assert inspect(ags2, wrap.async_generator_asend) == (None, 2, False)
    ags = pickle.loads(pickle.dumps(ag().asend(NotImplemented)))
    assert inspect(ags, wrap.async_generator_asend) == (NotImplemented, 0, True)
    raises(TypeError, ags.__next__)
    assert inspect(ags, wrap.async_generator_asend) == (NotImplemented, 2, True)


def test_athrow():
    a = ag()
    assert raises(StopIteration, a.__anext__().__next__).value == 100
    e = ZeroDivisionError("bla")
    agt = a.athrow(e)
    assert inspect(agt, wrap.async_generator_athrow) == ((e,), 0, True)
    agt2 = pickle.loads(pickle.dumps(agt))
    x = inspect(agt2, wrap.async_generator_athrow)
    e2 = x[0][0]
    assert type(e2) is ZeroDivisionError and e2 is not e and x == ((e2,), 0, True)
    assert raises(ZeroDivisionError, agt2.__next__) is e2
    assert inspect(agt2, wrap.async_generator_athrow) == ((e2,), 1, True)


def test_async_generator_resumes_after_loading():
    a = ag()
    assert raises(StopIteration, a.__anext__().__next__).value == 100
    a2 = pickle.loads(pickle.dumps(a))
    assert isinstance(a2, types.AsyncGeneratorType) and a2.ag_frame is not None
    assert raises(StopIteration, a2.__anext__().__next__).value == 200
    raises(StopAsyncIteration, a2.__anext__().__next__)
    assert a2.ag_frame is None
    # the original goes on by itself
    assert raises(StopIteration, a.__anext__().__next__).value == 200


@types.coroutine
def yield1(v):
    yield v


async def coro():
    await yield1(1)


def test_coroutine_wrapper():
    c = coro()
    cw = c.__await__()
    p = pickle.dumps(cw)
    assert c.send(None) == 1
    raises(StopIteration, c.send, None)
    cw = pickle.loads(p)
    assert type(cw).__name__ == "coroutine_wrapper"
    assert cw.send(None) == 1
    raises(StopIteration, cw.send, None)
    assert "cannot reuse already awaited coroutine" in str(raises(RuntimeError, cw.send, None))


def test_coroutine_origin():
    old = sys.get_coroutine_origin_tracking_depth()
    sys.set_coroutine_origin_tracking_depth(5)
    try:
        c = coro()
    finally:
        sys.set_coroutine_origin_tracking_depth(old)
    assert c.send(None) == 1
    c2 = pickle.loads(pickle.dumps(c))
    assert isinstance(c2.cr_origin, tuple) and c2.cr_origin == c.cr_origin and c2.cr_origin is not c.cr_origin
    raises(StopIteration, c2.send, None)
    raises(StopIteration, c.send, None)


def test_copy():
    def g():
        yield 1
        yield 2
    gg = g()
    next(gg)
    g2 = copy.copy(gg)
    assert g2 is not gg and g2.gi_code is gg.gi_code and g2.__name__ == gg.__name__
    assert next(g2) == 2 and next(gg) == 2
    ags = copy.copy(ag().__anext__())
    assert raises(StopIteration, ags.send, None).value == 100
    c = copy.copy(coro().__await__())
    assert c.send(None) == 1


for _name, _fn in list(globals().items()):
    if _name.startswith("test_") and callable(_fn):
        _fn()
print("ok")
