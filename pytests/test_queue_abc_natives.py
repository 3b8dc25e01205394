# _queue and _abc are native: queue.SimpleQueue and abc.ABCMeta use them, a blocked get()
# lets other threads run, and the abc caches follow register() (the invalidation token).
import _abc, _queue, abc, queue, threading, time


def test_modules_are_the_native_ones():
    assert queue.SimpleQueue is _queue.SimpleQueue
    assert abc.get_cache_token is _abc.get_cache_token
    assert type(abc.ABC._abc_impl).__module__ == "_abc"


def test_get_waits_without_the_interpreter_lock():
    q = queue.SimpleQueue()
    counted = []
    def spin():
        n = 0
        end = time.monotonic() + 0.2
        while time.monotonic() < end:
            n += 1
        counted.append(n)
        q.put("done")
    t = threading.Thread(target=spin)
    t.start()
    assert q.get(timeout=10) == "done"
    t.join()
    assert counted and counted[0] > 1000


def test_get_timeout_raises_empty_in_time():
    q = queue.SimpleQueue()
    threading.Thread(target=lambda: None).start()   # other threads possible
    start = time.monotonic()
    try:
        q.get(timeout=0.1)
    except queue.Empty:
        pass
    else:
        raise AssertionError("Empty not raised")
    assert 0.09 <= time.monotonic() - start < 5


def test_negative_cache_is_invalidated_by_register():
    class A(abc.ABC):
        pass
    class B:
        pass
    assert not issubclass(B, A)
    assert B in {r() for r in _abc._get_dump(A)[2]}        # negative cache
    token = abc.get_cache_token()
    A.register(B)
    assert abc.get_cache_token() == token + 1
    assert issubclass(B, A) and isinstance(B(), A)
    # A registered class answers from the registry; a subclass of one is cached.
    assert B in {r() for r in _abc._get_dump(A)[0]} and B not in {r() for r in _abc._get_dump(A)[1]}
    class C(B):
        pass
    assert issubclass(C, A) and C in {r() for r in _abc._get_dump(A)[1]}


for name, f in list(globals().items()):
    if name.startswith("test_"):
        f()
