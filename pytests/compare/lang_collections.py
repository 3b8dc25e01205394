# Lists, tuples, dicts, sets: methods, comprehensions, unpacking, sorting.
lst = [5, 3, 8, 1]
lst.append(7); lst.extend([2, 2]); lst.insert(0, 9)
print(lst, lst.pop(), lst.pop(0), lst.index(8), lst.count(2))
lst.sort(); print(lst)
lst.sort(key=lambda v: -v); print(lst)
print(sorted(["bb", "a", "ccc"], key=len, reverse=True), list(reversed(lst)))
print(lst[1:3], lst[::-1], lst * 2, [1, 2] + [3])
del lst[0]; lst[1:3] = [10, 20, 30]; print(lst)
t = (1, 2, 3)
a, *rest = t
print(a, rest, t + (4,), t.index(2), len(t), t[1:])
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, list(d), list(d.values()), list(d.items()), d.get("z", 0), d.pop("a"), d)
d.update({"x": 9}, y=8); print(d, "x" in d, len(d))
print({k: v * 2 for k, v in d.items() if v > 2})
print(d.setdefault("q", []), d)
s = {3, 1, 2}
print(sorted(s), s & {1, 5}, s | {9}, s - {1}, s ^ {1, 7}, 2 in s, frozenset([1, 1, 2]))
print([x * y for x in range(3) for y in range(3) if x != y])
print({x % 3 for x in range(10)}, dict(zip("abc", range(3))), list(enumerate("xy", 1)))
print(sum([1, 2, 3]), min(4, 2, 8), max([1, 9, 3]), any([0, 0, 1]), all([]), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)])
nested = {"k": [1, {"n": (2, 3)}]}
print(nested, repr(nested))
print(list(range(10, 0, -3)), range(5)[1:3], len(range(0, 100, 7)), 50 in range(0, 100, 5))
x = [1, 2]; x.append(x); print(x)
print(sorted([(2, "b"), (1, "z"), (2, "a")]), [1, 2] < [1, 3], (1, 2) == (1, 2))
