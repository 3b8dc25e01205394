"""A service whose tasklets hand blocking work to real OS threads: a worker thread with its
own scheduler serves requests over a channel shared across threads (the main thread's
tasklets block on it, the others keep running), a plain thread feeds a queue.Queue that a
poller tasklet drains, stackless.threads and get_thread_info describe both schedulers,
and an exception in the worker's tasklet reaches the caller by send_exception."""
import queue
import threading
import time

import stackless

T = 10


stop = stackless.channel()


def worker_thread(requests, ready, stats):
    """Runs in its own OS thread: a scheduler with three server tasklets."""
    ready.set()

    def server(k):
        while True:
            item = requests.receive()
            if item is None:
                return
            n, reply = item
            stats["served"] += 1
            if n < 0:
                reply.send_exception(ValueError, "negative %d" % n)
            else:
                time.sleep(0.001)          # blocking work: only this thread waits
                reply.send(sum(i * i for i in range(n)))

    for k in range(3):
        stackless.tasklet(server)(k)
    stats["runcount_in_thread"] = stackless.getruncount()
    stackless.run()
    # the servers all wait on the channel: run() has returned. The thread's main tasklet
    # waits too, on its own channel: with other threads alive, that blocks the thread.
    try:
        stats["stop"] = stop.receive()
    except RuntimeError as e:
        stats["stop"] = str(e)
    stackless.run()
    stats["thread_done"] = True


def main():
    requests = stackless.channel()
    ready = threading.Event()
    stats = {"served": 0}
    th = threading.Thread(target=worker_thread, args=(requests, ready, stats))
    th.start()
    assert ready.wait(T)
    while stats.get("runcount_in_thread") is None or requests.balance > -3:
        time.sleep(0.005)     # the worker's three servers wait on the channel
    print("servers waiting:", -requests.balance)
    main_id = threading.get_ident()
    print("threads with a scheduler:", len(stackless.threads), main_id in stackless.threads,
          th.ident in stackless.threads)
    try:
        m, cur, rc = stackless.get_thread_info(th.ident)
        print("worker thread info: main is not ours", m is not stackless.main, "runcount", rc)
    except RuntimeError as e:
        print("worker thread info:", e)
    m, cur, rc = stackless.get_thread_info(main_id)
    print("main thread info:", m is stackless.main, cur is stackless.current, rc)

    results = {}
    ticks = [0]

    def client(k, n):
        reply = stackless.channel()
        try:
            requests.send((n, reply))
            results[k] = reply.receive()
        except ValueError as e:
            results[k] = "error: %s" % e

    def ticker():
        # keeps running while the clients wait for the other thread
        while len(results) < 8:
            ticks[0] += 1
            stackless.schedule()

    for k, n in enumerate([10, 100, -1, 1000, 5, -7, 50, 0]):
        stackless.tasklet(client)(k, n)
    stackless.tasklet(ticker)()
    stackless.run()
    for k in sorted(results):
        print("client", k, results[k])
    print("ticker ran while waiting:", ticks[0] > 0)

    # a plain thread feeds a queue.Queue; a poller tasklet drains it without blocking others
    q = queue.Queue()
    def feeder():
        for i in range(20):
            q.put(i)
        q.put(None)
    got = []
    def poller():
        while True:
            try:
                item = q.get_nowait()
            except queue.Empty:
                time.sleep(0.001)
                stackless.schedule()
                continue
            if item is None:
                return
            got.append(item)
    f = threading.Thread(target=feeder)
    stackless.tasklet(poller)()
    f.start()
    stackless.run()
    f.join(T)
    print("drained:", got == list(range(20)))

    # stop the worker's servers; its run() returns and the thread ends
    for k in range(3):
        requests.send(None)
    stop.send("stop")
    th.join(T)
    print("worker's main got:", stats["stop"])
    print("worker ended:", not th.is_alive(), "served", stats["served"], "done", stats.get("thread_done"))
    print("threads now:", th.ident in stackless.threads, "runcount", stackless.getruncount())


main()
