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

for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
