# str.format / f-strings limited to string specs, conversions and field access.
print("{} {} {}".format(1, "a", None))
print("{1} {0} {1}".format("x", "y"))
print("{:<6}|{:^6}|{:>6}|".format("ab", "cd", "ef"))
print("{:*^11}".format("mid"), "{:-<5}".format("x"), "{:.2}".format("abcdef"))
print("{0!r} {0!s} {0!a}".format("é"))
p = {"x": 1, "y": [10, 20]}
print("{0[x]} {0[y][1]}".format(p), "{a}-{b}".format(**{"a": 1, "b": 2}))
class Pt:
    def __init__(self):
        self.x = 3
print("{0.x} {p.x}".format(Pt(), p=Pt()))
w = 7
name = "world"
print(f"{w} {w*2} {w!r} {'q'} {name!r:>9}|")
print(f"hello {name.upper()} {len(name)=} {name=}")
print(f"{{literal}} {name:>{w}}| {name:^{w + 2}}|")
items = ["a", "bb", "ccc"]
for i, s in enumerate(items):
    print(f"{i}: {s:<4}|{s!r}|{s:>5}")
print("{}".format(True), f"{None}", format("s", "<3") + "|", f"{[1, 2]} {(1,)} {{}}")
print("{{}} {}".format(5), "{:}".format("plain"), f"{'a' 'b'}", f"""{'tri'}""")
print(f"{3 if w > 5 else 4} {[x for x in range(3)]} {dict(a=1)['a']}")
