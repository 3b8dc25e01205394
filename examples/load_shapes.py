"""The load shapes Stackless servers have, timed (CPU seconds per phase on stderr).

- 100,000 tasklets blocked at once (sessions waiting for input), woken in a wave
- a 1,000-stage pipeline carrying 100,000 messages
- churn: 200,000 short-lived tasklets spawned and finished in batches
- fan-out/fan-in: a dispatcher feeding 500 workers, results gathered on one channel
- a request/reply service: 50,000 calls through a channel pair per call

    python load_shapes.py [scale]      # scale 1 is the full size; 0.1 for a quick run
"""
import sys
import time

import stackless

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
TIMES = []


def phase(name):
    def wrap(f):
        def run():
            c0 = time.process_time()
            f()
            TIMES.append((name, time.process_time() - c0))
        return run
    return wrap


@phase("100k blocked")
def blocked_sessions():
    n = int(100000 * SCALE)
    gate = stackless.channel()
    done = [0]

    def session(i):
        v = gate.receive()
        done[0] += v
    for i in range(n):
        stackless.tasklet(session)(i)
    stackless.run()
    print("sessions waiting:", -gate.balance == n)
    gate.preference = 1
    for i in range(n):
        gate.send(1)
    stackless.run()
    print("sessions woken:", done[0] == n, "balance", gate.balance)


@phase("pipeline")
def pipeline():
    stages = int(1000 * SCALE) or 1
    items = int(100000 * SCALE)
    chans = [stackless.channel() for _ in range(stages + 1)]

    def stage(src, dst):
        while True:
            x = src.receive()
            if x is None:
                dst.send(None)
                return
            dst.send(x + 1)
    for i in range(stages):
        stackless.tasklet(stage)(chans[i], chans[i + 1])
    out = []

    def sink():
        total = 0
        while True:
            x = chans[-1].receive()
            if x is None:
                break
            total += x
        out.append(total)
    stackless.tasklet(sink)()

    def source():
        for i in range(items // stages * 10):
            chans[0].send(i)
        chans[0].send(None)
    stackless.tasklet(source)()
    stackless.run()
    k = items // stages * 10
    print("pipeline total right:", out == [k * (k - 1) // 2 + k * stages])


@phase("churn")
def churn():
    n = int(200000 * SCALE)
    batch = 1000
    counter = [0]

    def short(i):
        counter[0] += i & 1
    for b in range(0, n, batch):
        for i in range(b, b + batch):
            stackless.tasklet(short)(i)
        stackless.run()
    print("churn ran:", counter[0] == n // 2, "runcount", stackless.getruncount())


@phase("fan-out/in")
def fan():
    workers = int(500 * SCALE) or 1
    jobs = int(100000 * SCALE)
    work = stackless.channel()
    results = stackless.channel()

    def worker():
        while True:
            j = work.receive()
            if j is None:
                return
            results.send(j * 2)

    def dispatcher():
        for j in range(jobs):
            work.send(j)
        for _ in range(workers):
            work.send(None)
    for _ in range(workers):
        stackless.tasklet(worker)()
    stackless.tasklet(dispatcher)()
    total = 0
    for _ in range(jobs):
        total += results.receive()
    stackless.run()
    print("fan-in total right:", total == jobs * (jobs - 1))


@phase("request/reply")
def request_reply():
    calls = int(50000 * SCALE)
    requests = stackless.channel()

    def service():
        while True:
            req = requests.receive()
            if req is None:
                return
            reply, a, b = req
            reply.send(a * b)

    def client(k):
        total = 0
        reply = stackless.channel()
        for i in range(calls // 10):
            requests.send((reply, i, k))
            total += reply.receive()
        sums.append(total)
    sums = []
    stackless.tasklet(service)()
    cl = [stackless.tasklet(client)(k) for k in range(10)]
    while any(t.alive for t in cl):
        stackless.run()
    requests.send(None)
    m = calls // 10
    print("request/reply sums right:", sorted(sums) == [k * m * (m - 1) // 2 for k in range(10)])


def main():
    for f in (blocked_sessions, pipeline, churn, fan, request_reply):
        f()
    for name, t in TIMES:
        print("%-14s %.3f s" % (name, t), file=sys.stderr)
    print("total          %.3f s" % sum(t for _, t in TIMES), file=sys.stderr)


if __name__ == "__main__":
    main()
