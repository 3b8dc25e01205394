"""A switch tracer and channel monitor as a server's diagnostics page builds them:
set_schedule_callback records every switch (prev/next, None for a tasklet that ended or
has not started), set_channel_callback records who sent and who blocked, the callbacks are
read back and swapped, a callback that raises, tasklets named through a subclass, a
preemptive game loop with run(timeout, soft=True) and totaltimeout, and the deadlock
errors a stuck program gets."""
import sys
import stackless


class Named(stackless.tasklet):
    def __init__(self, func, name):
        # a subclass's __init__ gets the constructor's arguments and binds by the base's
        stackless.tasklet.__init__(self, func)
        self.name = name


def name(t):
    if t is None:
        return "-"
    if t.is_main:
        return "main"
    return getattr(t, "name", "?")


def spawn(func, n, *args):
    t = Named(func, n)
    t.setup(*args)
    return t


def trace_switches():
    print("== schedule callback")
    trace = []

    def cb(prev, next):
        trace.append("%s>%s" % (name(prev), name(next)))

    print("before:", stackless.get_schedule_callback())
    stackless.set_schedule_callback(cb)
    print("installed is cb:", stackless.get_schedule_callback() is cb)
    ch = stackless.channel()

    def ping(n):
        for i in range(n):
            ch.send(i)

    def pong(n):
        for i in range(n):
            ch.receive()
        stackless.schedule()

    spawn(ping, "ping", 2)
    spawn(pong, "pong", 2)
    stackless.run()
    old = stackless.set_schedule_callback(None)
    print("set returned old is cb:", old is cb)
    print(" ".join(trace))
    # a callback that raises: where does the error go?
    def bad(prev, next):
        raise ValueError("callback failed")
    stackless.set_schedule_callback(bad)
    try:
        spawn(lambda: None, "quick")
        stackless.run()
        print("run returned")
    except ValueError as e:
        print("run raised", e)
    finally:
        stackless.set_schedule_callback(None)
    print("runcount", stackless.getruncount())


def trace_channels():
    print("== channel callback")
    events = []

    def ccb(chan, task, sending, willblock):
        events.append("%s %s%s" % (name(task), "send" if sending else "recv",
                                   " blocks" if willblock else ""))

    stackless.set_channel_callback(ccb)
    print("get:", stackless.get_channel_callback() is ccb)
    ch = stackless.channel()

    def producer():
        ch.send("a")
        ch.send_exception(KeyError, "b")
        ch.send_sequence(["c", "d"])

    def consumer():
        for i in range(4):
            try:
                ch.receive()
            except KeyError:
                pass

    spawn(consumer, "cons")
    spawn(producer, "prod")
    stackless.run()
    ch.preference = 1
    spawn(consumer, "cons2")
    spawn(producer, "prod2")
    stackless.run()
    stackless.set_channel_callback(None)
    print("\n".join(events))


def game_loop():
    print("== preemptive game loop")
    scores = {}

    def entity(nm, cost):
        n = 0
        while True:
            x = 0
            for i in range(cost):
                x += i
            n += 1
            scores[nm] = n
            if n == 200:
                return

    for nm, cost in (("orc", 5), ("elf", 50), ("ent", 500)):
        spawn(entity, nm, nm, cost)
    frames = 0
    interrupted = 0
    while stackless.getruncount() > 1:
        t = stackless.run(2000, soft=True, totaltimeout=True)
        frames += 1
        if t is not None:
            interrupted += 1
            t.insert()
        if frames > 100000:
            print("loop did not end")
            break
    print("all done:", sorted(scores.items()), "frames > 1:", frames > 1,
          "some interrupted:", interrupted > 0)
    # a hard timeout returns the running tasklet, removed from the queue
    def spinner():
        while True:
            pass
    t = spawn(spinner, "spin")
    got = stackless.run(500)
    print("hard timeout returned:", name(got), "scheduled", got.scheduled, "alive", got.alive)
    got.kill()


def deadlocks():
    print("== deadlocks")
    ch = stackless.channel()
    for what in ("receive", "send"):
        try:
            getattr(ch, what)(*(() if what == "receive" else (1,)))
        except RuntimeError as e:
            print("main %s: %s" % (what, e))
    # the last tasklet blocks while main is waiting in run()
    def stuck():
        try:
            ch.receive()
        except RuntimeError as e:
            print("stuck:", e)
    spawn(stuck, "stuck")
    stackless.run()
    print("balance", ch.balance)
    # main blocks on one channel while the others are blocked on another
    other = stackless.channel()
    def blocked_forever():
        other.receive()
    spawn(blocked_forever, "bf")
    stackless.run()
    try:
        ch.receive()
    except RuntimeError as e:
        print("main with others blocked:", e)
    print("other balance", other.balance)
    other.queue.kill()


def main():
    trace_switches()
    trace_channels()
    game_loop()
    deadlocks()
    # a tasklet left blocked at exit is not an error
    ch = stackless.channel()
    spawn(ch.receive, "left")
    stackless.run()
    print("exiting with a blocked tasklet, balance", ch.balance)


main()
