# `s += piece` in a loop is amortised O(len(piece)) per step, as in CPython (which appends in
# place when the str has one reference): 400,000 appends copying the whole str each time would
# move ~3e11 bytes (minutes); appended in place they take well under a second of CPU.
import time


def cpu_of(fn):
    t0 = time.process_time()
    r = fn()
    return time.process_time() - t0, r


def test_local_append_is_linear():
    def run():
        s = ""
        for i in range(400000):
            s += "ab"
        return s
    secs, s = cpu_of(run)
    assert len(s) == 800000 and s[:4] == "abab" and s.count("ab") == 400000
    assert secs < 5.0, secs


def test_attribute_and_concat_forms_are_linear():
    class Box:
        text = ""
    def run():
        b = Box()
        t = ""
        for i in range(200000):
            b.text += "xy"
            t = t + str(i % 10)
        return b.text, t
    secs, (a, t) = cpu_of(run)
    assert len(a) == 400000 and len(t) == 200000 and t[:12] == "012345678901"
    assert secs < 5.0, secs


def test_branches_of_a_chain_keep_their_values():
    s = "-" * 200
    chain = [s]
    for i in range(50):
        s += str(i)
        chain.append(s)
    branch = chain[10] + "BRANCH"
    s += "TAIL"
    assert chain[10].endswith("9") and len(chain[10]) == 210
    assert branch == "-" * 200 + "0123456789BRANCH"
    assert s.endswith("4849TAIL") and chain[-1] + "TAIL" == s


for _name, _fn in list(globals().items()):
    if _name.startswith("test_") and callable(_fn):
        _fn()
