"""A discrete-event simulation of a bank: customers arrive, queue for tellers, are served.

Simulated time: sleep(dt) blocks the tasklet on its own channel and pushes a wake-up time on
a heap; the clock tasklet pops the earliest one and sends to its channel. Tellers take
customers from a shared channel; channel.balance shows who is waiting. Preferences
-1/0/1 decide who runs first when a send meets a waiting receiver.
"""
import heapq
import random
import stackless

rng = random.Random(1234)


class Clock(object):
    def __init__(self):
        self.now = 0.0
        self.heap = []
        self.seq = 0

    def sleep(self, dt):
        ch = stackless.channel()
        self.seq += 1
        heapq.heappush(self.heap, (self.now + dt, self.seq, ch))
        ch.receive()

    def run(self, until):
        # every other tasklet is blocked on a channel when the clock gets control
        while True:
            while stackless.getruncount() > 1:
                stackless.schedule()
            if not self.heap:
                break
            when, seq, ch = heapq.heappop(self.heap)
            if when > until:
                heapq.heappush(self.heap, (when, seq, ch))
                break
            self.now = when
            ch.send(None)


clock = Clock()
log = []


def say(msg):
    log.append("%7.2f %s" % (clock.now, msg))


class Bank(object):
    def __init__(self, tellers):
        self.line = stackless.channel()
        self.line.preference = 0
        self.served = []
        self.max_queue = 0
        for i in range(tellers):
            stackless.tasklet(self.teller)(i)

    def teller(self, n):
        while True:
            cust = self.line.receive()
            if cust is None:
                say("teller %d goes home" % n)
                return
            name, arrived, work, done = cust
            say("teller %d serves %s (waited %.2f)" % (n, name, clock.now - arrived))
            clock.sleep(work)
            self.served.append((name, n, round(clock.now - arrived, 2)))
            done.send(n)

    def enter(self, name, work):
        done = stackless.channel()
        arrived = clock.now
        waiting = max(0, self.line.balance)
        self.max_queue = max(self.max_queue, waiting + 1)
        self.line.send((name, arrived, work, done))
        teller = done.receive()
        say("%s leaves teller %d" % (name, teller))


def customer(bank, i):
    clock.sleep(rng.expovariate(1.0) * i)
    bank.enter("c%02d" % i, round(rng.uniform(0.5, 3.0), 2))


def preference_demo():
    out = []
    for pref in (-1, 0, 1):
        ch = stackless.channel()
        ch.preference = pref
        order = []

        def recv():
            order.append("recv waiting")
            v = ch.receive()
            order.append("recv got %s" % v)

        def send():
            order.append("send start")
            ch.send("x")
            order.append("send done")

        def other():
            order.append("other")

        stackless.tasklet(recv)()
        stackless.schedule()                  # recv blocks
        stackless.tasklet(send)()
        stackless.tasklet(other)()
        stackless.run()
        out.append((pref, order))
    # a receiver meeting a waiting sender
    for pref in (-1, 0, 1):
        ch = stackless.channel()
        ch.preference = pref
        order = []
        def send2():
            ch.send("y")
            order.append("sender resumed")
        def recv2():
            order.append("got " + ch.receive())
        def other2():
            order.append("other")
        stackless.tasklet(send2)()
        stackless.schedule()
        stackless.tasklet(recv2)()
        stackless.tasklet(other2)()
        stackless.run()
        out.append(("r", pref, order))
    return out


def main():
    bank = Bank(3)
    for i in range(15):
        stackless.tasklet(customer)(bank, i)
    stackless.schedule()
    print("tellers waiting: balance", bank.line.balance)
    clock.run(until=1000)
    print("line balance after the day", bank.line.balance)
    print("served", len(bank.served), "max queue", bank.max_queue)
    for s in sorted(bank.served):
        print(s)
    for i in range(3):
        bank.line.send(None)
    for line in log[:12]:
        print(line)
    print("...", len(log), "log lines, last:", log[-1])
    print("now %.2f" % clock.now)
    for o in preference_demo():
        print(o)
    print("runcount", stackless.getruncount())


main()
