# Hard switching: tasklets that block or switch while native code that called back into Python
# is on their stack (a key function of sorted(), map(), a dunder run by a native slot, a class
# __init__, a generator consumed by a builtin). The interleavings are the ones of a soft switch;
# every expectation here was checked against Stackless 3.7.5 (the same file passes there).
import stackless

def feed(values, log, ch):
    def sender():
        for v in values:
            log.append(("send", v))
            ch.send(v)
        log.append("sender done")
    return sender

def run_with_sender(body, values):
    log = []
    ch = stackless.channel()
    def worker():
        try:
            log.append(("result", body(ch, log)))
        finally:
            log.append("worker finally")
    stackless.tasklet(worker)()
    stackless.tasklet(feed(values, log, ch))()
    stackless.run()
    return log

def test_sorted_key():
    log = run_with_sender(lambda ch, log: sorted([3, 1, 2], key=lambda x: ch.receive()), [30, 10, 20])
    assert log == [("send", 30), ("send", 10), ("send", 20), ("result", [1, 2, 3]),
                   "worker finally", "sender done"], log

def test_map_lambda():
    log = run_with_sender(lambda ch, log: list(map(lambda x: (x, ch.receive()), "ab")), [1, 2])
    assert log == [("send", 1), ("send", 2), ("result", [("a", 1), ("b", 2)]), "worker finally", "sender done"], log

class Receiving:
    ch = None
    def __init__(self, tag):
        self.tag = tag
        self.value = Receiving.ch.receive()

def test_class_init():
    def body(ch, log):
        Receiving.ch = ch
        objs = list(map(Receiving, "xy"))   # __init__ run from a native (map)
        direct = Receiving("z")             # and from the loop
        return [(o.tag, o.value) for o in objs + [direct]]
    log = run_with_sender(body, [1, 2, 3])
    assert log == [("send", 1), ("send", 2), ("send", 3), ("result", [("x", 1), ("y", 2), ("z", 3)]),
                   "worker finally", "sender done"], log

def test_generator_consumed_by_for_and_by_builtins():
    def gen(ch, n):
        for i in range(n):
            yield ch.receive()
    def body(ch, log):
        out = []
        for v in gen(ch, 2):
            out.append(v)
        out.append(sum(gen(ch, 2)))
        out.append(sorted(gen(ch, 2)))
        return out
    log = run_with_sender(body, [1, 2, 3, 4, 6, 5])
    assert log[-3:] == [("result", [1, 2, 7, [5, 6]]), "worker finally", "sender done"], log

class Key:
    ch = None
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, other):
        Key.ch.receive()
        return self.v == other.v

def test_dict_eq():
    def body(ch, log):
        Key.ch = ch
        d = {Key(1): "one"}
        return d[Key(1)], Key(2) in d
    log = run_with_sender(body, [None, None])
    assert log == [("send", None), ("send", None), ("result", ("one", False)), "worker finally", "sender done"], log

class Seq:
    ch = None
    def __getitem__(self, i):
        if i >= 2: raise IndexError(i)
        return (i, Seq.ch.receive())
    def __add__(self, other):
        return ("add", Seq.ch.receive())
    def __repr__(self):
        return "Seq(%s)" % Seq.ch.receive()

def test_dunders():
    def body(ch, log):
        Seq.ch = ch
        s = Seq()
        return s[0], list(s), s + 1, repr([s]), "%r" % (s,)
    log = run_with_sender(body, "abcdef")
    assert log[-3:] == [("result", ((0, "a"), [(0, "b"), (1, "c")], ("add", "d"), "[Seq(e)]", "Seq(f)")),
                        "worker finally", "sender done"], log

def test_kill_hard_blocked_runs_finally():
    log = []
    ch = stackless.channel()
    def victim():
        try:
            sorted([1, 2], key=lambda x: ch.receive())
        except TaskletExit:
            log.append("exit")
            raise
        finally:
            log.append(("finally", stackless.current.nesting_level))
    t = stackless.tasklet(victim)()
    stackless.run()
    # with soft switching disabled, Stackless counts one level per frame (victim, lambda) and
    # the switching call: 3
    assert t.blocked and t.alive and not t.restorable and t.nesting_level == (2 if stackless.enable_softswitch(None) else 3)
    assert t.frame.f_code.co_name == "<lambda>"
    t.kill()
    assert log == ["exit", ("finally", 0)] and not t.alive and ch.balance == 0, log

