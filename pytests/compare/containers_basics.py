# Containers: reprs, iteration orders and error messages, printed for comparison with CPython 3.11.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

a = list(range(12))
print(a[::3], a[-3:], a[10:2:-3], a[::-1][:4])
b = a[:]
b[1:9:2] = "wxyz"
del b[::3]
print(b)
print(sorted([5, -1, 3, 3.5, 0, -7]), sorted("hello world"), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(sorted(["bb", "a", "ccc", "dd"], key=len), sorted(["bb", "a", "ccc", "dd"], key=len, reverse=True))
print({10, 100, 1000}, {1, 9, 17, 25, 33, 41}, set(range(20)) - {3, 4}, {-1, -2, 7, 2 ** 40})
s = set()
for x in [1, 9, 17, 25, 33, 41, 49, 57]:
    s.add(x)
print(s, frozenset(s), s & {57, 1, 99}, s ^ {0, 1})
d = {"one": 1, "two": 2}
d["three"] = 3
d.update(four=4)
del d["two"]
print(d, list(d.items()), d.keys() | {"x"} == {"one", "three", "four", "x"})
print(dict.fromkeys(range(3), []), dict(zip("abc", range(3))), {**d, "one": 0})
print(list(enumerate("abc", start=1)), list(zip("ab", "cd", "ef")), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, "", 1, "a", None, []])), list(reversed("abc")), list(reversed(range(0, 10, 3))))
print(range(10), range(1, 10, 2), range(10)[::-2], len(range(0, 10 ** 6, 7)), 999999 in range(0, 10 ** 6, 7))
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4), [1, 2, 3][slice(None, None, 2)])
print((1, 2) + (3,), (0,) * 3, [0] * 3, hash((1, "a", None)) == hash((1, "a", None)), hash(frozenset({1, 2, 3})))
r = [1, 2]
r.append(r)
dd = {"self": None}
dd["self"] = dd
print(r, dd, (r,))
show("index", lambda: [1, 2].index(3))
show("remove", lambda: [].remove(0))
show("pop", lambda: {}.pop("k"))
show("popitem", lambda: {}.popitem())
show("setpop", lambda: set().pop())
show("tupleidx", lambda: (1, 2)[5])
show("mul", lambda: [1] * 1.5)
show("concat", lambda: [1] + "a")
show("hash", lambda: hash([]))
show("zipstrict", lambda: list(zip([1, 2], [1], strict=True)))
show("range0", lambda: range(1, 2, 0))
show("rangeidx", lambda: range(3).index(10))
show("sliceassign", lambda: a.__setitem__(slice(None, None, 2), [1]))
show("unpack", lambda: dict([(1, 2, 3)]))
show("cmp", lambda: [1] < ["x"])
show("rev", lambda: reversed({1: 2}.values()) and reversed(set()))
