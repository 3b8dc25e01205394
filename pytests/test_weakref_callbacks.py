# weakref callbacks run after the referent died (gc.collect() or a later tick); weak
# containers drop their entries; weakref.finalize; shared refs; proxies.
import gc
import weakref


class C:
    pass


def test_callback_runs_with_the_weakref():
    got = []
    cb = got.append
    o = C()
    r = weakref.ref(o, cb)
    assert r.__callback__ is cb
    del o
    gc.collect()
    assert got == [r] and r() is None
    assert r.__callback__ is None


def test_callbacks_newest_first():
    order = []
    o = C()
    r1 = weakref.ref(o, lambda r: order.append(1))
    r2 = weakref.ref(o, lambda r: order.append(2))
    del o
    gc.collect()
    assert order == [2, 1], order


def test_dead_weakref_calls_no_callback():
    got = []
    o = C()
    weakref.ref(o, got.append)     # the weakref dies at once
    gc.collect()
    del o
    gc.collect()
    assert got == [], got


def test_callback_exception_is_unraisable():
    import sys
    seen = []
    old = sys.unraisablehook
    sys.unraisablehook = lambda u: seen.append(u.exc_type)
    try:
        o = C()
        r = weakref.ref(o, lambda r: 1 / 0)
        del o
        gc.collect()
    finally:
        sys.unraisablehook = old
    assert seen == [ZeroDivisionError], seen


def test_weak_containers_drop_entries():
    d = weakref.WeakValueDictionary()
    k = weakref.WeakKeyDictionary()
    s = weakref.WeakSet()
    o = C()
    d["a"] = o
    k[o] = 1
    s.add(o)
    assert len(d) == len(k) == len(s) == 1
    del o
    gc.collect()
    assert len(d) == 0 and len(k) == 0 and len(s) == 0, (len(d), len(k), len(s))


def test_finalize():
    got = []
    o = C()
    f = weakref.finalize(o, got.append, "done")
    assert f.alive
    del o
    gc.collect()
    assert got == ["done"] and not f.alive


def test_shared_ref_and_counts():
    o = C()
    r = weakref.ref(o)
    assert weakref.ref(o) is r
    r2 = weakref.ref(o, lambda r: None)
    assert r2 is not r
    p = weakref.proxy(o)
    assert weakref.proxy(o) is p
    assert weakref.getweakrefcount(o) == 3
    assert set(map(id, weakref.getweakrefs(o))) == {id(r), id(r2), id(p)}


def test_proxy_callback():
    got = []
    o = C()
    p = weakref.proxy(o, got.append)
    del o
    gc.collect()
    assert len(got) == 1 and got[0] is p
    try:
        p.x
    except ReferenceError:
        pass
    else:
        raise AssertionError("dead proxy")


def test_unreferenceable_types():
    for v in (1, "s", (), [], {}, None, 1.5, object()):
        try:
            weakref.ref(v)
        except TypeError as e:
            assert "cannot create weak reference to" in str(e)
        else:
            raise AssertionError(type(v))


def test_new_weakref_after_resurrection():
    saved = []
    got = []

    class R:
        def __del__(self):
            saved.append(self)

    R()
    gc.collect()
    x = saved.pop()
    r = weakref.ref(x, got.append)
    del x
    gc.collect()
    assert got == [r], got


for _name, _fn in list(globals().items()):
    if _name.startswith('test_'):
        _fn()
print('ok')
