"""async def code run by tasklets without asyncio: a trampoline tasklet steps coroutine
objects with send()/throw(), awaitables that block the stepping tasklet on a channel inside
__await__, coroutines handed from one tasklet to another half-way, an async generator
driven with asend/athrow, async with / async for, cancellation by coro.throw, close()
running finally blocks, and the errors for a coroutine reused or never awaited."""
import types

import stackless


class ChannelWait(object):
    """Awaiting it blocks whoever steps the coroutine, until a value comes on the channel."""

    def __init__(self, ch):
        self.ch = ch

    def __await__(self):
        return (yield ("wait", self.ch))


@types.coroutine
def pause():
    yield ("pause", None)


def step_all(coro, label, log):
    """Runs a coroutine to the end in the calling tasklet; 'wait' requests block on channels."""
    value = None
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            log.append("%s returned %r" % (label, e.value))
            return e.value
        kind, arg = req
        if kind == "wait":
            value = arg.receive()
        else:
            stackless.schedule()
            value = None


class Resource(object):
    def __init__(self, name, log):
        self.name, self.log = name, log

    async def __aenter__(self):
        self.log.append("acquire " + self.name)
        await pause()
        return self

    async def __aexit__(self, et, ev, tb):
        self.log.append("release %s %s" % (self.name, et.__name__ if et else "ok"))
        return False


async def ticker(n, ch):
    for i in range(n):
        ch.send(i)
        await pause()
    yield "unused"


async def numbers(ch, n):
    for i in range(n):
        v = await ChannelWait(ch)
        yield v * 10


async def worker(name, ch, log):
    async with Resource(name, log):
        total = 0
        async for v in numbers(ch, 3):
            log.append("%s got %d" % (name, v))
            total += v
        return total


def trampolines():
    print("== trampolines")
    log = []
    ch = stackless.channel()
    results = {}

    def runner(name):
        results[name] = step_all(worker(name, ch, log), name, log)

    stackless.tasklet(runner)("a")
    stackless.tasklet(runner)("b")
    stackless.run()
    ch.send_sequence([1, 2, 3, 4, 5, 6])
    stackless.run()
    print("\n".join(log))
    print(sorted(results.items()))


def handover():
    print("== coroutine handed between tasklets")
    handoff = stackless.channel()
    log = []

    async def job():
        log.append("job step 1 in %s" % who())
        await pause()
        log.append("job step 2 in %s" % who())
        await pause()
        log.append("job step 3 in %s" % who())
        return "job result"

    labels = {}

    def who():
        return labels[stackless.getcurrent()]

    def first():
        c = job()
        c.send(None)
        handoff.send(c)

    def second():
        c = handoff.receive()
        log.append("state %s" % (c.cr_frame is not None))
        try:
            while True:
                c.send(None)
        except StopIteration as e:
            log.append("second finished it: %r" % e.value)
        try:
            c.send(None)
        except RuntimeError as e:
            log.append("reuse: %s" % e)

    t1 = stackless.tasklet(first)()
    labels[t1] = "first"
    t2 = stackless.tasklet(second)()
    labels[t2] = "second"
    stackless.run()
    print("\n".join(log))


class Cancelled(Exception):
    pass


def cancellation():
    print("== cancellation and close")
    log = []

    async def guarded(n):
        try:
            for i in range(n):
                log.append("tick %d" % i)
                await pause()
        except Cancelled as e:
            log.append("cancelled: %s" % e)
            return "cleaned"
        finally:
            log.append("finally ran")

    c = guarded(10)
    c.send(None)
    c.send(None)
    try:
        c.throw(Cancelled("by caller"))
    except StopIteration as e:
        log.append("throw -> StopIteration %r" % e.value)
    c2 = guarded(10)
    c2.send(None)
    c2.close()
    log.append("closed: frame %s" % c2.cr_frame)
    c3 = guarded(1)
    c3.close()
    log.append("closed before start")
    print("\n".join(log))


def async_generators():
    print("== async generator asend/athrow")
    log = []

    async def agen():
        try:
            x = yield 1
            log.append("agen got %r" % x)
            y = yield 2
            log.append("agen got %r" % y)
        except KeyError as e:
            log.append("agen caught %r" % e)
            yield "recovered"
        finally:
            log.append("agen finally")

    def drive(aw):
        try:
            aw.send(None)
        except StopIteration as e:
            return e.value

    ag = agen()
    log.append(repr(drive(ag.asend(None))))
    log.append(repr(drive(ag.asend("hello"))))
    log.append(repr(drive(ag.athrow(KeyError("k")))))
    try:
        drive(ag.asend(None))
    except StopAsyncIteration:
        log.append("StopAsyncIteration")
    print("\n".join(log))


def tasklet_pool():
    print("== a pool of tasklets stepping many coroutines")
    ch = stackless.channel()
    done = []

    async def small(k):
        s = 0
        for i in range(k):
            s += i
            await pause()
        return s

    def stepper():
        while True:
            coro = ch.receive()
            if coro is None:
                return
            done.append(step_all(coro, "c", []))

    pool = [stackless.tasklet(stepper)() for i in range(4)]
    stackless.run()
    for k in range(20):
        ch.send(small(k))
    for t in pool:
        ch.send(None)
    stackless.run()
    print(len(done), sum(done), sorted(done)[-3:])


trampolines()
handover()
cancellation()
async_generators()
tasklet_pool()
