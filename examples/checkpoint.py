"""Checkpoint and restart: a long computation saved every few steps, resumed elsewhere.

Worker tasklets are in the middle of loops over many kinds of iterator (list, range, dict
items, enumerate, zip, reversed, a generator with `yield from`, itertools.count/islice),
inside an except block handling an error, inside nested functions with closures, and in
bound methods of objects with __slots__. The scheduler is stopped at a checkpoint (every
tasklet blocked on a channel), the tasklets pickled; the checkpoint is restored in a
child process (the same interpreter) and by this process, both run to the end, and the
results must agree with an uninterrupted run.

    python checkpoint.py            # parent
    python checkpoint.py --child    # restores the checkpoint read from stdin
"""
import itertools
import pickle
import subprocess
import sys

import stackless


class Gate(object):
    """Where workers wait for the next step: one channel, the driver opens it."""

    def __init__(self):
        self.ch = stackless.channel()
        self.ch.preference = 1

    def wait(self):
        return self.ch.receive()


class Point(object):
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def walk(self, gate, out):
        for dx, dy in zip([1, 0, -1, 0, 2], [0, 1, 0, -1, 2]):
            gate.wait()
            self.x += dx
            self.y += dy
        out.append(("point", self.x, self.y))


def inner_numbers(n):
    for i in reversed(range(n)):
        yield i * i


def numbers(gate, n):
    yield -1
    yield from inner_numbers(n)
    gate.wait()
    yield 1000


def over_iterators(gate, out):
    acc = []
    for i, word in enumerate(["alpha", "beta", "gamma"]):
        gate.wait()
        acc.append("%d:%s" % (i, word))
    for k, v in sorted({"b": 2, "a": 1, "c": 3}.items()):
        gate.wait()
        acc.append(k * v)
    for x in itertools.islice(itertools.count(10, 5), 3):
        gate.wait()
        acc.append(x)
    total = 0
    for v in numbers(gate, 4):
        total += v
    out.append(("iterators", acc, total))


def in_handler(gate, out):
    try:
        {}["missing"]
    except KeyError as e:
        gate.wait()             # suspended while handling the exception
        handled = repr(e)
        try:
            gate.wait()
            raise ValueError("second")
        except ValueError as e2:
            context = repr(e2.__context__)
    out.append(("handler", handled, context, sys.exc_info()[0]))


def closures(gate, out):
    count = [0]
    factor = 3

    def bump(n):
        count[0] += n * factor
        gate.wait()
        return count[0]

    def outer():
        results = []
        while count[0] < 30:
            results.append(bump(len(results) + 1))
        return results
    out.append(("closures", outer()))


def build(gate, out):
    return [stackless.tasklet(f)(gate, out) for f in (over_iterators, in_handler, closures)] + \
           [stackless.tasklet(Point(1, 2).walk)(gate, out)]


def drive(gate, tasks, steps=None):
    """Opens the gate for every waiting worker, one step at a time."""
    n = 0
    stackless.run()
    while any(t.alive for t in tasks) and (steps is None or n < steps):
        while gate.ch.balance < 0:
            gate.ch.send(n)
        stackless.run()
        n += 1
    return n


def finish(data):
    gate, tasks, out = pickle.loads(data)
    for t in tasks:
        if t.alive and not t.blocked:
            t.insert()
    drive(gate, tasks)
    return sorted(out, key=repr)


def main():
    if "--child" in sys.argv:
        result = finish(sys.stdin.buffer.read())
        sys.stdout.write(repr(result) + "\n")
        return
    gate = Gate()
    out = []
    tasks = build(gate, out)
    drive(gate, tasks)
    straight = sorted(out, key=repr)
    for item in straight:
        print(item)

    for stop_at in (1, 3, 6):
        gate = Gate()
        out = []
        tasks = build(gate, out)
        drive(gate, tasks, stop_at)
        data = pickle.dumps((gate, tasks, out), pickle.HIGHEST_PROTOCOL)
        for t in tasks:              # the original would go on; this process drops it
            if t.alive:
                t.kill()
        here = finish(data)
        child = subprocess.run([sys.executable, sys.argv[0], "--child"], input=data, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
        if child.returncode:
            print("child failed:", child.stderr.decode()[-600:])
        print("checkpoint after %d steps: restored here == straight run: %s, in a child: %s"
              % (stop_at, here == straight, child.stdout.decode().strip() == repr(straight)))


if __name__ == "__main__":
    main()
