"""Load shapes a service meets, each timed in the main thread's CPU seconds (stderr: the
JIT's background compiles are not counted) with a checked result (stdout): 10,000 client
tasklets each doing 10 request/reply round trips with one server, tasklet churn (200,000
created, run and finished), 1,000 blocked tasklets pickled and loaded, a switch-heavy ring
under the schedule callback, and atomic counters.

usage: perf_shapes.py [scale]   (scale 1 = the sizes above)"""
import pickle
import sys
import time

import stackless


def timed(name, fn, *args):
    c0 = time.thread_time()
    result = fn(*args)
    c1 = time.thread_time()
    sys.stderr.write("%-22s %.3f s CPU\n" % (name, c1 - c0))
    print(name + ":", result)


def round_trips(clients, trips):
    requests = stackless.channel()
    served = [0]

    def server():
        while True:
            reply, x = requests.receive()
            served[0] += 1
            reply.send(x * 2)

    def client(k):
        reply = stackless.channel()
        total = 0
        for i in range(trips):
            requests.send((reply, k + i))
            total += reply.receive()
        results.append(total)

    results = []
    srv = stackless.tasklet(server)()
    for k in range(clients):
        stackless.tasklet(client)(k)
    stackless.run()
    srv.kill()
    return served[0], len(results), sum(results)


def churn(n):
    box = [0]

    def short(i):
        box[0] += i & 7

    batch = 1000
    for b in range(n // batch):
        for i in range(batch):
            stackless.tasklet(short)(i)
        stackless.run()
    return box[0]


def parked(depth, ch, tag):
    if depth:
        return parked(depth - 1, ch, tag) + 1
    v = ch.receive()
    return v + tag


def pickle_blocked(n):
    ch = stackless.channel()
    out = []

    def holder(i):
        out.append(parked(3, ch, i))

    ts = [stackless.tasklet(holder)(i) for i in range(n)]
    stackless.run()
    data = pickle.dumps((ts, ch, out), 2)
    for t in ts:
        t.kill()
    ts2, ch2, out2 = pickle.loads(data)
    blocked = sum(1 for t in ts2 if t.blocked)
    # wake them all: the loaded channel holds the loaded tasklets
    for i in range(n):
        ch2.send(1000)
    stackless.run()
    return blocked, ch2.balance, len(out2), sum(out2), len(data) > 0


def ring_with_callback(size, laps):
    switches = [0]

    def cb(prev, next):
        switches[0] += 1

    chans = [stackless.channel() for i in range(size)]

    def node(i):
        inp, outp = chans[i], chans[(i + 1) % size]
        while True:
            v = inp.receive()
            if v < 0:
                outp.send(v)
                return
            outp.send(v + 1)

    ts = [stackless.tasklet(node)(i) for i in range(size)]
    stackless.set_schedule_callback(cb)
    try:
        chans[0].send(0)
        v = chans[0].receive()
        for lap in range(laps - 1):
            chans[0].send(v)
            v = chans[0].receive()
        chans[0].send(-1)
        chans[0].receive()
    finally:
        stackless.set_schedule_callback(None)
    stackless.run()
    return v, switches[0] > size * laps


def atomic_counters(workers, n):
    shared = {"count": 0, "max_seen": 0}

    def worker():
        for i in range(n):
            with stackless.atomic():
                c = shared["count"]
                stackless.schedule()      # atomic stops preemption only: this switches
                shared["count"] = c + 1
            if i % 10 == 0:
                stackless.schedule()

    for w in range(workers):
        stackless.tasklet(worker)()
    stackless.run()
    return shared["count"]        # updates lost to the explicit switch


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    timed("round trips", round_trips, int(10000 * scale), 10)
    timed("churn", churn, int(200000 * scale))
    timed("pickle blocked", pickle_blocked, int(1000 * scale))
    timed("ring with callback", ring_with_callback, 100, int(1000 * scale))
    timed("atomic counters", atomic_counters, 50, int(2000 * scale))


main()
