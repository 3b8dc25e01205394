# _queue.SimpleQueue: FIFO order, get/put variants, Empty, timeouts and argument errors, and
# threads handing items through it while the getter waits without holding the interpreter.
import _queue, queue, threading, time

print(queue.SimpleQueue is _queue.SimpleQueue, queue.Empty is _queue.Empty, _queue.Empty.__mro__[1].__name__)
q = queue.SimpleQueue()
print(q.empty(), q.qsize())
for i in range(5):
    q.put(i)
q.put_nowait("x")
q.put(item=None, block=False, timeout=3)
print(q.qsize(), q.empty(), [q.get() for _ in range(3)], q.get_nowait(), q.get(False), q.get(timeout=1), q.get(block=True, timeout=None), q.empty())


def show(f, *args, **kw):
    try:
        return repr(f(*args, **kw))
    except Exception as e:
        return f"{type(e).__name__}: {e}"


print(show(q.get_nowait), show(q.get, False), show(q.get, timeout=0), show(q.get, timeout=0.05))
print(show(q.get, timeout=-1), show(q.get, timeout="a"), show(q.get, False, -1))
print(show(queue.SimpleQueue, 1), show(queue.SimpleQueue, maxsize=1))
print(queue.SimpleQueue[int], type(q).__module__, type(q).__name__)
start = time.monotonic()
print(show(q.get, True, 0.2), time.monotonic() - start >= 0.19)

# A consumer thread waits in get() while the main thread produces slowly.
out = []
def consume():
    while True:
        item = q.get()
        if item is None:
            return
        out.append(item)
t = threading.Thread(target=consume)
t.start()
for i in range(20):
    q.put(i)
    if i % 5 == 0:
        time.sleep(0.01)
q.put(None)
t.join()
print(out == list(range(20)))

# Many producers, one consumer: every item arrives exactly once.
q2 = queue.SimpleQueue()
def produce(base):
    for i in range(200):
        q2.put(base + i)
threads = [threading.Thread(target=produce, args=(k * 1000,)) for k in range(4)]
for th in threads:
    th.start()
got = [q2.get(timeout=10) for _ in range(800)]
for th in threads:
    th.join()
print(sorted(got) == sorted(k * 1000 + i for k in range(4) for i in range(200)), q2.empty())

# queue.Queue is built on the same primitives
qq = queue.Queue(maxsize=2)
qq.put(1); qq.put(2)
print(show(qq.put, 3, timeout=0.01), qq.get(), qq.qsize())
