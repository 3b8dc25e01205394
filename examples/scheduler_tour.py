"""The scheduler's less common API as a job runner uses it: tasklets bound and set up in
steps, inserted and removed, run() and switch() between them, kill and throw with pending,
raise_exception, schedule_remove, channel preference -1/0/1, send_sequence, send_throw,
close/open and iterating a channel until it is closed."""
import sys
import stackless

log = []


def say(*args):
    print(*args)


def state(t):
    return "alive=%d scheduled=%d blocked=%d paused=%d" % (
        t.alive, t.scheduled, t.blocked, t.paused)


def section(title):
    print("==", title)


def bind_and_setup():
    section("bind/setup")
    def job(a, b=0, *rest, **kw):
        say("job", a, b, rest, sorted(kw.items()))
    t = stackless.tasklet()
    say("new:", state(t))
    t.bind(job)
    say("bound:", state(t))
    t.setup(1, 2, 3, x=4)
    say("setup:", state(t), "runcount", stackless.getruncount())
    try:
        t.setup(5)
    except RuntimeError as e:
        say("setup twice ->", e)
    t.run()
    say("after run:", state(t))
    # rebind a dead tasklet and run it again
    t.bind(job, (7,), {"y": 8})
    say("rebound:", state(t))
    t.insert()
    stackless.run()
    # bind with args but without a function reuses the old one
    try:
        t.bind(None, (9,))
    except RuntimeError as e:
        say("rebind args only ->", e)
    try:
        stackless.tasklet().insert()
    except RuntimeError as e:
        say("insert unbound ->", e)


def insert_remove_run_switch():
    section("insert/remove/run/switch")
    order = []
    def worker(name, n):
        for i in range(n):
            order.append("%s%d" % (name, i))
            stackless.schedule()
    a = stackless.tasklet(worker)("a", 3)
    b = stackless.tasklet(worker)("b", 3)
    c = stackless.tasklet(worker)("c", 3)
    b.remove()
    say("b removed:", state(b), "runcount", stackless.getruncount())
    a.run()          # main stays scheduled, after a
    say("after a.run:", order)
    b.insert()
    stackless.run()
    say("order:", order)
    # switch: the caller is paused, not scheduled
    def switcher(target):
        order.append("switcher")
        target.switch()
        order.append("switcher back")
    order[:] = []
    m = stackless.getcurrent()
    def back_to_main():
        order.append("in t2")
        m.insert()
    t2 = stackless.tasklet(back_to_main)
    t2.bind(back_to_main, ())
    t1 = stackless.tasklet(switcher)(t2)
    t2.insert()
    t2.remove()
    stackless.run()
    say("switch order:", order, state(t1))
    t1.kill()
    say("t1 killed:", state(t1))


def kill_and_throw():
    section("kill/throw/raise_exception")
    ch = stackless.channel()
    def waiter(name):
        try:
            ch.receive()
        except TaskletExit:
            say(name, "got TaskletExit")
            raise
        except ValueError as e:
            say(name, "got ValueError", e)
        except Exception as e:
            say(name, "got", type(e).__name__, e.args)
        finally:
            say(name, "finally")
    ts = [stackless.tasklet(waiter)("w%d" % i) for i in range(5)]
    stackless.run()
    say("balance", ch.balance)
    ts[0].kill()
    say("w0 after kill:", state(ts[0]), "balance", ch.balance)
    ts[1].kill(pending=True)
    say("w1 after kill(pending):", state(ts[1]), "balance", ch.balance)
    ts[2].throw(ValueError, "bad value", pending=True)
    say("w2 after throw(pending):", state(ts[2]))
    ts[3].raise_exception(KeyError, "k", 3)
    say("w3 after raise_exception:", state(ts[3]))
    ts[4].throw(ValueError("inst"))
    stackless.run()
    say("all:", [t.alive for t in ts], "balance", ch.balance)
    # kill a tasklet that never ran: its function never starts
    def never():
        say("never runs")
    t = stackless.tasklet(never)()
    t.kill()
    say("killed before start:", state(t))
    # throw into a new tasklet that never ran
    t = stackless.tasklet(never)()
    try:
        t.throw(ValueError("x"))
    except ValueError as e:
        say("throw into unstarted ->", type(e).__name__, e)
    say("after:", state(t))
    # kill a finished tasklet is a no-op
    t = stackless.tasklet(lambda: None)()
    stackless.run()
    t.kill()
    say("kill dead ok", state(t))


