"""nesting_level and restorable where the loop resumes Python code itself (each expected value
checked against Stackless 3.7.5): a for loop, yield from, gen.send and gen.__next__ do not
nest; a with-statement's Python __enter__ and __exit__ run as frames of the loop, so a tasklet
switching inside them switches softly, as in Stackless.
(A generator driven by sum()/list()/... is also resumed in the loop here, so it reports 0 and
stays restorable, where Stackless, which resumes it from C, says 1: test_gen_consumers.py.)"""
import stackless


def gen():
    yield stackless.current.nesting_level
    yield stackless.current.nesting_level


def test_loop_resumptions_do_not_count():
    assert [x for x in gen()] == [0, 0]
    for x in gen():
        assert x == 0
    g = gen()
    assert g.send(None) == 0
    assert g.__next__() == 0
    def outer():
        yield from gen()
    assert outer().send(None) == 0


class CM:
    def __init__(self, ch, log):
        self.ch, self.log = ch, log

    def __enter__(self):
        self.log.append(("enter", stackless.current.nesting_level))
        return self.ch.receive()

    def __exit__(self, t, v, tb):
        self.log.append(("exit", stackless.current.nesting_level, t))
        self.log.append(("exit got", self.ch.receive()))
        return t is KeyError


def test_with_enter_and_exit_switch_softly():
    ch = stackless.channel()
    log = []
    def body():
        with CM(ch, log) as v:
            log.append(("body", v))
        with CM(ch, log) as v:
            raise KeyError(v)
        log.append("after")
    t = stackless.tasklet(body)()
    stackless.run()
    assert t.blocked and t.restorable and t.nesting_level == 0      # waiting in __enter__
    ch.send("a")
    assert t.blocked and t.restorable                               # waiting in __exit__
    ch.send("b")
    ch.send("c")
    assert t.blocked and t.restorable                               # in the exception path's __exit__
    ch.send("d")
    assert not t.alive
    assert log == [("enter", 0), ("body", "a"), ("exit", 0, None), ("exit got", "b"),
                   ("enter", 0), ("exit", 0, KeyError), ("exit got", "d"), "after"], log


def test_instance_call_and_star_call_of_method_switch_softly():
    # an instance's Python __call__ and obj.method(*args, **kw) run as frames of the loop:
    # nesting level 0 inside, and a tasklet blocking there switches softly (Stackless too)
    ch = stackless.channel()
    seen = []
    class Receiver:
        def __call__(self, tag):
            seen.append((tag, stackless.current.nesting_level))
            return ch.receive()
        def method(self, *args, **kw):
            seen.append((kw["tag"], stackless.current.nesting_level))
            return ch.receive()
    r = Receiver()
    def task():
        seen.append(r("call"))
        seen.append(r.method(*(), **{"tag": "star"}))
    t = stackless.tasklet(task)()
    stackless.run()
    assert t.blocked and t.restorable and t.nesting_level == 0
    ch.send(1)
    assert t.blocked and t.restorable
    ch.send(2)
    assert not t.alive
    assert seen == [("call", 0), 1, ("star", 0), 2], seen

for name, fn in list(globals().items()):
    if name.startswith('test_') and callable(fn):
        fn()
        assert stackless.getruncount() == 1, name
print('ok')
