"""An MMO-style zone server: one tasklet per entity, a fixed-step tick loop.

Each tick the zone sends every entity a tick message over its own channel; the entity
thinks (wanders, chases the nearest player, attacks) on the state of the tick's start,
reports its intent on a shared channel, and blocks for the next tick; the zone applies the
intents in entity order, so the outcome does not depend on the order tasklets ran in. The
main loop runs the scheduler with a total instruction budget per slice
(run(timeout, totaltimeout=True)), re-inserting the tasklet a slice interrupted, as a
frame-budgeted server does. Entities die, respawn (new tasklets), and one scripted entity
loops forever without blocking: the watchdog notices the tick never ends, and kills it.
Quiet phases use soft budgets (run(timeout, soft=True)).
"""
import random

import stackless

W, H = 32, 24
TICKS = 60


class Entity(object):
    next_id = 1

    def __init__(self, zone, kind, x, y, hp):
        self.id = Entity.next_id
        Entity.next_id += 1
        self.zone, self.kind, self.x, self.y, self.hp = zone, kind, x, y, hp
        self.inbox = stackless.channel()
        self.inbox.preference = 1      # the zone's send only makes the entity runnable
        self.task = stackless.tasklet(self.run)()
        self.name = "%s-%d" % (kind, self.id)

    def run(self):
        try:
            while True:               # a dead entity waits here until the zone closes
                tick = self.inbox.receive()
                if tick is None:
                    break
                intent = self.think(tick)
                self.zone.actions.send((tick, self.id, intent))
        except TaskletExit:
            self.zone.events.append("%s killed at hp %d" % (self.name, self.hp))
            raise

    def think(self, tick):
        return None

    def step_towards(self, tx, ty):
        return ("move", self.x + (tx > self.x) - (tx < self.x), self.y + (ty > self.y) - (ty < self.y))


class Player(Entity):
    def __init__(self, zone, x, y, seed):
        Entity.__init__(self, zone, "player", x, y, 30)
        self.rng = random.Random(seed)
        self.kills = 0

    def think(self, tick):
        target = self.zone.nearest(self, "monster")
        if target and abs(target.x - self.x) + abs(target.y - self.y) <= 1:
            return ("hit", target, 3 + self.rng.randrange(4))
        elif target and self.rng.random() < 0.7:
            return self.step_towards(target.x, target.y)
        else:
            return ("move", min(W - 1, max(0, self.x + self.rng.choice((-1, 0, 1)))),
                    min(H - 1, max(0, self.y + self.rng.choice((-1, 0, 1)))))


class Monster(Entity):
    def __init__(self, zone, x, y, seed):
        Entity.__init__(self, zone, "monster", x, y, 12)
        self.rng = random.Random(seed)

    def think(self, tick):
        prey = self.zone.nearest(self, "player")
        # a little busy work so that ticks are long enough for the budget to matter
        s = 0
        for i in range(200):
            s += i * i
        self.noise = s
        if prey and abs(prey.x - self.x) + abs(prey.y - self.y) <= 1:
            return ("hit", prey, 1 + self.rng.randrange(3))
        elif prey and abs(prey.x - self.x) + abs(prey.y - self.y) < 8:
            return self.step_towards(prey.x, prey.y)
        return None


class Runaway(Entity):
    """A scripted entity whose script has a bug: it never blocks again."""

    def think(self, tick):
        if tick == 10:
            n = 0
            while True:
                n += 1


class Zone(object):
    def __init__(self):
        self.entities = []
        self.actions = stackless.channel()
        # the default preference (receiver) matters: draining the reports must not switch to
        # a reporter, or a runnable tasklet could run outside run()'s budget
        self.events = []
        self.seed = 1000

    def spawn(self, cls, *args):
        self.seed += 1
        e = cls(self, *(args + (self.seed,))) if cls is not Runaway else cls(self, "script", *args)
        self.entities.append(e)
        return e

    def alive(self, kind):
        return [e for e in self.entities if e.kind == kind and e.hp > 0]

    def nearest(self, me, kind):
        best = None
        for e in self.alive(kind):
            d = abs(e.x - me.x) + abs(e.y - me.y)
            if best is None or d < best[0] or (d == best[0] and e.id < best[1].id):
                best = (d, e)
        return best and best[1]

    def hit(self, who, target, damage):
        if target.hp <= 0 or who.hp <= 0:
            return False
        target.hp -= damage
        if target.hp <= 0:
            self.events.append("tick %d: %s-%d killed %s-%d" % (self.tick, who.kind, who.id, target.kind, target.id))
            if who.kind == "player":
                who.kills += 1
            return True
        return False

    def apply(self, intents):
        for eid in sorted(intents):
            e, intent = intents[eid]
            if intent is None or e.hp <= 0:
                continue
            if intent[0] == "hit":
                self.hit(e, intent[1], intent[2])
            else:
                e.x, e.y = intent[1], intent[2]

    def run_tick(self, tick):
        self.tick = tick
        live = [e for e in self.entities if e.task.alive and e.hp > 0]
        pending = set(e.id for e in live)
        for e in live:
            e.inbox.send(tick)               # entity becomes runnable (receiver waits)
        byid = dict((e.id, e) for e in live)
        intents = {}
        slices = 0
        overran = None
        while pending:
            if tick % 4 == 0 and tick != 12:
                victim = stackless.run(5000, soft=True)
            else:
                victim = stackless.run(2000, totaltimeout=True)
            slices += 1
            while self.actions.balance > 0:
                t, eid, intent = self.actions.receive()
                pending.discard(eid)
                intents[eid] = (byid[eid], intent)
            if victim is not None:
                victim.insert()                # a long tick: let it go on next slice
            if slices > 200:
                overran = [e for e in live if e.id in pending]
                break
        self.apply(intents)
        return overran


def main():
    zone = Zone()
    for i in range(6):
        zone.spawn(Player, 4 + i * 4, 4 + (i % 3) * 6)
    for i in range(10):
        zone.spawn(Monster, (i * 7) % W, (i * 5 + 11) % H)
    zone.spawn(Runaway, 0, 0, 99)
    for tick in range(1, TICKS + 1):
        overran = zone.run_tick(tick)
        if overran:
            for e in overran:
                zone.events.append("tick %d: watchdog stops %s" % (tick, e.name))
                e.task.kill()
        if tick % 15 == 0:
            for i in range(3):
                zone.spawn(Monster, (tick + i * 11) % W, (tick * 3 + i) % H)
            zone.events.append("tick %d: 3 monsters respawn" % tick)
        if tick % 20 == 0:
            print("tick", tick, "players", len(zone.alive("player")), "monsters", len(zone.alive("monster")),
                  "tasklets alive", sum(e.task.alive for e in zone.entities))
    for ev in zone.events:
        print(ev)
    for e in zone.entities:
        if e.kind == "player":
            print("%s at (%d,%d) hp %d kills %d" % (e.name, e.x, e.y, e.hp, e.kills))
    # shutdown: tell everyone still waiting that the zone closes
    for e in zone.entities:
        if e.task.alive:
            e.inbox.send(None)
    stackless.run()
    print("left alive:", sum(e.task.alive for e in zone.entities), "runcount", stackless.getruncount())


if __name__ == "__main__":
    main()
