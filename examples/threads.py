"""Threads and tasklets: two OS threads each run their own scheduler; channels carry work
from one thread's tasklets to the other's; a plain thread (no tasklets of its own) sends into
a channel; tasklet.bind_thread moves a tasklet; run(threadblock=True) waits for other
threads instead of declaring a deadlock."""
import sys
import threading
import time
import stackless

work = stackless.channel()
results = stackless.channel()
lock = threading.Lock()
events = []


def note(*a):
    with lock:
        events.append(a)


def worker_thread(name, n_tasklets):
    def worker(i):
        while True:
            job = work.receive()
            if job is None:
                note("stop", name)
                return
            results.send((name, job, job * job))
    ts = [stackless.tasklet(worker)(i) for i in range(n_tasklets)]
    note("thread scheduler", name, stackless.getruncount() - 1 == n_tasklets or
         stackless.getruncount())
    stackless.run()
    # the workers block on `work`: run() returns once only main is runnable
    while any(t.alive for t in ts):
        stackless.schedule()
        time.sleep(0.001)
    note("thread done", name, stackless.current.is_main)


def feeder(n):
    # a plain thread: main tasklet of its own thread sends into the channel
    for i in range(n):
        work.send(i)


def main():
    print("main thread runcount", stackless.getruncount())
    t1 = threading.Thread(target=worker_thread, args=("A", 3))
    t2 = threading.Thread(target=worker_thread, args=("B", 2))
    t1.start()
    t2.start()
    f = threading.Thread(target=feeder, args=(40,))
    f.start()
    got = []
    for i in range(40):
        got.append(results.receive())
    f.join()
    for i in range(5):
        work.send(None)
    t1.join()
    t2.join()
    print("results", len(got), "sum of squares", sum(r[2] for r in got))
    print("jobs", sorted(r[1] for r in got) == list(range(40)))
    print("both threads worked", sorted(set(r[0] for r in got)))
    print("events", sorted(e for e in events if e[0] != "thread scheduler"))
    print("schedulers ok", all(e[2] is True for e in events if e[0] == "thread scheduler"))
    print("balance", work.balance, results.balance)

    # bind_thread: a tasklet made here, moved to another thread and run there
    ready = threading.Event()
    go = threading.Event()
    holder = {}
    def other():
        holder["tid"] = threading.get_ident()
        ready.set()
        go.wait()
        stackless.run()
        holder["done"] = True
    out = []
    def job():
        out.append(threading.get_ident())
    t = stackless.tasklet(job)
    t.bind(job, ())
    th = threading.Thread(target=other)
    th.start()
    ready.wait()
    t.bind_thread(holder["tid"])
    print("bound to other thread:", t.thread_id == holder["tid"])
    t.insert()
    go.set()
    th.join()
    print("ran on other thread:", out == [holder["tid"]], "alive", t.alive)

    # tasklets of a finished thread
    c = stackless.channel()
    box = {}
    def maker():
        box["t"] = stackless.tasklet(c.receive)()
        stackless.schedule()
    th = threading.Thread(target=maker)
    th.start()
    th.join()
    lost = box["t"]
    print("tasklet of ended thread: alive", lost.alive, "thread_id", lost.thread_id,
          "balance", c.balance)

    # threadblock: main waits in run() while a thread sends later
    c2 = stackless.channel()
    def recv():
        print("received from thread:", c2.receive())
    stackless.tasklet(recv)()
    def late():
        time.sleep(0.05)
        c2.send("late value")
    th = threading.Thread(target=late)
    th.start()
    stackless.run()
    print("after run: balance", c2.balance)
    stackless.run(threadblock=True)
    th.join()
    print("threads with schedulers:", stackless.threads == [threading.get_ident()] or
          sorted(stackless.threads))


main()
