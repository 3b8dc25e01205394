"""Objects crossing tasklets, as a session manager meets them: weak references to tasklets
and channels, abandoned blocked tasklets collected, __del__ running while tasklets switch,
generators handed from one tasklet to another, context managers and ExitStack open across
switches, exceptions chained across a channel, and tracebacks taken inside tasklets."""
import contextlib
import gc
import os
import sys
import traceback
import weakref

import stackless


def section(title):
    print("==", title)


def weakrefs():
    section("weakrefs")
    ch = stackless.channel()
    def waiter():
        ch.receive()
    t = stackless.tasklet(waiter)()
    rt, rc = weakref.ref(t), weakref.ref(ch)
    stackless.run()
    print("live refs:", rt() is t, rc() is ch, "blocked", t.blocked)
    dead = []
    wt = weakref.ref(t, lambda r: dead.append("tasklet"))
    ch.send("go")
    stackless.run()
    del t
    gc.collect()
    print("after finish:", rt() is None, dead)
    reg = weakref.WeakValueDictionary()
    chans = [stackless.channel() for i in range(5)]
    for i, c in enumerate(chans):
        reg["c%d" % i] = c
    del chans[1:3]
    gc.collect()
    print("registry:", sorted(reg.keys()))
    ws = weakref.WeakSet()
    ts = [stackless.tasklet(lambda: None)() for i in range(4)]
    for t in ts:
        ws.add(t)
    stackless.run()
    del ts, t
    gc.collect()
    print("weakset after run:", len(ws))


class Resource(object):
    count = 0
    log = []

    def __init__(self, name):
        self.name = name
        Resource.count += 1

    def __del__(self):
        Resource.count -= 1
        Resource.log.append(self.name)


def abandoned():
    section("abandoned blocked tasklets")
    def holder(i, ch):
        r = Resource("r%d" % i)
        try:
            ch.receive()
        finally:
            Resource.log.append("finally %d" % i)
    chans = [stackless.channel() for i in range(3)]
    for i, c in enumerate(chans):
        stackless.tasklet(holder)(i, c)
    stackless.run()
    print("resources held:", Resource.count, "balances", [c.balance for c in chans])
    # kill one explicitly, drop the others with their channels
    chans[0].queue.kill()
    gc.collect()
    print("after kill:", Resource.count, Resource.log)
    del Resource.log[:]
    # the blocked tasklets are reachable from their channels only
    ws = [weakref.ref(c.queue) for c in chans[1:]]
    del chans
    gc.collect()
    print("after drop:", Resource.count, sorted(Resource.log), [w() is None for w in ws])
    del Resource.log[:]


def del_in_tasklets():
    section("__del__ in tasklets")
    events = []
    class Noisy(object):
        def __init__(self, n):
            self.n = n
        def __del__(self):
            events.append("del %d in %s" % (self.n, "main" if stackless.getcurrent().is_main else "tasklet"))
    def worker(n):
        x = Noisy(n)
        stackless.schedule()
        del x
        gc.collect()   # no reference counting on every engine: collect before looking
        events.append("worker %d done" % n)
    for n in range(3):
        stackless.tasklet(worker)(n)
    stackless.run()
    print("\n".join(events))


def generators_between():
    section("generators between tasklets")
    ch = stackless.channel()
    def counter(n):
        total = 0
        for i in range(n):
            got = yield i
            if got:
                total += got
        return total
    def producer():
        g = counter(5)
        print("producer first:", next(g))
        ch.send(g)
        print("producer sees:", g.gi_frame is not None)
    def consumer():
        g = ch.receive()
        vals = []
        try:
            while True:
                vals.append(g.send(10))
        except StopIteration as e:
            print("consumer got", vals, "return", e.value)
    stackless.tasklet(consumer)()
    stackless.tasklet(producer)()
    stackless.run()
    # a generator that itself blocks on a channel, driven by two tasklets in turn
    feed = stackless.channel()
    def pump():
        while True:
            v = feed.receive()
            if v is None:
                return
            yield v * 2
    g = pump()
    out = []
    def driver(name, k):
        for i in range(k):
            out.append((name, next(g)))
    def feeder():
        for i in range(1, 7):
            feed.send(i)
    stackless.tasklet(driver)("a", 3)
    stackless.tasklet(driver)("b", 3)
    stackless.tasklet(feeder)()
    try:
        stackless.run()
    except ValueError as e:
        print("running generator:", e)
    print(out)


