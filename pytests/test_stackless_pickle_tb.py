# Pickling of tracebacks (Stackless reduces them, with their frames, so that a tasklet that
# holds one -- an exception being handled, the arguments of a with-block's __exit__ -- can
# be pickled), and the f_back that a frame seen from a traceback keeps (CPython 3.11 keeps
# it; Stackless rebuilds it from the traceback's chain when unpickling).
# Checked against Stackless 3.7.5 (and CPython 3.11 for the f_back part).
import copy, inspect, pickle, sys
import stackless

LOG = []


def a():
    1 // 0


def b():
    return a()


def c():
    return b()


def d():
    try:
        c()
    except ZeroDivisionError:
        return sys.exc_info()[2]


def test_frames_of_a_traceback_keep_f_back():
    tb = d()
    inner = inspect.getinnerframes(tb)
    assert [i.function for i in inner] == ["d", "c", "b", "a"]
    outer = [i.function for i in inspect.getouterframes(inner[-1][0])]
    # a, b, c, d finished, yet the chain goes on down to this test and the module
    assert outer[:5] == ["a", "b", "c", "d", "test_frames_of_a_traceback_keep_f_back"], outer


def test_traceback_round_trip():
    tb = d()
    orig = inspect.getinnerframes(tb)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        tb2 = pickle.loads(pickle.dumps(tb, proto))
        assert type(tb2) is type(tb) and tb2 is not tb
        new = inspect.getinnerframes(tb2)
        # file, line, function, context lines, positions: all the same
        assert [i[1:] for i in new] == [i[1:] for i in orig]
        assert tb2.tb_lasti == tb.tb_lasti and tb2.tb_next.tb_lineno == tb.tb_next.tb_lineno
        # the rebuilt frames are linked again (innermost first)
        outer = [i.function for i in inspect.getouterframes(new[-1][0])]
        assert outer == ["a", "b", "c", "d"], outer
        assert new[0][0] is not orig[0][0]
        assert new[0][0].f_locals == {}


def test_traceback_keeps_locals():
    def f(x):
        y = [x, "y"]
        raise KeyError(x)
    try:
        f(5)
    except KeyError:
        tb = sys.exc_info()[2]
    tb2 = pickle.loads(pickle.dumps(tb))
    assert tb2.tb_next.tb_frame.f_locals == {"x": 5, "y": [5, "y"]}
    assert tb2.tb_next.tb_frame.f_code.co_name == "f"


def test_copy_of_traceback_shares_frame_and_next():
    try:
        1 // 0
    except ZeroDivisionError:
        tb = sys.exc_info()[2]
    cp = copy.copy(tb)
    assert cp is not tb and cp.tb_frame is tb.tb_frame and cp.tb_next is tb.tb_next
    assert cp.tb_lineno == tb.tb_lineno and cp.tb_lasti == tb.tb_lasti


class Ctx:
    def __init__(self, where):
        self.where = where

    def __enter__(self):
        return self

    def __exit__(self, tp, val, tb):
        LOG.append(("exit", tp.__name__ if tp else None))
        if self.where == "exit":
            stackless.schedule_remove()
            LOG.append(("exit resumed", tb.tb_frame.f_code.co_name))
        return True


def in_with(where):
    with Ctx(where):
        if where == "body":
            stackless.schedule_remove()
            LOG.append("body resumed")
        raise ValueError("in the body")
    LOG.append("after with")


def test_tasklet_paused_in_exit_with_an_exception_pickles():
    # __exit__ runs with the exception's traceback as an argument: the pickle holds it
    del LOG[:]
    t = stackless.tasklet(in_with)("exit")
    t.run()
    assert LOG == [("exit", "ValueError")]
    p = pickle.dumps(t)
    t.kill()
    del LOG[:]
    t2 = pickle.loads(p)
    t2.insert()
    stackless.run()
    assert LOG == [("exit resumed", "in_with"), "after with"], LOG
    assert not t2.alive


def test_tasklet_paused_in_with_body_pickles():
    del LOG[:]
    t = stackless.tasklet(in_with)("body")
    t.run()
    p = pickle.dumps(t)
    t.kill()
    del LOG[:]
    t2 = pickle.loads(p)
    t2.insert()
    stackless.run()
    assert LOG == ["body resumed", ("exit", "ValueError"), "after with"], LOG


def handler():
    try:
        raise KeyError("k")
    except KeyError:
        stackless.schedule_remove()
        LOG.append(("handling", repr(sys.exc_info()[1])))


def test_tasklet_paused_in_except_pickles():
    del LOG[:]
    t = stackless.tasklet(handler)()
    t.run()
    p = pickle.dumps(t)
    t.kill()
    t2 = pickle.loads(p)
    t2.insert()
    stackless.run()
    assert LOG == [("handling", "KeyError('k')")], LOG


for _name, _f in list(globals().items()):
    if _name.startswith("test_") and callable(_f):
        _f()
print("ok")
