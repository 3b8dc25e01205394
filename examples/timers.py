"""Thousands of sleeping tasklets, a rate limiter and periodic timers.

Sleepers wake in deadline order (ties in the order they went to sleep); a token-bucket rate
limiter lets a burst through then paces the rest; periodic timers tick until cancelled; a
time.sleep() in ordinary library-style code blocks only its tasklet once sleep is made
cooperative. CPU and wall times go to stderr; stdout has only what must not change.

    python timers.py [sleepers]
"""
import sys
import time

import stackless

import slpcompat
from slpcompat import sleep

N = int(sys.argv[1]) if len(sys.argv) > 1 else 5000

woken = []


def sleeper(i, until):
    sleep(until - time.monotonic())       # wake at an absolute time, as timer code does
    woken.append(i)


def sleepers():
    # 10 buckets 50 ms apart, the members of a bucket share one deadline
    start = time.monotonic()
    buckets = 10
    for i in range(N):
        stackless.tasklet(sleeper)(i, start + 0.05 * ((i * 7) % buckets) + 0.1)
    stackless.run()
    took = time.monotonic() - start
    order = [(i * 7) % buckets for i in woken]
    print("sleepers woken:", len(woken), "in bucket order:", order == sorted(order))
    print("every bucket complete:", [order.count(b) for b in range(buckets)] == [N // buckets] * buckets)
    print("sleepers wall %.3f s" % took, file=sys.stderr)
    return took


class TokenBucket(object):
    def __init__(self, rate, burst):
        self.rate, self.capacity = rate, burst
        self.tokens = burst
        self.stamp = time.monotonic()

    def take(self):
        while True:
            now = time.monotonic()
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now
            if self.tokens >= 1:
                self.tokens -= 1
                return
            sleep((1 - self.tokens) / self.rate)


def limited_clients():
    bucket = TokenBucket(rate=200.0, burst=10)
    served = []
    t0 = time.monotonic()

    def client(i):
        for k in range(3):
            bucket.take()
            served.append((i, k, time.monotonic() - t0))
    for i in range(20):
        stackless.tasklet(client)(i)
    stackless.run()
    burst = sum(1 for _, _, t in served if t < 0.02)
    total = served[-1][2]
    print("rate limited: %d requests, burst of %d went at once, the rest paced: %s"
          % (len(served), min(burst, 10), 0.2 <= total < 1.5))
    print("every client served 3 times:", sorted(set(i for i, _, _ in served)) == list(range(20)))


def periodic():
    ticks = {}
    stop = []

    def every(name, interval):
        n = 0
        while not stop:
            sleep(interval)
            n += 1
            ticks[name] = n

    def stopper():
        sleep(0.25)
        stop.append(True)
    for name, iv in (("fast", 0.01), ("mid", 0.05), ("slow", 0.1)):
        stackless.tasklet(every)(name, iv)
    stackless.tasklet(stopper)()
    stackless.run()
    print("periodic timers ran: fast > mid > slow:", ticks["fast"] > ticks["mid"] > ticks["slow"] >= 2,
          "slow ticked", ticks["slow"] in (2, 3))


def library_code():
    """Code written for threads that calls time.sleep(); patched, it blocks one tasklet."""
    def retry(op, attempts, delay):
        for a in range(attempts):
            try:
                return op(a)
            except IOError:
                time.sleep(delay)
        raise IOError("gave up")
    log = []

    def flaky(a):
        if a < 2:
            raise IOError("busy")
        return "ok after %d" % a

    def user(name):
        log.append((name, retry(flaky, 4, 0.02)))

    def ticker():
        for i in range(4):
            log.append(("tick", i))
            sleep(0.01)
    real = time.sleep
    time.sleep = sleep
    try:
        stackless.tasklet(user)("a")
        stackless.tasklet(ticker)()
        stackless.run()
    finally:
        time.sleep = real
    print("patched time.sleep:", log[0], ("a", "ok after 2") in log,
          "ticks ran while a slept:", log.index(("tick", 1)) < log.index(("a", "ok after 2")))


def zero_sleeps():
    """sleep(0) lets the others run once, in turn."""
    order = []

    def spinner(name):
        for i in range(3):
            order.append(name + str(i))
            sleep(0)
    for n in "abc":
        stackless.tasklet(spinner)(n)
    stackless.run()
    print("sleep(0) round robin:", " ".join(order))


def main():
    c0 = time.process_time()
    sleepers()
    limited_clients()
    periodic()
    library_code()
    zero_sleeps()
    print("cpu %.3f s" % (time.process_time() - c0), file=sys.stderr)
    print("runcount at end:", stackless.getruncount())


if __name__ == "__main__":
    main()
