# Differences from Stackless 3.7.5 found by the users' programs of the third round
# (examples/); each expected value is what the reference printed for the same code.
import stackless


def test_setup_takes_keyword_arguments():
    # scheduler_tour.py: tasklet.setup(*args, **kwargs) as tasklet(...)() does; 3.7.5 printed
    # "job 1 2 (3,) [('x', 4)]"; we said "tasklet.setup() takes no keyword arguments".
    out = []
    def job(a, b=0, *rest, **kw):
        out.append((a, b, rest, sorted(kw.items())))
    t = stackless.tasklet(job)
    t.setup(1, 2, 3, x=4)
    assert (t.alive, t.scheduled) == (True, True)
    stackless.run()
    assert out == [(1, 2, (3,), [("x", 4)])], out
    t = stackless.tasklet(job)
    t.setup(b=5, a=6)
    stackless.run()
    assert out[-1] == (6, 5, (), []), out


for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
