"""A SimPy-like discrete-event simulator on tasklets and a virtual clock: processes are
tasklets, timeouts park them on a heap, resources with capacity queue requesters, stores
pass items, and interrupts are delivered with raise_exception. A bank with tellers, a
machine shop with breakdowns (interrupts), and a 100,000-event load (figures on stderr).

usage: des_sim.py [events]"""
import heapq
import random
import sys
import time

import stackless


class Interrupt(Exception):
    def __init__(self, cause):
        Exception.__init__(self, cause)
        self.cause = cause


class Environment(object):
    def __init__(self):
        self.now = 0.0
        self.queue = []          # (time, seq, tasklet, value)
        self.seq = 0
        self.events = 0
        self.waiting = {}        # tasklet -> queue entry (for interrupts)

    def process(self, func, *args):
        t = stackless.tasklet(func)(self, *args)
        t.remove()               # processes run only when the clock says so
        self._at(self.now, t, None)
        return t

    def _at(self, when, t, value):
        self.seq += 1
        entry = [when, self.seq, t, value]
        heapq.heappush(self.queue, entry)
        return entry

    def timeout(self, delay, value=None):
        t = stackless.getcurrent()
        entry = self._at(self.now + delay, t, value)
        self.waiting[t] = entry
        try:
            return stackless.schedule_remove()
        finally:
            self.waiting.pop(t, None)

    def passivate(self):
        """Wait until someone activates this process."""
        return stackless.schedule_remove()

    def activate(self, t, value=None):
        self._at(self.now, t, value)

    def interrupt(self, t, cause):
        entry = self.waiting.pop(t, None)
        if entry is not None:
            entry[2] = None      # the timeout no longer wakes it
        self.seq += 1
        heapq.heappush(self.queue, [self.now, self.seq, (t, cause), None])

    def run(self, until=None):
        while self.queue:
            when, seq, t, value = heapq.heappop(self.queue)
            if t is None:
                continue
            if until is not None and when > until:
                heapq.heappush(self.queue, [when, seq, t, value])
                self.now = until
                return
            self.now = when
            self.events += 1
            if type(t) is tuple:
                t, cause = t
                if t.alive:
                    t.raise_exception(Interrupt, cause)
                continue
            if not t.alive:
                continue
            t.tempval = value
            t.run()


class Resource(object):
    def __init__(self, env, capacity):
        self.env, self.capacity = env, capacity
        self.users = 0
        self.waiters = []

    def request(self):
        if self.users < self.capacity and not self.waiters:
            self.users += 1
            return
        me = stackless.getcurrent()
        self.waiters.append(me)
        try:
            self.env.passivate()
        except BaseException:
            if me in self.waiters:
                self.waiters.remove(me)
            raise

    def release(self):
        if self.waiters:
            self.env.activate(self.waiters.pop(0))
        else:
            self.users -= 1


class Store(object):
    def __init__(self, env):
        self.env = env
        self.items = []
        self.getters = []

    def put(self, item):
        if self.getters:
            self.env.activate(self.getters.pop(0), item)
        else:
            self.items.append(item)

    def get(self):
        if self.items:
            return self.items.pop(0)
        self.getters.append(stackless.getcurrent())
        return self.env.passivate()


def bank(seed):
    print("== bank")
    rng = random.Random(seed)
    env = Environment()
    tellers = Resource(env, 2)
    waits = []

    def customer(env, name, work):
        arrive = env.now
        tellers.request()
        waits.append(env.now - arrive)
        try:
            yield_at = env.now
            env.timeout(work)
            print("%7.2f %s served in %.2f after waiting %.2f" % (env.now, name, env.now - yield_at, yield_at - arrive))
        finally:
            tellers.release()

    def source(env, n):
        for i in range(n):
            env.process(customer, "c%02d" % i, rng.uniform(2, 9))
            env.timeout(rng.expovariate(1 / 3.0))

    env.process(source, 12)
    env.run()
    print("mean wait %.3f max %.3f events %d" % (sum(waits) / len(waits), max(waits), env.events))


def machine_shop(seed):
    print("== machine shop")
    rng = random.Random(seed)
    env = Environment()
    repairman = Resource(env, 1)
    parts = Store(env)
    machines = []

    def machine(env, name):
        made = 0
        while True:
            left = rng.uniform(8, 12)
            while left:
                start = env.now
                try:
                    env.timeout(left)
                    left = 0
                except Interrupt as i:
                    left -= env.now - start
                    print("%7.2f %s broke (%s), %.2f left" % (env.now, name, i.cause, left))
                    repairman.request()
                    env.timeout(3)
                    repairman.release()
                    print("%7.2f %s repaired" % (env.now, name))
            made += 1
            parts.put((name, made))

    def breaker(env):
        k = 0
        while True:
            env.timeout(rng.expovariate(1 / 15.0))
            k += 1
            victim = machines[rng.randrange(len(machines))]
            env.interrupt(victim, "failure %d" % k)

    def packer(env):
        got = []
        while True:
            got.append(parts.get())
            if len(got) % 5 == 0:
                print("%7.2f packed %s" % (env.now, got[-5:]))

    for i in range(3):
        machines.append(env.process(machine, "m%d" % i))
    b = env.process(breaker)
    p = env.process(packer)
    env.run(until=80)
    print("at %.1f: %d events, %d queued" % (env.now, env.events, len(env.queue)))
    for t in machines + [b, p]:
        t.kill()
    print("killed:", [t.alive for t in machines + [b, p]])


def load(n):
    print("== load")
    rng = random.Random(7)
    env = Environment()
    done = [0]
    count = 500

    def ticker(env, period):
        while True:
            env.timeout(period)
            done[0] += 1

    ts = [env.process(ticker, rng.uniform(0.5, 2.0)) for i in range(count)]
    c0 = time.thread_time()
    # run until the number of events reaches n
    horizon = 1.0
    while env.events < n:
        env.run(until=horizon)
        horizon += 1.0
    c1 = time.thread_time()
    for t in ts:
        t.kill()
    print("events >= %d: ticks %d at clock %.0f" % (n, done[0], env.now))
    sys.stderr.write("des load: %d events in %.3f s CPU\n" % (env.events, c1 - c0))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    bank(42)
    machine_shop(3)
    load(n)


main()
