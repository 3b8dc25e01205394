# A tasklet stopped inside a generator that a native consumes (list(gen), sorted(gen),
# "".join(gen), sum, min/max, any/all, set, dict, tuple, list.extend) pickles and, unpickled,
# finishes with the same result. The loop runs such a generator on top of the native's caller
# (no nested loop), so the consumer's state so far is pickled with the generator's frame.
# (Stackless 3.7.5 cannot restore these: its frames there have C state.)
import pickle
import stackless

ch = stackless.channel()


def gen(n, conv=int):
    for i in range(n):
        yield conv(ch.receive())


def consume(kind):
    if kind == "list": return list(gen(3))
    if kind == "tuple": return tuple(gen(3))
    if kind == "sorted": return sorted(gen(3), key=lambda x: -x)
    if kind == "join": return "-".join(gen(3, str))
    if kind == "sum": return sum(gen(3), 100)
    if kind == "set": return set(gen(3))
    if kind == "dict": return dict((x, x * 2) for x in gen(3))
    if kind == "max": return max(gen(3), key=lambda x: x % 3)
    if kind == "min": return min(gen(3), default=None)
    if kind == "all": return all(gen(3, lambda v: v > 0))
    if kind == "any": return any(gen(3, lambda v: v < 0))
    if kind == "extend":
        r = [9]
        r.extend(gen(3))
        return r
    raise ValueError(kind)


EXPECTED = {
    "list": [5, 4, 7], "tuple": (5, 4, 7), "sorted": [7, 5, 4], "join": "5-4-7", "sum": 116,
    "set": {4, 5, 7}, "dict": {5: 10, 4: 8, 7: 14}, "max": 5, "min": 4, "all": True,
    "any": False, "extend": [9, 5, 4, 7],
}

results = []


def record(kind, r):
    results.append((kind, r))


def task(kind):
    # (not results.append(consume(kind)): the list would be on the value stack, and the
    # unpickled tasklet would append to its copy)
    r = consume(kind)
    record(kind, r)


def check(kind, pickled_after):
    del results[:]
    t = stackless.tasklet(task)(kind)
    t.run()
    for v in (5, 4, 7)[:pickled_after]:
        ch.send(v)
    s = pickle.dumps(t)
    t.kill()
    assert not t.alive
    t2 = pickle.loads(s)
    assert t2.restorable and t2.alive and not t2.blocked
    # unpickled, it is no longer blocked on the channel: it resumes with its tempval as
    # what the receive() returned (as in Stackless)
    t2.tempval = (5, 4, 7)[pickled_after]
    t2.insert()
    stackless.run()
    for v in (5, 4, 7)[pickled_after + 1:]:
        ch.send(v)
    assert results == [(kind, EXPECTED[kind])], (kind, pickled_after, results)
    assert not t2.alive


def test_consumers_resume_after_unpickling():
    for kind in EXPECTED:
        for after in (0, 1, 2):
            check(kind, after)


def test_consumer_state_is_in_the_pickle():
    # the generator's items taken so far live in the pickle, not in the old process's objects
    t = stackless.tasklet(task)("list")
    t.run()
    ch.send(5)
    s = pickle.dumps(t)
    t.kill()
    del results[:]
    t2 = pickle.loads(pickle.dumps(pickle.loads(s)))
    t2.tempval = 4
    t2.insert()
    stackless.run()
    ch.send(7)
    assert results == [("list", [5, 4, 7])], results


for _name, _fn in list(globals().items()):
    if _name.startswith("test_") and callable(_fn):
        _fn()
        assert stackless.getruncount() == 1, _name
print("ok")
