# Sets of ints and frozensets; printed sorted to be deterministic.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4, 5}, a < a, a >= {1}, a.isdisjoint({9}), {1, 2} == {2, 1})
a.add(10); a.discard(99); a.remove(1)
print(sorted(a), len(a), 10 in a)
try:
    a.remove(99)
except KeyError as e:
    print("KE", e)
s = set()
for x in [3, 1, 3, 2, 1]:
    s.add(x)
print(sorted(s), set() == set(), bool(set()))
f = frozenset([1, 2])
print(sorted(f), hash(f) == hash(frozenset([2, 1])), {f: "ok"}[frozenset({1, 2})])
try:
    f.add(3)
except AttributeError as e:
    print("AE", e)
u = {1, 2}
u |= {3}; u &= {2, 3, 4}; u -= {2}
print(u)
print(sorted({x % 5 for x in range(20)}), len({1, 1.0, True}))
print(sorted(set("mississippi")), sorted({1, 2}.union([3], (4,))), sorted({1, 2, 3}.intersection([2, 3], [3])))
try:
    {[1]}
except TypeError as e:
    print("TE", e)
seen = set(); dups = []
for n in [4, 7, 4, 1, 7, 7, 9]:
    if n in seen:
        dups.append(n)
    seen.add(n)
print(dups, sorted(seen))
print(set([1]).pop(), {5}.copy(), sorted({1, 2, 3}.difference({1})), {2} < {1, 2})
try:
    for x in seen:
        seen.add(x + 100)
except RuntimeError as e:
    print("RE", e)
