# bool as int, None, truthiness, and comparisons.
print(True + True, True * 10, False - 1, int(True), bool(0), bool(""), bool([0]), -True)
print(True & False, True | False, True ^ True, ~True)
print(isinstance(True, int), type(True).__name__, str(None), repr(None), repr(True), str(False))
print(None is None, None == None, None != 0, not None, not 0, not [1])
vals = [0, 1, "", "a", [], [0], {}, {1: 2}, (), (0,), None, 0.0, -0.0, 3.5, set(), range(0), range(3)]
print([bool(v) for v in vals])
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True, "a" < "b" < "c")
print(all([]), any([]), all([1, 2]), any([0, None, 3]))
print(0 or "x", "" or [] or 5, 1 and 2, 0 and 1, None or None)
def f(x=None):
    if x is None:
        return "none"
    return x
print(f(), f(0), f(False))
print(sorted([True, False, 2, -1]), sum([True] * 5), max(False, True))
try:
    None + 1
except TypeError as e:
    print("TE", e)
try:
    len(None)
except TypeError as e:
    print("TE", e)
d = {True: "t", 1: "one", 1.0: "float"}
print(d)
print(hash(True) == hash(1), {0: 'a', False: 'b'})
