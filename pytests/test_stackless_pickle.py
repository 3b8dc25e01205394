# Stackless pickling: tasklets, channels, frames (inside tasklets and generators), code objects,
# functions, cells and generators. The reduce shapes a program can see are Stackless 3.7.5's
# (tasklet: (type, (), 8-tuple), channel: (type, (), (balance, flags, tasklets))); the
# outputs of the round trips are what Stackless 3.7.5 prints for the same programs.
import pickle, sys, types
import stackless

# what the tasklets do goes here: a global is pickled by reference (with its module's dict),
# while a closure's cell or an argument would be copied into the pickle
LOG = []


def roundtrip(obj):
    return pickle.loads(pickle.dumps(obj))


def run_until_dead(t, limit=100):
    """Inserts and runs a tasklet that keeps removing itself until it ends."""
    for _ in range(limit):
        if not t.alive:
            return
        t.insert()
        stackless.run()
    raise AssertionError("tasklet did not end")


def test_tasklet_reduce_shape():
    def g():
        pass
    t = stackless.tasklet(g)
    r = t.__reduce__()
    assert r[0] is stackless.tasklet and r[1] == ()
    assert len(r[2]) == 8
    assert r[2][0] == 0 and r[2][1] is g and r[2][2] == 0 and r[2][3] == [] and r[2][4:] == (None, None, None, None)
    t.setup()
    t.set_atomic(True)
    t.block_trap = True
    t.set_ignore_nesting(True)
    flags = t.__reduce__()[2][0]
    assert flags & 0xff == 44, flags
    assert len(t.__reduce__()[2][3]) == 1
    t.kill()
    assert t.__reduce_ex__(2)[0] is stackless.tasklet


def test_current_tasklet_cannot_reduce():
    try:
        stackless.getcurrent().__reduce__()
    except RuntimeError as e:
        assert str(e) == "You cannot __reduce__ the tasklet which is current."
    else:
        raise AssertionError("no error")


def test_channel_reduce_shape():
    c = stackless.channel()
    assert c.__reduce__() == (stackless.channel, (), (0, 6, []))
    c.preference = 1
    assert c.__reduce__()[2] == (0, 2, [])
    c.preference = 0
    c.schedule_all = 1
    c.close()
    assert c.__reduce__()[2] == (0, 9, [])
    c2 = roundtrip(c)
    assert (c2.preference, c2.schedule_all, c2.closing) == (0, True, True)


def test_blocked_receiver_through_the_channel():
    LOG.clear()
    def receiver(ch):
        while True:
            v = ch.receive()
            if v is None:
                break
            LOG.append(v)
        LOG.append("end")
    ch = stackless.channel()
    t = stackless.tasklet(receiver)(ch)
    stackless.run()
    ch.send(1)
    assert ch.__reduce__()[2][:2] == (-1, 6) and ch.__reduce__()[2][2] == [t]
    assert t.__reduce__()[2][0] & 3 == 3     # blocked receiving
    ch2 = roundtrip(ch)
    assert ch2.balance == -1 and ch2.queue.blocked and ch2.queue is not t
    ch2.send(10)
    ch2.send(None)
    assert LOG == [1, 10, "end"]
    ch.send(None)
    assert LOG == [1, 10, "end", "end"]


def test_blocked_sender_keeps_its_value():
    def sender(ch):
        ch.send("payload")
    ch = stackless.channel()
    stackless.tasklet(sender)(ch)
    stackless.run()
    assert ch.balance == 1
    ch2 = roundtrip(ch)
    assert ch2.balance == 1
    assert ch2.receive() == "payload"
    assert ch.receive() == "payload"


def test_removed_tasklet_goes_on_after_unpickling():
    LOG.clear()
    def f(n):
        for i in range(n):
            x = [i]
            stackless.schedule_remove()
            LOG.append((i, x))
        return 5
    t = stackless.tasklet(f)(3)
    stackless.run()
    s = pickle.dumps(t)
    t.kill()
    t2 = pickle.loads(s)
    assert t2.alive and not t2.scheduled and t2.restorable
    assert t2.frame.f_code.co_name == "f"
    run_until_dead(t2)
    assert LOG == [(0, [0]), (1, [1]), (2, [2])]


def test_unpickled_twice_runs_twice():
    LOG.clear()
    def f():
        for i in range(2):
            stackless.schedule_remove()
            LOG.append(i)
    t = stackless.tasklet(f)()
    stackless.run()
    s = pickle.dumps(t)
    run_until_dead(pickle.loads(s))
    run_until_dead(pickle.loads(s))
    run_until_dead(t)
    assert LOG == [0, 1, 0, 1, 0, 1]


