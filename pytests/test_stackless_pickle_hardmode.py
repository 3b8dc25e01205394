# A tasklet switched out while soft switching is disabled (enable_softswitch(False)) has, in
# Stackless, every frame on the C stack: it is not restorable, its nesting level counts its
# frames and the switch, and once pickled and loaded its frames cannot run: running it raises
# "cannot execute invalid frame" straight out of it, with no handler of its frames (a
# with-block's __exit__, an except clause) seeing the error; finally blocks don't run either.
# Outputs checked against Stackless 3.7.5 (whose run(100) never returns for the busy loop of
# test_preempted_in_hard_mode: that one is ours alone).
import pickle
import stackless

LOG = []


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        LOG.append(("exit", exc[0]))
        return True


def f(n):
    if n:
        return f(n - 1)
    stackless.schedule()


def main():
    try:
        with Ctx():
            f(2)
    except RuntimeError as e:
        LOG.append(("caught", str(e)))
    finally:
        LOG.append("finally")


def paused(soft):
    old = stackless.enable_softswitch(soft)
    try:
        t = stackless.tasklet(main)()
        t.run()
        return t
    finally:
        stackless.enable_softswitch(old)


def test_soft_mode_tasklet_restores():
    t = paused(True)
    assert t.restorable and t.nesting_level == 0
    t2 = pickle.loads(pickle.dumps(t))
    del LOG[:]
    t2.run()
    assert LOG == [("exit", None), "finally"], LOG
    t.kill()


def test_hard_mode_tasklet_is_not_restorable():
    t = paused(False)
    # main, f(2), f(1), f(0) and the switching call
    assert not t.restorable and t.nesting_level == 5, t.nesting_level
    t2 = pickle.loads(pickle.dumps(t))
    del LOG[:]
    try:
        t2.run()
    except RuntimeError as e:
        assert "cannot execute invalid frame" in str(e), e
    else:
        raise AssertionError("no error")
    assert LOG == [], LOG
    assert not t2.alive
    # the original still runs on
    t.run()
    assert LOG == [("exit", None), "finally"], LOG


def test_preempted_in_hard_mode():
    def loop():
        n = 0
        while True:
            n += 1
    old = stackless.enable_softswitch(False)
    try:
        t = stackless.tasklet(loop)()
        assert stackless.run(100) is t
    finally:
        stackless.enable_softswitch(old)
    assert not t.restorable
    t2 = pickle.loads(pickle.dumps(t))
    t2.insert()
    try:
        stackless.run()
    except RuntimeError as e:
        assert "cannot execute invalid frame" in str(e)
    else:
        raise AssertionError("no error")
    t.kill()


for _name, _f in list(globals().items()):
    if _name.startswith("test_") and callable(_f):
        _f()
print("ok")
