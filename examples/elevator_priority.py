"""An elevator bank run by a home-made priority scheduler: tasklets are kept out of the
run queue (remove()) and the scheduler picks the most urgent one and gives it a slice
with tasklet.run() from a driver tasklet; slices are cut by stackless.run(timeout) on the
runaway diagnostics task; the run queue is inspected by next/prev; passengers are tasklets
waiting on per-floor channels with preference 1 so the car decides who boards first.
Deterministic: a virtual clock, seeded arrivals."""
import heapq
import random

import stackless


class Task(stackless.tasklet):
    # a plain tasklet takes no attributes ('_stackless.tasklet' object has no attribute ...)
    prio = 0
    name = "?"


class PriorityScheduler(object):
    def __init__(self):
        self.ready = []        # (priority, seq, tasklet)
        self.seq = 0
        self.clock = 0
        self.sleepers = []     # (wake_time, seq, tasklet)
        self.slices = {}

    def spawn(self, prio, func, *args):
        t = Task(func)(*args)
        t.remove()
        t.prio = prio
        self.make_ready(t)
        return t

    def make_ready(self, t):
        self.seq += 1
        heapq.heappush(self.ready, (t.prio, self.seq, t))

    def yield_(self):
        """Give up the slice, stay ready."""
        me = stackless.getcurrent()
        self.make_ready(me)
        stackless.schedule_remove()

    def sleep(self, ticks):
        me = stackless.getcurrent()
        self.seq += 1
        heapq.heappush(self.sleepers, (self.clock + ticks, self.seq, me))
        stackless.schedule_remove()

    def wake(self, t):
        self.make_ready(t)

    def run(self, until):
        while self.clock < until:
            while self.sleepers and self.sleepers[0][0] <= self.clock:
                _, _, t = heapq.heappop(self.sleepers)
                self.make_ready(t)
            if not self.ready:
                self.clock += 1
                continue
            _, _, t = heapq.heappop(self.ready)
            if not t.alive:
                continue
            self.slices[t.name] = self.slices.get(t.name, 0) + 1
            t.run()
            if stackless.getruncount() > 1:
                stackless.run()     # passengers woken by a car (queued by preference 1)


sched = PriorityScheduler()


class Car(object):
    def __init__(self, name, floors):
        self.name = name
        self.floor = 0
        self.dir = 1
        self.riders = []
        self.calls = set()
        self.log = []
        self.capacity = 4
        self.floors = floors

    def loop(self, building):
        while True:
            # board and alight at this floor
            leaving = [p for p in self.riders if p[1] == self.floor]
            for p in leaving:
                self.riders.remove(p)
                p[2].send(("arrived", self.name, sched.clock))
            lobby = building.waiting[self.floor]
            boarded = []
            while lobby and len(self.riders) < self.capacity:
                who, dest, reply = lobby.pop(0)
                self.riders.append((who, dest, reply))
                self.calls.add(dest)
                boarded.append(who)
            if boarded or leaving:
                self.log.append("t%d %s@%d in %s out %s" % (sched.clock, self.name, self.floor, boarded,
                                                           [p[0] for p in leaving]))
            self.calls.discard(self.floor)
            targets = self.calls | building.calls_from()
            if not targets:
                sched.sleep(2)
                continue
            if not any((f - self.floor) * self.dir > 0 for f in targets):
                self.dir = -self.dir
            self.floor += self.dir if any((f - self.floor) * self.dir > 0 for f in targets) else 0
            sched.sleep(1)


class Building(object):
    def __init__(self, floors):
        self.waiting = [[] for i in range(floors)]

    def calls_from(self):
        return set(i for i, lobby in enumerate(self.waiting) if lobby)


def passenger(building, who, start, dest, results):
    reply = stackless.channel()
    reply.preference = 1      # the car's send does not switch: the passenger is only queued
    t0 = sched.clock
    building.waiting[start].append((who, dest, reply))
    what, car, t1 = reply.receive()
    results.append((who, start, dest, car, t1 - t0))


def arrivals(building, rng, n, floors, results):
    for i in range(n):
        start = rng.randrange(floors)
        dest = rng.randrange(floors - 1)
        if dest >= start:
            dest += 1
        sched.spawn(2, passenger, building, "p%02d" % i, start, dest, results).name = "p%02d" % i
        sched.sleep(rng.randrange(0, 3))


def diagnostics(report):
    # low priority: runs when nothing else is ready; a slow self-check interrupted by run(timeout)
    def selfcheck():
        x = 0
        for i in range(100000):
            x += i
        return x
    while True:
        t = stackless.tasklet(selfcheck)()
        try:
            got = stackless.run(1000)
        except RuntimeError as e:
            report.append(str(e))
            t.kill()
        else:
            report.append("cut" if got is t else "finished")
            if got is t:
                t.kill()
        sched.sleep(10)


def main():
    floors = 8
    rng = random.Random(5)
    building = Building(floors)
    cars = [Car("A", floors), Car("B", floors)]
    for c in cars:
        sched.spawn(1, c.loop, building).name = c.name
    results = []
    report = []
    sched.spawn(0, arrivals, building, rng, 16, floors, results).name = "arrivals"
    sched.spawn(9, diagnostics, report).name = "diag"
    sched.run(until=80)
    for c in cars:
        print("car %s:" % c.name)
        for line in c.log:
            print("  " + line)
    print("delivered %d of 16" % len(results))
    for r in sorted(results):
        print("  %s %d->%d by %s in %d ticks" % r)
    print("diagnostics:", report[:4], len(report))
    print("slices:", sorted((k, v) for k, v in sched.slices.items() if not k.startswith("p")))
    # the queue seen by next/prev while every tasklet is parked
    parked = [t for _, _, t in sched.ready + sched.sleepers]
    print("parked:", sorted(t.name for t in parked), "runcount", stackless.getruncount())
    m = stackless.getmain()
    print("queue around main:", m.next is m, m.prev is m)
    for t in parked:
        t.kill()
    print("alive after kill:", sum(t.alive for t in parked))


main()
