# Threads that hand work to each other in a fixed order (so the output is deterministic):
# a condition-variable ping-pong, a pipeline over queues, results gathered in join order,
# thread-local data, an exception reported through threading.excepthook, a barrier.
import threading, queue, time

T = 10

# ping-pong: two threads alternate strictly through one condition variable
cond = threading.Condition()
turn = ["ping"]
log = []
def player(me, other, n):
    for i in range(n):
        with cond:
            if not cond.wait_for(lambda: turn[0] == me, timeout=T):
                log.append(me + " timed out")
                return
            log.append("%s %d" % (me, i))
            turn[0] = other
            cond.notify_all()
a = threading.Thread(target=player, args=("ping", "pong", 4))
b = threading.Thread(target=player, args=("pong", "ping", 4))
b.start(); a.start()
a.join(T); b.join(T)
print("\n".join(log))

# a pipeline: square in one thread, add one in the next, collect in the main thread
q1, q2, q3 = queue.Queue(), queue.Queue(), queue.Queue()
def stage(src, dst, f):
    while True:
        x = src.get(timeout=T)
        if x is None:
            dst.put(None)
            return
        dst.put(f(x))
stages = [threading.Thread(target=stage, args=(q1, q2, lambda x: x * x)),
          threading.Thread(target=stage, args=(q2, q3, lambda x: x + 1))]
for s in stages: s.start()
for i in range(8): q1.put(i)
q1.put(None)
out = []
while True:
    x = q3.get(timeout=T)
    if x is None: break
    out.append(x)
for s in stages: s.join(T)
print("pipeline:", out)

# results in join order, whatever order the threads finish in
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name="worker-%d" % n)
        self.n = n
    def run(self):
        time.sleep(0.001 * (5 - self.n))
        self.result = sum(range(self.n * 1000))
ws = [Worker(n) for n in range(5)]
for w in ws: w.start()
for w in ws:
    w.join(T)
    print(w.name, w.result, w.is_alive())

# thread-local data
local = threading.local()
local.value = "main"
seen = {}
def show(n):
    local.value = "thread %d" % n
    time.sleep(0.001)
    seen[n] = local.value
ts = [threading.Thread(target=show, args=(n,)) for n in range(3)]
for t in ts: t.start()
for t in ts: t.join(T)
print(sorted(seen.items()), local.value)

# an exception in a thread goes to threading.excepthook
def hook(args):
    print("excepthook:", args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
def fail():
    raise KeyError("missing")
t = threading.Thread(target=fail, name="failing")
t.start(); t.join(T)
threading.excepthook = threading.__excepthook__

# a barrier: every party gets a distinct index; the action runs once
actions = []
bar = threading.Barrier(3, action=lambda: actions.append("all arrived"), timeout=T)
idx = []
lock = threading.Lock()
def party():
    i = bar.wait()
    with lock:
        idx.append(i)
ps = [threading.Thread(target=party) for _ in range(3)]
for p in ps: p.start()
for p in ps: p.join(T)
print(sorted(idx), actions, threading.active_count())
