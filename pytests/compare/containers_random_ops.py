# Random operations on set, frozenset, dict and list (a fixed LCG, so both interpreters do
# the same work); prints every state, so table layout, iteration order and results must match.

seed = 2024
def rand(k):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return (seed >> 33) % k

def val():
    kind = rand(4)
    if kind == 0:
        return rand(50) - 10
    if kind == 1:
        return rand(10) * 1000003
    if kind == 2:
        return (rand(5), rand(3))
    return -(2 ** 61) + rand(7)

sets = [set(), set(), frozenset()]
for step in range(400):
    op = rand(12)
    a = sets[rand(3)]
    b = sets[rand(3)]
    x = val()
    if op == 0 and isinstance(a, set):
        a.add(x)
    elif op == 1 and isinstance(a, set):
        a.discard(x)
    elif op == 2 and isinstance(a, set) and a:
        a.pop()
    elif op == 3:
        sets[rand(3)] = a | b
    elif op == 4:
        sets[rand(3)] = a & b
    elif op == 5:
        sets[rand(3)] = a - b
    elif op == 6:
        sets[rand(3)] = a ^ b
    elif op == 7 and isinstance(a, set):
        a.update([val() for _ in range(rand(6))])
    elif op == 8 and isinstance(a, set):
        a.difference_update([val() for _ in range(rand(6))])
    elif op == 9 and isinstance(a, set):
        a.symmetric_difference_update([val() for _ in range(rand(6))])
    elif op == 10:
        sets[rand(3)] = frozenset(a)
    elif op == 11 and isinstance(a, set):
        a.intersection_update(b, [val() for _ in range(rand(20))] + list(a))
    if step % 20 == 0:
        print(step, sets, [a <= b, a < b, a == b, a.isdisjoint(b)])
print([hash(s) for s in sets if isinstance(s, frozenset)])

d = {}
log = []
for step in range(300):
    op = rand(6)
    k = val()
    if op < 3:
        d[k] = step
    elif op == 3:
        log.append(d.pop(k, None))
    elif op == 4 and d:
        log.append(d.popitem())
    else:
        log.append(d.setdefault(k, -step))
    if step % 30 == 0:
        print(step, d)
print(log[-20:], list(reversed(d))[:10])

l = []
for step in range(300):
    op = rand(7)
    if op < 2:
        l.append(val() if rand(2) else rand(100))
    elif op == 2 and l:
        i = rand(len(l) + 4) - 2
        j = rand(len(l) + 4) - 2
        del l[i:j:1 + rand(3)]
    elif op == 3:
        i = rand(len(l) + 4) - 2
        l[i:i + rand(3)] = [rand(9) for _ in range(rand(4))]
    elif op == 4:
        l.insert(rand(len(l) + 5) - 3, rand(50))
    elif op == 5 and l:
        l.pop(rand(len(l)))
    else:
        l.reverse()
    if step % 30 == 0:
        print(step, l, sorted(l, key=lambda v: v if isinstance(v, int) else v[0]))