@contextlib.contextmanager
def session(name, log):
    log.append("open " + name)
    try:
        yield name.upper()
    except Exception as e:
        log.append("error in %s: %r" % (name, e))
        raise
    finally:
        log.append("close " + name)


def context_managers():
    section("context managers across switches")
    log = []
    ch = stackless.channel()
    def user(names, fail):
        with contextlib.ExitStack() as stack:
            got = [stack.enter_context(session(n, log)) for n in names]
            stack.callback(log.append, "callback for " + "+".join(got))
            v = ch.receive()
            log.append("%s received %s" % (names[0], v))
            if fail:
                raise KeyError(v)
    stackless.tasklet(user)(["a", "b"], False)
    stackless.tasklet(user)(["c"], True)
    stackless.tasklet(user)(["d", "e", "f"], False)
    stackless.run()
    ch.send(1)
    try:
        ch.send(2)
    except KeyError as e:
        log.append("main got KeyError %s" % e)
    t = ch.queue
    t.kill()
    print("\n".join(log))


class AppError(Exception):
    pass


def chained():
    section("exceptions chained across a channel")
    ch = stackless.channel()
    def backend():
        try:
            {}["missing"]
        except KeyError as e:
            err = AppError("lookup failed")
            err.__cause__ = e
            ch.send_throw(err)
    def frontend():
        try:
            ch.receive()
        except AppError as e:
            print("frontend:", repr(e), "cause:", repr(e.__cause__), "context:", repr(e.__context__))
            try:
                raise RuntimeError("request failed") from e
            except RuntimeError as r:
                show_chain(r)
    stackless.tasklet(frontend)()
    stackless.tasklet(backend)()
    stackless.run()
    # an exception raised in a tasklet while another is being handled
    def nested():
        try:
            1 / 0
        except ZeroDivisionError:
            stackless.schedule()
            raise ValueError("while handling")
    t = stackless.tasklet(nested)()
    try:
        stackless.run()
    except ValueError as e:
        show_chain(e)


def show_chain(e):
    depth = 0
    while e is not None:
        tb = traceback.extract_tb(e.__traceback__)
        print("  " * depth + "%s: %s at %s" % (type(e).__name__, e,
              [(os.path.basename(f.filename), f.name, f.line) for f in tb]))
        e = e.__cause__ or e.__context__
        depth += 1


def tracebacks():
    section("tracebacks in tasklets")
    def inner(x):
        return 10 // x
    def outer(x):
        return inner(x) + 1
    def task(x):
        try:
            outer(x)
        except ZeroDivisionError:
            et, ev, tb = sys.exc_info()
            frames = traceback.extract_tb(tb)
            print("caught in", [f.name for f in frames], "stack below:",
                  [f.name for f in traceback.extract_stack()][-2:])
            lines = traceback.format_exception_only(et, ev)
            print("".join(lines).strip())
    stackless.tasklet(task)(0)
    stackless.run()
    # the exception that escapes a tasklet reaches main with its frames
    def crash():
        outer(0)
    stackless.tasklet(crash)()
    try:
        stackless.run()
    except ZeroDivisionError as e:
        print("main got", [f.name for f in traceback.extract_tb(e.__traceback__)])
    # stack of a blocked tasklet, seen from main
    ch = stackless.channel()
    def deep(n):
        if n == 0:
            ch.receive()
        else:
            deep(n - 1)
    t = stackless.tasklet(deep)(3)
    stackless.run()
    print("blocked stack:", [f.name for f in traceback.extract_stack(t.frame)])
    t.kill()


def main():
    weakrefs()
    abandoned()
    del_in_tasklets()
    generators_between()
    context_managers()
    chained()
    tracebacks()
    gc.collect()
    print("resources left", Resource.count)


main()