def test_exception_out_of_nested_code_reaches_main():
    ch = stackless.channel()
    def bad():
        sorted([1, 2], key=lambda x: ch.receive())
    stackless.tasklet(bad)()
    stackless.run()
    try:
        ch.send_exception(KeyError, "k")
    except KeyError as e:
        assert e.args == ("k",)
    else:
        raise AssertionError("exception lost")
    assert ch.balance == 0 and stackless.getruncount() == 1

def test_main_blocks_nested():
    # the main tasklet itself switches from inside a key function
    ch = stackless.channel()
    log = []
    def sender():
        for i in (3, 1, 2):
            log.append(("send", i))
            ch.send(i)
    stackless.tasklet(sender)()
    base = stackless.current.nesting_level   # 0 when run as a script, more when imported
    r = sorted("abc", key=lambda c: (log.append(("key", c, stackless.current.nesting_level)), ch.receive())[1])
    assert r == ["b", "c", "a"]
    assert log == [("key", "a", base + 1), ("send", 3), ("key", "b", base + 1), ("send", 1), ("key", "c", base + 1), ("send", 2)], log
    stackless.run()

def test_schedule_nested_round_robin():
    log = []
    def t(name):
        def step(i):
            log.append((name, i))
            stackless.schedule()
            return i
        list(map(step, range(3)))
    stackless.tasklet(t)("a")
    stackless.tasklet(t)("b")
    stackless.run()
    assert log == [("a", 0), ("b", 0), ("a", 1), ("b", 1), ("a", 2), ("b", 2)], log

def test_deadlock_in_nested_code():
    ch = stackless.channel()
    try:
        sorted([1, 2], key=lambda x: ch.receive())
    except RuntimeError as e:
        assert "Deadlock" in str(e)
    else:
        raise AssertionError("no deadlock error")

def test_preferences_with_hard_receiver():
    def run(pref):
        log = []
        ch = stackless.channel()
        ch.preference = pref
        def receiver():
            list(map(lambda i: log.append(("got", ch.receive())), range(2)))
            log.append("r done")
        def sender():
            for i in range(2):
                ch.send(i)
                log.append(("sent", i))
        stackless.tasklet(receiver)()
        stackless.tasklet(sender)()
        stackless.run()
        return log
    assert run(-1) == [("got", 0), ("sent", 0), ("got", 1), "r done", ("sent", 1)], run(-1)
    assert run(1) == [("sent", 0), ("got", 0), ("sent", 1), ("got", 1), "r done"], run(1)
    assert run(0) == [("sent", 0), ("got", 0), ("got", 1), "r done", ("sent", 1)], run(0)

def test_many_hard_tasklets_at_once():
    ch = stackless.channel()
    results = []
    def worker(n):
        results.append(sorted(range(3), key=lambda x: -ch.receive()))
    for i in range(30):
        stackless.tasklet(worker)(i)
    stackless.run()
    assert ch.balance == -30
    for i in range(90):
        ch.send(i % 3)
    assert len(results) == 30 and ch.balance == 0 and stackless.getruncount() == 1

def test_preemption_nested():
    # a busy loop under a native call is not interrupted unless nesting is ignored
    def spin():
        def busy(x):
            n = 0
            while n < 20000:
                n += 1
            return n
        return list(map(busy, range(3)))
    t = stackless.tasklet(spin)()
    assert stackless.run(100) is None and not t.alive
    t = stackless.tasklet(spin)()
    r = stackless.run(100, ignore_nesting=True)
    # soft switching disabled: one level per frame (spin, busy) and the switch, as Stackless
    assert r is t and t.alive and not t.scheduled and t.nesting_level == (2 if stackless.enable_softswitch(None) else 3)
    t.insert()
    stackless.run()
    assert not t.alive

def test_deep_native_nesting_gives_recursion_error():
    ch = stackless.channel()
    out = []
    def deep(n):
        return sorted([n], key=lambda x: deep(n + 1))[0] if n < 100000 else 0
    def t():
        ch.receive()   # blocked first, nested later: runs on a worker when it resumes nested?
        try:
            deep(0)
        except RecursionError:
            out.append("recursion")
    def nested_block():
        sorted([1], key=lambda x: ch.send(1))
        try:
            deep(0)
        except RecursionError:
            out.append("recursion")
    stackless.tasklet(t)()
    stackless.tasklet(nested_block)()
    stackless.run()
    assert out == ["recursion", "recursion"], out

for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
