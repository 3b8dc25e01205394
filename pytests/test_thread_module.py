# _thread: locks, RLock, identity, _local; and what functools/enum need of it.
import _thread


def raises(exc, f, *args, **kw):
    try:
        f(*args, **kw)
    except exc as e:
        return str(e)
    raise AssertionError("%s not raised" % exc.__name__)


def test_lock():
    l = _thread.allocate_lock()
    assert type(l) is _thread.LockType and not l.locked()
    assert l.acquire() is True and l.locked()
    assert l.acquire(False) is False
    assert l.acquire(blocking=False) is False
    assert l.acquire(timeout=0.01) is False
    l.release()
    assert not l.locked()
    assert raises(RuntimeError, l.release) == 'release unlocked lock'
    assert raises(ValueError, l.acquire, False, 1) == "can't specify a timeout for a non-blocking call"
    assert raises(ValueError, l.acquire, True, -5) == 'timeout value must be positive'
    with l:
        assert l.locked()
    assert not l.locked()
    assert repr(l).startswith('<unlocked _thread.lock object at 0x')
    # a blocking acquire of a held lock that nothing could ever release raises instead of hanging
    # (CPython would hang: only checked on our engine)
    import sys
    if sys.implementation.name == 'stacklessiron':
        l.acquire()
        assert 'deadlock' in raises(RuntimeError, l.acquire)
        l.release()


def test_rlock():
    r = _thread.RLock()
    assert r.acquire() and r.acquire()
    assert r._is_owned() and r._recursion_count() == 2
    r.release()
    assert r._is_owned()
    r.release()
    assert not r._is_owned()
    assert raises(RuntimeError, r.release) == 'cannot release un-acquired lock'
    with r:
        state = r._release_save()
        assert not r._is_owned()
        r._acquire_restore(state)
        assert r._recursion_count() == 1
    assert repr(r).startswith('<unlocked _thread.RLock object owner=0 count=0 at 0x')


def test_ident_and_local():
    assert isinstance(_thread.get_ident(), int) and _thread.get_ident() == _thread.get_ident()
    assert _thread.error is RuntimeError and _thread.TIMEOUT_MAX > 1e9
    loc = _thread._local()
    loc.x = 5
    assert loc.x == 5 and loc.__dict__ == {'x': 5}
    assert raises(TypeError, _thread._local, 1) == 'Initialization arguments are not supported'

    class L(_thread._local):
        def __init__(self, v):
            self.v = v
    assert L(3).v == 3
    assert raises(TypeError, _thread.start_new_thread, 1, ()) == 'first arg must be callable'
    assert raises(TypeError, _thread.start_new_thread, print, []) == '2nd arg must be a tuple'


def test_stdlib_users():
    import functools

    @functools.lru_cache(maxsize=2)
    def sq(x):
        return x * x
    assert [sq(2), sq(2), sq(3)] == [4, 4, 9] and sq.cache_info().hits == 1


def test_metaclass_kwargs_reach_derived_new():
    # type(name, bases, ns, **kw) hands all its arguments to a more derived metaclass (enum relies on it)
    seen = []

    class Meta(type):
        def __new__(mcls, name, bases, ns, **kw):
            seen.append(kw)
            return super().__new__(mcls, name, bases, ns)

    class A(metaclass=Meta):
        pass
    B = type('B', (A,), {}, flag=1)
    assert type(B) is Meta and seen == [{}, {'flag': 1}]
    import enum

    class Color(enum.Flag):
        RED = 1
        BLUE = 2
    assert (Color.RED | Color.BLUE).value == 3 and Color(2) is Color.BLUE


for _name, _fn in list(globals().items()):
    if _name.startswith("test_") and callable(_fn):
        _fn()
