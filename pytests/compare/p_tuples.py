# Tuples: packing, unpacking, star targets, immutability, comparisons.
t = 1, 2, 3
a, b, c = t
print(t, a, b, c, type(t).__name__)
first, *rest = [10, 20, 30, 40]
*init, last = "abcd"
x, *mid, y = range(6)
print(first, rest, init, last, x, mid, y)
(p, q), r = (1, 2), 3
print(p, q, r)
a, b = b, a
print(a, b)
print((1,), (), tuple("ab"), tuple([1, 2]), (1, 2) + (3,), (0,) * 3)
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 99))
print(t.count(2), t.index(3), len(t), t[::-1], hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 9
except TypeError as e:
    print("TE", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("VE", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("VE", e)
tl = ([1], 2)
tl[0].append(5)
print(tl)
pairs = [(3, "c"), (1, "a"), (2, "b")]
for n, s in sorted(pairs):
    print(n, s)
print(list(zip(*pairs)))
print(dict(pairs), sorted(pairs, key=lambda t: t[1], reverse=True))
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, 8, 1])
print(lo, hi)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
print([*t, *"xy"], (*t, 4))
print(divmod(9, 4), tuple(x * 2 for x in t))
