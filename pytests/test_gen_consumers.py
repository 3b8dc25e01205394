# Natives that consume a generator (sum, any, all, min, max, and what else uses
# IterationConsumer) run it in the caller's loop when called from Python code: no nested loop
# per item, so a tasklet that blocks inside the generator switches softly (stays restorable,
# nesting level 0). Called from C# (map, a key function ...) they still work nested.
import stackless, sys

def level_gen():
    yield stackless.current.nesting_level

def test_consumed_in_the_loop():
    base = stackless.current.nesting_level
    assert sum(level_gen()) == base
    assert max(level_gen()) == base and min(level_gen()) == base
    assert any(x == base for x in level_gen()) and all(x == base for x in level_gen())
    assert list(level_gen()) == [base] and tuple(level_gen()) == (base,) and sorted(level_gen()) == [base]
    assert "".join(str(x) for x in level_gen()) == str(base)
    assert set(level_gen()) == {base} and dict((x, x) for x in level_gen()) == {base: base}
    l = []; l.extend(level_gen()); assert l == [base]

def test_consumed_from_native_code_is_nested():
    base = stackless.current.nesting_level
    # sum called by map (a native): the generator runs on a nested loop
    r = list(map(sum, [level_gen(), level_gen()]))
    assert r == [base + 1, base + 1], r

def test_block_inside_consumed_generator_is_soft():
    ch = stackless.channel()
    log = []
    def gen(n):
        for i in range(n):
            yield ch.receive()
    def worker():
        log.append(("sum", sum(gen(2))))
        log.append(("max", max(x * 2 for x in gen(2))))
        log.append(("any", any(v > 10 for v in gen(3))))
        log.append(("list", list(gen(1)), sorted(gen(2)), "".join(str(x) for x in gen(1))))
    t = stackless.tasklet(worker)()
    stackless.run()
    assert t.blocked and t.restorable and t.nesting_level == 0, (t.restorable, t.nesting_level)
    assert t.frame.f_code.co_name == "gen"
    for v in [1, 2, 5, 3, 20, 7, 9, 8, 6]:
        ch.send(v)
    assert log == [("sum", 3), ("max", 10), ("any", True), ("list", [7], [8, 9], "6")], log
    assert ch.balance == 0 and not t.alive

def test_kill_while_blocked_in_consumed_generator():
    ch = stackless.channel()
    log = []
    def gen():
        try:
            yield ch.receive()
        finally:
            log.append("gen finally")
    def victim():
        try:
            sum(gen())
        except TaskletExit:
            log.append("exit")
            raise
    t = stackless.tasklet(victim)()
    stackless.run()
    t.kill()
    assert log == ["gen finally", "exit"] and not t.alive, log

def test_consumer_error_raised_in_caller():
    def g():
        try:
            yield 1
            yield None
            yield 2
        except TypeError:
            yield "generator saw it"
    it = g()
    try:
        sum(it)
    except TypeError as e:
        assert e.__traceback__.tb_next is None      # raised by sum, in this frame
    else:
        assert False
    assert it.gi_suspended and next(it) == 2

def test_deep_recursion_through_consumers():
    def depth(n):
        return sum(depth(n - 1) for _ in (0,)) + 1 if n else 0
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(20000)
    try:
        assert depth(3000) == 3000
    finally:
        sys.setrecursionlimit(old)
    try:
        depth(100000)
    except RecursionError:
        pass
    else:
        assert False

def test_resume_at_the_limit_ends_the_generator():
    # whichever way it is resumed (by the loop, by a consumer, by native code), a generator
    # resumed at the recursion limit ends cleanly (it used to keep a pushed value or stay
    # "already executing")
    def gen():
        for i in range(3):
            yield i
    def f(n, how, G):
        return how(G) if n == 0 else f(n - 1, how, G)
    for how in (lambda G: sum(G), lambda G: list(zip(G, [1])), lambda G: [x for x in G][:1], lambda G: next(G)):
        # the first depth that fails is the one where the generator's resumption passes the limit
        depth = sys.getrecursionlimit() - 80
        while True:
            G = gen(); next(G)
            try:
                f(depth, how, G)
            except RecursionError:
                break
            depth += 1
        assert not G.gi_running and G.gi_frame is None
        try:
            next(G)
        except StopIteration:
            pass
        else:
            assert False

for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
