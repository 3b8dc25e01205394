# The stackless types name themselves as Stackless 3.7.5's do: repr and type() say
# _stackless.X, and so do the messages about their instances (AttributeError), while a
# subclass made by a class statement gives its own name alone.
import stackless


def attribute_error(o):
    try:
        o.no_such_attribute
    except AttributeError as e:
        return str(e)
    raise AssertionError("no AttributeError")


def test_reprs():
    assert repr(stackless.tasklet) == "<class '_stackless.tasklet'>"
    assert repr(stackless.channel) == "<class '_stackless.channel'>"
    assert repr(type(stackless.current)) == "<class '_stackless.tasklet'>"
    assert repr(stackless.channel()).startswith("<_stackless.channel object at 0x")


def test_attribute_errors():
    assert attribute_error(stackless.channel()) == "'_stackless.channel' object has no attribute 'no_such_attribute'"
    assert attribute_error(stackless.current) == "'_stackless.tasklet' object has no attribute 'no_such_attribute'"
    assert attribute_error(stackless.bomb()) == "'_stackless.bomb' object has no attribute 'no_such_attribute'"

    class MyChannel(stackless.channel):
        pass
    assert attribute_error(MyChannel()) == "'MyChannel' object has no attribute 'no_such_attribute'"


for _name, _fn in list(globals().items()):
    if _name.startswith("test_") and callable(_fn):
        _fn()
print("ok")