def test_not_yet_run_tasklet():
    LOG.clear()
    def hello(a, b=2, *, c):
        LOG.append((a, b, c))
    t = stackless.tasklet(hello)(1, c=3)
    t2 = roundtrip(t)
    t.kill()
    t2.insert()
    stackless.run()
    assert LOG == [(1, 2, 3)]


def test_preempted_tasklet():
    LOG.clear()
    def busy():
        c = 0
        while c < 3000:
            c += 1
        LOG.append(c)
    t = stackless.tasklet(busy)()
    assert stackless.run(100) is t
    t2 = roundtrip(t)
    t.kill()
    t2.insert()
    stackless.run()
    assert LOG == [3000] and not t2.alive


def leaf(n):
    return n + 1


def test_preempted_at_a_call():
    # a call is a preemption tick: the tasklet may stop in a frame that has not begun yet;
    # that frame pickles, and killing the original there is a clean TaskletExit
    LOG.clear()
    def busy():
        c = 0
        while c < 20000:
            c = leaf(c)
        LOG.append(c)
    for ticks in (5, 6, 7, 8):
        t = stackless.tasklet(busy)()
        assert stackless.run(ticks) is t
        t2 = roundtrip(t)
        t.kill()
        assert not t.alive
        t2.insert()
        stackless.run()
    assert LOG == [20000] * 4, LOG


class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        LOG.append("enter " + self.name)
        return self
    def __exit__(self, tp, v, tb):
        LOG.append("exit %s %s" % (self.name, tp and tp.__name__))
        return False


def outer(k):
    acc = []
    def add(v):
        acc.append(v * k)
        return len(acc)
    def gen(n):
        for j in range(n):
            yield j
            stackless.schedule_remove()
    try:
        with Ctx("c1"):
            for v in gen(3):
                LOG.append(("add", add(v), list(acc)))
                stackless.schedule_remove()
    finally:
        LOG.append(("finally", list(acc)))
    return acc


def test_closures_with_blocks_generators_and_finally_survive():
    LOG.clear()
    t = stackless.tasklet(outer)(10)
    stackless.run()
    rounds = 0
    while t.alive:
        s = pickle.dumps(t)
        t.kill()      # the original runs its with-exit and finally, as in Stackless
        t = pickle.loads(s)
        t.insert()
        stackless.run()
        rounds += 1
    assert rounds == 6, rounds
    # each killed original runs its with-exit and finally with TaskletExit, as in Stackless
    mine = [x for i, x in enumerate(LOG) if not (isinstance(x, str) and "TaskletExit" in x) and not (x[0] == "finally" and "TaskletExit" in LOG[i - 1])]
    assert mine == ["enter c1", ("add", 1, [0]), ("add", 2, [0, 10]), ("add", 3, [0, 10, 20]), "exit c1 None", ("finally", [0, 10, 20])], mine


def test_handled_exception_survives():
    LOG.clear()
    def inexc():
        try:
            raise KeyError("k")
        except KeyError as e:
            stackless.schedule_remove()
            LOG.append((repr(e), sys.exc_info()[0]))
        LOG.append(sys.exc_info())
    t = stackless.tasklet(inexc)()
    stackless.run()
    t2 = roundtrip(t)
    t.kill()
    t2.insert()
    stackless.run()
    assert LOG == [("KeyError('k')", KeyError), (None, None, None)]


CH = stackless.channel()


def test_tasklet_with_native_state_is_not_restorable():
    # the channel is a global, so the pickle refers to it instead of copying it (with the
    # tasklet blocked on it)
    ch = CH
    LOG.clear()
    def f():
        x = sorted([3, 1, 2], key=lambda v: CH.receive() if v == 2 else v)
        LOG.append(x)
    t = stackless.tasklet(f)()
    stackless.run()
    assert not t.restorable and t.blocked
    t2 = roundtrip(t)
    # the frames that were inside native calls (sorted, and the lambda under it) are replaced
    # by one that raises Stackless's error
    assert t2.alive and not t2.blocked and t2.frame.f_code.co_name == "_invalid_frame"
    t2.insert()
    try:
        stackless.run()
    except RuntimeError as e:
        assert str(e) == "cannot execute invalid frame with 'eval_frame_value': frame had a C state that can't be restored.", str(e)
    else:
        raise AssertionError("no error")
    ch.send(2)
    assert LOG == [[1, 2, 3]]