def schedule_remove_demo():
    section("schedule_remove")
    parked = []
    def sleeper(name):
        parked.append(stackless.getcurrent())
        v = stackless.schedule_remove(name + "!")
        say(name, "woke with", v)
    for n in "xyz":
        stackless.tasklet(sleeper)(n)
    stackless.run()
    say("parked:", len(parked), [state(t) for t in parked][0])
    for t in reversed(parked):
        t.tempval = "hello " + t.tempval
        t.insert()
    stackless.run()


def preferences():
    section("preference")
    for pref in (-1, 0, 1):
        ch = stackless.channel()
        ch.preference = pref
        trace = []
        def sender():
            for i in range(3):
                trace.append("s%d" % i)
                ch.send(i)
            trace.append("s-done")
        def receiver():
            for i in range(3):
                v = ch.receive()
                trace.append("r%d" % v)
            trace.append("r-done")
        stackless.tasklet(sender)()
        stackless.tasklet(receiver)()
        stackless.run()
        say(pref, " ".join(trace))


def sequences_and_close():
    section("send_sequence/close/iterate")
    ch = stackless.channel()
    got = []
    def consumer():
        for v in ch:
            got.append(v)
        say("consumer: channel closed", ch.closed)
    stackless.tasklet(consumer)()
    stackless.schedule()
    n = ch.send_sequence(x * x for x in range(6))
    say("sent", n, "got", got)
    ch.close()
    say("closing", ch.closing, "closed", ch.closed, "balance", ch.balance)
    stackless.run()
    try:
        ch.send(1)
    except ValueError as e:
        say("send on closed ->", e)
    ch.open()
    say("reopened closed", ch.closed)
    # close with a sender waiting: closed only when the queue drains
    def late():
        ch.send("late")
        say("late sender done")
    stackless.tasklet(late)()
    stackless.run()
    ch.close()
    say("closing", ch.closing, "closed", ch.closed, "balance", ch.balance)
    say("receive ->", ch.receive())
    say("closing", ch.closing, "closed", ch.closed, "balance", ch.balance)
    stackless.run()
    # send_throw and send_exception
    ch = stackless.channel()
    def catcher():
        for i in range(3):
            try:
                ch.receive()
            except Exception as e:
                say("catcher:", type(e).__name__, e.args, "cause", repr(e.__cause__))
    stackless.tasklet(catcher)()
    stackless.schedule()
    ch.send_exception(LookupError, "a", 1)
    stackless.schedule()
    err = RuntimeError("wrapped")
    err.__cause__ = KeyError("root")
    ch.send_throw(err)
    stackless.schedule()
    ch.send_throw(IndexError, IndexError("typed"))
    stackless.run()
    # send_sequence stops at a closed receiver side? a generator raising midway
    ch = stackless.channel()
    def sink():
        while True:
            say("sink", ch.receive())
    t = stackless.tasklet(sink)()
    stackless.schedule()
    def gen():
        yield 1
        yield 2
        raise ZeroDivisionError("in gen")
    try:
        ch.send_sequence(gen())
    except ZeroDivisionError as e:
        say("send_sequence raised", e)
    t.kill()


def main():
    bind_and_setup()
    insert_remove_run_switch()
    kill_and_throw()
    schedule_remove_demo()
    preferences()
    sequences_and_close()
    say("runcount at end", stackless.getruncount())


main()
