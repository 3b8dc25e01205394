"""Deadlock detection and the revival of a paused main tasklet, each case checked against
Stackless 3.7.5: natives that iterate a channel (list, sum, sorted, zip ...) block the main
tasklet hard and get the right value or error; a main that blocked while others could still
run, woken because the last of them ended, hears "the main tasklet is receiving without a
sender available" (or sending ...); a last runnable tasklet blocking while main is paused
(schedule_remove) revives main instead of failing."""
import stackless


def producer(ch, log, n=2):
    def prod():
        log.append("start")
        for i in range(1, n + 1):
            ch.send(i)
            log.append("sent %d" % i)
    return prod


def run_consumer(consume):
    ch = stackless.channel()
    log = []
    stackless.tasklet(producer(ch, log))()
    try:
        r = consume(ch)
    except RuntimeError as e:
        return ("error", str(e), log, ch.balance)
    return ("value", r, log)


NO_SENDER = "the main tasklet is receiving without a sender available."
DEADLOCK = "Deadlock: the last runnable tasklet cannot be blocked."


def test_natives_iterating_a_channel():
    for consume in (list, tuple, sorted, sum, max, set, dict.fromkeys,
                    lambda ch: " ".join(map(str, ch)), lambda ch: list(zip(ch, ch))):
        got = run_consumer(consume)
        assert got == ("error", NO_SENDER, ["start", "sent 1", "sent 2"], 0), (consume, got)
    assert run_consumer(next) == ("value", 1, ["start"])
    assert run_consumer(lambda ch: next(ch, 5)) == ("value", 1, ["start"])
    assert run_consumer(lambda ch: [x for x in ch]) == ("error", NO_SENDER, ["start", "sent 1", "sent 2"], 0)


def test_nothing_else_runnable_is_a_deadlock():
    ch = stackless.channel()
    for consume in (list, sorted, lambda ch: [x for x in ch], lambda ch: ch.receive()):
        try:
            consume(ch)
        except RuntimeError as e:
            assert str(e) == DEADLOCK, str(e)
        else:
            raise AssertionError("no deadlock")
    assert ch.balance == 0


def test_main_sending_without_receiver():
    ch = stackless.channel()
    ch.preference = 1
    got = []
    stackless.tasklet(lambda: got.append(ch.receive()))()
    try:
        ch.send(1)
        ch.send(2)
    except RuntimeError as e:
        assert str(e) == "the main tasklet is sending without a receiver available.", str(e)
    else:
        raise AssertionError("no error")
    assert got == [1] and ch.balance == 0


def test_paused_main_is_revived():
    stackless.tasklet(lambda: None)()
    assert stackless.schedule_remove("X") == "X"
    ch = stackless.channel()
    got = []
    t = stackless.tasklet(lambda: got.append(ch.receive()))()
    # t blocks as the last runnable tasklet: main, paused, takes over (no deadlock error)
    assert stackless.schedule_remove("Y") == "Y"
    assert t.blocked and ch.balance == -1
    ch.send("late")
    assert got == ["late"]
    log = []
    def r2():
        stackless.schedule_remove()
        log.append("r2 back")
    t2 = stackless.tasklet(r2)()
    assert stackless.schedule_remove("Z") == "Z"
    assert log == [] and t2.paused
    t2.kill()
    def boom():
        raise KeyError("k")
    stackless.tasklet(boom)()
    try:
        stackless.schedule_remove("W")
    except KeyError as e:
        assert e.args == ("k",)
    else:
        raise AssertionError("no KeyError")


for name, fn in list(globals().items()):
    if name.startswith('test_') and callable(fn):
        fn()
        assert stackless.getruncount() == 1, name
print('ok')
