"""Behaviours from Stackless 3.7.5's own unittests (Stackless/unittests: test_channel,
test_chan_cb, test_defects, test_miscell, test_weakref), each checked against the reference."""
import sys
import stackless


def raises(exc, msg, f, *a, **k):
    try:
        f(*a, **k)
    except exc as e:
        assert msg in str(e), (msg, str(e))
        return
    raise AssertionError("no %s from %r" % (exc.__name__, f))


def test_channel_iteration_ends_on_stopiteration():
    # test_channel.TestClose.testSequence2: send_exception(StopIteration) ends `for x in ch`
    ch = stackless.channel()
    data = []
    def sender():
        assert ch.send_sequence(range(10)) == 10
        ch.send_exception(StopIteration)
        ch.close()
    def receiver():
        for i in ch:
            data.append(i)
        data.append('end')
    stackless.tasklet(sender)()
    stackless.tasklet(receiver)()
    stackless.run()
    assert data == list(range(10)) + ['end'], data
    assert ch.closed


def test_channel_iteration_stopiteration_when_sender_waits():
    # the value is already there (no switch): the loop ends too
    ch = stackless.channel()
    ch.preference = 1
    data = []
    def sender():
        ch.send(1)
        ch.send_exception(StopIteration)
    stackless.tasklet(sender)()
    stackless.run()            # sender blocks on its first send
    for x in ch:
        data.append(x)
    assert data == [1], data


def test_channel_iteration_stopiteration_hard_switch():
    # the receiving tasklet iterates in a nested loop (its switches are hard)
    from stackless import _test_nostacklesscall as apply_not_stackless
    ch = stackless.channel()
    out = []
    def receiver():
        out.append(apply_not_stackless(lambda: [x for x in ch]))
    t = stackless.tasklet(receiver)()
    t.run()
    assert t.blocked and not t.restorable
    ch.send('a'); ch.send('b'); ch.send_exception(StopIteration)
    assert out == [['a', 'b']], out


def test_channel_callback_sees_sent_value_in_tempval():
    # test_chan_cb.test0
    seen = []
    def cb(channel, tasklet, sending, willblock):
        seen.append((sending, willblock, tasklet.tempval))
    ch = stackless.channel()
    stackless.tasklet(lambda: ch.receive())()
    stackless.set_channel_callback(cb)
    try:
        ch.send(42)
    finally:
        stackless.set_channel_callback(None)
    stackless.run()
    assert seen[0] == (1, 1, 42), seen


def test_bind_rules():
    # test_miscell.TestBind, in Stackless's order of checks and messages
    raises(RuntimeError, "the tasklet was not bound to a function", stackless.tasklet().setup)
    raises(TypeError, "tasklet function must be a callable or None", stackless.tasklet().bind, 1)
    raises(TypeError, "callable", stackless.getcurrent().bind, object())
    raises(RuntimeError, "can't (re)bind the current tasklet", stackless.getcurrent().bind, lambda: 0)
    t = stackless.tasklet(lambda: 0)()
    raises(RuntimeError, "tasklet is scheduled", t.bind, lambda: 0)
    t.kill()
    raises(RuntimeError, "the tasklet was not bound to a function", stackless.tasklet().bind, None, (1,))
    got = []
    def f(*a, **k): got.append((a, k))
    t = stackless.tasklet(f)
    assert t.tempval is f and not t.alive
    t.bind(None, (1,))                      # keeps the bound function, sets it up
    assert t.alive and not t.scheduled
    t.run()
    t = stackless.tasklet(f)
    t.bind(args=(2,), kwargs={'k': 3})
    t.insert()
    stackless.run()
    assert got == [((1,), {}), ((2,), {'k': 3})], got


def test_rebind_a_paused_tasklet():
    # test_miscell.TestBind.test_rebind_recursion_depth
    def inner():
        stackless.main.switch()
    t = stackless.tasklet(inner)()
    t.run()
    assert t.paused and t.alive and t.recursion_depth == 1
    out = []
    t.bind(out.append, ('rebound',))
    assert t.alive and t.recursion_depth == 0
    t.run()
    assert out == ['rebound'] and not t.alive


def test_setup_of_an_alive_tasklet():
    # test_miscell.TestBind.test_setup_fail_alive
    errs = []
    def task():
        t = stackless.current
        t.tempval = lambda: None
        try:
            t.setup()
        except RuntimeError as e:
            errs.append(str(e))
    t = stackless.tasklet(task, ())
    t.run()
    assert errs == ["tasklet is alive"] and not t.alive


def test_schedule_remove_as_last_runnable_with_main_blocked():
    # test_defects.Schedule.testScheduleRemove2 (and 4: main merely removed is fine)
    chan = stackless.channel()
    got = []
    def func():
        try:
            stackless.schedule_remove()
        except RuntimeError as e:
            got.append(str(e))
        chan.send(None)
    stackless.tasklet(func)()
    chan.receive()
    assert got == ["Deadlock: the last runnable tasklet cannot be blocked."], got
    def g():
        stackless.schedule_remove(None)
    stackless.tasklet(g)()
    stackless.schedule_remove(None)     # main leaves; g leaves too; main comes back
    assert stackless.getruncount() == 1


def test_schedule_callback_error_goes_to_unraisablehook():
    # test_defects.TestExceptionInScheduleCallback
    if not hasattr(sys, 'unraisablehook'):
        return      # Stackless 3.7 prints the same report to stderr directly
    reports = []
    old_hook = sys.unraisablehook
    sys.unraisablehook = lambda u: reports.append((u.object, type(u.exc_value).__name__, str(u.exc_value)))
    def cb(prev, next):
        if next.is_main:
            raise RuntimeError("scheduleCallback")
    stackless.set_schedule_callback(cb)
    try:
        stackless.tasklet(lambda: None)()
        stackless.run()
    finally:
        stackless.set_schedule_callback(None)
        sys.unraisablehook = old_hook
    assert reports and reports[0] == ('Error in scheduling callback', 'RuntimeError', 'scheduleCallback'), reports


