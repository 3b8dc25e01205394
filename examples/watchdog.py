"""A preemptive game loop: each frame, run(timeout, totaltimeout=True) gives the actors a
shared budget of ticks.
A misbehaving actor (an endless loop without schedule()) is interrupted by the watchdog,
reported, and killed; the well-behaved actors keep cooperating."""
import stackless

steps = {}

def walker(name):
    while True:
        steps[name] = steps.get(name, 0) + 1
        stackless.schedule()

def runaway():
    x = 0
    while True:          # never yields: only preemption can stop it
        x += 1

actors = {stackless.tasklet(walker)("alice"): "alice",
          stackless.tasklet(walker)("bob"): "bob",
          stackless.tasklet(runaway)(): "runaway"}

for frame in range(5):
    victim = stackless.run(5000, totaltimeout=True)
    if victim is not None:
        name = actors[victim]
        if name == "runaway":
            print("frame %d: watchdog interrupted %s; killing it" % (frame, name))
            victim.kill()
        else:
            victim.insert()          # an honest actor that was unlucky: put it back
print("alice and bob kept walking:", steps["alice"] > 0 and steps["bob"] > 0)
print("runaway alive:", any(t.alive and n == "runaway" for t, n in actors.items()))
for t in actors:
    if t.alive:
        t.kill()
print("runnable at exit:", stackless.getruncount())
