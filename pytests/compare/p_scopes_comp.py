# Comprehension scoping, class scope, global/nonlocal, loop else, walrus.
x = "global"
def f():
    return [x for _ in range(2)]
print(f())
class C:
    n = 3
    vals = [i * 2 for i in range(3)]
    doubled = list(map(lambda v: v * 2, vals))
print(C.vals, C.doubled)
y = [i for i in range(3)]
try:
    print(i)
except NameError as e:
    print("NameError:", e)
def counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    bump(); bump()
    return count
print(counter())
total = 0
def add_global(v):
    global total
    total += v
for v in range(5):
    add_global(v)
print(total)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print("prime", n, end=" ")
print()
k = 0
while k < 3:
    k += 1
else:
    print("while else", k)
data = [3, 8, 1, 12, 5]
if (big := [v for v in data if v > 4]):
    print("big ones", big, len(big))
print([y2 for v in data if (y2 := v * 2) > 10])
print({v: [w for w in range(v)] for v in range(3)}, {c for c in "aab" if c != "b"})
gen = (v * v for v in data)
data = []
print(list(gen))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [e for row in matrix for e in row if e % 2])
def make():
    fns = {}
    for name in ["a", "b"]:
        def fn(name=name):
            return name * 2
        fns[name] = fn
    return fns
print({k: v() for k, v in make().items()})
def unbound():
    try:
        print(z)
        z = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
unbound()
lst = [1, 2, 3]
del lst[0]
a = b = c = 7
a += 1
print(lst, a, b, c)
