"""A small "uthread" library as Stackless programs have carried since the early days
(Sleep, Lock, Queue, Event, WaitAny, parallel map), written over channels, and a tasklet
subclass that records its own name and result. Simulated time keeps it deterministic."""
import collections
import heapq
import stackless


class Clock(object):
    def __init__(self):
        self.now = 0
        self.sleepers = []
        self.seq = 0

    def sleep(self, ticks):
        ch = stackless.channel()
        self.seq += 1
        heapq.heappush(self.sleepers, (self.now + ticks, self.seq, ch))
        ch.receive()

    def advance(self):
        """Wake the next sleepers once nothing else can run; False when nobody sleeps."""
        while stackless.getruncount() > 1:
            stackless.schedule()
        if not self.sleepers:
            return False
        when = self.sleepers[0][0]
        self.now = when
        while self.sleepers and self.sleepers[0][0] == when:
            ch = heapq.heappop(self.sleepers)[2]
            ch.send(None)
        return True


clock = Clock()


class NamedTasklet(stackless.tasklet):
    __slots__ = ("name", "result", "error")

    def __new__(cls, func, name):
        return stackless.tasklet.__new__(cls, func)

    def __init__(self, func, name):
        stackless.tasklet.__init__(self, func)     # binds func
        self.name = name
        self.result = None
        self.error = None

    def __repr__(self):
        return "<%s %s alive=%s>" % (type(self).__name__, self.name, self.alive)


def spawn(name, func, *args):
    def wrapper():
        t = stackless.getcurrent()
        try:
            t.result = func(*args)
        except Exception as e:
            t.error = e
    t = NamedTasklet(wrapper, name)
    t()
    return t


class Lock(object):
    def __init__(self):
        self.owner = None
        self.waiting = stackless.channel()
        self.waiting.preference = 1

    def acquire(self):
        me = stackless.getcurrent()
        if self.owner is None:
            self.owner = me
            return
        if self.owner is me:
            raise RuntimeError("not reentrant")
        self.waiting.receive()
        self.owner = me

    def release(self):
        self.owner = None
        if self.waiting.balance < 0:
            self.waiting.send(None)

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *exc):
        self.release()


class Queue(object):
    def __init__(self, maxsize=0):
        self.items = collections.deque()
        self.maxsize = maxsize
        self.getters = stackless.channel()
        self.putters = stackless.channel()

    def put(self, item):
        while self.maxsize and len(self.items) >= self.maxsize:
            self.putters.receive()
        if self.getters.balance < 0:
            self.getters.send(item)
        else:
            self.items.append(item)

    def get(self):
        if self.items:
            item = self.items.popleft()
            if self.putters.balance < 0:
                self.putters.send(None)
            return item
        return self.getters.receive()


class Event(object):
    def __init__(self):
        self.flag = False
        self.ch = stackless.channel()

    def set(self):
        self.flag = True
        while self.ch.balance < 0:
            self.ch.send(None)

    def wait(self):
        if not self.flag:
            self.ch.receive()


def wait_any(channels):
    """Receive from whichever channel delivers first: one helper tasklet per channel."""
    result = stackless.channel()
    helpers = []

    def listen(i, ch):
        v = ch.receive()
        result.send((i, v))
    for i, ch in enumerate(channels):
        helpers.append(stackless.tasklet(listen)(i, ch))
    got = result.receive()
    for h in helpers:
        if h.alive:
            h.kill()
    return got


def pmap(func, items):
    out = [None] * len(items)
    done = stackless.channel()

    def one(i, x):
        out[i] = func(x)
        done.send(i)
    for i, x in enumerate(items):
        stackless.tasklet(one)(i, x)
    for _ in items:
        done.receive()
    return out


log = []


def account_worker(name, lock, account, amount, times):
    for i in range(times):
        with lock:
            bal = account[0]
            clock.sleep(1)               # holding the lock across a switch
            account[0] = bal + amount
        log.append((clock.now, name))
    return account[0]


def producer(q, n):
    for i in range(n):
        q.put(i)
        clock.sleep(1)
    q.put(None)
    return "produced %d" % n


def consumer(q, name):
    got = []
    while True:
        item = q.get()
        if item is None:
            q.put(None)                  # let the other consumer stop too
            return got
        got.append(item)
        clock.sleep(2)


def slow_square(x):
    clock.sleep(10 - x)
    return x * x


def failing():
    clock.sleep(3)
    raise ValueError("boom at %d" % clock.now)


def main():
    lock = Lock()
    account = [0]
    ws = [spawn("w%d" % i, account_worker, "w%d" % i, lock, account, 10 * (i + 1), 3)
          for i in range(3)]
    q = Queue(maxsize=2)
    p = spawn("producer", producer, q, 7)
    cs = [spawn("c%d" % i, consumer, q, "c%d" % i) for i in range(2)]
    ev = Event()
    waiters = [spawn("e%d" % i, lambda i=i: (ev.wait(), clock.now, i)[1:]) for i in range(3)]
    f = spawn("failing", failing)
    m = spawn("pmap", pmap, slow_square, list(range(5)))
    chans = [stackless.channel() for i in range(3)]
    wa = spawn("wait_any", wait_any, chans)

    def setter():
        clock.sleep(5)
        ev.set()
        clock.sleep(1)
        chans[2].send("third first")
    spawn("setter", setter)
    while clock.advance():
        pass
    print("account", account, "log", log)
    for t in ws + [p] + cs + waiters + [f, m, wa]:
        print(t, "result", t.result, "error", repr(t.error))
    print("isinstance", isinstance(ws[0], stackless.tasklet), type(ws[0]).__mro__[1].__name__)
    print("now", clock.now, "runcount", stackless.getruncount(),
          "channels", [c.balance for c in chans])


main()
