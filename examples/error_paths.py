"""Error paths Stackless programs meet: deadlocks, exceptions escaping tasklets, kill and
throw (with pending), TaskletExit caught by a bare except, a kill during finally, channel
close with senders still waiting, iterating a closed channel."""
import sys
import traceback
import stackless


def section(title):
    print("==", title)


def deadlocks():
    section("deadlock")
    ch = stackless.channel()
    for op in ("receive", "send"):
        try:
            if op == "receive":
                ch.receive()
            else:
                ch.send(1)
        except RuntimeError as e:
            print(op, "->", e)
    # the last runnable tasklet blocks: who gets the error?
    def lonely():
        try:
            ch.receive()
        except RuntimeError as e:
            print("lonely got:", e)
    t = stackless.tasklet(lonely)()
    try:
        ch.send(5)             # lonely receives; fine
    except RuntimeError as e:
        print("main:", e)
    def waiter():
        try:
            ch.receive()
            print("waiter received")
        except RuntimeError as e:
            print("waiter:", e)
    stackless.tasklet(waiter)()
    try:
        stackless.run()
    except RuntimeError as e:
        print("run raised:", e)
    print("ch balance", ch.balance)
    while ch.balance < 0:
        ch.send(None)


def escaping():
    section("exception escaping a tasklet")
    def bad(n):
        if n == 0:
            raise ValueError("bad tasklet")
        bad(n - 1)
    def good():
        for i in range(3):
            stackless.schedule()
        print("good finished")
    stackless.tasklet(bad)(2)
    g = stackless.tasklet(good)()
    try:
        stackless.run()
    except ValueError as e:
        tb = traceback.extract_tb(sys.exc_info()[2])
        print("main caught:", repr(e), "frames:", [f[2] for f in tb])
    print("good still alive:", g.alive)
    stackless.run()
    print("good alive after run:", g.alive)


def kills():
    section("kill and TaskletExit")
    def stubborn():
        while True:
            try:
                stackless.schedule()
            except:                       # bare except catches TaskletExit
                print("stubborn caught", sys.exc_info()[0].__name__)
                break
        print("stubborn leaves normally")
    t = stackless.tasklet(stubborn)()
    stackless.schedule()
    t.kill()
    print("stubborn alive:", t.alive)

    def cleaner():
        try:
            stackless.schedule_remove()
        finally:
            print("cleaner finally starts")
            stackless.schedule()     # switches out inside finally
            print("cleaner finally ends")
    c = stackless.tasklet(cleaner)()
    stackless.run()
    print("cleaner paused:", c.paused, "alive:", c.alive)
    c.kill()                         # runs finally, which schedules back to us
    print("after first kill alive:", c.alive, "scheduled:", c.scheduled)
    c.kill()                         # kill again during the finally
    print("after second kill alive:", c.alive)

    def victim():
        try:
            stackless.schedule_remove()
        except TaskletExit as e:
            print("victim TaskletExit args", e.args)
            raise
    v = stackless.tasklet(victim)()
    stackless.run()
    v.kill(pending=True)
    print("pending kill: alive", v.alive, "scheduled", v.scheduled)
    stackless.run()
    print("after run: alive", v.alive)
    print("kill of a new tasklet:")
    n = stackless.tasklet(victim)
    n.kill()
    print("  alive", n.alive)
    d = stackless.tasklet(lambda: None)()
    stackless.run()
    d.kill()
    print("kill of a dead tasklet is fine; alive", d.alive)


def throws():
    section("throw")
    def catcher(tag):
        try:
            stackless.schedule_remove()
        except Exception as e:
            print(tag, "caught", type(e).__name__, e.args)
            return
        print(tag, "no exception")
    a = stackless.tasklet(catcher)("a")
    stackless.run()
    a.throw(KeyError, "k1")
    print("a alive", a.alive)
    b = stackless.tasklet(catcher)("b")
    stackless.run()
    b.throw(IndexError("i1"), pending=True)
    print("b alive", b.alive, "scheduled", b.scheduled)
    stackless.run()
    c = stackless.tasklet(catcher)("c")
    stackless.run()
    c.raise_exception(ZeroDivisionError, "z", 2)
    try:
        stackless.tasklet(catcher)("d").throw(ValueError, "not started")
    except Exception as e:
        print("throw to new tasklet:", type(e).__name__)
    try:
        a.throw(ValueError)
    except RuntimeError as e:
        print("throw to dead:", e)
    try:
        a.throw(ValueError("x"), "value too")
    except TypeError as e:
        print("bad throw:", e)


def closing():
    section("channel close")
    ch = stackless.channel()
    got = []
    def sender(i):
        ch.send(i)
        got.append(("sent", i))
    for i in range(3):
        stackless.tasklet(sender)(i)
    stackless.run()
    print("balance", ch.balance, "closing", ch.closing, "closed", ch.closed)
    ch.close()
    print("after close: balance", ch.balance, "closing", ch.closing, "closed", ch.closed)
    print("receive still works:", ch.receive())
    try:
        ch.send(99)
    except ValueError as e:
        print("send on closing:", e)
    print("list of the rest:", list(ch))
    print("closed now:", ch.closed, "balance", ch.balance)
    try:
        ch.receive()
    except ValueError as e:
        print("receive on closed:", e)
    stackless.run()
    print(got)
    ch.open()
    print("reopened: closing", ch.closing, "closed", ch.closed)
    stackless.tasklet(ch.send_sequence)(["x", "y"])
    it = iter(ch)
    print(next(it), next(it))
    ch.close()
    print("iterate closed:", list(ch))
    def blocked_receiver():
        try:
            ch.receive()
        except ValueError as e:
            print("blocked receiver woken by close?", e)
    ch.open()
    r = stackless.tasklet(blocked_receiver)()
    stackless.run()
    ch.close()
    print("close with a receiver waiting: closing", ch.closing, "closed", ch.closed,
          "balance", ch.balance)
    r.kill()
    print("after kill: closed", ch.closed)


deadlocks()
escaping()
kills()
throws()
closing()
print("runcount", stackless.getruncount())
