"""Save a running world to bytes and continue it in a new process.

A small simulation of shops and couriers: couriers are tasklets blocked on channels in
nested calls, inside generators, inside with-blocks and try/finally; a ledger tasklet is
pickled mid-run from a schedule callback. The whole world (the scheduler's tasklets, their
channels and the shared objects) goes into one pickle; a child process (the same
interpreter) loads it, runs it to the end and prints the final state, which the parent
compares with running the original to the end itself.

    python world_save.py            # parent
    python world_save.py --child    # reads the pickle from stdin
"""
import collections
import contextlib
import pickle
import subprocess
import sys

import stackless

LOG = []


class Ledger(object):
    def __init__(self):
        self.entries = collections.OrderedDict()
        self.open_blocks = 0

    def book(self, who, amount):
        self.entries[who] = self.entries.get(who, 0) + amount


class Guard(object):
    """A with-block whose exit must run in whichever process finishes the tasklet."""

    def __init__(self, ledger, name):
        self.ledger, self.name = ledger, name

    def __enter__(self):
        self.ledger.open_blocks += 1
        return self

    def __exit__(self, *exc):
        self.ledger.open_blocks -= 1
        LOG.append("exit " + self.name)
        return False


def parcels(start, count):
    """A generator the courier drives; it blocks on the depot channel between parcels."""
    for i in range(count):
        weight = yield start + i
        LOG.append("parcel %d weighed %s" % (start + i, weight))


def deliver(depot, ledger, name, parcel):
    # two calls deep: the tasklet's frames here, in carry() and in courier()
    return carry(depot, ledger, name, parcel) * 2


def carry(depot, ledger, name, parcel):
    reply = depot.receive()
    ledger.book(name, parcel * reply)
    return reply


def courier(depot, ledger, name, start):
    total = 0
    gen = parcels(start, 3)
    parcel = next(gen)
    try:
        with Guard(ledger, name):
            while True:
                total += deliver(depot, ledger, name, parcel)
                try:
                    parcel = gen.send(total)
                except StopIteration:
                    break
    finally:
        LOG.append("%s done, total %d" % (name, total))
    return total


def counter_loop(ledger, rounds):
    n = 0
    for i in range(rounds):
        n += i
        ledger.book("counter", i)
        stackless.schedule()
    LOG.append("counter finished %d" % n)


@contextlib.contextmanager
def tagged(tag):
    LOG.append("enter " + tag)
    try:
        yield tag
    finally:
        LOG.append("leave " + tag)


def waiter(bell, ledger):
    with tagged("waiter"):
        msg = bell.receive()
        ledger.book("waiter", len(msg))
        LOG.append("waiter heard " + msg)


def build_world():
    ledger = Ledger()
    depot = stackless.channel()
    bell = stackless.channel()
    tasks = [stackless.tasklet(courier)(depot, ledger, "c%d" % i, 10 * i) for i in range(4)]
    tasks.append(stackless.tasklet(counter_loop)(ledger, 12))
    tasks.append(stackless.tasklet(waiter)(bell, ledger))
    return {"ledger": ledger, "depot": depot, "bell": bell, "tasks": tasks, "log": LOG}


def advance(world, steps):
    """Feed the depot a few replies, letting everybody run between them."""
    for i in range(steps):
        stackless.run()
        if world["depot"].balance < 0:
            world["depot"].send(i % 3 + 1)


def finish(world):
    while any(t.alive for t in world["tasks"]):
        stackless.run()
        if world["depot"].balance < 0:
            world["depot"].send(7)
        elif world["bell"].balance < 0:
            world["bell"].send("closing time")
    return report(world)


def report(world):
    ledger = world["ledger"]
    lines = ["ledger " + ", ".join("%s=%d" % kv for kv in ledger.entries.items()),
             "open with-blocks %d" % ledger.open_blocks]
    lines.extend(world["log"])
    return "\n".join(lines)


def snapshot(world):
    """Take every tasklet out of the run queue (restorable, off the scheduler), pickle."""
    for t in world["tasks"]:
        if t.alive and t.scheduled and not t.blocked:
            t.remove()
    return pickle.dumps(world, 2)


def restore(data):
    world = pickle.loads(data)
    global LOG
    LOG = world["log"]
    for t in world["tasks"]:
        if t.alive and not t.blocked:
            t.insert()
    return world


def mid_run_pickle():
    """Pickle a tasklet the moment a budget interrupted it; a schedule callback watches
    where it was when the scheduler left it."""
    seen = []
    results = []

    def worker(n, tag):
        acc = []
        for i in range(n):
            acc.append(i * i % 7)
        results.append((tag, sum(acc), len(acc)))

    def cb(prev, nxt):
        if prev is target and prev.frame is not None:
            seen.append(prev.frame.f_code.co_name)

    target = stackless.tasklet(worker)(3000, "original")
    stackless.set_schedule_callback(cb)
    victim = stackless.run(500)
    stackless.set_schedule_callback(None)
    print("interrupted:", victim is target, "callback saw", sorted(set(seen)))
    copy = pickle.loads(pickle.dumps(victim))
    partial = len(copy.frame.f_locals["acc"])
    print("copy restorable:", copy.restorable, "part done:", 0 < partial < 3000)
    copy.frame.f_locals["tag"]        # the copy's locals are its own
    copy.insert()
    victim.insert()
    stackless.run()
    print("both finished:", not victim.alive and not copy.alive, sorted(results))


def main():
    if "--child" in sys.argv:
        data = sys.stdin.buffer.read()
        world = restore(data)
        sys.stdout.write(finish(world) + "\n")
        return
    world = build_world()
    advance(world, 5)
    print("before the save:", [t.alive for t in world["tasks"]], "depot balance", world["depot"].balance)
    print("frames of c0:", [f.f_code.co_name for f in iter_frames(world["tasks"][0].frame)])
    data = snapshot(world)
    child = subprocess.run([sys.executable, sys.argv[0], "--child"], input=data, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    if child.returncode:
        print("child failed:", child.stderr.decode()[-800:])
    here_world = restore(data)          # the same snapshot, finished in this process
    here = finish(here_world)
    print(here)
    print("child's world equals ours:", child.stdout.decode().strip() == here.strip())
    mid_run_pickle()


def iter_frames(f):
    while f is not None:
        yield f
        f = f.f_back


if __name__ == "__main__":
    main()
