# Busy threads that never block take turns only through the interpreter lock's periodic
# hand-over; a Lock keeps their read-modify-write updates whole, so the totals are exact.
# Also: ThreadPoolExecutor results in submission order, and _thread's own primitives.
import threading, _thread, sys, time
from concurrent.futures import ThreadPoolExecutor, as_completed

T = 10
sys.setswitchinterval(0.0005)
total = [0]
lock = threading.Lock()
per_thread = {}
def add(n, k):
    mine = 0
    for i in range(n):
        with lock:
            total[0] += k
        mine += 1
    per_thread[k] = mine
ts = [threading.Thread(target=add, args=(3000, k)) for k in (1, 10, 100)]
for t in ts: t.start()
for t in ts: t.join(T)
print("total", total[0], sorted(per_thread.items()))

with ThreadPoolExecutor(max_workers=4) as ex:
    futs = [ex.submit(pow, 2, n) for n in range(12)]
    print([f.result(timeout=T) for f in futs])
    print(sorted(f.result() for f in as_completed(futs, timeout=T)))
    print(list(ex.map(str.upper, ["a", "b", "c"], timeout=T)))

done = _thread.allocate_lock()
done.acquire()
box = []
def worker(a, b=0):
    box.append(a + b)
    done.release()
_thread.start_new_thread(worker, (40,), {"b": 2})
print(done.acquire(timeout=T), box, type(_thread.get_ident()).__name__)
while _thread._count():
    time.sleep(0.001)
print("count", _thread._count(), repr(_thread.allocate_lock())[:16])
for bad in [(1, ()), (worker, [1]), (worker, (1,), [])]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError:", e)
