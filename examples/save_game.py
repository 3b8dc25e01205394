"""A turn-based game saved mid-turn: NPC tasklets blocked inside nested generators, with
blocks and for loops over channels, holding user objects that pickle by __reduce__ and
__getstate__, channels with their queued senders, all pickled into one save; the save is
loaded and the game finished in this process and in a new one, with the same output.
copy.copy and copy.deepcopy of the world, channels included."""
import copy
import os
import pickle
import subprocess
import sys

import stackless


class Vec(object):
    """Pickles by __reduce__ (a constructor call)."""

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __reduce__(self):
        return (Vec, (self.x, self.y))

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __repr__(self):
        return "Vec(%d,%d)" % (self.x, self.y)


class Inventory(object):
    """Pickles by __getstate__/__setstate__, dropping a cache."""

    def __init__(self, items):
        self.items = list(items)
        self.cache = {"weight": len(items) * 2}

    def __getstate__(self):
        return {"items": self.items}

    def __setstate__(self, state):
        self.items = state["items"]
        self.cache = {"weight": len(self.items) * 2, "restored": True}

    def __repr__(self):
        return "Inv(%s, %s)" % (self.items, sorted(self.cache.items()))


class Door(object):
    """A context manager whose state lives in the with block of a saved tasklet."""

    def __init__(self, name, log):
        self.name, self.log = name, log

    def __enter__(self):
        self.log.append("open " + self.name)
        return self

    def __exit__(self, *exc):
        self.log.append("shut %s %s" % (self.name, exc[0].__name__ if exc[0] else "ok"))
        return False


def steps(start, step, n, orders):
    """A nested generator: waits for an order between moves."""
    pos = start
    for i in range(n):
        order = orders.receive()
        if order == "stop":
            return pos
        pos = pos + step
        yield pos, order


def patrol(world, name, start, step, orders):
    inv = Inventory([name + "-sword"])
    for pos, order in steps(start, step, 4, orders):
        world["log"].append("%s at %r (%s) %r" % (name, pos, order, inv))
    world["log"].append(name + " patrol over")


def guard(world, name, orders):
    with Door(name + "-gate", world["log"]) as door:
        for order in orders:           # iterate until the channel is closed
            world["log"].append("%s: %s at %s" % (name, order, door.name))
    world["log"].append(name + " off duty")


def herald(world, news):
    for item in ["dawn", "market", "dusk"]:
        news.send(item)                 # blocks: nobody listens until the load
        world["log"].append("herald told " + item)


def listener(world, news):
    def heard():
        while True:
            yield news.receive()
    for item in heard():
        world["log"].append("heard " + item)
        if item == "dusk":
            break


def build():
    world = {"log": [], "chans": {}}
    orders_a, orders_b, news = stackless.channel(), stackless.channel(), stackless.channel()
    world["chans"] = {"a": orders_a, "b": orders_b, "news": news}
    tasks = [stackless.tasklet(patrol)(world, "ann", Vec(0, 0), Vec(1, 0), orders_a),
             stackless.tasklet(guard)(world, "bob", orders_b),
             stackless.tasklet(herald)(world, news)]
    stackless.run()
    orders_a.send("north")
    orders_b.send("watch")
    world["tasks"] = tasks
    return world


def finish(world):
    """The rest of the game: the same for a loaded world and the original."""
    ch = world["chans"]
    ch["a"].send("east")
    ch["a"].send("stop")
    ch["b"].send("patrol")
    ch["b"].close()
    lt = stackless.tasklet(listener)(world, ch["news"])
    stackless.run()
    return world["log"]


def describe(world, title):
    ch = world["chans"]
    print(title, "balances", [(k, ch[k].balance) for k in sorted(ch)],
          "alive", [t.alive for t in world["tasks"]],
          "blocked", [t.blocked for t in world["tasks"]])


def child():
    data = sys.stdin.buffer.read()
    world = pickle.loads(data)
    describe(world, "child loaded:")
    for line in finish(world):
        print("child:", line)
    sys.stdout.flush()


def main():
    world = build()
    describe(world, "built:")
    saved = pickle.dumps(world, 2)
    print("save restorable:", [t.restorable for t in world["tasks"]])
    # load in this process
    w2 = pickle.loads(saved)
    describe(w2, "loaded:")
    log2 = finish(w2)
    # a shallow copy of a channel
    c = copy.copy(world["chans"]["news"])
    print("copied channel balance", c.balance, type(c).__name__)
    # a deep copy of the whole world
    w3 = copy.deepcopy(world)
    describe(w3, "deep copy:")
    log3 = finish(w3)
    # the original, last
    log1 = finish(world)
    print("original == loaded:", log1 == log2, "== deep copy:", log1 == log3)
    for line in log1:
        print(" ", line)
    # and in a new process
    env = dict(os.environ)
    r = subprocess.run([sys.executable, os.path.abspath(__file__), "--child"], input=saved,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    sys.stdout.write(r.stdout.decode())
    if r.returncode:
        print("child failed", r.returncode, r.stderr.decode()[-800:])


if "--child" in sys.argv:
    child()
else:
    main()
