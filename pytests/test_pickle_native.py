# The C# _pickle: pickle's Pickler/Unpickler are _pickle's, it is re-entrant (a reduce
# function may pickle on its own), runs inside tasklets, stops deep nesting with
# RecursionError, and after `import stackless` follows Stackless's two rules (a function
# that cannot be found by name is pickled by value; a module's __dict__ by reference).
import io
import pickle
import sys
import _pickle


def test_pickle_uses_the_native_classes():
    assert pickle.Pickler is _pickle.Pickler and pickle.Unpickler is _pickle.Unpickler
    assert pickle.dumps is _pickle.dumps and pickle.loads is _pickle.loads
    assert issubclass(pickle.PicklingError, pickle.PickleError)
    assert pickle.PickleError.__module__ == "_pickle"


class Nested:
    """Its reduction pickles something else with a new pickler (re-entrancy)."""
    def __init__(self, payload):
        self.payload = payload

    def __reduce__(self):
        return (Nested._restore, (pickle.dumps(self.payload, 2),))

    @staticmethod
    def _restore(blob):
        return Nested(pickle.loads(blob))


def test_reentrant_reduce():
    obj = [Nested([1, Nested("inner")]), 5]
    back = pickle.loads(pickle.dumps(obj, 4))
    assert back[1] == 5 and back[0].payload[0] == 1 and back[0].payload[1].payload == "inner"


def test_deep_nesting_is_recursion_error():
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)
    try:
        deep = []
        for _ in range(100000):
            deep = [deep]
        try:
            pickle.dumps(deep)
        except RecursionError as e:
            assert "while pickling an object" in str(e)
        else:
            raise AssertionError("no RecursionError")
        # a nesting the limit allows round-trips
        ok = []
        for _ in range(200):
            ok = [ok]
        assert pickle.loads(pickle.dumps(ok)) == ok
    finally:
        sys.setrecursionlimit(old)


def test_unpickler_reads_only_its_pickle_from_a_file():
    f = io.BytesIO()
    for proto in range(6):
        pickle.dump({"p": proto}, f, proto)
    f.write(b"tail")
    f.seek(0)
    assert [pickle.load(f)["p"] for _ in range(6)] == list(range(6))
    assert f.read() == b"tail"


class NoPeek:
    """A file with read/readline only: the unpickler must not read past its pickle."""
    def __init__(self, data):
        self.f = io.BytesIO(data)

    def read(self, n):
        return self.f.read(n)

    def readline(self):
        return self.f.readline()


def test_file_without_peek():
    data = pickle.dumps(list(range(50)), 0) + pickle.dumps("x" * 70000, 4) + b"!"
    f = NoPeek(data)
    assert pickle.load(f) == list(range(50))
    assert pickle.load(f) == "x" * 70000
    assert f.read(10) == b"!"


def test_inside_tasklets_and_stackless_rules():
    import stackless
    results = []

    def work(n):
        data = {"n": n, "sq": [i * i for i in range(n)]}
        stackless.schedule()
        results.append(pickle.loads(pickle.dumps(data, 2)))

    for n in range(3):
        stackless.tasklet(work)(n)
    stackless.run()
    assert sorted(r["n"] for r in results) == [0, 1, 2]

    # a local function cannot be found by name: pickled by value once stackless is imported
    def local(x, k=3):
        return x * k
    clone = pickle.loads(pickle.dumps(local, 2))
    assert clone is not local and clone(2) == 6
    # a module's __dict__ is pickled as a reference to the module's
    assert pickle.loads(pickle.dumps(sys.__dict__, 2)) is sys.__dict__
    assert pickle.loads(pickle.dumps({"d": io.__dict__}, 4))["d"] is io.__dict__


def test_picklebuffer_in_band_and_out_of_band():
    ba = bytearray(b"abc")
    pb = pickle.PickleBuffer(ba)
    with memoryview(pb) as m:
        assert not m.readonly
        m[0] = 48
    assert bytes(pb) == b"0bc"
    assert memoryview(pickle.PickleBuffer(b"xy")).readonly
    # in band: a bytearray comes back as BYTEARRAY8, bytes as bytes
    assert pickle.loads(pickle.dumps(pickle.PickleBuffer(ba), 5)) == bytearray(b"0bc")
    assert pickle.loads(pickle.dumps(pickle.PickleBuffer(b"ro"), 5)) == b"ro"
    # out of band: the callback gets the buffer, loads takes it back
    got = []
    data = pickle.dumps([pickle.PickleBuffer(ba)], 5, buffer_callback=got.append)
    assert len(got) == 1 and b"0bc" not in data
    back = pickle.loads(data, buffers=got)
    assert bytes(back[0]) == b"0bc"
    try:
        pickle.loads(data)
    except pickle.UnpicklingError as e:
        assert "out-of-band" in str(e)
    else:
        raise AssertionError("no buffers given")
    try:
        pickle.dumps(pickle.PickleBuffer(ba), 4)
    except pickle.PicklingError as e:
        assert str(e) == "PickleBuffer can only pickled with protocol >= 5"
    else:
        raise AssertionError("protocol 4")
    pb.release()
    try:
        memoryview(pb)
    except ValueError as e:
        assert "released PickleBuffer" in str(e)
    else:
        raise AssertionError("released")


for _name, _f in list(globals().items()):
    if _name.startswith("test_"):
        _f()
