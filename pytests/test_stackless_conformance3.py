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


for _name, _fn in list(globals().items()):
    if _name.startswith("test_") and callable(_fn):
        _fn()
        assert stackless.getruncount() == 1, _name
print("ok")
