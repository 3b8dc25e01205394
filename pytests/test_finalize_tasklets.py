# Stackless 3.7.5 (the reference binary) at collection: a soft-switched tasklet blocked on a
# channel that nobody else holds is freed with its frames (its finally clause does not run);
# so is a paused one. The engine's tracing collector frees them the same way.
import gc
import weakref
import stackless

ran = []


def blocked_on(ch):
    try:
        ch.receive()
    finally:
        ran.append("blocked")


def paused():
    try:
        stackless.schedule_remove()
    finally:
        ran.append("paused")


def make_blocked():
    ch = stackless.channel()
    t = stackless.tasklet(blocked_on)(ch)
    stackless.run()
    assert t.blocked
    return weakref.ref(t), weakref.ref(ch)


def test_blocked_tasklet_with_dropped_channel_is_freed():
    rt, rc = make_blocked()
    gc.collect()
    assert rt() is None and rc() is None
    assert ran == []


def test_paused_tasklet_is_freed():
    t = stackless.tasklet(paused)()
    stackless.run()
    assert t.paused
    r = weakref.ref(t)
    del t
    gc.collect()
    assert r() is None
    assert ran == []


def test_tasklet_weakref_callback():
    got = []
    t = stackless.tasklet(paused)()
    stackless.run()
    r = weakref.ref(t, got.append)
    del t
    gc.collect()
    assert got == [r]


for _name, _fn in list(globals().items()):
    if _name.startswith('test_'):
        _fn()
print('ok')