def test_blocked_tasklet_with_native_state_raises_when_woken():
    # a channel in a closure is pickled with the tasklet blocked on it: the value sent to the
    # copy must not resume the frame that was inside the native call
    LOG.clear()
    def make():
        ch = stackless.channel()
        def f():
            try:
                LOG.append(sorted([3, 1, 2], key=lambda v: ch.receive() if v == 2 else v))
            finally:
                LOG.append("finally")
        return ch, f
    ch, f = make()
    t = stackless.tasklet(f)()
    stackless.run()
    ch2, t2 = roundtrip((ch, t))
    assert ch2.balance == -1 and t2.blocked
    try:
        ch2.send(2)
    except RuntimeError as e:
        assert "C state" in str(e)
    else:
        raise AssertionError("the invalid frame ran")
    # f was inside the native call too: it does not run on, not even its finally (as in Stackless)
    assert LOG == [] and not t2.alive
    ch.send(2)
    assert LOG == [[1, 2, 3], "finally"]


def test_pending_kill_survives():
    # kill(pending=True) leaves a bomb in tempval: it goes off in the unpickled tasklet
    LOG.clear()
    def f():
        try:
            stackless.schedule_remove()
            LOG.append("not reached")
        finally:
            LOG.append("finally")
    t = stackless.tasklet(f)()
    stackless.run()
    t.kill(pending=True)
    assert isinstance(t.tempval, stackless.bomb)
    t2 = roundtrip(t)
    assert isinstance(t2.tempval, stackless.bomb) and t2.tempval.type is TaskletExit
    t.remove()
    t2.insert()
    stackless.run()
    assert LOG == ["finally"] and not t2.alive


def test_itertools_count_loop():
    import itertools
    LOG.clear()
    def counting():
        for i in itertools.count(5):
            if i == 8:
                break
            stackless.schedule_remove()
            LOG.append(i)
    t = stackless.tasklet(counting)()
    stackless.run()
    t2 = roundtrip(t)
    t.kill()
    run_until_dead(t2)
    assert LOG == [5, 6, 7]


def test_itertools_groupby_and_tee_loops():
    # a tasklet inside a group of groupby, and one reading a tee copy, pickle with them
    import itertools
    LOG.clear()
    def grouping():
        for k, grp in itertools.groupby("aabbbc"):
            for v in grp:
                stackless.schedule_remove()
                LOG.append(k + v)
    def teeing():
        a, b = itertools.tee(iter(range(4)))
        for x in a:
            stackless.schedule_remove()
            LOG.append(x)
        LOG.append(list(b))
    for f, expect in [(grouping, ["aa", "aa", "bb", "bb", "bb", "cc"]), (teeing, [0, 1, 2, 3, [0, 1, 2, 3]])]:
        LOG.clear()
        t = stackless.tasklet(f)()
        stackless.run()
        t.insert()
        stackless.run()
        t2 = roundtrip(t)
        t.kill()
        run_until_dead(t2)
        assert LOG == expect, LOG


def test_frames_alone_do_not_pickle():
    try:
        pickle.dumps(sys._getframe())
    except TypeError:
        pass
    else:
        raise AssertionError("a frame pickled")


def test_code_objects_by_value():
    src = "def f(a, *args, b=2, **kw):\n    '''doc'''\n    return (a, args, b, kw, 1.5, 2**80, 1j, b'x', ..., frozenset({1}), 'caf\\xe9')\n"
    code = compile(src, "<pickled>", "exec")
    code2 = roundtrip(code)
    assert type(code2) is types.CodeType and code2 is not code
    ns1, ns2 = {}, {}
    exec(code, ns1)
    exec(code2, ns2)
    assert ns1["f"](1, 2, c=3) == ns2["f"](1, 2, c=3)
    assert ns2["f"].__doc__ == "doc" and ns2["f"].__code__.co_filename == "<pickled>"
    try:
        stackless._wrap.code(b"not a code object")
    except ValueError:
        pass
    else:
        raise AssertionError("garbage made a code object")


def module_level(x):
    return x + 1


def test_functions_by_reference_and_by_value():
    assert roundtrip(module_level) is module_level
    def make(k):
        def inner(v, w=k):
            return v * k + w
        inner.attr = "kept"
        return inner
    f = make(3)
    g = roundtrip(f)
    assert g is not f and g(2) == f(2) == 9
    assert g.attr == "kept" and g.__qualname__ == f.__qualname__ and g.__defaults__ == (3,)
    lam = roundtrip(lambda a: a * 2)
    assert lam(4) == 8
    def rec_maker():
        def rec(n):
            return 1 if n == 0 else n * rec(n - 1)
        return rec
    r = roundtrip(rec_maker())
    assert r(5) == 120


