"""Tasklets that block where the interpreter is inside a native call: a key function of
sorted(), a function mapped by map(), __init__, __eq__ of a dict key, __hash__, a property
getter, __getitem__ driven by a for loop, a generator driven by list(), functools.reduce,
min() with a key, str.join over a generator, and __repr__ called by %-format.
Each blocks on a channel in the middle; the scheduler goes on and comes back."""
import functools
import stackless

ch = stackless.channel()
trace = []


def fetch(tag, x):
    trace.append(tag)
    ch.send((tag, x))           # blocks until main receives
    return ch.receive()


def in_sorted():
    return sorted([3, 1, 2], key=lambda x: fetch("key", x))


def in_map():
    return list(map(lambda x: fetch("map", x), [1, 2]))


class Slow(object):
    def __init__(self, v):
        self.v = fetch("init", v)

    def __eq__(self, other):
        return fetch("eq", self.v) == other.v

    def __hash__(self):
        return fetch("hash", self.v) % 7

    @property
    def double(self):
        return fetch("prop", self.v) * 2

    def __repr__(self):
        return "Slow(%s)" % fetch("repr", self.v)


def in_init():
    return Slow(5).v


def in_dict():
    a = Slow(1)
    b = Slow(1)
    d = {a: "first"}
    return d[b]


def in_property():
    s = Slow(4)
    return s.double


class Seq(object):
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return fetch("getitem", i)


def in_getitem():
    return [x for x in Seq()]


def gen(n):
    for i in range(n):
        yield fetch("gen", i)


def in_generator():
    return list(gen(3)), sum(gen(2)), ",".join(str(x) for x in gen(2))


def in_reduce():
    return functools.reduce(lambda a, b: fetch("reduce", a + b), [1, 2, 3])


def in_min():
    return min([5, 3, 9], key=lambda x: fetch("min", -x))


def in_format():
    # a tuple display here would be compiled like an f-string by 3.11 (repr of the first
    # before the second is made), a 3.7/3.11 difference: format a prepared tuple
    args = (Slow(7), Slow(8))
    return "%r and %s" % args


def server():
    # answers every request: doubles ints, passes other things back
    n = 0
    while True:
        tag, x = ch.receive()
        n += 1
        ch.send(x * 10 if isinstance(x, int) else x)


tests = [in_sorted, in_map, in_init, in_dict, in_property, in_getitem, in_generator,
         in_reduce, in_min, in_format]


def runner(fn, results):
    try:
        results.append((fn.__name__, fn()))
    except Exception as e:
        results.append((fn.__name__, "error", type(e).__name__, str(e)))


def main():
    srv = stackless.tasklet(server)()
    results = []
    for fn in tests:
        t = stackless.tasklet(runner)(fn, results)
        stackless.run()
        print(results[-1], "restorable after" if t.alive else "done")
    # several at once, interleaved
    del results[:]
    tasks = [stackless.tasklet(runner)(fn, results) for fn in tests]
    stackless.run()
    print(sorted(results, key=lambda r: r[0]))
    print("all done:", not any(t.alive for t in tasks))
    # a blocked tasklet inside sorted(): is it restorable, and how deep is it nested?
    probe = stackless.channel()
    info = []
    def probe_key(x):
        info.append((stackless.current.nesting_level > 0, stackless.current.restorable))
        probe.receive()
        return x
    t = stackless.tasklet(lambda: sorted([2, 1], key=probe_key))()
    stackless.run()
    print("blocked in sorted: nesting>0 and restorable:", info[-1],
          "tasklet restorable", t.restorable)
    probe.send(None)
    probe.send(None)
    stackless.run()
    print("finished:", not t.alive)
    # kill a tasklet blocked inside a native call
    t = stackless.tasklet(lambda: sorted([2, 1], key=probe_key))()
    stackless.run()
    t.kill()
    print("killed inside sorted: alive", t.alive, "balance", probe.balance)
    srv.kill()
    print("trace length", len(trace), "first", trace[:5])


main()
