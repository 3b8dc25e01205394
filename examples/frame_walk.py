"""Introspection a debugger or a monitoring page does on a live Stackless program.

A "ps" for tasklets: for each blocked tasklet, walk tasklet.frame by f_back and print the
function names and the line each frame waits on (relative to the function's first line),
traceback.extract_stack / format_stack of a tasklet's frame, what a tasklet sees of itself
(getcurrent, getmain, getruncount, current.frame), tracebacks of exceptions that crossed
a switch, and deep recursion inside a tasklet under sys.setrecursionlimit.
"""
import sys
import traceback

import stackless


def rel(frame):
    return frame.f_lineno - frame.f_code.co_firstlineno


def walk(frame):
    out = []
    while frame is not None:
        out.append("%s+%d" % (frame.f_code.co_name, rel(frame)))
        frame = frame.f_back
    return out


class Service(object):
    def __init__(self, name):
        self.name = name
        self.inbox = stackless.channel()

    def serve(self):
        while True:
            msg = self.wait_for_request()
            if msg == "stop":
                return "stopped"
            self.handle(msg)

    def wait_for_request(self):
        return self.inbox.receive()

    def handle(self, msg):
        if msg == "nap":
            stackless.schedule()
        elif msg == "deep":
            self.recurse(5)

    def recurse(self, n):
        if n == 0:
            return self.inbox.receive()
        return self.recurse(n - 1)


def gen_worker(ch):
    def numbers():
        for i in range(3):
            yield ch.receive()
    return sum(numbers())


def who_am_i(out):
    cur = stackless.getcurrent()
    out.append(("current is main", cur is stackless.getmain()))
    out.append(("current.frame is this frame", cur.frame is sys._getframe()))
    out.append(("runcount", stackless.getruncount()))
    out.append(("own frames", walk(sys._getframe())))
    out.append(("scheduled", cur.scheduled, "blocked", cur.blocked, "alive", cur.alive))
    out.append(("stack summary", [fs.name for fs in traceback.extract_stack()]))


SEEN = []


def crosser(ch):
    try:
        ch.receive()
    except ZeroDivisionError:
        tb = traceback.format_exc().splitlines()
        SEEN[:] = [line.strip().split(",")[-1].strip() for line in tb if line.strip().startswith("File")]
        raise


def thrower():
    return 1 / 0


def deep(n):
    if n == 0:
        stackless.schedule()
        return 0
    return deep(n - 1) + 1


def main():
    services = [Service("a"), Service("b"), Service("c")]
    tasks = [stackless.tasklet(s.serve)() for s in services]
    gch = stackless.channel()
    gt = stackless.tasklet(gen_worker)(gch)
    stackless.run()
    services[1].inbox.send("deep")
    services[2].inbox.send("nap")
    gch.send(5)
    print("run queue now:", stackless.getruncount())
    for s, t in zip(services, tasks):
        print("tasklet", s.name, "blocked" if t.blocked else ("scheduled" if t.scheduled else "?"), walk(t.frame))
    print("generator tasklet:", walk(gt.frame))
    stack = traceback.extract_stack(tasks[1].frame)
    print("extract_stack of b:", [(fs.name, fs.line) for fs in stack])
    print("format_stack of a, last line:", traceback.format_stack(tasks[0].frame)[-1].strip().splitlines()[-1])
    stackless.run()
    print("after run, c:", walk(tasks[2].frame))
    f = tasks[0].frame
    print("f_locals of a's frame:", sorted(f.f_locals), "f_globals is module globals:", f.f_globals is globals())
    print("code:", f.f_code.co_name, f.f_code.co_varnames, f.f_code.co_argcount)

    out = []
    stackless.tasklet(who_am_i)(out)
    stackless.run()
    for item in out:
        print("who_am_i:", item)
    who = []
    who_am_i(who)
    print("main's who_am_i:", who[0], who[1], who[4])

    ch = stackless.channel()
    t = stackless.tasklet(crosser)(ch)
    stackless.run()

    def raiser():
        try:
            thrower()
        except ZeroDivisionError as e:
            ch.send_exception(ZeroDivisionError, *e.args)
    stackless.tasklet(raiser)()
    try:
        stackless.run()
    except ZeroDivisionError as e:
        names = [(fr.name, fr.lineno - fr.lineno) for fr in traceback.extract_tb(e.__traceback__)]
        print("escaped into main:", type(e).__name__, e, [n for n, _ in names])
    print("crosser saw frames:", SEEN)

    old = sys.getrecursionlimit()
    sys.setrecursionlimit(5000)
    results = []

    def deep_runner(n):
        results.append(deep(n))
    for n in (100, 1000, 3000):
        stackless.tasklet(deep_runner)(n)
    stackless.run()
    print("deep tasklets:", results)

    def too_deep():
        try:
            deep(10000)
        except RecursionError as e:
            results.append("RecursionError")
    stackless.tasklet(too_deep)()
    stackless.run()
    sys.setrecursionlimit(old)
    print("too deep:", results[-1], "limit restored:", sys.getrecursionlimit() == old)
    for s in services:
        s.inbox.send("stop")
    stackless.run()
    print("all done:", [t.alive for t in tasks], "gen alive:", gt.alive)


if __name__ == "__main__":
    main()
