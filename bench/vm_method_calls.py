class P:
    def __init__(self, x):
        self.x = x
    def inc(self, d):
        self.x = self.x + d
        return self
p = P(0)
for i in range(1000000):
    p.inc(1)
print(p.x)
