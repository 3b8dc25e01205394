# __del__ and gc: run after the object is unreachable and gc.collect() (or later, at a tick),
# once (PEP 442), with exceptions reported through sys.unraisablehook.
import gc
import sys


def test_del_runs_at_collect():
    log = []

    class A:
        def __del__(self):
            log.append(self.n)

    a = A()
    a.n = 1
    del a
    n = gc.collect()
    assert log == [1], log
    assert isinstance(n, int)


def test_del_of_cycle():
    log = []

    class Node:
        def __del__(self):
            log.append(self.name)

    a, b = Node(), Node()
    a.name, b.name = "a", "b"
    a.other, b.other = b, a
    del a, b
    gc.collect()
    assert sorted(log) == ["a", "b"], log


def test_resurrection_calls_del_once():
    saved = []
    calls = []

    class R:
        def __del__(self):
            calls.append(1)
            saved.append(self)

    R()
    gc.collect()
    assert len(saved) == 1 and calls == [1]
    assert gc.is_finalized(saved[0])
    saved.clear()
    gc.collect()
    assert calls == [1], calls


def test_is_finalized_false_before():
    class A:
        def __del__(self):
            pass
    a = A()
    assert not gc.is_finalized(a)


def test_exception_goes_to_unraisablehook():
    seen = []

    class E:
        def __del__(self):
            raise ValueError("boom")

    old = sys.unraisablehook
    sys.unraisablehook = lambda u: seen.append((u.exc_type, str(u.exc_value), u.object))
    try:
        E()
        gc.collect()
    finally:
        sys.unraisablehook = old
    assert len(seen) == 1, seen
    assert seen[0][0] is ValueError and seen[0][1] == "boom"
    assert seen[0][2] is E.__del__


def test_del_added_to_subclass_of_builtin():
    log = []

    class L(list):
        def __del__(self):
            log.append(len(self))

    class M(list):
        # a Python __init__: the loop's own path for calling a class
        def __init__(self, n):
            super().__init__(range(n))

        def __del__(self):
            log.append(len(self))

    L([1, 2, 3])
    gc.collect()
    M(5)
    gc.collect()
    assert log == [3, 5], log


def test_eventually_without_collect():
    log = []

    class A:
        def __del__(self):
            log.append(1)

    A()
    junk = None
    for _ in range(2000):
        if log:
            break
        junk = [list(range(100)) for _ in range(200)]
    assert log == [1], "a dead object's __del__ ran at a tick without gc.collect()"


def test_gc_callbacks_and_count():
    phases = []
    cb = lambda phase, info: phases.append((phase, info["generation"]))
    gc.callbacks.append(cb)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(cb)
    assert phases == [("start", 2), ("stop", 2)], phases
    gc.collect()
    c0 = gc.get_count()[0]
    x = [[] for _ in range(1000)]
    assert gc.get_count()[0] > c0
    assert gc.get_threshold() == (700, 10, 10)
    gc.disable()
    assert not gc.isenabled()
    gc.enable()
    assert gc.isenabled()


def test_collect_inside_del_does_not_recurse():
    results = []

    class A:
        def __del__(self):
            results.append(gc.collect())

    A()
    gc.collect()
    assert results == [0], results


for _name, _fn in list(globals().items()):
    if _name.startswith('test_'):
        _fn()
print('ok')


def test_exit_runs_pending_finalizers():
    # At exit the finally blocks of generators left suspended in try run (alive ones and
    # dropped ones not yet collected), and so does __del__ of instances still alive.
    import subprocess
    import textwrap
    prog = textwrap.dedent("""
        def g(n):
            try:
                yield n
            finally:
                print("cleanup", n)
        x = g(1); next(x)
        def f():
            y = g(2); next(y)
        f()
        class Holder:
            def __init__(self): self.gen = g(3); next(self.gen)
            def __del__(self): print("del holder")
        h = Holder()
        print("end")
    """)
    out = subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "end", lines
    assert sorted(lines[1:]) == ["cleanup 1", "cleanup 2", "cleanup 3", "del holder"], lines
