# cProfile and profile with a deterministic timer (one tick per reading): the counts, the
# callers and the times of pstats must be CPython's exactly.
import cProfile, profile, pstats, io, sys, re

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def helper(x):
    try:
        int(x)
    except ValueError:
        return -1
    return x

def work():
    l = []
    for i in range(5):
        l.append(fib(i))
    len(l)
    sorted(l, key=lambda v: -v)
    helper('z')
    g = (i * 2 for i in range(3))
    return sum(g)

class Ticks:
    def __init__(self):
        self.t = 0
    def __call__(self):
        self.t += 1
        return self.t

def report(p):
    s = io.StringIO()
    st = pstats.Stats(p, stream=s)
    st.sort_stats('cumulative', 'name').print_stats()
    st.print_callers()
    out = re.sub(r' at 0x[0-9a-f]+', ' at ADDR', s.getvalue().replace(__file__, 'FILE'))
    print('\n'.join(l.rstrip() for l in out.splitlines() if l.strip()))

pr = cProfile.Profile(Ticks(), 1.0)
pr.enable()
work()
pr.disable()
report(pr)

pr = cProfile.Profile(Ticks(), 1.0, builtins=False)
pr.runcall(work)
report(pr)

pp = profile.Profile(Ticks())
pp.runcall(work)
report(pp)
