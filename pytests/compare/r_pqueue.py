# A binary-heap priority queue written by hand, driving a job simulation.
class PQ:
    def __init__(self):
        self.h = []
        self.counter = 0
    def push(self, prio, item):
        self.h.append((prio, self.counter, item))
        self.counter += 1
        i = len(self.h) - 1
        while i > 0:
            p = (i - 1) // 2
            if self.h[i] < self.h[p]:
                self.h[i], self.h[p] = self.h[p], self.h[i]
                i = p
            else:
                break
    def pop(self):
        if not self.h:
            raise IndexError("pop from empty queue")
        top = self.h[0]
        last = self.h.pop()
        if self.h:
            self.h[0] = last
            i = 0
            n = len(self.h)
            while True:
                l, r = 2 * i + 1, 2 * i + 2
                m = i
                if l < n and self.h[l] < self.h[m]: m = l
                if r < n and self.h[r] < self.h[m]: m = r
                if m == i: break
                self.h[i], self.h[m] = self.h[m], self.h[i]
                i = m
        return top[0], top[2]
    def __len__(self):
        return len(self.h)
q = PQ()
vals = [(x * 7919) % 101 for x in range(40)]
for v in vals:
    q.push(v, "v%d" % v)
out = []
while q:
    out.append(q.pop()[0])
print(out == sorted(vals), out[:10])
try:
    q.pop()
except IndexError as e:
    print("IE", e)
# Simulation: jobs arrive, a single worker takes highest priority (lowest number) first.
jobs = [(0, "backup", 5, 3), (1, "email", 1, 1), (2, "report", 3, 2), (2, "alert", 0, 1), (6, "index", 4, 2), (7, "ping", 0, 1)]
clock = 0; ready = PQ(); pending = list(jobs); log = []
while pending or ready:
    while pending and pending[0][0] <= clock:
        t, name, prio, dur = pending.pop(0)
        ready.push(prio, (name, dur, t))
    if not ready:
        clock = pending[0][0]
        continue
    prio, (name, dur, arrived) = ready.pop()
    log.append("%2d-%2d %-7s prio=%d waited=%d" % (clock, clock + dur, name, prio, clock - arrived))
    clock += dur
print("\n".join(log))
print("finished at", clock)
