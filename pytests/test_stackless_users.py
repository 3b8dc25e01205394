# Differences from Stackless 3.7.5 found by running users' programs (examples/) under both;
# each expected value is what the reference printed for the same code.
import stackless, threading

T = 10

def test_bind_thread_to_thread_that_never_used_stackless():
    # Stackless 3.7.5: bind_thread accepts any live thread and gives it a scheduler (its id
    # appears in stackless.threads); the tasklet then runs there. We said "bad thread".
    t = stackless.tasklet(lambda: None)
    out = []
    t.bind(lambda: out.append(threading.get_ident()), ())
    try:
        t.bind_thread(12345)
    except ValueError as e:
        assert str(e) == "bad thread"
    else:
        raise AssertionError("bind_thread to no thread")
    ready, go, box = threading.Event(), threading.Event(), {}
    def th():
        box["id"] = threading.get_ident()
        ready.set()
        go.wait(T)
        box["runcount"] = stackless.getruncount()
        stackless.run()
    x = threading.Thread(target=th)
    x.start()
    assert ready.wait(T)
    t.bind_thread(box["id"])
    assert (t.thread_id == box["id"], t.alive, t.scheduled) == (True, True, False)
    assert box["id"] in stackless.threads
    t.insert()
    assert t.scheduled
    go.set()
    x.join(T)
    assert box["runcount"] == 2, box
    assert out == [box["id"]] and not t.alive

def test_channel_schedule_all_is_an_int_flag():
    # Stackless 3.7.5 printed 0, 1, 1, 0 and refused a str with this (its own) message
    c = stackless.channel()
    seen = [c.schedule_all]
    c.schedule_all = True
    seen.append(c.schedule_all)
    c.schedule_all = -3
    seen.append(c.schedule_all)
    c.schedule_all = False
    seen.append(c.schedule_all)
    assert seen == [0, 1, 1, 0] and all(type(x) is int for x in seen), seen
    try:
        c.schedule_all = "x"
    except TypeError as e:
        assert str(e) == "preference must be set to a bool or integer"
    else:
        raise AssertionError("schedule_all = 'x'")

for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
