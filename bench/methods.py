"""Method calls and attribute access on small objects. Prints: methods seconds=<s> check=<v>"""
import time
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm1(self):
        return abs(self.x) + abs(self.y)
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
def work():
    p = Point(0, 0)
    acc = 0
    for i in range(1000000):
        p = p.moved(1, -1)
        acc += p.norm1()
        p.x -= 1
    return acc + p.x + p.y
t0 = time.perf_counter()
v = work()
print("methods seconds=%.4f check=%d" % (time.perf_counter() - t0, v))
