"""A game-server tick loop.

Each tick the server runs the world's entities preemptively with stackless.run(budget,
totaltimeout=True) (without totaltimeout the budget restarts at every switch):
an entity that burns its budget is interrupted and handed back. A watchdog counts how often
each entity overran and kills a runaway one. Critical sections use stackless.atomic();
a schedule callback profiles switches; switch_trap guards code that must not switch.
"""
import stackless
import collections

switches = collections.Counter()
names = {}


def on_switch(prev, next):
    # prev/next are None for a tasklet that ended / has not started
    pn = names.get(prev, "main" if prev is not None and prev.is_main else
                   ("dead" if prev is None else "?"))
    nn = names.get(next, "main" if next is not None and next.is_main else
                   ("new" if next is None else "?"))
    switches[(pn, nn)] += 1


class World(object):
    def __init__(self):
        self.positions = {}
        self.events = []
        self.bank = {"gold": 1000}

    def move(self, who, dx):
        with stackless.atomic():
            x = self.positions.get(who, 0)
            # a switch here would let another entity see a half-made move
            for i in range(50):
                x += dx
            self.positions[who] = x


world = World()


def walker(name, dx):
    steps = 0
    while True:
        world.move(name, dx)
        steps += 1
        if steps % 3 == 0:
            world.events.append((name, steps))
        stackless.schedule()


def miner(name):
    while True:
        with stackless.atomic():
            gold = world.bank["gold"]
            if gold <= 0:
                break
            n = 0
            for i in range(200):     # long work inside atomic: must not be preempted
                n += i
            world.bank["gold"] = gold - 7
        stackless.schedule()
    world.events.append((name, "bank empty"))


def runaway(name):
    total = 0
    while True:                      # never schedules: only the watchdog gets control back
        total += 1


def cruncher(name):
    # long computation that yields rarely: preempted now and then, but finishes
    acc = 0
    for i in range(30000):
        acc = (acc * 31 + i) % 1000003
    world.events.append((name, "crunched", acc))


def spawn(fn, name, *args):
    t = stackless.tasklet(fn)(name, *args)
    names[t] = name
    return t


def main():
    stackless.set_schedule_callback(on_switch)
    assert stackless.get_schedule_callback() is on_switch
    spawn(walker, "w1", 1)
    spawn(walker, "w2", -1)
    spawn(miner, "m1")
    spawn(runaway, "loop")
    spawn(cruncher, "crunch")
    overruns = collections.Counter()
    killed = []
    tick = 0
    while tick < 200 and stackless.getruncount() > 1:
        victim = stackless.run(3000, totaltimeout=True)
        tick += 1
        if victim is None:
            continue
        name = names[victim]
        overruns[name] += 1
        assert not victim.scheduled
        if name == "loop" and overruns[name] >= 3:
            victim.kill()
            killed.append((tick, name))
        else:
            victim.insert()
    stackless.set_schedule_callback(None)
    print("killed:", killed)
    print("runaway overran:", overruns["loop"], "crunch overran > 0:", overruns["crunch"] > 0)
    print("bank:", world.bank)
    # how far each walker got depends on where the budget ran out: only the signs are fixed
    print("positions:", sorted((k, (v > 0) - (v < 0)) for k, v in world.positions.items()))
    print("moves divisible by 50:", all(v % 50 == 0 for v in world.positions.values()))
    print("events:", [e for e in world.events if e[1] in ("bank empty", "crunched")])
    print("some switch into loop recorded:", any(k[1] == "loop" for k in switches))
    print("dead->main seen:", switches[("dead", "main")] > 0)
    # switch_trap: a switch while the trap is set is an error
    stackless.switch_trap(1)
    try:
        stackless.schedule()
    except RuntimeError as e:
        print("switch_trap:", e)
    finally:
        stackless.switch_trap(-1)
    c = stackless.channel()
    stackless.tasklet(c.send)(1)
    old = stackless.switch_trap(1)
    try:
        try:
            c.receive()
        except RuntimeError as e:
            print("switch_trap on receive:", e, "old level", old)
    finally:
        stackless.switch_trap(-1)
    print("received after trap:", c.receive())
    # the remaining walkers and the miner's end
    for t in list(names):
        if t.alive:
            t.kill()
    print("alive after cleanup:", sorted(names[t] for t in names if t.alive))
    print("runcount:", stackless.getruncount())


main()
