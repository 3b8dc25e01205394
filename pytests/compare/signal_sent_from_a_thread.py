# A signal a thread sends to its own process (os.kill, signal.raise_signal) runs its Python
# handler in the main thread, as CPython's rule is: the sending thread goes on, and the
# handler's exception interrupts the main thread (a server's watchdog thread that stops the
# program with SIGINT). The handler ran in the sending thread here before.
import os
import signal
import threading
import time

seen = []


def handler(sig, frame):
    seen.append((signal.Signals(sig).name, threading.current_thread() is threading.main_thread()))
    raise KeyboardInterrupt


signal.signal(signal.SIGUSR1, handler)
signal.signal(signal.SIGUSR2, handler)

for send in (lambda: os.kill(os.getpid(), signal.SIGUSR1), lambda: signal.raise_signal(signal.SIGUSR2)):
    errors = []
    ready = threading.Event()

    def sender():
        ready.wait()    # main is past t.start(), in its loop (a signal inside start() would be a race)
        try:
            send()
        except BaseException as e:
            errors.append(type(e).__name__)

    t = threading.Thread(target=sender)
    try:
        t.start()
        ready.set()
        for i in range(400):
            time.sleep(0.025)
        print("not interrupted")
    except KeyboardInterrupt:
        print("main interrupted")
    t.join()
    print(seen, errors)
    seen.clear()
