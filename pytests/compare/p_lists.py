# List semantics: mutation, slicing, sorting with keys, aliasing.
a = [5, 3, 8, 1, 9, 2]
b = a
b.append(7)
print(a, a is b, a == b[:], a is a[:])
print(a[1:4], a[::2], a[::-1], a[-2:], a[10:], a[:-10])
a[1:3] = [30, 80, 800]
print(a)
del a[::2]
print(a)
a.insert(0, -1); a.insert(100, 99); a.extend(range(3))
print(a, a.index(99), a.count(0), len(a))
print(a.pop(), a.pop(0), a)
a.remove(80)
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "apple", "Date", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w.lower()), reverse=True))
recs = [("ann", 30), ("bob", 25), ("cy", 30), ("dee", 25)]
print(sorted(recs, key=lambda r: r[1]))  # stable
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
bad = [[0] * 3] * 3
bad[1][1] = 5
print(m, bad)
print([x * x for x in range(10) if x % 2], [(i, j) for i in range(3) for j in range(i)])
print(list(reversed([1, 2, 3])), [1, 2] * 2, [1, 2] + [3], [] == [], [1, [2]] == [1, [2]])
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], max([[1, 2], [1, 3]]))
try:
    [].pop()
except IndexError as e:
    print("IE", e)
try:
    [1, 2].remove(5)
except ValueError as e:
    print("VE", e)
try:
    [1, 2][5]
except IndexError as e:
    print("IE", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TE", e)
c = a.copy(); c.clear(); print(c, a)
x = [1, 2, 3]
x += [4]
x *= 2
print(x, 3 in x, 10 not in x)
nested = [1, [2, [3, [4]]]]
def flat(l):
    out = []
    for e in l:
        if isinstance(e, list):
            out.extend(flat(e))
        else:
            out.append(e)
    return out
print(flat(nested))
