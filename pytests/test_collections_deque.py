# deque as the queue stackless programs use: long runs of append/popleft, rotation and
# bounded history, checked against a plain-list model; plus Counter/defaultdict/namedtuple.
from collections import deque, defaultdict, Counter, namedtuple


def test_queue_matches_list_model():
    d, model = deque(), []
    seed = 12345
    for step in range(20000):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        op = seed % 7
        if op < 3:
            d.append(step); model.append(step)
        elif op == 3:
            d.appendleft(step); model.insert(0, step)
        elif op == 4 and model:
            assert d.popleft() == model.pop(0)
        elif op == 5 and model:
            assert d.pop() == model.pop()
        elif op == 6 and model:
            k = seed % 5 - 2
            d.rotate(k)
            k %= len(model)
            model[:] = model[-k:] + model[:-k] if k else model
        assert len(d) == len(model)
    assert list(d) == model
    assert [d[i] for i in range(0, len(d), 97)] == model[::97]


def test_bounded_history():
    h = deque(maxlen=5)
    for i in range(1000):
        h.append(i)
    assert list(h) == [995, 996, 997, 998, 999] and h.maxlen == 5
    h.extendleft(range(3))
    assert list(h) == [2, 1, 0, 995, 996]


def test_mutation_during_iteration_raises():
    d = deque(range(10))
    try:
        for x in d:
            if x == 3:
                d.append(99)
    except RuntimeError as e:
        assert str(e) == "deque mutated during iteration"
    else:
        raise AssertionError("no RuntimeError")


def test_helpers():
    words = "the quick brown fox jumps over the lazy dog the end".split()
    c = Counter(words)
    assert c["the"] == 3 and c.most_common(1) == [("the", 3)]
    g = defaultdict(list)
    for w in words:
        g[len(w)].append(w)
    assert g[3] == ["the", "fox", "the", "dog", "the", "end"]
    P = namedtuple("P", "x y")
    p = P(1, 2)
    assert p.x + p.y == 3 and P._make((3, 4)).y == 4


for name, fn in list(globals().items()):
    if name.startswith("test_"):
        fn()
print("ok")
