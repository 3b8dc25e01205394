# Builtin iteration helpers: map, filter, zip, enumerate, reversed, sorted, min/max, any/all, iter sentinel.
nums = [4, -2, 7, 0, 9, -5]
print(list(map(abs, nums)), list(map(lambda a, b: a * b, nums, range(3))))
print(list(filter(None, nums)), list(filter(lambda x: x > 0, nums)))
print(list(zip("abc", range(5))), list(zip()), dict(zip("xy", [1, 2])))
print(list(enumerate("ab", start=5)), list(reversed(range(4))))
print(min(nums), max(nums), min(nums, key=abs), max("apple", "fig", key=len), min([], default="none"))
print(sum(nums), sum(nums, 100), sum([[1], [2]], []))
print(any(x > 8 for x in nums), all(x > -10 for x in nums))
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
calls = [0]
def source():
    calls[0] += 1
    return calls[0]
print(list(iter(source, 4)))
print(sorted("hello"), sorted(nums, key=lambda x: (x % 3, x)), sorted(range(5), reverse=True))
print(list(range(10, 0, -3)), range(0, 10, 2)[3], len(range(5, 100, 7)), 14 in range(0, 20, 7))
r = range(1, 10)
print(r[2:5], r[::-1][0], r.index(4), r.count(3))
print(round(7 / 2), abs(-7), divmod(-7, 2), pow(2, -1), chr(ord("a") + 1))
print(isinstance([], (list, tuple)), issubclass(bool, int), type(3) is int, callable(len))
print(repr("q'uote"), ascii("naïve"), str(12), int("12") + 1, list("ab") + list((1,)))
acc = []
for i, (a, b) in enumerate(zip("xyz", reversed(range(3)))):
    acc.append("%d%s%d" % (i, a, b))
print(acc)
print(list(map(str.upper, ["a", "b"])), "".join(map(str, range(5))))
m = map(lambda x: x * 2, [1, 2, 3])
print(next(m), list(m))
z = zip([1, 2], [3, 4])
print(list(z), list(z))
print(hex(sum(ord(c) for c in "checksum")), max(range(10), key=lambda x: (x % 4, -x)))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda t: t[1]))
print(list(x for x in range(20) if x % 3 == 0 if x % 2 == 0))
print(getattr([], "append").__name__, len(dir([])) > 10, hasattr("s", "upper"))
