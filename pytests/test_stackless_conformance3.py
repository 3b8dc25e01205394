"""Behaviours of Stackless 3.7.5 checked in the fifth session, each recorded with the
reference (/tmp/slp-install/bin/python3 runs this file too)."""
import pickle
import stackless


def test_core_types_name_their_module():
    # every type of the core is `_stackless.X`, as its reprs and pickles show
    for cls in (stackless.tasklet, stackless.channel, stackless.bomb, stackless.atomic):
        assert cls.__module__ == "_stackless", cls
        assert repr(cls) == "<class '_stackless.%s'>" % cls.__name__, repr(cls)
    b = stackless.bomb(ValueError, ValueError(1), None)
    assert repr(b).startswith("<_stackless.bomb object at "), repr(b)
    assert repr(stackless.atomic()).startswith("<_stackless.atomic object at ")
    b2 = pickle.loads(pickle.dumps(b))
    assert type(b2) is stackless.bomb and b2.type is ValueError and b2.value.args == (1,)


def test_send_exception_takes_a_class():
    ch = stackless.channel()
    for bad in (5, ValueError(1), int):
        try:
            ch.send_exception(bad)
        except TypeError as e:
            assert str(e) == "channel.send_exception needs Exception or string subclass as first parameter", e
        else:
            raise AssertionError("send_exception(%r) passed" % (bad,))
    got = []

    def receiver():
        try:
            ch.receive()
        except ValueError as e:
            got.append(e.args)
    stackless.tasklet(receiver)()
    stackless.run()
    ch.send_exception(ValueError, 1, 2)
    assert got == [(1, 2)], got


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced_task":
        events.append(event)
    return tracer


def traced_task():
    stackless.schedule_remove()
    x = 1
    return x


def test_pickle_with_tracing_state():
    # a module attribute that wraps pickle_flags (thread and default) in 3.7.5
    assert stackless.pickle_with_tracing_state is False
    assert stackless.pickle_flags() & stackless.PICKLEFLAGS_PRESERVE_TRACING_STATE == 0
    stackless.pickle_with_tracing_state = True
    try:
        assert stackless.pickle_with_tracing_state is True
        assert stackless.pickle_flags() & stackless.PICKLEFLAGS_PRESERVE_TRACING_STATE
        assert stackless.pickle_flags_default() & stackless.PICKLEFLAGS_PRESERVE_TRACING_STATE
        for keep in (True, False):
            stackless.pickle_with_tracing_state = keep
            t = stackless.tasklet(traced_task)()
            t.run()
            t.trace_function = tracer
            t.frame.f_trace = tracer     # 3.7.5 keeps a frame's f_trace with the flag too
            s = pickle.dumps(t)
            t.kill()
            del events[:]
            t2 = pickle.loads(s)
            assert (t2.trace_function is tracer) == keep, keep
            t2.insert()
            stackless.run()
            assert not t2.alive
            assert (events == ["line", "line", "return"]) == keep, (keep, events)
    finally:
        stackless.pickle_with_tracing_state = False
    assert stackless.pickle_flags() == 0 and stackless.pickle_flags_default() == 0


for _name, _fn in list(globals().items()):
    if _name.startswith("test_") and callable(_fn):
        _fn()
        assert stackless.getruncount() == 1, _name
print("ok")
