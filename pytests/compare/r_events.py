# An event bus with subscriptions, priorities, one-shot handlers, and a log replayed through a generator pipeline.
class EventBus:
    def __init__(self):
        self.handlers = {}
        self.seq = 0
    def on(self, event, prio=0, once=False):
        def deco(fn):
            self.seq += 1
            self.handlers.setdefault(event, []).append([prio, self.seq, fn, once])
            self.handlers[event].sort(key=lambda h: (-h[0], h[1]))
            return fn
        return deco
    def emit(self, event, **payload):
        results = []
        for h in list(self.handlers.get(event, [])):
            prio, seq, fn, once = h
            try:
                r = fn(**payload)
            except Exception as e:
                r = "error: %s(%s)" % (type(e).__name__, e)
            results.append((fn.__name__, r))
            if once:
                self.handlers[event].remove(h)
            if r == "stop":
                break
        return results
bus = EventBus()
audit = []
@bus.on("login", prio=10)
def security(user, **_):
    if user == "mallory":
        return "stop"
    audit.append("checked " + user)
    return "ok"
@bus.on("login")
def greet(user, **_):
    return "welcome " + user
@bus.on("login", prio=5, once=True)
def first_login_bonus(user, **_):
    return "bonus for " + user
@bus.on("purchase")
def charge(user, amount):
    if amount <= 0:
        raise ValueError("amount must be positive")
    return "%s charged %d" % (user, amount)
events = [("login", {"user": "alice"}), ("login", {"user": "bob"}), ("login", {"user": "mallory"}),
          ("purchase", {"user": "alice", "amount": 30}), ("purchase", {"user": "bob", "amount": -1}),
          ("logout", {"user": "alice"})]
log = []
for name, payload in events:
    res = bus.emit(name, **payload)
    log.append((name, payload.get("user"), res))
    print(name, payload, "->", res)
print(audit)
def entries(log):
    for name, user, res in log:
        for handler, r in res:
            yield name, user, handler, r
def only_errors(it):
    return ((n, u, h, r) for n, u, h, r in it if isinstance(r, str) and r.startswith("error"))
def per_user(it):
    counts = {}
    for n, u, h, r in it:
        counts[u] = counts.get(u, 0) + 1
    return counts
print(list(only_errors(entries(log))))
print(per_user(entries(log)))
print(sorted({h for _, _, h, _ in entries(log)}))
