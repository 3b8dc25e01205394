# A SIGINT a watchdog thread sends to its own process interrupts the tasklet that runs on the
# main thread (as Stackless 3.7.5: the expected output below was recorded with it): the
# worker tasklet gets KeyboardInterrupt, runs its finally block, and the exception reaches
# main's run(). It ran in the sending thread here before (main never heard of it).
from host_process import run


def test_sigint_from_a_thread_reaches_the_running_tasklet():
    rc, out, err = run("""
        import os, signal, stackless, threading
        started = threading.Event()
        def killer():
            started.wait()
            os.kill(os.getpid(), signal.SIGINT)
        threading.Thread(target=killer, daemon=True).start()
        def worker():
            started.set()
            try:
                while True:
                    stackless.schedule()
            except KeyboardInterrupt:
                print("worker got KeyboardInterrupt")
                raise
            finally:
                print("worker finally")
        stackless.tasklet(worker)()
        try:
            stackless.run()
        except KeyboardInterrupt:
            print("main got KeyboardInterrupt", stackless.getruncount())
        """)
    assert (rc, out, err) == (0, "worker got KeyboardInterrupt\nworker finally\nmain got KeyboardInterrupt 1\n", ""), (rc, out, err)


for _name, _fn in list(globals().items()):
    if _name.startswith("test_") and callable(_fn):
        _fn()
print("ok")