def test_test_nostacklesscall():
    # test_defects.TestShutdown.test_cstack_new
    from stackless import _test_nostacklesscall as apply_not_stackless
    ch = stackless.channel()
    levels = []
    def func():
        levels.append(stackless.current.nesting_level)
        levels.append(apply_not_stackless(lambda: stackless.current.nesting_level))
        levels.append(apply_not_stackless(ch.receive))     # blocks with a native frame below: hard
    t = stackless.tasklet().bind(func, ())
    t.run()
    assert levels == [0, 1] and t.blocked and not t.restorable
    ch.send('x')
    assert levels == [0, 1, 'x'], levels
    assert apply_not_stackless(None, 1, 2) == (1, 2)
    post = apply_not_stackless(lambda a: a * 2, 21, post_callback=lambda r, s, ts: (r, s))
    assert post == (42, 0), post


def test_star_import_names():
    # test_weakref does `from stackless import *` and then uses `stackless` and `tasklet`
    ns = {}
    exec("from stackless import *", ns)
    assert ns['stackless'] is stackless and ns['tasklet'] is stackless.tasklet
    assert 'channel' in ns and 'run' in ns and 'bomb' not in ns


def test_throw_to_new_and_dead_tasklets():
    # test_miscell.TestTaskletThrow{Immediate,NonImmediate}: test_new, test_kill_new,
    # test_kill_dead, test_throw_invalid
    c = stackless.channel()
    caught = []
    def foo():
        try:
            c.receive()
        except Exception as e:
            caught.append(e)
            raise
    for pending in (False, True):
        s = stackless.tasklet(foo)()
        assert s.frame is None and s.alive
        try:
            s.throw(IndexError, pending=pending)
            assert pending and s.alive and s.scheduled
            stackless.run()
            raise AssertionError("IndexError did not reach main")
        except IndexError:
            pass
        assert not s.alive and caught == []
    ran = []
    s = stackless.tasklet(ran.append)(1)
    s.throw(TaskletExit)
    assert not s.alive and ran == [] and stackless.getruncount() == 1
    s.throw(TaskletExit)                    # dead: ending it again is no error
    raises(RuntimeError, "You cannot throw to a dead tasklet", s.throw, IndexError)
    raises(TypeError, "instance exception may not have a separate value",
           stackless.getcurrent().throw, IndexError(1), (1, 2, 3))
    raises(TypeError, "exc", stackless.getcurrent().throw)


def test_bound_method_tasklet_runs_softly():
    # test_miscell.TestBind.test_bind / test_unbind_ok, TestContextManager.test_nestingLevel:
    # a tasklet bound to a method (or given keywords) switches softly
    class C:
        def task(self, yield_=True, **kw):
            self.levels.append((stackless.current.nesting_level, kw))
            stackless.schedule_remove()
    o = C(); o.levels = []
    t = stackless.tasklet(o.task)(False, k=1)
    stackless.run()
    assert t.alive and not t.scheduled and t.restorable and t.nesting_level == 0
    assert o.levels == [(0, {'k': 1})], o.levels
    t.insert(); stackless.run()
    assert not t.alive and t.recursion_depth == 0
    errs = []
    def g(a): pass
    t = stackless.tasklet(g)(1, 2)          # wrong arguments: raised when it runs
    try:
        stackless.run()
    except TypeError as e:
        errs.append(str(e))
    assert errs and "positional argument" in errs[0], errs


def test_error_handler():
    # test_miscell.TestErrorHandler and TestModule (debug, uncollectables)
    def foo(): pass
    assert stackless.set_error_handler(foo) is None
    assert stackless.set_error_handler(None) is foo
    assert stackless.set_error_handler(None) is None
    seen = []
    def handler(exc, val, tb):
        seen.append((exc, str(val), stackless.getcurrent()))
    def func():
        raise ZeroDivisionError("I am borken")
    t = stackless.tasklet(func)()
    old = stackless.set_error_handler(handler)
    try:
        stackless.run()                             # handled: main sees nothing
        s = stackless.tasklet(func)()
        s.throw(ZeroDivisionError, "thrown error")  # thrown before it ran: handled in it
    finally:
        stackless.set_error_handler(old)
    assert seen == [(ZeroDivisionError, "I am borken", t), (ZeroDivisionError, "thrown error", s)], seen
    def broken(exc, val, tb):
        raise IndexError("we are the mods")
    stackless.tasklet(func)()
    stackless.set_error_handler(broken)
    try:
        raises(IndexError, "mods", stackless.run)   # the handler's error goes to main
    finally:
        stackless.set_error_handler(None)
    assert stackless.getdebug() in (True, False) and stackless.debug in (True, False)
    assert type(stackless.getuncollectables()) is list and type(stackless.uncollectables) is list


def test_infinite_call_recursion_raises():
    # test_defects.TestInfiniteRecursion: an instance as its class's __call__ (directly or
    # through another class) recurses in native code: a RecursionError, never a crash
    class A(object):
        def __call__(self): pass
    A.__call__ = A()
    raises(RecursionError, "maximum recursion depth exceeded", A())
    class B(object):
        def __call__(self): pass
    class C(object):
        def __call__(self): pass
    B.__call__ = C()
    C.__call__ = B()
    raises(RecursionError, "maximum recursion depth exceeded", B())


for name, fn in list(globals().items()):
    if name.startswith('test_') and callable(fn):
        fn()
        assert stackless.getruncount() == 1, name
print('ok')
