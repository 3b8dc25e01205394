"""Performance shapes: a ring of tasklets passing a token, a pipeline of 100,000 tasklets,
and a fan-out/fan-in of many short-lived tasklets. Prints results (deterministic) and, on
stderr, the CPU time of each part.

    python ring_pipeline.py [ring_size] [laps] [pipeline_length] [items]
"""
import sys
import time

import stackless

args = [int(a) for a in sys.argv[1:]]
RING = args[0] if len(args) > 0 else 1000
LAPS = args[1] if len(args) > 1 else 100
PIPE = args[2] if len(args) > 2 else 100000
ITEMS = args[3] if len(args) > 3 else 20


def cpu():
    t = time.process_time()
    return t


def timed(name, fn, *a):
    t0 = cpu()
    r = fn(*a)
    dt = cpu() - t0
    sys.stderr.write("%-10s %.3f s cpu\n" % (name, dt))
    return r


def ring(n, laps):
    chans = [stackless.channel() for i in range(n)]
    done = stackless.channel()

    def node(i, inp, out):
        while True:
            token = inp.receive()
            if token is None:
                out.send(None)
                return
            if i == 0:
                token += 1
                if token > laps:
                    out.send(None)
                    inp.receive()           # the None coming round
                    done.send(token - 1)
                    return
            out.send(token)

    for i in range(n):
        stackless.tasklet(node)(i, chans[i], chans[(i + 1) % n])
    chans[0].send(0)
    return done.receive() * n


def pipeline(length, items):
    first = stackless.channel()
    inp = first
    for i in range(length):
        out = stackless.channel()

        def stage(inp, out):
            # close() does not wake a receiver already waiting: end with a sentinel
            while True:
                v = inp.receive()
                if v is None:
                    out.send(None)
                    return
                out.send(v + 1)
        stackless.tasklet(stage)(inp, out)
        inp = out
    last = inp

    def feeder():
        for i in range(items):
            first.send(i)
        first.send(None)
    stackless.tasklet(feeder)()
    total = 0
    for v in iter(last.receive, None):
        total += v
    return total


def fan(n):
    results = stackless.channel()
    results.preference = 1

    def square(x):
        results.send(x * x)
    for i in range(n):
        stackless.tasklet(square)(i)
    total = 0
    for i in range(n):
        total += results.receive()
    return total


def generators_in_tasklets(n):
    def gen(k):
        for i in range(k):
            yield i
            if i % 100 == 0:
                stackless.schedule()
    out = []

    def consume(k):
        out.append(sum(gen(k)))
    for i in range(n):
        stackless.tasklet(consume)(1000)
    stackless.run()
    return sum(out)


print("ring", RING, "x", LAPS, "passes:", timed("ring", ring, RING, LAPS))
print("pipeline", PIPE, "stages,", ITEMS, "items, sum:", timed("pipeline", pipeline, PIPE, ITEMS))
print("fan 100000:", timed("fan", fan, 100000))
print("generators:", timed("gens", generators_in_tasklets, 200))
print("runcount", stackless.getruncount())
