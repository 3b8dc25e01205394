# Recursion: deep-but-legal depth, RecursionError caught, mutual recursion, memo.
import sys
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError caught")
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(77))
memo = {}
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    if (r, c) not in memo:
        memo[(r, c)] = paths(r - 1, c) + paths(r, c - 1)
    return memo[(r, c)]
print(paths(16, 16), len(memo))
def flatten(x):
    if isinstance(x, (list, tuple)):
        for e in x:
            yield from flatten(e)
    else:
        yield x
print(list(flatten([1, (2, [3, [4, (5,)]]), [[[]]], 6])))
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set([1, 2, 3]))
def merge_sort(a):
    if len(a) <= 1:
        return a
    m = len(a) // 2
    l, r = merge_sort(a[:m]), merge_sort(a[m:])
    out = []
    while l and r:
        out.append(l.pop(0) if l[0] <= r[0] else r.pop(0))
    return out + l + r
print(merge_sort([(i * 37) % 23 for i in range(23)]))
def quick(a):
    if len(a) < 2:
        return a
    p = a[0]
    return quick([x for x in a[1:] if x < p]) + [p] + quick([x for x in a[1:] if x >= p])
print(quick([5, 3, 9, 1, 5, 0, 7]))
def gen_depth(n):
    if n:
        yield from gen_depth(n - 1)
    yield n
print(sum(gen_depth(200)))
class Node:
    def __init__(self, v, kids=()):
        self.v = v; self.kids = list(kids)
    def total(self):
        return self.v + sum(k.total() for k in self.kids)
    def height(self):
        return 1 + max((k.height() for k in self.kids), default=0)
t = Node(1, [Node(2, [Node(4), Node(5, [Node(8)])]), Node(3)])
print(t.total(), t.height())