def test_cells_and_module_dicts():
    def mk():
        a = [1]
        def get():
            return a
        return get
    cell = mk().__closure__[0]
    c2 = roundtrip(cell)
    assert c2.cell_contents == [1]
    assert roundtrip(globals()) is globals()
    assert roundtrip(stackless) is stackless


def test_generators():
    def gen(n):
        total = 0
        for i in range(n):
            total += i
            yield total
    g = gen(5)
    assert next(g) == 0 and next(g) == 1
    g2 = roundtrip(g)
    assert list(g2) == [3, 6, 10]
    assert list(g) == [3, 6, 10]
    g3 = roundtrip(g)     # finished
    assert list(g3) == []
    fresh = roundtrip(gen(2))
    assert list(fresh) == [0, 1]


def test_pickle_flags():
    assert stackless.pickle_flags() == 0
    assert stackless.pickle_flags(1) == 0
    assert stackless.pickle_flags() == 1
    assert stackless.pickle_flags(0, 0) == 1 and stackless.pickle_flags() == 1
    assert stackless.pickle_flags(new_flags=6, mask=2) == 1 and stackless.pickle_flags() == 3
    assert stackless.pickle_flags(0) == 3
    for bad in (8, -2):
        try:
            stackless.pickle_flags(bad)
        except ValueError as e:
            assert str(e) == "you must not set an undefined pickle-flag"
        else:
            raise AssertionError("accepted %d" % bad)
    assert stackless.pickle_flags_default() == 0
    assert stackless.pickle_flags_default(2) == 0 and stackless.pickle_flags_default(0) == 2
    assert (stackless.PICKLEFLAGS_PRESERVE_TRACING_STATE, stackless.PICKLEFLAGS_PRESERVE_AG_FINALIZER, stackless.PICKLEFLAGS_RESET_AG_FINALIZER) == (1, 2, 4)


def test_bad_states_raise_python_errors():
    t = stackless.tasklet()
    for state in ((1, 2), (0, None, 0, "x", None, None, None, None), (0, None, 0, [1], None, None, None, None)):
        try:
            t.__setstate__(state)
        except TypeError:
            pass
        else:
            raise AssertionError(state)
    try:
        stackless.channel().__setstate__((0, 0, "x"))
    except TypeError:
        pass
    else:
        raise AssertionError("channel state")


def test_dict_views():
    # Stackless pickles dict views: the view of the same (shared) dict comes back
    d = {1: 10, "a": "ABC"}
    for proto in (0, 2, 4):
        keys, values, items, back = pickle.loads(pickle.dumps((d.keys(), d.values(), d.items(), d), proto))
        assert type(keys) is type(d.keys()) and list(keys) == [1, "a"]
        assert type(values) is type(d.values()) and list(values) == [10, "ABC"]
        assert type(items) is type(d.items()) and list(items) == [(1, 10), ("a", "ABC")]
        back["new"] = 1
        assert "new" in keys and 1 in values


def test_modules_pickle_by_name_without_importlib():
    # a module (and a frame's globals, as its module's __dict__) is rebuilt by
    # _stackless._wrap.import_module: pickling one does not import importlib (compiled from
    # source here, a cost the first pickle of a tasklet would pay)
    import json.decoder
    had_importlib = "importlib" in sys.modules
    blob = pickle.dumps((json.decoder, json.decoder.__dict__, sys), 2)
    assert b"_stackless._wrap" in blob and b"import_module" in blob
    assert b"importlib" not in blob
    mod, d, s = pickle.loads(blob)
    assert mod is json.decoder and d is json.decoder.__dict__ and s is sys
    ch = stackless.channel()
    def waiter():
        ch.receive()
    t = stackless.tasklet(waiter)()
    stackless.run()
    t2 = pickle.loads(pickle.dumps(t, 2))
    assert t2.frame.f_globals is globals()
    t.kill()
    t2.kill()
    assert ("importlib" in sys.modules) == had_importlib
    # a name that is not a module raises ImportError at load time, as importlib's would
    bad = pickle.dumps(json.decoder, 2).replace(b"json.decoder", b"json.nosuchm")
    try:
        pickle.loads(bad)
    except ImportError:
        pass
    else:
        raise AssertionError("no ImportError")


for _name, _f in list(globals().items()):
    if _name.startswith("test_"):
        _f()
