# Arguments Stackless 3.7.5 refuses (outputs recorded with the reference): the channel and
# schedule callbacks must be callable (None clears them), and tasklet.raise_exception takes
# an exception class (an instance is throw()'s), so a mistake shows where it is made.
import stackless


def type_error(f, *args):
    try:
        f(*args)
    except TypeError as e:
        return str(e)
    raise AssertionError("no TypeError")


def test_callbacks_must_be_callable():
    assert type_error(stackless.set_channel_callback, 5) == "channel callback must be callable"
    assert type_error(stackless.set_schedule_callback, "x") == "schedule callback must be callable"
    # the refused one did not replace the callback that was set
    seen = []
    stackless.set_schedule_callback(lambda prev, nxt: seen.append(1))
    type_error(stackless.set_schedule_callback, 5)
    stackless.tasklet(lambda: None)()
    stackless.run()
    assert seen
    assert stackless.set_schedule_callback(None) is not None
    assert stackless.set_channel_callback(None) is None


def test_raise_exception_takes_a_class():
    msg = "tasklet.raise_exception needs Exception or string subclass as first parameter"
    for bad in (ValueError("x"), 5):
        t = stackless.tasklet(stackless.schedule_remove)()
        t.run()
        assert type_error(t.raise_exception, bad) == msg
        assert t.alive
        t.kill()
    t = stackless.tasklet(stackless.schedule_remove)()
    t.run()
    try:
        t.raise_exception(KeyError, "k")
    except KeyError as e:
        assert e.args == ("k",)
    else:
        raise AssertionError("KeyError did not reach main")


for _name, _fn in list(globals().items()):
    if _name.startswith("test_") and callable(_fn):
        _fn()
print("ok")
