# sys.exit() in a tasklet other than main, as Stackless 3.7.5 behaves (each expected output
# and status below was recorded with the reference, /tmp/slp-install/bin/python3): on the
# first thread it ends the program at once: the other tasklets do not run again, the atexit
# callbacks run (still in the ending tasklet), then main is killed where it waits, so it gets
# TaskletExit (when it waits in run(); waiting elsewhere it never runs again: the process
# ends with the code). A TaskletExit that escapes main is reported with a traceback and status 1.
# On another thread the tasklet just ends. The error handler never sees SystemExit.
from host_process import run


def test_exit_in_tasklet_kills_main_and_stops_the_others():
    rc, out, err = run("""
        import stackless, sys, atexit
        atexit.register(lambda: print("atexit", stackless.current is stackless.main, stackless.runcount))
        def f():
            print("in f")
            sys.exit(3)
        def g():
            try:
                print("g runs")
                stackless.schedule()
                print("g again")
            finally:
                print("g finally")
        stackless.tasklet(g)()
        stackless.tasklet(f)()
        try:
            stackless.run()
        finally:
            print("main finally", sys.exc_info()[0].__name__)
        print("not reached")
        """)
    assert out == "g runs\nin f\natexit False 2\nmain finally TaskletExit\n", out
    assert rc == 1, (rc, err)
    assert err.startswith("Traceback (most recent call last):"), err
    assert err.rstrip().endswith("\nTaskletExit"), err


def test_main_that_catches_taskletexit_chooses_the_status():
    rc, out, err = run("""
        import stackless, sys
        def f():
            sys.exit(43)
        for i in range(3):
            stackless.tasklet(f)()
        try:
            stackless.run()
        except TaskletExit as e:
            print("main got", repr(e))
            sys.exit(42)
        print("OOPS")
        """)
    assert (rc, out, err) == (42, "main got TaskletExit()\n", ""), (rc, out, err)


def test_exit_message_is_printed_before_main_is_killed():
    rc, out, err = run("""
        import stackless, sys
        def f():
            sys.exit("bye")
        stackless.tasklet(f)()
        try:
            stackless.run()
        except TaskletExit:
            print("main killed")
        print("main goes on", stackless.current is stackless.main)
        """)
    assert (rc, out, err) == (0, "main killed\nmain goes on True\n", "bye\n"), (rc, out, err)


def test_exit_in_tasklet_of_other_thread_only_ends_it():
    rc, out, err = run("""
        import stackless, sys, threading
        calls = []
        stackless.set_error_handler(lambda *a: calls.append(a[0].__name__))
        def f():
            sys.exit(5)
        def th():
            stackless.tasklet(f)()
            stackless.run()
            print("thread after run", calls)
        t = threading.Thread(target=th); t.start(); t.join()
        def g():
            raise ValueError("v")
        stackless.tasklet(g)()
        stackless.run()
        print("handler got", calls)
        """)
    assert (rc, out, err) == (0, "thread after run []\nhandler got ['ValueError']\n", ""), (rc, out, err)


def test_taskletexit_escaping_main_is_an_error():
    rc, out, err = run("""
        import stackless
        raise TaskletExit(4)
        """)
    assert rc == 1, rc
    assert err.rstrip().endswith("TaskletExit: 4"), err


def test_main_not_in_run_is_not_resumed():
    # main blocked on a channel (or in schedule(), or switched away) is not killed: the
    # process ends with the code (the atexit callbacks still run)
    rc, out, err = run("""
        import stackless, sys, atexit
        atexit.register(lambda: print("atexit"))
        ch = stackless.channel()
        def f():
            sys.exit(9)
        stackless.tasklet(f)()
        try:
            ch.receive()
        except TaskletExit:
            print("main got TaskletExit")
        print("not reached")
        """)
    assert (rc, out, err) == (9, "atexit\n", ""), (rc, out, err)
    rc, out, err = run("""
        import stackless, sys
        def f():
            sys.exit("bye")
        stackless.tasklet(f)()
        stackless.schedule()
        print("not reached")
        """)
    assert (rc, out, err) == (1, "", "bye\n"), (rc, out, err)


def test_main_not_in_run_runs_no_handlers():
    # main waiting (in schedule_remove(), inside functions and a generator) is not unwound:
    # none of its except or finally blocks run, nor a generator's finally; a message code is
    # printed after what the program printed before
    rc, out, err = run("""
        import stackless, sys, atexit
        atexit.register(lambda: print("atexit"))
        def f():
            print("f")
            sys.exit("bye")
        def deep(k):
            try:
                if k == 0:
                    def g():
                        try:
                            yield 1
                            stackless.schedule_remove()
                            yield 2
                        finally:
                            print("gen finally")
                    for x in g():
                        print("x", x)
                else:
                    deep(k - 1)
            except BaseException as e:
                print("main except", k, type(e).__name__)
                raise
            finally:
                print("main finally", k)
        stackless.tasklet(f)()
        try:
            deep(2)
        finally:
            print("outer finally")
        """)
    assert (rc, out, err) == (1, "x 1\nf\natexit\n", "bye\n"), (rc, out, err)
    rc, out, err = run("""
        import stackless, sys
        ch = stackless.channel()
        def f():
            sys.exit(7)
        stackless.tasklet(f)()
        try:
            ch.receive()
        finally:
            print("finally")
        """)
    assert (rc, out, err) == (7, "", ""), (rc, out, err)


def test_exiting_tasklet_stays_stuck_in_its_exit():
    # main in run() got TaskletExit and goes on: the exiting tasklet stays in the queue, not
    # alive, and the next run() (or schedule(), or running it) ends the program with its
    # status, before any other tasklet runs again
    rc, out, err = run("""
        import stackless, sys, atexit
        atexit.register(lambda: print("atexit"))
        def worker():
            while True:
                stackless.schedule()
        def quitter():
            for i in range(3):
                stackless.schedule()
            print("quitting")
            sys.exit(4)
        for i in range(3):
            stackless.tasklet(worker)()
        q = stackless.tasklet(quitter)()
        loops = 0
        try:
            while loops < 5:
                loops += 1
                try:
                    stackless.run()
                except:
                    print("caught", sys.exc_info()[0].__name__, q.alive, q.scheduled, stackless.getruncount())
        finally:
            print("outer finally", loops)
        """)
    assert (rc, out, err) == (4, "quitting\natexit\ncaught TaskletExit False True 5\n", ""), (rc, out, err)
    rc, out, err = run("""
        import stackless, sys
        def f():
            sys.exit("bye")
        t = stackless.tasklet(f)()
        try:
            stackless.run()
        except TaskletExit:
            print("main got TaskletExit", t.alive, t.scheduled, t.restorable)
            sys.stdout.flush()
            t.run()
            print("not reached")
        """)
    assert (rc, out, err) == (1, "main got TaskletExit False True False\n", "bye\n"), (rc, out, err)


for _name, _fn in list(globals().items()):
    if _name.startswith("test_") and callable(_fn):
        _fn()
print("ok")
