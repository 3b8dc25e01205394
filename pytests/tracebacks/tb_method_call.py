class Box:
    def open(self, n):
        return self.lid(n) * 2
    def lid(self, n):
        return {"x": 1}[n]

b = Box()
result = b.open("y") + 3
