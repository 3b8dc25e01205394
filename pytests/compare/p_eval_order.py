# Evaluation order, augmented assignment targets, chained comparisons, slices, del.
log = []
def t(name, v):
    log.append(name)
    return v
t("a", 1) + t("b", 2) * t("c", 3)
print(log); log.clear()
d = {}
d[t("k", "key")] = t("v", "val")
print(log, d); log.clear()
t("f", print)(t("x", 1), t("y", 2), sep=t("s", "-"))
print(log); log.clear()
print(t("1", 1) < t("2", 2) < t("3", 0) < t("4", 9), log); log.clear()
class Box:
    def __init__(self): self.v = 0; self.items = [0, 0]
b = Box()
def getb():
    log.append("getb"); return b
getb().v += 5
getb().items[t("i", 1)] += 7
print(b.v, b.items, log); log.clear()
x = [1, 2, 3, 4, 5, 6]
s = slice(1, 5, 2)
print(x[s], s.start, s.stop, s.step, slice(3).stop, s.indices(4))
x[::2] = [0, 0, 0]
print(x)
try:
    x[::2] = [1]
except ValueError as e:
    print("VE", e)
del x[1:3]
print(x)
a = [1, 2, 3]
i = 0
i, a[i] = 1, 9
print(i, a)
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], "abc"[Idx()], range(10)[Idx()], bin(Idx()))
print(t("L", 0) or t("R", 5), t("A", 1) and t("B", 0), log); log.clear()
v = t("cond", True) and t("yes", "Y") or t("no", "N")
print(v, log); log.clear()
n = 5
n -= 1; n *= 3; n //= 2; n **= 2; n %= 7; n <<= 2; n |= 1; n ^= 3; n &= 14; n >>= 1
print(n)
s = "ab"; s += "cd"; s *= 2
print(s)
tup = (1,); tup += (2,)
print(tup)
def kw(**k): return sorted(k)
print(kw(**{t("k1", "a"): 1}, b=t("v2", 2)), log)
