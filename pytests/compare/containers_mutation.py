# Mutation while iterating, sorting and comparing: CPython's errors, no crash.

def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

d = {1: 1, 2: 2}
def grow():
    for k in d:
        d[k + 10] = k
attempt("dict-grow", grow)
s = {1, 2, 3}
def shrink():
    for x in s:
        s.discard(x)
attempt("set-shrink", shrink)
l = [3, 1, 2]
def sort_append():
    l.sort(key=lambda x: l.append(x) or x)
attempt("sort-modify", sort_append)
print(l)
l2 = [1, 2, 3]
for x in l2:
    if len(l2) < 6:
        l2.append(x * 10)
print(l2)

class Evil:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 0
    def __eq__(self, other):
        self.target.clear()
        return NotImplemented

e = {}
e[Evil(e)] = 1
e[Evil(e)] = 2
print(len(e) <= 2)
big = list(range(1000, 0, -1))
big.sort()
print(big[:5], big[-3:])
words = ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"]
print(sorted(set(words)) == sorted(set(words), key=lambda w: w))
