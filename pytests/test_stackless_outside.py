# stackless.test_outside() and stackless.test_cframe_nr(n), Stackless's builtin testing
# functions (Stackless/unittests/test_outside.py imports them): test_outside runs every
# runnable tasklet until none is left, channels and hard switches included; test_cframe_nr
# switches n times. Checked against Stackless 3.7.5.
import stackless

def test_outside_runs_tasklets():
    log = []
    stackless.tasklet(log.append)("a")
    stackless.tasklet(log.append)("b")
    assert stackless.test_outside() is None
    assert log == ["a", "b"] and stackless.getruncount() == 1

def test_outside_with_channels_and_hard_switch():
    ch = stackless.channel()
    got = []
    def source():
        stackless._test_nostacklesscall(lambda: [ch.send(i) for i in range(3)])
    def sink():
        for _ in range(3):
            got.append(ch.receive())
    stackless.tasklet(source)()
    stackless.test_outside()          # the source runs until it blocks
    assert got == [] and ch.balance == 1
    stackless.tasklet(sink)()
    stackless.test_outside()
    assert got == [0, 1, 2] and ch.balance == 0

def test_cframe_nr_switches():
    order = []
    def counter(name, n):
        for i in range(n):
            order.append((name, i))
            stackless.schedule()
    stackless.tasklet(stackless.test_cframe_nr)(3)
    stackless.tasklet(counter)("c", 3)
    stackless.test_outside()
    assert order == [("c", 0), ("c", 1), ("c", 2)], order

def test_outside_stops_at_escaping_exception():
    def bad():
        raise KeyError("x")
    t = stackless.tasklet(bad)()
    try:
        stackless.test_outside()
    except KeyError:
        pass
    else:
        raise AssertionError("the tasklet's error reaches the caller")
    assert not t.alive

for _name, _fn in list(globals().items()):
    if _name.startswith("test_") and callable(_fn) and _fn.__module__ == __name__:
        _fn()
print("ok")
