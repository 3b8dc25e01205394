"""An actor framework on tasklets and channels.

Each actor owns a mailbox (a channel) and a tasklet that serves it. Requests carry a reply
channel; a supervisor watches its children, restarts one that crashed, and a timer tasklet
turns a request that takes too long into a Timeout sent into the reply channel
(channel.send_exception). Killing an actor raises TaskletExit inside it: its finally blocks run.
"""
import stackless


class Timeout(Exception):
    pass


class ActorDied(Exception):
    pass


class Actor(object):
    def __init__(self, name, supervisor=None):
        self.name = name
        self.mailbox = stackless.channel()
        self.mailbox.preference = 1          # a sender goes on after handing over a message
        self.supervisor = supervisor
        self.handled = 0
        self.task = stackless.tasklet(self._serve)()

    def _serve(self):
        try:
            while True:
                msg, reply = self.mailbox.receive()
                try:
                    result = self.handle(msg)
                except Exception as e:
                    if reply is not None:
                        reply.send_exception(ActorDied, self.name, repr(e))
                    if self.supervisor is not None:
                        self.supervisor.child_failed(self, e)
                    return
                self.handled += 1
                if reply is not None:
                    reply.send(result)
        except TaskletExit:
            log("%s: killed after %d messages" % (self.name, self.handled))
            raise
        finally:
            log("%s: finally" % self.name)

    def tell(self, msg):
        self.mailbox.send((msg, None))

    def ask(self, msg, timeout=None):
        reply = stackless.channel()
        timer = None
        if timeout is not None:
            timer = stackless.tasklet(_timer)(reply, timeout)
        self.mailbox.send((msg, reply))
        try:
            return reply.receive()
        finally:
            if timer is not None and timer.alive:
                timer.kill()

    def handle(self, msg):
        raise NotImplementedError


def _timer(reply, ticks):
    for i in range(ticks):
        stackless.schedule()
    if reply.balance < 0:
        reply.send_exception(Timeout, "no answer in %d ticks" % ticks)


LOG = []


def log(line):
    LOG.append(line)
    print(line)


class Counter(Actor):
    def __init__(self, name, supervisor=None):
        Actor.__init__(self, name, supervisor)
        self.value = 0

    def handle(self, msg):
        op, arg = msg
        if op == "add":
            self.value += arg
            return self.value
        if op == "div":
            return self.value // arg
        if op == "slow":
            for i in range(arg):
                stackless.schedule()
            return "slow done after %d" % arg
        if op == "get":
            return self.value
        raise ValueError("unknown op %r" % (op,))


class Supervisor(object):
    def __init__(self):
        self.children = {}
        self.restarts = 0
        self.events = stackless.channel()

    def start(self, name):
        child = Counter(name, self)
        self.children[name] = child
        return child

    def child_failed(self, child, exc):
        log("supervisor: %s failed with %s: %s" % (child.name, type(exc).__name__, exc))
        self.restarts += 1
        # restart from another tasklet: the failing one is still ending
        stackless.tasklet(self._restart)(child.name)

    def _restart(self, name):
        self.start(name)
        log("supervisor: restarted %s" % name)


def client(sup, name, ops, results):
    for op in ops:
        actor = sup.children[name]
        try:
            r = actor.ask(op, timeout=50)
            results.append((name, op, r))
        except ActorDied as e:
            results.append((name, op, "died", e.args))
        except Timeout as e:
            results.append((name, op, "timeout", str(e)))
        stackless.schedule()


def main():
    sup = Supervisor()
    sup.start("a")
    sup.start("b")
    results = []
    stackless.tasklet(client)(sup, "a", [("add", 5), ("add", 7), ("div", 0), ("get", None),
                                         ("add", 1), ("slow", 10)], results)
    stackless.tasklet(client)(sup, "b", [("add", 100), ("slow", 200), ("bogus", 1),
                                         ("add", 2), ("get", None)], results)
    stackless.run()
    for r in results:
        print(r)
    print("restarts:", sup.restarts)
    # fire-and-forget messages, then kill the actors
    a = sup.children["a"]
    for i in range(10):
        a.tell(("add", i))
    print("a value:", a.ask(("get", None)))
    for name in sorted(sup.children):
        child = sup.children[name]
        print(name, "alive", child.task.alive, "blocked", child.task.blocked,
              "balance", child.mailbox.balance)
        child.task.kill()
        print(name, "alive after kill", child.task.alive)
    print("runcount", stackless.getruncount())
    # a bomb in a mailbox
    c = stackless.channel()
    def receiver():
        try:
            c.receive()
        except ZeroDivisionError as e:
            print("receiver got the bomb:", type(e).__name__, e)
    stackless.tasklet(receiver)()
    stackless.schedule()
    try:
        1 / 0
    except ZeroDivisionError:
        import sys
        c.send(stackless.bomb(*sys.exc_info()))
    stackless.run()
    # send_throw with an instance
    def receiver2():
        try:
            c.receive()
        except KeyError as e:
            print("receiver2:", repr(e))
    stackless.tasklet(receiver2)()
    stackless.schedule()
    c.send_throw(KeyError("k"))
    stackless.run()
    print("log lines", len(LOG))


main()
