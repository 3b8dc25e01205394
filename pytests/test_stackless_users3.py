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


def test_attribute_error_names_the_stackless_type_with_its_module():
    # elevator_priority.py set an attribute on a tasklet; 3.7.5 said
    # "'_stackless.tasklet' object has no attribute 'prio'" (CPython's tp_name), we said 'tasklet'.
    for o, name in ((stackless.tasklet(), "tasklet"), (stackless.channel(), "channel"),
                    (stackless.atomic(), "atomic"), (stackless.bomb(), "bomb")):
        try:
            o.prio = 1
        except AttributeError as e:
            assert str(e) == "'_stackless.%s' object has no attribute 'prio'" % name, str(e)
        else:
            raise AssertionError("set prio on " + name)


for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
