"""Persistence: pickle running tasklets, continue them in a new process.

A tasklet blocked on a channel inside nested calls, one suspended in a generator it drives,
one removed with schedule_remove, and one interrupted by run(n) are pickled together with
their channel and their locals (int, big int, float, str, bytes, tuple, list, dict, set,
None, a user class instance, a closure). The file is loaded in a new process (same
interpreter), which finishes them: the output must be what it would have been without the
pause. copy.deepcopy of a blocked tasklet gives an independent copy.
"""
import copy
import os
import pickle
import subprocess
import sys
import tempfile

import stackless


class Account(object):
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def __repr__(self):
        return "Account(%r, %r)" % (self.owner, self.balance)


def make_adder(n):
    def add(x):
        return x + n
    return add


def inner(ch, depth, acc):
    if depth == 0:
        got = ch.receive()             # blocks here, three frames deep
        acc.balance += got
        return got * 2
    return inner(ch, depth - 1, acc) + depth


def worker(ch, out):
    big = 2 ** 100 + 7
    f = 1.5
    s = "caf\xe9"
    b = b"\x00\xff"
    t = (1, "two", 3.0)
    l = [1, [2, 3]]
    d = {"k": [1, 2], 3: None}
    st = {1, 2, 3}
    acc = Account("ann", 10)
    add = make_adder(5)
    r = inner(ch, 3, acc)
    out.append(("worker", r, big - 2 ** 100, f * 2, s.upper(), b[::-1], t[1], l[1][1],
                sorted(d["k"]), sorted(st), acc, add(r)))
    return r


def counter_gen(n):
    total = 0
    for i in range(n):
        x = yield i
        if x:
            total += x
    yield ("total", total)


def gen_driver(ch, out):
    g = counter_gen(5)
    seen = [next(g)]
    for v in g:
        seen.append(v)
        if v == 2:
            step = ch.receive()        # blocked while the generator is suspended
            seen.append(("step", step))
    out.append(("gen", seen))


def removed(out):
    x = [10]
    stackless.schedule_remove()
    x.append(20)
    out.append(("removed", x))


def busy(out):
    n = 0
    for i in range(200000):
        n += i % 7
    out.append(("busy", n))


def restore(path):
    with open(path, "rb") as fp:
        state = pickle.load(fp)
    tasks, ch, out = state["tasks"], state["ch"], state["out"]
    print("restored", len(tasks), "tasklets; channel balance", ch.balance)
    print("restorable:", [t.restorable for t in tasks])
    for t in tasks:
        if not t.blocked and not t.scheduled:
            t.insert()
    ch.send(21)          # the worker deep in inner()
    ch.send("go")        # the generator driver
    stackless.run()
    for o in out:
        print(o)
    print("alive:", [t.alive for t in tasks])


def main():
    ch = stackless.channel()
    out = []
    tasks = [stackless.tasklet(worker)(ch, out),
             stackless.tasklet(gen_driver)(ch, out),
             stackless.tasklet(removed)(out)]
    stackless.run()
    b = stackless.tasklet(busy)(out)
    interrupted = stackless.run(1000)
    print("interrupted busy:", interrupted is b)
    tasks.append(b)
    print("balance", ch.balance, "blocked", [t.blocked for t in tasks],
          "scheduled", [t.scheduled for t in tasks])
    print("restorable:", [t.restorable for t in tasks])
    # a deep copy of the blocked worker: it is a separate tasklet with its own locals
    ch2 = stackless.channel()
    w2 = stackless.tasklet(worker)(ch2, out)
    stackless.run()
    w3, ch3, out3 = copy.deepcopy((w2, ch2, out))   # the copy is blocked on the copied channel
    print("deepcopy is a new tasklet:", w3 is not w2, ch3 is not ch2, "balance", ch3.balance,
          "blocked", w2.blocked, w3.blocked)
    fd, path = tempfile.mkstemp(suffix=".pickle")
    try:
        with os.fdopen(fd, "wb") as fp:
            pickle.dump({"tasks": tasks, "ch": ch, "out": out}, fp, 2)
        print("pickled", os.path.getsize(path) > 100)
        # kill our copies: the new process owns them now
        for t in tasks:
            t.kill()
        print("killed here:", [t.alive for t in tasks])
        res = subprocess.run([sys.executable, os.path.abspath(__file__), "--restore", path],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             universal_newlines=True)
        print("--- new process (rc %d) ---" % res.returncode)
        print(res.stdout, end="")
    finally:
        os.unlink(path)
    ch2.send(1)
    print("original copy:", out[-1])
    ch3.send(100)
    print("deep copy:", out3[-1], len(out), len(out3))
    print("copy alive", w3.alive, "balances", ch2.balance, ch3.balance)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--restore":
        restore(sys.argv[2])
    else:
        main()
