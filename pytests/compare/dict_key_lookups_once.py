# A failed d[key] on a plain dict hashes and compares the key once, as CPython does (a
# second lookup called __hash__/__eq__ twice: visible side effects, and a tasklet blocking
# in them ran twice).
class K:
    def __init__(self, v): self.v = v
    def __hash__(self):
        print("hash", self.v); return 3
    def __eq__(self, o):
        print("eq", self.v, o.v); return False
a, b = K(1), K(2)
d = {a: 1}
try:
    d[b]
except KeyError as e:
    print("KeyError")
print(d.get(b), b in d)
class D(dict):
    pass
dd = D(d)
try:
    dd[b]
except KeyError: print("KE2")
s = {a}
print(b in s)
