"""The run queue and channel queues: ring order, next/prev, removal from the middle,
growth past many tasklets (checked against Stackless 3.7.5's output)."""
import stackless


def test_run_queue_ring_next_prev():
    def f(): pass
    ts = [stackless.tasklet(f)() for i in range(3)]
    m = stackless.main
    assert (m.next, m.prev) == (ts[0], ts[2])
    assert (ts[0].next, ts[0].prev) == (ts[1], m)
    assert (ts[2].next, ts[2].prev) == (m, ts[1])
    stackless.run()
    assert m.next is m and m.prev is m      # alone in the ring


def test_channel_queue_next_prev_and_kill_in_middle():
    ch = stackless.channel()
    got = []
    def r(i): got.append((i, ch.receive()))
    rs = [stackless.tasklet(r)(i) for i in range(3)]
    stackless.run()
    assert ch.balance == -3 and ch.queue is rs[0]
    assert (rs[0].next, rs[0].prev) == (rs[1], None)
    assert (rs[1].next, rs[1].prev) == (rs[2], rs[0])
    assert (rs[2].next, rs[2].prev) == (None, rs[1])
    rs[1].kill()
    assert ch.balance == -2 and not rs[1].alive and rs[1].next is None
    assert (rs[0].next, rs[2].prev) == (rs[2], rs[0])
    ch.send('a'); ch.send('b')
    stackless.run()
    assert got == [(0, 'a'), (2, 'b')]


def test_remove_and_insert_a_set_up_tasklet():
    order = []
    def a(x):
        order.append(x); stackless.schedule(); order.append(x + '2')
    t1 = stackless.tasklet(a)('a'); t2 = stackless.tasklet(a)('b'); t3 = stackless.tasklet(a)('c')
    t3.run()
    assert order == ['c'] and stackless.getruncount() == 4
    t2.remove()
    assert not t2.scheduled and t2.alive
    t2.insert()
    stackless.run()
    assert order == ['c', 'a', 'c2', 'b', 'a2', 'b2'], order


def test_many_blocked_released_in_order_after_kills():
    ch = stackless.channel()
    got = []
    def w(i): got.append((i, ch.receive()))
    ts = [stackless.tasklet(w)(i) for i in range(1000)]
    stackless.run()
    assert ch.balance == -1000
    for i in range(0, 1000, 3): ts[i].kill()       # holes all over the queue
    n = -ch.balance
    assert n == 666
    for k in range(n): ch.send(k)
    stackless.run()
    expect = [i for i in range(1000) if i % 3]
    assert [i for i, _ in got] == expect and [v for _, v in got] == list(range(n))


def test_run_switch_order_with_many_scheduled():
    seen = []
    def f(i):
        seen.append(i)
        stackless.schedule()
        seen.append(-i)
    ts = [stackless.tasklet(f)(i) for i in range(1, 200)]
    ts[150].run()            # the ring turns to 151: 151..199 run, then main's turn comes
    assert seen == list(range(151, 200))
    stackless.run()
    first = list(range(151, 200)) + list(range(1, 151))
    assert seen == first + [-i for i in first], seen[:10]


for name, fn in list(globals().items()):
    if name.startswith('test_'):
        fn()
print('ok')
