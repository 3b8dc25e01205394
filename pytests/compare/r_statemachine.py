# A table-driven state machine (traffic light + vending machine) with match statements.
class Machine:
    def __init__(self, name, table, start):
        self.name = name; self.table = table; self.state = start; self.trace = [start]
    def fire(self, event):
        key = (self.state, event)
        if key not in self.table:
            raise LookupError("%s: no transition from %s on %s" % (self.name, self.state, event))
        self.state = self.table[key]
        self.trace.append(self.state)
        return self.state
light = Machine("light", {("red", "tick"): "green", ("green", "tick"): "yellow", ("yellow", "tick"): "red",
                          ("red", "fault"): "blink", ("green", "fault"): "blink", ("blink", "reset"): "red"}, "red")
for ev in ["tick", "tick", "tick", "tick", "fault", "tick", "reset", "tick"]:
    try:
        light.fire(ev)
    except LookupError as e:
        print("error:", e)
print(" -> ".join(light.trace))
def vend(events):
    state = "idle"; credit = 0; out = []
    for ev in events:
        match (state, ev):
            case ("idle", ("coin", n)) | ("paying", ("coin", n)):
                credit += n; state = "paying"
                out.append("credit %d" % credit)
            case ("paying", ("select", item, price)) if credit >= price:
                credit -= price
                out.append("vend %s, change %d" % (item, credit))
                credit = 0; state = "idle"
            case ("paying", ("select", item, price)):
                out.append("need %d more for %s" % (price - credit, item))
            case (_, "cancel"):
                out.append("refund %d" % credit); credit = 0; state = "idle"
            case (s, other):
                out.append("ignored %r in %s" % (other, s))
    return out
for line in vend([("coin", 25), ("select", "gum", 50), ("coin", 50), ("select", "gum", 50), ("select", "x", 1), "cancel", ("coin", 5), "cancel", "kick"]):
    print(line)
def classify(v):
    match v:
        case []:
            return "empty list"
        case [x]:
            return "one: %r" % (x,)
        case [x, *rest] if len(rest) > 2:
            return "long from %r" % (x,)
        case [x, y, *_]:
            return "pair-ish %r %r" % (x, y)
        case {"type": "pt", "x": x, "y": y}:
            return "point %d,%d" % (x, y)
        case {"type": t}:
            return "typed " + t
        case int(n) if n < 0:
            return "negative"
        case int() | float():
            return "number"
        case str() as s:
            return "string of %d" % len(s)
        case None:
            return "none"
        case _:
            return "other " + type(v).__name__
for v in [[], [1], [1, 2], [1, 2, 3, 4], {"type": "pt", "x": 1, "y": 2}, {"type": "z", "q": 0}, -5, 3.5, "abc", None, (1,), {1}]:
    print(repr(v), "=>", classify(v))
class Pt:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
for p in [Pt(0, 0), Pt(0, 5), Pt(3, 3), Pt(1, 2)]:
    match p:
        case Pt(0, 0): print("origin")
        case Pt(0, y): print("on y axis", y)
        case Pt(x, y) if x == y: print("diagonal", x)
        case Pt(x=x): print("somewhere x=%d" % x)
