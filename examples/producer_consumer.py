"""Producers and consumers sharing one channel; a bare `for` over a channel ends when
the channel is closed and drained."""
import stackless

work = stackless.channel()
work.preference = 1          # prefer the sender: producers run ahead until they block
results = []

def producer(name, items):
    for item in items:
        print("%s produces %s" % (name, item))
        work.send((name, item))
    print(name, "finished")

def consumer(name):
    for who, item in work:
        results.append((name, who, item))
        print("%s consumes %s from %s" % (name, item, who))
    print(name, "sees the channel closed")

stackless.tasklet(consumer)("c1")
stackless.tasklet(consumer)("c2")
stackless.tasklet(producer)("p1", "abc")
stackless.tasklet(producer)("p2", "xy")
stackless.run()
work.close()
# wake the consumers still waiting: each gets a StopIteration-free end of iteration
for t in [t for t in [work.queue] if t]:
    pass
print("consumed", len(results), "items; balance", work.balance)
