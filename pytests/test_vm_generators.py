# Generators, yield from, send/throw/close, coroutines and async generators.

def test_send_throw_close():
    log = []
    def g():
        try:
            x = yield 1
            log.append(x)
            yield 2
        except KeyError:
            log.append("key")
            yield 3
        finally:
            log.append("fin")
    it = g()
    assert next(it) == 1 and it.send("s") == 2 and it.throw(KeyError) == 3
    it.close()
    assert log == ["s", "key", "fin"]

def test_return_value_and_stopiteration():
    def g():
        yield 1
        return "done"
    it = g()
    next(it)
    try:
        next(it)
    except StopIteration as e:
        assert e.value == "done"
    def bad():
        raise StopIteration
        yield
    try:
        next(bad())
    except RuntimeError as e:
        assert str(e) == "generator raised StopIteration"

def test_yield_from_delegation():
    def inner():
        got = yield "a"
        yield got
        return "ret"
    def outer():
        r = yield from inner()
        yield r
    it = outer()
    assert next(it) == "a" and it.send("b") == "b" and next(it) == "ret"
    def thrower():
        try:
            yield from inner()
        except ValueError:
            yield "handled"
    t = thrower()
    next(t)
    assert t.throw(ValueError) == "handled"

def test_generator_state_and_exceptions():
    def g():
        yield
    it = g()
    assert it.gi_frame is not None and not it.gi_running
    list(it)
    assert it.gi_frame is None
    def running():
        yield it2.gi_running
    it2 = running()
    assert next(it2) is True
    try:
        it3 = g()
        it3.send(1)
    except TypeError as e:
        assert str(e) == "can't send non-None value to a just-started generator"

def test_exc_info_inside_generator():
    import sys
    def g():
        try:
            raise ValueError("inside")
        except ValueError:
            yield sys.exc_info()[0]
            yield sys.exc_info()[0]
    it = g()
    assert next(it) is ValueError
    assert sys.exc_info()[0] is None
    assert next(it) is ValueError

def test_generator_expressions_and_laziness():
    seen = []
    def src():
        for i in range(5):
            seen.append(i)
            yield i
    ge = (x * 2 for x in src())
    assert next(ge) == 0 and seen == [0]
    assert sum(ge) == 2 + 4 + 6 + 8

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

def test_coroutines():
    async def add(a, b):
        return a + b
    async def main():
        return await add(1, 2) + await add(3, 4)
    assert run(main()) == 10
    c = add(1, 1)
    run(c)
    try:
        run(c)
    except RuntimeError as e:
        assert str(e) == "cannot reuse already awaited coroutine"

def test_async_generators_and_async_with():
    log = []
    class ACM:
        async def __aenter__(self):
            log.append("enter")
            return self
        async def __aexit__(self, *exc):
            log.append("exit")
    async def agen():
        for i in range(3):
            yield i
    async def main():
        out = []
        async with ACM():
            async for v in agen():
                out.append(v)
        return out
    assert run(main()) == [0, 1, 2] and log == ["enter", "exit"]

for _name, _fn in list(globals().items()):
    if "test_" in _name:  # (str methods arrive with the strings work)
        _fn()
