"""Tasklets saved in the odd corners of real code: blocked inside a comprehension, a lambda,
an except block while handling an error, a finally block, a yield-from chain, a generator's
with block, a nested function with cells, a method of a __slots__ class, a loop over a
closed-then-reopened channel; channels saved with their preference, closing flag and
queued senders; a removed (paused) tasklet and one with tempval; pickled at protocols 0-4,
loaded and finished. Every load runs the rest of the story and prints its trace."""
import pickle
import sys

import stackless

trace = []


def note(*args):
    trace.append(" ".join(str(a) for a in args))


def in_comprehension(ch):
    vals = [ch.receive() * k for k in range(1, 3)]
    note("comprehension", vals)


def in_lambda(ch):
    f = lambda x: (ch.receive(), x)
    note("lambda", f("arg"))


def in_except(ch):
    try:
        {}["key"]
    except KeyError as e:
        v = ch.receive()
        note("except", repr(e), v, sys.exc_info()[0].__name__)
    note("after except", sys.exc_info()[0])


def in_finally(ch):
    try:
        note("try body")
    finally:
        v = ch.receive()
        note("finally", v)


def inner_gen(ch):
    x = yield "first"
    v = ch.receive()
    yield (x, v)
    return "inner done"


def outer_gen(ch):
    r = yield from inner_gen(ch)
    yield r


def in_yield_from(ch):
    g = outer_gen(ch)
    out = [next(g), g.send("sent"), next(g)]
    note("yield from", out)


class Ctx(object):
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        note("enter", self.name)
        return self

    def __exit__(self, *a):
        note("exit", self.name)


def gen_with(ch):
    with Ctx("gen"):
        yield ch.receive()
        yield "after"


def in_gen_with(ch):
    note("gen with", list(g for g in [1]), [v for v in gen_with(ch)])


def in_closure(ch):
    counter = [0]
    total = 10

    def bump():
        nonlocal total
        counter[0] += 1
        total += len(ch.receive())
        return total

    note("closure", bump(), counter)


class Slotted(object):
    __slots__ = ("name", "ch")

    def __init__(self, name, ch):
        self.name, self.ch = name, ch

    def wait(self):
        return (self.name, self.ch.receive())

    def __reduce__(self):
        return (Slotted, (self.name, self.ch))


def in_slots_method(ch):
    note("slots", Slotted("s", ch).wait())


def loop_over(ch):
    got = []
    for v in ch:
        got.append(v)
    note("loop ended", got, "closed", ch.closed)


def removed_one():
    v = stackless.schedule_remove("before")
    note("removed one woke", v)


STORIES = [in_comprehension, in_lambda, in_except, in_finally, in_yield_from, in_gen_with,
           in_closure, in_slots_method]


def build():
    chans = {}
    tasks = []
    for fn in STORIES:
        ch = chans[fn.__name__] = stackless.channel()
        ch.preference = len(tasks) % 3 - 1
        tasks.append(stackless.tasklet(fn)(ch))
    loopch = chans["loop"] = stackless.channel()
    tasks.append(stackless.tasklet(loop_over)(loopch))
    senders = chans["senders"] = stackless.channel()
    for i in range(3):
        tasks.append(stackless.tasklet(senders.send)(i))
    rem = stackless.tasklet(removed_one)()
    tasks.append(rem)
    stackless.run()
    loopch.send("l1")
    senders.close()
    return {"chans": chans, "tasks": tasks, "trace": trace}


def finish(world):
    chans, tasks = world["chans"], world["tasks"]
    tr = world["trace"]
    global trace
    trace = tr
    for fn in STORIES:
        ch = chans[fn.__name__]
        n = 2 if fn is in_comprehension else 1
        for i in range(n):
            ch.send(fn.__name__[:6] + str(i))
        stackless.run()
    lc = chans["loop"]
    lc.send("l2")
    lc.close()
    stackless.run()
    s = chans["senders"]
    got = [s.receive() for i in range(3)]
    note("senders gave", got, "closed", s.closed)
    rem = tasks[-1]
    rem.tempval = "woken"
    rem.insert()
    stackless.run()
    return tr


def describe(world):
    ch = world["chans"]
    return "prefs %s balances %s closing %s paused %s" % (
        [ch[k].preference for k in sorted(ch)], [ch[k].balance for k in sorted(ch)],
        [k for k in sorted(ch) if ch[k].closing], sum(t.paused for t in world["tasks"]))


def main():
    world = build()
    print("built:", describe(world))
    saved = {p: pickle.dumps(world, p) for p in range(5)}
    outs = []
    for p in range(5):
        w = pickle.loads(saved[p])
        if p == 0:
            print("loaded:", describe(w))
        start = len(w["trace"])
        outs.append(finish(w)[start:])
    start = len(trace)
    orig = finish(world)[start:]
    for p, o in enumerate(outs):
        print("protocol", p, "story:")
        for line in o:
            print(" ", line)
    print("original, whole trace:")
    for line in world["trace"]:
        print(" ", line)


main()
