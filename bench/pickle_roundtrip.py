"""pickle.dumps + pickle.loads of a list of 20,000 small records (dicts, tuples, strs,
floats, ints), at protocols 2 and 4, 5 rounds. Prints:
pickle_roundtrip seconds=<s> check=<v> [tasklets_s=<s> tasklets_check=<v>]
With a `stackless` module (ours, Stackless 3.7.5: REF=/tmp/slp-install/bin/python3), it also
pickles and unpickles 1,000 tasklets blocked on a channel inside a function (tasklets_s)."""
import pickle
import time


def records(n):
    return [{"id": i, "name": "item%d" % i, "score": i * 0.5, "tags": ("a", "b", i % 7),
             "ok": i % 3 == 0, "parent": None if i % 5 else i - 1} for i in range(n)]


def data_work():
    data = records(20000)
    check = 0
    for rnd in range(5):
        for proto in (2, 4):
            blob = pickle.dumps(data, proto)
            back = pickle.loads(blob)
            check += len(blob) + len(back) + back[-1]["id"]
    return check


def tasklet_work(stackless):
    ch = stackless.channel()

    def worker(i, ch):
        total = i
        v = ch.receive()
        return total + v

    ts = [stackless.tasklet(worker)(i, ch) for i in range(1000)]
    stackless.run()
    check = 0
    for rnd in range(3):
        blob = pickle.dumps(ts, 2)
        back = pickle.loads(blob)
        check += len(back)
    for t in ts:
        t.kill()
    return check


t0 = time.perf_counter()
check = data_work()
line = "pickle_roundtrip seconds=%.4f check=%d" % (time.perf_counter() - t0, check)
try:
    import stackless
except ImportError:
    stackless = None
if stackless is not None:
    t1 = time.perf_counter()
    tcheck = tasklet_work(stackless)
    line = "tasklets_s=%.4f tasklets_check=%d " % (time.perf_counter() - t1, tcheck) + line
print(line)
