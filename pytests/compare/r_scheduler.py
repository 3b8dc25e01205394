# A cooperative event scheduler built on generators (round-robin tasks, sleeps, messages).
class Scheduler:
    def __init__(self):
        self.ready = []
        self.sleeping = []
        self.time = 0
        self.mailboxes = {}
        self.log = []
    def spawn(self, name, gen):
        self.ready.append((name, gen, None))
        self.mailboxes.setdefault(name, [])
    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.sleeping.sort(key=lambda s: (s[0], s[1]))
                wake, _, name, gen = self.sleeping.pop(0)
                self.time = wake
                self.ready.append((name, gen, None))
                continue
            name, gen, value = self.ready.pop(0)
            try:
                req = gen.send(value)
            except StopIteration as e:
                self.log.append("t=%d %s finished -> %r" % (self.time, name, e.value))
                continue
            kind = req[0]
            if kind == "sleep":
                self.sleeping.append((self.time + req[1], len(self.log) + len(self.sleeping), name, gen))
            elif kind == "send":
                self.mailboxes.setdefault(req[1], []).append((name, req[2]))
                self.ready.append((name, gen, True))
            elif kind == "recv":
                box = self.mailboxes[name]
                self.ready.append((name, gen, box.pop(0) if box else None))
            elif kind == "now":
                self.ready.append((name, gen, self.time))
            else:
                self.ready.append((name, gen, None))
def ticker(n, period):
    for i in range(n):
        now = yield ("now",)
        print("tick", i, "at", now)
        yield ("sleep", period)
    return "ticked %d" % n
def producer(items):
    for it in items:
        yield ("send", "consumer", it)
        yield ("sleep", 1)
    yield ("send", "consumer", None)
    return "produced"
def consumer():
    got = []
    while True:
        msg = yield ("recv",)
        if msg is None:
            yield ("sleep", 1)
            continue
        sender, item = msg
        if item is None:
            return got
        got.append(item.upper())
        now = yield ("now",)
        print("consumed", item, "from", sender, "at", now)
s = Scheduler()
s.spawn("ticker", ticker(3, 2))
s.spawn("producer", producer(["a", "b", "c"]))
s.spawn("consumer", consumer())
s.run()
print("\n".join(s.log))
print("final time", s.time)
