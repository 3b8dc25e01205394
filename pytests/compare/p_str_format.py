# str.format and f-strings with int/str specs.
print("{} {} {}".format(1, "a", None))
print("{1} {0} {1}".format("x", "y"))
print("{name}-{n:>4}".format(name="k", n=7))
print("{:<6}|{:^6}|{:>6}|".format("ab", "cd", "ef"))
print("{:*^11}".format("mid"))
print("{:08d} {:+d} {:,} {:_}".format(42, 42, 1234567, 1234567))
print("{:x} {:#X} {:b} {:#o}".format(255, 255, 5, 8))
print("{0!r} {0!s} {0!a}".format("é"))
p = {"x": 1, "y": [10, 20]}
print("{0[x]} {0[y][1]}".format(p))
class Pt:
    def __init__(self):
        self.x = 3
print("{0.x}".format(Pt()))
w = 7
print(f"{w} {w*2} {w!r:>5} {'q'} {w:03}")
name = "world"
print(f"hello {name.upper()} {len(name)=}")
print(f"{{literal}} {name:>{w}}|")
items = ["a", "bb", "ccc"]
for i, s in enumerate(items):
    print(f"{i:2d}: {s:<4}|{s!r}")
print("{:d}".format(True), "{}".format(True), f"{None}")
print(format(42, "5"), format("s", "<3") + "|", format(10, "x"))
