# Nested stackless.run() calls ("watchdogs"): a tasklet waiting in run() that is resumed by
# other means (tasklet.run(), main.run() from another tasklet) ends its run() call and the
# run() calls nested deeper, whose tasklets become runnable again; and the watchdog stack
# that Stackless shows through get_thread_info(id, 1 << 31)[3] (item 0: the run() whose
# timeout is active). Outputs checked against Stackless 3.7.5.
import stackless


def watchdogs():
    return stackless.get_thread_info(-1, 1 << 31)[3]


def test_info_without_flags_is_three_items():
    info = stackless.get_thread_info(-1)
    assert len(info) == 3 and info[0] is stackless.main
    assert len(stackless.get_thread_info(-1, 1 << 31)) == 4


def test_watchdog_list_is_live():
    stackless.run()  # makes the list
    wl = watchdogs()
    assert wl == [None]
    seen = []

    def inner():
        seen.append(list(wl))

    def runner():
        stackless.tasklet(inner)()
        seen.append(list(wl))
        stackless.run()

    r = stackless.tasklet(runner)()
    stackless.run()
    # main waits in run(); then the runner waits in its own nested run()
    assert seen == [[None, stackless.main], [None, stackless.main, r]], seen
    assert wl == [None]
    assert watchdogs() is wl


def test_timeout_owner_is_item_zero():
    wl = watchdogs() or (stackless.run() or watchdogs())
    seen = []

    def looper():
        seen.append(list(wl))
        while True:
            pass

    t = stackless.tasklet(looper)()
    victim = stackless.run(100)
    assert victim is t
    assert seen == [[stackless.main, stackless.main]], seen
    assert wl == [None]
    t.kill()


def test_manual_wakeup_ends_deeper_runs():
    done = []

    def wakeup():
        stackless.main.run()
        done.append("wakeup")

    def runner():
        stackless.tasklet(wakeup)()
        stackless.run()
        done.append("runner")

    stackless.tasklet(runner)()
    stackless.run()
    # main was woken by wakeup(): the runner's nested run() ended with it, and the runner
    # is runnable again
    assert done == [], done
    assert stackless.getruncount() == 3
    stackless.run()
    assert sorted(done) == ["runner", "wakeup"], done
    assert watchdogs() == [None]


def test_run_from_worker_then_tasklet_run():
    done = []

    def runner():
        stackless.run()
        done.append("runner")

    def worker():
        stackless.schedule()
        done.append("worker")

    stackless.tasklet(worker)()
    t = stackless.tasklet(runner)()
    while not done:
        stackless.schedule()
    assert done == ["worker"] and watchdogs()[1:] == [t]
    t.run()
    assert done == ["worker", "runner"] and watchdogs() == [None]
    assert stackless.getruncount() == 1


for _name, _f in list(globals().items()):
    if _name.startswith("test_") and callable(_f):
        _f()
print("ok")
