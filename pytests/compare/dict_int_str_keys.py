# Dict lookups with int and str keys near the edges of the inline hash paths: -1 (hash -2),
# the 2**61 - 1 modulus, big ints of the same sign, subclasses of int and str, and keys equal
# across int/float/bool/big int. Output must equal CPython's.
M = 2**61 - 1
keys = [0, 1, -1, -2, 5, -5, 1024, 1025, M - 1, M, M + 1, -M, -M + 1, -M - 1,
        2**62, -2**62, 2**63 - 1, -2**63, 2**63, 2**64 + 7, -(2**64 + 7), 10**30, -10**30]
d = {}
for i, k in enumerate(keys):
    d[k] = i
print(len(d), [d[k] for k in keys])
print([hash(k) for k in keys])
# equal values found through a different object or type
print(d[int("-1")], d[M + 0], d[int(str(10**30))], d.get(-(2**64 + 7) + 0), d.get(2**64 + 8, "none"))
print(d.get(1.0), d.get(True), d.get(-1.0), d.get(float(2**62)), d.get(0.5, "none"))
print((2**64 + 7) in d, (2**64 + 6) in d, -1 in d, -3 in d)
# two big ints with the same sign and different magnitudes are different keys
big = {2**70: "a", 2**71: "b", -(2**70): "c", -(2**71): "d"}
print(big[2**70], big[2**71], big[-(2**70)], big[-(2**71)], big.get(2**72, "none"))

class I(int):
    def __hash__(self):
        return 12345
    def __eq__(self, other):
        return int(self) == int(other)
class S(str):
    pass
e = {3: "three", "x": "ex", 12345: "h"}
print(e.get(I(3)), e.get(I(12345)), e.get(S("x")), S("x") in e)
e[I(7)] = "seven"
print(e.get(7), sorted(map(repr, e)))
# str keys: equal strings from different objects, the empty string, non-ASCII
s = {"": 1, "abc": 2, "é": 3, "a" * 100: 4}
print(s["".join([])], s["ab" + "c"], s["\u00e9"], s["a" * 50 + "a" * 50])
# a deleted -1 key leaves a dummy that a later insert reuses
z = {-1: "a", -2: "b"}
del z[-1]
z[-1] = "c"
print(z, list(z))
