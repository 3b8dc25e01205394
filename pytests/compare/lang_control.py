# Control flow: loops with else, break/continue, while, match, walrus, conditional expressions.
for i in range(5):
    if i == 3:
        break
else:
    print("no break")
for i in range(3):
    pass
else:
    print("loop finished", i)
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
print("n", n)
data = [1, 5, 12, 7]
if (big := [x for x in data if x > 6]):
    print("big", big)
print("yes" if len(data) > 3 else "no")

def describe(x):
    match x:
        case 0:
            return "zero"
        case [a, b]:
            return f"pair {a},{b}"
        case [a, *rest]:
            return f"list starting {a} with {len(rest)} more"
        case {"kind": "point", "x": px, **others}:
            return f"point x={px} others={others}"
        case str() as s if s.isdigit():
            return "digits " + s
        case int(v) | float(v) if v < 0:
            return "negative"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case _:
            return "other"

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

for v in [0, [1, 2], [1, 2, 3], {"kind": "point", "x": 3, "z": 1}, "123", -4, Point(0, 5), "abc"]:
    print(describe(v))

total = 0
for i, ch in enumerate("abc"):
    for j in range(i):
        total += j
print(total)
x = 5
while True:
    x -= 1
    if not x:
        break
print("x", x)
print([i for i in range(20) if i % 3 == 0 if i % 2 == 0])
